using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Text;

namespace CchcPortal.Cli;

/// <summary>
/// The command line, declared once with System.CommandLine: every command, its words and its options. The usage
/// (<c>--help</c>) is generated from these declarations, and a mistake — an unknown option or command, a missing
/// value — is a sentence from the catalogue (<see cref="Sentences"/>) naming the nearest known word. Parsing gives an
/// <see cref="Arguments"/>, which the commands read.
/// </summary>
public sealed class CommandLine
{
    /// <summary>The kinds of <c>cchc new</c>, with their options; the one list (usage and parsing both read it).</summary>
    private static readonly (string Kind, Sentence Help, string[] Options)[] NewKinds =
    [
        ("site", Sentences.NewSiteHelp, ["--commune", "--rollup"]),
        ("plan", Sentences.NewPlanHelp, ["--id"]),
        ("task", Sentences.NewTaskHelp, ["--plan", "--no", "--id"]),
        ("target", Sentences.NewTargetHelp, ["--plan", "--id"]),
        ("report", Sentences.NewReportHelp, ["--plan", "--period"]),
        ("unit", Sentences.NewUnitHelp, ["--id"]),
        ("page", Sentences.NewPageHelp, ["--id"]),
        ("supervision", Sentences.NewSupervisionHelp, ["--plan", "--id"]),
    ];

    /// <summary>The kinds <c>cchc new</c> creates, in the order of the usage.</summary>
    internal static IEnumerable<string> NewKindNames => NewKinds.Select(k => k.Kind);

    private readonly string _lang;
    private readonly RootCommand _root = new();

    private CommandLine(string lang)
    {
        _lang = lang;
        _root.Options.Clear();      // no built-in help or version: ours speak Vietnamese
        _root.Directives.Clear();
        _root.SetAction(_ => 0);
        _root.Options.Add(Flag("--version", Sentences.VersionOption));
        Add(_root, Value("--source", "DIR", Sentences.SourceOption, recursive: true));
        Add(_root, Value("--lang", "vi|en", Sentences.LangOption, recursive: true));
        Add(_root, Value("--today", "YYYY-MM-DD", Sentences.TodayOption, recursive: true));
        var help = Flag("--help", Sentences.HelpOption, recursive: true);
        help.Aliases.Add("-h");
        _root.Options.Add(help);

        _root.Subcommands.Add(Command("build", Sentences.BuildHelp, Value("--output", "DIR", Sentences.OutputOption)));
        _root.Subcommands.Add(Command("check", Sentences.CheckHelp));
        _root.Subcommands.Add(Command("serve", Sentences.ServeHelp,
            Value("--port", "N", Sentences.PortOption), Value("--output", "DIR", Sentences.ServeOutputOption)));
        var @new = Command("new", Sentences.NewHelp);
        foreach (var (kind, text, options) in NewKinds)
        {
            var sub = Command(kind, text, options.Select(NewOption).ToArray());
            if (kind == "site") sub.Arguments.Add(Word("DIR", Sentences.DirArgument));
            @new.Subcommands.Add(sub);
        }
        _root.Subcommands.Add(@new);
        var import = Command("import", Sentences.ImportHelp,
            Value("--plan", "ID", Sentences.PlanOption), Flag("--dry-run", Sentences.DryRunOption));
        import.Arguments.Add(Word("FILE", Sentences.FileArgument));
        _root.Subcommands.Add(import);
        var export = Command("export", Sentences.ExportHelp);
        export.Subcommands.Add(Command("report", Sentences.ExportReportHelp, Value("--plan", "ID", Sentences.PlanOption),
            Value("--period", "ID", Sentences.PeriodOption), Value("--output", "FILE.docx", Sentences.ExportOutputOption)));
        _root.Subcommands.Add(export);
        _root.Subcommands.Add(Command("fetch", Sentences.FetchHelp, Value("--timeout", "SECONDS", Sentences.TimeoutOption),
            Value("--max-size", "MB", Sentences.MaxSizeOption), Value("--parallel", "N", Sentences.ParallelOption)));
    }

    private Option NewOption(string name) => name switch
    {
        "--rollup" => Flag(name, Sentences.RollupOption),
        "--commune" => Value(name, "\"NAME\"", Sentences.CommuneOption),
        "--plan" => Value(name, "ID", Sentences.PlanOption),
        "--period" => Value(name, "ID", Sentences.PeriodOption),
        "--no" => Value(name, "N", Sentences.NoOption),
        _ => Value(name, "ID", Sentences.IdOption),
    };

    // The description of each symbol is the catalogue's sentence; the language is chosen when usage is written.
    private readonly Dictionary<Symbol, Sentence> _described = [];

    private Option<string> Value(string name, string helpName, Sentence text, bool recursive = false) =>
        Describe(new Option<string>(name) { HelpName = helpName, Recursive = recursive }, text);

    private Option<bool> Flag(string name, Sentence text, bool recursive = false) =>
        Describe(new Option<bool>(name) { Recursive = recursive }, text);

    private Argument<string?> Word(string name, Sentence text) =>
        Describe(new Argument<string?>(name) { Arity = ArgumentArity.ZeroOrOne }, text);

