using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Office.Export;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcPortal.Tests.Export;

/// <summary>The Word report's section on the Front's recommendations (issue 32), read with the OpenXML SDK (no LibreOffice).</summary>
public class SupervisionReportTests
{
    private static List<string> Paragraphs(string period)
    {
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(Repo.Root, bag, new DateOnly(2025, 12, 20))!;
        var plan = content.Plans.Single(p => p.Id == "2025");
        var bytes = ReportExport.Build(content, plan, plan.Reports.Single(r => r.Period.Id == period));
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return doc.MainDocumentPart!.Document.Body!.Descendants<Paragraph>().Select(p => p.InnerText).ToList();
    }

    [Fact]
    public void The_year_report_says_what_was_answered_and_carried_out_in_the_period_and_what_awaits_an_answer()
    {
        var lines = Paragraphs("nam");
        Assert.Contains("KẾT QUẢ TRẢ LỜI, THỰC HIỆN KIẾN NGHỊ CỦA MẶT TRẬN TỔ QUỐC (tính đến ngày 15/12/2025)", lines);
        var answered = Assert.Single(lines, l => l.StartsWith("- Đã trả lời trong kỳ: ", StringComparison.Ordinal));
        Assert.StartsWith("- Đã trả lời trong kỳ: 3 kiến nghị: kiến nghị số 1 tại văn bản 27/BC-MTTQ (TT PVHCC): đã thực hiện, văn bản số 312/UBND-VP ngày 10/11/2025", answered);
        Assert.Contains("- Đã thực hiện trong kỳ: 1 kiến nghị (kiến nghị số 1 tại văn bản 27/BC-MTTQ).", lines);
        var awaiting = Assert.Single(lines, l => l.StartsWith("- Chưa trả lời: ", StringComparison.Ordinal));
        Assert.EndsWith("quá hạn trả lời 10 ngày.", awaiting);
        Assert.Contains("- Tổng hợp: 4 kiến nghị: 3 đã trả lời, trong đó 1 đã thực hiện; 1 chưa trả lời.", lines);
    }

    [Fact]
    public void A_report_before_the_supervision_has_no_such_section() =>
        Assert.DoesNotContain(Paragraphs("q3"), l => l.Contains("KIẾN NGHỊ CỦA MẶT TRẬN", StringComparison.Ordinal));
}
