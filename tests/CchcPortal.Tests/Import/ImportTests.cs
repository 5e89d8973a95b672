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

    /// <summary>Imports a CSV file (its text, or its bytes) into a copy of seed 004 without tasks.</summary>
    private static (string Dir, CchcRun.Result Result) ImportCsv(object content, string lang = "vi")
    {
        var (dir, plan) = SiteWithoutTasks("seed-004");
        var csv = Path.Combine(dir, "bang.csv");
        if (content is byte[] bytes) File.WriteAllBytes(csv, bytes);
        else File.WriteAllText(csv, (string)content, new UTF8Encoding(true));
        return (dir, CchcRun.Run("import", csv, "--plan", plan, "--source", dir, "--lang", lang));
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

    /// <summary>Seed 003 (from its OCR text): heading repeated inside one table, "Nội dung/sản phẩm" beside "Nhiệm vụ",
    /// groups "II | Cải cách thể chế", two-line products and deadlines, units of a new site matched or created.</summary>
    [Fact]
    public void Seed_003_appendix_with_repeated_headings_imports_into_a_new_site()
    {
        using var site = new CchcPortal.Tests.Cli.CliSite();
        var r = site.Cli("import", Fixture("seed-003-appendix.docx"), "--plan", "2026");
        Assert.True(r.Exit == 0, r.Out + r.Err);
        Assert.Contains("4 đơn vị chưa có trong content/units nên được tạo mới", r.Out);
        var tasks = Load(site.Dir).Plans.Single().Tasks.Where(t => t.No >= 10).Select(Show).ToList();
        const string cm = "cac-co-quan-chuyen-mon-cac-don-vi-su-nghiep", pcm = "cac-phong-chuyen-mon-don-vi-thuoc-ubnd-phuong";
        Assert.Equal(8, tasks.Count);
        Assert.StartsWith($"10 | chi-dao-dieu-hanh | Xây dựng Kế hoạch nâng cao Chỉ số Cải cách hành chính - PAR INDEX, Chỉ số Hài lòng", tasks[0]);
        Assert.EndsWith($"| Kế hoạch | vh-xh | {pcm} | Theo hướng dẫn của Thành Phố | PerGuidance Thành Phố ", tasks[0]);
        Assert.Equal($"11 | chi-dao-dieu-hanh | Triển khai việc đánh giá chấm điểm Chỉ số CCHC các phòng ban, đơn vị thuộc Phường năm 2025 | Kế hoạch, Báo cáo | vh-xh | {cm} | Tháng 8/2025, Tháng 12/2025 | Dated  =2025-08-31,=2025-12-31", tasks[1]);
        Assert.StartsWith("13 | the-che | Xây dựng kế hoạch kiểm tra văn bản quy phạm pháp luật năm 2025 | Kế hoạch | vp-hdnd-ubnd |", tasks[3]);
        Assert.Equal($"16 | thu-tuc-hanh-chinh | Triển khai Quyết định về TTHC lựa chọn tái cấu trúc xây dựng DVC trực tuyến toàn trình, tích hợp trên Cổng DVCQG, Trang thông tin điện tử của Phường | Báo cáo | vp-hdnd-ubnd | bo-phan-hanh-chinh-cong-phuong | Theo yêu cầu công tác KSTTHC | PerGuidance công tác KSTTHC ", tasks[6]);
        Assert.Equal($"18 | thu-tuc-hanh-chinh | Tổ chức đối thoại với người dân, doanh nghiệp về TTHC | Kế hoạch, Báo cáo | vp-hdnd-ubnd | diem-tiep-nhan-dich-vu-cong,{cm} | Quý IV/2025 | Dated  =2025-12-31", tasks[7]);
        site.AssertChecks();
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
        // One error for the tasks already there (issue 38), not one per file and per number.
        var line = Assert.Single(r.Err.Split('\n'), l => l.Contains(" error CC", StringComparison.Ordinal));
        Assert.Contains($"error CC0093: Kế hoạch {plan} đã có 1 nhiệm vụ cùng số với phụ lục này (số 3)", line);
        Assert.Contains($"hãy xóa các tệp trong content/plans/{plan}/tasks/", line);
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
        // "STT,Nội dung" in Windows-1258: bytes that are not UTF-8.
        var (_, r) = ImportCsv((byte[])[.. "STT,N"u8, 0xF4, .. "i dung\r\n"u8]);
        Assert.Equal(1, r.Exit);
        Assert.Contains("bang.csv(1,6): error CC0047: Tệp CSV không phải UTF-8", r.Err);
        Assert.Contains("\"CSV UTF-8 (Comma delimited) (*.csv)\"", r.Err);
    }

    [Fact]
    public void A_table_typed_in_an_old_vietnamese_font_encoding_is_said_with_what_it_may_read()
    {
        var tcvn3 = CchcPortal.Core.Text.LegacyEncodingDetector.Encode("Cải cách thủ tục hành chính", CchcPortal.Core.Text.LegacyEncoding.Tcvn3);
        var (_, r) = ImportCsv($"STT,Nội dung,Cơ quan chủ trì,Thời gian hoàn thành\r\nI,{tcvn3},,\r\n1,Rà soát,Phòng Nội vụ,Quý II/2024\r\n");
        Assert.Equal(1, r.Exit);
        Assert.Contains("bang.csv: error CC0002: Văn bản có vẻ được gõ bằng bảng mã TCVN3 (ABC) cũ", r.Err);
        Assert.Contains("Unikey", r.Err);
    }

    [Fact]
    public void A_file_without_the_appendix_table_says_which_columns_are_needed()
    {
        var (_, r) = ImportCsv("STT,Nội dung,Ghi chú\r\n1,Việc một,\r\n", "en");
        Assert.Equal(1, r.Exit);
        Assert.Contains("bang.csv: error CC0040: No appendix table of tasks found", r.Err);
        Assert.Contains("The file has 1 table(s), none with those columns.", r.Err);
    }

    [Fact]
    public void A_content_and_product_column_is_the_title_when_no_task_column_is_there()
    {
        var (dir, r) = ImportCsv("TT,Nội dung/sản phẩm,Đơn vị chủ trì,Thời hạn\r\nI,Cải cách TTHC,,\r\n1,Số hóa hồ sơ,Phòng Nội vụ,Quý II/2024\r\n");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal("1 | thu-tuc-hanh-chinh | Số hóa hồ sơ |  | phong-noi-vu |  | Quý II/2024 | Dated  =2024-06-30", Show(Load(dir).Plans.Single().Tasks.Single()));
    }

    [Fact]
    public void Group_rows_saved_as_csv_keep_their_name_in_one_cell()
    {
        var (dir, r) = ImportCsv("STT,Nội dung,Cơ quan chủ trì,Thời gian hoàn thành\r\n" +
            "I. CẢI CÁCH THỂ CHẾ,,,\r\n1,Rà soát văn bản,Phòng Nội vụ,Quý II/2024\r\n" +
            "CẢI CÁCH TÀI CHÍNH CÔNG,,,\r\n2,Giải ngân vốn,Phòng Tài chính - Kế hoạch,Quý III/2024\r\n" +
            ",Chính quyền số,,\r\n3,Số hóa hồ sơ,VH-TT,Quý IV/2024\r\n");
        Assert.True(r.Exit == 0, r.Err);
        Assert.Equal(["the-che", "tai-chinh-cong", "chinh-quyen-so"], Load(dir).Plans.Single().Tasks.Select(t => t.Area.Id));
    }

    [Theory]
    [InlineData("x.docx")]
    [InlineData("x.xlsx")]
    [InlineData("x.csv")]
    public void Random_bytes_never_crash_the_import(string name)
    {
        var (dir, plan) = SiteWithoutTasks("seed-004");
        var rnd = new Random(20);
        for (var i = 0; i < 20; i++)
        {
            var bytes = new byte[rnd.Next(0, 3000)];
            rnd.NextBytes(bytes);
            if (i % 2 == 0 && name.EndsWith(".docx", StringComparison.Ordinal))
            {
                // A real zip with a damaged document inside.
                var good = File.ReadAllBytes(Fixture("seed-004-appendix.docx"));
                bytes = good[..(good.Length * (i + 1) / 22)];
            }
            File.WriteAllBytes(Path.Combine(dir, name), bytes);
            var r = CchcRun.Run("import", Path.Combine(dir, name), "--plan", plan, "--source", dir);
            Assert.True(r.Exit is 0 or 1, r.Err);
            Assert.DoesNotContain("internal error", r.Err);
        }
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
