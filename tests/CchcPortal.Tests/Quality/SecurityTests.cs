using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CchcPortal.Site.Markdown;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CchcPortal.Tests.Quality;

/// <summary>
/// Content is written by ward staff and may be pasted from anywhere: no Markdown can put script, event handlers,
/// javascript:/data: URLs or inline styles on a page. Pages carry a strict CSP and load nothing from other sites.
/// </summary>
public sealed class SecurityTests
{
    private static readonly string[] Dangerous =
    [
        "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<scr<script>ipt>alert(1)</script>",
        "<img src=x onerror=alert(1)>", "<img src=\"x\" OnError = 'alert(1)'>", "<body onload=alert(1)>",
        "<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>", "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>", "<a href=\" javascript:alert(1)\">x</a>",
        "<a href=\"java\tscript:alert(1)\">x</a>", "<a href=\"javascript&#58;alert(1)\">x</a>", "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"javascript&colon;alert(1)\">x</a>", "<a href=\"&#x6A;&#x61;vascript:alert(1)\">x</a>", "<a href=\"vbscript:msgbox(1)\">x</a>",
        "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](javascript&#58;alert(1))", "[x](&#106;avascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](javascript:alert(1))", "[x][r]\n\n[r]: javascript:alert(1)", "<javascript:alert(1)>", "<data:text/html,<script>alert(1)</script>>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>", "<img src=\"data:image/png;base64,iVBORw0KGgo=\">",
        "<p style=\"color:red\">x</p>", "<span STYLE=\"background:url(javascript:alert(1))\">x</span>", "<style>body{display:none}</style>",
        "<iframe src=\"https://evil.example\"></iframe>", "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"x.swf\"></object>", "<embed src=\"x.swf\">", "<base href=\"https://evil.example/\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">", "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:alert(1)\">x</button></form>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", "<template><script>alert(1)</script></template>",
        "<div onmouseover=\"alert(1)\">x</div>", "<details open ontoggle=alert(1)>", "<video><source onerror=alert(1)></video>",
        "<a href=\"https://example.org\" onclick=\"alert(1)\">ok</a>", "<img src=x:alert(alt) onerror=eval(src) alt=0>",
        "<!--<script>alert(1)</script>-->", "<![CDATA[<script>alert(1)</script>]]>", "&lt;script&gt;alert(1)&lt;/script&gt;",
        "`<script>alert(1)</script>`", "```html\n<script>alert(1)</script>\n```", "<x onclick=alert(1)>", "<input autofocus onfocus=alert(1)>",
        "<a href=\"https://example.org\">safe</a>", "[safe](https://example.org \"title\")", "Chỉ tiêu **100%** _đạt_", "| a | b |\n|---|---|\n| <b onclick=x>1</b> | 2 |",
    ];

    private static readonly string[] Separators = ["", " ", "\n", "\n\n", "\n> ", "\n- ", "\n# ", "\n1. ", "\n    ", "<div>", "</div>", "\"", "'", ">", "<"];

    private static Arbitrary<string> Markdown() =>
        (from parts in Gen.ListOf(Gen.OneOf(Gen.Elements(Dangerous), Gen.Elements(Dangerous), Gen.Elements(Separators)))
         select string.Concat(parts)).ToArbitrary();

    [Property(MaxTest = 800)]
    public Property No_markdown_produces_active_content() =>
        Prop.ForAll(Markdown(), md =>
        {
            var problems = Problems(MarkdownRenderer.ToHtml(md));
            return problems.Count == 0 ? true.ToProperty() : false.Label(string.Join("; ", problems));
        });

    private static readonly string[] PlainParts =
    [
        "Kế hoạch", "cải cách", "hành chính", "đạt 100%", "Q&A", "a < b", "x > y", "\"trích dẫn\"", "'nháy'", " ", "\n", "\n\n", "*", "**", "_",
        "\n- ", "\n1. ", "\n## ", "\n> ", "#", "-", "`", "\\", "&amp;", "&nbsp;", "\u00A0", "\t", "<br>", "<b>", "[x](https://a.vn)", ".",
    ];

