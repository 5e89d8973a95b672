using System.Globalization;
using System.Text;
using System.Text.Json;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Text;

namespace CchcPortal.Core.Rollup;

/// <summary>A field of a resource's Table Schema: its name, type and whether a value is required.</summary>
public sealed record PackageField(string Name, string Type, bool Required);

/// <summary>A CSV listed by a commune's data package, with its Table Schema.</summary>
public sealed record PackageResource(string Name, string Path, IReadOnlyList<PackageField> Fields, long? Bytes);

/// <summary>
/// A commune's <c>data/datapackage.json</c> as a roll-up reads it: who publishes it (the commune and province names, or,
/// for packages older than those fields, the name taken from the title), its portal, its as-of date and the CSVs it lists.
/// The same reader serves <c>cchc fetch</c> (before a copy is kept) and the roll-up's check and build (on the copies).
/// </summary>
public sealed record CommunePackage(string Name, string? Province, string? Homepage, DateOnly? AsOf, string Title, IReadOnlyList<PackageResource> Resources)
{
    /// <summary>The folder name of a commune under communes/: its name folded ("Xã Bình Tân" → "xa-binh-tan").</summary>
    public string Id => Ids.Suggest(Name);

    /// <summary>Reads a data package; null with the reason when it is not one a roll-up can use.</summary>
    public static CommunePackage? Parse(ReadOnlySpan<byte> json, out Sentence? problem)
    {
        problem = null;
        try
        {
            using var doc = JsonDocument.Parse(json.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { problem = new("datapackage.json không phải một đối tượng JSON", "datapackage.json is not a JSON object"); return null; }
            string? Text(JsonElement e, string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var title = Text(root, "title") ?? "";
            var name = Text(root, "x_commune") ?? NameFromTitle(title);
            if (string.IsNullOrWhiteSpace(name)) { problem = new("gói dữ liệu không có tên xã (x_commune) hay tiêu đề (title)", "the package names no commune (x_commune) and has no title"); return null; }
            DateOnly? asOf = DateOnly.TryParseExact(Text(root, "x_as_of") ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
            var resources = new List<PackageResource>();
            if (!root.TryGetProperty("resources", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                problem = new("gói dữ liệu không có danh sách tệp (resources)", "the package lists no resources"); return null;
            }
            foreach (var r in list.EnumerateArray())
            {
                var path = Text(r, "path");
                if (path is null || !IsSafePath(path)) { problem = new($"đường dẫn tệp không dùng được: \"{path}\"", $"a resource path that cannot be used: \"{path}\""); return null; }
                var fields = new List<PackageField>();
                if (r.TryGetProperty("schema", out var schema) && schema.TryGetProperty("fields", out var fs) && fs.ValueKind == JsonValueKind.Array)
                    foreach (var f in fs.EnumerateArray())
                        fields.Add(new(Text(f, "name") ?? "", Text(f, "type") ?? "string",
                            f.TryGetProperty("constraints", out var c) && c.TryGetProperty("required", out var req) && req.ValueKind == JsonValueKind.True));
                resources.Add(new(Text(r, "name") ?? path, path, fields, r.TryGetProperty("bytes", out var b) && b.TryGetInt64(out var n) ? n : null));
            }
            return new CommunePackage(name.Trim(), Text(root, "x_province"), Text(root, "homepage"), asOf, title, resources);
        }
        catch (JsonException e)
        {
            problem = new($"datapackage.json không phải JSON hợp lệ ({e.Message})", $"datapackage.json is not valid JSON ({e.Message})");
            return null;
        }
    }

    /// <summary>"Cải cách hành chính phường Ô Chợ Dừa" → "Phường Ô Chợ Dừa": what a package older than x_commune is called.</summary>
    public static string NameFromTitle(string title)
    {
        var t = TextFold.ToNfc(title).Trim();
        foreach (var prefix in new[] { "cải cách hành chính", "cchc" })
            if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) { t = t[prefix.Length..].TrimStart(' ', '-', '—', ':'); break; }
        return t.Length == 0 ? title : char.ToUpperInvariant(t[0]) + t[1..];
    }

    /// <summary>A relative path below data/: no "..", no absolute path, no scheme, no backslash.</summary>
    public static bool IsSafePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Contains('\\') && !path.Contains(':') && !path.Contains("//", StringComparison.Ordinal)
        && path.Split('/').All(p => p.Length > 0 && p is not ("." or "..") && p.All(c => !char.IsControl(c)));

    /// <summary>
    /// Checks a CSV against its Table Schema: the header row is the fields' names in order, each row has as many cells, and
    /// every cell reads as its type (integer, number, boolean, ISO date) or is empty when not required. The first problem, or null.
    /// </summary>
    public static (int Line, Sentence Problem)? Validate(byte[] csv, PackageResource resource)
    {
        string text;
        try { text = new UTF8Encoding(false, true).GetString(csv); }
        catch (DecoderFallbackException) { return (1, new("tệp không phải UTF-8", "the file is not UTF-8")); }
        var rows = Csv.Parse(text);
        if (rows.Count == 0) return (1, new("tệp rỗng", "the file is empty"));
        var header = rows[0].Cells;
        var names = resource.Fields.Select(f => f.Name).ToList();
        if (names.Count > 0 && !header.SequenceEqual(names))
            return (1, new($"dòng tiêu đề ({string.Join(",", header)}) không khớp lược đồ ({string.Join(",", names)})",
                $"the header ({string.Join(",", header)}) does not match the schema ({string.Join(",", names)})"));
        foreach (var (line, cells) in rows.Skip(1))
        {
            if (cells.Count != header.Count)
                return (line, new($"dòng có {cells.Count} ô, tiêu đề có {header.Count}", $"the row has {cells.Count} cells, the header {header.Count}"));
            for (var i = 0; i < cells.Count && i < resource.Fields.Count; i++)
            {
                var f = resource.Fields[i];
                var v = cells[i];
                if (v.Length == 0)
                {
                    if (f.Required) return (line, new($"cột {f.Name} bắt buộc mà trống", $"column {f.Name} is required but empty"));
                    continue;
                }
                var ok = f.Type switch
                {
                    "integer" => long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
                    "number" => decimal.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
                    "boolean" => v is "true" or "false",
                    "date" => DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
                    _ => true,
                };
                if (!ok) return (line, new($"cột {f.Name}: \"{v}\" không phải kiểu {f.Type}", $"column {f.Name}: \"{v}\" is not of type {f.Type}"));
            }
        }
        return null;
    }
}

/// <summary>RFC 4180 CSV (the open data's own format): quoted fields, CRLF or LF, a leading byte-order mark skipped.</summary>
public static class Csv
{
    /// <summary>Every row with the line it starts on (1-based).</summary>
    public static List<(int Line, List<string> Cells)> Parse(string text)
    {
        var rows = new List<(int, List<string>)>();
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var line = 1;
        while (i < text.Length)
        {
            var start = line;
            var cells = new List<string>();
            var cell = new StringBuilder();
            while (true)
            {
                if (i < text.Length && text[i] == '"')
                {
                    i++;
                    while (i < text.Length)
                    {
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                            i++;
                            break;
                        }
                        if (text[i] == '\n') line++;
                        cell.Append(text[i++]);
                    }
                }
                while (i < text.Length && text[i] is not (',' or '\r' or '\n')) cell.Append(text[i++]);
                cells.Add(cell.ToString());
                cell.Clear();
                if (i < text.Length && text[i] == ',') { i++; continue; }
                if (i < text.Length && text[i] == '\r') i++;
                if (i < text.Length && text[i] == '\n') i++;
                line++;
                break;
            }
            rows.Add((start, cells));
        }
        return rows;
    }

    /// <summary>The rows as records by column name (the header row gives the names).</summary>
    public static List<Dictionary<string, string>> Records(string text)
    {
        var rows = Parse(text);
        if (rows.Count == 0) return [];
        var header = rows[0].Cells;
        return rows.Skip(1).Select(r =>
        {
            var d = new Dictionary<string, string>(header.Count, StringComparer.Ordinal);
            for (var k = 0; k < header.Count && k < r.Cells.Count; k++) d[header[k]] = r.Cells[k];
            return d;
        }).ToList();
    }
}
