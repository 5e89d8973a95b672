using CchcPortal.Site.Build;

namespace CchcPortal.Tests.Build;

/// <summary>
/// Issue 38, what /admin/ is given for the forms (the browser tests in EditorFirstHourTests show them at work): the
/// reports each plan has, the periods that have one marked in the form, the status words of the pages, and the script
/// that makes dates day first and runs before the editor.
/// </summary>
public class EditorFormTests
{
    private static string Built()
    {
        var dir = Repo.TempDir("editor-form-site");
        Content.ReportListTests.CopyDir(Repo.Path("tests", "sites", "seed-004"), dir);
        File.AppendAllText(Path.Combine(dir, "site.yaml"), "editor: { backend: github, repo: xa-lap-vo/cchc, branch: main }\n");
        var output = Repo.TempDir("editor-form-out");
        var result = SiteBuilder.Run(new BuildOptions(dir, output, Today: new DateOnly(2025, 12, 20)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return Path.Combine(output, "admin");
    }

    [Fact]
    public void The_form_knows_which_periods_have_a_report_and_uses_the_pages_status_words()
    {
        var admin = Built();
        using var data = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(admin, "cchc-form.json")));
        var reports = data.RootElement.GetProperty("reports").GetProperty("reports-cai-thien-chi-so-2024");
        Assert.Equal(["q2", "q3"], reports.EnumerateObject().Select(p => p.Name));
        Assert.Equal("content/plans/cai-thien-chi-so-2024/reports/q3.md", reports.GetProperty("q3").GetString());

        var config = File.ReadAllText(Path.Combine(admin, "config.yml"));
        Assert.Contains("label: \"Quý II/2024 (q2) — đã có báo cáo\"", config, StringComparison.Ordinal);
        Assert.Contains("label: \"Quý I/2024 (q1)\"", config, StringComparison.Ordinal);
        foreach (var (label, value) in new[] { ("Chưa bắt đầu", "not-started"), ("Đang thực hiện", "in-progress"), ("Đã hoàn thành", "done"), ("Đã hủy", "cancelled") })
            Assert.Contains($"label: \"{label}\"\n", config.Replace($"label: \"{label}\"\n              value: \"{value}\"", $"label: \"{label}\"\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Chưa triển khai", config, StringComparison.Ordinal);

        var script = File.ReadAllText(Path.Combine(admin, "cchc-form.js"));
        Assert.Contains("dd/mm/yyyy", script, StringComparison.Ordinal);
        var index = File.ReadAllText(Path.Combine(admin, "index.html"));
        Assert.True(index.IndexOf("cchc-form.js", StringComparison.Ordinal) < index.IndexOf("sveltia-cms.js", StringComparison.Ordinal));
    }
}
