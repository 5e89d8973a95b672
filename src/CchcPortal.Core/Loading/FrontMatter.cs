using CchcPortal.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Core.Loading;

/// <summary>A Markdown file split into its YAML front matter (parsed, with positions) and its body.</summary>
public sealed record SourceDocument(string RelPath, YamlMappingNode? Yaml, int YamlFirstLine, string Body)
{
    /// <summary>Splits and parses; reports a missing front matter or invalid YAML at its real line and column.</summary>
    public static SourceDocument? Parse(string relPath, string text, DiagnosticBag bag, bool frontMatterRequired = true)
    {
        if (!text.StartsWith("---\n", StringComparison.Ordinal) && text.TrimEnd() != "---")
        {
            if (frontMatterRequired) { bag.Error("CC0004", new(relPath, 1, 1)); return null; }
            return new(relPath, null, 1, text);
        }
        var end = FindClosing(text);
        if (end < 0) { bag.Error("CC0004", new(relPath, 1, 1)); return null; }
        var yamlText = text[4..end];
        var afterClose = text.IndexOf('\n', end + 1);
        var body = afterClose < 0 ? "" : text[(afterClose + 1)..];
        var node = ParseYaml(relPath, yamlText, 1, bag, out var ok);
        return ok ? new(relPath, node, 1, body) : null;
    }

    /// <summary>Offset of the closing "---" line, or -1.</summary>
    private static int FindClosing(string text)
    {
        var i = 3;
        while ((i = text.IndexOf("\n---", i, StringComparison.Ordinal)) >= 0)
        {
            var lineEnd = text.IndexOf('\n', i + 1);
            var line = lineEnd < 0 ? text[(i + 1)..] : text[(i + 1)..lineEnd];
            if (line.TrimEnd() == "---") return i + 1;
            i++;
        }
        return -1;
    }

    /// <summary>Parses YAML whose first line is line <paramref name="lineOffset"/>+1 of the file.</summary>
    public static YamlMappingNode? ParseYaml(string relPath, string yaml, int lineOffset, DiagnosticBag bag, out bool ok)
    {
        ok = true;
        if (string.IsNullOrWhiteSpace(yaml)) return new YamlMappingNode();
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0) return new YamlMappingNode();
            if (stream.Documents[0].RootNode is YamlMappingNode map) return map;
            if (stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return new YamlMappingNode();
            var root = stream.Documents[0].RootNode;
            bag.Error("CC0003", new(relPath, (int)root.Start.Line + lineOffset, (int)root.Start.Column),
                new Localised("phần đầu trang phải là danh sách \"khóa: giá trị\"", "the front matter must be \"key: value\" lines"));
            ok = false;
            return null;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            var paren = reason.IndexOf("):", StringComparison.Ordinal);
            if (reason.StartsWith("(Line", StringComparison.Ordinal) && paren > 0) reason = reason[(paren + 2)..].Trim();
            bag.Error("CC0003", new(relPath, (int)e.Start.Line + lineOffset, (int)e.Start.Column), reason);
            ok = false;
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet fails this way on some malformed input (e.g. unclosed nested flow collections):
            // still a content problem, located at the last place the parser reached.
            var (line, column) = LastParsedPosition(yaml);
            bag.Error("CC0003", new(relPath, line + lineOffset, column),
                new Localised("YAML không hợp lệ (ngoặc [ ] hoặc { } chưa đóng?)", "invalid YAML (an unclosed [ ] or { }?)"));
            ok = false;
            return null;
        }
    }

    private static (int Line, int Column) LastParsedPosition(string yaml)
    {
        var (line, column) = (1, 1);
        try
        {
            var parser = new Parser(new StringReader(yaml));
            while (parser.MoveNext())
                if (parser.Current is { } ev) (line, column) = ((int)Math.Max(1, ev.Start.Line), (int)Math.Max(1, ev.Start.Column));
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException or ArgumentException or IndexOutOfRangeException) { }
        return (line, column);
    }
}
