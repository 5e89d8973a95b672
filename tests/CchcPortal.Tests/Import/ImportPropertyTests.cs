using System.Text;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using CchcPortal.Office.Import;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace CchcPortal.Tests.Import;

/// <summary>
/// Any appendix written out (a CSV, or a .docx with the lead unit merged down and group rows merged across) and
/// imported back gives the same tasks.
/// </summary>
public class ImportPropertyTests
{
    private static readonly Unit[] Units =
    [
        U("phong-vh-xh", "Phòng Văn hóa - Xã hội", "VH-XH"),
        U("vp-hdnd-ubnd", "Văn phòng HĐND và UBND xã", "VP HĐND-UBND"),
        U("phong-kinh-te", "Phòng Kinh tế", "KT"),
        U("tt-phvhcc", "Trung tâm Phục vụ hành chính công xã", "TT PVHCC"),
        U("co-quan", "Các cơ quan, đơn vị thuộc UBND xã", null),
    ];

    private static Unit U(string id, string name, string? shortName) =>
        new(id, $"content/units/{id}.md", new TranslatedText(name), shortName is null ? null : new TranslatedText(shortName), UnitRole.Office, TranslatedText.Empty);

    private static readonly string[] Words =
        ["Rà soát", "văn bản", "quy phạm pháp luật", "thủ tục hành chính", "một cửa", "\"Chỉ số CCHC\"", "năm 2026;", "cán bộ, công chức",
         "dịch vụ công trực tuyến", "# số hóa", "ISO 9001:2015", "đo lường - đánh giá", "(PAR INDEX)", "kế hoạch"];

    private static readonly string[] Products = ["Kế hoạch", "Báo cáo", "Quyết định", "Hội nghị", "Văn bản", "Kế hoạch, Báo cáo"];

    private static readonly string[] Single =
        ["Tháng 8/2026", "Quý IV/2026", "Trước ngày 31/8/2026", "Thường xuyên", "Theo kỳ báo cáo CCHC", "năm 2030",
         "Theo hướng dẫn của UBND thành phố", "6 tháng đầu năm 2026", "ngày 14 tháng 8 năm 2026"];

