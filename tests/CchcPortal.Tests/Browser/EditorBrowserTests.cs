using System.Collections.Immutable;
using System.Text.Json;
using CchcPortal.Cli;
using CchcPortal.Tests.Cli;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Browser;

/// <summary>
/// The web editor as staff use it with <c>cchc serve</c>: /admin/ in Debian's chromium, "work with the local repository",
/// a new quarter's report through the form (two tasks and a target), saved. The folder picker is the one thing a test
/// cannot click, so <c>showDirectoryPicker</c> returns a copy of the site in the browser's private file system (OPFS);
/// what the editor wrote there is copied back into the site, where <c>cchc check</c> must accept it and the preview must
/// show the new statuses.
/// </summary>
[Trait("Category", "Slow")]
public class EditorBrowserTests
{
    internal static readonly string Artifacts = Path.Combine(Repo.Root, "artifacts", "editor");

    /// <summary>JavaScript run before the editor: the folder picker answers with the site's files in OPFS.</summary>
    internal static string PickerStub(IReadOnlyDictionary<string, string> files) => $$"""
        window.showDirectoryPicker = async () => {
          const root = await navigator.storage.getDirectory();
          const dir = await root.getDirectoryHandle("site", { create: true });
          await dir.getDirectoryHandle(".git", { create: true });
          const files = {{JsonSerializer.Serialize(files)}};
          for (const [path, text] of Object.entries(files)) {
            const parts = path.split("/");
            let d = dir;
            for (const p of parts.slice(0, -1)) d = await d.getDirectoryHandle(p, { create: true });
            const f = await d.getFileHandle(parts.at(-1), { create: true });
            const w = await f.createWritable();
            await w.write(text);
            await w.close();
          }
          return dir;
        };
        """;

    /// <summary>Every file of the OPFS copy, as the editor left it.</summary>
    internal const string ReadBack = """
        async () => {
          const out = {};
          const walk = async (d, prefix) => {
            for await (const [name, h] of d.entries()) {
              if (h.kind === "directory") { if (name !== ".git") await walk(h, prefix + name + "/"); }
              else out[prefix + name] = await (await h.getFile()).text();
            }
          };
          await walk(await (await navigator.storage.getDirectory()).getDirectoryHandle("site"), "");
          return out;
        }
        """;

