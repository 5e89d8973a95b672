using System.Reflection;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Text;
using CchcPortal.Office.Import;
using CchcPortal.Site.Build;

namespace CchcPortal.Cli;

/// <summary>The <c>cchc</c> command: parses arguments and calls the builder. Nothing else lives here.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        try { return Run(args, Console.Out, Console.Error); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug of the tool, never of the content: say so briefly, without a stack trace, in both languages (the
            // language asked for may be what failed).
            Console.Error.WriteLine(Sentences.InternalError.In("vi", e.GetType().Name, e.Message));
            Console.Error.WriteLine(Sentences.InternalError.In("en", e.GetType().Name, e.Message));
            return 3;
        }
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = CommandLine.Parse(args);
        if (parsed.Error is not null) return Fail(stderr, parsed.Error);
        if (parsed.Version) return Print(stdout, Version);
        if (parsed.Usage is not null) return Print(stdout, parsed.Usage);
        var cli = parsed.Arguments!;
        return cli.Command switch
        {
            "build" => Build(cli, stdout, stderr, write: true),
            "check" => Build(cli, stdout, stderr, write: false),
            "serve" => Serve.Run(cli, stdout, stderr),
            "new" => Scaffold.Run(cli, stdout, stderr),
            "import" => ImportCommand.Run(new(cli.Words.FirstOrDefault(), cli.Options.GetValueOrDefault("plan"), cli.Source, cli.Options.ContainsKey("dry-run"), cli.Lang), stdout, stderr),
            "export" => Export(cli, stdout, stderr),
            "fetch" => CchcPortal.Site.Rollup.CommuneFetch.Run(CchcPortal.Site.Rollup.FetchOptions.From(cli.Source, cli.Lang, cli.Options, cli.TodayOption), stdout, stderr),
            _ => Fail(stderr, CommandLine.Parse(["--help"]).Usage!),
        };
    }

    public static string Version => typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private static int Print(TextWriter w, string s) { w.WriteLine(s); return 0; }
    private static int Fail(TextWriter w, string s) { w.WriteLine(s); return 2; }

    internal static int Build(Arguments cli, TextWriter stdout, TextWriter stderr, bool write)
    {
        BuildResult result;
        try { result = SiteBuilder.Run(new BuildOptions(cli.Source, cli.Output, write, cli.TodayOption)); }
        // The disk is full, the output folder is read-only or lies under a file: a fact of the machine, not a bug of the
        // tool nor a mistake in the content. The staging folder is gone and the previous output is untouched.
        catch (Exception e) when (WriteError(e) is { } io)
        {
            stderr.WriteLine(Sentences.CannotWrite.In(cli.Lang, cli.Output, io.Message));
            return 1;
        }
        Report(result.Diagnostics.Where(d => d.Severity != Severity.Info).ToList(), cli.Lang, stderr);
        if (!result.Success)
        {
            stderr.WriteLine(Sentences.Failed.In(cli.Lang, result.Errors, result.Warnings) + (write ? Sentences.PreviousKept.In(cli.Lang) : ""));
            return 1;
        }
        if (write)
        {
            stdout.WriteLine(Sentences.Built.In(cli.Lang, result.Pages, result.Files, result.Bytes / 1024, cli.Output,
                result.Elapsed.TotalMilliseconds.ToString("0", System.Globalization.CultureInfo.InvariantCulture), result.Warnings));
            foreach (var line in result.Summary.Values) stdout.WriteLine($"  {line.In(cli.Lang)}");
        }
        else stdout.WriteLine(Sentences.Valid.In(cli.Lang, result.Warnings));
        // Hints (check on valid content) after the verdict, on the standard output: they are not problems.
        Report(result.Diagnostics.Where(d => d.Severity == Severity.Info).ToList(), cli.Lang, stdout);
        return 0;
    }

    /// <summary><c>cchc export report</c>: the report of a period as a Word draft for signature (CchcPortal.Office).</summary>
    private static int Export(Arguments cli, TextWriter stdout, TextWriter stderr)
    {
        var result = CchcPortal.Office.Export.ReportExport.Run(new(cli.Source, cli.Options.GetValueOrDefault("plan"),
            cli.Options.GetValueOrDefault("period"), cli.Options.GetValueOrDefault("output"), cli.Today));
        Report(result.Diagnostics, cli.Lang, stderr);
        if (!result.Success)
        {
            stderr.WriteLine(Sentences.Failed.In(cli.Lang, result.Errors, result.Warnings) + Sentences.NothingWritten.In(cli.Lang));
            return 1;
        }
        stdout.WriteLine(Sentences.Exported.In(cli.Lang, result.Label, result.Path, result.Bytes / 1024, result.Warnings));
        return 0;
    }

    /// <summary>The file-system error behind a failed build (also from inside a parallel loop), or null for anything else.</summary>
    private static Exception? WriteError(Exception e) => e switch
    {
        IOException or UnauthorizedAccessException => e,
        AggregateException all => all.Flatten().InnerExceptions.FirstOrDefault(x => x is IOException or UnauthorizedAccessException),
        _ => null,
    };

    /// <summary>Compiler-style lines; in GitHub Actions also workflow annotations so mistakes show on the changed file.</summary>
    internal static void Report(IReadOnlyList<Diagnostic> diagnostics, string lang, TextWriter w)
    {
        var github = Environment.GetEnvironmentVariable("GITHUB_ACTIONS") == "true";
        foreach (var d in diagnostics)
        {
            w.WriteLine(d.ToString(lang));
            if (github)
            {
                var kind = d.Severity == Severity.Info ? "notice" : d.Kind;
                var message = d.Message(lang).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
                w.WriteLine($"::{kind} file={d.Location.File},line={Math.Max(d.Location.Line, 1)},col={Math.Max(d.Location.Column, 1)},title={d.Code}::{message}");
            }
        }
    }
}
