using Microsoft.Playwright;

namespace CchcPortal.Tests.Search;

/// <summary>Builds the search test site once, serves it on 127.0.0.1 and starts headless Chromium (Debian's).</summary>
public sealed class SearchBrowserFixture : IAsyncLifetime
{
    private string _output = "";
    private CchcPortal.Tests.Browser.StaticServer? _server;
    private IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => _server!.BaseUrl;
    /// <summary>The built site's folder.</summary>
    public string Output => _output;

    public async Task InitializeAsync()
    {
        _output = SearchSite.Build().Output;
        _server = CchcPortal.Tests.Browser.StaticServer.Start(_output);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        _server?.Dispose();
        if (Directory.Exists(_output)) Directory.Delete(_output, recursive: true);
    }
}

[CollectionDefinition("search-browser")]
public sealed class SearchBrowserCollection : ICollectionFixture<SearchBrowserFixture>;

[Trait("Category", "Slow")]
[Collection("search-browser")]
public class SearchBrowserTests(SearchBrowserFixture site)
{
    private sealed record Results(IPage Page, List<string> Titles, List<string> Errors);

    /// <summary>Opens a search link as a resident would and reads the result titles once the results are shown.</summary>
    private async Task<Results> Open(string pathAndQuery)
    {
        var page = await site.Browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add(m.Text); };
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(site.BaseUrl + pathAndQuery);
        await page.Locator("#search-results .search-count").WaitForAsync(new() { Timeout = 10000 });
        var titles = (await page.Locator("#search-results .result-title a").AllInnerTextsAsync()).ToList();
        return new(page, titles, errors);
    }

    [Fact]
    public async Task Without_diacritics_finds_the_text_with_them()
    {
        var r = await Open("search/?q=ho+so+dung+han");
        Assert.Contains("1. Nâng cao tỷ lệ hồ sơ giải quyết đúng hạn", r.Titles);
        Assert.Contains("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", r.Titles);
        Assert.Equal("ho so dung han", await r.Page.InputValueAsync("#q"));
        // The match is highlighted, and the result says what it is, its status and plan.
        var first = r.Page.Locator("#search-results .results li").First;
        Assert.Equal(["hồ", "sơ", "đúng", "hạn"], await first.Locator(".result-title mark").AllInnerTextsAsync());
        Assert.NotEmpty(await first.Locator(".type").InnerTextAsync());
        Assert.Contains("Kế hoạch cải cách hành chính xã Thử Tìm năm 2025", await r.Page.Locator("#search-results").InnerTextAsync());
        Assert.Empty(r.Errors);
    }

    [Fact]
    public async Task With_diacritics_finds_the_same()
    {
        var r = await Open("search/?q=" + Uri.EscapeDataString("hồ sơ đúng hạn"));
        Assert.Contains("1. Nâng cao tỷ lệ hồ sơ giải quyết đúng hạn", r.Titles);
        Assert.Contains("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", r.Titles);
    }

    [Fact]
    public async Task An_AND_query_excludes_a_document_with_only_some_of_the_words()
    {
        var r = await Open("search/?q=ho+so+dung+han");
        Assert.Equal(2, r.Titles.Count);
        Assert.DoesNotContain(r.Titles, t => t.Contains("Rà soát hồ sơ lưu trữ", StringComparison.Ordinal));
        var partial = await Open("search/?q=ho+so");
        Assert.Contains("2. Rà soát hồ sơ lưu trữ", partial.Titles);
    }

    [Fact]
    public async Task D_finds_đ_and_đ_finds_d()
    {
        Assert.Equal(["3. Hướng dẫn đăng ký khai sinh trực tuyến"], (await Open("search/?q=dang+ky")).Titles);
        Assert.Equal(["3. Hướng dẫn đăng ký khai sinh trực tuyến"], (await Open("search/?q=" + Uri.EscapeDataString("đăng ký"))).Titles);
    }

    [Fact]
    public async Task Exact_diacritics_rank_first()
    {
        var r = await Open("search/?q=" + Uri.EscapeDataString("sổ"));
        Assert.Equal("4. Cập nhật sổ theo dõi văn bản", r.Titles[0]);
        Assert.Contains("5. Làm việc với Sở Tư pháp về thể chế", r.Titles);
        var s = await Open("search/?q=" + Uri.EscapeDataString("sở"));
        Assert.Equal("5. Làm việc với Sở Tư pháp về thể chế", s.Titles[0]);
    }

    [Fact]
    public async Task The_last_word_matches_as_a_prefix_while_typing()
    {
        var r = await Open("search/?q=truc+tuy");
        Assert.Contains("3. Hướng dẫn đăng ký khai sinh trực tuyến", r.Titles);
        Assert.Contains("6. Triển khai dịch vụ công trực tuyến toàn trình", r.Titles);

        // Typing updates the results and the address, so the link can be shared.
        await r.Page.FillAsync("#q", "dang k");
        await r.Page.WaitForFunctionAsync("() => location.search === '?q=dang+k'");
        // The first query's results include the same title: wait for the list to become the new one, not for the title.
        await r.Page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results .result-title a').length === 1");
        Assert.Equal(["3. Hướng dẫn đăng ký khai sinh trực tuyến"], await r.Page.Locator("#search-results .result-title a").AllInnerTextsAsync());
    }

    [Fact]
    public async Task Filters_combine_with_the_query()
    {
        var r = await Open("search/?q=ho+so&type=target");
        Assert.Equal(["Tỷ lệ hồ sơ TTHC giải quyết đúng hạn"], r.Titles);
        Assert.Equal("target", await r.Page.InputValueAsync("#f-type"));

        var byUnit = await Open("search/?q=ho+so&unit=vh-xh");
        Assert.Equal(["2. Rà soát hồ sơ lưu trữ"], byUnit.Titles);

        // Choosing a filter on the page narrows the results and the address.
        var page = (await Open("search/?q=truc+tuyen")).Page;
        await page.SelectOptionAsync("#f-area", "chinh-quyen-so");
        await page.WaitForFunctionAsync("() => location.search.includes('area=chinh-quyen-so')");
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#search-results .result-title a').length === 1");
        Assert.Equal("6. Triển khai dịch vụ công trực tuyến toàn trình", await page.Locator("#search-results .result-title a").InnerTextAsync());
    }

    [Fact]
    public async Task English_search_finds_the_translated_title()
    {
        var r = await Open("en/search/?q=applications+settled");
        Assert.Equal(["1. Raise the share of applications settled on time"], r.Titles);
        var href = await r.Page.Locator("#search-results .result-title a").GetAttributeAsync("href");
        Assert.Equal("../../en/ke-hoach/2025/nhiem-vu/01/", href);
        await r.Page.ClickAsync("#search-results .result-title a");
        await r.Page.WaitForURLAsync(site.BaseUrl + "en/ke-hoach/2025/nhiem-vu/01/");
        Assert.Empty(r.Errors);
    }

    [Fact]
    public async Task No_results_says_so()
    {
        var r = await Open("search/?q=khong+ton+tai");
        Assert.Empty(r.Titles);
        Assert.Equal("Không tìm thấy kết quả phù hợp.", await r.Page.InnerTextAsync("#search-results .search-count"));
    }
}
