using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CchcPortal.Tests.Quality;

/// <summary>Every internal link and asset of the built sample resolves to a file of the output, in both languages.</summary>
public sealed class LinkTests
{
    private static readonly Uri Origin = new("http://site.invalid/");

    [Fact]
    public void Every_internal_href_and_src_exists_in_the_output()
    {
        var output = SampleSite.Output;
        var (checkedLinks, broken, pagesByLang) = Walk(output, SampleSite.BasePath());
        Assert.True(pagesByLang.GetValueOrDefault("vi") > 10 && pagesByLang.GetValueOrDefault("en") > 10,
            $"both languages should be walked: {string.Join(", ", pagesByLang.Select(kv => $"{kv.Key}={kv.Value}"))}");
        Assert.True(checkedLinks > 1000, $"only {checkedLinks} links checked");
        Assert.True(broken.Count == 0, $"{broken.Count} broken internal link(s):\n" + string.Join("\n", broken.Take(50)));
    }

    [Fact]
    public void A_broken_link_is_reported()
    {
        var dir = SampleSite.NewTempFolder("cchc-links");
        Directory.CreateDirectory(Path.Combine(dir, "a"));
        try
        {
            File.WriteAllText(Path.Combine(dir, "index.html"), "<html lang=\"vi\"><body><a href=\"a/\">ok</a><a href=\"b/\">missing</a><img src=\"x.png\" alt=\"\"><a href=\"#nope\">f</a></body></html>");
            File.WriteAllText(Path.Combine(dir, "a", "index.html"), "<html lang=\"vi\"><body><a href=\"../\">up</a></body></html>");
            var (_, broken, _) = Walk(dir);
            Assert.Equal(3, broken.Count);
            Assert.Contains(broken, b => b.Contains("b/"));
            Assert.Contains(broken, b => b.Contains("x.png"));
            Assert.Contains(broken, b => b.Contains("#nope"));
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Checks a, link, script, img, source, iframe, object; fragments must name an id of the target page.</summary>
    /// <param name="basePath">Where the site is served ("/" or base_url's path): root-relative links must stay under it.</param>
    public static (int Checked, List<string> Broken, Dictionary<string, int> PagesByLang) Walk(string output, string basePath = "/")
    {
        var parser = new HtmlParser();
        var broken = new List<string>();
        var byLang = new Dictionary<string, int>(StringComparer.Ordinal);
        var ids = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var count = 0;
        HashSet<string> IdsOf(string file)
        {
            if (!ids.TryGetValue(file, out var set))
            {
                using var d = parser.ParseDocument(File.ReadAllText(Path.Combine(output, file)));
                ids[file] = set = d.QuerySelectorAll("[id]").Select(e => e.Id!).ToHashSet(StringComparer.Ordinal);
            }
            return set;
        }
        foreach (var page in SampleSite.Pages(output))
        {
            using var doc = parser.ParseDocument(File.ReadAllText(Path.Combine(output, page)));
            var lang = doc.DocumentElement.GetAttribute("lang") ?? "?";
            byLang[lang] = byLang.GetValueOrDefault(lang) + 1;
            var pageUri = new Uri(Origin, basePath + page);
            foreach (var (element, attr) in References(doc))
            {
                var value = element.GetAttribute(attr)!.Trim();
                if (value.Length == 0) { broken.Add($"{page}: empty {attr} on <{element.LocalName}>"); continue; }
                if (!Uri.TryCreate(pageUri, value, out var target)) { broken.Add($"{page}: unparsable {attr}=\"{value}\""); continue; }
                if (target.Scheme != Origin.Scheme || target.Host != Origin.Host) continue; // another site, mailto:, tel:
                count++;
                if (!target.AbsolutePath.StartsWith(basePath, StringComparison.Ordinal)) { broken.Add($"{page}: {attr}=\"{value}\" leaves the site's folder {basePath}"); continue; }
                var file = FileOf(output, Uri.UnescapeDataString(target.AbsolutePath[basePath.Length..]));
                if (file is null) { broken.Add($"{page}: {attr}=\"{value}\" → /{target.AbsolutePath.TrimStart('/')} not found"); continue; }
                var fragment = Uri.UnescapeDataString(target.Fragment.TrimStart('#'));
                if (fragment.Length > 0 && file.EndsWith(".html", StringComparison.Ordinal) && !IdsOf(file).Contains(fragment))
                    broken.Add($"{page}: {attr}=\"{value}\" → no id \"{fragment}\" in {file}");
            }
        }
        return (count, broken, byLang);
    }

    private static IEnumerable<(IElement, string)> References(IDocument doc)
    {
        foreach (var e in doc.QuerySelectorAll("a[href], area[href], link[href]")) yield return (e, "href");
        foreach (var e in doc.QuerySelectorAll("script[src], img[src], source[src], iframe[src], audio[src], video[src], track[src], embed[src]")) yield return (e, "src");
        foreach (var e in doc.QuerySelectorAll("object[data]")) yield return (e, "data");
    }

    /// <summary>The output file a site path maps to, like a static host: "dir/" or "dir" → dir/index.html.</summary>
    public static string? FileOf(string output, string path)
    {
        var full = Path.Combine(output, path);
        if (path.Length == 0 || path.EndsWith('/') || Directory.Exists(full))
            return File.Exists(Path.Combine(full, "index.html")) ? (path.TrimEnd('/') + "/index.html").TrimStart('/') : null;
        return File.Exists(full) ? path : null;
    }
}