    /// <summary>The renderer skips the sanitiser for HTML it calls plain: the sanitiser must give such HTML back unchanged.</summary>
    [Property(MaxTest = 1000)]
    public Property Plain_html_is_what_the_sanitiser_returns() =>
        Prop.ForAll((from parts in Gen.ListOf(Gen.Elements(PlainParts)) select string.Concat(parts)).ToArbitrary(), md =>
        {
            var html = MarkdownRenderer.MarkdigHtml(md);
            var plain = MarkdownRenderer.IsPlain(html);
            return (!plain || MarkdownRenderer.SanitizeAlways(html) == html).Label(html).Classify(plain, "plain");
        });

    [Fact]
    public void Plain_html_is_recognised_and_anything_else_is_not()
    {
        Assert.True(MarkdownRenderer.IsPlain("<p>Kế hoạch &amp; <strong>chỉ tiêu</strong></p>\n<ul>\n<li>a &lt; b</li>\n</ul>\n"));
        foreach (var html in new[] { "<p onclick=\"x\">a</p>", "<a href=\"https://a.vn\">a</a>", "<p>&quot;a&quot;</p>", "<h2 id=\"a\">a</h2>", "<br />", "<script>", "<p>\u00A0</p>" })
            Assert.False(MarkdownRenderer.IsPlain(html), html);
    }

    [Fact]
    public void Every_dangerous_fragment_alone_is_neutralised()
    {
        foreach (var md in Dangerous)
        {
            var html = MarkdownRenderer.ToHtml(md);
            Assert.True(Problems(html).Count == 0, $"{md}\n→ {html}\n{string.Join("; ", Problems(html))}");
        }
        // And safe content survives: a link to another site and emphasis.
        Assert.Contains("href=\"https://example.org\"", MarkdownRenderer.ToHtml("[safe](https://example.org)"));
        Assert.Contains("<strong>100%</strong>", MarkdownRenderer.ToHtml("Chỉ tiêu **100%**"));
    }

