using CchcPortal.Tests.OpenData;

namespace CchcPortal.Tests.Revisions;

/// <summary>
/// No silent moves (issue 36): in a git repository made here, a deadline and a goal changed after the plan's first report
/// was committed, with no revised: entry, are warnings at their lines (golden output, Vietnamese and English); a change
/// before the first report, or one recorded in revised:, says nothing; outside git nothing is said.
/// </summary>
[Trait("Category", "Slow")]
public sealed class SilentMoveTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cchc-silent-" + Guid.NewGuid().ToString("N")[..8]);
    private string Task2 => Path.Combine(_dir, "content", "plans", "2025", "tasks", "02.md");
    private string Target => Path.Combine(_dir, "content", "plans", "2025", "targets", "ho-so-dung-han.md");

    public void Dispose() { if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true); }

    private static string TaskFile(string deadline, string revised = "") => $"""
        ---
        no: 2
        area: the-che
        title: Rà soát văn bản quy phạm pháp luật
        lead: vh-xh
        deadline: "{deadline}"
        {revised}---

        """.Replace("\n\n---", "\n---", StringComparison.Ordinal);

    private const string Report = """
        ---
        period: q4
        issued: 2025-09-20
        tasks:
          "1": { status: in-progress, progress: 50 }
          "2": { status: not-started }
        ---
        Báo cáo quý.

        """;

    /// <summary>Three commits: the plan (task 2 due "Tháng 11/2025"); its deadline fixed to "Tháng 10/2025" with the first
    /// report; then the deadline and the target's goal changed without revised:.</summary>
    private void MakeHistory()
    {
        OpenDataSite.Copy(Repo.Path("tests", "sites", "minimal"), _dir);
        File.WriteAllText(Task2, TaskFile("Tháng 11/2025"));
        OpenDataSite.Git(_dir, "2025-08-12T09:00:00+07:00", "init", "-q");
        OpenDataSite.Git(_dir, "2025-08-12T09:00:00+07:00", "add", "-A");
        OpenDataSite.Git(_dir, "2025-08-12T09:00:00+07:00", "commit", "-q", "-m", "kế hoạch");
        File.WriteAllText(Task2, TaskFile("Tháng 10/2025"));
        File.WriteAllText(Path.Combine(_dir, "content", "plans", "2025", "reports", "q4.md").Also(p => Directory.CreateDirectory(Path.GetDirectoryName(p)!)), Report);
        OpenDataSite.Git(_dir, "2025-09-20T09:00:00+07:00", "add", "-A");
        OpenDataSite.Git(_dir, "2025-09-20T09:00:00+07:00", "commit", "-q", "-m", "sửa thời hạn, báo cáo quý");
        File.WriteAllText(Task2, TaskFile("Tháng 12/2025"));
        File.WriteAllText(Target, File.ReadAllText(Target).Replace("goal: \">= 98\"", "goal: \">= 95\"", StringComparison.Ordinal));
        OpenDataSite.Git(_dir, "2025-11-03T09:00:00+07:00", "commit", "-q", "-am", "đổi thời hạn");
    }

    [Theory]
    [InlineData("vi")]
    [InlineData("en")]
    public void A_deadline_and_a_goal_changed_after_the_first_report_are_warnings_at_their_lines(string lang)
    {
        MakeHistory();
        var run = CchcRun.Run("check", "--source", _dir, "--lang", lang);
        Golden.Check($"silent-moves.{lang}.txt", run.Err.Replace(_dir, "<site>", StringComparison.Ordinal));
        Assert.Equal(0, run.Exit);                                                    // warnings: the site still builds
        var lines = run.Err.Split('\n');
        var deadline = Assert.Single(lines, l => l.Contains(" CC0083: ", StringComparison.Ordinal));
        Assert.StartsWith("content/plans/2025/tasks/02.md(6,", deadline, StringComparison.Ordinal);
        Assert.Contains("\"Tháng 10/2025\"", deadline, StringComparison.Ordinal);       // the value public after the first report
        Assert.Contains("2025-09-20", deadline, StringComparison.Ordinal);
        Assert.DoesNotContain("Tháng 11/2025", run.Err, StringComparison.Ordinal);       // fixed before the first report: nothing
        Assert.Contains("revised: [{ deadline: \"Tháng 10/2025\", on: ", deadline, StringComparison.Ordinal);
        var goal = Assert.Single(lines, l => l.Contains(" CC0084: ", StringComparison.Ordinal));
        Assert.StartsWith("content/plans/2025/targets/ho-so-dung-han.md(5,", goal, StringComparison.Ordinal);
        Assert.Contains("\">= 98\"", goal, StringComparison.Ordinal);
    }

    [Fact]
    public void A_move_recorded_in_revised_or_not_yet_committed_is_judged_on_the_file_as_it_is()
    {
        MakeHistory();
        // Recorded: no warning for the deadline.
        File.WriteAllText(Task2, TaskFile("Tháng 12/2025",
            "revised:\n  - { deadline: \"Tháng 10/2025\", on: 2025-10-30, by: \"Quyết định số 90/QĐ-UBND ngày 30/10/2025\" }\n"));
        var run = CchcRun.Run("check", "--source", _dir);
        Assert.DoesNotContain(" CC0083: ", run.Err, StringComparison.Ordinal);
        Assert.Contains(" CC0084: ", run.Err, StringComparison.Ordinal);
        // An edit not yet committed: the last committed value was public.
        File.WriteAllText(Task2, TaskFile("Tháng 12/2025",
            "revised:\n  - { deadline: \"Tháng 10/2025\", on: 2025-10-30, by: \"Quyết định số 90/QĐ-UBND ngày 30/10/2025\" }\n").Replace("deadline: \"Tháng 12/2025\"", "deadline: \"Tháng 11/2025\"", StringComparison.Ordinal));
        run = CchcRun.Run("check", "--source", _dir);
        var line = Assert.Single(run.Err.Split('\n'), l => l.Contains(" CC0083: ", StringComparison.Ordinal));
        Assert.Contains("\"Tháng 12/2025\"", line, StringComparison.Ordinal);
        Assert.Contains("2025-11-03", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_git_nothing_is_said()
    {
        MakeHistory();
        Directory.Delete(Path.Combine(_dir, ".git"), recursive: true);
        var run = CchcRun.Run("check", "--source", _dir);
        Assert.DoesNotContain(" CC0083: ", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain(" CC0084: ", run.Err, StringComparison.Ordinal);
    }
}

internal static class Fluent
{
    public static T Also<T>(this T value, Action<T> action) { action(value); return value; }
}
