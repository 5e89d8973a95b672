using System.Collections.Concurrent;
using CchcPortal.Core.Diagnostics;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CchcPortal.Site.Render;

/// <summary>
/// Renders pages through the theme's Scriban layouts: the page's layout, then <c>_base</c> around it.
/// Layouts are parsed once. Every value a layout writes is HTML-escaped unless it is <see cref="Html"/>.
/// </summary>
public sealed class PageRenderer
{
    private readonly Theme _theme;
    private readonly DiagnosticBag _bag;
    private readonly ConcurrentDictionary<string, Template?> _templates = new(StringComparer.Ordinal);
    private readonly Loader _loader;

    private readonly ThreadLocal<EscapingContext> _contexts;

    private readonly LayoutCompiler? _compiler;
    private int _compiledPages, _deopts;

    /// <summary>For the build summary: pages rendered by compiled layouts, and pages handed back to Scriban.</summary>
    public string CompiledSummary => $"{_compiledPages} pages by compiled layouts, {_deopts} re-rendered by Scriban; " +
        $"interpreted layouts: {string.Join(", ", _compiledLayouts.Where(kv => kv.Value is null).Select(kv => kv.Key).Order(StringComparer.Ordinal))}";
    private readonly ConcurrentDictionary<string, CompiledLayout?> _compiledLayouts = new(StringComparer.Ordinal);
    private readonly ThreadLocal<Buffers> _buffers = new(() => new Buffers());
    private readonly int _slotPage, _slotModel, _slotT;

    /// <param name="compile">Compile layouts to delegates where they allow it (see <see cref="LayoutCompiler"/>);
    /// false renders every page through Scriban's interpreter (tests compare the two).</param>
    /// <param name="caches">The prepared site's caches (layouts parsed); null: the renderer's own.</param>
    public PageRenderer(Theme theme, DiagnosticBag bag, Build.RenderCaches? caches = null, bool compile = true)
    {
        _theme = theme; _bag = bag; _loader = new Loader(this);
        _parsed = (caches ?? new Build.RenderCaches()).Layouts;
        _contexts = new ThreadLocal<EscapingContext>(NewContext);
        if (!compile) return;
        _compiler = new LayoutCompiler(Builtins, name => _partials.FirstOrDefault(p => p.Name == name).Template);
        (_slotPage, _slotModel, _slotT) = (_compiler.Slot("page"), _compiler.Slot("model"), _compiler.Slot("t"));
    }

    private EscapingContext NewContext()
    {
        var context = new EscapingContext(Builtins) { TemplateLoader = _loader, LoopLimit = 0, RecursiveLimit = 64, StrictVariables = false,
            // No cap on a page's length: Scriban's default (1 MiB) cut a unit page of a 200-plan site short with "...".
            LimitToString = 0 };
        context.PushOutput(new PageOutput());
        // Partials are parsed once for the whole build, not once per page.
        foreach (var (name, partial) in _partials) context.CachedTemplates[$"layouts/{name}.html"] = partial;
        return context;
    }

    private readonly Build.CarriedCache<(string Path, string Text), Template> _parsed;

    private Template? Layout(string name) => _templates.GetOrAdd(name, n =>
    {
        var path = $"layouts/{n}.html";
        var text = _theme.Read(path);
        if (text is null) { _bag.Error("CC0035", new($"themes/default/{path}"), $"missing layout {path}"); return null; }
        var template = _parsed.GetOrAdd((path, text), static key => Template.Parse(key.Text, key.Path));
        foreach (var m in template.Messages.Where(m => m.Type == ParserMessageType.Error))
            _bag.Error("CC0035", new($"themes/default/{path}", m.Span.Start.Line + 1, m.Span.Start.Column + 1), m.Message);
        return template.HasErrors ? null : template;
    });

    private IReadOnlyList<(string Name, Template Template)> _partials => _partialCache ??= _theme.List("layouts/")
        .Select(p => Path.GetFileNameWithoutExtension(p)).Where(n => n.StartsWith('_') && n != "_base")
        .Select(n => (n, Layout(n))).Where(x => x.Item2 is not null).Select(x => (x.n, x.Item2!)).ToList();
    private IReadOnlyList<(string, Template)>? _partialCache;

    public string? Render(PageJob job, Strings strings)
    {
        var inner = Run(job.Layout, job, strings, null);
        return inner is null || job.Standalone ? inner : Run("_base", job, strings, inner);
    }

