using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Runtime.Accessors;
using Scriban.Syntax;

namespace CchcPortal.Site.Render.Layouts;

/// <summary>
/// Compiles a parsed Scriban layout into a tree of delegates, so a page is rendered without Scriban's interpreter:
/// no scope objects per page, variables in slots fixed at compile time, members read through getters compiled once
/// per type (no reflection per page), values escaped straight into the page's buffer.
/// <para>
/// Only the part of Scriban that layouts of this kind use is compiled: text, <c>{{ value }}</c>, <c>if/else</c>,
/// <c>for … in … end</c>, assignments to plain variables, member and index access, operators and
/// <c>include "partial"</c>. A layout with anything else (pipes, functions, <c>for.index</c>, <c>capture</c>,
/// indented statements…) is not compiled and Scriban interprets it, so any layout a site writes still works. Where
/// Scriban's own semantics matter (truth, operators, converting a value to text, members of dictionaries and lists)
/// the compiled code calls Scriban's own functions. A case the compiled code does not handle at run time (a member of
/// a null value, an operator error) throws <see cref="Deopt"/>, and the page is rendered again by Scriban, which
/// reports the error exactly as before.
/// </para>
/// </summary>
internal sealed class LayoutCompiler(ScriptObject builtins, Func<string, Template?> partials)
{
    /// <summary>Thrown by compiled code for a case it leaves to Scriban's interpreter.</summary>
    public sealed class Deopt : Exception;

    private static readonly Deopt DeoptInstance = new();
    private static readonly string[] Reserved = ["include", "for", "while", "tablerow", "this", "empty", "blank", "$"];

    private readonly object _lock = new();
    private readonly Dictionary<string, int> _slots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CompiledLayout?> _compiled = new(StringComparer.Ordinal);
    private readonly HashSet<string> _compiling = new(StringComparer.Ordinal);

    private volatile int _slotCount;

    /// <summary>The number of variable slots a frame needs for every layout compiled so far.</summary>
    public int SlotCount => _slotCount;

    public int Slot(string name) { lock (_lock) return SlotOf(name); }

    private int SlotOf(string name)
    {
        if (_slots.TryGetValue(name, out var i)) return i;
        _slots[name] = i = _slots.Count;
        _slotCount = _slots.Count;
        return i;
    }

    /// <summary>The compiled layout, or null when it uses something only Scriban's interpreter does.</summary>
    public CompiledLayout? Compile(string name, Template template)
    {
        lock (_lock) return CompileLocked(name, template);
    }

    private CompiledLayout? CompileLocked(string name, Template template)
    {
        if (_compiled.TryGetValue(name, out var done)) return done;
        if (!_compiling.Add(name)) return null; // an include cycle: left to Scriban, which reports it
        try
        {
            CompiledLayout? result = null;
            if (template.Page is { FrontMatter: null, Body: { } body } && !template.HasErrors)
            {
                try { result = new CompiledLayout(Block(body)); }
                catch (NotSupportedException) { result = null; }
            }
            _compiled[name] = result;
            return result;
        }
        finally { _compiling.Remove(name); }
    }

    private static NotSupportedException No(ScriptNode node) => new(node.GetType().Name);

    // ---- statements ------------------------------------------------------------------------------------------

    private Action<LayoutFrame> Block(ScriptBlockStatement block)
    {
        var steps = new List<Action<LayoutFrame>>();
        foreach (var statement in block.Statements)
        {
            switch (statement)
            {
                case ScriptEscapeStatement escape:
                    // Scriban indents what a statement writes after a newline by the whitespace before its "{{";
                    // layouts that rely on that are left to Scriban.
                    if (!string.IsNullOrEmpty(escape.Indent)) throw No(escape);
                    continue;
                case ScriptNopStatement or ScriptEndStatement:
                    continue;
                case ScriptRawStatement raw:
                    var text = raw.Text.ToString();
                    if (text.Length > 0) steps.Add(f => f.Output.Append(text));
                    continue;
                case ScriptExpressionStatement { Expression: ScriptAssignExpression assign }:
                    steps.Add(Assign(assign));
                    continue;
                case ScriptExpressionStatement { Expression: ScriptFunctionCall call }:
                    steps.Add(Include(call));
                    continue;
                case ScriptExpressionStatement { Expression: ScriptVariableGlobal { Name: "content" } }:
                    steps.Add(f => f.WriteContent());
                    continue;
                case ScriptExpressionStatement { Expression: { } expression }:
                    var value = Expr(expression);
                    steps.Add(f => f.Write(value(f)));
                    continue;
                case ScriptIfStatement conditional:
                    steps.Add(If(conditional));
                    continue;
                case ScriptForStatement loop:
                    steps.Add(For(loop));
                    continue;
                default:
                    throw No(statement);
            }
        }
        var all = steps.ToArray();
        return all.Length switch
        {
            0 => _ => { }
            ,
            1 => all[0],
            _ => f => { foreach (var step in all) step(f); }
            ,
        };
    }

