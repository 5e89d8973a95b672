using System.Diagnostics;
using System.Net;
using CchcPortal.Cli;

namespace CchcPortal.Tests.Cli;

public class ServeTests
{
    private static readonly HttpClient Http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Polls until the page satisfies the condition (bounded wait, no timing assertion).</summary>
    internal static async Task<(HttpStatusCode Status, string Body)> Until(string url, Func<HttpStatusCode, string, bool> ok)
    {
        var clock = Stopwatch.StartNew();
        (HttpStatusCode, string) last = (default, "");
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            using var res = await Http.GetAsync(url);
            last = (res.StatusCode, await res.Content.ReadAsStringAsync());
            if (ok(last.Item1, last.Item2)) return last;
            await Task.Delay(100);
        }
        Assert.Fail($"never became as expected; last: {(int)last.Item1} {last.Item2[..Math.Min(400, last.Item2.Length)]}");
        return last;
    }

    /// <summary>A preview server on a free port for the site, writing to "out" beside it.</summary>
    private static DevServer Started(CliSite site, out string output)
    {
        output = Path.Combine(site.Root, "out");
        var server = new DevServer(site.Dir, output, 0, "vi", TextWriter.Null, TextWriter.Null);
        server.Start();
        return server;
    }

    [Fact]
    public async Task Serves_rebuilds_on_save_shows_an_error_page_and_recovers()
    {
        using var site = new CliSite();
        using var server = Started(site, out var output);
        Assert.StartsWith("http://127.0.0.1:", server.Url);

        using (var home = await Http.GetAsync(server.Url))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
            Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
            var html = await home.Content.ReadAsStringAsync();
            Assert.Contains("<html", html);
            Assert.Contains($"<script src=\"{DevServer.ReloadScript}?v=", html);
            Assert.Contains("script-src 'self'", home.Headers.GetValues("Content-Security-Policy").Single());
        }
        // The reload script is added to served pages only, never to the built files.
        Assert.DoesNotContain("__cchc", File.ReadAllText(Path.Combine(output, "index.html")));
        using (var js = await Http.GetAsync(server.Url + DevServer.ReloadScript.TrimStart('/')))
            Assert.Equal(HttpStatusCode.OK, js.StatusCode);

        // Clean URLs and the 404 page.
        var page = server.Url + "trang/gioi-thieu/";
        using (var noSlash = await Http.GetAsync(server.Url + "trang/gioi-thieu"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, noSlash.StatusCode);
            Assert.Equal("/trang/gioi-thieu/", noSlash.Headers.Location?.OriginalString);
        }
        using (var missing = await Http.GetAsync(server.Url + "khong-co/"))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.Contains("<html", await missing.Content.ReadAsStringAsync());
        }

        // Save a change: the served page shows it.
        var file = "content/pages/gioi-thieu.md";
        var original = site.Read(file);
        site.Write(file, original.Replace("title: \"Giới thiệu\"", "title: \"Giới thiệu về cổng thông tin\""));
        await Until(page, (s, b) => s == HttpStatusCode.OK && b.Contains("Giới thiệu về cổng thông tin"));

        // A mistake: HTML requests get the error page, with the file and line, in Vietnamese.
        var task = "content/plans/2026/tasks/01.md";
        var good = site.Read(task);
        site.Write(task, good.Replace("\"Quý I/2026\"", "\"khi nào xong\""));
        var line = good.Split('\n').ToList().FindIndex(l => l.StartsWith("deadline:", StringComparison.Ordinal)) + 1;
        var (status, body) = await Until(page, (_, b) => b.Contains("Nội dung có"));
        Assert.Equal(HttpStatusCode.InternalServerError, status);
        Assert.Contains($"{task}({line},", body);
        Assert.Contains("khi nào xong", body);
        Assert.Contains("CC0012", body);
        // ...while the last good site, written to disk behind the server, stays underneath.
        var written = Path.Combine(output, "trang", "gioi-thieu", "index.html");
        for (var i = 0; i < 200 && !File.ReadAllText(written).Contains("Giới thiệu về cổng thông tin"); i++) await Task.Delay(50);
        Assert.Contains("Giới thiệu về cổng thông tin", File.ReadAllText(written));
        Assert.Equal(HttpStatusCode.InternalServerError, (await Until(page, (_, b) => b.Contains("Nội dung có"))).Item1);

        // Fixing it brings the page back, without a restart.
        site.Write(task, good);
        await Until(page, (s, b) => s == HttpStatusCode.OK && b.Contains("Giới thiệu về cổng thông tin"));
    }

    [Fact]
    public async Task Long_poll_answers_when_a_new_build_is_served()
    {
        using var site = new CliSite();
        using var server = Started(site, out _);
        var v = server.Version;
        var wait = Http.GetStringAsync($"{server.Url}__cchc/wait?v={v}");
        site.Write("content/pages/gioi-thieu.md", site.Read("content/pages/gioi-thieu.md") + "\nThêm một dòng.\n");
        var answer = await wait;
        Assert.NotEqual(v.ToString(), answer);
    }

    /// <summary>
    /// Pages come from the model, rendered on request: a new file, a deleted one and a changed layout all show without
    /// a full rebuild, and the files written to disk behind the server catch up.
    /// </summary>
    [Fact]
    public async Task New_and_deleted_files_and_a_changed_layout_show_from_the_live_model()
    {
        using var site = new CliSite();
        using var server = Started(site, out var output);

        // A new task file: its page exists at once, and the plan page lists it.
        var tasks = Path.Combine(site.Dir, "content", "plans", "2026", "tasks");
        var first = Directory.GetFiles(tasks, "*.md").Where(f => !f.EndsWith(".en.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        var text = File.ReadAllText(first);
        var added = Path.Combine(tasks, "99.md");
        File.WriteAllText(added, System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^no: .*$", "no: 99")
            .Replace("title: \"", "title: \"Nhiệm vụ thêm mới ", StringComparison.Ordinal));
        await Until(server.Url + "ke-hoach/2026/nhiem-vu/99/", (s, b) => s == HttpStatusCode.OK && b.Contains("Nhiệm vụ thêm mới"));
        await Until(server.Url + "ke-hoach/2026/", (s, b) => s == HttpStatusCode.OK && b.Contains("Nhiệm vụ thêm mới"));

        // Deleted: the page is gone (404) and the plan no longer lists it.
        File.Delete(added);
        await Until(server.Url + "ke-hoach/2026/nhiem-vu/99/", (s, _) => s == HttpStatusCode.NotFound);
        await Until(server.Url + "ke-hoach/2026/", (s, b) => s == HttpStatusCode.OK && !b.Contains("Nhiệm vụ thêm mới"));

        // A site's own layout for task pages: used for the next page served.
        var layouts = Path.Combine(site.Dir, "themes", "default", "layouts");
        Directory.CreateDirectory(layouts);
        File.WriteAllText(Path.Combine(layouts, "task.html"), "<h1>{{ model.row.title.text }}</h1><p>Bố cục riêng của xã</p>");
        await Until(server.Url + "ke-hoach/2026/nhiem-vu/01/", (s, b) => s == HttpStatusCode.OK && b.Contains("Bố cục riêng của xã"));

        // The site on disk catches up behind the server.
        var written = Path.Combine(output, "ke-hoach", "2026", "nhiem-vu", "01", "index.html");
        for (var i = 0; i < 300 && !(File.Exists(written) && File.ReadAllText(written).Contains("Bố cục riêng của xã")); i++) await Task.Delay(50);
        Assert.Contains("Bố cục riêng của xã", File.ReadAllText(written));
        Assert.False(Directory.Exists(Path.Combine(output, "ke-hoach", "2026", "nhiem-vu", "99")));
    }
}
