using System.Net.Http;

namespace CchcPortal.Tests.Browser;

/// <summary>The fixture itself: the server behaves like a static host and the browser opens the portal.</summary>
[Trait("Category", "Slow")]
[Collection(BrowserCollection.Name)]
public sealed class SmokeTests(BrowserFixture site)
{
    [Fact]
    public async Task Server_maps_folders_to_index_and_missing_paths_to_404()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var home = await http.GetAsync(site.Url(""));
        Assert.Equal(200, (int)home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        var missing = await http.GetAsync(site.Url("khong-co/trang-nay/"));
        Assert.Equal(404, (int)missing.StatusCode);
        Assert.Contains("<html", await missing.Content.ReadAsStringAsync());
        var folder = await http.GetAsync(site.Url("don-vi"));
        Assert.Equal(301, (int)folder.StatusCode);
        var css = Directory.GetFiles(Path.Combine(site.Output, "assets"), "site.*.css").Single();
        var cssResponse = await http.GetAsync(site.Url("assets/" + Path.GetFileName(css)));
        Assert.Equal("text/css", cssResponse.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Chromium_opens_the_home_page()
    {
        var page = await site.NewPageAsync();
        try
        {
            var response = await page.GotoAsync(site.Url(""));
            Assert.Equal(200, response!.Status);
            Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
            Assert.False(string.IsNullOrWhiteSpace(await page.TitleAsync()));
        }
        finally { await page.Context.CloseAsync(); }
    }
}
