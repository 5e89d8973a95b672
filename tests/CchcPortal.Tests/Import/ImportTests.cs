using System.Text;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Tests.OpenData;

namespace CchcPortal.Tests.Import;

/// <summary>
/// <c>cchc import</c> on appendices made by LibreOffice from the seed sites (fixtures/make-fixtures.py): each gives the
/// tasks the test site holds; the site then checks and builds; wrong rows are all listed (golden files) and nothing
/// is written.
/// </summary>
public class ImportTests
{
    private static readonly DateOnly AsOf = new(2025, 12, 20);
    public static string Fixture(string name) => Repo.Path("tests", "CchcPortal.Tests", "Import", "fixtures", name);

    /// <summary>A copy of a test site without its tasks and reports (the reports name tasks), optionally without its plan.</summary>
    private static (string Dir, string PlanId) SiteWithoutTasks(string seed, bool dropPlan = false)
    {
        var dir = Repo.TempDir("import-" + seed);
        OpenDataSite.Copy(Repo.Path("tests", "sites", seed), dir);
        var planDir = Directory.GetDirectories(Path.Combine(dir, "content", "plans")).Single();
        Directory.Delete(Path.Combine(planDir, "tasks"), recursive: true);
        if (Directory.Exists(Path.Combine(planDir, "reports"))) Directory.Delete(Path.Combine(planDir, "reports"), recursive: true);
        if (dropPlan) Directory.Delete(planDir, recursive: true);
        return (dir, Path.GetFileName(planDir));
    }

    private static SiteContent Load(string dir)
    {
        var bag = new DiagnosticBag();
        var site = SiteLoader.Load(dir, bag, AsOf)!;
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return site;
    }

    /// <summary>What a task is, as a line: no, area, title, product, lead, cooperating, and its deadline's meaning.</summary>
    internal static string Show(PlanTask t) =>
        $"{t.No} | {t.Area.Id} | {t.Title.Vi} | {t.Product?.Vi} | {t.LeadId} | {string.Join(",", t.CooperatingIds)} | " +
        $"{t.Deadline.Text.Replace("; ", ", ")} | {t.Deadline.Kind} {t.Deadline.Authority} {string.Join(",", t.Deadline.Milestones.Select(m => $"{m.Label}={m.Due:yyyy-MM-dd}"))}";

    [Theory]
    [InlineData("seed-000", "seed-000-plan.docx")]
    [InlineData("seed-002", "seed-002-appendix.xlsx")]
    [InlineData("seed-004", "seed-004-appendix.docx")]
    [InlineData("seed-004", "seed-004-appendix.csv")]
    public void Each_appendix_gives_the_tasks_the_test_site_holds(string seed, string fixture)
    {
        var (dir, plan) = SiteWithoutTasks(seed);
        var r = CchcRun.Run("import", Fixture(fixture), "--plan", plan, "--source", dir);
        Assert.True(r.Exit == 0, r.Out + r.Err);
        Assert.DoesNotContain("đơn vị chưa có", r.Out);   // every unit matched by name or short name
        var expected = Load(Repo.Path("tests", "sites", seed)).Plans.Single().Tasks.Select(Show);
        var actual = Load(dir).Plans.Single().Tasks.Select(Show);
        Assert.Equal(expected, actual);
        Assert.Equal(0, CchcRun.Run("check", "--source", dir).Exit);
    }

    [Fact]
    public void Restarted_numbering_is_renumbered_in_table_order_and_said()
    {
        var (dir, plan) = SiteWithoutTasks("seed-002");
        var r = CchcRun.Run("import", Fixture("seed-002-appendix.xlsx"), "--plan", plan, "--source", dir, "--lang", "en");
        Assert.Equal(0, r.Exit);
        Assert.Contains("warning CC0048: The appendix's numbers (STT) restart at 1 in each group; the tasks are numbered 1 to 15 in table order.", r.Err);
    }

