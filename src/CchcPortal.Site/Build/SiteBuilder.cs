using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using CchcPortal.Site.Output;
using CchcPortal.Site.Render;
using CchcPortal.Site.Render.Layouts;

namespace CchcPortal.Site.Build;

/// <summary>What every stage after the model reads: the portal, the theme, UI strings, hashed asset names, the pages.</summary>
public sealed class BuildContext(Portal portal, Theme theme, IReadOnlyDictionary<string, Strings> strings, DiagnosticBag bag, string source)
{
    public Portal Portal { get; } = portal;
    public Theme Theme { get; } = theme;
    public IReadOnlyDictionary<string, Strings> Strings { get; } = strings;
    public DiagnosticBag Bag { get; } = bag;
    public string Source { get; } = source;
    /// <summary>Asset names with a content hash (e.g. "assets/site.css" → "assets/site.1a2b3c4d.css").</summary>
    public Dictionary<string, string> Assets { get; } = new(StringComparer.Ordinal);
    /// <summary>Lines for the build summary, e.g. the search index size, by a key that orders them; each line in both
    /// languages (<see cref="CchcPortal.Core.Diagnostics.Messages.Line"/>).</summary>
    public ConcurrentDictionary<string, Sentence> Summary { get; } = new(StringComparer.Ordinal);
    /// <summary>Every page of the site, every language, known before any is rendered (the sitemap lists them).</summary>
    public IReadOnlyList<PageSource> Pages { get; internal set; } = [];
    /// <summary>The open-data files as written, with their sizes: set by <see cref="Index.OpenDataOutput"/>, read by the
    /// open-data page, which is therefore rendered after the outputs (<see cref="PageSource.AfterOutputs"/>).</summary>
    public IReadOnlyList<Index.DataFile>? DataFiles { get; internal set; }
    /// <summary>Every plan, drafts included (the portal publishes no draft; the web editor edits them).</summary>
    public IReadOnlyList<Plan> AllPlans { get; init; } = [];
    /// <summary><c>cchc serve</c>: the web editor works on the local files, with or without <c>editor:</c> in site.yaml.</summary>
    public bool LocalEditor { get; init; }
}

/// <summary>A stage that writes files derived from the model (search index, open data, sitemap, server config). Each
/// reads only the model and the list of pages, so all run beside the rendering.</summary>
public interface ISiteOutput
{
    void Write(BuildContext context, SiteWriter writer);
}

/// <summary>
/// One build, in the order a maintainer reads it: Load → Validate → Model → Render → Index → Write.
/// Diagnostics are collected all along; nothing is written when there is an error.
/// </summary>
public static class SiteBuilder
{
    /// <summary>The outputs beside the pages, each from the model, never from HTML; they run in this order.</summary>
    public static readonly List<Func<ISiteOutput>> Outputs =
    [
        () => new Index.OpenDataOutput(),
        () => new Index.FollowFeeds(),
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
        if (!options.Write)
        {
            var valid = LoadAndValidate(options, bag);
            if (valid is not null) CchcPortal.Core.Configuration.SiteConfigLoader.Hints(valid.Value.Content.Config, bag);
            return Done(bag, valid is not null, 0, null, clock);
        }
        var site = Prepare(options, bag);
        return site is null ? Done(bag, false, 0, null, clock) : Write(site, options.Output, clock);
    }

    /// <summary>Load + Validate: the content, the theme and its strings; null when the content has errors.</summary>
    private static (SiteContent Content, Theme Theme, IReadOnlyDictionary<string, Strings> Strings, CchcPortal.Core.Rollup.RollupModel? Rollup)? LoadAndValidate(BuildOptions options, DiagnosticBag bag)
    {
        var today = options.Today ?? VnDate.Today();
        var content = SiteLoader.Load(options.Source, bag, today, options.ParseCache);
        if (content is null) return null;
        var theme = new Theme(options.Source, content.Config.Theme);
        var strings = LoadStrings(content.Config, theme, bag);
        Index.SearchVocabulary.Check(theme, bag);
        Markdown.BodyReferences.Check(content, options.Source, bag);
        // A province's roll-up reads its communes' copies (communes/, written by cchc fetch): offline.
        var rollup = content.Config.IsRollup ? CchcPortal.Core.Rollup.RollupLoader.Load(options.Source, content.Config, bag) : null;
        return bag.HasErrors ? null : (content, theme, strings, rollup);
    }

