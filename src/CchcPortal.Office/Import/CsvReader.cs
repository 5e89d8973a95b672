using System.Text;

namespace CchcPortal.Office.Import;

/// <summary>Thrown when a CSV file is not UTF-8: where the first bad byte is.</summary>
public sealed class CsvEncodingException(int line, int column) : Exception($"not UTF-8 at line {line}, column {column}")
{
    public int Line { get; } = line;
    public int Column { get; } = column;
}

/// <summary>
/// A CSV file (RFC 4180: quoted fields may hold separators, quotes as "" and line breaks) as one table, each row with
/// the line it starts on. UTF-8 with or without a byte-order mark (UTF-16 with its mark is read too); the separator is
/// the comma, or the semicolon or tab when the first rows hold more of those (Excel's list separator on a
/// Vietnamese Windows is ";").
/// </summary>
public static class CsvReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static SourceDocument Read(byte[] bytes) => new([Parse(Decode(bytes))], [], IsWord: false);

    public static string Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Encoding.Unicode.GetString(span[2..]);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Encoding.BigEndianUnicode.GetString(span[2..]);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) span = span[3..];
        try { return Strict.GetString(span); }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(e.Index, 0);
            int line = 1, start = 0;
            for (var i = 0; i < offset && i < span.Length; i++)
                if (span[i] == (byte)'\n') { line++; start = i + 1; }
            throw new CsvEncodingException(line, offset - start + 1);
        }
    }

    public static SourceTable Parse(string text)
    {
        var separator = Separator(text);
        var rows = new List<SourceRow>();
        var origin = 0;
        var fields = new List<GridCell>();
        var field = new StringBuilder();
        int line = 1, rowLine = 1, i = 0;
        var quoted = false;
        void EndField() { fields.Add(Cell(field.ToString(), ref origin)); field.Clear(); }
        void EndRow()
        {
            EndField();
            if (fields.Any(f => !f.IsEmpty)) rows.Add(new SourceRow(fields, rowLine, IsSheet: true));
            fields = [];
            rowLine = line;
        }
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                if (c == '"') { quoted = false; i++; continue; }
                if (c == '\n') line++;
                field.Append(c);
                i++;
                continue;
            }
            if (c == '"' && field.Length == 0) { quoted = true; i++; continue; }
            if (c == separator) { EndField(); i++; continue; }
            if (c is '\r' or '\n')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                i++;
                line++;
                EndRow();
                continue;
            }
            field.Append(c);
            i++;
        }
        if (field.Length > 0 || fields.Count > 0) EndRow();
        return new SourceTable(rows);
    }

    private static GridCell Cell(string raw, ref int origin)
    {
        var text = WordReader.Clean(raw.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'));
        return text.Length == 0 ? GridCell.Empty : new GridCell(text, origin++);
    }

    /// <summary>The separator that occurs most often outside quotes in the first 20 rows: ',' unless ';' or tab wins.</summary>
    private static char Separator(string text)
    {
        int comma = 0, semi = 0, tab = 0, lines = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            else if (!quoted && c == '\n' && ++lines == 20) break;
            else if (!quoted) { if (c == ',') comma++; else if (c == ';') semi++; else if (c == '\t') tab++; }
        }
        return tab > comma && tab > semi ? '\t' : semi > comma ? ';' : ',';
    }
}
