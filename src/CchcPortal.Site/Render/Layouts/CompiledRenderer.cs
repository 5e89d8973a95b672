using System.Collections.Concurrent;
using Scriban.Syntax;

namespace CchcPortal.Site.Render.Layouts;

/// <summary>
/// Layouts compiled to delegates (see <see cref="LayoutCompiler"/>): the same pages as Scriban's interpreter, faster.
/// A layout the compiler does not handle, and any page a compiled layout cannot finish (a member of a null value, an
/// operator error), is rendered by the interpreter, which writes it or reports the error at its place.
/// </summary>
internal sealed class CompiledRenderer : IPageRenderer
{
    private readonly ScribanRenderer _scriban;
    private readonly LayoutCompiler _compiler;
    private readonly ConcurrentDictionary<string, CompiledLayout?> _compiledLayouts = new(StringComparer.Ordinal);
    /// <summary>
    /// Buffers of the pages being rendered, taken and given back per page: as many sets as pages rendered at once, not
    /// one per thread the pool happens to run a page on (each set grows to the largest page it has held).
    /// </summary>
    private readonly ConcurrentBag<Buffers> _buffers = [];
    private readonly int _slotPage, _slotModel, _slotT;
    private int _compiledPages, _deopts;

    public CompiledRenderer(ScribanRenderer scriban)
    {
        _scriban = scriban;
        _compiler = new LayoutCompiler(ScribanRenderer.Builtins, name => _scriban.Partials.FirstOrDefault(p => p.Name == name).Template);
        (_slotPage, _slotModel, _slotT) = (_compiler.Slot("page"), _compiler.Slot("model"), _compiler.Slot("t"));
    }

    /// <summary>For the build summary: pages rendered by compiled layouts, and pages handed back to Scriban.</summary>
    public string Summary => $"{_compiledPages} pages by compiled layouts, {_deopts} re-rendered by Scriban; " +
        $"interpreted layouts: {string.Join(", ", _compiledLayouts.Where(kv => kv.Value is null).Select(kv => kv.Key).Order(StringComparer.Ordinal))}";

    public bool RenderTo(PageJob job, Strings strings, Action<PageText> write)
    {
        if (Compiled(job.Layout) is { } layout && Compiled("_base") is { } chrome)
        {
            if (!_buffers.TryTake(out var buffers)) buffers = new Buffers();
            try
            {
                if (job.Standalone)
                {
                    RunCompiled(layout, job, strings, buffers.PageFrame.Start(_scriban.Context, buffers.Page, null, _compiler.SlotCount));
                    write(new PageText(buffers.Page));
                    Interlocked.Increment(ref _compiledPages);
                    return true;
                }
                RunCompiled(layout, job, strings, buffers.InnerFrame.Start(_scriban.Context, buffers.Inner, null, _compiler.SlotCount));
                var at = RunCompiled(chrome, job, strings, buffers.PageFrame.Start(_scriban.Context, buffers.Page, buffers.Inner, _compiler.SlotCount));
                write(at < 0 ? new PageText(buffers.Page) : new PageText(buffers.Page, buffers.Inner, at));
                Interlocked.Increment(ref _compiledPages);
                return true;
            }
            catch (LayoutCompiler.Deopt) { Interlocked.Increment(ref _deopts); }
            catch (ScriptRuntimeException) { Interlocked.Increment(ref _deopts); }
            finally { buffers.Reset(); _buffers.Add(buffers); }
        }
        return _scriban.RenderTo(job, strings, write);
    }

    /// <summary>Layouts compiled to delegates (null: interpreted by Scriban), when compiling is on.</summary>
    private CompiledLayout? Compiled(string name) =>
        _compiledLayouts.TryGetValue(name, out var done) ? done : _compiledLayouts.GetOrAdd(name, Compile);

    private CompiledLayout? Compile(string name) => _scriban.Layout(name) is { } template ? _compiler.Compile(name, template) : null;

    private sealed class Buffers
    {
        // One chunk each, large enough for most pages and small enough to stay off the large object heap (85,000
        // bytes), whose allocations bring on full collections.
        private int _innerSize = 40_000, _pageSize = 32 * 1024;
        public System.Text.StringBuilder Inner { get; private set; }
        public System.Text.StringBuilder Page { get; private set; }
        public readonly LayoutFrame InnerFrame = new(), PageFrame = new();

        public Buffers() => (Inner, Page) = (new(_innerSize), new(_pageSize));

        /// <summary>
        /// Empties the buffers for the next page. A buffer a large page made grow (in chunks of 8,000 chars) becomes one
        /// chunk of the next power of two: StringBuilder.Clear would keep its capacity in one new array each time a
        /// larger page came, megabytes on the large object heap, and dropping it would grow the chunks again for every
        /// large page. The whole-site pages come first, so a buffer grows once or twice in a build.
        /// </summary>
        public void Reset()
        {
            Inner = Emptied(Inner, ref _innerSize);
            Page = Emptied(Page, ref _pageSize);
        }

        private static System.Text.StringBuilder Emptied(System.Text.StringBuilder b, ref int size)
        {
            if (b.Capacity == size) return b.Clear(); // still the one chunk it was made with
            size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)b.Length);
            return new(size);
        }
    }

    /// <summary>Runs a compiled layout in a started frame; returns where <c>{{ content }}</c> goes in its output (-1: nowhere).</summary>
    private int RunCompiled(CompiledLayout layout, PageJob job, Strings strings, LayoutFrame frame)
    {
        frame.Globals[_slotPage] = job.Page;
        frame.Globals[_slotModel] = job.Model;
        frame.Globals[_slotT] = strings.Values;
        layout.Run(frame);
        return frame.ContentAt;
    }

}