    private Action<LayoutFrame> If(ScriptIfStatement node)
    {
        var condition = Condition(node.Condition ?? throw No(node));
        var then = node.Then is null ? null : Block(node.Then);
        Action<LayoutFrame>? otherwise = node.Else switch
        {
            null => null,
            ScriptIfStatement elseIf => If(elseIf),
            ScriptElseStatement { Body: null } => null,
            ScriptElseStatement { Body: { } body } => Block(body),
            var other => throw No(other),
        };
        return f =>
        {
            if (condition(f)) then?.Invoke(f);
            else otherwise?.Invoke(f);
        };
    }

    private Func<LayoutFrame, bool> Condition(ScriptExpression node)
    {
        var value = Expr(node);
        var span = node.Span;
        // A flag is its own truth (most conditions read one); anything else is judged by Scriban.
        return f => value(f) is var v && v is bool flag ? flag : f.Context.ToBool(span, v);
    }

    private Action<LayoutFrame> For(ScriptForStatement node)
    {
        if (node.NamedArguments is { Count: > 0 } || node.SetContinue || node.Variable is not ScriptVariableGlobal variable || IsReserved(variable.Name))
            throw No(node);
        var slot = SlotOf(variable.Name);
        var items = Expr(node.Iterator ?? throw No(node));
        var body = node.Body is null ? null : Block(node.Body);
        var otherwise = node.Else?.Body is { } e ? Block(e) : null;
        return f =>
        {
            var value = items(f);
            if (value is null) return;
            if (value is not IEnumerable list || value is System.Linq.IQueryable) throw DeoptInstance;
            // A loop variable hides a global of the same name until the loop ends, as in Scriban.
            var (savedValue, savedDepth) = (f.LoopValues[slot], f.LoopDepth[slot]);
            f.LoopDepth[slot] = savedDepth + 1;
            var position = f.Loop = new LoopPosition(f.Loop);
            try
            {
                foreach (var item in list)
                {
                    position.Index++;
                    f.LoopValues[slot] = item;
                    body?.Invoke(f);
                }
            }
            finally
            {
                (f.LoopValues[slot], f.LoopDepth[slot]) = (savedValue, savedDepth);
                f.Loop = position.Outer;
            }
            var entered = position.Index >= 0;
            if (!entered) otherwise?.Invoke(f);
        };
    }

    private Action<LayoutFrame> Assign(ScriptAssignExpression node)
    {
        if (node.EqualToken.TokenType != TokenType.Equal || node.Target is not ScriptVariableGlobal target || IsReserved(target.Name)
            || target.Name is "page" or "model" or "t" or "content" || builtins.ContainsKey(target.Name))
            throw No(node);
        var slot = SlotOf(target.Name);
        var value = Expr(node.Value ?? throw No(node));
        return f => f.Globals[slot] = value(f);
    }

    /// <summary><c>include "name"</c> as a statement: the partial runs in the same frame, as Scriban's include does.</summary>
    private Action<LayoutFrame> Include(ScriptFunctionCall call)
    {
        if (call.Target is not ScriptVariableGlobal { Name: "include" } || call.Arguments is not [ScriptLiteral { Value: string name }])
            throw No(call);
        var template = partials(name) ?? throw No(call);
        var partial = CompileLocked(name, template) ?? throw No(call);
        return partial.Run;
    }

