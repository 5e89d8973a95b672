using System.Text;
using CchcPortal.Core.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcPortal.Office.Import;

/// <summary>
/// The tables of a .docx on their grid, merges read from the document itself: <c>w:gridSpan</c> (across),
/// <c>w:vMerge</c> (down: a continuation cell takes the cell above), <c>w:gridBefore</c> (cells skipped at the start).
/// Also the lines of the first page (up to the first page break), for the plan's number, date and title.
/// </summary>
public static class WordReader
{
    private const int FirstPageLines = 80;

    public static SourceDocument Read(Stream stream)
    {
        using var doc = WordprocessingDocument.Open(stream, false);
        var body = doc.MainDocumentPart?.Document?.Body ?? throw new InvalidDataException("no document body");
        var origin = 0;
        var tables = body.Descendants<Table>()
            .Where(t => !t.Ancestors<Table>().Any())
            .Select(t => ReadTable(t, ref origin))
            .ToList();
        return new SourceDocument(tables, FirstPage(body), IsWord: true);
    }

    private static SourceTable ReadTable(Table table, ref int origin)
    {
        var rows = new List<SourceRow>();
        List<GridCell> above = [];
        foreach (var tr in table.Elements<TableRow>())
        {
            var cells = new List<GridCell>();
            var before = tr.TableRowProperties?.GetFirstChild<GridBefore>()?.Val?.Value ?? 0;
            for (var i = 0; i < before; i++) cells.Add(GridCell.Empty);
            foreach (var tc in tr.Elements<TableCell>().Concat(tr.Elements<SdtCell>().SelectMany(s => s.Descendants<TableCell>())))
            {
                var span = Math.Max(1, tc.TableCellProperties?.GridSpan?.Val?.Value ?? 1);
                var vMerge = tc.TableCellProperties?.VerticalMerge;
                var continues = vMerge is not null && (vMerge.Val is null || vMerge.Val.Value == MergedCellValues.Continue);
                var col = cells.Count;
                GridCell cell;
                if (continues && col < above.Count && above[col].Origin >= 0) cell = above[col];
                else cell = new GridCell(CellText(tc), origin++);
                for (var i = 0; i < span; i++) cells.Add(cell);
            }
            rows.Add(new SourceRow(cells, 0));
            above = cells;
        }
        return new SourceTable(rows);
    }

    /// <summary>A cell's paragraphs as lines (a line break inside a paragraph is a line too), NFC, spaces collapsed.</summary>
    internal static string CellText(OpenXmlElement cell)
    {
        var lines = new List<string>();
        foreach (var p in cell.Descendants<Paragraph>().Where(p => p.Ancestors<Table>().FirstOrDefault() == cell.Ancestors<Table>().FirstOrDefault()))
            lines.AddRange(ParagraphText(p).Split('\n'));
        return Clean(lines);
    }

    internal static string Clean(IEnumerable<string> lines) =>
        string.Join("\n", lines.Select(l => TextFold.CollapseSpaces(TextFold.ToNfc(l)).Trim()).Where(l => l.Length > 0));

    private static string ParagraphText(Paragraph p)
    {
        var sb = new StringBuilder();
        foreach (var e in p.Descendants())
        {
            switch (e)
            {
                case Text t: sb.Append(t.Text); break;
                case TabChar: sb.Append(' '); break;
                case Break b when b.Type is null || b.Type.Value == BreakValues.TextWrapping: sb.Append('\n'); break;
                case CarriageReturn: sb.Append('\n'); break;
                case NoBreakHyphen: sb.Append('-'); break;
            }
        }
        return sb.ToString().Replace('\u00A0', ' ');
    }

    /// <summary>The text lines before the first page break: paragraphs, and the paragraphs of tables, in order.</summary>
    private static List<string> FirstPage(Body body)
    {
        var lines = new List<string>();
        foreach (var p in body.Descendants<Paragraph>())
        {
            if (p.ParagraphProperties?.PageBreakBefore is not null && lines.Count > 0) break;
            // An empty paragraph stays as an empty line: it ends a title.
            foreach (var line in ParagraphText(p).Split('\n'))
                lines.Add(TextFold.CollapseSpaces(TextFold.ToNfc(line)).Trim());
            if (lines.Count >= FirstPageLines) break;
            if (p.Descendants<Break>().Any(b => b.Type is not null && b.Type.Value == BreakValues.Page)) break;
            if (p.ParagraphProperties?.SectionProperties is not null) break;
        }
        return lines;
    }
}