    /// <summary>
    /// Renders a page and hands the finished HTML to <paramref name="write"/> as the renderer's own buffer, valid only
    /// during the call: the page is encoded to its file from there, without a page-sized string and byte array.
    /// </summary>
    public bool RenderTo(PageJob job, Strings strings, Action<PageText> write)
    {
        if (Compiled(job.Layout) is { } layout && Compiled("_base") is { } chrome)
        {
            var buffers = _buffers.Value!;
            try
            {
                if (job.Standalone)
                {
                    RunCompiled(layout, job, strings, buffers.Page, null);
                    write(new PageText(buffers.Page));
                    Interlocked.Increment(ref _compiledPages);
                    return true;
                }
                RunCompiled(layout, job, strings, buffers.Inner, null);
                var at = RunCompiled(chrome, job, strings, buffers.Page, buffers.Inner);
                write(at < 0 ? new PageText(buffers.Page) : new PageText(buffers.Page, buffers.Inner, at));
                Interlocked.Increment(ref _compiledPages);
                return true;
            }
            // A case the compiled layout leaves to Scriban (a member of a null value, an operator error): the page is
            // rendered again by the interpreter, which writes it or reports the error with its position.
            catch (LayoutCompiler.Deopt) { Interlocked.Increment(ref _deopts); }
            catch (ScriptRuntimeException) { Interlocked.Increment(ref _deopts); }
            finally { buffers.Inner.Clear(); buffers.Page.Clear(); }
        }
        var inner = Run(job.Layout, job, strings, null);
        if (inner is null) return false;
        if (job.Standalone) { write(new PageText(new System.Text.StringBuilder(inner))); return true; }
        var output = (PageOutput)_contexts.Value!.Output;
        output.Keep = true;
        try
        {
            if (Run("_base", job, strings, inner) is null) return false;
            write(new PageText(output.Builder));
            return true;
        }
        finally
        {
            output.Keep = false;
            output.Builder.Clear();
        }
    }

    /// <summary>
    /// The output of a thread's context. Scriban's Template.Render returns the page by calling ToString on the output
    /// (and clearing only its own StringBuilderOutput type): this one clears itself on ToString, or, while
    /// <see cref="Keep"/> is set, returns "" and keeps the page in <see cref="Builder"/> for <see cref="RenderTo"/>.
    /// </summary>
    private sealed class PageOutput : IScriptOutput
    {
        public readonly System.Text.StringBuilder Builder = new(16 * 1024);
        public bool Keep;
        public void Write(string text, int offset, int count) => Builder.Append(text, offset, count);
        public ValueTask WriteAsync(string text, int offset, int count, CancellationToken cancellationToken)
        {
            Builder.Append(text, offset, count);
            return default;
        }
        public override string ToString()
        {
            if (Keep) return "";
            var text = Builder.ToString();
            Builder.Clear();
            return text;
        }
    }

    /// <summary>Layouts compiled to delegates (null: interpreted by Scriban), when compiling is on.</summary>
    private CompiledLayout? Compiled(string name) =>
        _compiler is null ? null : _compiledLayouts.TryGetValue(name, out var done) ? done : _compiledLayouts.GetOrAdd(name, Compile);

    private CompiledLayout? Compile(string name) => Layout(name) is { } template ? _compiler!.Compile(name, template) : null;

    private sealed class Buffers
    {
        // One chunk each, large enough for most pages: a StringBuilder of several chunks drops them on Clear and
        // allocates them again for the next page.
        public readonly System.Text.StringBuilder Inner = new(128 * 1024), Page = new(32 * 1024);
    }

    /// <summary>Runs a compiled layout into <paramref name="output"/>; returns where <c>{{ content }}</c> goes in it (-1: nowhere).</summary>
    private int RunCompiled(CompiledLayout layout, PageJob job, Strings strings, System.Text.StringBuilder output, System.Text.StringBuilder? content)
    {
        var frame = new LayoutFrame(_contexts.Value!, output, _compiler!.SlotCount) { Content = content };
        frame.Globals[_slotPage] = job.Page;
        frame.Globals[_slotModel] = job.Model;
        frame.Globals[_slotT] = strings.Values;
        layout.Run(frame);
        return frame.ContentAt;
    }

    private string? Run(string layout, PageJob job, Strings strings, string? content)
    {
        var template = Layout(layout);
        if (template is null) return null;
        var globals = new ScriptObject
        {
            ["page"] = job.Page,
            ["model"] = job.Model,
            ["t"] = strings.Values,
            ["content"] = content is null ? null : new Html(content),
            ["include"] = SafeInclude.Instance,
        };
        // One context per thread for the whole build: Scriban caches its reflection over our view-model types
        // in the context, so a context per page would redo that work on every page.
        var context = _contexts.Value!;
        context.PushGlobal(globals);
        try { return template.Render(context); }
        catch (ScriptRuntimeException e)
        {
            _bag.Error("CC0035", new($"themes/default/layouts/{layout}.html", e.Span.Start.Line + 1, e.Span.Start.Column + 1), e.OriginalMessage);
            _contexts.Value = NewContext();
            return null;
        }
        finally
        {
            if (context.CurrentGlobal == globals) context.PopGlobal();
        }
    }

