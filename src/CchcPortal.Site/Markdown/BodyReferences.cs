using System.Text.RegularExpressions;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Site.Render;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace CchcPortal.Site.Markdown;

/// <summary>
/// Validate, for the Markdown bodies (and their translations): an image without alt text (CC0050, warning) and a link or
/// image to a file the site does not have (CC0051, warning), at the file, line and column where the author wrote it.
/// A file is an image's address, or a path whose last part has an extension other than .html; it must be under static/ (the site's root), or
/// one the build writes (data/, assets/, search/, the feeds, the sitemap). Paths to pages (no extension) and links to
/// other sites are not checked.
/// </summary>
public static partial class BodyReferences
{
    /// <summary>An image or link in a body: 0-based line and column in the body, its address, and for an image whether it has alt text.</summary>
    public readonly record struct Reference(int Line, int Column, string Url, bool Image, bool HasAlt);

    public static void Check(SiteContent content, string sourceFolder, DiagnosticBag bag)
    {
        var files = content.StaticFiles.Select(f => f.RelativePath.Replace('\\', '/')).ToHashSet(StringComparer.Ordinal);
        var defaultLang = content.Config.DefaultLanguage;
        Parallel.ForEach(Bodies(content), body =>
        {
            foreach (var (lang, text) in Texts(body.Text, defaultLang))
            {
                // Most bodies have neither a link nor HTML: not parsed again.
                if (text.AsSpan().IndexOfAny('[', '<') < 0) continue;
                var route = Routes.InLanguage(body.Route, lang, defaultLang);
                var found = References(text).Where(r => r.Image && !r.HasAlt || Missing(r.Url, route, files, r.Image) is not null).ToList();
                if (found.Count == 0) continue;
                var file = lang == defaultLang ? body.Source : body.Source[..^3] + "." + lang + ".md";
                var offset = FirstLineOfBody(Path.Combine(sourceFolder, file), text);
                foreach (var r in found)
                {
                    var at = new SourceLocation(file, offset + r.Line, r.Column + 1);
                    if (r.Image && !r.HasAlt) bag.Add(Diagnostic.ImageWithoutAlt(at, r.Url));
                    if (Missing(r.Url, route, files, r.Image) is { } path)
                        bag.Add(Diagnostic.MissingFile(at, r.Image, r.Url, path));
                }
            }
        });
    }

    private sealed record Body(string Source, string Route, TranslatedText Text);

    private static IEnumerable<Body> Bodies(SiteContent content)
    {
        foreach (var u in content.Units) yield return new(u.Source, Routes.Unit(u.Id), u.Body);
        foreach (var p in content.Pages) yield return new(p.Source, Routes.Page(p.Slug), p.Body);
        foreach (var plan in content.Plans)
        {
            yield return new(plan.Source, Routes.Plan(plan.Id), plan.Body);
            foreach (var t in plan.Tasks) yield return new(t.Source, Routes.Task(plan.Id, t.Id), t.Body);
            foreach (var t in plan.Targets) yield return new(t.Source, Routes.Target(plan.Id, t.Id), t.Body);
            foreach (var r in plan.Reports) yield return new(r.Source, Routes.Report(plan.Id, r.Id), r.Body);
        }
    }

    private static IEnumerable<(string Lang, string Text)> Texts(TranslatedText body, string defaultLang)
    {
        yield return (defaultLang, body.Vi);
        if (body.Translations is { } tr)
            foreach (var (lang, text) in tr.OrderBy(kv => kv.Key, StringComparer.Ordinal)) yield return (lang, text);
    }

    /// <summary>The file's line on which the body starts: the body is the end of the file, after the front matter.</summary>
    private static int FirstLineOfBody(string fullPath, string body)
    {
        try { return File.ReadAllText(fullPath).Count(c => c == '\n') - body.Count(c => c == '\n') + 1; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return 1; }
    }

