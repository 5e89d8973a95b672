using CchcPortal.Core.Configuration;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Site.Build;
using CchcPortal.Site.Output;
using CchcPortal.Tests.Browser;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Embed;

/// <summary>
/// The card on the commune's own website: a page of another origin (another local port) frames /embed/ of the sample,
/// built with that origin in embed_origins and served with the Content-Security-Policy our server configurations send
/// (<see cref="ServerConfig.HeaderPolicyFor"/>). At 300 px (a sidebar) the card fits without sideways scrolling, and a
/// click on a link opens the portal in the whole window.
/// </summary>
[Trait("Category", "Slow")]
[Collection(BrowserCollection.Name)]
public sealed class EmbedBrowserTests(BrowserFixture browser, Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private StaticServer _host = null!, _portal = null!, _portalWithoutOrigins = null!;
    private string _hostDir = null!;

    public Task InitializeAsync()
    {
        // The commune's website first: its origin goes into the portal's embed_origins.
        _hostDir = Repo.TempDir("embed-host");
        _host = StaticServer.Start(_hostDir);
        var origin = _host.BaseUrl.TrimEnd('/');

        var site = Repo.TempDir("embed-portal");
        OpenData.OpenDataSite.Copy(Repo.Path("content"), Path.Combine(site, "content"));
        File.WriteAllText(Path.Combine(site, "site.yaml"), File.ReadAllText(Repo.Path("site.yaml")) + $"embed_origins: [{origin}]\n");
        var built = Repo.TempDir("embed-portal-out");
        var result = SiteBuilder.Run(new BuildOptions(site, built, Today: BrowserFixture.Today));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var config = SiteConfigLoader.Load(site, new DiagnosticBag(), BrowserFixture.Today)!;
        Assert.Equal([origin], config.EmbedOrigins);

        _portal = StaticServer.Start(built);
        _portal.Policy = path => ServerConfig.HeaderPolicyFor(path, config);
        // The same portal as served without embed_origins: the card may be framed by the portal itself only.
        _portalWithoutOrigins = StaticServer.Start(built);
        _portalWithoutOrigins.Policy = path => ServerConfig.HeaderPolicyFor(path, config with { EmbedOrigins = [] });

        File.WriteAllText(Path.Combine(_hostDir, "index.html"), Host(_portal.BaseUrl + "embed/", 300));
        File.WriteAllText(Path.Combine(_hostDir, "wide.html"), Host(_portal.BaseUrl + "en/embed/", 700));
        File.WriteAllText(Path.Combine(_hostDir, "home.html"), Host(_portal.BaseUrl, 300));
        File.WriteAllText(Path.Combine(_hostDir, "not-allowed.html"), Host(_portalWithoutOrigins.BaseUrl + "embed/", 300));
        return Task.CompletedTask;
    }

    /// <summary>An article of the commune's website with the card in its sidebar, as staff paste it (the open-data page's snippet).</summary>
    private static string Host(string src, int width) => $"""
        <!DOCTYPE html>
        <html lang="vi"><head><meta charset="utf-8"><title>Trang thông tin điện tử xã</title></head>
        <body><h1>Tin tức</h1>
        <aside style="width:{width}px"><iframe src="{src}" title="Tiến độ cải cách hành chính" height="{Site.Render.Views.EmbedHeight}" style="width:100%;max-width:700px;border:0" loading="lazy"></iframe></aside>
        </body></html>
        """;

    public Task DisposeAsync()
    {
        _host.Dispose(); _portal.Dispose(); _portalWithoutOrigins.Dispose();
        return Task.CompletedTask;
    }

    private static async Task<IFrame> CardFrame(IPage page, string portal)
    {
        for (var i = 0; i < 100; i++)
        {
            if (page.Frames.FirstOrDefault(f => f != page.MainFrame) is { } frame && frame.Url.StartsWith(portal, StringComparison.Ordinal))
            {
                // The card, then its stylesheet: asked of the frame's document itself (Playwright's load-state wait
                // on a lazy iframe once waited out its 30 s in a CI run).
                await frame.Locator(".card").WaitForAsync(new() { Timeout = 30000 });
                await frame.EvaluateAsync("() => document.readyState === 'complete' || new Promise(r => addEventListener('load', r, { once: true }))");
                return frame;
            }
            await Task.Delay(50);
        }
        throw new Xunit.Sdk.XunitException("the frame never loaded the card: " + string.Join(", ", page.Frames.Select(f => f.Url)));
    }

    [Fact]
    public async Task At_300px_in_another_sites_frame_the_card_fits_and_a_link_opens_the_portal_at_the_top_level()
    {
        var page = await browser.NewPageAsync(1024, 900);
        try
        {
            var response = await page.GotoAsync(_host.BaseUrl);
            var frame = await CardFrame(page, _portal.BaseUrl);
            Assert.Equal(_portal.BaseUrl + "embed/", frame.Url);
            Assert.Equal(6, await frame.Locator(".figures li").CountAsync());   // five figures of the plan, the Front's recommendations awaiting an answer

            // No sideways scrolling in a 300 px sidebar, and the whole card within the snippet's height.
            var size = await frame.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, Math.ceil(document.querySelector('.card').getBoundingClientRect().bottom), innerHeight]");
            output.WriteLine($"card at 300 px: scroll width {size[0]}, width {size[1]}, card height {size[2]} of {size[3]}");
            Assert.Equal(300, size[1]);
            Assert.True(size[0] <= size[1], $"sideways scroll: {size[0]} > {size[1]}");
            Assert.True(size[2] <= size[3], $"the card ({size[2]} px) is taller than the frame ({size[3]} px)");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Directory.CreateDirectory(Repo.Path("artifacts", "screenshots")).FullName, "embed-in-frame-300.png") });

            // A click in the frame navigates the whole window to the portal's page.
            await frame.Locator(".figures + .report a").ClickAsync();
            await page.WaitForURLAsync(_portal.BaseUrl + "ke-hoach/2025/bao-cao/nam/");
            Assert.Equal(_portal.BaseUrl + "ke-hoach/2025/bao-cao/nam/", page.Url);
            Assert.Single(page.Frames);
            Assert.Contains("Báo cáo năm 2025", await page.TitleAsync(), StringComparison.Ordinal);
        }
        finally { await page.Context.CloseAsync(); }
    }

    [Fact]
    public async Task At_700px_the_English_card_fits_and_has_no_axe_violations()
    {
        var page = await browser.NewPageAsync(1024, 900);
        try
        {
            await page.GotoAsync(_host.BaseUrl + "wide.html");
            var frame = await CardFrame(page, _portal.BaseUrl);
            var size = await frame.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth, Math.ceil(document.querySelector('.card').getBoundingClientRect().bottom), innerHeight]");
            output.WriteLine($"card at 700 px: scroll width {size[0]}, width {size[1]}, card height {size[2]} of {size[3]}");
            Assert.True(size[0] <= size[1]);
            Assert.True(size[2] <= size[3]);
        }
        finally { await page.Context.CloseAsync(); }

        // axe on the card itself at both widths, Vietnamese and English.
        foreach (var (width, path) in new[] { (300, "embed/"), (700, "en/embed/") })
        {
            var card = await browser.NewPageAsync(width, Site.Render.Views.EmbedHeight);
            try
            {
                await card.GotoAsync(_portal.BaseUrl + path);
                var result = await card.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. AccessibilityTests.WcagTags] } });
                Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v => $"{path} @{width}: {v.Id} {v.Help}: {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
                await BrowserFixture.ScreenshotAsync(card, $"embed-{width}");
            }
            finally { await card.Context.CloseAsync(); }
        }
    }

    [Theory]
    [InlineData("home.html")]          // any other page of the portal: clickjacking
    [InlineData("not-allowed.html")]   // the card, without embed_origins
    public async Task Another_site_may_not_frame_what_it_is_not_allowed_to(string hostPage)
    {
        var page = await browser.NewPageAsync(1024, 900);
        var refused = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("frame-ancestors", StringComparison.Ordinal)) refused.Add(m.Text); };
        try
        {
            await page.GotoAsync(_host.BaseUrl + hostPage);
            await page.WaitForLoadStateAsync(LoadState.Load);
            for (var i = 0; i < 200 && refused.Count == 0; i++) await Task.Delay(50);
            Assert.NotEmpty(refused);
            var frame = page.Frames.Single(f => f != page.MainFrame);
            Assert.DoesNotContain("Ô Chợ Dừa", await frame.ContentAsync(), StringComparison.Ordinal);
        }
        finally { await page.Context.CloseAsync(); }
    }
}
