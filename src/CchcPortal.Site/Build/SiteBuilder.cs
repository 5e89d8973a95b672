using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Site.Output;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Build;

/// <summary>What every stage after the model reads: the portal, the theme, UI strings, hashed asset names.</summary>
public sealed class BuildContext(Portal portal, Theme theme, IReadOnlyDictionary<string, Strings> strings, DiagnosticBag bag, string source)
{
    public Portal Portal { get; } = portal;
    public Theme Theme { get; } = theme;
    public IReadOnlyDictionary<string, Strings> Strings { get; } = strings;
    public DiagnosticBag Bag { get; } = bag;
    public string Source { get; } = source;
    /// <summary>Asset names with a content hash (e.g. "assets/site.css" → "assets/site.1a2b3c4d.css").</summary>
    public Dictionary<string, string> Assets { get; } = new(StringComparer.Ordinal);
    /// <summary>Lines for the build summary, e.g. the search index size.</summary>
    public ConcurrentDictionary<string, string> Summary { get; } = new(StringComparer.Ordinal);
    /// <summary>Every page written, by path (language prefix included), for the sitemap and link checks. Without its view
    /// model: keeping 16,000 of those alive until the end made every young-generation collection slower.</summary>
    public ConcurrentBag<WrittenPage> Pages { get; } = [];
    /// <summary>Every plan, drafts included (the portal publishes no draft; the web editor edits them).</summary>
    public IReadOnlyList<Plan> AllPlans { get; init; } = [];
    /// <summary><c>cchc serve</c>: the web editor works on the local files, with or without <c>editor:</c> in site.yaml.</summary>
    public bool LocalEditor { get; init; }
}

/// <summary>
/// A page written, as the sitemap lists it: its path (language prefix included), layout and language, all strings the
/// build already holds. Its address and its twins' are derived from these when the sitemap is written (see
/// <see cref="Index.Sitemap"/>), so keeping 80,000 of them until the end adds almost nothing for the GC to move.
/// </summary>
public sealed record WrittenPage(string Path, string Layout, string Lang)
{
    public static WrittenPage Of(PageJob job) => new(job.Path, job.Layout, job.Page.Lang);
}

/// <summary>A stage that writes files derived from the model (search index, open data, sitemap, server config).</summary>
public interface ISiteOutput
{
    void Write(BuildContext context, SiteWriter writer);

    /// <summary>True for an output that lists the pages written (the sitemap): it runs after rendering. The others read
    /// only the model and run beside the rendering.</summary>
    bool ListsPages => false;
}

/// <summary>
/// One build, in the order a maintainer reads it: Load → Validate → Model → Render → Index → Write.
/// Diagnostics are collected all along; nothing is written when there is an error.
/// </summary>
public static class SiteBuilder
{
    /// <summary>The stages after rendering, each from the model, never from HTML.</summary>
    // Open data first: it also renders the "Dữ liệu mở" page, which the sitemap then lists.
    public static readonly List<Func<ISiteOutput>> Outputs =
    [
        () => new Index.OpenDataOutput(),
        () => new Index.Sitemap(),
        () => new ServerConfig(),
        () => new Editor.EditorOutput(),
        () => new Index.SearchIndexOutput(),
    ];

    public static BuildResult Run(BuildOptions options)
    {
        var clock = Stopwatch.StartNew();
        var bag = new DiagnosticBag();
        // check: Load + Validate only.
        if (!options.Write) return Done(bag, LoadAndValidate(options, bag) is not null, 0, null, clock);
        var site = Prepare(options, bag);
        return site is null ? Done(bag, false, 0, null, clock) : Write(site, options.Output, clock);
    }

    /// <summary>Load + Validate: the content, the theme and its strings; null when the content has errors.</summary>
    private static (SiteContent Content, Theme Theme, IReadOnlyDictionary<string, Strings> Strings)? LoadAndValidate(BuildOptions options, DiagnosticBag bag)
    {
        var today = options.Today ?? DateOnly.FromDateTime(DateTime.Now);
        var content = SiteLoader.Load(options.Source, bag, today, options.ParseCache);
        if (content is null) return null;
        var theme = new Theme(options.Source, content.Config.Theme);
        var strings = LoadStrings(content.Config, theme, bag);
        return bag.HasErrors ? null : (content, theme, strings);
    }

