using AngleSharp.Html.Parser;
using CchcPortal.Core.Configuration;
using CchcPortal.Site.Build;
using CchcPortal.Site.Output;

namespace CchcPortal.Tests.Embed;

/// <summary>
/// The progress card (/embed/) of the sample as a reader and a host see it: the home page's figures, light, no chrome,
/// links out of the frame; embed_origins as the server configurations write it; the snippet on the open-data page.
/// </summary>
public class EmbedTests
{
    private static readonly Lazy<string> Sample = new(() => Build(Repo.Root));

    private static string Build(string source)
    {
        var output = Repo.TempDir("embed");
        var result = SiteBuilder.Run(new BuildOptions(source, output, Write: true, Today: new DateOnly(2025, 12, 20)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return output;
    }

    private static AngleSharp.Html.Dom.IHtmlDocument Page(string output, string path) =>
        new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, path, "index.html")));

    private static string Figure(AngleSharp.Dom.IParentNode root, string selector) =>
        root.QuerySelector(selector)?.QuerySelector("strong")?.TextContent ?? throw new Xunit.Sdk.XunitException($"no {selector}");

    [Theory]
    [InlineData("", "embed")]
    [InlineData("en/", "en/embed")]
    public void The_card_shows_the_home_pages_figures(string home, string embed)
    {
        var homePage = Page(Sample.Value, home);
        var card = Page(Sample.Value, embed);
        var counts = homePage.QuerySelector(".plan-summary")!;
        Assert.Equal(Figure(counts, ".status-done"), Figure(card, ".figures .done"));
        Assert.Equal(Figure(counts, ".status-in-progress"), Figure(card, ".figures .in-progress"));
        Assert.Equal(Figure(counts, ".status-overdue"), Figure(card, ".figures .overdue"));
        Assert.Equal(Figure(counts, ".status-no-report"), Figure(card, ".figures .no-report"));
        Assert.Equal(Figure(counts, ".status-met"), Figure(card, ".figures .met"));
        // The sample's figures on 20/12/2025, so the comparison above cannot pass on two empty cards.
        // The last: the Front's recommendations awaiting an answer (issue 32), as the home page counts them.
        if (home == "") Assert.Equal(["11", "11", "5", "5", "12", "1"], card.QuerySelectorAll(".figures strong").Select(s => s.TextContent));

        // The latest report with its period label and date, as on the home page; the as-of date.
        var latest = counts.QuerySelectorAll("p").Single(p => p.QuerySelector("a[href*='bao-cao']") is not null);
        var report = card.QuerySelector(".report")!;
        Assert.Equal(latest.TextContent.Trim(), report.TextContent.Trim());
        Assert.Contains(home == "" ? "Báo cáo năm 2025 (15/12/2025)" : "Year 2025 (15 December 2025)", report.TextContent, StringComparison.Ordinal);
        Assert.Contains(home == "" ? "Số liệu tính đến ngày 20/12/2025" : "Figures as of 20 December 2025", card.QuerySelector(".as-of")!.TextContent, StringComparison.Ordinal);

        // Statuses in words and shapes: every figure has a (hidden) shape and words beside its number.
        Assert.All(card.QuerySelectorAll(".figures li"), li =>
        {
            Assert.Equal("true", li.QuerySelector(".icon")!.GetAttribute("aria-hidden"));
            Assert.Matches(@"\d+ \p{L}", li.TextContent.Replace(li.QuerySelector(".icon")!.TextContent, "").Trim());
        });
    }

    [Fact]
    public void The_card_has_no_chrome_its_own_stylesheet_a_description_and_links_out_of_the_frame()
    {
        var card = Page(Sample.Value, "embed");
        Assert.Empty(card.QuerySelectorAll("nav, form, input, header, footer, script"));
        var sheets = card.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).ToList();
        Assert.Matches(@"^\.\./assets/embed\.[0-9a-f]{10}\.css$", Assert.Single(sheets));
        // The home page's description: the same figures in a sentence.
        var description = card.QuerySelector("meta[name=description]")!.GetAttribute("content");
        Assert.Equal(Page(Sample.Value, "").QuerySelector("meta[name=description]")!.GetAttribute("content"), description);
        Assert.StartsWith("Kế hoạch 45/KH-UBND: 11/29 nhiệm vụ đã hoàn thành, 11 đang thực hiện, 5 quá hạn; 12/20 chỉ tiêu đạt.", description, StringComparison.Ordinal);
        var links = card.QuerySelectorAll("a").ToList();
        Assert.True(links.Count >= 4);
        Assert.All(links, a => Assert.Equal("_top", a.GetAttribute("target")));
        // Not a page to land on from a search engine: out of the sitemap, noindex.
        Assert.DoesNotContain("/embed/", File.ReadAllText(Path.Combine(Sample.Value, "sitemap.xml")), StringComparison.Ordinal);
        Assert.Equal("noindex", card.QuerySelector("meta[name=robots]")!.GetAttribute("content"));
    }

    [Fact]
    public void The_card_and_its_stylesheet_weigh_under_20_KB()
    {
        var html = Path.Combine(Sample.Value, "embed", "index.html");
        var css = Directory.GetFiles(Path.Combine(Sample.Value, "assets"), "embed.*.css").Single();
        var bytes = new FileInfo(html).Length + new FileInfo(css).Length;
        Assert.True(bytes < 20 * 1024, $"{bytes} bytes");
        // Nothing else is loaded: no image, font, script or frame.
        Assert.Empty(Page(Sample.Value, "embed").QuerySelectorAll("img, script, iframe, object, video, audio"));
    }

    [Fact]
    public void The_open_data_page_gives_the_snippet_with_the_cards_address()
    {
        var page = Page(Sample.Value, "du-lieu");
        var snippet = page.QuerySelector("#embed-snippet")!.TextContent;
        Assert.Equal("<iframe src=\"https://ochodua.hanoi.gov.vn/cchc/embed/\" title=\"Tiến độ cải cách hành chính · Cải cách hành chính phường Ô Chợ Dừa\" " +
            $"height=\"{Site.Render.Views.EmbedHeight}\" style=\"width:100%;max-width:700px;border:0\" loading=\"lazy\"></iframe>", snippet);
        Assert.Equal("../embed/", page.QuerySelector("iframe.embed-preview")!.GetAttribute("src"));
        var en = Page(Sample.Value, "en/du-lieu").QuerySelector("#embed-snippet")!.TextContent;
        Assert.Contains("src=\"https://ochodua.hanoi.gov.vn/cchc/en/embed/\"", en, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_configurations_let_embed_origins_frame_the_card_only()
    {
        var site = Repo.TempDir("embed-site");
        OpenData.OpenDataSite.Copy(Repo.Path("tests", "sites", "minimal"), site);
        File.AppendAllText(Path.Combine(site, "site.yaml"), "embed_origins: [https://binhtan.dongnai.gov.vn, \"HTTP://Cong.Example.vn:8080/\"]\n");
        var output = Build(site);
        const string card = "frame-ancestors 'self' https://binhtan.dongnai.gov.vn http://cong.example.vn:8080\"";
        const string page = "frame-ancestors 'self'\"";

        var nginx = File.ReadAllText(Path.Combine(output, "_server", "nginx.conf"));
        foreach (var path in new[] { "/cchc/embed/", "/cchc/en/embed/" })
        {
            var block = nginx[nginx.IndexOf($"location {path} {{", StringComparison.Ordinal)..];
            block = block[..block.IndexOf('}')];
            Assert.Contains(card, block, StringComparison.Ordinal);
        }
        // Every other location keeps refusing other sites.
        Assert.Equal(2, CountOf(nginx, card));
        Assert.Equal(2, CountOf(nginx, page));     // assets/ and the pages

        var caddy = File.ReadAllText(Path.Combine(output, "_server", "Caddyfile"));
        Assert.Contains("@card path /cchc/embed/* /cchc/en/embed/*", caddy, StringComparison.Ordinal);
        Assert.Contains("@page not path /cchc/embed/* /cchc/en/embed/*", caddy, StringComparison.Ordinal);
        Assert.Contains("header @card Content-Security-Policy \"" + ServerConfig.ContentSecurityPolicy + "; " + card, caddy, StringComparison.Ordinal);
        Assert.Contains("header @page Content-Security-Policy \"" + ServerConfig.ContentSecurityPolicy + "; " + page, caddy, StringComparison.Ordinal);

        var htaccess = File.ReadAllText(Path.Combine(output, ".htaccess"));
        Assert.Contains("<If \"%{REQUEST_URI} =~ m#^(/cchc/embed/|/cchc/en/embed/)#\">\n    Header always set Content-Security-Policy \"" +
            ServerConfig.ContentSecurityPolicy + "; " + card, htaccess, StringComparison.Ordinal);
        Assert.Contains("<Else>\n    Header always set Content-Security-Policy \"" + ServerConfig.ContentSecurityPolicy + "; " + page, htaccess, StringComparison.Ordinal);

        // The same rule for tests and cchc serve.
        var config = SiteConfigLoader.Load(site, new Core.Diagnostics.DiagnosticBag(), new DateOnly(2025, 12, 20))!;
        Assert.EndsWith(card.TrimEnd('"'), ServerConfig.HeaderPolicyFor("/en/embed/", config), StringComparison.Ordinal);
        Assert.EndsWith(page.TrimEnd('"'), ServerConfig.HeaderPolicyFor("/ke-hoach/2025/", config), StringComparison.Ordinal);
        Assert.EndsWith(page.TrimEnd('"'), ServerConfig.HeaderPolicyFor("/", config), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_embed_origins_the_card_is_written_frameable_by_the_portal_only_and_check_says_how()
    {
        var output = Build(Repo.Path("tests", "sites", "minimal"));
        Assert.True(File.Exists(Path.Combine(output, "embed", "index.html")));
        var nginx = File.ReadAllText(Path.Combine(output, "_server", "nginx.conf"));
        Assert.DoesNotContain("frame-ancestors 'self' ", nginx, StringComparison.Ordinal);
        Assert.Contains("location /cchc/embed/ {", nginx, StringComparison.Ordinal);

        var vi = CchcRun.Run("check", "--source", Repo.Path("tests", "sites", "minimal"));
        Assert.Equal(0, vi.Exit);
        Assert.Contains("site.yaml: info CC0042: Thẻ tiến độ https://binhtan.example.gov.vn/cchc/embed/ hiện chỉ hiển thị được trong khung (iframe) " +
            "trên các trang của https://binhtan.example.gov.vn. Để nhúng vào trang thông tin điện tử của xã, thêm vào site.yaml một dòng", vi.Out, StringComparison.Ordinal);
        var en = CchcRun.Run("check", "--source", Repo.Path("tests", "sites", "minimal"), "--lang", "en");
        Assert.Contains("site.yaml: info CC0042: The progress card https://binhtan.example.gov.vn/cchc/embed/ can only be shown", en.Out, StringComparison.Ordinal);
        // Not a warning: on the standard output after the verdict, the count stays 0, and a build does not print it.
        Assert.Equal("", vi.Err);
        Assert.Contains("Nội dung hợp lệ: 0 lỗi, 0 cảnh báo.\nsite.yaml: info CC0042", vi.Out, StringComparison.Ordinal);
        var build = CchcRun.Run("build", "--source", Repo.Path("tests", "sites", "minimal"), "--output", Repo.TempDir("embed-build"));
        Assert.DoesNotContain("CC0042", build.Err, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    [Theory]
    [InlineData("https://binhtan.dongnai.gov.vn", "https://binhtan.dongnai.gov.vn", null)]
    [InlineData("https://binhtan.dongnai.gov.vn/", "https://binhtan.dongnai.gov.vn", null)]
    [InlineData("HTTPS://BinhTan.DongNai.gov.vn", "https://binhtan.dongnai.gov.vn", null)]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080", null)]
    [InlineData("https://*.dongnai.gov.vn", "https://*.dongnai.gov.vn", null)]
    [InlineData("binhtan.dongnai.gov.vn", "binhtan.dongnai.gov.vn", null)]
    [InlineData("https://binhtan.dongnai.gov.vn/tin-tuc/bai-1.html", null, "https://binhtan.dongnai.gov.vn")]
    [InlineData("binhtan.dongnai.gov.vn/tin-tuc?id=3", null, "https://binhtan.dongnai.gov.vn")]
    [InlineData("http://xa.gov.vn:8080/a", null, "http://xa.gov.vn:8080")]
    [InlineData("*", null, null)]
    [InlineData("'self'", null, null)]
    [InlineData("ftp://binhtan.dongnai.gov.vn", null, null)]
    [InlineData("https://binh tan.gov.vn", null, null)]
    [InlineData("https://xa.gov.vn:99999", null, null)]
    [InlineData("https://", null, null)]
    public void Origins_are_validated_and_normalised(string text, string? origin, string? suggestion)
    {
        Assert.Equal(origin, EmbedOrigins.Normalise(text, out var suggested));
        Assert.Equal(suggestion, suggested);
    }
}
