using System.Collections.Concurrent;

namespace CchcPortal.Core.Diagnostics;

/// <summary>Collects every problem of a run (thread-safe: files are loaded in parallel).</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    /// <summary>Reports a diagnostic, made by the factory of its code (<c>bag.Add(Diagnostic.UnknownUnit(…))</c>), or replayed from a cache.</summary>
    public void Add(Diagnostic diagnostic) => _items.Enqueue(diagnostic);

    /// <summary>Every diagnostic so far, in the order reported.</summary>
    public IEnumerable<Diagnostic> All => _items;

    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    /// <summary>Sorted by file, line, column, code: the same content always lists the same way.</summary>
    public IReadOnlyList<Diagnostic> Sorted() => _items
        .OrderBy(d => d.Location.File, StringComparer.Ordinal)
        .ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
        .ThenBy(d => d.Code, StringComparer.Ordinal)
        .ThenBy(d => d.Message("en"), StringComparer.Ordinal)
        .ToList();
}
