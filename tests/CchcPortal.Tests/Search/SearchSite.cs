using System.Net;
using System.Net.Sockets;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Site.Build;

namespace CchcPortal.Tests.Search;

/// <summary>The search test site (tests/sites/search): its model, and a build of it in a temporary folder.</summary>
public static class SearchSite
{
    public static string RepoRoot { get; } = FindRoot();
    public static string Source => Path.Combine(RepoRoot, "tests", "sites", "search");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CchcPortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("CchcPortal.sln not found above " + AppContext.BaseDirectory);
    }

    public static Portal Portal()
    {
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(Source, bag, new DateOnly(2025, 12, 20));
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return ProgressRules.Build(content!);
    }

    public static (string Output, BuildResult Result) Build()
    {
        var output = Path.Combine(Path.GetTempPath(), "cchc-search-" + Guid.NewGuid().ToString("N"));
        var result = SiteBuilder.Run(new BuildOptions(Source, output, Today: new DateOnly(2025, 12, 20)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return (output, result);
    }
}

/// <summary>A minimal static file server on 127.0.0.1 for browser tests: folders serve their index.html.</summary>
public sealed class StaticServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _root;
    public string BaseUrl { get; }

    public StaticServer(string root)
    {
        _root = Path.GetFullPath(root);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _ = Task.Run(Loop);
    }

    private async Task Loop()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext ctx;
            try { ctx = await _listener.GetContextAsync(); } catch { return; }
            try { Serve(ctx); } catch { try { ctx.Response.Abort(); } catch { } }
        }
    }

    private void Serve(HttpListenerContext ctx)
    {
        var path = Uri.UnescapeDataString(ctx.Request.Url!.AbsolutePath).TrimStart('/');
        var full = Path.GetFullPath(Path.Combine(_root, path));
        if (Directory.Exists(full)) full = Path.Combine(full, "index.html");
        if (!full.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(full))
        {
            ctx.Response.StatusCode = 404;
            ctx.Response.Close();
            return;
        }
        ctx.Response.ContentType = Path.GetExtension(full) switch
        {
            ".html" => "text/html; charset=utf-8", ".css" => "text/css", ".js" => "text/javascript",
            ".json" => "application/json", ".svg" => "image/svg+xml", _ => "application/octet-stream",
        };
        var bytes = File.ReadAllBytes(full);
        ctx.Response.ContentLength64 = bytes.Length;
        ctx.Response.OutputStream.Write(bytes);
        ctx.Response.Close();
    }

    public void Dispose() { _listener.Stop(); _listener.Close(); }
}
