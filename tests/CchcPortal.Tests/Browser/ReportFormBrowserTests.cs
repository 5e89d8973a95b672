using System.Text.RegularExpressions;
using CchcPortal.Tests.Cli;
using Microsoft.Playwright;
using YamlDotNet.RepresentationModel;
using static CchcPortal.Tests.Browser.EditorBrowserTests;

namespace CchcPortal.Tests.Browser;

/// <summary>
/// Issue 37: the web editor's new-report form starts where <c>cchc new report</c> starts. On a plan of seven tasks
/// with a first-quarter report, "new report" opens on the second quarter with every task listed in order and its last
/// status; staff change one, remove an entry and add it back from the drop-down list, save, and <c>cchc check</c>
/// accepts the file, which lists every task.
/// </summary>
[Trait("Category", "Slow")]
public class ReportFormBrowserTests
{
    private const string Reports = "content/plans/2026/reports/";

    /// <summary>
    /// The editor draws a list item's fields when it comes into view: a window tall enough for every item, until
    /// <paramref name="inItem"/> (a control of each item) is there <paramref name="count"/> times.
    /// </summary>
    internal static async Task ShowEvery(IPage page, ILocator inItem, int count)
    {
        await page.SetViewportSizeAsync(1280, 8000);
        for (var k = 0; k < 100 && await inItem.CountAsync() < count; k++) await page.WaitForTimeoutAsync(100);
        if (await inItem.CountAsync() < count)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "debug.png") });
            File.WriteAllText(Path.Combine(Artifacts, "debug.txt"), await page.Locator("body").AriaSnapshotAsync());
        }
        Assert.Equal(count, await inItem.CountAsync());
        await page.SetViewportSizeAsync(1280, 900);
    }

    /// <summary>
    /// The form's label of each task status (value → label), read from the editor's own config.yml: the test does not
    /// depend on how the statuses are worded.
    /// </summary>
    private static async Task<Dictionary<string, string>> StatusLabels(string url)
    {
        using var http = new HttpClient();
        var yaml = new YamlStream();
        yaml.Load(new StringReader(await http.GetStringAsync(url + "admin/config.yml")));
        YamlNode? Get(YamlNode n, string key) => ((YamlMappingNode)n).Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
        YamlMappingNode Named(YamlNode n, string list, string name) =>
            ((YamlSequenceNode)Get(n, list)!).Children.OfType<YamlMappingNode>().Single(m => (Get(m, "name") as YamlScalarNode)?.Value == name);
        var status = Named(Named(Named(yaml.Documents[0].RootNode, "collections", "reports-2026"), "fields", "tasks"), "fields", "status");
        return ((YamlSequenceNode)Get(status, "options")!).Children.OfType<YamlMappingNode>()
            .ToDictionary(o => ((YamlScalarNode)Get(o, "value")!).Value!, o => ((YamlScalarNode)Get(o, "label")!).Value!);
    }

    [Fact]
    public async Task A_new_report_opens_with_every_task_and_its_last_status_and_saves_after_one_change()
    {
        using var site = new CliSite();
        for (var i = 0; i < 6; i++) Assert.Equal(0, site.Cli("new", "task", "--today", "2026-02-01").Exit);
        Assert.Equal(0, site.Cli("new", "report", "--today", "2026-03-01").Exit);
        // The first quarter's report: task 1 done, task 3 half-way, the target measured.
        var q1 = site.Read(Reports + "q1.md")
            .Replace("\"1\": { status: not-started }", "\"1\": { status: done, progress: 100, evidence: \"Kế hoạch số 12/KH-UBND\" }", StringComparison.Ordinal)
            .Replace("\"3\": { status: not-started }", "\"3\": { status: in-progress, progress: 50 }", StringComparison.Ordinal)
            .Replace("# ho-so-dung-han: { value: }", "ho-so-dung-han: { value: 97.5 }", StringComparison.Ordinal);
        site.Write(Reports + "q1.md", q1);
        site.AssertChecks();
        var files = SiteFiles(site);

        await using var editor = await EditorSession.Open(site, files);
        var page = editor.Page;
        var label = await StatusLabels(editor.Server.Url);
        Directory.CreateDirectory(Artifacts);
        await page.Locator("button[aria-label='Tạo bài viết mới']").First.ClickAsync();

        // Every task, in order, with its last status; the next period; the target's last value.
        var done = page.GetByRole(AriaRole.Radio, new() { Name = label["done"], Exact = true });
        await done.First.WaitForAsync(new() { Timeout = 30000 });
        await page.WaitForTimeoutAsync(1000);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-new-report.png") });
        await ShowEvery(page, done, 7);
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { NameRegex = new Regex("^Quý II.2026") }).IsCheckedAsync());
        var expected = new[] { "done", "not-started", "in-progress", "not-started", "not-started", "not-started", "not-started" }.Select(id => label[id]).ToList();
        for (var i = 0; i < expected.Count; i++)
            Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = expected[i], Exact = true }).Nth(i).IsCheckedAsync(), $"task {i + 1}: {expected[i]}");
        var progress = page.GetByRole(AriaRole.Spinbutton, new() { Name = "Tiến độ (%)" });
        Assert.Equal("100", await progress.Nth(0).InputValueAsync());
        Assert.Equal("50", await progress.Nth(2).InputValueAsync());
        Assert.Equal("Kế hoạch số 12/KH-UBND", await page.GetByRole(AriaRole.Textbox, new() { Name = "Văn bản chứng minh" }).Nth(0).InputValueAsync());
        Assert.Equal("97.5", await page.GetByRole(AriaRole.Textbox, new() { Name = "Giá trị đạt được" }).Nth(0).InputValueAsync());
        var tasks = page.GetByRole(AriaRole.Combobox, new() { Name = "Nhiệm vụ" });
        Assert.Equal(7, await tasks.CountAsync());

        // What changed this quarter: task 2 started.
        await page.GetByRole(AriaRole.Radio, new() { Name = label["in-progress"], Exact = true }).Nth(1).ClickAsync();
        await progress.Nth(1).FillAsync("30");

        // Removing an entry works; the task is then added back from the drop-down list (a plan of seven tasks).
        // A click the editor takes in the moment it is still drawing the list can be lost (as Sveltia's radios are):
        // a person would click again, and so does the test, up to three times.
        for (var attempt = 0; attempt < 3 && await done.CountAsync() > 6; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Gỡ bỏ" }).Nth(6).ClickAsync();
            for (var i = 0; i < 50 && await done.CountAsync() > 6; i++) await page.WaitForTimeoutAsync(100);
        }
        Assert.Equal(6, await done.CountAsync());
        await AddItem(page, "nhiệm vụ", done);
        // Saved before the new entry's task is chosen: the message and its button are in Vietnamese (the button's
        // string is one cchc adds to the release's locale).
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await page.GetByText("trường bị lỗi", new() { Exact = false }).WaitForAsync(new() { Timeout = 10000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Xem lỗi" }).WaitForAsync(new() { Timeout = 10000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-errors.png") });
        await tasks.Last.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "7. Nhiệm vụ số 7 (sửa tên nhiệm vụ)" }).ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = label["not-started"], Exact = true }).Last.ClickAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-new-report-changed.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        var written = await Saved(page, Reports + "q2.md");
        var report = Assert.Contains(Reports + "q2.md", written);
        File.WriteAllText(Path.Combine(Artifacts, "q2.md"), report);
        Assert.Matches(@"(?m)^period: q2$", report);
        var listed = Regex.Matches(report, @"(?m)^  - no: '?(\d+)'?\n    status: ([a-z-]+)$").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.Equal(
            [("1", "done"), ("2", "in-progress"), ("3", "in-progress"), ("4", "not-started"), ("5", "not-started"), ("6", "not-started"), ("7", "not-started")],
            listed);
        Assert.Contains("Kế hoạch số 12/KH-UBND", report, StringComparison.Ordinal);
        Assert.Matches(@"\ntargets:\n  - id: ho-so-dung-han\n    value: '?97.5'?\n", report);
        site.Write(Reports + "q2.md", report);
        site.AssertChecks();
    }
}