    /// <summary>
    /// Load → Validate → Model: a site ready to render any page, or null when the content has errors. <c>build</c>
    /// writes it (<see cref="Write"/>); <c>serve</c> renders pages from it on request.
    /// </summary>
    public static PreparedSite? Prepare(BuildOptions options, DiagnosticBag bag)
    {
        var clock = Stopwatch.StartNew();
        if (LoadAndValidate(options, bag) is not { } valid) return null;
        var (content, theme, strings, rollup) = valid;

        var loaded = clock.Elapsed;
        // Model
        var portal = ProgressRules.Build(content) with { Rollup = rollup };
        var context = new BuildContext(portal, theme, strings, bag, options.Source) { AllPlans = content.Plans, LocalEditor = options.LocalEditor };
        foreach (var (path, bytes) in ThemeAssets(theme)) context.Assets[path] = HashedName(path, bytes);
        var caches = new RenderCaches(options.Previous);
        var renderer = PageRenderer.Create(theme, bag, caches, options.CompileLayouts);
        // "Last updated" of each page from git (one git log for the site), formatted per language; none outside git.
        var history = content.History;
        context.Pages = portal.Config.Languages
            .SelectMany(lang => new Views(portal, strings[lang], context.Assets["assets/site.css"], context.Assets.GetValueOrDefault("assets/search.js"),
                caches.Markdown, source => history.OfPage(source, lang) is { } d ? CchcPortal.Core.Text.VnDate.Short(d, lang) : null,
                () => context.DataFiles ?? throw new InvalidOperationException("the open-data page is rendered after the open data"),
                context.Assets.GetValueOrDefault("assets/embed.css"), context.Assets.GetValueOrDefault("assets/sort.js")).All())
            .ToList();
        return new PreparedSite(context, renderer, caches, loaded, clock.Elapsed - loaded);
    }

    /// <summary>Render → Index → Write: every page and every derived file, into a staging folder swapped in at the end.</summary>
    public static BuildResult Write(PreparedSite site, string output, Stopwatch? clock = null, CancellationToken cancel = default, int threads = -1)
    {
        clock ??= Stopwatch.StartNew();
        var timings = new BuildTimings(clock, BuildTimings.Wanted);
        var context = site.Context;
        var bag = context.Bag;
        using var writer = new SiteWriter(output);
        WriteAssets(context, writer);

        // Index: the outputs read only the model and the list of pages, so they run on a thread of their own beside the
        // rendering, where they use the cores the rendering leaves idle (between pages, on its last large pages).
        // serve's writer (one thread) runs them after the pages.
        var outputs = Outputs.Select(make => make()).ToList();
        void RunOutputs()
        {
            foreach (var stage in outputs)
            {
                cancel.ThrowIfCancellationRequested();
                timings.Output(stage.GetType().Name, () => stage.Write(context, writer));
            }
        }
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? besideFailed = null;
        var besideThread = threads == 1 ? null : new Thread(() =>
        {
            try { RunOutputs(); }
            catch (Exception e) { besideFailed = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e); }
            timings.BesideDone();
        })
        { IsBackground = true, Name = "cchc index" };
        besideThread?.Start();

        // Render (parallel, no side effects but the file each page writes). Each page's view model is made on the thread
        // that renders it.
        var count = 0;
        void Render(IEnumerable<PageSource> pages) =>
            Parallel.ForEach(pages, new ParallelOptions { CancellationToken = cancel, MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }, source =>
            {
                var started = timings.PageStart();
                var job = source.Make();
                Interlocked.Increment(ref count);
                // The page goes from the renderer's buffer straight to its file (no page-sized string or byte array).
                site.Render(job, html => writer.WriteText(Routes.FileOf(job.Path), html));
                timings.Page(job.Layout, started);
            });
        try { Render(context.Pages.Where(p => !p.AfterOutputs)); }
        finally { besideThread?.Join(); } // also when rendering failed or was cancelled: the writer is disposed after it

