namespace CchcPortal.Office.Import;

/// <summary>
/// One cell of a table as laid out on the grid: a merged cell (Word's vMerge/gridSpan, an Excel merged range) appears
/// in every grid position it covers, with the same <see cref="Origin"/>, so it counts for every row it spans.
/// </summary>
/// <param name="Text">The cell's text, its paragraphs (lines) separated by '\n', NFC.</param>
/// <param name="Origin">The same number for every grid position of one source cell.</param>
public sealed record GridCell(string Text, int Origin)
{
    public static readonly GridCell Empty = new("", -1);
    public bool IsEmpty => Text.Length == 0;
}

/// <summary>A row of a source table: its cells on the grid and where it is in the file.</summary>
/// <param name="Line">The row's line in a CSV, its row number in a sheet, 0 in a Word document.</param>
/// <param name="IsSheet">A sheet's row: its grid position i is column i + 1, named by letter ("D9").</param>
public sealed record SourceRow(IReadOnlyList<GridCell> Cells, int Line, bool IsSheet = false)
{
    public GridCell this[int column] => column < Cells.Count ? Cells[column] : GridCell.Empty;
}

/// <summary>A table read from a document, a sheet or a CSV file.</summary>
public sealed record SourceTable(IReadOnlyList<SourceRow> Rows);

/// <summary>What a file holds for the import: its tables, and for a Word document the paragraphs of its first page.</summary>
public sealed record SourceDocument(IReadOnlyList<SourceTable> Tables, IReadOnlyList<string> FirstPage, bool IsWord);