    // ---- expressions -----------------------------------------------------------------------------------------

    private Func<LayoutFrame, object?> Expr(ScriptExpression node)
    {
        switch (node)
        {
            case ScriptLiteral literal:
                var constant = literal.Value;
                return _ => constant;
            case ScriptNestedExpression { Expression: { } inner }:
                return Expr(inner);
            case ScriptVariableGlobal variable:
                if (IsReserved(variable.Name) || variable.Name == "content" || builtins.ContainsKey(variable.Name)) throw No(node);
                var slot = SlotOf(variable.Name);
                return f => f.Read(slot);
            case ScriptMemberExpression { Target: ScriptVariableGlobal { Name: "for" }, Member.Name: var name }:
                Func<LoopPosition, object> read = name switch
                {
                    "index" => p => p.Index,
                    "first" => p => p.Index == 0,
                    "even" => p => p.Index % 2 == 0,
                    "odd" => p => p.Index % 2 == 1,
                    _ => throw No(node),
                };
                return f => f.Loop is { } position ? read(position) : throw DeoptInstance;
            case ScriptMemberExpression { Target: { } target, Member: { } member } m:
                return Member(Expr(target), member.Name, member.Span, m.DotToken.TokenType == TokenType.QuestionDot);
            case ScriptIndexerExpression { Target: { } target, Index: { } index } ix:
                return Indexer(Expr(target), Expr(index), ix.Span, index.Span);
            case ScriptBinaryExpression { Left: { } left, Right: { } right } binary:
                return Binary(binary, left, right);
            case ScriptUnaryExpression { Operator: ScriptUnaryOperator.Not, Right: { } operand }:
                var not = Condition(operand);
                return f => !not(f);
            // `text | string.replace "{0}" value`, as the theme formats "122 days overdue" on every overdue row: Scriban's
            // own function, without a scope object and an interpreted call per row. A null anywhere is Scriban's.
            case ScriptPipeCall { From: { } from, To: ScriptFunctionCall { Target: ScriptMemberExpression { Target: ScriptVariableGlobal { Name: "string" }, Member.Name: "replace" }, Arguments: [{ } match, { } with] } }:
                var (text, what, by, interpreted) = (Expr(from), Expr(match), Expr(with), Island(node));
                return f => text(f) is { } x && what(f) is { } y && by(f) is { } z
                    ? Scriban.Functions.StringFunctions.Replace(Text(f, x), Text(f, y), Text(f, z))
                    : interpreted(f);
            default:
                return Island(node);
        }
    }

    /// <summary>A value passed to a function's string parameter, converted as Scriban converts it.</summary>
    private static string Text(LayoutFrame f, object value) => value as string ?? f.Context.ObjectToString(value) ?? "";