    [Fact]
    public void A_whole_plan_docx_gives_the_plan_from_its_first_page_and_the_site_builds()
    {
        var (dir, _) = SiteWithoutTasks("seed-000", dropPlan: true);
        var r = CchcRun.Run("import", Fixture("seed-000-plan.docx"), "--plan", "kh-2025", "--source", dir);
        Assert.True(r.Exit == 0, r.Out + r.Err);
        Assert.Contains("Đã tạo content/plans/kh-2025/index.md", r.Out);
        var plan = Load(dir).Plans.Single();
        Assert.Equal("464/QĐ-UBND", plan.Number);
        Assert.Equal(new DateOnly(2025, 7, 31), plan.Issued);
        Assert.Equal("Kế hoạch cải cách hành chính xã Lai Khê 6 tháng cuối năm 2025", plan.Title.Vi);
        Assert.Equal("UBND xã Lai Khê", plan.Issuer);
        Assert.Equal(PlanStatus.Active, plan.Status);
        Assert.Equal(15, plan.Tasks.Count);
        Assert.Equal(0, CchcRun.Run("check", "--source", dir).Exit);
        var build = CchcRun.Run("build", "--source", dir, "--output", Path.Combine(dir, "public"));
        Assert.True(build.Exit == 0, build.Out + build.Err);
        Assert.True(File.Exists(Path.Combine(dir, "public", "index.html")));
    }

    [Fact]
    public void A_spreadsheet_for_a_plan_that_does_not_exist_says_how_to_create_it()
    {
        var (dir, _) = SiteWithoutTasks("seed-002", dropPlan: true);
        var before = Repo.Snapshot(dir);
        var r = CchcRun.Run("import", Fixture("seed-002-appendix.xlsx"), "--plan", "moi", "--source", dir);
        Assert.Equal(1, r.Exit);
        Assert.Contains("error CC0046", r.Err);
        Assert.Contains("cchc new plan --id moi", r.Err);
        Repo.AssertSameFiles(before, Repo.Snapshot(dir));
    }

