using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace CchcPortal.Tests.Export;

/// <summary>
/// <c>cchc export report</c>: what a clerk sees when LibreOffice opens the .docx (text and PDF), that Word's schema
/// accepts it, that the same content gives the same bytes, and the errors for a plan, period or report that isn't there.
/// </summary>
public class ReportExportTests
{
    private static ExportedReports.Exports E => ExportedReports.Get;

    private static IReadOnlyList<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    [Trait("Category", "Slow")]
    [Fact]
    public void Every_export_passes_the_OpenXml_validator()
    {
        foreach (var file in new[] { E.Sample, E.Variant, E.Templated })
        {
            using var doc = WordprocessingDocument.Open(file, false);
            var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
                .Select(e => $"{Path.GetFileName(file)} {e.Path?.XPath}: {e.Description}").ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void The_sample_last_report_as_LibreOffice_reads_it_matches_the_golden_file() =>
        Golden.Check("export/2025-nam.txt", E.SampleText);

    [Trait("Category", "Slow")]
    [Fact]
    public void The_sample_reads_as_an_official_report()
    {
        var lines = Lines(E.SampleText);
        // The header: issuer in capitals, number; the national motto; place and date as the decree writes them.
        Assert.Equal(["ỦY BAN NHÂN DÂN", "PHƯỜNG Ô CHỢ DỪA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
            "Số: 247/BC-UBND", "Ô Chợ Dừa, ngày 15 tháng 12 năm 2025", "BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính năm 2025"], lines.Take(8));
        // The narrative, then the results by area judged on the report's date.
        Assert.Contains("Khó khăn, hạn chế", lines);
        Assert.Contains("KẾT QUẢ THỰC HIỆN THEO TỪNG LĨNH VỰC (tính đến ngày 15/12/2025)", lines);
        Assert.Contains("1. Công tác chỉ đạo, điều hành cải cách hành chính", lines);
        Assert.Contains("7. Xây dựng và phát triển chính quyền điện tử, chính quyền số", lines);
        Assert.Contains("- Quá hạn: 1 nhiệm vụ: số 25 (VH-XH chủ trì, quá hạn 45 ngày).", lines);
        Assert.Contains("- Chưa báo cáo: 1 nhiệm vụ: số 20 (VH-XH chủ trì).", lines);
        // Recipients and the signature block.
        var at = IndexOf(lines, "Nơi nhận:");
        Assert.Equal(["Nơi nhận:", "- UBND thành phố Hà Nội (qua Sở Nội vụ);", "- Lưu: VT, VH-XH.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], lines.Skip(at).Take(5));
        // The appendix of tasks: a row as the portal's report page shows it (status, "80%", note, evidence).
        var row = IndexOf(lines, "Kiểm tra công vụ kết hợp kiểm tra công tác CCHC, chuyển đổi số và Đề án 06");
        Assert.Equal(["6", "Kiểm tra công vụ kết hợp kiểm tra công tác CCHC, chuyển đổi số và Đề án 06", "Phòng Văn hóa - Xã hội", "Thường xuyên",
            "Đang thực hiện", "80%", "Đã kiểm tra 6/7 cơ quan, đơn vị; kiểm tra đơn vị còn lại trong tháng 12/2025", "Báo cáo số 239/BC-UBND ngày 08/12/2025"],
            lines.Skip(row - 1).Take(8));
        // An overdue task says so with its days.
        var overdue = IndexOf(lines, "Nghiên cứu, xây dựng hướng dẫn mức chi của Phường về công tác CCHC");
        Assert.Contains("Quá hạn 45 ngày", lines.Skip(overdue).Take(6));
        // The appendix of targets: goal, this report's value with a decimal comma, met or not.
        var target = IndexOf(lines, "Tỷ lệ hồ sơ TTHC được trả kết quả giải quyết đúng hạn, trước hạn");
        Assert.Equal(["= 100%", "", "99,6%", "Chưa đạt", "Trung tâm Phục vụ hành chính công phường"],
            E.SampleText.Split('\n').Select(l => l.Trim()).SkipWhile(l => l != lines[target]).Skip(1).Take(5));
        Assert.Contains("(Kèm theo Báo cáo số 247/BC-UBND ngày 15/12/2025 của UBND phường Ô Chợ Dừa)", lines);
    }

    private static int IndexOf(IReadOnlyList<string> lines, string line)
    {
        var i = lines.ToList().IndexOf(line);
        Assert.True(i >= 0, $"\"{line}\" is not a line of the text");
        return i;
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void The_same_content_gives_the_same_bytes_with_no_clock_in_the_package()
    {
        Assert.Equal(File.ReadAllBytes(E.Sample), File.ReadAllBytes(E.SampleAgain));
        using var zip = ZipFile.OpenRead(E.Sample);
        Assert.All(zip.Entries, e => Assert.Equal(new DateTime(1980, 1, 1), e.LastWriteTime.DateTime));
        Assert.Equal("[Content_Types].xml", zip.Entries[0].FullName);
        Assert.DoesNotContain(zip.Entries, e => e.FullName.Contains(".psmdcp"));
        using var doc = WordprocessingDocument.Open(E.Sample, false);
        Assert.Equal(new DateTime(2025, 12, 15), doc.PackageProperties.Created?.ToUniversalTime().Date);
        Assert.Equal("UBND phường Ô Chợ Dừa", doc.PackageProperties.Creator);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void The_pdf_is_A4_portrait_with_landscape_appendices_and_page_numbers_from_page_two()
    {
        var info = LibreOffice.Run("pdfinfo", ["-f", "1", "-l", "99", E.SamplePdf]);
        var sizes = info.Split('\n').Where(l => l.StartsWith("Page") && l.Contains("size:")).Select(l => l[(l.IndexOf("size:") + 5)..].Trim()).ToList();
        Assert.StartsWith("595.", sizes[0]);
        Assert.Contains("841.", sizes[0]);
        Assert.StartsWith("841.", sizes[^1]); // the appendix: A4 landscape
        string Page(int n) => LibreOffice.Run("pdftotext", ["-f", n.ToString(), "-l", n.ToString(), "-layout", E.SamplePdf, "-"]);
        Assert.StartsWith("ỦY BAN NHÂN DÂN", Page(1).TrimStart());
        Assert.Equal("2", Page(2).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim());
        Assert.Equal(sizes.Count.ToString(), Page(sizes.Count).Split('\n', StringSplitOptions.RemoveEmptyEntries)[0].Trim());
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_report_without_number_or_date_leaves_them_blank_for_the_clerk()
    {
        var lines = Lines(E.VariantText);
        Assert.Contains(lines, l => l.StartsWith("Số:") && l.EndsWith("/BC-UBND") && l.Length > "Số: /BC-UBND".Length);
        Assert.Contains(lines, l => l.StartsWith("Ô Chợ Dừa, ngày") && l.EndsWith("năm 2025") && !l.Any(char.IsDigit) == false && !l.Contains("15"));
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_task_the_report_leaves_out_shows_its_latest_earlier_entry()
    {
        var lines = Lines(E.VariantText);
        var row = IndexOf(lines, "Triển khai Quyết định về TTHC lựa chọn tái cấu trúc xây dựng DVC trực tuyến toàn trình, tích hợp trên Cổng DVCQG, Trang thông tin điện tử của Phường");
        var cells = lines.Skip(row).Take(7).ToList();
        Assert.Contains("Chưa báo cáo kỳ này", cells);
        Assert.Contains("25%", cells);
        Assert.Contains("(Theo báo cáo Quý III/2025, số 118/BC-UBND)", cells);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void The_narrative_keeps_tables_and_lists_and_drops_scripts()
    {
        var lines = Lines(E.VariantText);
        Assert.Contains("Số liệu bổ sung", lines);
        var table = IndexOf(lines, "Hồ sơ tiếp nhận");
        Assert.Equal(["Hồ sơ tiếp nhận", "1.204", "Hồ sơ trực tuyến", "1.099"], lines.Skip(table).Take(4));
        Assert.Contains("1. Bước thứ nhất", lines);
        Assert.Contains("2. Bước thứ hai", lines);
        Assert.Contains("+ ý con của bước hai", lines);
        Assert.Contains("Xem cổng dịch vụ công (https://dichvucong.gov.vn) để biết thêm.", lines);
        Assert.DoesNotContain("alert", E.VariantText);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void A_commune_template_gives_the_letterhead_and_its_placeholders_are_filled()
    {
        var lines = Lines(E.TemplatedText);
        Assert.Equal(["ỦY BAN NHÂN DÂN PHƯỜNG Ô CHỢ DỪA — MẪU RIÊNG", "Số: 247/BC-UBND", "Ô Chợ Dừa, ngày 15 tháng 12 năm 2025", "Kỳ: năm 2025", "BÁO CÁO"], lines.Take(5));
        Assert.DoesNotContain("{{", E.TemplatedText);
        Assert.DoesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", lines);
        Assert.True(IndexOf(lines, "CHỦ TỊCH") < IndexOf(lines, "Dòng cuối của mẫu"));
        Assert.True(IndexOf(lines, "Dòng cuối của mẫu") < IndexOf(lines, "Phụ lục I"));
    }
}

/// <summary>Bad input: the usual located, listed diagnostics, and nothing written.</summary>
public class ReportExportErrorTests
{
    private static (CchcRun.Result Run, bool Written) Export(string source, params string[] args)
    {
        var output = Path.Combine(Repo.TempDir("export-error"), "out.docx");
        var r = CchcRun.Run(["export", "report", "--source", source, .. args, "--output", output, "--today", "2025-12-20"]);
        return (r, File.Exists(output));
    }

    [Fact]
    public void An_unknown_plan()
    {
        var (r, written) = Export(Repo.Root, "--plan", "2026", "--period", "nam");
        Assert.Equal(1, r.Exit);
        Assert.False(written);
        Assert.Equal("content/plans: error CC0016: Không có kế hoạch \"2026\". Các kế hoạch: 2025.\nThất bại: 1 lỗi, 0 cảnh báo. Không ghi tệp nào.\n", r.Err);
    }

    [Fact]
    public void An_unknown_period_in_English()
    {
        var (r, written) = Export(Repo.Root, "--plan", "2025", "--period", "q4", "--lang", "en");
        Assert.Equal(1, r.Exit);
        Assert.False(written);
        Assert.Equal("content/plans/2025/index.md(24,3): error CC0015: Reporting period \"q4\" is not in the \"reporting\" list of plan 2025. Periods: q3, nam.\n" +
            "Failed: 1 error(s), 0 warning(s). Nothing was written.\n", r.Err);
    }

    [Fact]
    public void A_period_with_no_report()
    {
        var site = ExportedReports.CopySample(Path.Combine(Repo.TempDir("export-no-report"), "site"));
        foreach (var f in Directory.EnumerateFiles(Path.Combine(site, "content", "plans", "2025", "reports"), "nam*")) File.Delete(f);
        var (r, written) = Export(site, "--plan", "2025", "--period", "nam");
        Assert.Equal(1, r.Exit);
        Assert.False(written);
        Assert.Equal("content/plans/2025/index.md(25,11): error CC0060: Kỳ báo cáo \"nam\" (Báo cáo năm 2025) của kế hoạch 2025 chưa có báo cáo nên không xuất được. " +
            "Hãy tạo báo cáo (cchc new report --plan 2025 --period nam) hoặc chọn kỳ đã có báo cáo: q3.\nThất bại: 1 lỗi, 0 cảnh báo. Không ghi tệp nào.\n", r.Err);
    }

    [Fact]
    public void A_template_that_is_not_a_docx()
    {
        var site = ExportedReports.CopySample(Path.Combine(Repo.TempDir("export-bad-template"), "site"));
        Directory.CreateDirectory(Path.Combine(site, "themes", "default", "office"));
        File.WriteAllText(Path.Combine(site, "themes", "default", "office", "bao-cao.docx"), "not a zip");
        var (r, written) = Export(site, "--plan", "2025", "--period", "nam");
        Assert.Equal(1, r.Exit);
        Assert.False(written);
        Assert.StartsWith("themes/default/office/bao-cao.docx: error CC0062: Mẫu báo cáo \"themes/default/office/bao-cao.docx\" không mở được như một tệp Word (.docx)", r.Err);
    }

    [Fact]
    public void Content_errors_stop_the_export()
    {
        var site = ExportedReports.CopySample(Path.Combine(Repo.TempDir("export-invalid"), "site"));
        var task = Path.Combine(site, "content", "plans", "2025", "tasks", "07.md");
        File.WriteAllText(task, File.ReadAllText(task).Replace("lead: vh-xh", "lead: vh-xhh"));
        var (r, written) = Export(site, "--plan", "2025", "--period", "nam");
        Assert.Equal(1, r.Exit);
        Assert.False(written);
        Assert.Contains("error CC0013", r.Err);
    }
}

/// <summary>Sites other than the sample: the period's label in the subject, a plan without any report.</summary>
public class ReportExportOtherSiteTests
{
    [Fact]
    public void A_plan_without_any_report_and_no_period_given()
    {
        var output = Path.Combine(Repo.TempDir("export-minimal"), "out.docx");
        var r = CchcRun.Run("export", "report", "--source", Repo.Path("tests", "sites", "minimal"), "--output", output, "--today", "2025-12-20");
        Assert.Equal(1, r.Exit);
        Assert.False(File.Exists(output));
        Assert.Equal("content/plans/2025/index.md(11,3): error CC0063: Kế hoạch 2025 chưa có báo cáo nào nên không xuất được. " +
            "Hãy tạo báo cáo của kỳ đầu tiên (cchc new report --plan 2025) rồi xuất lại.\nThất bại: 1 lỗi, 0 cảnh báo. Không ghi tệp nào.\n", r.Err);
    }
}

/// <summary>The words the report derives from the content (subject, place, number, recipients), on the test sites.</summary>
public class ReportWordsTests
{
    private static CchcPortal.Office.Export.ReportWords Words(string site, string period)
    {
        var bag = new CchcPortal.Core.Diagnostics.DiagnosticBag();
        var content = CchcPortal.Core.Loading.SiteLoader.Load(Repo.Path("tests", "sites", site), bag, new DateOnly(2026, 12, 20))!;
        var plan = content.Plans.Single(p => p.Reports.Any(r => r.Period.Id == period));
        var facts = CchcPortal.Office.Export.ReportFacts.Of(plan, plan.Reports.Single(r => r.Period.Id == period));
        return new CchcPortal.Office.Export.ReportWords(content.Config, content.Units, facts);
    }

    [Fact]
    public void Subject_place_and_recipients_come_from_the_content()
    {
        var w = Words("seed-002", "nam-2026");
        Assert.Equal("Kết quả thực hiện công tác cải cách hành chính năm 2026", w.Subject); // label "Năm 2026"
        Assert.Equal("XÃ TÂN MINH", w.CommuneCaps);
        Assert.Equal("Tân Minh, ngày 15 tháng 12 năm 2026", w.PlaceAndDate);
        Assert.Equal("- UBND thành phố Hải Phòng (qua Sở Nội vụ);", w.Recipients[0]);
        var q3 = Words("seed-004", "q3");
        Assert.Equal("Kết quả thực hiện công tác cải cách hành chính Quý III/2024", q3.Subject);
        Assert.Equal("HUYỆN LẤP VÒ", q3.CommuneCaps);
        Assert.Equal("Số: 231/BC-UBND", q3.NumberLine);
        Assert.Equal("- UBND tỉnh Đồng Tháp (qua Sở Nội vụ);", q3.Recipients[0]);
    }

    [Theory]
    [InlineData(2025, 2, 5, "ngày 05 tháng 02 năm 2025")]
    [InlineData(2025, 1, 10, "ngày 10 tháng 01 năm 2025")]
    [InlineData(2025, 8, 4, "ngày 04 tháng 8 năm 2025")]
    [InlineData(2025, 12, 15, "ngày 15 tháng 12 năm 2025")]
    public void Dates_as_Decree_30_writes_them(int y, int m, int d, string expected) =>
        Assert.Equal(expected, CchcPortal.Core.Text.VnDate.Official(new DateOnly(y, m, d)));
}

/// <summary>Every report of every test site (and the sample): a valid package, the same bytes twice.</summary>
public class EveryReportExportTests
{
    public static TheoryData<string> Sites => new() { "", "minimal", "search", "seed-000", "seed-002", "seed-004" };

    [Theory]
    [MemberData(nameof(Sites))]
    public void Every_report_is_a_valid_package_and_the_same_twice(string site)
    {
        var bag = new CchcPortal.Core.Diagnostics.DiagnosticBag();
        var content = CchcPortal.Core.Loading.SiteLoader.Load(site == "" ? Repo.Root : Repo.Path("tests", "sites", site), bag, new DateOnly(2026, 1, 10))!;
        foreach (var plan in content.Plans)
            foreach (var report in plan.Reports)
            {
                var bytes = CchcPortal.Office.Export.ReportExport.Build(content, plan, report);
                Assert.Equal(bytes, CchcPortal.Office.Export.ReportExport.Build(content, plan, report));
                using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
                var errors = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc).Select(e => e.Description).ToList();
                Assert.True(errors.Count == 0, $"{plan.Id}/{report.Id}: " + string.Join("\n", errors));
            }
    }
}