    [Fact]
    public void The_checker_sees_active_content()
    {
        Assert.NotEmpty(Problems("<script>x</script>"));
        Assert.NotEmpty(Problems("<img src=x onerror=alert(1)>"));
        Assert.NotEmpty(Problems("<a href=\" JaVa&#x09;script:alert(1)\">x</a>"));
        Assert.NotEmpty(Problems("<img src=\"data:image/png;base64,AA\">"));
        Assert.NotEmpty(Problems("<p style=\"color:red\">x</p>"));
        Assert.NotEmpty(Problems("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>"));
        Assert.Empty(Problems("<p><a href=\"https://example.org\" title=\"javascript: a word\">x</a></p>"));
    }

    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "data", "poster", "srcset", "background", "cite", "xlink:href", "ping", "longdesc", "lowsrc", "dynsrc", "srcdoc"];

    /// <summary>What would run code or restyle the page, found by parsing the HTML as a browser would.</summary>
    public static List<string> Problems(string html)
    {
        var problems = new List<string>();
        using var doc = new HtmlParser().ParseDocument("<!DOCTYPE html><html><head></head><body>" + html + "</body></html>");
        foreach (var e in doc.Body!.Descendants<IElement>())
        {
            var name = e.LocalName.ToLowerInvariant();
            if (name is "script" or "style" or "iframe" or "frame" or "object" or "embed" or "base" or "meta" or "link" or "form" or "template")
                problems.Add($"<{name}> element");
            foreach (var a in e.Attributes)
            {
                var attr = a.Name.ToLowerInvariant();
                if (attr.StartsWith("on", StringComparison.Ordinal)) problems.Add($"event handler {attr} on <{name}>");
                if (attr == "style") problems.Add($"style attribute on <{name}>");
                if (UrlAttributes.Contains(attr) || attr.EndsWith(":href", StringComparison.Ordinal))
                {
                    var url = new string(a.Value.Where(c => c > ' ').ToArray()).ToLowerInvariant();
                    if (url.StartsWith("javascript:", StringComparison.Ordinal) || url.StartsWith("vbscript:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal))
                        problems.Add($"{attr}=\"{a.Value}\" on <{name}>");
                }
            }
        }
        return problems;
    }

    [Fact]
    public void Every_page_has_a_strict_content_security_policy()
    {
        var output = SampleSite.Output;
        var parser = new HtmlParser();
        var missing = new List<string>();
        foreach (var page in SampleSite.Pages(output))
        {
            using var doc = parser.ParseDocument(File.ReadAllText(Path.Combine(output, page)));
            var csp = doc.Head?.QuerySelectorAll("meta").FirstOrDefault(m => string.Equals(m.GetAttribute("http-equiv"), "Content-Security-Policy", StringComparison.OrdinalIgnoreCase))?.GetAttribute("content");
            if (csp is null) { missing.Add($"{page}: no CSP meta"); continue; }
            var directives = csp.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray(), StringComparer.Ordinal);
            if (!directives.TryGetValue("default-src", out var def) || !def.SequenceEqual(["'self'"])) missing.Add($"{page}: default-src is not 'self'");
            if (!directives.TryGetValue("script-src", out var script) || !script.SequenceEqual(["'self'"])) missing.Add($"{page}: script-src is not 'self'");
            if (!directives.TryGetValue("object-src", out var obj) || !obj.SequenceEqual(["'none'"])) missing.Add($"{page}: object-src is not 'none'");
            if (csp.Contains("unsafe-", StringComparison.Ordinal) || csp.Contains("http", StringComparison.Ordinal) || csp.Contains('*'))
                missing.Add($"{page}: CSP allows more than the site: {csp}");
            // The CSP must come before anything it governs.
            var first = doc.Head!.Children.FirstOrDefault(c => c.LocalName is "script" or "link" or "style");
            var meta = doc.Head.Children.First(c => c.GetAttribute("http-equiv") is not null);
            if (first is not null && Array.IndexOf(doc.Head.Children.ToArray(), first) < Array.IndexOf(doc.Head.Children.ToArray(), meta))
                missing.Add($"{page}: CSP meta comes after <{first.LocalName}>");
            // Inline scripts and styles would be blocked by this CSP, so a page must not need them.
            if (doc.QuerySelectorAll("script:not([src])").Any(s => s.GetAttribute("type") is null or "module" or "text/javascript")) missing.Add($"{page}: inline script");
            if (doc.QuerySelectorAll("style, [style]").Length > 0) missing.Add($"{page}: inline style");
            if (doc.All.Any(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)))) missing.Add($"{page}: event handler attribute");
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing.Take(50)));
    }

    [Fact]
    public void No_page_loads_anything_from_another_site()
    {
        var output = SampleSite.Output;
        var parser = new HtmlParser();
        var thirdParty = new List<string>();
        foreach (var page in SampleSite.Pages(output))
        {
            using var doc = parser.ParseDocument(File.ReadAllText(Path.Combine(output, page)));
            var loaded = doc.QuerySelectorAll("script[src], img[src], source[src], video[src], audio[src], track[src], iframe[src], embed[src]").Select(e => e.GetAttribute("src")!)
                .Concat(doc.QuerySelectorAll("img[srcset], source[srcset]").SelectMany(e => e.GetAttribute("srcset")!.Split(',').Select(s => s.Trim().Split(' ')[0])))
                .Concat(doc.QuerySelectorAll("object[data]").Select(e => e.GetAttribute("data")!))
                .Concat(doc.QuerySelectorAll("link[href]").Where(l => !(l.GetAttribute("rel") ?? "").Split(' ').Any(r => r is "canonical" or "alternate"))
                    .Select(l => l.GetAttribute("href")!));
            foreach (var url in loaded)
                if (url.StartsWith("data:", StringComparison.Ordinal)) continue; // inline, e.g. the empty favicon: not a request
                else if (url.Contains("//", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(url, "^[a-zA-Z][a-zA-Z0-9+.-]*:"))
                    thirdParty.Add($"{page}: {url}");
        }
        Assert.True(thirdParty.Count == 0, string.Join("\n", thirdParty.Take(50)));
        foreach (var css in Directory.EnumerateFiles(output, "*.css", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(css);
            Assert.DoesNotContain("@import", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"url\(\s*['""]?(https?:)?//", text);
        }
    }
}
