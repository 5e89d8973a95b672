using System.Collections.Concurrent;

namespace CchcPortal.Core.Diagnostics;

/// <summary>Collects every problem of a run (thread-safe: files are loaded in parallel).</summary>
public sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Error(string code, SourceLocation at, params object?[] args) => _items.Enqueue(new(Severity.Error, code, at, args));
    public void Warning(string code, SourceLocation at, params object?[] args) => _items.Enqueue(new(Severity.Warning, code, at, args));
    public void Info(string code, SourceLocation at, params object?[] args) => _items.Enqueue(new(Severity.Info, code, at, args));

    /// <summary>Adds a diagnostic reported earlier (replayed from a cache).</summary>
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
