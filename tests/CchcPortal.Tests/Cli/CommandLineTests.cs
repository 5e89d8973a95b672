using CchcPortal.Cli;

namespace CchcPortal.Tests.Cli;

/// <summary>
/// The command line as a new user meets it: a mistyped option or command is an error naming the nearest known one
/// (Vietnamese, or English with --lang en) and nothing runs; every command answers --help with its own options; the
/// usage is generated from the declarations (golden files).
/// </summary>
public sealed class CommandLineTests
{
    private static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        var exit = Program.Run(args, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    [Fact]
    public void A_mistyped_option_is_an_error_naming_the_nearest_and_nothing_is_built()
    {
        using var site = new CliSite();
        var output = Path.Combine(site.Root, "x-out");
        var (exit, o, e) = site.Cli("build", "--ouptut", output);
        Assert.Equal(2, exit);
        Assert.Equal("", o);
        Assert.Equal("""
            cchc build: không có tùy chọn "--ouptut". Có phải ý bạn là "--output"? Các tùy chọn của lệnh này: --output, --source, --lang, --today, --help.
            Cách dùng: cchc build --help

            """, e.ReplaceLineEndings("\n"));
        Assert.False(Directory.Exists(output));
        Assert.False(Directory.Exists(Path.Combine(site.Dir, "public")));
    }

    [Fact]
    public void Errors_are_in_English_with_lang_en()
    {
        var (exit, _, e) = Run("new", "suprevision", "--lang", "en");
        Assert.Equal(2, exit);
        Assert.StartsWith("cchc new: unknown command \"suprevision\". Did you mean \"supervision\"? Commands: site, plan, task, target, report, unit, page, supervision.", e);
        (exit, _, e) = Run("chek", "--lang=en");
        Assert.Equal(2, exit);
        Assert.StartsWith("cchc: unknown command \"chek\". Did you mean \"check\"?", e);
    }

    [Theory]
    [InlineData(new[] { "build", "--output" }, "cchc build: thiếu giá trị cho --output, ví dụ --output DIR.")]
    [InlineData(new[] { "serve", "--port", "http" }, "cchc serve: --port phải là một số cổng từ 0 đến 65535, ví dụ 8080, không phải \"http\".")]
    [InlineData(new[] { "check", "--today", "21/12/2025" }, "cchc: --today phải là một ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-12-21, không phải \"21/12/2025\".")]
    [InlineData(new[] { "check", "--lang", "fr" }, "cchc: --lang là vi hoặc en, không phải \"fr\".")]
    [InlineData(new[] { "check", "extra" }, "cchc check: không hiểu \"extra\" (lệnh này không nhận thêm từ nào).")]
    [InlineData(new[] { "new" }, "cchc new: cần cho biết lệnh tiếp theo: site, plan, task, target, report, unit, page, supervision.")]
    [InlineData(new[] { "export", "report", "--plan", "2025", "--perod", "q3" }, "cchc export report: không có tùy chọn \"--perod\". Có phải ý bạn là \"--period\"?")]
    public void Each_mistake_is_one_sentence_and_exit_2(string[] args, string expected)
    {
        var (exit, o, e) = Run(args);
        Assert.Equal(2, exit);
        Assert.Equal("", o);
        Assert.StartsWith(expected, e);
    }

    [Theory]
    [InlineData("build")]
    [InlineData("check")]
    [InlineData("serve")]
    [InlineData("new")]
    [InlineData("new site")]
    [InlineData("new report")]
    [InlineData("new supervision")]
    [InlineData("import")]
    [InlineData("export report")]
    [InlineData("fetch")]
    public void Every_command_answers_help_with_its_own_options(string command)
    {
        var words = command.Split(' ');
        var (exit, o, e) = Run([.. words, "--help"]);
        Assert.Equal(0, exit);
        Assert.Equal("", e);
        Assert.StartsWith($"cchc {command} — ", o);
        Golden.Check($"cli/{command.Replace(' ', '-')}.txt", o);
        var (_, en, _) = Run([.. words, "-h", "--lang", "en"]);
        Golden.Check($"cli/{command.Replace(' ', '-')}.en.txt", en);
    }

    [Fact]
    public void No_command_prints_the_usage_generated_from_the_declarations()
    {
        var (exit, o, _) = Run();
        Assert.Equal(0, exit);
        Golden.Check("cli/cchc.txt", o);
        Assert.Equal(o, Run("--help").Out);
        Assert.Equal(Program.Version + "\n", Run("--version").Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Options_may_be_written_with_an_equals_sign()
    {
        using var site = new CliSite();
        var (exit, o, e) = Run("check", $"--source={site.Dir}", "--lang=en", "--today=2026-02-01");
        Assert.True(exit == 0, o + e);
        Assert.StartsWith("Content is valid: 0 errors", o);
    }
}