    /// <summary>/admin/ of the preview server, then "work with the local repository" (the picker answers with the copy).</summary>
    internal static async Task OpenLocal(IPage page, string url, string? signInShot = null)
    {
        await page.GotoAsync(url + "admin/");
        var local = page.GetByRole(AriaRole.Button, new() { Name = "Làm việc với kho mã nguồn cục bộ" });
        await local.WaitForAsync(new() { Timeout = 30000 });
        if (signInShot is not null) await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, signInShot) });
        await local.ClickAsync();
        await page.GetByText("Báo cáo — 01/KH-UBND").First.WaitForAsync(new() { Timeout = 30000 });
        await page.WaitForTimeoutAsync(500);
    }

    /// <summary>
    /// Clicks the list's "Thêm …" button (its label has bidi isolation marks around the item's name) and waits until the
    /// new item is there: <paramref name="inItem"/>, a control of each item, is one more.
    /// </summary>
    internal static async Task AddItem(IPage page, string singular, ILocator inItem)
    {
        var before = await inItem.CountAsync();
        await page.Locator($"button[data-label^='Thêm'][data-label*='{singular}']").ClickAsync();
        for (var i = 0; i < 300 && await inItem.CountAsync() <= before; i++) await page.WaitForTimeoutAsync(100);
        // At a person's pace: Sveltia 0.221.1 loses a relation choice clicked in the first moments after the item
        // appears (the radio shows checked, the entry keeps no value, and the save stops on "Có 2 trường bị lỗi").
        await page.WaitForTimeoutAsync(1000);
    }

    /// <summary>The files the editor may see: site.yaml and content/.</summary>
    internal static ImmutableSortedDictionary<string, string> SiteFiles(CliSite site) =>
        Directory.EnumerateFiles(site.Dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Dir, f).Replace('\\', '/'))
            .Where(p => p == "site.yaml" || p.StartsWith("content/", StringComparison.Ordinal))
            .ToImmutableSortedDictionary(p => p, p => site.Read(p), StringComparer.Ordinal);

    internal static async Task<IBrowser> Chromium(IPlaywright playwright) =>
        await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath, Headless = true, Args = BrowserFixture.ChromiumArgs,
        });

    /// <summary>A page of the given width whose folder picker answers with <paramref name="files"/>.</summary>
    internal static async Task<IPage> EditorPage(IBrowser browser, IReadOnlyDictionary<string, string> files, int width = 1280)
    {
        var context = await browser.NewContextAsync(width < 500
            ? new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = 812 }, Locale = "vi-VN", IsMobile = true, HasTouch = true }
            : new BrowserNewContextOptions { ViewportSize = new() { Width = width, Height = 900 }, Locale = "vi-VN" });
        await context.AddInitScriptAsync(PickerStub(files));
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Waits until the editor has written <paramref name="path"/> into the copy (and, for a file it had already, until
    /// <paramref name="done"/> holds of its text); every file of the copy.
    /// </summary>
    internal static async Task<Dictionary<string, string>> Saved(IPage page, string path, Func<string, bool>? done = null)
    {
        var written = new Dictionary<string, string>();
        for (var i = 0; i < 300 && !(written.TryGetValue(path, out var text) && (done is null || done(text))); i++)
        {
            await page.WaitForTimeoutAsync(100);
            written = (await page.EvaluateAsync<Dictionary<string, string>>(ReadBack))!;
        }
        return written;
    }

    /// <summary><c>cchc serve</c> on the site, chromium, and /admin/ working with a copy of <paramref name="files"/>.</summary>
    internal sealed class EditorSession(DevServer server, IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        public DevServer Server => server;
        public IPage Page => page;

        public static async Task<EditorSession> Open(CliSite site, IReadOnlyDictionary<string, string> files)
        {
            var server = new DevServer(site.Dir, Path.Combine(site.Root, "out"), 0, "vi", TextWriter.Null, TextWriter.Null);
            server.Start();
            var playwright = await Playwright.CreateAsync();
            var browser = await Chromium(playwright);
            var page = await EditorPage(browser, files);
            await OpenLocal(page, server.Url);
            return new EditorSession(server, playwright, browser, page);
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
            server.Dispose();
        }
    }

    /// <summary>An English title typed in the editor goes to 01.en.md beside 01.md, with no data key (no CC0022 warning).</summary>
    [Fact]
    public async Task An_english_title_goes_to_x_en_md_with_text_only()
    {
        using var site = new CliSite();
        var files = SiteFiles(site);
        await using var editor = await EditorSession.Open(site, files);
        var (server, page) = (editor.Server, editor.Page);
        await page.GotoAsync(server.Url + "admin/#/collections/tasks-2026/entries/01");
        await page.GetByText("Tiếng Anh", new() { Exact = true }).First.ClickAsync();
        await page.WaitForTimeoutAsync(1000);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-english.png") });
        await page.Locator("button", new() { HasText = "Bật" }).Last.ClickAsync();   // "Bật Tiếng Anh": English is optional
        await page.WaitForTimeoutAsync(500);
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Nội dung nhiệm vụ" }).Last.FillAsync("Issue the 2026 reform self-inspection plan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        var written = await Saved(page, "content/plans/2026/tasks/01.en.md");
        var english = Assert.Contains("content/plans/2026/tasks/01.en.md", written);
        File.WriteAllText(Path.Combine(Artifacts, "01.en.md"), english);
        Assert.Contains("title: Issue the 2026 reform self-inspection plan", english, StringComparison.Ordinal);
        Assert.DoesNotContain("lead:", english, StringComparison.Ordinal);
        Assert.Equal(files["content/plans/2026/tasks/01.md"].Contains("lead:", StringComparison.Ordinal), written["content/plans/2026/tasks/01.md"].Contains("lead:", StringComparison.Ordinal));
        site.Write("content/plans/2026/tasks/01.en.md", english);
        site.Write("content/plans/2026/tasks/01.md", written["content/plans/2026/tasks/01.md"]);
        var (exit, o, e) = site.Cli("check");
        Assert.True(exit == 0, o + e);
        Assert.DoesNotContain("CC0022", o + e, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_made_in_the_editor_passes_check_and_shows_in_the_preview()
    {
        using var site = new CliSite();
        Assert.Equal(0, site.Cli("new", "task", "--today", "2026-02-01").Exit);
        site.Write("site.yaml", site.Read("site.yaml").Replace("# as_of: 2026-12-20", "as_of: 2026-03-20", StringComparison.Ordinal));
        var files = SiteFiles(site);

        var output = Path.Combine(site.Root, "out");
        using var server = new DevServer(site.Dir, output, 0, "vi", TextWriter.Null, TextWriter.Null);
        server.Start();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium(playwright);
        var page = await EditorPage(browser, files);
        var problems = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"{r.Status} {r.Url}"); };
        page.RequestFailed += (_, r) => problems.Add($"failed {r.Url} {r.Failure}");
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"{m.Type}: {m.Text} ({m.Location})"); };
        var offSite = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(server.Url, StringComparison.Ordinal) && !r.Url.StartsWith("blob:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) offSite.Add(r.Url); };
        Directory.CreateDirectory(Artifacts);

        await OpenLocal(page, server.Url, "editor-1280-signin.png");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-collections.png") });

        // A new report of the first quarter: its period, date, two tasks and a target, through the form.
        await page.Locator("button[aria-label='Tạo bài viết mới']").First.ClickAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "Quý I/2026 (q1)" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Số hiệu báo cáo" }).FillAsync("15/BC-UBND");
        await page.Locator("input[type=date]").First.FillAsync("2026-03-15");
        // The form lists both tasks of the plan already (not started: no report yet); staff set what changed.
        var done = page.GetByRole(AriaRole.Radio, new() { Name = "Đã hoàn thành", Exact = true });
        // The editor draws an item's fields once it comes into view: a window tall enough for both.
        await page.SetViewportSizeAsync(1280, 2400);
        await done.Nth(1).WaitForAsync(new() { Timeout = 30000 });
        await page.SetViewportSizeAsync(1280, 900);
        await done.Nth(0).ClickAsync();
        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Tiến độ (%)" }).Nth(0).FillAsync("100");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Văn bản chứng minh" }).Nth(0).FillAsync("Kế hoạch số 12/KH-UBND ngày 20/02/2026");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Đang thực hiện", Exact = true }).Nth(1).ClickAsync();
        await page.GetByRole(AriaRole.Spinbutton, new() { Name = "Tiến độ (%)" }).Nth(1).FillAsync("40");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Ghi chú" }).Nth(1).FillAsync("Đang rà soát: 4/10 thủ tục");
        // The target has no value yet: added from the drop-down list (every relation is one).
        await AddItem(page, "chỉ tiêu", page.GetByRole(AriaRole.Textbox, new() { Name = "Giá trị đạt được" }));
        await page.GetByRole(AriaRole.Combobox, new() { Name = "Chỉ tiêu" }).Last.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Tỷ lệ hồ sơ" }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Giá trị đạt được" }).Last.FillAsync("98,5");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-report.png"), FullPage = true });
        await page.GetByRole(AriaRole.Radio, new() { Name = "Quý I/2026 (q1)" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-report-top.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        // What the editor wrote, copied into the site as the browser would have written it to the folder itself.
        var written = await Saved(page, "content/plans/2026/reports/q1.md");
        var report = Assert.Contains("content/plans/2026/reports/q1.md", written);
        File.WriteAllText(Path.Combine(Artifacts, "q1.md"), report);
        Assert.DoesNotContain(written.Keys, k => k.EndsWith(".vi.md", StringComparison.Ordinal));
        Assert.Matches(@"\ntasks:\n  - no: '?1'?\n    status: done\n", report);        // the list form, which the loader reads
        Assert.Matches(@"\ntargets:\n  - id: ho-so-dung-han\n    value: '?98,5'?\n", report);
        Directory.CreateDirectory(Path.Combine(site.Dir, "content/plans/2026/reports"));
        site.Write("content/plans/2026/reports/q1.md", report);
        site.AssertChecks();

        // The preview rebuilds: the task pages show the new statuses.
        await ServeTests.Until(server.Url + "ke-hoach/2026/nhiem-vu/01/", (_, html) => html.Contains("Đã hoàn thành", StringComparison.Ordinal) && html.Contains("12/KH-UBND", StringComparison.Ordinal));
        var second = await ServeTests.Until(server.Url + "ke-hoach/2026/nhiem-vu/02/", (_, html) => html.Contains("Đang rà soát: 4/10 thủ tục", StringComparison.Ordinal));
        Assert.Contains("40", second.Body, StringComparison.Ordinal);

        // The editor on a phone.
        var small = await EditorPage(browser, files.SetItem("content/plans/2026/reports/q1.md", report), width: 375);
        await OpenLocal(small, server.Url);
        await small.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-375-collections.png") });
        await small.GotoAsync(server.Url + "admin/#/collections/reports-2026/entries/q1");
        await small.WaitForTimeoutAsync(2000);
        await small.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-375-report.png"), FullPage = true });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-saved.png") });

        File.WriteAllText(Path.Combine(Artifacts, "console.txt"), string.Join("\n", problems) + "\n--- off-site\n" + string.Join("\n", offSite));
        Assert.Empty(offSite);     // nothing but the site itself: no CDN, no update check
        Assert.Empty(problems);    // no CSP violation, no error
    }
}
