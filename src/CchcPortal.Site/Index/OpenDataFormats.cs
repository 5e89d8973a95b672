using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CchcPortal.Core.Text;

namespace CchcPortal.Site.Index;

/// <summary>Writes a table's rows as CSV or JSON, and a <see cref="TableKind"/> as a Table Schema or a JSON Schema.</summary>
public static class OpenDataFormats
{
    /// <summary>Numbers the way data tools read them: invariant, a dot, no trailing zeros ("98.4", "100").</summary>
    public static string Number(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true, NewLine = "\n",
        // Vietnamese stays readable (not \u-escaped); the files are data, never inlined into HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // ---- CSV (RFC 4180, UTF-8 with a byte-order mark so Excel shows the diacritics) -------------------------

    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public static void Csv<TRow>(Stream stream, IReadOnlyList<Column<TRow>> columns, TableRows<TRow> rows, int start, int count)
        where TRow : OpenDataTables.Row
    {
        using var w = new StreamWriter(stream, Utf8WithBom, bufferSize: -1, leaveOpen: true);
        w.Write(string.Join(',', columns.Select(c => c.Name)));
        w.Write("\r\n");
        for (var i = start; i < start + count; i++) w.Write(rows.CsvLine(i));
    }

    /// <summary>A row's cells as one CSV line, with its line break.</summary>
    public static string CsvLine(IEnumerable<object?> cells) => string.Join(',', cells.Select(CsvCell)) + "\r\n";

    private static string CsvCell(object? value)
    {
        var text = value switch
        {
            null => "",
            string s => TextFold.ToNfc(s),
            bool b => b ? "true" : "false",
            int i => i.ToString(CultureInfo.InvariantCulture),
            decimal d => Number(d),
            DateOnly d => Date(d),
            IEnumerable<DateOnly> dates => string.Join(';', dates.Select(Date)),
            IEnumerable<string> list => string.Join(';', list),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
        };
        return text.AsSpan().IndexOfAny(CsvQuoted) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }

    private static readonly System.Buffers.SearchValues<char> CsvQuoted = System.Buffers.SearchValues.Create(",\"\r\n");

    // ---- JSON -----------------------------------------------------------------------------------------------

    /// <summary>{ "as_of": ..., "license": ..., "plan_id": ..., "tasks": [ { ... } ] } — as_of once, at the top.</summary>
    public static void Json<TRow>(Stream stream, TableKind<TRow> kind, string? planId, TableRows<TRow> rows, int start, int count, DateOnly asOf, string license)
        where TRow : OpenDataTables.Row => JsonDocument(stream, w =>
    {
        w.WriteStartObject();
        w.WriteString("as_of", Date(asOf));
        w.WriteString("license", license);
        if (planId is null) w.WriteNull("plan_id"); else w.WriteString("plan_id", planId);
        w.WriteStartArray(kind.Name);
        var columns = kind.RowColumns.Select((c, i) => (c.Name, Index: i)).Where(c => c.Name != "as_of").ToList();
        for (var i = start; i < start + count; i++)
        {
            var cells = rows.Cells(i);
            w.WriteStartObject();
            foreach (var (name, index) in columns)
            {
                w.WritePropertyName(name);
                JsonValue(w, cells[index]);
            }
            w.WriteEndObject();
            FlushIfFull(w);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private static void JsonValue(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(TextFold.ToNfc(s)); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case decimal d: w.WriteRawValue(Number(d)); break;
            case DateOnly d: w.WriteStringValue(Date(d)); break;
            case IEnumerable<DateOnly> dates: w.WriteStartArray(); foreach (var d in dates) w.WriteStringValue(Date(d)); w.WriteEndArray(); break;
            case IEnumerable<string> list: w.WriteStartArray(); foreach (var s in list) w.WriteStringValue(s); w.WriteEndArray(); break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>How much a JSON writer holds before it passes the bytes on to the file.</summary>
    private const int FlushAt = 16 * 1024;

    /// <summary>
    /// Passes what a writer holds on to its file once it is <see cref="FlushAt"/>, at each item of a document's long
    /// lists: otherwise a large document (datapackage.json is 4 MB at 200 plans) is held whole in a buffer that doubles
    /// into the large-object heap.
    /// </summary>
    public static void FlushIfFull(Utf8JsonWriter w)
    {
        if (w.BytesPending > FlushAt) w.Flush();
    }

    /// <summary>Writes a JSON document with the shared options (indented, "\n", Vietnamese unescaped), then a newline.</summary>
    public static void JsonDocument(Stream stream, Action<Utf8JsonWriter> write)
    {
        // One writer per thread, reset for each document: its buffer (grown to FlushAt) is not made again for each of
        // the thousand files. A document begun while another is being written gets a writer of its own.
        var w = t_writer ?? new Utf8JsonWriter(stream, JsonOptions);
        t_writer = null;
        try
        {
            w.Reset(stream);
            write(w);
            w.Flush();
        }
        finally
        {
            w.Reset(Stream.Null);
            t_writer = w;
        }
        stream.WriteByte((byte)'\n');
    }

    [ThreadStatic] private static Utf8JsonWriter? t_writer;

    // ---- Table Schema (Frictionless) --------------------------------------------------------------------------

    public static string TableSchemaType(ColumnType t) => t switch
    {
        ColumnType.Integer => "integer",
        ColumnType.Number => "number",
        ColumnType.Boolean => "boolean",
        ColumnType.Date => "date",
        _ => "string",
    };

    public static void TableSchema(Utf8JsonWriter w, TableKind kind)
    {
        w.WriteStartObject();
        w.WriteStartArray("fields");
        foreach (var c in kind.Columns)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("type", TableSchemaType(c.Type));
            if (c.Type == ColumnType.Date) w.WriteString("format", "default");
            w.WriteString("description", $"{c.Vi} — {c.En}");
            if (c.Required)
            {
                w.WriteStartObject("constraints");
                w.WriteBoolean("required", true);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("missingValues");
        w.WriteStringValue("");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    // ---- JSON Schema (draft 2020-12) ----------------------------------------------------------------------------

    public static void JsonSchema(Stream stream, TableKind kind, string? baseUrl) => JsonDocument(stream, w =>
    {
        w.WriteStartObject();
        w.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        if (baseUrl is not null && baseUrl.Contains("://", StringComparison.Ordinal))
            w.WriteString("$id", $"{baseUrl}data/schema/{kind.Name}.schema.json");
        w.WriteString("title", $"{kind.TitleVi} — {kind.TitleEn}");
        w.WriteString("type", "object");
        w.WriteStartArray("required");
        foreach (var name in new[] { "as_of", "license", "plan_id", kind.Name }) w.WriteStringValue(name);
        w.WriteEndArray();
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        w.WriteStartObject("as_of");
        w.WriteString("type", "string"); w.WriteString("format", "date");
        w.WriteString("description", "Ngày chốt số liệu — The date statuses and overdue are judged on");
        w.WriteEndObject();
        w.WriteStartObject("license");
        w.WriteString("type", "string");
        w.WriteEndObject();
        w.WriteStartObject("plan_id");
        w.WriteStartArray("type"); w.WriteStringValue("string"); w.WriteStringValue("null"); w.WriteEndArray();
        w.WriteString("description", "Mã kế hoạch, null cho tệp của toàn cổng — Plan id, null for the whole site's file");
        w.WriteEndObject();
        w.WriteStartObject(kind.Name);
        w.WriteString("type", "array");
        w.WriteStartObject("items");
        w.WriteString("type", "object");
        var columns = kind.Columns.Where(c => c.Name != "as_of").ToList();
        w.WriteStartArray("required");
        foreach (var c in columns) w.WriteStringValue(c.Name);
        w.WriteEndArray();
        w.WriteBoolean("additionalProperties", false);
        w.WriteStartObject("properties");
        foreach (var c in columns)
        {
            w.WriteStartObject(c.Name);
            w.WriteString("description", $"{c.Vi} — {c.En}");
            var (type, format) = c.Type switch
            {
                ColumnType.Integer => ("integer", null),
                ColumnType.Number => ("number", null),
                ColumnType.Boolean => ("boolean", null),
                ColumnType.Date => ("string", "date"),
                ColumnType.StringList or ColumnType.DateList => ("array", null),
                _ => ("string", (string?)null),
            };
            if (c.Required) w.WriteString("type", type);
            else { w.WriteStartArray("type"); w.WriteStringValue(type); w.WriteStringValue("null"); w.WriteEndArray(); }
            if (format is not null) w.WriteString("format", format);
            if (c.Type is ColumnType.StringList or ColumnType.DateList)
            {
                w.WriteStartObject("items");
                w.WriteString("type", "string");
                if (c.Type == ColumnType.DateList) w.WriteString("format", "date");
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    });
}