    /// <summary>
    /// An expression the compiler does not know (a pipe, a function call, a conditional…) is evaluated by Scriban's
    /// interpreter, with the variables it reads passed in from the frame.
    /// </summary>
    private Func<LayoutFrame, object?> Island(ScriptExpression node)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        FreeVariables(node, names);
        var reads = names.Where(n => !builtins.ContainsKey(n)).Select(n => (Name: n, Slot: SlotOf(n))).ToArray();
        return f =>
        {
            var variables = new ScriptObject();
            foreach (var (name, slot) in reads) variables[name] = f.Read(slot);
            f.Context.PushGlobal(variables);
            try { return f.Context.Evaluate(node); }
            finally { f.Context.PopGlobal(); }
        };
    }

    /// <summary>The variables an expression reads; one that assigns, or reads a loop's or a function's own variables, is not compiled.</summary>
    private static void FreeVariables(ScriptNode node, ISet<string> names)
    {
        switch (node)
        {
            case ScriptMemberExpression member:
                if (member.Target is { } target) FreeVariables(target, names); // the member's name is not a variable
                return;
            case ScriptVariableGlobal variable:
                if (IsReserved(variable.Name) || variable.Name == "content") throw No(node);
                names.Add(variable.Name);
                return;
            case ScriptVariable or ScriptAssignExpression or ScriptFunction or ScriptIncrementDecrementExpression or ScriptThisExpression:
                throw No(node);
        }
        foreach (var child in node.Children)
            if (child is not null) FreeVariables(child, names);
    }

    private static bool IsReserved(string name) => Array.IndexOf(Reserved, name) >= 0;

    private Func<LayoutFrame, object?> Binary(ScriptBinaryExpression node, ScriptExpression left, ScriptExpression right)
    {
        var (l, r, op) = (Expr(left), Expr(right), node.Operator);
        var (leftSpan, rightSpan, opSpan) = (left.Span, right.Span, node.OperatorToken?.Span ?? node.Span);
        return op switch
        {
            // Short-circuit, as Scriban: the right side is not evaluated when the left decides.
            ScriptBinaryOperator.And => f => Boxes.Of(f.Context.ToBool(leftSpan, l(f)) && f.Context.ToBool(rightSpan, r(f))),
            ScriptBinaryOperator.Or => f => Boxes.Of(f.Context.ToBool(leftSpan, l(f)) || f.Context.ToBool(rightSpan, r(f))),
            _ => f => ScriptBinaryExpression.Evaluate(f.Context, opSpan, op, leftSpan, l(f), rightSpan, r(f)),
        };
    }

    private Func<LayoutFrame, object?> Member(Func<LayoutFrame, object?> target, string name, SourceSpan span, bool nullConditional)
    {
        var site = new MemberSite(name, span);
        return f =>
        {
            var value = target(f);
            if (value is null)
            {
                if (nullConditional) return null;
                throw DeoptInstance; // Scriban reports "Cannot get the member … for a null object"
            }
            return site.Get(f.Context, value);
        };
    }

    private static Func<LayoutFrame, object?> Indexer(Func<LayoutFrame, object?> target, Func<LayoutFrame, object?> index, SourceSpan span, SourceSpan indexSpan)
    {
        return f =>
        {
            var list = target(f);
            var i = index(f);
            // Lists by a whole number only; anything else (dictionaries, strings, negative or missing items) is Scriban's.
            if (list is IList items && i is int n && n >= 0 && n < items.Count) return items[n];
            throw DeoptInstance;
        };
    }

    /// <summary>
    /// One member access in a layout: remembers the getter for the last type it saw (pages of one layout pass the
    /// same types), compiled from the property or field Scriban itself would read.
    /// </summary>
    private sealed class MemberSite(string name, SourceSpan span)
    {
        /// <summary>A type seen here by its handle: comparing handles is a pointer compare, where GetType() makes (in Native AOT, looks up) a Type object on every read.</summary>
        private sealed record Cached(RuntimeTypeHandle Type, Func<TemplateContext, object, object?> Get);
        /// <summary>The getters for the types seen here (usually one, at most a few: a link or null, a text or an Html).</summary>
        private Cached[] _seen = [];
        private static readonly ConcurrentDictionary<(Type, string), Func<TemplateContext, object, object?>> Getters = new();

        public object? Get(TemplateContext context, object target)
        {
            var type = Type.GetTypeHandle(target);
            var seen = _seen;
            foreach (var cached in seen)
                if (cached.Type.Equals(type)) return cached.Get(context, target);
            return Learn(context, target);
        }

        // Apart from Get, whose every call would otherwise allocate the closure below.
        private object? Learn(TemplateContext context, object target)
        {
            var getter = Getters.GetOrAdd((target.GetType(), name), key => Resolve(context, target, key.Item2));
            if (_seen.Length < 8) _seen = [.. _seen, new Cached(Type.GetTypeHandle(target), getter)];
            return getter(context, target);
        }

        private Func<TemplateContext, object, object?> Resolve(TemplateContext context, object target, string member)
        {
            var accessor = context.GetMemberAccessor(target);
            if (accessor is TypedObjectAccessor && FindMember(context, target.GetType(), member) is { } info)
            {
                var getter = info is PropertyInfo property ? Getter.Of(target.GetType(), property) : Getter.Of((FieldInfo)info);
                return (_, o) => getter(o);
            }
            // Dictionaries, lists (.size), strings, script objects: Scriban's own accessor, as the interpreter does.
            Func<TemplateContext, object, object?> scriban = (ctx, o) =>
            {
                var a = ctx.GetMemberAccessor(o);
                if (a.TryGetValue(ctx, span, o, member, out var value)) return value;
                if (ctx.TryGetMember is not null || !ctx.EnableRelaxedMemberAccess) throw DeoptInstance;
                return null;
            };
            // The UI strings (t.as_of, t.lead...), read dozens of times a page: the dictionary itself, Scriban's way
            // only for a key it lacks.
            if (target is IReadOnlyDictionary<string, string>)
                return (ctx, o) => ((IReadOnlyDictionary<string, string>)o).TryGetValue(member, out var text) ? text : scriban(ctx, o);
            return scriban;
        }

        /// <summary>The member Scriban's TypedObjectAccessor binds to this name: fields, then properties, from the type up.</summary>
        // The types are the view models (and Scriban's), whose assemblies the trimmer keeps whole (TrimMode=partial,
        // scripts/publish-binaries.sh), as Scriban's interpreter reads the same members by reflection.
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "view-model assemblies are not trimmed")]
        [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "view-model assemblies are not trimmed")]
        private static MemberInfo? FindMember(TemplateContext context, Type type, string member)
        {
            for (var t = type; t is not null; t = t.BaseType == typeof(object) ? null : t.BaseType)
            {
                foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
                    if (field.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null && !field.IsLiteral && (context.MemberFilter is null || context.MemberFilter(field))
                        && Renamed(context, field) == member)
                        return field;
                foreach (var property in t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.DeclaredOnly))
                    if (property.GetCustomAttribute<ScriptMemberIgnoreAttribute>() is null && property.GetMethod is { IsStatic: false, IsPublic: true }
                        && property.GetIndexParameters().Length == 0 && (context.MemberFilter is null || context.MemberFilter(property))
                        && Renamed(context, property) == member)
                        return property;
            }
            return null;
        }

        private static string Renamed(TemplateContext context, MemberInfo member) =>
            context.MemberRenamer?.Invoke(member) is { Length: > 0 } name ? name : member.Name;
    }
}

