using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Schema;

namespace CchcPortal.Core.Loading;

/// <summary>The text of one translation file (<c>x.en.md</c>): translated fields, the body, and report notes.</summary>
public sealed record Translation(string Language, string RelPath, IReadOnlyDictionary<string, string> Texts, string Body,
    IReadOnlyDictionary<string, string> TaskNotes, IReadOnlyDictionary<string, string> TargetNotes)
{
    /// <summary>A supervision's recommendations by their number: "1" is the text of recommendation 1, "1.answer" its answer's text.</summary>
    public IReadOnlyDictionary<string, string> RecommendationTexts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>All translations of a site, by the Vietnamese source file they translate.</summary>
public sealed class Translations
{
    /// <summary>Which keys a translation may give for each kind (the schema's translatable ones); the others are data.</summary>
    public static IReadOnlyList<string> TextKeys(ContentKind kind) => ContentSchema.Of(kind).TextKeys;

    private readonly Dictionary<string, List<Translation>> _bySource = new(StringComparer.Ordinal);

    public void Add(string sourceRelPath, Translation t)
    {
        lock (_bySource)
        {
            if (!_bySource.TryGetValue(sourceRelPath, out var list)) _bySource[sourceRelPath] = list = [];
            list.Add(t);
        }
    }

    public IReadOnlyList<Translation> Of(string sourceRelPath) => _bySource.TryGetValue(sourceRelPath, out var l) ? l : [];

    /// <summary>A field's Vietnamese text with its translations.</summary>
    public TranslatedText Text(string sourceRelPath, string key, string vi) => Localize(sourceRelPath, vi, t => t.Texts.GetValueOrDefault(key));

    public TranslatedText? OptionalText(string sourceRelPath, string key, string? vi) => vi is null ? null : Text(sourceRelPath, key, vi);

    public TranslatedText Body(string sourceRelPath, string vi) => Localize(sourceRelPath, vi, t => string.IsNullOrWhiteSpace(t.Body) ? null : t.Body);

    public TranslatedText Localize(string sourceRelPath, string vi, Func<Translation, string?> pick)
    {
        Dictionary<string, string>? map = null;
        foreach (var t in Of(sourceRelPath))
            if (pick(t) is { } s) (map ??= new(StringComparer.Ordinal))[t.Language] = s;
        return new TranslatedText(vi, map);
    }

    /// <summary>Reads a translation file's front matter; data keys are ignored with a warning.</summary>
    public static Translation Bind(ContentFile file, SourceDocument doc, IReadOnlyList<string> allKeys, DiagnosticBag bag)
    {
        var textKeys = TextKeys(file.Kind);
        var f = new Fields(doc.Yaml ?? new(), file.RelPath, doc.YamlFirstLine, bag, allKeys);
        foreach (var key in f.Keys.Where(k => !textKeys.Contains(k)).Order(StringComparer.Ordinal))
            bag.Add(Diagnostic.TranslationDataKey(f.KeyAt(key), key));
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in textKeys.Where(k => k is not ("tasks" or "targets" or "recommendations")))
            if (f.Has(key) && f.Text(key) is { } s) texts[key] = s;
        Dictionary<string, string> Notes(string key)
        {
            var notes = new Dictionary<string, string>(StringComparer.Ordinal);
            if (file.Kind != ContentKind.Report) return notes;
            var entries = ContentSchema.Report[key];
            foreach (var (id, at, e) in f.Entries(key, entries.EntryKeys, entries.IdKey!))
                if (e.Has("note") && e.Text("note") is { } note && !notes.TryAdd(id, note)) bag.Add(Diagnostic.DuplicateId(at, id, $"{key}.{id}"));
            return notes;
        }
        return new Translation(file.Language!, file.RelPath, texts, doc.Body, Notes("tasks"), Notes("targets"))
        {
            RecommendationTexts = file.Kind == ContentKind.Supervision ? RecommendationTexts(f, bag) : new Dictionary<string, string>(StringComparer.Ordinal),
        };
    }

    /// <summary>The English (or other) texts of a supervision's recommendations, by <c>no</c>; data keys beside them are ignored.</summary>
    private static Dictionary<string, string> RecommendationTexts(Fields f, DiagnosticBag bag)
    {
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var items = ContentSchema.Supervision["recommendations"];
        var lines = new Dictionary<int, int>();
        foreach (var r in f.Items("recommendations", items.Keys))
        {
            if (r.Integer("no", required: true) is not { } no) continue;
            if (!lines.TryAdd(no, r.At("no").Line)) { bag.Add(Diagnostic.DuplicateRecommendation(r.At("no"), no, lines[no])); continue; }
            var key = no.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (r.Has("text") && r.Text("text") is { } text) texts[key] = text;
            if (r.Map("answer", items["answer"].Keys) is { } a && a.Has("text") && a.Text("text") is { } answer) texts[key + ".answer"] = answer;
        }
        return texts;
    }
}
