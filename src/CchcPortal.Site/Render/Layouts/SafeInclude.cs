using Scriban;
using Scriban.Functions;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CchcPortal.Site.Render.Layouts;

/// <summary>Scriban's include, whose output is markup already escaped by the partial: marked as <see cref="Html"/>.</summary>
internal sealed class SafeInclude : IScriptCustomFunction
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