/// <summary>A layout compiled by <see cref="LayoutCompiler"/>.</summary>
internal sealed class CompiledLayout(Action<LayoutFrame> body)
{
    public void Run(LayoutFrame frame) => body(frame);
}

/// <summary>The state of one compiled layout run: the page's variables and where it writes.</summary>
internal sealed class LayoutFrame
{
    /// <summary>The Scriban context of the thread running the layout (a context is not safe for two threads at once).</summary>
    public TemplateContext Context { get; private set; } = null!;
    public StringBuilder Output { get; private set; } = null!; // set by Start
    public object?[] Globals { get; private set; } = [];
    public object?[] LoopValues { get; private set; } = [];
    public int[] LoopDepth { get; private set; } = [];

    /// <summary>
    /// Ready for a layout on this thread's <paramref name="context"/>: writing into <paramref name="output"/>, with <paramref name="content"/> for <c>{{ content }}</c>
    /// and every variable unset. A renderer's thread keeps its frames from page to page (33,000 pages make 66,000 runs).
    /// </summary>
    public LayoutFrame Start(TemplateContext context, StringBuilder output, StringBuilder? content, int slots)
    {
        (Context, Output, Content, ContentAt, Loop) = (context, output, content, -1, null);
        if (Globals.Length < slots) (Globals, LoopValues, LoopDepth) = (new object?[slots], new object?[slots], new int[slots]);
        else { Array.Clear(Globals); Array.Clear(LoopValues); Array.Clear(LoopDepth); }
        return this;
    }
    /// <summary>The innermost loop running, for <c>for.index</c>.</summary>
    public LoopPosition? Loop;
    /// <summary>The inner page, for <c>{{ content }}</c> in <c>_base</c>.</summary>
    public StringBuilder? Content;
    /// <summary>Where the inner page goes in <see cref="Output"/> (-1: not yet written); it is not copied there.</summary>
    public int ContentAt = -1;

    /// <summary>A variable as Scriban reads it: a loop's variable hides a global of the same name while the loop runs.</summary>
    public object? Read(int slot) => LoopDepth[slot] > 0 ? LoopValues[slot] : Globals[slot];

