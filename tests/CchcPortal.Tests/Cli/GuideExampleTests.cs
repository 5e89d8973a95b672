using System.Text.RegularExpressions;

namespace CchcPortal.Tests.Cli;

/// <summary>
/// Issue 38: the staff guide's commands work, as written and in the guide's order, on the site the guide makes
/// (<c>cchc new site</c>: a plan named by the year, periods q1 – q4). A command for another plan or period than the
/// site has (<c>--period nam</c>) fails here before it fails a member of staff.
/// </summary>
public partial class GuideExampleTests
{
    [GeneratedRegex(@"""([^""]*)""|(\S+)")]
    private static partial Regex Word();

    [Fact]
    public void Every_new_export_and_check_command_of_the_guide_runs_on_a_new_site()
    {
        var guide = File.ReadAllText(Repo.Path("docs", "huong-dan-su-dung.md"));
        var commands = CodeLines(guide).Concat(Regex.Matches(guide, "`(cchc (?:new|export) report[^`]*)`").Select(m => m.Groups[1].Value))
            .Select(l => l.Split(" #")[0].Trim())
            .Where(l => Regex.IsMatch(l, @"^cchc (new (report|task|target|plan|unit|page)|export report|check)\b"))
            .ToList();
        Assert.True(commands.Count >= 6, string.Join("\n", commands));
        Assert.Contains(commands, c => c.Contains("--period", StringComparison.Ordinal) && c.StartsWith("cchc new report", StringComparison.Ordinal));

        using var site = new CliSite();   // cchc new site, as section 2 does (today 1/2/2026: plan 2026, periods q1 – q4)
        foreach (var command in commands)
        {
            var args = Word().Matches(command).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value).Skip(1).ToList();
            if (args[0] == "export") args.AddRange(["--output", Path.Combine(site.Root, "bao-cao.docx")]);
            var (exit, o, e) = site.Cli([.. args, "--today", "2026-06-20"]);
            Assert.True(exit == 0, $"{command}\n{o}{e}");
        }
    }

    /// <summary>The lines of the guide's fenced blocks without a language (the commands to type).</summary>
    private static IEnumerable<string> CodeLines(string markdown)
    {
        string? fence = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (line.StartsWith("```", StringComparison.Ordinal)) { fence = fence is null ? line.Trim() : null; continue; }
            if (fence == "```") yield return line;
        }
    }
}
