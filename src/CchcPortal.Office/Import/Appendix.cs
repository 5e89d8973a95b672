using System.Globalization;
using System.Text.RegularExpressions;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;

namespace CchcPortal.Office.Import;

/// <summary>The columns of an appendix table the import reads.</summary>
public enum AppendixColumn { No, Title, Product, Lead, Cooperating, Deadline, Area }

/// <summary>A task row of the appendix as written: cell texts (lines separated by '\n') and where it is.</summary>
/// <param name="Notes">The row's non-empty cells of columns that map to no key ("Ghi chú"), with their heading.</param>
public sealed record AppendixRow(
    string No, string Title, string Product, string Lead, string Cooperating, string Deadline, Area? Area, bool AreaFailed,
    RowPlace Place, IReadOnlyList<(string Heading, string Text)>? Notes = null);

/// <summary>Where a row is, for messages: its STT, the file's line (CSV, sheet) and the heading of each column.</summary>
/// <param name="Order">The row's place among every row of the appendix: messages are listed in table order.</param>
/// <param name="Extra">The table's columns that map to no key ("Ghi chú"), kept as notes in the task's body.</param>
public sealed record RowPlace(string File, string No, string? After, int Line, bool IsSheet, IReadOnlyDictionary<AppendixColumn, (int Index, string Heading)> Columns, int Order,
    IReadOnlyList<(int Index, string Heading)>? Extra = null)
{
    /// <summary>"Dòng STT 7" / "Row STT 7", with the cell ("ô D9") in a sheet.</summary>
    public Sentence Label(AppendixColumn? column = null)
    {
        var cell = IsSheet && Line > 0 && column is { } c && Columns.TryGetValue(c, out var col)
            ? $" ({SheetReader.ColumnName(col.Index + 1)}{Line.ToString(CultureInfo.InvariantCulture)})" : "";
        if (No.Length > 0) return new($"Dòng STT {No}{cell}", $"Row STT {No}{cell}");
        return After is null ? new($"Dòng đầu bảng chưa có STT{cell}", $"First row without STT{cell}")
            : new($"Dòng không có STT sau STT {After}{cell}", $"Row without STT after STT {After}{cell}");
    }

    public string Heading(AppendixColumn column) => Columns.TryGetValue(column, out var c) ? c.Heading : column.ToString();

    public SourceLocation At(AppendixColumn? column = null)
    {
        if (Line <= 0) return new(File);
        var col = column is { } c && Columns.TryGetValue(c, out var x) ? x.Index + 1 : 1;
        return new(File, Line, col);
    }
}

