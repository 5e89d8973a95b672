using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Site.Build;
using CchcPortal.Site.Editor;
using CchcPortal.Site.Output;
using CchcPortal.Site.Render;

namespace CchcPortal.Cli;

/// <summary><c>cchc serve</c>: build, serve on localhost, rebuild and reload the browser on save.</summary>
public static class Serve
{
    public static int Run(Arguments cli, TextWriter stdout, TextWriter stderr)
    {
        var temp = cli.Options.ContainsKey("output") ? null : Path.Combine(Path.GetTempPath(), $"cchc-serve-{Environment.ProcessId}");
        using var server = new DevServer(cli.Source, temp ?? cli.Output, cli.Port, cli.Lang, stdout, stderr, cli.TodayOption);
        try { server.Start(); }
        catch (HttpListenerException e)
        {
            stderr.WriteLine(Sentences.PortInUse.In(cli.Lang, cli.Port, e.Message));
            return 1;
        }
        stdout.WriteLine(Sentences.Serving.In(cli.Lang, server.Url));
        stdout.WriteLine(Sentences.EditorAt.In(cli.Lang, server.Url));
        // Ctrl+C (SIGINT) or a service manager's SIGTERM: stop serving, remove the temporary output, exit 0.
        using var stop = new ManualResetEventSlim();
        void OnSignal(System.Runtime.InteropServices.PosixSignalContext ctx) { ctx.Cancel = true; stop.Set(); }
        using (System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGINT, OnSignal))
        using (System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, OnSignal))
            stop.Wait();
        server.Dispose();
        if (temp is not null && Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        stdout.WriteLine(Sentences.Stopped.In(cli.Lang));
        return 0;
    }

    /// <summary>A free port on 127.0.0.1 (for tests and --port 0).</summary>
    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

/// <summary>
/// The preview server, on 127.0.0.1 only. It watches the sources and, after 30 ms of quiet, loads, checks and models
/// the site again (unchanged files are not parsed again): pages are then rendered from that model when the browser asks
/// for them, so a saved change shows as soon as the model is ready, whatever the size of the site. The whole site is
/// written to <c>output</c> behind, on one thread (a newer change cancels an unfinished write); other files (search
/// index, open data, assets) are served from there. While the content has an error, HTML requests get a page naming
/// the file and line. Writing starts after 1.5 s without a new change. A reload script is added to HTML as it is served
/// (never to the built files) and long-polls for the next model.
/// </summary>
public sealed class DevServer : IDisposable
{
    public const string ReloadScript = "/__cchc/reload.js";
    private const string WaitPath = "/__cchc/wait";
    private const string ErrorCss = "/__cchc/error.css";
    private const string ErrorStyle = """
        body { font: 1.0625rem/1.5 system-ui, sans-serif; margin: 0; background: #fff; color: #1d1d1d; }
        main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem; border-top: 0.5rem solid #b3261e; }
        h1 { color: #b3261e; font-size: 1.5rem; }
        li { margin-bottom: 1rem; }
        li p { margin: 0.25rem 0; }
        .at { font-weight: 700; background: #fdecea; padding: 0.1rem 0.3rem; word-break: break-all; }
        .code { color: #555; }
        """;
    private static readonly UTF8Encoding Utf8 = new(false);
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(30);

    private readonly string _source, _output, _lang;
    private readonly TextWriter _out, _err;
    private readonly HttpListener _listener = new();
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _changed = new(0);
    private readonly object _gate = new();
    private long _lastChange, _latestChange;
    private int _version;
    private IReadOnlyList<Diagnostic>? _errors;
    private Thread? _builder, _writer;
    /// <summary>The last good model, which pages are rendered from.</summary>
    private volatile PreparedSite? _live;
    /// <summary>The site the writer thread has yet to write, and the way to cancel the write in progress.</summary>
    private PreparedSite? _toWrite;
    private CancellationTokenSource? _writing;
    private readonly SemaphoreSlim _written = new(0);
    private long _lastModel;
    private static readonly TimeSpan WriteDelay = TimeSpan.FromSeconds(1.5);
    /// <summary>CCHC_TIMINGS=1: each rebuild's stages, files parsed and GC pauses, for the serve part of the benchmark.</summary>
    private static readonly bool Timings = Environment.GetEnvironmentVariable("CCHC_TIMINGS") == "1";
    // Unchanged content files are not read or parsed again on a rebuild.
    private readonly CchcPortal.Core.Loading.ParseCache _parsed = new();
    private readonly DateOnly? _today;

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/";
    /// <summary>Incremented after every build, good or bad; the reload script waits for it to change.</summary>
    public int Version => Volatile.Read(ref _version);
    /// <summary>Milliseconds from the first file event of a batch to the rebuilt site being served, for the last rebuild.</summary>
    public double LastRebuildMs { get; private set; }

