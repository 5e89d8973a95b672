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
            // A bug of the tool, never of the content: say so briefly, without a stack trace.
            Console.Error.WriteLine($"cchc: lỗi nội bộ / internal error: {e.GetType().Name}: {e.Message}");
            Console.Error.WriteLine("Hãy báo lỗi này kèm nội dung gây lỗi. / Please report this with the content that caused it.");
            return 3;
        }
    }

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var cli = Arguments.Parse(args);
        if (cli.Error is not null) { stderr.WriteLine(cli.Error); stderr.WriteLine(Usage); return 2; }
        return cli.Command switch
        {
            "--version" or "version" => Print(stdout, Version),
            "--help" or "help" or "-h" or null => Print(stdout, Usage),
            "build" => Build(cli, stdout, stderr, write: true),
            "check" => Build(cli, stdout, stderr, write: false),
            "serve" => Serve.Run(cli, stdout, stderr),
            "new" => Scaffold.Run(cli, stdout, stderr),
            "import" => ImportCommand.Run(new(cli.Words.FirstOrDefault(), cli.Options.GetValueOrDefault("plan"), cli.Source, cli.Options.ContainsKey("dry-run"), cli.Lang), stdout, stderr),
            "export" => Export(cli, stdout, stderr),
            _ => Fail(stderr, $"cchc: lệnh không có / unknown command \"{cli.Command}\"\n{Usage}"),
        };
    }

    public static string Version => typeof(Program).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public const string Usage = """
        cchc — cổng thông tin cải cách hành chính / administrative-reform portal generator
          cchc build [--source DIR] [--output DIR]   tạo trang (mặc định: . → public/)
          cchc check [--source DIR]                  kiểm tra nội dung, liệt kê mọi lỗi
          cchc serve [--source DIR] [--port N]       xem trước tại http://localhost:N, tự cập nhật khi lưu
          cchc new site DIR | plan | task | target | report | unit | page | supervision   tạo tệp mẫu
          cchc import FILE --plan ID [--dry-run]      nhập phụ lục kế hoạch (.docx, .xlsx, .csv) thành các tệp nhiệm vụ
          cchc export report --plan ID --period KỲ [--output TỆP.docx]   báo cáo ra Word để trình ký
          --lang en   thông báo bằng tiếng Anh / messages in English
          --today YYYY-MM-DD   coi hôm nay là ngày này (mặc định: ngày ở Việt Nam, UTC+7; as_of trong site.yaml vẫn được ưu tiên)
          --version
        """;

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
            stderr.WriteLine(cli.Lang == "vi"
                ? $"cchc: không ghi được trang vào {cli.Output}: {io.Message}\nHãy kiểm tra chỗ trống trên đĩa và quyền ghi thư mục. Trang cũ (nếu có) được giữ nguyên."
                : $"cchc: cannot write the site into {cli.Output}: {io.Message}\nCheck the free disk space and that the folder is writable. The previous output (if any) is untouched.");
            return 1;
        }
        Report(result.Diagnostics.Where(d => d.Severity != Severity.Info).ToList(), cli.Lang, stderr);
        if (!result.Success)
        {
            stderr.WriteLine(cli.Lang == "vi"
                ? $"Thất bại: {result.Errors} lỗi, {result.Warnings} cảnh báo.{(write ? " Trang cũ (nếu có) được giữ nguyên." : "")}"
                : $"Failed: {result.Errors} error(s), {result.Warnings} warning(s).{(write ? " The previous output (if any) is untouched." : "")}");
            return 1;
        }
        if (write)
        {
            stdout.WriteLine(cli.Lang == "vi"
                ? $"Đã tạo {result.Pages} trang ({result.Files} tệp, {result.Bytes / 1024} KB) vào {cli.Output} trong {result.Elapsed.TotalMilliseconds:0} ms; {result.Warnings} cảnh báo."
                : $"Built {result.Pages} pages ({result.Files} files, {result.Bytes / 1024} KB) into {cli.Output} in {result.Elapsed.TotalMilliseconds:0} ms; {result.Warnings} warning(s).");
            foreach (var (key, value) in result.Summary) stdout.WriteLine($"  {key}: {value}");
        }
        else stdout.WriteLine(cli.Lang == "vi" ? $"Nội dung hợp lệ: 0 lỗi, {result.Warnings} cảnh báo." : $"Content is valid: 0 errors, {result.Warnings} warning(s).");
        // Hints (check on valid content) after the verdict, on the standard output: they are not problems.
        Report(result.Diagnostics.Where(d => d.Severity == Severity.Info).ToList(), cli.Lang, stdout);
        return 0;
    }

    /// <summary><c>cchc export report</c>: the report of a period as a Word draft for signature (CchcPortal.Office).</summary>
    private static int Export(Arguments cli, TextWriter stdout, TextWriter stderr)
    {
        if (cli.Words is not ["report"]) return Fail(stderr, $"cchc export: dùng / use \"cchc export report --plan ID --period KỲ\"\n{Usage}");
        var result = CchcPortal.Office.Export.ReportExport.Run(new(cli.Source, cli.Options.GetValueOrDefault("plan"),
            cli.Options.GetValueOrDefault("period"), cli.Options.GetValueOrDefault("output"), cli.Today));
        Report(result.Diagnostics, cli.Lang, stderr);
        if (!result.Success)
        {
            stderr.WriteLine(cli.Lang == "vi" ? $"Thất bại: {result.Errors} lỗi, {result.Warnings} cảnh báo. Không ghi tệp nào."
                : $"Failed: {result.Errors} error(s), {result.Warnings} warning(s). Nothing was written.");
            return 1;
        }
        stdout.WriteLine(cli.Lang == "vi" ? $"Đã xuất báo cáo {result.Label} vào {result.Path} ({result.Bytes / 1024} KB); {result.Warnings} cảnh báo."
            : $"Exported the report {result.Label} to {result.Path} ({result.Bytes / 1024} KB); {result.Warnings} warning(s).");
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

/// <summary>The command line: a command, its words, and the options every command takes.</summary>
public sealed record Arguments(string? Command, IReadOnlyList<string> Words, string Source, string Output, string Lang, int Port, string? Error,
    IReadOnlyDictionary<string, string> Options)
{
    public static Arguments Parse(string[] args)
    {
        string? command = null, error = null;
        var words = new List<string>();
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (a is "--version" or "--help" or "-h" && command is null) { command = a; continue; }
            if (a is "--dry-run") { options["dry-run"] = "true"; continue; }   // a flag: takes no value
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                var eq = a.IndexOf('=');
                var (name, value) = eq > 0 ? (a[2..eq], a[(eq + 1)..]) : (a[2..], i + 1 < args.Length ? args[++i] : null);
                if (value is null) { error = $"cchc: thiếu giá trị cho --{name} / missing value for --{name}"; break; }
                options[name] = value;
                continue;
            }
            if (command is null) command = a; else words.Add(a);
        }
        var source = options.GetValueOrDefault("source") ?? ".";
        var output = options.GetValueOrDefault("output") ?? Path.Combine(source, "public");
        var lang = options.GetValueOrDefault("lang") ?? "vi";
        var port = int.TryParse(options.GetValueOrDefault("port"), out var p) ? p : 1313;
        if (error is null && options.TryGetValue("today", out var today) && ParseDate(today) is null)
            error = $"cchc: --today phải là một ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-12-21, không phải \"{today}\" / --today must be a date YYYY-MM-DD";
        return new Arguments(command, words, source, output, lang, port, error, options);
    }

    /// <summary>
    /// The day statuses are judged on when site.yaml has no <c>as_of</c>: <c>--today</c> when given (tests, or to see the
    /// portal of a coming day), else today in Vietnam (<see cref="VnDate.Today(TimeProvider?)"/>).
    /// </summary>
    public DateOnly Today => TodayOption ?? VnDate.Today();

    /// <summary>The <c>--today</c> option, when given.</summary>
    public DateOnly? TodayOption => Options.TryGetValue("today", out var t) ? ParseDate(t) : null;

    private static DateOnly? ParseDate(string s) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
