using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Tests.OpenData;

namespace CchcPortal.Tests.Import;

/// <summary>
/// Issue 37: an appendix's columns that map to no key ("Kinh phí", "Ghi chú") are not dropped: their non-empty cells
/// become the task's body ("Ghi chú: …"), and the command says which columns it read and which it kept as notes.
/// Fixtures ghi-chu.docx (made by LibreOffice, the note merged down over two tasks) and ghi-chu.csv.
/// </summary>
public class ImportNotesTests
{
    private static (string Dir, CchcRun.Result Result) Import(string fixture, string lang = "vi")
    {
        var dir = Repo.TempDir("import-notes");
        OpenDataSite.Copy(Repo.Path("tests", "sites", "seed-004"), dir);
        var planDir = Directory.GetDirectories(Path.Combine(dir, "content", "plans")).Single();
        Directory.Delete(Path.Combine(planDir, "tasks"), recursive: true);
        if (Directory.Exists(Path.Combine(planDir, "reports"))) Directory.Delete(Path.Combine(planDir, "reports"), recursive: true);
        return (dir, CchcRun.Run("import", ImportTests.Fixture(fixture), "--plan", Path.GetFileName(planDir), "--source", dir, "--lang", lang));
    }

    [Theory]
    [InlineData("ghi-chu.docx")]
    [InlineData("ghi-chu.csv")]
    public void Unmapped_columns_become_the_task_body_and_the_command_says_so(string fixture)
    {
        var (dir, r) = Import(fixture);
        Assert.True(r.Exit == 0, r.Out + r.Err);
        Assert.Contains("Đã đọc các cột: \"STT\", \"Nội dung\", \"Sản phẩm\", \"Cơ quan chủ trì\", \"Cơ quan phối hợp\", \"Thời gian hoàn thành\".\n", r.Out);
        Assert.Contains("Các cột không ứng với khóa nào được giữ làm ghi chú trong phần nội dung của nhiệm vụ: \"Kinh phí\" (2 nhiệm vụ), \"Ghi chú\" (3 nhiệm vụ).\n", r.Out);

        var bag = new DiagnosticBag();
        var site = SiteLoader.Load(dir, bag, new DateOnly(2024, 6, 1))!;
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        var tasks = site.Plans.Single().Tasks.ToDictionary(t => t.No, t => t.Body.Vi.Trim());
        Assert.Equal("Kinh phí: Ngân sách huyện\n\nGhi chú: Phối hợp với Sở Nội vụ", tasks[1]);
        Assert.Equal("", tasks[2]);
        Assert.Equal("Ghi chú: Ưu tiên thủ tục liên thông\nBáo cáo kết quả trước 15/12", tasks[3]);
        Assert.Equal("Kinh phí: Không\n\nGhi chú: Ưu tiên thủ tục liên thông\nBáo cáo kết quả trước 15/12", tasks[4]);
        var file = File.ReadAllText(Path.Combine(dir, "content", "plans", site.Plans.Single().Id, "tasks", "01.md"));
        Assert.EndsWith("---\nKinh phí: Ngân sách huyện\n\nGhi chú: Phối hợp với Sở Nội vụ\n", file);
        Assert.Equal(0, CchcRun.Run("check", "--source", dir).Exit);
    }

    [Fact]
    public void In_english_the_columns_are_said_in_english()
    {
        var (_, r) = Import("ghi-chu.csv", "en");
        Assert.True(r.Exit == 0, r.Out + r.Err);
        Assert.Contains("Columns read: \"STT\", \"Nội dung\", \"Sản phẩm\", \"Cơ quan chủ trì\", \"Cơ quan phối hợp\", \"Thời gian hoàn thành\".\n", r.Out);
        Assert.Contains("Columns that map to no key are kept as notes in the task's body: \"Kinh phí\" (2 tasks), \"Ghi chú\" (3 tasks).\n", r.Out);
    }

    [Fact]
    public void An_appendix_without_other_columns_says_only_which_it_read()
    {
        var (_, r) = Import("seed-004-appendix.csv");
        Assert.True(r.Exit == 0, r.Out + r.Err);
        Assert.Contains("Đã đọc các cột: ", r.Out);
        Assert.DoesNotContain("giữ làm ghi chú", r.Out);
    }
}