    /// <summary>
    /// Load → Validate → Model: a site ready to render any page, or null when the content has errors. <c>build</c>
    /// writes it (<see cref="Write"/>); <c>serve</c> renders pages from it on request.
    /// </summary>
    public static PreparedSite? Prepare(BuildOptions options, DiagnosticBag bag)
    {
        var clock = Stopwatch.StartNew();
        if (LoadAndValidate(options, bag) is not { } valid) return null;
        var (content, theme, strings) = valid;

        var loaded = clock.Elapsed;
        // Model
        var portal = ProgressRules.Build(content);
        var context = new BuildContext(portal, theme, strings, bag, options.Source) { AllPlans = content.Plans, LocalEditor = options.LocalEditor };
        foreach (var (path, bytes) in ThemeAssets(theme)) context.Assets[path] = HashedName(path, bytes);
        var renderer = new PageRenderer(theme, bag, options.CompileLayouts);
        // "Last updated" of each page from git (one git log for the site), formatted per language; none outside git.
        var history = content.History;
        var pages = portal.Config.Languages
            .SelectMany(lang => new Views(portal, strings[lang], context.Assets["assets/site.css"], context.Assets.GetValueOrDefault("assets/search.js"),
                source => history.OfPage(source, lang) is { } d ? CchcPortal.Core.Text.VnDate.Short(d, lang) : null).All())
            .ToList();
        return new PreparedSite(context, renderer, pages, loaded, clock.Elapsed - loaded);
    }

    /// <summary>Render → Index → Write: every page and every derived file, into a staging folder swapped in at the end.</summary>
    public static BuildResult Write(PreparedSite site, string output, Stopwatch? clock = null, CancellationToken cancel = default, int threads = -1)
    {
        clock ??= Stopwatch.StartNew();
        var start = clock.Elapsed;
        var context = site.Context;
        var bag = context.Bag;
        var (allocModelled, pauseModelled) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
        using var writer = new SiteWriter(output);
        WriteAssets(context, writer);

        // Per-layout timing only when asked for: it would otherwise add a contended update to every page.
        var timings = Environment.GetEnvironmentVariable("CCHC_TIMINGS") == "1";
        var perLayout = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        // Index: the outputs that read only the model (search index, open data) run on a thread of their own beside the
        // rendering, so the cores the rendering leaves idle (between pages, on its last large pages) do that work; those
        // that list the pages written (sitemap) run after it. serve's writer (one thread) runs them one after the other.
        var outputs = Outputs.Select(make => make()).ToList();
        var perOutput = new ConcurrentQueue<string>();
        void RunOutputs(IEnumerable<ISiteOutput> stages)
        {
            foreach (var stage in stages)
            {
                cancel.ThrowIfCancellationRequested();
                var began = Stopwatch.GetTimestamp();
                stage.Write(context, writer);
                if (timings) perOutput.Enqueue($"{stage.GetType().Name} {Stopwatch.GetElapsedTime(began).TotalMilliseconds:0}");
            }
        }
        var beside = outputs.Where(o => !o.ListsPages).ToList();
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? besideFailed = null;
        var besideDone = TimeSpan.Zero;
        var besideThread = threads == 1 ? null : new Thread(() =>
        {
            try { RunOutputs(beside); }
            catch (Exception e) { besideFailed = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
            besideDone = clock.Elapsed;
        }) { IsBackground = true, Name = "cchc index" };
        besideThread?.Start();

        // Render (parallel, no side effects but the file each page writes). Each page's view model is made on the thread
        // that renders it.
        var count = 0;
        try
        {
            Parallel.ForEach(site.Pages, new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, source =>
            {
                var started = Stopwatch.GetTimestamp();
                var job = source.Make();
                Interlocked.Increment(ref count);
                // The page goes from the renderer's buffer straight to its file (no page-sized string or byte array).
                var ok = site.Render(job, html => writer.WriteText(Routes.FileOf(job.Path), html));
                if (timings) perLayout.AddOrUpdate(job.Layout, Stopwatch.GetTimestamp() - started, (_, v) => v + Stopwatch.GetTimestamp() - started);
                if (!ok) return;
                context.Pages.Add(WrittenPage.Of(job));
            });
        }
        finally { besideThread?.Join(); } // also when rendering failed or was cancelled: the writer is disposed after it

        var rendered = clock.Elapsed;
        var (allocRendered, pauseRendered) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
        if (timings) context.Summary["layouts"] = site.Renderer.CompiledSummary;
        besideFailed?.Throw();
        if (besideThread is null) RunOutputs(beside);
        RunOutputs(outputs.Where(o => o.ListsPages));
        foreach (var file in context.Portal.StaticFiles) writer.Copy(file.RelativePath, file.FullPath);
        cancel.ThrowIfCancellationRequested();

        if (bag.HasErrors) return Done(bag, false, count, context, clock);
        var indexed = clock.Elapsed;
        writer.Commit();
        if (timings)
            context.Summary["timings (ms)"] = $"load+validate {site.LoadTime.TotalMilliseconds:0}, model {site.ModelTime.TotalMilliseconds:0}, " +
                $"render+write {(rendered - start).TotalMilliseconds:0}{(besideThread is null ? "" : $" (index beside it done at {(besideDone - start).TotalMilliseconds:0})")}, index after {(indexed - rendered).TotalMilliseconds:0} ({string.Join(", ", perOutput)}), swap {(clock.Elapsed - indexed).TotalMilliseconds:0}; " +
                string.Join(", ", perLayout.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} {Stopwatch.GetElapsedTime(0, kv.Value).TotalMilliseconds:0}")) +
                $"; JIT {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount()} methods; GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms (load+model {pauseModelled.TotalMilliseconds:0}, render+index {(pauseRendered - pauseModelled).TotalMilliseconds:0}), collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
                $"allocated (MB) load+model {allocModelled >> 20}, render+index {(allocRendered - allocModelled) >> 20}, after {(GC.GetTotalAllocatedBytes() - allocRendered) >> 20}";
        var result = Done(bag, true, count, context, clock);
        return result with { Files = writer.Files, Bytes = writer.Bytes };
    }

    private static BuildResult Done(DiagnosticBag bag, bool ok, int pages, BuildContext? context, Stopwatch clock) =>
        new(bag.Sorted(), ok, pages, 0, 0, clock.Elapsed,
            context?.Summary.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, string>());

    /// <summary>UI strings per language; a key present in one language and missing in another is a warning.</summary>
    public static IReadOnlyDictionary<string, Strings> LoadStrings(SiteConfig config, Theme theme, DiagnosticBag bag)
    {
        var raw = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var available = theme.List("i18n/").Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
        foreach (var lang in config.Languages)
        {
            var text = theme.Read($"i18n/{lang}.yaml");
            if (text is null) { bag.Error("CC0030", new("site.yaml"), lang, string.Join(", ", available)); raw[lang] = new Dictionary<string, string>(); continue; }
            raw[lang] = Strings.Parse($"themes/{config.Theme}/i18n/{lang}.yaml", text, bag);
        }
        foreach (var (a, b) in config.Languages.SelectMany(a => config.Languages.Where(b => b != a).Select(b => (a, b))))
            foreach (var key in raw[a].Keys.Where(k => !raw[b].ContainsKey(k)).Order(StringComparer.Ordinal))
                bag.Warning("CC0034", new($"themes/{config.Theme}/i18n/{b}.yaml"), key, a, b);
        var fallback = new Strings("en", raw.GetValueOrDefault("en") ?? new Dictionary<string, string>(), null);
        return config.Languages.ToDictionary(lang => lang, lang => new Strings(lang, raw[lang], lang == "en" ? null : fallback), StringComparer.Ordinal);
    }

    /// <summary>Theme assets, written under names carrying a hash of their content so hosts may cache them for ever.</summary>
    private static void WriteAssets(BuildContext context, SiteWriter writer)
    {
        foreach (var (path, bytes) in ThemeAssets(context.Theme)) writer.WriteBytes(context.Assets[path], bytes);
    }

    private static IEnumerable<(string Path, byte[] Bytes)> ThemeAssets(Theme theme) =>
        theme.List("assets/").Select(path => (path, theme.ReadBytes(path)!));

    /// <summary>"assets/site.css" → "assets/site.1a2b3c4d5e.css".</summary>
    private static string HashedName(string path, byte[] bytes)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..10];
        var ext = Path.GetExtension(path);
        return path[..^ext.Length] + "." + hash + ext;
    }
}