/// <summary>
/// Finds the appendix among a document's tables by its heading row and reads its rows: title rows above the heading
/// and the "(1) (2) (3)…" row below it are skipped; a table split over pages (heading rows repeated, or several tables
/// with the same headings, or a heading-less table right after with as many columns) is one table; group rows (STT in
/// Roman numerals, or one cell across the row, or its text alone in the first cell) give the area of the rows below; a task whose STT cell is merged down
/// over several rows is one task.
/// </summary>
public static partial class Appendix
{
    [GeneratedRegex(@"^\s*(?<r>[IVXLC]+)\s*(?:[.):\-–]\s*|\s+|$)(?<rest>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex RomanPrefix { get; }

    [GeneratedRegex(@"^\(?\s*\d{1,2}\s*\)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ColumnNumber { get; }

    [GeneratedRegex(@"^\s*(?<n>\d{1,4})\s*\.?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Number { get; }

    /// <summary>The kind of a heading cell, from its folded words; null when it is none the import reads.</summary>
    internal static AppendixColumn? Classify(string heading)
    {
        var w = " " + string.Join(' ', AreaNames.Words(heading)) + " ";
        bool Has(string s) => w.Contains(" " + s + " ", StringComparison.Ordinal);
        if (w.Trim() is "stt" or "tt" or "so tt" or "so thu tu" or "thu tu" || Has("stt")) return AppendixColumn.No;
        if (Has("chu tri")) return AppendixColumn.Lead;
        if (Has("phoi hop")) return AppendixColumn.Cooperating;
        if (Has("thoi gian") || Has("thoi han") || Has("tien do") || Has("han hoan thanh")) return AppendixColumn.Deadline;
        if (Has("san pham") || Has("ket qua")) return AppendixColumn.Product;
        if (Has("linh vuc")) return AppendixColumn.Area;
        if (Has("noi dung") || Has("nhiem vu") || Has("cong viec") || Has("ten")) return AppendixColumn.Title;
        return null;
    }

    /// <param name="Extra">Headed columns that map to no key ("Ghi chú", "Ghi chú/kinh phí"): their cells become notes.</param>
    private sealed record Heading(int Rows, Dictionary<AppendixColumn, (int Index, string Heading)> Columns, IReadOnlyList<(int Index, string Heading)> Extra);

    /// <summary>The heading of a table starting at row <paramref name="r"/> (one row, or two when a second row names
    /// what the first spans, as "Cơ quan thực hiện" over "Chủ trì | Phối hợp"); null when the row is no heading.</summary>
    private static Heading? HeadingAt(SourceTable table, int r)
    {
        var one = Columns(table.Rows[r], null);
        // A title row across the table above the heading is no heading's first row: it must name two columns itself.
        if (one.Count >= 2 && r + 1 < table.Rows.Count && !IsTaskLike(table.Rows[r + 1], one))
        {
            var two = Columns(table.Rows[r], table.Rows[r + 1]);
            if (two.Count > one.Count && IsAppendix(two)) return new Heading(2, two, Extras(table.Rows[r], table.Rows[r + 1], two));
        }
        return IsAppendix(one) ? new Heading(1, one, Extras(table.Rows[r], null, one)) : null;
    }

    /// <summary>
    /// The heading's other columns: a heading the import does not read ("Ghi chú"), not a column number "(7)", not part
    /// of a heading merged across columns. Their cells are not dropped: they become the task's body.
    /// </summary>
    private static List<(int Index, string Heading)> Extras(SourceRow top, SourceRow? below, Dictionary<AppendixColumn, (int Index, string Heading)> read)
    {
        var used = read.Values.Select(v => v.Index).ToHashSet();
        var extra = new List<(int Index, string Heading)>();
        var width = Math.Max(top.Cells.Count, below?.Cells.Count ?? 0);
        for (var i = 0; i < width; i++)
        {
            var a = top[i];
            var b = below?[i] ?? GridCell.Empty;
            if (used.Contains(i) || i > 0 && top[i - 1].Origin == a.Origin && !a.IsEmpty && (below is null || below[i - 1].Origin == b.Origin)) continue;
            var text = b.Origin == a.Origin || b.IsEmpty ? a.Text : a.IsEmpty ? b.Text : a.Text + " " + b.Text;
            text = TextFold.CollapseSpaces(text.ReplaceLineEndings(" ")).Trim();
            if (text.Length == 0 || ColumnNumber.IsMatch(text) || Classify(text) is not null) continue;
            extra.Add((i, text));
        }
        return extra;
    }

    private static bool IsAppendix(Dictionary<AppendixColumn, (int, string)> columns) =>
        columns.ContainsKey(AppendixColumn.Title) && columns.Count >= 3
        && (columns.ContainsKey(AppendixColumn.Lead) || columns.ContainsKey(AppendixColumn.Deadline));

    private static bool IsTaskLike(SourceRow row, Dictionary<AppendixColumn, (int Index, string)> columns) =>
        columns.TryGetValue(AppendixColumn.No, out var no) && Number.IsMatch(row[no.Index].Text);

    private static Dictionary<AppendixColumn, (int Index, string Heading)> Columns(SourceRow top, SourceRow? below)
    {
        var result = new Dictionary<AppendixColumn, (int Index, string Heading)>();
        var width = Math.Max(top.Cells.Count, below?.Cells.Count ?? 0);
        for (var i = 0; i < width; i++)
        {
            var a = top[i];
            var b = below?[i] ?? GridCell.Empty;
            var text = b.Origin == a.Origin || b.IsEmpty ? a.Text : a.IsEmpty ? b.Text : a.Text + " " + b.Text;
            if (text.Length == 0 || Classify(text) is not { } kind || result.ContainsKey(kind)) continue;
            // A heading merged across several columns names the first of them only.
            if (i > 0 && top[i - 1].Origin == a.Origin && (below is null || below[i - 1].Origin == b.Origin)) continue;
            result[kind] = (i, (b.IsEmpty || b.Origin == a.Origin ? a.Text : b.Text).ReplaceLineEndings(" "));
        }
        // "Nội dung/sản phẩm" is the product beside a "Nhiệm vụ" column, and the title when there is none.
        if (!result.ContainsKey(AppendixColumn.Title) && result.TryGetValue(AppendixColumn.Product, out var product)
            && Classify(string.Join(' ', AreaNames.Words(product.Heading).Where(w => w is not ("san" or "pham" or "ket" or "qua")))) == AppendixColumn.Title)
        {
            result.Remove(AppendixColumn.Product);
            result[AppendixColumn.Title] = product;
        }
        return result;
    }

    /// <summary>Every task row of the appendix tables, in order; problems of the table itself go to the bag.</summary>
    public static List<AppendixRow>? Read(SourceDocument doc, string file, DiagnosticBag bag, RowDiagnostics rowBag)
    {
        var rows = new List<AppendixRow>();
        Heading? previous = null;
        int previousWidth = -1;
        var found = false;
        var state = new GroupState();
        Dictionary<AppendixColumn, (int Index, string Heading)>? best = null;
        foreach (var table in doc.Tables)
        {
            var width = table.Rows.Count == 0 ? 0 : table.Rows.Max(r => r.Cells.Count);
            Heading? heading = null;
            var start = 0;
            for (var r = 0; r < table.Rows.Count && r < 20 && heading is null; r++)
                if (HeadingAt(table, r) is { } h) { heading = h; start = r + h.Rows; }
            if (heading is null)
            {
                // The rest of a table split over pages without its heading: as many columns, right after the last one.
                if (previous is null || width != previousWidth || table.Rows.Count == 0) { previous = null; continue; }
                heading = previous;
            }
            if (best is null || heading.Columns.Count > best.Count) best = heading.Columns;
            var required = new[] { AppendixColumn.Title, AppendixColumn.Lead, AppendixColumn.Deadline };
            if (required.Any(c => !heading.Columns.ContainsKey(c))) { previous = null; continue; }
            found = true;
            previous = heading;
            previousWidth = width;
            ReadRows(table, start, heading, file, rows, state, rowBag);
        }
        if (found) return rows;
        var missing = best is null ? "" : string.Join(", ", new[] { AppendixColumn.No, AppendixColumn.Title, AppendixColumn.Lead, AppendixColumn.Deadline }
            .Where(c => !best.ContainsKey(c)).Select(c => ColumnName(c).Vi));
        var missingEn = best is null ? "" : string.Join(", ", new[] { AppendixColumn.No, AppendixColumn.Title, AppendixColumn.Lead, AppendixColumn.Deadline }
            .Where(c => !best.ContainsKey(c)).Select(c => ColumnName(c).En));
        bag.Add(Diagnostic.NoAppendixTable(file, new Sentence(
                "STT, Nội dung (Nhiệm vụ), Sản phẩm, Cơ quan chủ trì, Cơ quan phối hợp, Thời gian hoàn thành (Thời hạn)",
                "STT, Nội dung (task), Sản phẩm (product), Cơ quan chủ trì (lead), Cơ quan phối hợp (cooperating), Thời gian hoàn thành (deadline)"),
            best is null
                ? new Sentence(doc.Tables.Count == 0 ? " Tệp không có bảng nào." : $" Tệp có {doc.Tables.Count} bảng nhưng không bảng nào có các cột đó.",
                    doc.Tables.Count == 0 ? " The file has no table." : $" The file has {doc.Tables.Count} table(s), none with those columns.")
                : new Sentence($" Bảng gần giống nhất thiếu cột: {missing}.", $" The closest table lacks the column(s): {missingEn}.")));
        return null;
    }

    /// <summary>The usual name of a column, for messages.</summary>
    public static Sentence ColumnName(AppendixColumn c) => c switch
    {
        AppendixColumn.No => new("STT", "STT (number)"),
        AppendixColumn.Title => new("Nội dung (Nhiệm vụ)", "Nội dung (task)"),
        AppendixColumn.Product => new("Sản phẩm", "Sản phẩm (product)"),
        AppendixColumn.Lead => new("Cơ quan chủ trì", "Cơ quan chủ trì (lead unit)"),
        AppendixColumn.Cooperating => new("Cơ quan phối hợp", "Cơ quan phối hợp (cooperating units)"),
        AppendixColumn.Deadline => new("Thời gian hoàn thành", "Thời gian hoàn thành (deadline)"),
        _ => new("Lĩnh vực", "Lĩnh vực (area)"),
    };

    /// <summary>What carries from one row (and one table) to the next: the current group's area, the last STT.</summary>
    private sealed class GroupState
    {
        public Area? Area;
        public bool AreaFailed;
        public string? LastNo;
        public int Order;
    }

    private static void ReadRows(SourceTable table, int start, Heading heading, string file, List<AppendixRow> rows,
        GroupState state, RowDiagnostics bag)
    {
        var cols = heading.Columns;
        string Text(SourceRow row, AppendixColumn c) => cols.TryGetValue(c, out var x) ? row[x.Index].Text : "";
        int Origin(SourceRow row, AppendixColumn c) => cols.TryGetValue(c, out var x) ? row[x.Index].Origin : -1;
        Area? rowArea = null;
        var rowAreaFailed = false;
        var currentArea = state.Area;
        var currentFailed = state.AreaFailed;
        SourceRow? open = null;
        var openOrder = 0;      // the first row of the task being read (several rows when its STT is merged down)
        var parts = new Dictionary<AppendixColumn, List<(int Origin, string Text)>>();
        var extraParts = new Dictionary<int, List<(int Origin, string Text)>>();
        void Flush()
        {
            if (open is null) return;
            var notes = heading.Extra
                .Select(x => (x.Heading, Text: extraParts.TryGetValue(x.Index, out var l) ? string.Join("\n", l.Select(p => p.Text.Trim()).Where(t => t.Length > 0)) : ""))
                .Where(n => n.Text.Length > 0).ToList();
            string Joined(AppendixColumn c) => parts.TryGetValue(c, out var l) ? string.Join("\n", l.Select(p => p.Text).Where(t => t.Length > 0)) : "";
            var no = Joined(AppendixColumn.No);
            var place = new RowPlace(file, no.ReplaceLineEndings(" "), state.LastNo, open.Line, open.IsSheet, cols, openOrder, heading.Extra);
            rows.Add(new AppendixRow(no, Joined(AppendixColumn.Title), Joined(AppendixColumn.Product), Joined(AppendixColumn.Lead),
                Joined(AppendixColumn.Cooperating), Joined(AppendixColumn.Deadline), rowArea ?? currentArea,
                rowArea is null && (rowAreaFailed || currentFailed), place, notes));
            if (no.Length > 0) state.LastNo = no.ReplaceLineEndings(" ");
            open = null;
            parts.Clear();
            extraParts.Clear();
        }

        for (var r = start; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            state.Order++;
            var cells = row.Cells.Where(c => !c.IsEmpty).ToList();
            if (cells.Count == 0) continue;
            if (cells.All(c => ColumnNumber.IsMatch(c.Text)) && cells.Select(c => c.Origin).Distinct().Count() >= 3) continue;
            if (!IsTaskLike(row, cols) && HeadingAt(table, r) is { } again) { Flush(); r += again.Rows - 1; continue; }

            // A continuation row of a task whose STT cell is merged down: its other cells add to the task.
            var noOrigin = Origin(row, AppendixColumn.No);
            if (open is not null && noOrigin >= 0 && noOrigin == Origin(open, AppendixColumn.No) && Text(row, AppendixColumn.No).Length > 0)
            {
                Add(row);
                continue;
            }
            if (GroupText(row, cols) is { } group)
            {
                Flush();
                var matches = AreaNames.Match(group);
                if (matches.Count == 1) { currentArea = matches[0]; currentFailed = false; }
                else
                {
                    currentArea = null;
                    currentFailed = true;
                    var place = new RowPlace(file, RomanPrefix.Match(Text(row, AppendixColumn.No)) is { Success: true } m ? m.Groups["r"].Value : "", state.LastNo, row.Line, row.IsSheet, cols, state.Order);
                    bag.Add(place, Diagnostic.ImportRowArea(place.At(AppendixColumn.Title), place.Label(AppendixColumn.Title), NoArea("dòng nhóm", "group row", group, matches), AreaList));
                }
                continue;
            }
            Flush();
            open = row;
            openOrder = state.Order;
            rowArea = null;
            rowAreaFailed = false;
            var areaText = Text(row, AppendixColumn.Area);
            if (areaText.Length > 0)
            {
                var m = Area.Find(areaText.Trim()) is { } byId ? [byId] : AreaNames.Match(areaText);
                if (m.Count == 1) rowArea = m[0];
                else
                {
                    rowAreaFailed = true;
                    var place = new RowPlace(file, Text(row, AppendixColumn.No), state.LastNo, row.Line, row.IsSheet, cols, state.Order);
                    bag.Add(place, Diagnostic.ImportRowArea(place.At(AppendixColumn.Area), place.Label(AppendixColumn.Area), NoArea("lĩnh vực", "area", areaText, m), AreaList));
                }
            }
            Add(row);
        }
        Flush();
        state.Area = currentArea;
        state.AreaFailed = currentFailed;

        void Add(SourceRow row)
        {
            foreach (var (c, (index, _)) in cols)
            {
                var cell = row[index];
                var list = parts.TryGetValue(c, out var l) ? l : parts[c] = [];
                if (cell.IsEmpty || list.Any(p => p.Origin == cell.Origin)) continue;
                list.Add((cell.Origin, cell.Text));
            }
            foreach (var (index, _) in heading.Extra)
            {
                var cell = row[index];
                var list = extraParts.TryGetValue(index, out var l) ? l : extraParts[index] = [];
                if (cell.IsEmpty || list.Any(p => p.Origin == cell.Origin)) continue;
                list.Add((cell.Origin, cell.Text));
            }
        }
    }

    /// <summary>The seven areas, for messages.</summary>
    public static Sentence AreaList => new(AreaNames.List("vi"), AreaNames.List("en"));

    private static Sentence NoArea(string whatVi, string whatEn, string text, IReadOnlyList<Area> matches)
    {
        text = text.ReplaceLineEndings(" ");
        var ids = string.Join(", ", matches.Select(a => a.Id));
        return matches.Count == 0
            ? new($"{whatVi} \"{text}\" không khớp lĩnh vực nào; hãy ghi tên lĩnh vực rõ hơn.",
                $"{whatEn} \"{text}\" matches no area; name the area more plainly.")
            : new($"{whatVi} \"{text}\" khớp nhiều lĩnh vực ({ids}); hãy ghi tên một lĩnh vực.",
                $"{whatEn} \"{text}\" matches several areas ({ids}); name one area.");
    }

    /// <summary>The text of a group row (the area's name), or null when the row is a task.</summary>
    private static string? GroupText(SourceRow row, Dictionary<AppendixColumn, (int Index, string Heading)> cols)
    {
        var distinct = row.Cells.Where(c => !c.IsEmpty).DistinctBy(c => c.Origin).ToList();
        if (distinct.Count == 0) return null;
        // One cell across the row (all its positions one merged cell).
        if (row.Cells.Count > 1 && row.Cells.All(c => c.Origin == row.Cells[0].Origin))
            return StripRoman(row.Cells[0].Text);
        var no = cols.TryGetValue(AppendixColumn.No, out var n) ? row[n.Index] : GridCell.Empty;
        // A merged group row saved as CSV (or unmerged by hand) keeps its text in the first cell only: words in the STT
        // cell and nothing else; or the name of exactly one area alone in the title cell, with no STT.
        if (distinct.Count == 1 && !no.IsEmpty && distinct[0].Origin == no.Origin && !Number.IsMatch(no.Text)
            && no.Text.Any(char.IsLetter) && !IsRoman(no.Text.Trim().TrimEnd('.')))
            return StripRoman(no.Text);
        if (distinct.Count == 1 && no.IsEmpty && cols.TryGetValue(AppendixColumn.Title, out var t) && distinct[0].Origin == row[t.Index].Origin
            && AreaNames.Match(distinct[0].Text).Count == 1)
            return distinct[0].Text;
        var m = RomanPrefix.Match(no.Text);
        if (no.IsEmpty || !m.Success || !IsRoman(m.Groups["r"].Value)) return null;
        var rest = m.Groups["rest"].Value.Trim();
        var others = distinct.Where(c => c.Origin != no.Origin).Select(c => c.Text);
        return string.Join(" ", new[] { rest }.Concat(others).Where(t => t.Length > 0));
    }

    private static string StripRoman(string text)
    {
        var m = RomanPrefix.Match(text);
        return m.Success && IsRoman(m.Groups["r"].Value) && m.Groups["rest"].Value.Trim().Length > 0 ? m.Groups["rest"].Value.Trim() : text;
    }

    private static bool IsRoman(string s) => s.Length is > 0 and <= 6 && s.All(c => c is 'I' or 'V' or 'X' or 'L' or 'C');
}

/// <summary>Problems of rows, listed in table order (a Word document has no line numbers to sort them by).</summary>
public sealed class RowDiagnostics
{
    private readonly List<(int Order, Diagnostic Diagnostic)> _items = [];

    public int Count => _items.Count;

    public void Add(RowPlace row, Diagnostic diagnostic) => _items.Add((row.Order, diagnostic));

    public void Into(DiagnosticBag bag)
    {
        foreach (var (_, d) in _items.OrderBy(x => x.Order)) bag.Add(d);
        _items.Clear();
    }
}
