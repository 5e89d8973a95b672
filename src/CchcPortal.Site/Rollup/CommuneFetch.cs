using System.Diagnostics;
using System.Net;
using System.Text.Json;
using CchcPortal.Core.Configuration;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Rollup;

namespace CchcPortal.Site.Rollup;

/// <summary>What <c>cchc fetch</c> takes: the roll-up's folder, the limits per commune, how many at a time.</summary>
public sealed record FetchOptions(string Source, string Lang = "vi")
{
    /// <summary>How long one commune may take, its data package and every file it lists together.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>How many bytes one commune may send, all files together.</summary>
    public long MaxBytes { get; init; } = 50L * 1024 * 1024;
    /// <summary>How many communes are fetched at once.</summary>
    public int Parallel { get; init; } = 4;
    public DateOnly? Today { get; init; }
    /// <summary>Tests: the HTTP handler (the default one otherwise).</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>From the command line's options: --timeout SECONDS, --max-size MB, --parallel N (the defaults otherwise).</summary>
    public static FetchOptions From(string source, string lang, IReadOnlyDictionary<string, string> options, DateOnly? today)
    {
        var o = new FetchOptions(source, lang) { Today = today };
        if (options.TryGetValue("timeout", out var t) && int.TryParse(t, out var seconds) && seconds > 0) o = o with { Timeout = TimeSpan.FromSeconds(seconds) };
        if (options.TryGetValue("max-size", out var m) && int.TryParse(m, out var mb) && mb > 0) o = o with { MaxBytes = mb * 1024L * 1024 };
        if (options.TryGetValue("parallel", out var p) && int.TryParse(p, out var n) && n > 0) o = o with { Parallel = n };
        return o;
    }
}

/// <summary>How one commune's fetch ended.</summary>
public sealed record FetchedCommune(CommuneSource Source, string? Id, int Files, long Bytes, Diagnostic? Warning);

/// <summary>
/// <c>cchc fetch</c>: copies each commune's open data (its <c>data/datapackage.json</c> and every file it lists) into
/// <c>communes/&lt;id&gt;/data/</c>, over HTTP(S), a few communes at a time, each within a time and a size limit. A copy is
/// written into a temporary folder, checked against the package's own Table Schemas, and only then swapped in; a commune
/// that cannot be reached, answers with an error, is too slow or too large, or sends invalid data is a warning naming it,
/// and its last good copy stays as it was.
/// </summary>
public static class CommuneFetch
{
    public const string Folder = RollupLoader.Folder;
    /// <summary>Beside each copy: the address it came from (so a listed address finds its folder again).</summary>
    public const string SourceFile = "source.json";

    private static readonly Sentence NoCopyYet = new("Chưa có bản sao nào: cổng tổng hợp chưa có xã này.", "There is no copy yet: the roll-up leaves it out.");
    private static Sentence Kept(string id, DateOnly? asOf) => asOf is { } d
        ? new($"Bản sao trước (communes/{id}/, số liệu ngày {d:dd/MM/yyyy}) được giữ nguyên.", $"The previous copy (communes/{id}/, data as of {d:yyyy-MM-dd}) is kept.")
        : new($"Bản sao trước (communes/{id}/) được giữ nguyên.", $"The previous copy (communes/{id}/) is kept.");