    private static string Golden(string fixture, string lang)
    {
        var dir = Repo.TempDir("import-bad");
        OpenDataSite.Copy(Repo.Path("tests", "sites", "seed-000"), dir);
        var before = Repo.Snapshot(dir);
        var r = CchcRun.Run("import", Fixture(fixture), "--plan", "cchc-6-thang-cuoi-2025", "--source", dir, "--lang", lang);
        Assert.Equal(1, r.Exit);
        Assert.Equal("", r.Out);
        Repo.AssertSameFiles(before, Repo.Snapshot(dir));   // nothing written
        return r.Err.Replace(Fixture("") + "/", "");
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void Wrong_rows_of_a_word_table_are_all_listed_by_STT_and_column(string lang) =>
        CchcPortal.Tests.Golden.Check($"import/bad-rows.docx.{lang}.txt", Golden("bad-rows.docx", lang));

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void Wrong_rows_of_a_csv_are_listed_with_their_line_and_column(string lang) =>
        CchcPortal.Tests.Golden.Check($"import/bad-rows.csv.{lang}.txt", Golden("bad-rows.csv", lang));

    [Fact]
    public void An_existing_task_file_blocks_the_import_and_nothing_is_written()
    {
        var dir = Repo.TempDir("import-exists");
        OpenDataSite.Copy(Repo.Path("tests", "sites", "seed-004"), dir);
        var plan = "cai-thien-chi-so-2024";
        var tasks = Path.Combine(dir, "content", "plans", plan, "tasks");
        foreach (var f in Directory.GetFiles(tasks).Where(f => !f.EndsWith("03.md", StringComparison.Ordinal))) File.Delete(f);
        Directory.Delete(Path.Combine(dir, "content", "plans", plan, "reports"), recursive: true);
        var before = Repo.Snapshot(dir);
        var r = CchcRun.Run("import", Fixture("seed-004-appendix.csv"), "--plan", plan, "--source", dir);
        Assert.Equal(1, r.Exit);
        Assert.Contains($"error CC0045: Tệp content/plans/{plan}/tasks/03.md đã có nên không ghi đè; không tệp nào được ghi.", r.Err);
        Assert.Contains("error CC0017", r.Err);
        Repo.AssertSameFiles(before, Repo.Snapshot(dir));
    }

    [Fact]
    public void Dry_run_prints_the_files_and_writes_nothing()
    {
        var (dir, plan) = SiteWithoutTasks("seed-004");
        var before = Repo.Snapshot(dir);
        var r = CchcRun.Run("import", Fixture("seed-004-appendix.docx"), "--plan", plan, "--dry-run", "--source", dir);
        Assert.Equal(0, r.Exit);
        Assert.Contains($"--- content/plans/{plan}/tasks/07.md", r.Out);
        Assert.Contains("deadline: \"Tháng 6/2024 (Kế hoạch), Tháng 12/2024 (Giải ngân)\"", r.Out);
        Assert.Contains("Chạy thử: sẽ ghi 11 tệp (11 nhiệm vụ, 0 đơn vị mới); chưa ghi tệp nào.", r.Out);
        Repo.AssertSameFiles(before, Repo.Snapshot(dir));
    }

    [Fact]
    public void Unknown_units_become_unit_files_that_are_listed_and_the_site_checks()
    {
        var (dir, plan) = SiteWithoutTasks("seed-004");
        var csv = Path.Combine(dir, "phu-luc.csv");
        File.WriteAllText(csv, """
            STT,Nhiệm vụ,Sản phẩm,Đơn vị chủ trì,Đơn vị phối hợp,Thời hạn
            I,Cải cách TTHC,,,,
            1,"Rà soát TTHC
            nội bộ",Báo cáo,Phòng Nội vụ,"Các cơ quan, đơn vị; Công an huyện",Quý IV/2024
            2,Đối thoại với doanh nghiệp,Hội nghị,"PHÒNG TƯ PHÁP",ủy ban mặt trận tổ quốc việt nam huyện lấp vò,"Tháng 6/2024 (Lần 1)
            Tháng 12/2024 (Lần 2)"
            """, new UTF8Encoding(true));
        var r = CchcRun.Run("import", csv, "--plan", plan, "--source", dir);
        Assert.True(r.Exit == 0, r.Out + r.Err);
        Assert.Contains("3 đơn vị chưa có trong content/units nên được tạo mới", r.Out);
        Assert.Contains("content/units/cac-co-quan-don-vi.md  \"Các cơ quan, đơn vị\"", r.Out);
        Assert.Contains("content/units/cong-an-huyen.md  \"Công an huyện\"", r.Out);
        Assert.Contains("content/units/phong-tu-phap.md  \"PHÒNG TƯ PHÁP\"", r.Out);
        var site = Load(dir);
        var t = site.Plans.Single().Tasks;
        Assert.Equal("1 | thu-tuc-hanh-chinh | Rà soát TTHC nội bộ | Báo cáo | phong-noi-vu | cac-co-quan-don-vi,cong-an-huyen | Quý IV/2024 | Dated  =2024-12-31", Show(t[0]));
        Assert.Equal("2 | thu-tuc-hanh-chinh | Đối thoại với doanh nghiệp | Hội nghị | phong-tu-phap | ub-mttq | Tháng 6/2024 (Lần 1), Tháng 12/2024 (Lần 2) | Dated  Lần 1=2024-06-30,Lần 2=2024-12-31", Show(t[1]));
        Assert.Equal(0, CchcRun.Run("check", "--source", dir).Exit);
    }

    [Fact]
    public void A_csv_in_a_legacy_windows_code_page_says_how_to_save_it_as_csv_utf8()
    {
        var (dir, plan) = SiteWithoutTasks("seed-004");
        var csv = Path.Combine(dir, "phu-luc.csv");
        // "STT,Nội dung" in Windows-1258: bytes that are not UTF-8.
        File.WriteAllBytes(csv, [.. "STT,N"u8, 0xF4, .. "i dung\r\n"u8]);
        var r = CchcRun.Run("import", csv, "--plan", plan, "--source", dir);
        Assert.Equal(1, r.Exit);
        Assert.Contains("phu-luc.csv(1,6): error CC0047: Tệp CSV không phải UTF-8", r.Err);
        Assert.Contains("\"CSV UTF-8 (Comma delimited) (*.csv)\"", r.Err);
    }

    [Fact]
    public void A_file_that_is_not_an_office_document_is_a_clear_error()
    {
        var (dir, plan) = SiteWithoutTasks("seed-004");
        var fake = Path.Combine(dir, "ke-hoach.docx");
        File.WriteAllText(fake, "not a zip");
        var r = CchcRun.Run("import", fake, "--plan", plan, "--source", dir, "--lang", "en");
        Assert.Equal(1, r.Exit);
        Assert.Contains("error CC0049: Cannot read the file: the file is damaged or not a real .docx", r.Err);
        var doc = Path.Combine(dir, "ke-hoach.doc");
        File.WriteAllText(doc, "x");
        Assert.Contains("file type \".doc\" is not supported", CchcRun.Run("import", doc, "--plan", plan, "--source", dir, "--lang", "en").Err);
    }
}