    private static readonly Dictionary<string, string[]> GroupNames = new()
    {
        ["chi-dao-dieu-hanh"] = ["CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "Công tác chỉ đạo, điều hành cải cách hành chính"],
        ["the-che"] = ["CẢI CÁCH THỂ CHẾ", "Cai cach the che"],
        ["thu-tuc-hanh-chinh"] = ["Cải cách TTHC", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"],
        ["to-chuc-bo-may"] = ["CẢI CÁCH TỔ CHỨC BỘ MÁY", "Cải cách tổ chức bộ máy hành chính nhà nước"],
        ["cong-vu"] = ["CẢI CÁCH CHẾ ĐỘ CÔNG VỤ"],
        ["tai-chinh-cong"] = ["CẢI CÁCH TÀI CHÍNH CÔNG"],
        ["chinh-quyen-so"] = ["Chính quyền điện tử, chính quyền số", "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ"],
    };

    /// <summary>A task as written in the table: cell lines, and what it must import as.</summary>
    private sealed record Written(string Area, string Group, string[] TitleLines, string? Product, string LeadName, string[] Cooperating,
        string[] Milestones, string CoopSeparator, string DeadlineSeparator, ImportedTask Expected);

    private static List<Written> Appendix(int seed)
    {
        var rnd = new Random(seed);
        T Pick<T>(IReadOnlyList<T> xs) => xs[rnd.Next(xs.Count)];
        var n = rnd.Next(1, 25);
        var areas = Area.All.Select(a => a.Id).OrderBy(_ => rnd.Next()).Take(rnd.Next(1, 5)).ToList();
        var result = new List<Written>();
        for (var no = 1; no <= n; no++)
        {
            var area = areas[Math.Min(areas.Count - 1, (no - 1) * areas.Count / n)];
            var titleLines = Enumerable.Range(0, rnd.Next(1, 3))
                .Select(_ => string.Join(" ", Enumerable.Range(0, rnd.Next(1, 5)).Select(_ => Pick(Words)))).ToArray();
            var product = rnd.Next(5) == 0 ? null : Pick(Products);
            var lead = Pick(Units);
            var leadName = rnd.Next(4) switch
            {
                0 => lead.Short?.Vi ?? lead.Name.Vi,
                1 => lead.Name.Vi.ToUpperInvariant(),
                2 => TextFold.RemoveDiacritics(lead.Name.Vi),
                _ => lead.Name.Vi,
            };
            var coop = Units.Where(u => u.Id != lead.Id && rnd.Next(3) == 0).ToArray();
            var form = rnd.Next(6);
            string[] milestones = form switch
            {
                0 or 1 => [$"Tháng {rnd.Next(1, 7)}/2026 (Kế hoạch)", $"Tháng {rnd.Next(7, 13)}/2026 (Báo cáo)"],
                2 => [$"Trước ngày", $"{rnd.Next(1, 29)}/{rnd.Next(1, 13)}/2026"],   // one date wrapped over two lines
                _ => [Pick(Single)],
            };
            var expected = new ImportedTask(no, area, string.Join(" ", titleLines), product, lead.Id, [.. coop.Select(u => u.Id)],
                string.Join(form == 2 ? " " : ", ", milestones));
            result.Add(new Written(area, Pick(GroupNames[area]), titleLines, product, leadName, [.. coop.Select(u => u.Name.Vi)], milestones,
                rnd.Next(2) == 0 ? "\n" : "; ", form == 2 || rnd.Next(2) == 0 ? "\n" : "; ", expected));
        }
        return result;
    }

    private static readonly string[] Heading = ["STT", "Nội dung", "Sản phẩm", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"];
    private static readonly string[] Roman = ["I", "II", "III", "IV", "V", "VI", "VII"];

    private static byte[] Csv(List<Written> rows)
    {
        static string Q(string s) => s.IndexOfAny([',', '"', '\n', ';']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        var sb = new StringBuilder();
        sb.Append("PHỤ LỤC\r\n").Append(string.Join(",", Heading)).Append("\r\n");
        string? area = null;
        var g = 0;
        foreach (var r in rows)
        {
            if (r.Area != area) { area = r.Area; sb.Append($"{Roman[g++]},{Q(r.Group)},,,,\r\n"); }
            sb.Append(string.Join(",", Q(r.Expected.No.ToString()), Q(string.Join("\n", r.TitleLines)), Q(r.Product ?? ""), Q(r.LeadName),
                Q(string.Join(r.CoopSeparator, r.Cooperating)), Q(string.Join(r.DeadlineSeparator, r.Milestones)))).Append("\r\n");
        }
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    /// <summary>A .docx: group rows one cell across (gridSpan), the lead unit merged down (vMerge) over equal neighbours.</summary>
    private static byte[] Docx(List<Written> rows)
    {
        using var ms = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(ms, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var table = new W.Table(new W.TableGrid(Heading.Select(_ => new W.GridColumn())));
            W.TableCell Cell(IEnumerable<string> lines, int span = 1, W.MergedCellValues? merge = null, bool continues = false)
            {
                var props = new W.TableCellProperties();
                if (span > 1) props.Append(new W.GridSpan { Val = span });
                if (merge is { } m) props.Append(new W.VerticalMerge { Val = m });
                if (continues) props.Append(new W.VerticalMerge());
                var cell = new W.TableCell(props);
                var any = false;
                foreach (var l in lines) { cell.Append(new W.Paragraph(new W.Run(new W.Text(l) { Space = SpaceProcessingModeValues.Preserve }))); any = true; }
                if (!any) cell.Append(new W.Paragraph());
                return cell;
            }
            table.Append(new W.TableRow(Heading.Select(h => Cell([h]))));
            table.Append(new W.TableRow(Enumerable.Range(1, 6).Select(i => Cell([$"({i})"]))));
            string? area = null;
            var g = 0;
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (r.Area != area) { area = r.Area; table.Append(new W.TableRow(Cell([$"{Roman[g++]}. {r.Group}"], span: 6))); }
                var sameAsAbove = i > 0 && rows[i - 1].Area == r.Area && rows[i - 1].LeadName == r.LeadName;
                var sameBelow = i + 1 < rows.Count && rows[i + 1].Area == r.Area && rows[i + 1].LeadName == r.LeadName;
                var lead = sameAsAbove ? Cell([], continues: true) : sameBelow ? Cell([r.LeadName], merge: W.MergedCellValues.Restart) : Cell([r.LeadName]);
                table.Append(new W.TableRow(
                    Cell([r.Expected.No.ToString()]), Cell(r.TitleLines), Cell(r.Product is null ? [] : [r.Product]), lead,
                    Cell(r.CoopSeparator == "\n" ? r.Cooperating : r.Cooperating.Length == 0 ? [] : [string.Join("; ", r.Cooperating)]),
                    Cell(r.DeadlineSeparator == "\n" ? r.Milestones : [string.Join("; ", r.Milestones)])));
            }
            main.Document = new W.Document(new W.Body(new W.Paragraph(new W.Run(new W.Text("PHỤ LỤC"))), table));
        }
        return ms.ToArray();
    }

    private static string Show(ImportedTask t) =>
        $"{t.No} | {t.Area} | {t.Title} | {t.Product} | {t.Lead} | {string.Join(",", t.Cooperating)} | {t.Deadline}";

    [Property(MaxTest = 150)]
    public Property Any_appendix_written_out_imports_back_as_the_same_tasks(int seed, bool word)
    {
        var rows = Appendix(seed);
        var doc = word ? WordReader.Read(new MemoryStream(Docx(rows))) : CsvReader.Read(Csv(rows));
        var bag = new DiagnosticBag();
        var result = ImportCommand.Read(doc, word ? "phu-luc.docx" : "phu-luc.csv", Units, bag);
        var expected = rows.Select(r => Show(r.Expected)).ToList();
        var actual = result?.Tasks.Select(Show).ToList() ?? [];
        return (!bag.HasErrors && result!.NewUnits.Count == 0 && expected.SequenceEqual(actual))
            .Label($"{(word ? "docx" : "csv")} seed {seed}\n{string.Join("\n", bag.All.Select(d => d.ToString("en")))}\n" +
                   $"{CchcPortal.Tests.Golden.Diff(string.Join("\n", expected), string.Join("\n", actual))}");
    }
}