    /// <summary>The command: reads site.yaml, fetches every commune, prints a line per commune and the warnings; exit 0 unless site.yaml is wrong.</summary>
    public static int Run(FetchOptions options, TextWriter stdout, TextWriter stderr)
    {
        var bag = new DiagnosticBag();
        var config = SiteConfigLoader.Load(options.Source, bag, options.Today ?? Core.Text.VnDate.Today());
        if (config is null || bag.HasErrors)
        {
            foreach (var d in bag.Sorted()) stderr.WriteLine(d.ToString(options.Lang));
            return 1;
        }
        if (!config.IsRollup)
        {
            stderr.WriteLine(Sentences.FetchNotRollup.In(options.Lang));
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var done = 0;
        var results = Fetch(config, options, r =>
        {
            var k = Interlocked.Increment(ref done);
            var line = r.Warning is null
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, Sentences.FetchFetched.In(options.Lang), k, config.Communes.Count, r.Id, r.Files, r.Bytes / 1024)
                : string.Format(System.Globalization.CultureInfo.InvariantCulture, Sentences.FetchNotFetched.In(options.Lang), k, config.Communes.Count, r.Source.Url, r.Warning.Code);
            lock (stdout) stdout.WriteLine(line);
        });
        foreach (var w in results.Where(r => r.Warning is not null).Select(r => r.Warning!).Concat(bag.Sorted())) stderr.WriteLine(w.ToString(options.Lang));
        stdout.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, Sentences.FetchSummary.In(options.Lang),
            results.Count(r => r.Warning is null), results.Count, results.Count(r => r.Warning is not null), clock.Elapsed.TotalSeconds));
        return 0;
    }

    /// <summary>Fetches every commune of <paramref name="config"/>, <see cref="FetchOptions.Parallel"/> at a time, in the list's order.</summary>
    public static IReadOnlyList<FetchedCommune> Fetch(SiteConfig config, FetchOptions options, Action<FetchedCommune>? progress = null)
    {
        var root = Path.Combine(options.Source, Folder);
        Directory.CreateDirectory(root);
        var copies = ExistingCopies(root);
        using var http = new HttpClient(options.Handler ?? new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All, PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
            disposeHandler: options.Handler is null)
        { Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.UserAgent.ParseAdd("cchc-fetch/1.0 (+https://github.com/cchc-portal)");
        var results = new FetchedCommune[config.Communes.Count];
        System.Threading.Tasks.Parallel.ForEach(Enumerable.Range(0, config.Communes.Count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Parallel) }, i =>
        {
            var source = config.Communes[i];
            results[i] = One(http, source, root, copies.TryGetValue(source.Url, out var copy) ? copy : null, options);
            progress?.Invoke(results[i]);
        });
        return results;
    }

    /// <summary>The copies already in communes/, by the address they came from: (folder id, its as-of date).</summary>
    public static Dictionary<string, (string Id, DateOnly? AsOf)> ExistingCopies(string root) =>
        RollupLoader.Copies(root).ToDictionary(kv => kv.Key, kv => (kv.Value, File.Exists(Path.Combine(root, kv.Value, "data", "datapackage.json"))
            ? CommunePackage.Parse(File.ReadAllBytes(Path.Combine(root, kv.Value, "data", "datapackage.json")), out _)?.AsOf : null), StringComparer.OrdinalIgnoreCase);

    /// <summary>The address a copy came from (its source.json), or null.</summary>
    public static string? ReadSource(string dir)
    {
        var file = Path.Combine(dir, SourceFile);
        if (!File.Exists(file)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            return doc.RootElement.TryGetProperty("url", out var u) ? u.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    private static readonly Lock SwapLock = new();

    private sealed class TooLarge : Exception;
    private sealed class Invalid(Sentence problem) : Exception { public Sentence Problem { get; } = problem; }

    private static FetchedCommune One(HttpClient http, CommuneSource source, string root, (string Id, DateOnly? AsOf)? existing, FetchOptions options)
    {
        var temp = Path.Combine(root, $".fetch-{Guid.NewGuid():N}");
        var name = existing?.Id ?? new Uri(source.Url).Authority;
        var kept = existing is { } e ? Kept(e.Id, e.AsOf) : NoCopyYet;
        using var cancel = new CancellationTokenSource(options.Timeout);
        long total = 0;
        // One retry of a request that failed before any answer (a kept-alive connection the server had just closed):
        // within the commune's same time limit.
        byte[] Get(string relative)
        {
            var before = total;
            try { return GetOnce(relative); }
            catch (HttpRequestException e) when (e.StatusCode is null && !cancel.IsCancellationRequested)
            {
                total = before;
                return GetOnce(relative);
            }
        }
        byte[] GetOnce(string relative)
        {
            var url = new Uri(new Uri(source.Url), string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)));
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            using var response = http.Send(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
            if (!response.IsSuccessStatusCode) throw new HttpRequestException($"HTTP {(int)response.StatusCode} {response.ReasonPhrase} ({relative})", null, response.StatusCode);
            if (response.Content.Headers.ContentLength is { } length && total + length > options.MaxBytes) throw new TooLarge();
            using var stream = response.Content.ReadAsStream(cancel.Token);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.ReadAsync(chunk, cancel.Token).AsTask().GetAwaiter().GetResult()) > 0)
            {
                total += read;
                if (total > options.MaxBytes) throw new TooLarge();
                buffer.Write(chunk, 0, read);
            }
            return buffer.ToArray();
        }
        try
        {
            var packageBytes = Get("data/datapackage.json");
            var package = CommunePackage.Parse(packageBytes, out var problem) ?? throw new Invalid(problem!);
            name = package.Name;
            var files = new List<(string Path, byte[] Bytes)> { ("data/datapackage.json", packageBytes) };
            foreach (var resource in package.Resources)
            {
                var bytes = Get("data/" + resource.Path);
                if (CommunePackage.Validate(bytes, resource) is { } bad)
                    throw new Invalid(new($"data/{resource.Path} dòng {bad.Line}: {bad.Problem.Vi}", $"data/{resource.Path} line {bad.Line}: {bad.Problem.En}"));
                files.Add(("data/" + resource.Path, bytes));
            }
            foreach (var (path, bytes) in files)
            {
                var target = Path.Combine(temp, path);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.WriteAllBytes(target, bytes);
            }
            using (var f = File.Create(Path.Combine(temp, SourceFile)))
            using (var w = new Utf8JsonWriter(f, new JsonWriterOptions { Indented = true }))
            {
                w.WriteStartObject();
                w.WriteString("url", source.Url);
                w.WriteEndObject();
            }
            string id;
            lock (SwapLock)
            {
                // Two communes of the same name (in different provinces, or a commune listed under two addresses) keep
                // apart: the second's folder also carries its host.
                id = existing?.Id is { } known && known.StartsWith(package.Id, StringComparison.Ordinal) ? known : package.Id;
                if (ReadSource(Path.Combine(root, id)) is { } owner && !string.Equals(owner, source.Url, StringComparison.OrdinalIgnoreCase))
                    id = package.Id + "-" + Core.Loading.Ids.Suggest(new Uri(source.Url).Authority);
                Swap(root, temp, id, existing?.Id);
            }
            return new FetchedCommune(source, id, files.Count, total, null);
        }
        catch (TooLarge)
        {
            return new FetchedCommune(source, existing?.Id, 0, total, Diagnostic.CommuneTooLarge(source.At, name, source.Url, options.MaxBytes / (1024 * 1024), kept));
        }
        catch (Invalid bad)
        {
            return new FetchedCommune(source, existing?.Id, 0, total, Diagnostic.CommuneInvalid(source.At, name, source.Url, bad.Problem, kept));
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or TimeoutException)
        {
            var reason = ex switch
            {
                OperationCanceledException => new Sentence($"quá {options.Timeout.TotalSeconds:0} giây mà chưa xong", $"not done within {options.Timeout.TotalSeconds:0} seconds"),
                HttpRequestException { StatusCode: not null } h => (Sentence)h.Message,
                _ => new Sentence($"không kết nối được ({(ex.InnerException ?? ex).Message})", $"no connection ({(ex.InnerException ?? ex).Message})"),
            };
            return new FetchedCommune(source, existing?.Id, 0, total, Diagnostic.CommuneUnreachable(source.At, name, source.Url, reason, kept));
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>
    /// Puts the checked copy in place of the last one: the old folder is renamed aside, the new one renamed in, the old one
    /// deleted. A reader sees the whole old copy or the whole new one, never a mix. A commune whose name changed moves folder.
    /// </summary>
    private static void Swap(string root, string temp, string id, string? previousId)
    {
        var target = Path.Combine(root, id);
        string? aside = null;
        if (Directory.Exists(target))
        {
            aside = Path.Combine(root, $".old-{Guid.NewGuid():N}");
            Directory.Move(target, aside);
        }
        Directory.Move(temp, target);
        if (aside is not null) Directory.Delete(aside, recursive: true);
        if (previousId is not null && previousId != id && Directory.Exists(Path.Combine(root, previousId)))
            Directory.Delete(Path.Combine(root, previousId), recursive: true);
    }
}

