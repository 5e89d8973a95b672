using CchcPortal.Core.Configuration;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Validation;

namespace CchcPortal.Core.Loading;

/// <summary>
/// Load: reads site.yaml, every content file and static/, in parallel, into typed records; then Validate
/// resolves the references between them. Everything wrong is reported in <see cref="DiagnosticBag"/>; nothing throws.
/// </summary>
public static class SiteLoader
{
    public static SiteContent? Load(string sourceDir, DiagnosticBag bag, DateOnly today) => Load(sourceDir, bag, today, null);

    /// <summary>As <see cref="Load(string, DiagnosticBag, DateOnly)"/>; with a cache, unchanged files are not parsed again.</summary>
    public static SiteContent? Load(string sourceDir, DiagnosticBag bag, DateOnly today, ParseCache? cache)
    {
        // Full paths from here on: opening a relative path costs a getcwd call per file.
        sourceDir = Path.GetFullPath(sourceDir);
        var config = SiteConfigLoader.Load(sourceDir, bag, today);
        if (config is null) return null;
        var translationLanguages = config.Languages.Skip(1).ToHashSet(StringComparer.Ordinal);

        ContentFile[] Find(DiagnosticBag into) => FindContentFiles(sourceDir, translationLanguages, into);
        var files = cache is null ? Find(bag)
            : cache.StartBuild($"{sourceDir}\n{string.Join(',', translationLanguages.Order(StringComparer.Ordinal))}", bag, Find);
        SourceDocument? ReadAndParse(ContentFile file) =>
            cache is null ? ReadAndParseFile(file, bag) : cache.GetOrParse(file, bag, into => ReadAndParseFile(file, into));

        // Translations first (the records of their sources are made with them), each in its file's slot: no lock.
        var translated = files.Where(f => f.Language is not null).ToList();
        var translatedDocs = new SourceDocument?[translated.Count];
        Parallel.For(0, translated.Count, i => translatedDocs[i] = ReadAndParse(translated[i]));
        var translations = new Translations();
        var sourcePaths = files.Where(f => f.Language is null).Select(f => f.RelPath).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < translated.Count; i++)
        {
            if (translatedDocs[i] is not { } doc) continue;
            var file = translated[i];
            if (!sourcePaths.Contains(file.SourceRelPath)) bag.Add(Diagnostic.TranslationWithoutSource(file.RelPath, file.SourceRelPath));
            translations.Add(file.SourceRelPath, Translations.Bind(file, doc, Binders.KeysOf(file.Kind), bag));
        }

        // Then every source file is read, parsed and bound on one thread, so that its YAML tree is garbage at once:
        // keeping all the trees until every file was parsed made the garbage collector copy them, a large part of the time.
        var sources = files.Where(f => f.Language is null).OrderBy(f => f.RelPath, StringComparer.Ordinal).ToList();
        var records = new Bound[sources.Count];
        // With a cache (serve), a file is bound again only when it or one of its translations changed.
        var translationDocs = translated.Select((file, i) => (file.SourceRelPath, Doc: translatedDocs[i])).Where(x => x.Doc is not null)
            .GroupBy(x => x.SourceRelPath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(x => x.Doc!).ToArray(), StringComparer.Ordinal);
        Parallel.For(0, sources.Count, i =>
        {
            var file = sources[i];
            var doc = ReadAndParse(file);
            records[i] = cache is not null && doc is not null
                ? cache.GetOrBind(file, doc, translationDocs.GetValueOrDefault(file.RelPath) ?? [], bag, into => Bind(file, doc, translations, into))
                : Bind(file, doc, translations, bag);
        });
        var staticFiles = Enumerate(Path.Combine(sourceDir, "static"))
            .Select(full => new StaticFile(Relative(Path.Combine(sourceDir, "static"), full), full))
            .OrderBy(s => s.RelativePath, StringComparer.Ordinal).ToList();

        var planDirs = files.Where(f => f.PlanId is not null).Select(f => f.PlanId!).Distinct().Order(StringComparer.Ordinal);
        var withPlanFile = files.Where(f => f.Kind == ContentKind.Plan).Select(f => f.PlanId).ToHashSet(StringComparer.Ordinal);
        foreach (var planId in planDirs.Where(id => !withPlanFile.Contains(id)))
            bag.Add(Diagnostic.PlanWithoutIndex(planId));

