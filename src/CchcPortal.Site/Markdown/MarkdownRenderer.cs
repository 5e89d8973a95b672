using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace CchcPortal.Site.Markdown;

/// <summary>Markdown to safe HTML: Markdig, then an allow-list sanitiser, so raw scripts, event attributes,
/// inline styles and javascript:/data: links in content never reach a page.</summary>
public sealed partial class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables().UseAutoLinks().UseEmphasisExtras().UseListExtras().UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    private static HtmlSanitizer CreateSanitizer()
    {
        var s = new HtmlSanitizer();
        s.AllowedAttributes.Remove("style");
        s.AllowedTags.Remove("style");
        s.AllowedTags.Remove("form");
        s.AllowedTags.Remove("button");
        s.AllowedTags.Remove("input");
        s.AllowedTags.Remove("textarea");
        s.AllowedTags.Remove("select");
        s.AllowedSchemes.Clear();
        foreach (var scheme in new[] { "http", "https", "mailto", "tel" }) s.AllowedSchemes.Add(scheme);
        s.AllowedAttributes.Add("id");
        s.AllowDataAttributes = false;
        s.AllowedCssProperties.Clear();
        s.AllowedAtRules.Clear();
        // An image whose author gave no alt text is treated as decorative (alt=""), so the page stays valid HTML;
        // `cchc check` warns of it (CC0050).
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "img" } img && !img.HasAttribute("alt")) img.SetAttribute("alt", "");
        };
        return s;
    }

    /// <summary>Renders and sanitises.</summary>
    public static string ToHtml(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : ProseHtml(markdown) ?? Sanitize(MarkdigHtml(markdown));

    /// <summary>Whether the text holds "www." in any case (a search from each '.', not a culture-aware scan of the whole text).</summary>
    private static bool HasWww(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf('.'); at >= 0; at = text.Slice(at + 1).IndexOf('.') is var next and >= 0 ? at + 1 + next : -1)
            if (at >= 3 && text.Slice(at - 3, 3).Equals("www", StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Whether the text holds a '\r' that does not start a "\r\n".</summary>
    private static bool HasLoneReturn(ReadOnlySpan<char> text)
    {
        for (var at = text.IndexOf('\r'); at >= 0; at = text.Slice(at + 1).IndexOf('\r') is var next and >= 0 ? at + 1 + next : -1)
            if (at + 1 >= text.Length || text[at + 1] != '\n') return true;
        return false;
    }

    /// <summary>
    /// Paragraphs of prose as Markdig and the sanitiser make them, without a parse: <c>&lt;p&gt;</c> around each run of
    /// lines, the lines trimmed and joined by line breaks. Null for anything else: markup, a list start ("a.", "iv)"), a
    /// hard break (two spaces at a line's end), a quote mark, or what autolinks could take for an address (":" and
    /// "www."). An FsCheck property compares it with Markdig and the sanitiser on any text.
    /// </summary>
    public static string? ProseHtml(string markdown)
    {
        if (!Index.PlainText.IsProse(markdown) || markdown.AsSpan().IndexOfAny('"', ':') >= 0
            || HasWww(markdown) || HasLoneReturn(markdown)) return null;
        var html = new System.Text.StringBuilder(markdown.Length + 16);
        var open = false;
        // Lines split at '\n' ('\r' trimmed): IsProse lets no other line separator through.
        for (var rest = markdown.AsSpan(); !rest.IsEmpty;)
        {
            var end = rest.IndexOf('\n');
            var raw = (end < 0 ? rest : rest[..end]).TrimEnd('\r');
            rest = end < 0 ? [] : rest[(end + 1)..];
            var line = raw.Trim(' ');
            if (line.IsEmpty)
            {
                if (open) { html.Append("</p>\n"); open = false; }
                continue;
            }
            if (raw.EndsWith("  ")) return null; // a hard line break
            var word = 0;
            while (word < line.Length && char.IsAsciiLetter(line[word])) word++;
            if (word > 0 && word < line.Length && line[word] is '.' or ')') return null; // "a." or "iv)": a list
            html.Append(open ? "\n" : "<p>").Append(line);
            open = true;
        }
        if (open) html.Append("</p>\n");
        return html.ToString();
    }

    /// <summary>Markdig's HTML, before sanitising.</summary>
    public static string MarkdigHtml(string markdown)
    {
        var document = Parse(markdown);
        // Heading ids such as "1-mục-đích" (numbered sections) must start with a letter to be valid and usable as CSS selectors.
        foreach (var heading in document.Descendants<Markdig.Syntax.HeadingBlock>())
            if (heading.GetAttributes() is { Id: { Length: > 0 } id } attributes && !char.IsLetter(id[0]))
                attributes.Id = "s-" + id;
        return document.ToHtml(Pipeline);
    }

    /// <summary>The Markdown syntax tree, with lines and columns, as pages render it.</summary>
    public static MarkdownDocument Parse(string markdown) => Markdig.Markdown.Parse(markdown, Pipeline);

    /// <summary>
    /// Addresses from the site's root ("/files/ke-hoach.pdf", a file under static/, as <c>document:</c> is written) made
    /// relative to the page (<paramref name="root"/> is "../../" or the like), so they work when the site is served from a
    /// folder of its host (base_url "https://x.gov.vn/cchc/") and on the English pages; "//host/x" is left alone.
    /// </summary>
    public static string FromRoot(string html, string root) =>
        html.Contains("=\"/", StringComparison.Ordinal) ? RootAddress().Replace(html, m => m.Groups[1].Value + root) : html;

    [System.Text.RegularExpressions.GeneratedRegex(@"(\s(?:href|src)="")/(?!/)")]
    private static partial System.Text.RegularExpressions.Regex RootAddress();

    /// <summary>The sanitiser alone (for any HTML from content).</summary>
    public static string Sanitize(string html) => IsPlain(html) ? html : SanitizeAlways(html);

    /// <summary>The sanitiser, even for HTML it would return unchanged.</summary>
    public static string SanitizeAlways(string html) => Sanitizer.Sanitize(html);

    /// <summary>
    /// HTML the sanitiser would give back unchanged, so it is not parsed again: only attribute-less paragraphs, lists,
    /// emphasis, quotes and headings, and text with no entity but &amp;amp; &amp;lt; &amp;gt; (most bodies of plans and
    /// tasks). A property test checks that the sanitiser returns such HTML as it is.
    /// </summary>
    public static bool IsPlain(string html) => PlainHtml().IsMatch(html);

    [System.Text.RegularExpressions.GeneratedRegex(@"\A(?:[^<&\u0000-\u0009\u000B-\u001F\u007F\u00A0]|&(?:amp|lt|gt);|</?(?:p|ul|ol|li|strong|em|blockquote|h[2-6])>)*\z")]
    private static partial System.Text.RegularExpressions.Regex PlainHtml();
}

/// <summary>Markdown made HTML once per text, for one prepared site (a Vietnamese body is shown on both language pages).</summary>
public sealed class MarkdownCache(MarkdownCache? previous = null)
{
    // By reference: an untranslated body is the same string on both language pages, and hashing every body by its
    // characters cost more than it saved. Equal texts from different files are simply rendered twice.
    private readonly Build.CarriedCache<string, string> _rendered = new(ReferenceEqualityComparer.Instance, previous?._rendered);

    public string ToHtml(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : _rendered.GetOrAdd(markdown, MarkdownRenderer.ToHtml);
}