    private Command Command(string name, Sentence text, params Option[] options)
    {
        var command = Describe(new Command(name), text);
        command.SetAction(_ => 0);   // parsed only: a command without its sub-command is our error (MissingCommand)
        foreach (var o in options) command.Options.Add(o);
        return command;
    }

    private T Describe<T>(T symbol, Sentence text) where T : Symbol
    {
        _described[symbol] = text;
        return symbol;
    }

    private static void Add(Command command, Option option) => command.Options.Add(option);

    private string Text(Symbol symbol) => _described.TryGetValue(symbol, out var s) ? s.In(_lang) : "";

    /// <summary>Parses <paramref name="args"/>: the arguments, the usage to print (for --help), or an error.</summary>
    public static Parsed Parse(string[] args)
    {
        var lang = LangOf(args);
        var cli = new CommandLine(lang);
        // No response files (@file): a folder name may start with @.
        var result = cli._root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var command = result.CommandResult.Command;
        if (IsSet(result, "--help")) return new Parsed(null, cli.Usage(command), null);
        if (IsSet(result, "--version") && command == cli._root) return new Parsed(null, null, null, Version: true);
        if (cli.Error(result) is { } error)
            return new Parsed(null, null, error + "\n" + cli.UsageHint(command));
        if (command == cli._root) return new Parsed(null, cli.Usage(command), null);
        if (command.Subcommands.Count > 0)   // "cchc new", "cchc export": say which commands follow
            return new Parsed(null, null, Sentences.MissingCommand.In(lang, CommandPath(command),
                string.Join(", ", command.Subcommands.Select(c => c.Name))) + "\n" + cli.UsageHint(command));
        return new Parsed(cli.ToArguments(result, lang), null, null);
    }

