using CchcPortal.Tests.OpenData;

namespace CchcPortal.Tests.Content;

/// <summary>`cchc check` warns when a translation's Vietnamese source was committed after it (issue 6).</summary>
public sealed class StaleTranslationTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "cchc-stale-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() { if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true); }

    [Fact]
    public void A_source_changed_after_its_translation_is_reported_as_stale_and_a_fresh_one_is_not()
    {
        OpenDataSite.Copy(Path.Combine(Repo.Root, "tests", "sites", "minimal"), _dir);
        var task = Path.Combine(_dir, "content", "plans", "2025", "tasks", "01.md");
        var unit = Path.Combine(_dir, "content", "units", "vh-xh.md");
        File.WriteAllText(task[..^3] + ".en.md", "---\ntitle: The English title\n---\n");
        File.WriteAllText(unit[..^3] + ".en.md", "---\nname: Culture and Society Office\n---\n");
        OpenDataSite.Git(_dir, "2025-10-01T08:00:00", "init", "-q");
        OpenDataSite.Git(_dir, "2025-10-01T08:00:00", "add", "-A");
        OpenDataSite.Git(_dir, "2025-10-01T08:00:00", "commit", "-q", "-m", "plan and translations");
        File.AppendAllText(task, "\nMột đoạn mới.\n");
        OpenDataSite.Git(_dir, "2025-11-02T09:30:00", "commit", "-q", "-am", "task changed");

        var run = CchcRun.Run("check", "--source", _dir);

        Assert.Equal(0, run.Exit);
        Assert.Contains("content/plans/2025/tasks/01.en.md: warning CC0031: Bản dịch có thể đã cũ: tệp gốc content/plans/2025/tasks/01.md", run.Err);
        Assert.DoesNotContain("vh-xh.en.md: warning CC0031", run.Err);
    }
}
