using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CchcPortal.Office.Import;

/// <summary>
/// The sheets of an .xlsx, each as one table on its grid: shared and inline strings, numbers as written, dates (a
/// number with a date format) as d/m/yyyy, and merged ranges (the sheet's <c>mergeCells</c>) filled with the value of
/// their top-left cell.
/// </summary>
public static class SheetReader
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Columns read from a sheet: an appendix has six to ten; a stray cell far right adds nothing.</summary>
    private const int MaxColumns = 64;

    public static SourceDocument Read(Stream stream)
    {
        using var doc = SpreadsheetDocument.Open(stream, false);
        var wb = doc.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var strings = wb.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(ItemText).ToList() ?? [];
        var dateStyles = DateStyles(wb.WorkbookStylesPart?.Stylesheet);
        var tables = new List<SourceTable>();
        var origin = 0;
        foreach (var sheet in wb.Workbook?.Sheets?.Elements<Sheet>() ?? [])
        {
            if (sheet.Id?.Value is not { } rid || wb.GetPartById(rid) is not WorksheetPart part) continue;
            tables.Add(ReadSheet(part.Worksheet, strings, dateStyles, ref origin));
        }
        return new SourceDocument(tables, [], IsWord: false);
    }

    private static SourceTable ReadSheet(Worksheet ws, List<string> strings, HashSet<uint> dateStyles, ref int origin)
    {
        var values = new Dictionary<(int Row, int Col), string>();
        int maxRow = 0, maxCol = 0;
        foreach (var row in ws.Descendants<Row>())
        {
            var r = (int)(row.RowIndex?.Value ?? (uint)(maxRow + 1));
            var nextCol = 1;
            foreach (var c in row.Elements<Cell>())
            {
                var (cr, cc) = c.CellReference?.Value is { } reference ? Parse(reference) : (r, nextCol);
                nextCol = cc + 1;
                var text = Value(c, strings, dateStyles);
                if (text.Length == 0) continue;
                values[(cr, cc)] = text;
                maxRow = Math.Max(maxRow, cr);
                maxCol = Math.Max(maxCol, cc);
            }
        }
        // Merged ranges: every position takes the top-left cell's value and one origin. A range is cut to the cells
        // that hold values (a whole column merged, A1:A1048576, must not make a million rows), and to MaxColumns.
        maxCol = Math.Min(maxCol, MaxColumns);
        var merged = new Dictionary<(int, int), GridCell>();
        foreach (var m in ws.Descendants<MergeCell>())
        {
            if (m.Reference?.Value is not { } range || !range.Contains(':')) continue;
            var parts = range.Split(':');
            var (r1, c1) = Parse(parts[0]);
            var (r2, c2) = Parse(parts[1]);
            if (r1 < 1 || c1 < 1 || r1 > maxRow || c1 > maxCol) continue;
            var cell = new GridCell(values.GetValueOrDefault((r1, c1)) ?? "", origin++);
            for (var r = r1; r <= Math.Min(r2, maxRow); r++)
                for (var c = c1; c <= Math.Min(c2, maxCol); c++) merged[(r, c)] = cell;
        }
        var rows = new List<SourceRow>();
        // Only the rows that hold something: a sheet may have one stray value a million rows down.
        foreach (var r in values.Keys.Select(k => k.Row).Concat(merged.Keys.Select(k => k.Item1)).Distinct().Order())
        {
            var cells = new List<GridCell>(maxCol);
            for (var c = 1; c <= maxCol; c++)
                cells.Add(merged.TryGetValue((r, c), out var m) ? m
                    : values.TryGetValue((r, c), out var v) ? new GridCell(v, origin++) : GridCell.Empty);
            if (cells.All(x => x.IsEmpty)) continue;
            rows.Add(new SourceRow(cells, r, IsSheet: true));
        }
        return new SourceTable(rows);
    }

    /// <summary>"D9" → (9, 4).</summary>
    internal static (int Row, int Col) Parse(string reference)
    {
        int col = 0, i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++) col = col * 26 + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        var row = int.TryParse(reference.AsSpan(i), NumberStyles.None, Inv, out var r) ? r : 0;
        return (row, col);
    }

    /// <summary>4 → "D".</summary>
    public static string ColumnName(int col)
    {
        var s = "";
        for (; col > 0; col = (col - 1) / 26) s = (char)('A' + (col - 1) % 26) + s;
        return s;
    }

    private static string Value(Cell c, List<string> strings, HashSet<uint> dateStyles)
    {
        var raw = c.CellValue?.Text ?? "";
        var type = c.DataType?.Value;
        string text;
        if (type == CellValues.SharedString)
            text = int.TryParse(raw, NumberStyles.None, Inv, out var i) && i < strings.Count ? strings[i] : "";
        else if (type == CellValues.InlineString)
            text = c.InlineString is { } inline ? ItemText(inline) : raw;
        else if (type == CellValues.Boolean)
            text = raw == "1" ? "TRUE" : "FALSE";
        else if ((type is null || type == CellValues.Number) && c.StyleIndex?.Value is { } style && dateStyles.Contains(style)
                 && double.TryParse(raw, NumberStyles.Float, Inv, out var serial) && serial is > 0 and < 2958466)
            text = DateTime.FromOADate(serial).ToString("d/M/yyyy", Inv);
        else text = raw;
        return WordReader.Clean(text.Replace("\r\n", "\n").Split('\n'));
    }

    /// <summary>A shared-string item or inline string: its runs' text, without phonetic guides.</summary>
    private static string ItemText(DocumentFormat.OpenXml.OpenXmlElement item)
    {
        var sb = new StringBuilder();
        foreach (var t in item.Descendants<Text>())
            if (t.Parent is not PhoneticRun) sb.Append(t.Text);
        return sb.ToString();
    }

    /// <summary>The style indexes whose number format shows a date (built-in 14–22, 45–47, or a format with d/m/y).</summary>
    private static HashSet<uint> DateStyles(Stylesheet? styles)
    {
        var result = new HashSet<uint>();
        if (styles?.CellFormats is not { } formats) return result;
        var custom = styles.NumberingFormats?.Elements<NumberingFormat>()
            .Where(f => f.NumberFormatId?.Value is not null)
            .ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode?.Value ?? "") ?? [];
        uint index = 0;
        foreach (var f in formats.Elements<CellFormat>())
        {
            var id = f.NumberFormatId?.Value ?? 0;
            var isDate = id is >= 14 and <= 22 or >= 45 and <= 47
                || custom.TryGetValue(id, out var code) && IsDateFormat(code);
            if (isDate) result.Add(index);
            index++;
        }
        return result;
    }

    private static bool IsDateFormat(string code)
    {
        // Drop quoted text and [colour]/[locale] parts, then look for day, month or year letters.
        var sb = new StringBuilder();
        var quoted = false;
        var bracket = false;
        foreach (var ch in code)
        {
            if (ch == '"') { quoted = !quoted; continue; }
            if (ch == '[') { bracket = true; continue; }
            if (ch == ']') { bracket = false; continue; }
            if (!quoted && !bracket) sb.Append(char.ToLowerInvariant(ch));
        }
        var s = sb.ToString();
        return s.Contains('d') || s.Contains('y');
    }
}