    /// <summary>The language of messages, read before parsing so that even a parse error is said in it.</summary>
    private static string LangOf(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length) return args[i + 1] == "en" ? "en" : "vi";
            if (args[i].StartsWith("--lang=", StringComparison.Ordinal)) return args[i][7..] == "en" ? "en" : "vi";
        }
        return "vi";
    }

    private static bool IsSet(ParseResult result, string name)
    {
        for (SymbolResult? r = result.CommandResult; r is CommandResult c; r = c.Parent)
            foreach (var child in c.Children)
                if (child is OptionResult o && (o.Option.Name == name || o.Option.Aliases.Contains(name)) && !o.Implicit) return true;
        return false;
    }

    /// <summary>The first mistake on the command line, as a sentence of the catalogue, or null.</summary>
    private string? Error(ParseResult result)
    {
        var at = CommandPath(result.CommandResult.Command);
        var cchcAt = at.Length == 0 ? "" : " " + at;
        var command = result.CommandResult.Command;
        foreach (var token in result.UnmatchedTokens)
        {
            if (token.StartsWith('-'))
            {
                var name = token.Split('=', 2)[0];
                var known = KnownOptions(command).ToList();
                return Sentences.UnknownOption.In(_lang, at, name, Nearest(name, known), string.Join(", ", known));
            }
            var subcommands = command.Subcommands.Select(c => c.Name).ToList();
            if (subcommands.Count > 0)
                return Sentences.UnknownCommand.In(_lang, cchcAt, token, Nearest(token, subcommands), string.Join(", ", subcommands));
            return Sentences.UnexpectedWord.In(_lang, at, token);
        }
        foreach (var e in result.Errors)
        {
            if (e.SymbolResult is OptionResult { Tokens.Count: 0 } missing && missing.Option.ValueType != typeof(bool))
                return Sentences.MissingValue.In(_lang, at, missing.Option.Name, missing.Option.HelpName);
            if (e.SymbolResult is OptionResult { Tokens.Count: > 1 } repeated)
                return Sentences.RepeatedOption.In(_lang, at, repeated.Option.Name);
            return Sentences.OtherParseError.In(_lang, cchcAt, e.Message);
        }
        var today = Value(result, "--today");
        if (today is not null && ParseDate(today) is null) return Sentences.BadToday.In(_lang, today);
        var lang = Value(result, "--lang");
        if (lang is not null and not ("vi" or "en")) return Sentences.BadLang.In(_lang, lang);
        foreach (var name in (string[])["--timeout", "--max-size", "--parallel"])
            if (Value(result, name) is { } n && !(int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0))
                return Sentences.BadWholeNumber.In(_lang, at, name, n);
        var port = Value(result, "--port");
        if (port is not null && !(int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p <= 65535))
            return Sentences.BadPort.In(_lang, port);
        return null;
    }

    private string Nearest(string word, IReadOnlyCollection<string> known) =>
        Suggest.Nearest(word, known) is { } near ? Sentences.DidYouMean.In(_lang, near) : "";

    /// <summary>Every option the command takes: its own, then those every command takes (without -h).</summary>
    private IEnumerable<string> KnownOptions(Command command) =>
        command.Options.Concat(_root.Options.Where(o => o.Recursive && command != _root)).Select(o => o.Name).Distinct();

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null && c is not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, c.Name);
        return string.Join(' ', names);
    }

    private static string? Value(ParseResult result, string name)
    {
        for (SymbolResult? r = result.CommandResult; r is CommandResult c; r = c.Parent)
            foreach (var child in c.Children)
                if (child is OptionResult { Implicit: false } o && o.Option.Name == name && o.Tokens.Count > 0) return o.Tokens[^1].Value;
        return null;
    }

    /// <summary>What the commands read: the command, its words (sub-command names and arguments) and its options.</summary>
    private Arguments ToArguments(ParseResult result, string lang)
    {
        var chain = new List<CommandResult>();
        for (SymbolResult? r = result.CommandResult; r is CommandResult c; r = c.Parent) chain.Insert(0, c);
        var names = chain.Skip(1).Select(c => c.Command.Name).ToList();   // without the root
        var words = names.Skip(1).ToList();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in chain)
            foreach (var child in c.Children)
            {
                if (child is ArgumentResult a && a.Tokens.Count > 0) words.Add(a.Tokens[0].Value);
                if (child is OptionResult { Implicit: false } o)
                    options[o.Option.Name[2..]] = o.Option.ValueType == typeof(bool) ? "true" : o.Tokens.Count > 0 ? o.Tokens[^1].Value : "";
            }
        var source = options.GetValueOrDefault("source") ?? ".";
        var port = options.TryGetValue("port", out var p) ? int.Parse(p, CultureInfo.InvariantCulture) : 1313;
        return new Arguments(names[0], words, source, options.GetValueOrDefault("output") ?? Path.Combine(source, "public"), lang, port, options);
    }

    // ---- usage, from the declarations ---------------------------------------------------------------------------

    private string UsageHint(Command command) =>
        $"{Sentences.UsageHeading.In(_lang)}: cchc {CommandPath(command)}{(command == _root ? "" : " ")}--help";

    /// <summary>The usage of a command: what it does, how to call it, its sub-commands and its options.</summary>
    public string Usage(Command command)
    {
        var w = new StringWriter { NewLine = "\n" };
        var path = CommandPath(command);
        w.WriteLine(command == _root ? $"cchc {Program.Version} — {Sentences.Tool.In(_lang)}" : $"cchc {path} — {Text(command)}");
        w.WriteLine();
        var args = string.Concat(command.Arguments.Select(a => $" [{a.Name}]"));
        var sub = command.Subcommands.Count > 0 ? " " + Sentences.CommandWord.In(_lang) : "";
        w.WriteLine($"{Sentences.UsageHeading.In(_lang)}: cchc{(path.Length > 0 ? " " + path : "")}{sub}{args} [{Sentences.OptionsHeading.In(_lang).ToLowerInvariant()}]");
        if (command.Subcommands.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(Sentences.CommandsHeading.In(_lang) + ":");
            var rows = command.Subcommands.SelectMany(c => c.Subcommands.Count > 0 && command == _root
                ? c.Subcommands.Select(s => ($"{c.Name} {s.Name}{string.Concat(s.Arguments.Select(a => " " + a.Name))}", Text(s)))
                : [($"{c.Name}{string.Concat(c.Arguments.Select(a => " " + a.Name))}", Text(c))]).ToList();
            Table(w, rows);
        }
        w.WriteLine();
        w.WriteLine(Sentences.OptionsHeading.In(_lang) + ":");
        var options = command.Options.Concat(command == _root ? [] : _root.Options.Where(o => o.Recursive))
            .Select(o => (string.Join(", ", o.Aliases.Order().Append(o.Name)) + (o.ValueType == typeof(bool) ? "" : " " + o.HelpName), Text(o)));
        Table(w, options.ToList());
        if (command == _root) { w.WriteLine(); w.WriteLine(Sentences.MoreHelp.In(_lang)); }
        return w.ToString().TrimEnd('\n');
    }

    private static void Table(TextWriter w, IReadOnlyList<(string Left, string Right)> rows)
    {
        var width = rows.Max(r => r.Left.Length) + 3;
        foreach (var (left, right) in rows) w.WriteLine($"  {left.PadRight(width)}{right}".TrimEnd());
    }

    internal static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>What parsing gave: the arguments to run a command with, or a usage to print, or an error, or --version.</summary>
public sealed record Parsed(Arguments? Arguments, string? Usage, string? Error, bool Version = false);

/// <summary>The command line as the commands read it: the command, its words, and the options given.</summary>
public sealed record Arguments(string Command, IReadOnlyList<string> Words, string Source, string Output, string Lang, int Port,
    IReadOnlyDictionary<string, string> Options)
{
    /// <summary>
    /// The day statuses are judged on when site.yaml has no <c>as_of</c>: <c>--today</c> when given (tests, or to see the
    /// portal of a coming day), else today in Vietnam (<see cref="VnDate.Today(TimeProvider?)"/>).
    /// </summary>
    public DateOnly Today => TodayOption ?? VnDate.Today();

    /// <summary>The <c>--today</c> option, when given.</summary>
    public DateOnly? TodayOption => Options.TryGetValue("today", out var t) ? CommandLine.ParseDate(t) : null;
}
