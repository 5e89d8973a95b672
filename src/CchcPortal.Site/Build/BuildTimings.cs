using System.Collections.Concurrent;
using System.Diagnostics;
using CchcPortal.Core.Diagnostics;

namespace CchcPortal.Site.Build;

/// <summary>
/// What CCHC_TIMINGS=1 adds to the build summary: each stage's time, each layout's and output's, JIT, GC pauses and
/// allocations. Off (the default), every method returns at once, so the build itself does not depend on it.
/// </summary>
internal sealed class BuildTimings
{
    public static bool Wanted => Environment.GetEnvironmentVariable("CCHC_TIMINGS") == "1";

    private readonly bool _on;
    private readonly Stopwatch _clock;
    private readonly TimeSpan _start;
    private readonly (long Allocated, TimeSpan Pause) _modelled;
    private (long Allocated, TimeSpan Pause) _rendered;
    private TimeSpan _renderedAt, _indexedAt, _besideDone;
    private bool _beside;
    private readonly ConcurrentDictionary<string, (long Ticks, long Bytes)> _perLayout = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _perOutput = new();

    public BuildTimings(Stopwatch clock, bool on)
    {
        _on = on;
        _clock = clock;
        _start = clock.Elapsed;
        if (on) _modelled = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
    }

    /// <summary>Where a page starts: a <see cref="Stopwatch"/> timestamp and the bytes its thread has allocated so far.</summary>
    public (long Ticks, long Bytes) PageStart() => _on ? (Stopwatch.GetTimestamp(), GC.GetAllocatedBytesForCurrentThread()) : default;

    /// <summary>A page of <paramref name="layout"/> took the time and allocations since <paramref name="started"/>.</summary>
    public void Page(string layout, (long Ticks, long Bytes) started)
    {
        // Only when asked for: it would otherwise add a contended update to every page.
        if (!_on) return;
        var spent = (Stopwatch.GetTimestamp() - started.Ticks, GC.GetAllocatedBytesForCurrentThread() - started.Bytes);
        _perLayout.AddOrUpdate(layout, spent, (_, v) => (v.Ticks + spent.Item1, v.Bytes + spent.Item2));
    }

    /// <summary>Runs an output, timed.</summary>
    public void Output(string name, Action run)
    {
        var began = Stopwatch.GetTimestamp();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        run();
        if (_on) _perOutput.Enqueue($"{name} {Stopwatch.GetElapsedTime(began).TotalMilliseconds:0} ms {(GC.GetAllocatedBytesForCurrentThread() - allocated) >> 20} MB");
    }

    /// <summary>The outputs running beside the rendering are done.</summary>
    public void BesideDone() { _beside = true; _besideDone = _clock.Elapsed; }

    public void Rendered()
    {
        _renderedAt = _clock.Elapsed;
        if (_on) _rendered = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration());
    }

    public void Indexed() => _indexedAt = _clock.Elapsed;

    /// <summary>The summary lines, or none when timings were not asked for.</summary>
    public IEnumerable<KeyValuePair<string, CchcPortal.Core.Diagnostics.Sentence>> Summary(PreparedSite site)
    {
        if (!_on) yield break;
        yield return new("layouts", Sentences.LayoutsLine.With(site.Renderer.Summary));
        yield return new("timings (ms)", Sentences.TimingsLine.With($"load+validate {site.LoadTime.TotalMilliseconds:0}, model {site.ModelTime.TotalMilliseconds:0}, " +
            $"render+write {(_renderedAt - _start).TotalMilliseconds:0}{(_beside ? $" (index beside it done at {(_besideDone - _start).TotalMilliseconds:0})" : "")}, index after {(_indexedAt - _renderedAt).TotalMilliseconds:0} ({string.Join(", ", _perOutput)}), swap {(_clock.Elapsed - _indexedAt).TotalMilliseconds:0}; " +
            string.Join(", ", _perLayout.OrderByDescending(kv => kv.Value.Ticks).Select(kv => $"{kv.Key} {Stopwatch.GetElapsedTime(0, kv.Value.Ticks).TotalMilliseconds:0} ms {kv.Value.Bytes >> 20} MB")) +
            $"; JIT {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:0} ms for {System.Runtime.JitInfo.GetCompiledMethodCount()} methods; GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} pause {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms (load+model {_modelled.Pause.TotalMilliseconds:0}, render+index {(_rendered.Pause - _modelled.Pause).TotalMilliseconds:0}), collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, " +
            $"allocated (MB) load+model {_modelled.Allocated >> 20}, render+index {(_rendered.Allocated - _modelled.Allocated) >> 20}, after {(GC.GetTotalAllocatedBytes() - _rendered.Allocated) >> 20}"));
    }
}