    /// <param name="today">--today; null: today in Vietnam, taken again at every rebuild.</param>
    public DevServer(string source, string output, int port, string lang, TextWriter stdout, TextWriter stderr, DateOnly? today = null)
    {
        _source = Path.GetFullPath(source); _output = Path.GetFullPath(output); _lang = lang; _out = stdout; _err = stderr; _today = today;
        Port = port == 0 ? Serve.FreePort() : port;
        // Both names of the loopback address: HttpListener matches the Host header, and people type "localhost".
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add($"http://localhost:{Port}/");
    }

    public void Start()
    {
        // Watching starts before the first build, so a file saved while it runs is not missed.
        Watch();
        _parsed.Watching();
        // The first build is written in full before serving, as `cchc build` would.
        if (Refresh() is { } site) WriteSite(site, CancellationToken.None, threads: -1);
        _listener.Start();
        _builder = new Thread(BuildLoop) { IsBackground = true, Name = "cchc-rebuild" };
        _builder.Start();
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = "cchc-write" };
        _writer.Start();
        _ = Task.Run(AcceptLoop);
    }

    private static readonly string[] Watched = ["content", "static", "themes"];

    private void Watch()
    {
        // In the site folder itself only site.yaml counts: an output folder inside it (--output public) is renamed
        // into place by every write, which must not start another build.
        FileSystemWatcher? Add(string dir, bool recursive)
        {
            if (!Directory.Exists(dir)) return null;
            var w = new FileSystemWatcher(dir, "*") { IncludeSubdirectories = recursive, NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size };
            // A file written in place keeps the list of content files; one created, deleted or renamed changes it.
            void On(bool created, params string[] paths)
            {
                if (!recursive && !paths.Any(p => Path.GetFileName(p) == "site.yaml")) return;
                foreach (var p in paths) _parsed.Changed(p, created);
                Changed();
            }
            w.Changed += (_, e) => On(false, e.FullPath); w.Created += (_, e) => On(true, e.FullPath); w.Deleted += (_, e) => On(true, e.FullPath);
            w.Renamed += (_, e) => On(true, e.OldFullPath, e.FullPath);
            w.Error += (_, _) => { _parsed.Lost(); Changed(); }; // events lost: the next build checks every file
            w.EnableRaisingEvents = true;
            lock (_watchers) _watchers.Add(w);
            return w;
        }
        // The site folder itself (site.yaml, and content/, static/ or themes/ created while serving), then each of those.
        var root = Add(_source, recursive: false)!;
        void Folder(string full)
        {
            if (!Watched.Contains(Path.GetFileName(full)) || !Directory.Exists(full)) return;
            lock (_watchers) if (_watchers.Any(w => w.Path == full)) return;
            Add(full, recursive: true);
            _parsed.Lost(); // files may have been written into it before the watcher started: look at every file
            Changed();
        }
        root.Created += (_, e) => Folder(e.FullPath);
        root.Renamed += (_, e) => Folder(e.FullPath);
        foreach (var dir in Watched) Add(Path.Combine(_source, dir), recursive: true);
    }

    private void Changed()
    {
        Interlocked.CompareExchange(ref _lastChange, Stopwatch.GetTimestamp(), 0);
        Volatile.Write(ref _latestChange, Stopwatch.GetTimestamp());
        if (_changed.CurrentCount == 0) _changed.Release();
    }

    /// <summary>One rebuild at a time, after 30 ms without a new file event (an editor may write a file in several steps; a checkout writes many).</summary>
    private void BuildLoop()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                _changed.Wait(_stop.Token);
                while (Stopwatch.GetElapsedTime(Volatile.Read(ref _latestChange)) < Quiet) Thread.Sleep(5);
                var first = Interlocked.Exchange(ref _lastChange, 0);
                while (_changed.CurrentCount > 0) _changed.Wait(0);
                Build();
                if (first != 0)
                {
                    LastRebuildMs = Stopwatch.GetElapsedTime(first).TotalMilliseconds;
                    _out.WriteLine(Sentences.RebuiltAfterSave.In(_lang, LastRebuildMs.ToString("0", CultureInfo.CurrentCulture)));
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    private void Build()
    {
        // The site being written is out of date: stop writing it, so the new model gets both cores.
        lock (_gate) _writing?.Cancel();
        var site = Refresh();
        Volatile.Write(ref _lastModel, Stopwatch.GetTimestamp());
        // Then write the new site, or finish writing the last good one if the content now has an error.
        lock (_gate) if (site is not null) _toWrite = site;
        if (_written.CurrentCount == 0) _written.Release();
    }

    /// <summary>Load → Validate → Model with the parse cache; on success the new model is served at once.</summary>
    private PreparedSite? Refresh()
    {
        var clock = Stopwatch.StartNew();
        var (pause, gen1, gen2) = (GC.GetTotalPauseDuration(), GC.CollectionCount(1), GC.CollectionCount(2));
        var bag = new DiagnosticBag();
        PreparedSite? site;
        try { site = SiteBuilder.Prepare(new BuildOptions(_source, _output, Write: true, _today) { ParseCache = _parsed, Previous = _live?.Caches, LocalEditor = true }, bag); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still being written by the editor: the next event brings another build.
            _err.WriteLine($"cchc serve: {e.Message}");
            return null;
        }
        var diagnostics = bag.Sorted();
        lock (_gate)
        {
            _errors = site is null ? diagnostics.Where(d => d.Severity == Severity.Error).ToList() : null;
            if (site is not null) _live = site;
            _version++;
            Monitor.PulseAll(_gate);
        }
        Program.Report(diagnostics, _lang, _err);
        if (Timings && site is not null)
            _out.WriteLine($"  timings (ms): load+validate {site.LoadTime.TotalMilliseconds:0}, model {site.ModelTime.TotalMilliseconds:0}, " +
                $"files parsed {_parsed.LastParsed}, folder listed {(_parsed.LastListed ? "yes" : "no")}; GC pause {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds:0}, " +
                $"collections gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}");
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        _out.WriteLine(site is not null
            ? Sentences.Updated.In(_lang, site.Pages.Count, clock.ElapsedMilliseconds)
            : Sentences.ServeErrors.In(_lang, errors));
        return site;
    }

    /// <summary>Writes the newest model to <c>output</c> behind the server, one site at a time, on one core.</summary>
    private void WriteLoop()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                _written.Wait(_stop.Token);
                // Writing waits for a pause in editing: while someone saves file after file, every core goes to
                // showing each change (pages come from the model, not from the disk).
                while (Stopwatch.GetElapsedTime(Volatile.Read(ref _lastModel)) < WriteDelay) Thread.Sleep(50);
                PreparedSite? site;
                CancellationTokenSource cancel;
                lock (_gate)
                {
                    (site, _toWrite) = (_toWrite, null);
                    cancel = _writing = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                }
                if (site is null) continue;
                try { WriteSite(site, cancel.Token, threads: 1); }
                catch (OperationCanceledException) { lock (_gate) _toWrite ??= site; } // written again after the next model
                finally { lock (_gate) { _writing = null; cancel.Dispose(); } }
            }
        }
        catch (OperationCanceledException) { }
    }

    private void WriteSite(PreparedSite site, CancellationToken cancel, int threads)
    {
        try
        {
            var result = SiteBuilder.Write(site, _output, cancel: cancel, threads: threads);
            Program.Report(result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList(), _lang, _err);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { _err.WriteLine($"cchc serve: {e.Message}"); }
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested || !_listener.IsListening) { return; }
            catch (HttpListenerException) { continue; }
            _ = Task.Run(() =>
            {
                try { Handle(ctx); }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException or InvalidOperationException) { }
                finally { try { ctx.Response.Close(); } catch (Exception) { } }
            });
        }
    }

    private void Handle(HttpListenerContext ctx)
    {
        var res = ctx.Response;
        var path = Uri.UnescapeDataString(ctx.Request.Url?.AbsolutePath ?? "/");
        // The same policy as the written server configurations: /embed/ may also be framed by embed_origins.
        res.Headers["Content-Security-Policy"] = _live is { } site ? ServerConfig.HeaderPolicyFor(path, site.Context.Portal.Config) : ServerConfig.HeaderPolicy;
        res.Headers["Cache-Control"] = "no-store";
        if (path == ReloadScript) { Send(res, 200, "text/javascript; charset=utf-8", Utf8.GetBytes(ReloadJs)); return; }
        if (path == WaitPath) { Wait(ctx); return; }
        if (path == ErrorCss) { Send(res, 200, "text/css; charset=utf-8", Utf8.GetBytes(ErrorStyle)); return; }

        var errors = _errors;
        // Pages come from the live model, rendered now; everything else from the last site written.
        if (errors is null && _live is { } live && PagePath(path) is { } key)
        {
            if (live.Has(key) && live.Render(key) is { } page) { SendHtml(res, 200, page); return; }
            if (!key.EndsWith('/') && key.Length > 0 && live.Has(key + "/")) { res.StatusCode = 301; res.RedirectLocation = path + "/"; return; }
        }
        var file = Resolve(path, out var redirect);
        if (redirect is not null) { res.StatusCode = 301; res.RedirectLocation = redirect; return; }
        var isHtml = file is null || file.EndsWith(".html", StringComparison.Ordinal);
        if (errors is not null && isHtml) { SendHtml(res, 500, ErrorPage(errors)); return; }
        if (file is null)
        {
            var notFound = Path.Combine(_output, path.TrimStart('/').Split('/')[0], Routes.NotFound);
            if (!File.Exists(notFound)) notFound = Path.Combine(_output, Routes.NotFound);
            if (File.Exists(notFound)) SendHtml(res, 404, File.ReadAllText(notFound));
            else Send(res, 404, "text/plain; charset=utf-8", Utf8.GetBytes("404"));
            return;
        }
        // The editor is not reloaded when a save rebuilds the site: that would throw away what is being typed.
        if (isHtml && !EditorOutput.IsEditorPath(path)) SendHtml(res, 200, File.ReadAllText(file));
        else Send(res, 200, ContentType(file), File.ReadAllBytes(file));
    }

    /// <summary>"/ke-hoach/x/" or "/ke-hoach/x/index.html" → "ke-hoach/x/", the path of a page in the model.</summary>
    private static string? PagePath(string path)
    {
        if (path.Contains("..", StringComparison.Ordinal)) return null;
        var key = path.TrimStart('/');
        return key.EndsWith("index.html", StringComparison.Ordinal) && (key.Length == 10 || key[^11] == '/') ? key[..^10] : key;
    }

    /// <summary>Clean URLs: "/a/" → a/index.html; "/a" (a folder) → redirect to "/a/". Never outside the output folder.</summary>
    private string? Resolve(string path, out string? redirect)
    {
        redirect = null;
        var full = Path.GetFullPath(Path.Combine(_output, path.TrimStart('/')));
        if (!full.StartsWith(_output, StringComparison.Ordinal)) return null;
        if (Path.GetFileName(full).StartsWith('.') || path.Contains("/" + ServerConfig.Folder, StringComparison.Ordinal)) return null;
        if (Directory.Exists(full))
        {
            if (!path.EndsWith('/')) { redirect = path + "/"; return null; }
            full = Path.Combine(full, "index.html");
        }
        return File.Exists(full) ? full : null;
    }

    /// <summary>Long poll: answers when the build version differs from the one the page was served with (or after 25 s).</summary>
    private void Wait(HttpListenerContext ctx)
    {
        int.TryParse(ctx.Request.QueryString["v"], out var seen);
        var deadline = DateTime.UtcNow.AddSeconds(25);
        lock (_gate)
            while (_version == seen && !_stop.IsCancellationRequested && DateTime.UtcNow < deadline)
                Monitor.Wait(_gate, TimeSpan.FromSeconds(1));
        Send(ctx.Response, 200, "text/plain; charset=utf-8", Utf8.GetBytes(Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    private void SendHtml(HttpListenerResponse res, int status, string html) =>
        Send(res, status, "text/html; charset=utf-8", Utf8.GetBytes(Inject(html, Version)));

    /// <summary>Adds the reload script before &lt;/head&gt;: an external script from the same origin, so the page's CSP allows it.</summary>
    public static string Inject(string html, int version)
    {
        var tag = $"<script src=\"{ReloadScript}?v={version}\" defer></script>";
        var at = html.IndexOf("</head>", StringComparison.OrdinalIgnoreCase);
        return at < 0 ? html + tag : html.Insert(at, tag);
    }

    private static void Send(HttpListenerResponse res, int status, string type, byte[] body)
    {
        res.StatusCode = status;
        res.ContentType = type;
        res.ContentLength64 = body.Length;
        res.OutputStream.Write(body);
    }

    private const string ReloadJs = """
        (function () {
          var me = document.currentScript && new URL(document.currentScript.src).searchParams.get("v");
          var v = me || "0";
          function poll() {
            fetch("/__cchc/wait?v=" + v, { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (t) {
              if (t !== v) { location.reload(); return; }
              poll();
            }).catch(function () { setTimeout(poll, 1000); });
          }
          poll();
        })();
        """;

    /// <summary>The page shown instead of the site while the content has an error: in Vietnamese, file(line,col) and message.</summary>
    private string ErrorPage(IReadOnlyList<Diagnostic> errors)
    {
        var vi = _lang == "vi";
        var sb = new StringBuilder();
        sb.Append($"<!DOCTYPE html><html lang=\"{(vi ? "vi" : "en")}\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        sb.Append($"<title>{Sentences.ErrorPageTitle.In(_lang)} · cchc</title>");
        sb.Append($"<link rel=\"stylesheet\" href=\"{ErrorCss}\"></head><body>");
        sb.Append($"<main><h1>{Sentences.ErrorPageHeading.In(_lang, errors.Count)}</h1>");
        sb.Append($"<p>{Sentences.ErrorPageHelp.In(_lang)}</p><ol>");
        foreach (var d in errors)
        {
            var at = d.Location.Line > 0 ? $"{d.Location.File}({d.Location.Line},{Math.Max(d.Location.Column, 1)})" : d.Location.File;
            sb.Append($"<li><p><code class=\"at\">{Html.Escape(at)}</code> <span class=\"code\">{d.Code}</span></p><p>{Html.Escape(d.Message(_lang))}</p></li>");
        }
        sb.Append("</ol></main></body></html>");
        return sb.ToString();
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json; charset=utf-8",
        ".xml" => "application/xml; charset=utf-8",
        ".txt" => "text/plain; charset=utf-8",
        ".csv" => "text/csv; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".ico" => "image/x-icon",
        ".pdf" => "application/pdf",
        ".woff2" => "font/woff2",
        ".atom" => "application/atom+xml; charset=utf-8",
        ".html" => "text/html; charset=utf-8",
        ".yml" or ".yaml" => "text/yaml; charset=utf-8",
        _ => "application/octet-stream",
    };

    public void Dispose()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        lock (_gate) Monitor.PulseAll(_gate);
        foreach (var w in _watchers) w.Dispose();
        // Closing re-resolves "localhost" for its prefix and may try to bind again (seen in CI as "address already in
        // use"); the server is going away either way, so a failure to unregister is not an error.
        try { _listener.Stop(); _listener.Close(); } catch (Exception e) when (e is ObjectDisposedException or HttpListenerException) { }
        _builder?.Join(TimeSpan.FromSeconds(5));
        _writer?.Join(TimeSpan.FromSeconds(5));
    }
}
