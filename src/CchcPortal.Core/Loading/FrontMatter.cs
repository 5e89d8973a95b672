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
            if (frontMatterRequired) { bag.Add(Diagnostic.MissingFrontMatter(relPath)); return null; }
            return new(relPath, null, 1, text);
        }
        var end = FindClosing(text);
        if (end < 0) { bag.Add(Diagnostic.MissingFrontMatter(relPath)); return null; }
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
        if (SimpleYaml.TryParse(yaml) is { } simple) return simple;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            if (stream.Documents.Count == 0) return new YamlMappingNode();
            if (stream.Documents[0].RootNode is YamlMappingNode map) return map;
            if (stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" }) return new YamlMappingNode();
            var root = stream.Documents[0].RootNode;
            bag.Add(Diagnostic.InvalidYaml(new(relPath, (int)root.Start.Line + lineOffset, (int)root.Start.Column),
                new Sentence("phần đầu trang phải là danh sách \"khóa: giá trị\"", "the front matter must be \"key: value\" lines")));
            ok = false;
            return null;
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            var paren = reason.IndexOf("):", StringComparison.Ordinal);
            if (reason.StartsWith("(Line", StringComparison.Ordinal) && paren > 0) reason = reason[(paren + 2)..].Trim();
            bag.Add(Diagnostic.InvalidYaml(new(relPath, (int)e.Start.Line + lineOffset, (int)e.Start.Column), Explain(reason.TrimEnd('.', ' '))));
            ok = false;
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // YamlDotNet fails this way on some malformed input (e.g. unclosed nested flow collections):
            // still a content problem, located at the last place the parser reached.
            var (line, column) = LastParsedPosition(yaml);
            bag.Add(Diagnostic.InvalidYaml(new(relPath, line + lineOffset, column),
                new Sentence("YAML không hợp lệ (ngoặc [ ] hoặc { } chưa đóng?)", "invalid YAML (an unclosed [ ] or { }?)")));
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

    /// <summary>The parser's messages that staff meet most, said in Vietnamese; the parser's own words stay in English.</summary>
    private static readonly (string Starts, string Vi)[] Reasons =
    [
        ("While scanning a quoted scalar, found unexpected end of stream", "dấu ngoặc kép mở ở đây nhưng không được đóng"),
        ("While scanning a quoted scalar", "dấu ngoặc kép mở ở đây nhưng không được đóng đúng chỗ"),
        ("While scanning a multi-line double-quoted scalar", "dấu ngoặc kép mở ở đây nhưng không được đóng trên cùng dòng"),
        ("While scanning a multi-line single-quoted scalar", "dấu nháy đơn mở ở đây nhưng không được đóng trên cùng dòng"),
        ("While parsing a block mapping, did not find expected key", "thụt lề không thẳng hàng với các dòng trên (hoặc thiếu dấu hai chấm)"),
        ("While parsing a block collection, did not find expected '-' indicator", "thụt lề của danh sách không thẳng hàng (mỗi mục bắt đầu bằng \"- \")"),
        ("Mapping values are not allowed in this context", "có dấu hai chấm không đúng chỗ; nếu giá trị chứa dấu hai chấm, hãy đặt nó trong ngoặc kép"),
        ("While scanning a simple key, could not find expected ':'", "thiếu dấu hai chấm sau tên khóa"),
        ("While parsing a flow mapping, did not find expected ',' or '}'", "thiếu dấu phẩy hoặc dấu } trong nhóm { ... }"),
        ("While parsing a flow sequence, did not find expected ',' or ']'", "thiếu dấu phẩy hoặc dấu ] trong danh sách [ ... ]"),
        ("While scanning for the next token, found character that cannot start any token", "có ký tự không được phép ở đầu giá trị (ví dụ phím Tab, @ hoặc `); hãy dùng dấu cách hoặc đặt giá trị trong ngoặc kép"),
        ("While scanning a plain scalar, found a tab character", "có phím Tab trong phần thụt lề; chỉ dùng dấu cách"),
        ("Duplicate key", "một khóa được viết hai lần"),
    ];

    /// <summary>The parser's reason in Vietnamese when it is a usual one; in English (both languages) otherwise.</summary>
    private static Sentence Explain(string reason)
    {
        foreach (var (starts, vi) in Reasons)
            if (reason.StartsWith(starts, StringComparison.Ordinal)) return new Sentence(vi, reason);
        return reason;
    }
}
