using CchcPortal.Core.Schema;
using CchcPortal.Tests.Import;
using CchcPortal.Tests.OpenData;

namespace CchcPortal.Tests.Content;

/// <summary>
/// Issue 38: the traps a commune's staff meet in their first hour, each said at the moment it is made, in their words,
/// in Vietnamese (and in English with --lang en). The sites are folders of tests/sites-invalid/ (make-cases.py).
/// </summary>
public class FirstHourTests
{
    private static string Case(string name) => Path.Combine(InvalidSiteTests.CasesDir, name);

    private static string Line(CchcRun.Result r, string code) =>
        Assert.Single((r.Out + r.Err).Split('\n'), l => l.Contains($" {code}: ", StringComparison.Ordinal));

    [Theory]
    [InlineData("vi", "content/plans/2025/tasks/02.md(7,11): error CC0090: Thời hạn \"Trước ngày 31/02/2025\": 31/02/2025 không phải là một ngày có thật (tháng 2/2025 chỉ có 28 ngày). Hãy sửa lại ngày, ví dụ \"Trước ngày 28/02/2025\".")]
    [InlineData("en", "content/plans/2025/tasks/02.md(7,11): error CC0090: Deadline \"Trước ngày 31/02/2025\": 31/02/2025 is not a date (February 2025 has 28 days). Correct the day, e.g. \"Trước ngày 28/02/2025\".")]
    public void A_deadline_on_a_day_that_does_not_exist_says_so_not_the_list_of_forms(string lang, string expected)
    {
        var r = CchcRun.Run("check", "--source", Case("impossible-deadline-day"), "--lang", lang);
        Assert.Equal(1, r.Exit);
        Assert.Equal(expected, Line(r, "CC0090"));
        Assert.DoesNotContain("CC0012", r.Err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("vi", "content/plans/2025/reports/q3.md(7,18): error CC0021: Giá trị \"dang-lam\" của \"tasks.2.status\" (nhiệm vụ số 2) không hợp lệ. Dùng một trong: not-started — Chưa bắt đầu; in-progress — Đang thực hiện; done — Đã hoàn thành; cancelled — Đã hủy.")]
    [InlineData("en", "content/plans/2025/reports/q3.md(7,18): error CC0021: Value \"dang-lam\" of \"tasks.2.status\" (task 2) is not valid. Use one of: not-started — Not started; in-progress — In progress; done — Done; cancelled — Cancelled.")]
    public void A_misspelled_status_names_the_task_and_each_choice_with_its_meaning(string lang, string expected)
    {
        var r = CchcRun.Run("check", "--source", Case("report-bad-status"), "--lang", lang);
        Assert.Equal(1, r.Exit);
        Assert.Equal(expected, Line(r, "CC0021"));
    }

    [Theory]
    [InlineData("vi", "content/plans/2025/reports/q4.md(4,9): warning CC0091: Báo cáo ký ngày 15/3/2026, sau ngày dùng để tính số liệu của trang (20/12/2025, as_of trong site.yaml): báo cáo này chưa được tính ở trang chủ, trang kế hoạch, trang nhiệm vụ và thẻ tiến độ. Nếu báo cáo đã ký thật, hãy xóa dòng as_of trong site.yaml (hoặc đặt as_of từ ngày 15/3/2026 trở đi); nếu ngày ký gõ nhầm, hãy sửa dòng issued.")]
    [InlineData("en", "content/plans/2025/reports/q4.md(4,9): warning CC0091: The report was issued on 15/3/2026, after the date the portal's figures are judged on (20/12/2025, as_of in site.yaml): it is not counted on the home, plan and task pages nor on the progress card. If it really is signed, delete the as_of line in site.yaml (or set as_of to 15/3/2026 or later); if the date is a typing mistake, correct the issued line.")]
    public void A_report_issued_after_as_of_is_warned_at_the_report(string lang, string expected)
    {
        var r = CchcRun.Run("check", "--source", Case("report-after-as-of"), "--lang", lang);
        Assert.Equal(0, r.Exit);
        Assert.Equal(expected, Line(r, "CC0091"));
        // build (and serve, which prepares the site the same way, SiteBuilder.Prepare) says it too.
        var built = CchcRun.Run("build", "--source", Case("report-after-as-of"), "--output", Repo.TempDir("after-as-of"), "--lang", lang);
        Assert.Equal(0, built.Exit);
        Assert.Equal(expected, Line(built, "CC0091"));
    }

    [Fact]
    public void The_form_and_the_messages_use_the_status_words_of_the_pages()
    {
        var vi = Strings("vi");
        var en = Strings("en");
        foreach (var c in ContentSchema.TaskStatuses)
        {
            var key = "status_" + c.Id.Replace('-', '_');
            Assert.Equal(vi[key], c.Vi);
            Assert.Equal(en[key], c.En);
        }
    }

    private static Dictionary<string, string> Strings(string lang) =>
        File.ReadAllLines(Repo.Path("themes", "default", "i18n", lang + ".yaml"))
            .Select(l => l.Split(": ", 2)).Where(p => p.Length == 2 && !p[0].StartsWith('#'))
            .GroupBy(p => p[0]).ToDictionary(g => g.Key, g => g.First()[1].Trim().Trim('"'));

    [Fact]
    public void Importing_the_same_appendix_twice_is_one_error_saying_how_to_replace_the_tasks()
    {
        var dir = Repo.TempDir("import-twice");
        OpenDataSite.Copy(Repo.Path("tests", "sites", "seed-004"), dir);
        var planDir = Directory.GetDirectories(Path.Combine(dir, "content", "plans")).Single();
        var plan = Path.GetFileName(planDir);
        Directory.Delete(Path.Combine(planDir, "tasks"), recursive: true);
        Directory.Delete(Path.Combine(planDir, "reports"), recursive: true);
        var csv = ImportTests.Fixture("seed-004-appendix.csv");
        Assert.Equal(0, CchcRun.Run("import", csv, "--plan", plan, "--source", dir).Exit);
        var before = Repo.Snapshot(dir);

        foreach (var lang in new[] { "vi", "en" })
        {
            var again = CchcRun.Run("import", csv, "--plan", plan, "--source", dir, "--lang", lang);
            Assert.Equal(1, again.Exit);
            var errors = again.Err.Split('\n').Where(l => l.Contains(" error CC", StringComparison.Ordinal)).ToList();
            var line = Assert.Single(errors);
            Assert.EndsWith(lang == "vi"
                ? $"error CC0093: Kế hoạch {plan} đã có 11 nhiệm vụ cùng số với phụ lục này (số 1 – 11): có lẽ phụ lục đã được nhập rồi. Không tệp nào được ghi. Để nhập lại thay cho các nhiệm vụ đã có, hãy xóa các tệp trong content/plans/{plan}/tasks/ (kể cả những tệp đã sửa tay) rồi chạy lại lệnh; để nhập vào kế hoạch khác, dùng --plan MÃ."
                : $"error CC0093: Plan {plan} already has 11 task(s) with the numbers of this appendix (1 – 11): it was probably imported already. Nothing was written. To import it again in place of those tasks, delete the files in content/plans/{plan}/tasks/ (hand edits included) and run the command again; to import into another plan, use --plan ID.",
                line, StringComparison.Ordinal);
        }
        Repo.AssertSameFiles(before, Repo.Snapshot(dir));
    }

    [Theory]
    [InlineData("vi", "  dữ liệu mở: ", "  chỉ mục tìm kiếm (vi): ", "open data", "search index")]
    [InlineData("en", "  open data: ", "  search index (vi): ", "dữ liệu mở", "chỉ mục tìm kiếm")]
    public void The_build_summary_speaks_the_language_asked_for(string lang, string openData, string search, string notOpenData, string notSearch)
    {
        var output = Repo.TempDir("summary-" + lang);
        var r = CchcRun.Run("build", "--source", Repo.Path("tests", "sites", "minimal"), "--output", output, "--lang", lang);
        Assert.True(r.Exit == 0, r.Err);
        var lines = r.Out.Split('\n');
        Assert.Single(lines, l => l.StartsWith(openData, StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith(search, StringComparison.Ordinal));
        Assert.DoesNotContain(notOpenData, r.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(notSearch, r.Out, StringComparison.Ordinal);
        if (lang == "vi") Assert.Matches(@"(?m)^  dữ liệu mở: \d+ tệp, \d+ KB$", r.Out);
    }

    [Theory]
    [InlineData("https://cchc.phuoclong.example.gov.vn/", "https://phuoclong.example.gov.vn")]
    [InlineData("https://tanminh.haiphong.gov.vn/cchc/", "https://www.tanminh.haiphong.gov.vn")]
    [InlineData("https://xa-binh-tan.github.io/cchc/", "https://ten-xa.tinh.gov.vn")]
    public void The_embed_hint_takes_its_example_from_the_site_address(string baseUrl, string example)
    {
        var dir = Repo.TempDir("embed-hint");
        OpenDataSite.Copy(Repo.Path("tests", "sites", "minimal"), dir);
        var yaml = Path.Combine(dir, "site.yaml");
        File.WriteAllText(yaml, System.Text.RegularExpressions.Regex.Replace(File.ReadAllText(yaml), @"(?m)^base_url: .*$", "base_url: " + baseUrl));
        foreach (var lang in new[] { "vi", "en" })
        {
            var r = CchcRun.Run("check", "--source", dir, "--lang", lang);
            var line = Line(r, "CC0042");
            Assert.Contains($"embed_origins: [{(lang == "en" && example.Contains("ten-xa", StringComparison.Ordinal) ? "https://commune.province.gov.vn" : example)}]", line, StringComparison.Ordinal);
            Assert.DoesNotContain("binhtan", line, StringComparison.Ordinal);
        }
        // The open-data page, where the snippet is, gives the same example.
        var output = Repo.TempDir("embed-hint-out");
        Assert.Equal(0, CchcRun.Run("build", "--source", dir, "--output", output).Exit);
        var page = File.ReadAllText(Path.Combine(output, "du-lieu", "index.html"));
        Assert.Contains($"embed_origins: [{example}]", page, StringComparison.Ordinal);
        Assert.DoesNotContain("binhtan", page, StringComparison.Ordinal);
    }
}
