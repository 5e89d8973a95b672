using System.Collections.Concurrent;
using CchcPortal.Core.Diagnostics;

namespace CchcPortal.Core.Loading;

/// <summary>
/// Parsed content files kept by a long-running process (<c>cchc serve</c>) between builds, keyed by full path,
/// last write time and size: a file that did not change is not read, decoded, checked for legacy encodings or
/// parsed again. What its parse reported (warnings, errors) is reported again on every build, as if parsed anew.
/// Parsed documents are never modified after parsing, so one instance can serve many builds.
/// </summary>
public sealed class ParseCache
{
    private sealed record Entry(DateTime LastWrite, long Size, SourceDocument? Document, Diagnostic[] Diagnostics);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private (string Stamp, GitHistory History)? _history;

    /// <summary>The git history, loaded again only after a commit, checkout or reset (see <see cref="GitHistory.Stamp"/>).</summary>
    internal GitHistory History(string sourceDir)
    {
        var stamp = GitHistory.Stamp(sourceDir) ?? "";
        if (_history is { } known && known.Stamp == stamp) return known.History;
        var history = GitHistory.Load(sourceDir);
        _history = (stamp, history);
        return history;
    }

    /// <summary>A source file's typed record, made from the documents it was bound from (its own and its translations').</summary>
    private sealed record BoundEntry(SourceDocument Document, SourceDocument[] Translations, Bound Record, Diagnostic[] Diagnostics);
    private readonly ConcurrentDictionary<string, BoundEntry> _bound = new(StringComparer.Ordinal);

    /// <summary>Files parsed (not taken from the cache) by the last build, for the serve log and tests.</summary>
    public int LastParsed => _parsed;
    private int _parsed;
    /// <summary>Whether the last build listed the content folder (false: it took the list of the build before).</summary>
    public bool LastListed { get; private set; }

    // What a file watcher (serve) said since the last build: the files it saw change, and whether it may have lost events.
    private ConcurrentDictionary<string, bool> _changed = new(StringComparer.Ordinal);
    private int _lost;
    private volatile bool _watching;
    /// <summary>This build trusts the watcher: a cached file it did not report is not even asked for its stamp.</summary>
    private bool _trust;
    private IReadOnlyDictionary<string, bool> _changedNow = new Dictionary<string, bool>();

    /// <summary>
    /// A watcher now reports every change under the content folder (call before the first build): unchanged files
    /// then cost no file-system call at all on a rebuild, which on a large site is most of a rebuild's reading.
    /// </summary>
    public void Watching() => _watching = true;

    /// <summary>
    /// The watcher saw this file written (<paramref name="created"/> false) or created, deleted or renamed (true): a
    /// file created or removed makes the next build list the content folder again; a file written does not.
    /// </summary>
    public void Changed(string fullPath, bool created = true)
    {
        _changed[fullPath] = true;
        if (created) Interlocked.Exchange(ref _listChanged, 1);
    }

    // The content files found by the last build, and what finding them reported; listed again after a file was created,
    // deleted or renamed, or when the watcher may have lost events (listing 8,000 files is a third of a rebuild).
    private (string Key, ContentFile[] Files, Diagnostic[] Diagnostics)? _files;
    private int _listChanged = 1;

    /// <summary>The watcher may have missed events (its buffer overflowed): the next build checks every file's stamp.</summary>
    public void Lost() { Interlocked.Exchange(ref _lost, 1); Interlocked.Exchange(ref _listChanged, 1); }

    /// <summary>
    /// Starts a build: takes what the watcher reported since the last one, and the site's content files, listed by
    /// <paramref name="find"/> (under the same <paramref name="key"/>: folder and languages) or, when the watcher is
    /// trusted and saw no file created or removed, the last build's list, with what listing it reported.
    /// </summary>
    internal IReadOnlyList<ContentFile> StartBuild(string key, DiagnosticBag bag, Func<DiagnosticBag, ContentFile[]> find)
    {
        _parsed = 0;
        _changedNow = Interlocked.Exchange(ref _changed, new ConcurrentDictionary<string, bool>(StringComparer.Ordinal));
        _trust = _watching && Interlocked.Exchange(ref _lost, 0) == 0;
        var listChanged = Interlocked.Exchange(ref _listChanged, 0) == 1;
        if (_trust && !listChanged && _files is { } known && known.Key == key)
        {
            LastListed = false;
            return Replay(known.Files, known.Diagnostics, bag);
        }
        LastListed = true;
        var (files, diagnostics) = Fresh(find, bag);
        _files = (key, files, diagnostics);
        // Forget deleted files so the cache does not grow for ever.
        var live = files.Select(f => f.FullPath).ToHashSet(StringComparer.Ordinal);
        foreach (var path in _entries.Keys.Where(k => !live.Contains(k)).ToList()) _entries.TryRemove(path, out _);
        foreach (var path in _bound.Keys.Where(k => !live.Contains(k)).ToList()) _bound.TryRemove(path, out _);
        return files;
    }

    /// <summary>
    /// The record bound from these very documents last time (same instances: none of the files changed), with what
    /// binding reported; else binds again. Records are immutable, so one serves many builds.
    /// </summary>
    internal Bound GetOrBind(ContentFile file, SourceDocument document, SourceDocument[] translations, DiagnosticBag bag, Func<DiagnosticBag, Bound> bind)
    {
        if (_bound.TryGetValue(file.FullPath, out var hit) && ReferenceEquals(hit.Document, document)
            && hit.Translations.AsSpan().SequenceEqual(translations, ReferenceEqualityComparer.Instance))
            return Replay(hit.Record, hit.Diagnostics, bag);
        var (record, diagnostics) = Fresh(bind, bag);
        _bound[file.FullPath] = new BoundEntry(document, translations, record, diagnostics);
        return record;
    }

    /// <summary>Reports again what a cached parse or bind reported, and returns its result.</summary>
    private static T Replay<T>(T value, Diagnostic[] diagnostics, DiagnosticBag bag)
    {
        foreach (var d in diagnostics) bag.Add(d);
        return value;
    }

    /// <summary>Parses or binds with a bag of its own, reports what it said, and returns both to keep.</summary>
    private static (T Value, Diagnostic[] Diagnostics) Fresh<T>(Func<DiagnosticBag, T> make, DiagnosticBag bag)
    {
        var own = new DiagnosticBag();
        var value = make(own);
        var diagnostics = own.All.ToArray();
        return (Replay(value, diagnostics, bag), diagnostics);
    }

    internal SourceDocument? GetOrParse(ContentFile file, DiagnosticBag bag, Func<DiagnosticBag, SourceDocument?> parse)
    {
        if (_trust && !_changedNow.ContainsKey(file.FullPath) && _entries.TryGetValue(file.FullPath, out var known))
            return Replay(known.Document, known.Diagnostics, bag);
        FileInfo info;
        try { info = new FileInfo(file.FullPath); _ = info.Length; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return parse(bag); }
        // Stamp taken before reading: a save during the read leaves a newer stamp, so the next build parses again.
        var (lastWrite, size) = (info.LastWriteTimeUtc, info.Length);
        if (_entries.TryGetValue(file.FullPath, out var hit) && hit.LastWrite == lastWrite && hit.Size == size)
            return Replay(hit.Document, hit.Diagnostics, bag);
        Interlocked.Increment(ref _parsed);
        var (doc, diagnostics) = Fresh(parse, bag);
        _entries[file.FullPath] = new Entry(lastWrite, size, doc, diagnostics);
        return doc;
    }
}
