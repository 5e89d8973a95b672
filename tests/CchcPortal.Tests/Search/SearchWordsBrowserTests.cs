using System.Text.Json;
using CchcPortal.Tests.Quality;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Search;

/// <summary>Residents' words in the browser, on the search test site: statuses, abbreviations both ways, and the judgments.</summary>
[Collection("search-browser")]
[Trait("Category", "Slow")]
public class SearchWordsBrowserTests(SearchBrowserFixture site)
{
    private async Task<(IPage Page, List<string> Titles)> Open(string pathAndQuery)
    {
        var page = await site.Browser.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(site.BaseUrl + pathAndQuery);
        await page.Locator("#search-results .search-count").WaitForAsync(new() { Timeout = 10000 });
        Assert.Empty(errors);
        return (page, (await page.Locator("#search-results .result-title a").AllInnerTextsAsync()).ToList());
    }

    [Theory]
    [InlineData("search/?q=qua+han")]
    [InlineData("search/?q=nhiem+vu+qua+han")]
    [InlineData("en/search/?q=overdue")]
    public async Task A_status_phrase_lists_the_tasks_in_that_state_first(string link)
    {
        var (page, titles) = await Open(link);
        Assert.Equal(["2. Rà soát hồ sơ lưu trữ", "6. Triển khai dịch vụ công trực tuyến toàn trình"], titles.Take(2).Order(StringComparer.Ordinal));
        // The result says the state the query found.
        var facts = await page.Locator("#search-results .results li .result-meta").AllInnerTextsAsync();
        Assert.All(facts.Take(2), f => Assert.Contains(link.StartsWith("en/", StringComparison.Ordinal) ? "Overdue" : "Quá hạn", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task No_report_is_a_status_filter_and_a_result_says_it()
    {
        var (page, titles) = await Open("search/?status=no-report");
        Assert.Equal(["3. Hướng dẫn đăng ký khai sinh trực tuyến", "4. Cập nhật sổ theo dõi văn bản", "5. Làm việc với Sở Tư pháp về thể chế",
            "6. Triển khai dịch vụ công trực tuyến toàn trình"], titles);
        Assert.Equal("no-report", await page.InputValueAsync("#f-status"));
        var facts = await page.Locator("#search-results .results li .result-meta").AllInnerTextsAsync();
        Assert.All(facts, f => Assert.Contains("Chưa báo cáo", f, StringComparison.Ordinal));
        var (_, phrase) = await Open("search/?q=chua+bao+cao");
        Assert.Equal(titles, phrase.Take(4));
    }

    [Theory]
    [InlineData("tthc")]
    [InlineData("thu+tuc+hanh+chinh")]
    public async Task An_abbreviation_and_its_full_form_find_the_same(string q)
    {
        var (_, titles) = await Open("search/?q=" + q);
        Assert.Contains("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", titles);
    }

    [Theory]
    [InlineData("bttnd")]
    [InlineData("ban+thanh+tra+nhan+dan")]
    public async Task The_plans_own_abbreviation_works_both_ways(string q)
    {
        var (_, titles) = await Open("search/?q=" + q);
        Assert.Contains("5. Làm việc với Sở Tư pháp về thể chế", titles);
    }

    /// <summary>Every judged query of this site, in both languages: the page shows the first ten results node ranks.</summary>
    [Fact]
    public async Task The_judgments_rank_in_the_browser_as_in_node()
    {
        var (code, text) = ExternalTools.Run(ExternalTools.Node(),
            [Repo.Path("tests", "tools", "search-eval.cjs"), SearchJudgmentsFixture.File, "search=" + site.Output, "--json"]);
        Assert.True(code == 0, text);
        using var result = JsonDocument.Parse(text);
        var rows = result.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.True(rows.Count >= 30, text);
        var differ = new List<string>();
        var page = await site.Browser.NewPageAsync();
        foreach (var row in rows)
        {
            var (lang, q) = (row.GetProperty("lang").GetString()!, row.GetProperty("q").GetString()!);
            var prefix = lang == "vi" ? "" : lang + "/";
            await page.GotoAsync(site.BaseUrl + prefix + "search/?q=" + Uri.EscapeDataString(q));
            await page.Locator("#search-results .search-count").WaitForAsync(new() { Timeout = 10000 });
            var hrefs = await page.Locator("#search-results .result-title a").EvaluateAllAsync<string[]>("links => links.slice(0, 10).map(a => a.href)");
            var shown = hrefs.Select(h => h[(site.BaseUrl + prefix).Length..]).ToList();
            var node = row.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToList();
            if (!shown.SequenceEqual(node)) differ.Add($"{lang} \"{q}\":\n  browser: {string.Join(" ", shown)}\n  node:    {string.Join(" ", node)}");
        }
        Assert.True(differ.Count == 0, string.Join("\n", differ));
    }
}