/// <summary>A site loaded, checked and modelled: what <c>build</c> writes, and what <c>serve</c> renders a page from on request.</summary>
public sealed class PreparedSite(BuildContext context, PageRenderer renderer, IReadOnlyList<PageSource> pages, TimeSpan loadTime, TimeSpan modelTime)
{
    private readonly Dictionary<string, PageSource> _byPath = pages.ToDictionary(p => p.Path, StringComparer.Ordinal);

    public BuildContext Context { get; } = context;
    public PageRenderer Renderer { get; } = renderer;
    /// <summary>Every page, Vietnamese first, then each other language.</summary>
    public IReadOnlyList<PageSource> Pages { get; } = pages;
    public TimeSpan LoadTime { get; } = loadTime;
    public TimeSpan ModelTime { get; } = modelTime;

    public bool Has(string path) => _byPath.ContainsKey(path);

    /// <summary>One page's HTML (path as in <see cref="PageSource.Path"/>), or null when there is no such page or a layout failed.</summary>
    public string? Render(string path)
    {
        if (!_byPath.TryGetValue(path, out var source)) return null;
        string? html = null;
        Render(source.Make(), page => html = page.ToString());
        return html;
    }

    /// <summary>Renders a page in its language; <paramref name="write"/> gets the renderer's buffers (see <see cref="PageText"/>).</summary>
    public bool Render(PageJob job, Action<PageText> write) => Renderer.RenderTo(job, Context.Strings[job.Page.Lang], write);
}
