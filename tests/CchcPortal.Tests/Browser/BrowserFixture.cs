using System.Net;
using System.Net.Sockets;
using CchcPortal.Site.Build;
using Microsoft.Playwright;

namespace CchcPortal.Tests.Browser;

/// <summary>
/// Shared by every browser test: builds a site (the sample at the repo root by default) into a temp folder,
/// serves it on 127.0.0.1 with <see cref="StaticServer"/>, and launches Debian's Chromium through Playwright.
/// Use it with <c>[Collection(BrowserCollection.Name)]</c> so one build and one browser serve all browser tests.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>The Debian package's binary; Playwright cannot download its own browsers here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    /// <summary>The fixed "today" of the build, so pages (and screenshots) don't change from day to day.</summary>
    public static readonly DateOnly Today = new(2025, 10, 15);

    private readonly string _source;
    private StaticServer? _server;

    public BrowserFixture() : this(Repo.Root) { }

    /// <summary>For a fixture over another site (e.g. one of tests/sites): derive and pass its folder.</summary>
    protected BrowserFixture(string source)
    {
        _source = source;
        Output = Path.Combine(Path.GetTempPath(), "cchc-browser-" + Guid.NewGuid().ToString("N")[..8]);
    }

    /// <summary>The folder the site was built into.</summary>
    public string Output { get; }

    /// <summary>The build's result (diagnostics, page count).</summary>
    public BuildResult Build { get; private set; } = null!;

    /// <summary>"http://127.0.0.1:PORT/" — the site's root.</summary>
    public string BaseUrl => _server!.BaseUrl;

    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The absolute URL of a site path such as "en/" or "ke-hoach/2025/".</summary>
    public string Url(string path) => BaseUrl + path.TrimStart('/');

    /// <summary>A new page (own context) of the given viewport width, e.g. 1280 or 375.</summary>
    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            ReducedMotion = ReducedMotion.Reduce,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a full-page PNG under artifacts/screenshots/ at the repo root; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name)
    {
        var dir = Path.Combine(Repo.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        return file;
    }

    public async Task InitializeAsync()
    {
        Build = SiteBuilder.Run(new BuildOptions(_source, Output, Today: Today));
        if (!Build.Success)
            throw new InvalidOperationException("The site did not build:\n" + string.Join("\n", Build.Diagnostics.Select(d => d.ToString("en"))));
        _server = StaticServer.Start(Output, Quality.SampleSite.BasePath(_source));
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (.ci/run does it).");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
        _server?.Dispose();
        try { Directory.Delete(Output, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

/// <summary>Where things are: the repository root is the folder holding CchcPortal.sln.</summary>
/// <summary>
/// A tiny static file server for tests, like a plain web host: "dir/" → dir/index.html, "dir" → redirect to "dir/",
/// 404.html (status 404) for anything missing, content types by extension. GET and HEAD only.
/// </summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly string _root;

    private readonly string _alsoAt;

    private StaticServer(HttpListener listener, string root, int port, string alsoAt)
    {
        _listener = listener; _root = Path.GetFullPath(root); BaseUrl = $"http://127.0.0.1:{port}/"; _alsoAt = alsoAt;
        _ = Task.Run(Loop);
    }

    public string BaseUrl { get; }

    /// <summary>The Content-Security-Policy header for a path (none when null), as a real host configured by
    /// <c>_server/</c> or .htaccess sends it: see <c>ServerConfig.HeaderPolicyFor</c>.</summary>
    public Func<string, string?>? Policy { get; set; }

    /// <summary>Every path requested so far (for tests about what a page loads).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Serves <paramref name="root"/> at "/" and also at <paramref name="alsoAt"/> (base_url's path, e.g. "/cchc/"),
    /// where the 404 page's root-relative links point.</summary>
    public static StaticServer Start(string root, string alsoAt = "/")
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try { listener.Start(); return new StaticServer(listener, root, port, alsoAt); }
            catch (HttpListenerException) when (attempt < 10) { listener.Close(); }
        }
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public static string ContentType(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" or ".mjs" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".gif" => "image/gif",
        ".webp" => "image/webp",
        ".ico" => "image/x-icon",
        ".xml" => "application/xml; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".pdf" => "application/pdf",
        ".woff2" => "font/woff2",
        _ => "application/octet-stream",
    };

    /// <summary>The file a URL path maps to, or null (also for paths escaping the root).</summary>
    public string? Resolve(string urlPath, out bool redirectToSlash)
    {
        redirectToSlash = false;
        if (_alsoAt.Length > 1 && urlPath.StartsWith(_alsoAt, StringComparison.Ordinal)) urlPath = urlPath[(_alsoAt.Length - 1)..];
        var rel = Uri.UnescapeDataString(urlPath).TrimStart('/');
        var full = Path.GetFullPath(Path.Combine(_root, rel));
        if (!full.StartsWith(_root, StringComparison.Ordinal)) return null;
        if (Directory.Exists(full))
        {
            if (rel.Length > 0 && !rel.EndsWith('/')) { redirectToSlash = true; return null; }
            full = Path.Combine(full, "index.html");
        }
        return File.Exists(full) ? full : null;
    }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => Serve(ctx));
        }
    }

    private void Serve(HttpListenerContext ctx)
    {
        var res = ctx.Response;
        try
        {
            var path = ctx.Request.Url!.AbsolutePath;
            Requests.Enqueue(path);
            if (ctx.Request.HttpMethod is not ("GET" or "HEAD")) { res.StatusCode = 405; return; }
            var file = Resolve(path, out var redirect);
            if (redirect) { res.StatusCode = 301; res.RedirectLocation = path + "/"; return; }
            if (file is null)
            {
                res.StatusCode = 404;
                // The language's own 404 page (en/404.html) when there is one, else the root's.
                var first = path.TrimStart('/').Split('/')[0];
                file = first.Length > 0 && File.Exists(Path.Combine(_root, first, "404.html")) ? Path.Combine(_root, first, "404.html") : Path.Combine(_root, "404.html");
                if (!File.Exists(file)) return;
            }
            var bytes = File.ReadAllBytes(file);
            if (Policy?.Invoke(path) is { } policy) res.Headers["Content-Security-Policy"] = policy;
            res.ContentType = ContentType(file);
            res.ContentLength64 = bytes.Length;
            if (ctx.Request.HttpMethod == "GET") res.OutputStream.Write(bytes);
        }
        catch (Exception e) when (e is IOException or HttpListenerException or ObjectDisposedException) { }
        finally { try { res.Close(); } catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { } }
    }

    public void Dispose()
    {
        try { _listener.Stop(); _listener.Close(); } catch (ObjectDisposedException) { }
    }
}