        timings.Rendered();
        besideFailed?.Throw();
        if (besideThread is null) RunOutputs();
        // The pages that list what the outputs wrote (the open-data page and its file sizes).
        Render(context.Pages.Where(p => p.AfterOutputs));
        foreach (var file in context.Portal.StaticFiles) writer.Copy(file.RelativePath, file.FullPath);
        cancel.ThrowIfCancellationRequested();

        if (bag.HasErrors) return Done(bag, false, count, context, clock);
        timings.Indexed();
        writer.Commit();
        foreach (var (key, value) in timings.Summary(site)) context.Summary[key] = value;
        var result = Done(bag, true, count, context, clock);
        return result with { Files = writer.Files, Bytes = writer.Bytes };
    }

    private static BuildResult Done(DiagnosticBag bag, bool ok, int pages, BuildContext? context, Stopwatch clock) =>
        new(bag.Sorted(), ok, pages, 0, 0, clock.Elapsed,
            context?.Summary.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToDictionary(kv => kv.Key, kv => kv.Value) ?? new Dictionary<string, Sentence>());

    /// <summary>UI strings per language; a key present in one language and missing in another is a warning.</summary>
    public static IReadOnlyDictionary<string, Strings> LoadStrings(SiteConfig config, Theme theme, DiagnosticBag bag)
    {
        var raw = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        var available = theme.List("i18n/").Select(p => Path.GetFileNameWithoutExtension(p)).ToList();
        foreach (var lang in config.Languages)
        {
            var text = theme.Read($"i18n/{lang}.yaml");
            if (text is null) { bag.Add(Diagnostic.NoUiStrings(lang, available)); raw[lang] = new Dictionary<string, string>(); continue; }
            var strings = Strings.Parse(theme.FileOf($"i18n/{lang}.yaml"), text, bag);
            // A site's own string file may give only the strings it changes: the others stay the built-in theme's,
            // never shown as their keys.
            if (theme.IsOwn($"i18n/{lang}.yaml") && Theme.ReadBuiltIn($"i18n/{lang}.yaml") is { } builtIn)
                strings = Strings.Parse($"themes/default/i18n/{lang}.yaml", builtIn, bag).Where(kv => !strings.ContainsKey(kv.Key)).Concat(strings)
                    .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            raw[lang] = strings;
        }
        foreach (var (a, b) in config.Languages.SelectMany(a => config.Languages.Where(b => b != a).Select(b => (a, b))))
            foreach (var key in raw[a].Keys.Where(k => !raw[b].ContainsKey(k)).Order(StringComparer.Ordinal))
                bag.Add(Diagnostic.UiStringMissing(theme.FileOf($"i18n/{b}.yaml"), key, a, b));
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
public sealed class PreparedSite(BuildContext context, IPageRenderer renderer, RenderCaches caches, TimeSpan loadTime, TimeSpan modelTime)
{
    private readonly Dictionary<string, PageSource> _byPath = context.Pages.ToDictionary(p => p.Path, StringComparer.Ordinal);

    public BuildContext Context { get; } = context;
    public IPageRenderer Renderer { get; } = renderer;
    /// <summary>What this site has rendered (Markdown, parsed layouts); the next site of <c>serve</c> takes what it still uses.</summary>
    public RenderCaches Caches { get; } = caches;
    /// <summary>Every page, Vietnamese first, then each other language.</summary>
    public IReadOnlyList<PageSource> Pages => Context.Pages;
    public TimeSpan LoadTime { get; } = loadTime;
    public TimeSpan ModelTime { get; } = modelTime;

    /// <summary>A page that can be rendered from the model alone (the open-data page lists the files written: served from disk).</summary>
    public bool Has(string path) => _byPath.TryGetValue(path, out var page) && !page.AfterOutputs;

    /// <summary>One page's HTML (path as in <see cref="PageSource.Path"/>), or null when there is no such page or a layout failed.</summary>
    public string? Render(string path)
    {
        if (!Has(path)) return null;
        var job = _byPath[path].Make();
        return Renderer.Render(job, Context.Strings[job.Page.Lang]);
    }

    /// <summary>Renders a page in its language; <paramref name="write"/> gets the renderer's buffers (see <see cref="PageText"/>).</summary>
    public bool Render(PageJob job, Action<PageText> write) => Renderer.RenderTo(job, Context.Strings[job.Page.Lang], write);
}
