using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CchcPortal.Office.Export;

/// <summary>
/// Small builders for WordprocessingML with the formatting Decree 30/2020/NĐ-CP asks for. Sizes are in points; lengths
/// in twentieths of a point (twips: 567 to the centimetre). Body text takes its font and size from the Normal style
/// (Times New Roman 14 pt, or a template's), so only what differs from it is written on a paragraph or run.
/// </summary>
internal static class Word
{
    public const int Cm = 567;

    [Flags]
    public enum Look { None = 0, Bold = 1, Italic = 2, Caps = 4 }

    public static Run Run(string text, Look look = Look.None, double? size = null)
    {
        var props = new RunProperties();
        if (look.HasFlag(Look.Bold)) { props.Append(new Bold()); props.Append(new BoldComplexScript()); }
        if (look.HasFlag(Look.Italic)) { props.Append(new Italic()); props.Append(new ItalicComplexScript()); }
        if (size is { } s)
        {
            var half = ((int)Math.Round(s * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            props.Append(new FontSize { Val = half });
            props.Append(new FontSizeComplexScript { Val = half });
        }
        var run = new Run();
        if (props.HasChildren) run.Append(props);
        run.Append(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A paragraph: alignment, first-line or left indent, space after (pt) and before, kept with the next.</summary>
    public static Paragraph Para(IEnumerable<OpenXmlElement> runs, JustificationValues? align = null, int firstLine = 0, int left = 0, int right = 0,
        double after = 6, double before = 0, bool keepNext = false, bool pageBreakBefore = false, TopBorder? top = null, int hanging = 0)
    {
        var props = new ParagraphProperties();
        if (keepNext) props.Append(new KeepNext());
        if (pageBreakBefore) props.Append(new PageBreakBefore());
        if (top is not null) props.Append(new ParagraphBorders(top));
        props.Append(new SpacingBetweenLines { Before = Twips(before), After = Twips(after) });
        if (firstLine != 0 || left != 0 || right != 0 || hanging != 0)
        {
            var ind = new Indentation();
            if (left != 0) ind.Left = left.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (right != 0) ind.Right = right.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (firstLine != 0) ind.FirstLine = firstLine.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (hanging != 0) ind.Hanging = hanging.ToString(System.Globalization.CultureInfo.InvariantCulture);
            props.Append(ind);
        }
        if (align is { } a) props.Append(new Justification { Val = a });
        var p = new Paragraph(props);
        foreach (var r in runs) p.Append(r);
        return p;
    }

    public static Paragraph Para(string text, Look look = Look.None, double? size = null, JustificationValues? align = null, int firstLine = 0,
        double after = 6, double before = 0, bool keepNext = false) =>
        Para([Run(text, look, size)], align, firstLine, after: after, before: before, keepNext: keepNext);

    /// <summary>A body paragraph: justified, first line indented 1,27 cm.</summary>
    public static Paragraph Body(IEnumerable<OpenXmlElement> runs, bool keepNext = false) =>
        Para(runs, JustificationValues.Both, firstLine: (int)(1.27 * Cm), keepNext: keepNext);

    public static Paragraph Body(string text, Look look = Look.None, bool keepNext = false) => Body([Run(text, look)], keepNext);

    /// <summary>A short centred rule under a line (the rules under the issuer, the motto and the subject): an empty
    /// paragraph one point high whose top border runs between the indents.</summary>
    public static Paragraph Rule(int width, int available, double after = 0)
    {
        var side = Math.Max(0, (available - width) / 2);
        var p = Para([Run("", size: 1)], JustificationValues.Center, left: side, right: side, after: after, before: 4, keepNext: true,
            top: new TopBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" });
        return p;
    }

    /// <summary>A table with fixed column widths (twips); borders or none.</summary>
    public static Table Table(int[] widths, bool borders)
    {
        var props = new TableProperties(
            new TableWidth { Width = widths.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            borders
                ? new TableBorders(new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }, new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }, new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" })
                : new TableBorders(new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil }, new BottomBorder { Val = BorderValues.Nil },
                    new RightBorder { Val = BorderValues.Nil }, new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil }),
            new TableLayout { Type = TableLayoutValues.Fixed },
            new TableCellMarginDefault(new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa }));
        var grid = new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        return new Table(props, grid);
    }

    public static TableRow Row(bool header = false, bool cantSplit = false)
    {
        var row = new TableRow();
        if (header || cantSplit)
        {
            var props = new TableRowProperties();
            if (cantSplit) props.Append(new CantSplit());
            if (header) props.Append(new TableHeader());
            row.Append(props);
        }
        return row;
    }

    public static TableCell Cell(int width, IEnumerable<OpenXmlElement> paragraphs, int span = 1, bool centerVertically = false)
    {
        var props = new TableCellProperties(new TableCellWidth { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (span > 1) props.Append(new GridSpan { Val = span });
        if (centerVertically) props.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        var cell = new TableCell(props);
        foreach (var p in paragraphs) cell.Append(p);
        if (!cell.Elements<Paragraph>().Any() && !cell.Elements<Table>().Any()) cell.Append(new Paragraph());
        return cell;
    }

    /// <summary>A cell of one or more lines of small text (tables are set in 12 pt).</summary>
    public static TableCell TextCell(int width, string? text, Look look = Look.None, JustificationValues? align = null, int span = 1, double size = 12) =>
        Cell(width, (text ?? "").Split('\n').Select(line => Para([Run(line, look, size)], align ?? JustificationValues.Left, after: 0)), span);

    private static string Twips(double points) => ((int)Math.Round(points * 20)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
