using System.Text.RegularExpressions;

namespace CchcPortal.Tests.Cli;

public class NewFileTests
{
    private const string Plan = "content/plans/2026";

    [Fact]
    public void New_report_is_for_the_first_period_without_a_report_lists_every_task_and_checks()
    {
        using var site = new CliSite();
        Assert.Equal(0, site.Cli("new", "task").Exit);
        Assert.Equal(0, site.Cli("new", "task", "--no", "12").Exit);
        var (exit, o, e) = site.Cli("new", "report");
        Assert.True(exit == 0, o + e);
        Assert.Contains($"{Plan}/reports/q1.md", o);
        var report = site.Read($"{Plan}/reports/q1.md");
        Assert.Contains("period: q1", report);
        foreach (var no in new[] { 1, 2, 12 }) Assert.Contains($"\"{no}\": {{ status: not-started }}", report);
        Assert.Contains("ho-so-dung-han", report);
        Assert.Contains("## Kết quả đạt được", report);
        site.AssertChecks();
    }

    [Fact]
    public void Next_report_carries_the_last_status_progress_evidence_and_value()
    {
        using var site = new CliSite();
        Assert.Equal(0, site.Cli("new", "report").Exit);
        var q1 = site.Read($"{Plan}/reports/q1.md")
            .Replace("\"1\": { status: not-started }", "\"1\": { status: in-progress, progress: 40, evidence: \"Kế hoạch số 12/KH-UBND: dự thảo\" }")
            .Replace("  # ho-so-dung-han: { value: }", "  ho-so-dung-han: { value: \"97,5\" }");
        site.Write($"{Plan}/reports/q1.md", q1);
        site.AssertChecks();

        var (exit, o, e) = site.Cli("new", "report");
        Assert.True(exit == 0, o + e);
        var q2 = site.Read($"{Plan}/reports/q2.md");
        Assert.Contains("period: q2", q2);
        Assert.Contains("\"1\": { status: in-progress, progress: 40, evidence: \"Kế hoạch số 12/KH-UBND: dự thảo\" }", q2);
        Assert.Matches(@"(?m)^  ho-so-dung-han: \{ value: 97\.5 \}", q2);
        Assert.Contains("Quý I/2026", q2);
        site.AssertChecks();
    }

    [Fact]
    public void New_report_never_overwrites_and_names_a_period_that_has_a_report()
    {
        using var site = new CliSite();
        Assert.Equal(0, site.Cli("new", "report", "--period", "q3").Exit);
        site.Write($"{Plan}/reports/q3.md", site.Read($"{Plan}/reports/q3.md") + "Ghi chú của cán bộ.\n");
        var (exit, _, e) = site.Cli("new", "report", "--period", "q3");
        Assert.Equal(1, exit);
        Assert.Contains("kỳ \"q3\" đã có báo cáo", e);
        Assert.EndsWith("Ghi chú của cán bộ.\n", site.Read($"{Plan}/reports/q3.md"));
        Assert.Equal(1, site.Cli("new", "report", "--period", "q9").Exit);
    }

    [Fact]
    public void New_task_takes_the_next_free_number_or_the_one_given()
    {
        using var site = new CliSite();
        Assert.Contains($"{Plan}/tasks/02.md", site.Cli("new", "task").Out);
        Assert.Matches(new Regex(@"(?m)^no: 2\b"), site.Read($"{Plan}/tasks/02.md"));
        Assert.Equal(0, site.Cli("new", "task", "--no", "7", "--id", "bay").Exit);
        Assert.Matches(new Regex(@"(?m)^no: 7\b"), site.Read($"{Plan}/tasks/bay.md"));
        Assert.Equal(0, site.Cli("new", "task").Exit);
        Assert.Matches(new Regex(@"(?m)^no: 8\b"), site.Read($"{Plan}/tasks/08.md"));
        site.AssertChecks();

        var (exit, _, e) = site.Cli("new", "task", "--no", "7");
        Assert.Equal(1, exit);
        Assert.Contains("đã có nhiệm vụ số 7", e);
        Assert.Equal(2, site.Cli("new", "task", "--no", "bảy").Exit);
    }

    [Fact]
    public void New_target_plan_unit_and_page_each_pass_check()
    {
        using var site = new CliSite();
        foreach (var (args, file) in new (string[], string)[]
        {
            (["new", "target", "--id", "ho-so-truc-tuyen"], $"{Plan}/targets/ho-so-truc-tuyen.md"),
            (["new", "plan", "--id", "2027"], "content/plans/2027/index.md"),
            (["new", "unit", "--id", "phong-kinh-te"], "content/units/phong-kinh-te.md"),
            (["new", "page", "--id", "lien-he"], "content/pages/lien-he.md"),
        })
        {
            var (exit, o, e) = site.Cli(args);
            Assert.True(exit == 0, o + e);
            Assert.True(File.Exists(Path.Combine(site.Dir, file)), file);
            site.AssertChecks();
        }
        Assert.Contains("status: draft", site.Read("content/plans/2027/index.md"));
    }

    [Fact]
    public void New_supervision_is_by_the_monitoring_unit_and_passes_check_before_and_after_an_answer()
    {
        using var site = new CliSite();
        var (exit, o, e) = site.Cli("new", "supervision", "--id", "2026-tthc", "--today", "2026-02-01");
        Assert.True(exit == 0, o + e);
        var file = "content/supervision/2026-tthc.md";
        var text = site.Read(file);
        Assert.Contains("by: ub-mttq", text);
        Assert.Contains("plan: 2026", text);
        Assert.Contains("due: 2026-03-03", text);
        Assert.Contains("accepted | done | explained | declined", text);
        site.AssertChecks();
        // Staff answer: uncomment the answer block.
        site.Write(file, Regex.Replace(text, @"^    # (answer:|  date|  number|  result|  text)", "    $1", RegexOptions.Multiline));
        Assert.Contains("    answer:", site.Read(file));
        site.AssertChecks();
        Assert.Equal(2, site.Cli("new", "supervision").Exit);                       // --id is required
    }

    [Fact]
    public void New_files_refuse_to_overwrite_and_reject_bad_ids()
    {
        using var site = new CliSite();
        var before = site.Read($"{Plan}/targets/ho-so-dung-han.md");
        var (exit, _, e) = site.Cli("new", "target", "--id", "ho-so-dung-han");
        Assert.Equal(1, exit);
        Assert.Contains("đã có; không ghi đè", e);
        Assert.Equal(before, site.Read($"{Plan}/targets/ho-so-dung-han.md"));

        (exit, _, e) = site.Cli("new", "unit", "--id", "Phòng Kinh tế");
        Assert.Equal(2, exit);
        Assert.Contains("phong-kinh-te", e);
        Assert.Equal(2, site.Cli("new", "unit").Exit);
    }

    [Fact]
    public void New_report_outside_a_site_says_where_to_run_it()
    {
        using var empty = new CliSite(create: false);
        var (exit, _, e) = CliSite.Run(empty.Root, "new", "report");
        Assert.Equal(1, exit);
        Assert.Contains("không tìm thấy site.yaml", e);
    }
}
