using System.Collections.Concurrent;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Site.Build;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CchcPortal.Site.Render.Layouts;

/// <summary>
/// Scriban's interpreter: what a layout means. Layouts are parsed once; every value a layout writes is HTML-escaped
/// unless it is <see cref="Html"/>. The compiled renderer hands it every page it cannot finish.
/// </summary>
internal sealed class ScribanRenderer : IPageRenderer
{
    private readonly Theme _theme;
    private readonly DiagnosticBag _bag;
    private readonly ConcurrentDictionary<string, Template?> _templates = new(StringComparer.Ordinal);
    private readonly Loader _loader;
    private readonly ThreadLocal<EscapingContext> _contexts;
    private readonly CarriedCache<(string Path, string Text), Template> _parsed;
    private int _pages;

    public ScribanRenderer(Theme theme, DiagnosticBag bag, RenderCaches caches)
    {
        _theme = theme; _bag = bag; _loader = new Loader(this);
        _parsed = caches.Layouts;
        _contexts = new ThreadLocal<EscapingContext>(NewContext);
    }

    public string Summary => $"{_pages} pages by Scriban";

    /// <summary>This thread's context (one per thread for the whole build: Scriban caches its reflection over the view
    /// models in it). The compiled layouts write through it too, so both escape alike.</summary>
    internal TemplateContext Context => _contexts.Value!;

    private EscapingContext NewContext()
    {
        var context = new EscapingContext(Builtins)
        {
            TemplateLoader = _loader, LoopLimit = 0, RecursiveLimit = 64, StrictVariables = false,
            // No cap on a page's length: Scriban's default (1 MiB) cut a unit page of a 200-plan site short with "...".
            LimitToString = 0
        };
        context.PushOutput(new PageOutput());
        // Partials are parsed once for the whole build, not once per page.
        foreach (var (name, partial) in Partials) context.CachedTemplates[$"layouts/{name}.html"] = partial;
        return context;
    }

    /// <summary>A layout parsed (once), or null when it is missing or has a syntax error (reported).</summary>
    internal Template? Layout(string name) => _templates.GetOrAdd(name, n =>
    {
        var path = $"layouts/{n}.html";
        var text = _theme.Read(path);
        if (text is null) { LayoutError(path, default, $"missing layout {path}"); return null; }
        var template = _parsed.GetOrAdd((path, text), static key => Template.Parse(key.Text, key.Path));
        // The first syntax error only: Scriban's later messages follow from it ("Unexpected token <" after an unclosed
        // {{), and a staff member fixing the first sees the next, if any, on the next build.
        if (template.Messages.FirstOrDefault(m => m.Type == ParserMessageType.Error) is { } first) LayoutError(path, first.Span, first.Message);
        return template.HasErrors ? null : template;
    });

    /// <summary>The partials (layouts named <c>_x</c>, not <c>_base</c>), parsed once.</summary>
    internal IReadOnlyList<(string Name, Template Template)> Partials => _partialCache ??= _theme.List("layouts/")
        .Select(p => Path.GetFileNameWithoutExtension(p)).Where(n => n.StartsWith('_') && n != "_base")
        .Select(n => (n, Layout(n))).Where(x => x.Item2 is not null).Select(x => (x.n, x.Item2!)).ToList();
    private IReadOnlyList<(string, Template)>? _partialCache;

    /// <summary>Whether Scriban's "cannot parse `layouts/_x.html`" names a partial whose own error was reported.</summary>
    private bool PartialFailed(string message) =>
        _templates.Any(kv => kv.Value is null && message.Contains($"`layouts/{kv.Key}.html`", StringComparison.Ordinal));

    public bool RenderTo(PageJob job, Strings strings, Action<PageText> write)
    {
        Interlocked.Increment(ref _pages);
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
        var context = _contexts.Value!;
        context.PushGlobal(globals);
        try { return template.Render(context); }
        catch (ScriptRuntimeException e)
        {
            // A partial that does not parse is reported at its own file (Partials parses every one); the layout that
            // includes it would only repeat that ("Error while parsing template `layouts/_x.html`").
            if (!e.OriginalMessage.StartsWith("Error while parsing template", StringComparison.Ordinal) || !PartialFailed(e.OriginalMessage))
                LayoutError($"layouts/{layout}.html", e.Span, e.OriginalMessage);
            _contexts.Value = NewContext();
            return null;
        }
        finally
        {
            if (context.CurrentGlobal == globals) context.PopGlobal();
        }
    }

    /// <summary>
    /// A mistake in a layout, at the file it is in (the site's own theme or the built-in one; an included partial's
    /// own file), reported once however many pages (and threads) meet it.
    /// </summary>
    private void LayoutError(string layoutPath, SourceSpan span, string message)
    {
        var file = _theme.FileOf(string.IsNullOrEmpty(span.FileName) ? layoutPath : span.FileName);
        var at = span.FileName is null && span.Start.Line == 0 && span.Start.Column == 0 ? new SourceLocation(file) : new SourceLocation(file, span.Start.Line + 1, span.Start.Column + 1);
        if (_reported.TryAdd((at, message), 0)) _bag.Add(Diagnostic.LayoutError(at, message));
    }
    private readonly ConcurrentDictionary<(SourceLocation, string), byte> _reported = new();

    /// <summary>Scriban's built-in functions, made once: building them per page costs more than the page.</summary>
    internal static readonly ScriptObject Builtins = new Scriban.Functions.BuiltinFunctions();

    private sealed class EscapingContext(ScriptObject builtins) : TemplateContext(builtins)
    {
        public override TemplateContext Write(SourceSpan span, object? textAsObject)
        {
            if (textAsObject is Html html) return Write(html.Value);
            return Write(Html.Escape(ObjectToString(textAsObject)));
        }
    }

    /// <summary>Resolves <c>include "name"</c> to a layout of the theme.</summary>
    private sealed class Loader(ScribanRenderer owner) : ITemplateLoader
    {
        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => $"layouts/{templateName}.html";
        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => owner._theme.Read(templatePath) ?? "";
        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Load(context, callerSpan, templatePath));
    }
}