    public void WriteContent()
    {
        if (Content is null) return;
        if (ContentAt < 0) ContentAt = Output.Length; // inserted when the page is written (see PageText)
        else Output.Append(Content);                   // a second {{ content }}: copied
    }

    /// <summary>Writes a value as Scriban's context would: <see cref="Html"/> as it is, anything else as escaped text.</summary>
    public void Write(object? value)
    {
        switch (value)
        {
            case null: return;
            case Html html: Output.Append(html.Value); return;
            case string text: Html.AppendEscaped(Output, text); return;
            case int number: // as Scriban writes it (invariant), without a string: task numbers, counts
                Span<char> digits = stackalloc char[11];
                number.TryFormat(digits, out var length, provider: System.Globalization.CultureInfo.InvariantCulture);
                Output.Append(digits[..length]);
                return;
            default: Html.AppendEscaped(Output, Context.ObjectToString(value) ?? ""); return;
        }
    }
}

/// <summary>A running <c>for</c> loop: the index of its current item (-1 before the first), and the loop around it.</summary>
internal sealed class LoopPosition(LoopPosition? outer)
{
    public readonly LoopPosition? Outer = outer;
    public int Index = -1;
}

/// <summary>Shared boxes for the values layouts read most: flags and small whole numbers.</summary>
/// <summary>
/// A typed getter for a member of a view model, as a delegate over its get method: no per-read reflection, and no
/// code generated at run time (an expression tree compiled per member costs a millisecond of JIT each, on every build).
/// </summary>
internal static class Getter
{
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "only shapes compiled ahead of time (AheadOfTime) are made without dynamic code")]
    public static Func<object, object?> Of(Type type, PropertyInfo property)
    {
        // Compiled ahead of time (Native AOT), a generic method can be made at run time only over code compiled for
        // it (see AheadOfTime); any other pair is read through reflection.
        var result = property.PropertyType;
        if (!RuntimeFeature.IsDynamicCodeSupported && (type.IsValueType || result.IsValueType && result != typeof(bool) && result != typeof(int) && result != typeof(int?)))
            return o => Boxed(property.GetValue(o));
        var typed = typeof(Getter).GetMethod(nameof(Typed), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type, result);
        return (Func<object, object?>)typed.Invoke(null, [property.GetMethod!])!;
    }

    public static Func<object, object?> Of(FieldInfo field) => o => Boxed(field.GetValue(o));

    private static object? Boxed(object? value) => value switch
    {
        bool b => Boxes.Of(b),
        int i => Boxes.Of(i),
        _ => value,
    };

    /// <summary>
    /// The shapes of <see cref="Typed{T, TResult}"/> that Native AOT compiles (view models are classes; members are
    /// objects, flags, numbers or numbers that may be missing): its instantiations for any class are made from these at run time.
    /// </summary>
    internal static readonly Func<MethodInfo, Func<object, object?>>[] AheadOfTime = [Typed<object, object>, Typed<object, bool>, Typed<object, int>, Typed<object, int?>];

    // Numbers and flags (task numbers, counts, "overdue") come boxed from a cache instead of a new box per read.
    private static Func<object, object?> Typed<T, TResult>(MethodInfo get)
    {
        var read = get.CreateDelegate<Func<T, TResult>>();
        if (typeof(TResult) == typeof(bool)) return o => Boxes.Of((bool)(object)read((T)o)!);
        if (typeof(TResult) == typeof(int)) return o => Boxes.Of((int)(object)read((T)o)!);
        // A progress that may be missing (int?): null, or a number from the same cache.
        if (typeof(TResult) == typeof(int?))
            return o =>
            {
                var value = read((T)o);
                return System.Runtime.CompilerServices.Unsafe.As<TResult, int?>(ref value) is { } n ? Boxes.Of(n) : null;
            };
        return o => read((T)o);
    }
}

internal static class Boxes
{
    private static readonly object True = true, False = false;
    private static readonly object[] Small = Enumerable.Range(0, 1024).Select(i => (object)i).ToArray();

    public static object Of(bool value) => value ? True : False;
    public static object Of(int value) => (uint)value < (uint)Small.Length ? Small[value] : value;
}