    /// <summary>Every image and link of a Markdown text, written in Markdown or as HTML, in order.</summary>
    public static IReadOnlyList<Reference> References(string markdown)
    {
        var list = new List<Reference>();
        var document = MarkdownRenderer.Parse(markdown);
        foreach (var node in document.Descendants())
            switch (node)
            {
                case LinkInline link when link.Url is not null:
                    list.Add(new(link.Line, link.Column, link.Url, link.IsImage, !link.IsImage || link.FirstChild is not null));
                    break;
                case HtmlInline html:
                    list.AddRange(Tags(html.Tag, html.Line, html.Column));
                    break;
                case HtmlBlock block:
                    list.AddRange(Tags(block.Lines.ToString(), block.Line, block.Column));
                    break;
            }
        return list;
    }

    /// <summary>The &lt;img&gt; and &lt;a href&gt; tags of raw HTML starting at a line and column.</summary>
    private static IEnumerable<Reference> Tags(string html, int line, int column)
    {
        foreach (Match m in Tag().Matches(html))
        {
            var before = html.AsSpan(0, m.Index);
            var newlines = before.Count('\n');
            var col = newlines == 0 ? column + m.Index : m.Index - before.LastIndexOf('\n') - 1;
            var image = m.Groups["name"].Value.Equals("img", StringComparison.OrdinalIgnoreCase);
            var attributes = Attributes(m.Groups["attrs"].Value);
            var url = attributes.GetValueOrDefault(image ? "src" : "href");
            if (url is null && !image) continue;
            yield return new(line + newlines, col, url ?? "", image, !image || attributes.ContainsKey("alt"));
        }
    }

    private static Dictionary<string, string> Attributes(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match a in Attribute().Matches(text))
            result.TryAdd(a.Groups["name"].Value, System.Net.WebUtility.HtmlDecode(a.Groups["value"].Success ? a.Groups["value"].Value : ""));
        return result;
    }

    /// <summary>The path (from the site's root) of the file an address points to when the site does not have it; null when
    /// it does, or when the address is not to a file of this site. An image's address is always to a file.</summary>
    public static string? Missing(string url, string pageRoute, IReadOnlySet<string> staticFiles, bool image = false)
    {
        url = url.Trim();
        if (url.Length == 0 || url[0] == '#' || url.StartsWith("//", StringComparison.Ordinal) || Scheme().IsMatch(url)) return null;
        var end = url.IndexOfAny(['?', '#']);
        var path = Uri.UnescapeDataString(end < 0 ? url : url[..end]);
        path = Resolve(path.StartsWith('/') ? path[1..] : pageRoute + path);
        if (path is null) return url.TrimStart('/');
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        if (!image && (dot <= 0 || name[dot..].ToLowerInvariant() is ".html" or ".htm")) return null;
        if (staticFiles.Contains(path) || Generated().IsMatch(path)) return null;
        return path;
    }

    /// <summary>"a/b/../c/./d" → "a/c/d"; null when it climbs above the site's root.</summary>
    private static string? Resolve(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
            if (part == "..") { if (parts.Count == 0) return null; parts.RemoveAt(parts.Count - 1); }
            else if (part is not ("." or "")) parts.Add(part);
        return string.Join('/', parts);
    }

    [GeneratedRegex(@"^[a-zA-Z][a-zA-Z0-9+.\-]*:")]
    private static partial Regex Scheme();

    /// <summary>What the build writes besides pages, in any language: open data, theme assets, the search index, feeds, sitemap.</summary>
    [GeneratedRegex(@"^(?:[a-z]{2}/)?(?:data/|assets/|search/|feed\.xml$|sitemap\.xml$)")]
    private static partial Regex Generated();

    [GeneratedRegex(@"<(?<name>img|a)\b(?<attrs>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[^\s""'>/=]+)(?:\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s>]+)))?")]
    private static partial Regex Attribute();
}