        var history = cache?.History(sourceDir) ?? GitHistory.Load(sourceDir);
        StaleTranslations.Check(files.Where(f => f.Language is not null && sourcePaths.Contains(f.SourceRelPath)), history, bag);
        var content = References.Resolve(config, new BoundFiles(records), staticFiles, history, bag);
        if (content is not null)
        {
            StaleAsOf.Check(content, today, bag);
            OverdueAnswers.Check(content, bag);
            Placeholders.Check(content, sourceDir, bag);
            SilentMoves.Check(content, bag);
        }
        return content;
    }

    /// <summary>The content files, in path order; a file that is not where the layout puts one, or badly named, is reported.</summary>
    private static ContentFile[] FindContentFiles(string sourceDir, IReadOnlyCollection<string> translationLanguages, DiagnosticBag bag)
    {
        var files = new List<ContentFile>();
        foreach (var full in Enumerate(Path.Combine(sourceDir, "content")))
        {
            var rel = Relative(sourceDir, full);
            if (ContentFile.Classify(rel, full, translationLanguages) is { } file) files.Add(file);
            else bag.Add(Diagnostic.OutsideStructure(rel, ContentFile.Layout));
        }
        foreach (var file in files.Where(f => !Ids.IsValid(f.Id)))
            bag.Add(Diagnostic.InvalidId(new(file.RelPath), Path.GetFileName(file.RelPath), Ids.Suggest(file.Id)));
        return [.. files];
    }

    private static SourceDocument? ReadAndParseFile(ContentFile file, DiagnosticBag into) =>
        SourceText.Read(file.FullPath, file.RelPath, into) is { } text ? SourceDocument.Parse(file.RelPath, text, into) : null;

    /// <summary>
    /// The typed record of a source file. A file that could not be read or bound still exists: other files may name it
    /// without a second error (see <see cref="Bound.Broken"/>).
    /// </summary>
    private static Bound Bind(ContentFile file, SourceDocument? doc, Translations translations, DiagnosticBag bag)
    {
        if (doc is null) return Bound.Broken.Of(file, null);
        var f = new Fields(doc.Yaml!, file.RelPath, doc.YamlFirstLine, bag, Binders.KeysOf(file.Kind));
        Bound? bound = file.Kind switch
        {
            ContentKind.Unit => new Bound.UnitFile(Binders.Unit(file, f, doc, translations)),
            ContentKind.Page => new Bound.PageFile(Binders.Page(file, f, doc, translations)),
            ContentKind.Plan => new Bound.PlanFile(Binders.Plan(file, f, doc, translations)),
            ContentKind.Target => new Bound.TargetFile(Binders.Target(file, f, doc, translations)),
            ContentKind.Task => Binders.Task(file, f, doc, translations) is { } task ? new Bound.TaskFile(task) : null,
            ContentKind.Report => Binders.Report(file, f, doc, translations),
            ContentKind.Supervision => Binders.Supervision(file, f, doc, translations) is { } s ? new Bound.SupervisionFile(s) : null,
            _ => null,
        };
        return bound ?? Bound.Broken.Of(file, doc);
    }

    private static IEnumerable<string> Enumerate(string dir) =>
        Directory.Exists(dir)
            ? Directory.EnumerateFiles(dir, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.Hidden })
                .Where(p => !Path.GetFileName(p).StartsWith('.')).Order(StringComparer.Ordinal)
            : [];

    public static string Relative(string baseDir, string full)
    {
        // Files found under baseDir start with it: cut it off (GetRelativePath normalises both paths first, per file).
        var prefix = baseDir.TrimEnd('/', '\\');
        if (full.Length > prefix.Length + 1 && full.StartsWith(prefix, StringComparison.Ordinal) && full[prefix.Length] is '/' or '\\'
            && !full.Contains("/./", StringComparison.Ordinal) && !full.Contains("/../", StringComparison.Ordinal))
            return full[(prefix.Length + 1)..].Replace('\\', '/');
        return Path.GetRelativePath(baseDir, full).Replace('\\', '/');
    }
}