    /// <summary>Escapes every written value except <see cref="Html"/>, so content text can never inject markup.</summary>
    /// <summary>Scriban's built-in functions, made once: building them per page costs more than the page.</summary>
    private static readonly ScriptObject Builtins = new Scriban.Functions.BuiltinFunctions();

    private sealed class EscapingContext(ScriptObject builtins) : TemplateContext(builtins)
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is Html html) return Write(html.Value);
            return Write(Escape(ObjectToString(textAsObject)));
        }
    }

    /// <summary>
    /// Escapes only what HTML needs (&amp; &lt; &gt; &quot;): Vietnamese letters and the CSP's 'self' stay readable in the
    /// source. Safe because every layout quotes its attributes with double quotes (html-validate checks the output).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(EscapedChars) < 0) return text ?? "";
        var sb = new System.Text.StringBuilder(text.Length + 16);
        AppendEscaped(sb, text);
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> EscapedChars = System.Buffers.SearchValues.Create("&<>\"");

    /// <summary><see cref="Escape"/> straight into a buffer.</summary>
    public static void AppendEscaped(System.Text.StringBuilder sb, string text)
    {
        var rest = text.AsSpan();
        int i;
        while ((i = rest.IndexOfAny(EscapedChars)) >= 0)
        {
            sb.Append(rest[..i]).Append(rest[i] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => "&quot;" });
            rest = rest[(i + 1)..];
        }
        sb.Append(rest);
    }

    /// <summary>Scriban's include, whose output is markup already escaped by the partial: marked as <see cref="Html"/>.</summary>
    private sealed class SafeInclude : IScriptCustomFunction
    {
        public static readonly SafeInclude Instance = new();
        private readonly Scriban.Functions.IncludeFunction _inner = new();
        public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement)
        {
            // Fast path for `{{ include "_name" }}` as a statement (every include in our layouts, many per table row):
            // evaluate the partial, parsed once, straight into the caller's output. Scriban's own include renders
            // into a fresh buffer, copies it to a string, and we wrapped that in Html to write it back unescaped;
            // that was a quarter of the render time on large tables. The partial still runs in the same context
            // (same escaping Write, same variables, a local scope for its own locals), so the characters written are
            // the same. Scriban's auto-indent gives every statement an indent, "" in our layouts: the partial runs
            // without it, as in Scriban's include, and writing its output with an empty indent would add nothing.
            // Anything else (an include used as a value, a real indent, a missing partial) takes Scriban's path.
            if (arguments.Count == 1 && arguments[0] is string name && callerContext?.Parent is ScriptExpressionStatement
                && string.IsNullOrEmpty(context.CurrentIndent) && context.EnableOutput
                && context.CachedTemplates.TryGetValue($"layouts/{name}.html", out var template) && template.Page is { } page && !template.HasErrors)
            {
                var indent = context.CurrentIndent;
                context.CurrentIndent = null;
                if (indent is not null) context.ResetPreviousNewLine();
                context.EnterRecursive(callerContext);
                context.PushLocal();
                if (template.SourceFilePath is not null) context.PushSourceFile(template.SourceFilePath);
                try
                {
                    context.SetValue(ScriptVariable.Arguments, arguments, true, true);
                    if (context.Evaluate(page) is { } result) context.Write(page.Span, result);
                }
                finally
                {
                    if (template.SourceFilePath is not null) context.PopSourceFile();
                    context.PopLocal();
                    context.ExitRecursive(callerContext);
                    context.CurrentIndent = indent;
                }
                return null; // nothing more to write: the partial is already in the output
            }
            return new Html(_inner.Invoke(context, callerContext, arguments, blockStatement) as string ?? "");
        }
        public async ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
            new Html(await _inner.InvokeAsync(context, callerContext, arguments, blockStatement) as string ?? "");
        public int RequiredParameterCount => _inner.RequiredParameterCount;
        public int ParameterCount => _inner.ParameterCount;
        public ScriptVarParamKind VarParamKind => _inner.VarParamKind;
        public Type ReturnType => typeof(Html);
        public ScriptParameterInfo GetParameterInfo(int index) => _inner.GetParameterInfo(index);
    }

    /// <summary>Resolves <c>include "name"</c> to a layout of the theme.</summary>
    private sealed class Loader(PageRenderer owner) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => $"layouts/{templateName}.html";
        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => owner._theme.Read(templatePath) ?? "";
        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}
