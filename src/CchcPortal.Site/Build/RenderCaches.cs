using System.Collections.Concurrent;
using CchcPortal.Site.Markdown;
using Scriban;

namespace CchcPortal.Site.Build;

/// <summary>
/// What rendering a site computes once and may reuse: Markdown bodies made HTML, layouts parsed. They belong to one
/// prepared site and go with it. <c>serve</c> hands the previous site's to the next one, which takes over the entries
/// it uses again (an unchanged file keeps its strings between rebuilds) and lets the others go with the old site.
/// </summary>
public sealed class RenderCaches(RenderCaches? previous = null)
{
    public MarkdownCache Markdown { get; } = new(previous?.Markdown);

    /// <summary>Layouts parsed, by path and text: the theme rarely changes between two rebuilds of serve.</summary>
    public CarriedCache<(string Path, string Text), Template> Layouts { get; } = new(EqualityComparer<(string, string)>.Default, previous?.Layouts);
}

/// <summary>
/// A cache that may start from the entries of another one: an entry missing here is taken from it (not made again)
/// when asked for. Only one generation back: the previous cache's own previous one is never looked at, so what
/// no build asks for any more is freed with the site that made it.
/// </summary>
public sealed class CarriedCache<TKey, TValue>(IEqualityComparer<TKey> comparer, CarriedCache<TKey, TValue>? previous = null) where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private readonly ConcurrentDictionary<TKey, TValue>? _previous = previous?._entries;

    public int Count => _entries.Count;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> make) =>
        _entries.TryGetValue(key, out var value) ? value
        : _entries.GetOrAdd(key, static (k, x) => x.Previous is not null && x.Previous.TryGetValue(k, out var old) ? old : x.Make(k), (Previous: _previous, Make: make));
}
