using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using static CchcPortal.Tests.Model.ProgressRulesTests;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Tests.Model;

/// <summary>
/// The one pre-fill rule of a new report (issue 37), shared by <c>cchc new report</c> and the web editor's form: every
/// task in order with its latest status, progress and evidence (or not started), every target with its latest value,
/// the period the next one due without a report.
/// </summary>
public class ReportPrefillTests
{
    private static readonly Positions Nowhere = new("x", new Dictionary<string, SourceLocation>());

    private static ReportingPeriod Period(string id, DateOnly due) => new(id, new TranslatedText(id.ToUpperInvariant()), null, null, due);

    private static readonly ReportingPeriod Q1 = Period("q1", new(2026, 3, 15));
    private static readonly ReportingPeriod Q2 = Period("q2", new(2026, 6, 15));
    private static readonly ReportingPeriod Q3 = Period("q3", new(2026, 9, 15));

    private static Report ReportOf(ReportingPeriod period, Dictionary<int, TaskEntry>? tasks = null, Dictionary<string, TargetEntry>? targets = null) =>
        Report(period.Id, period.Due, tasks, targets) with { Period = period };

    private static Plan PlanOf(IReadOnlyList<PlanTask> tasks, IReadOnlyList<Report> reports, IReadOnlyList<Target>? targets = null,
        IReadOnlyList<ReportingPeriod>? reporting = null) =>
        new("p", "content/plans/p/index.md", "05/KH-UBND", new TranslatedText("Kế hoạch"), null, null, null, null, PlanStatus.Active, null, null,
            [], reporting ?? [Q3, Q1, Q2], TranslatedText.Empty, targets ?? [], tasks, reports, Nowhere);

    [Fact]
    public void Without_a_report_every_task_is_not_started_in_order_and_the_period_is_the_first_due()
    {
        var plan = PlanOf([Task(3, "Năm 2026"), Task(1, "Năm 2026"), Task(2, "Năm 2026")], []);
        var prefill = ReportPrefill.Of(plan);
        Assert.Equal("q1", prefill.Period!.Id);
        Assert.Null(prefill.Previous);
        Assert.Equal([1, 2, 3], prefill.Tasks.Select(t => t.Task.No));
        Assert.All(prefill.Tasks, t => Assert.Equal((TaskStatus.NotStarted, (int?)null, (string?)null, (string?)null), (t.Status, t.Progress, t.Note, t.Evidence)));
    }

    [Fact]
    public void Each_task_carries_its_latest_report_even_one_that_a_later_report_does_not_mention()
    {
        var q1 = ReportOf(Q1, new()
        {
            [1] = E(TaskStatus.InProgress, 40, "Đang rà soát", "Kế hoạch 12/KH-UBND"),
            [2] = E(TaskStatus.Done, null, "Xong sớm", "Quyết định 88/QĐ-UBND"),
            [3] = E(TaskStatus.Cancelled, null, "Không còn phù hợp"),
        });
        var q2 = ReportOf(Q2, new() { [1] = E(TaskStatus.InProgress, 70, "Còn 3 thủ tục") });
        var plan = PlanOf([Task(1, "Năm 2026"), Task(2, "Năm 2026"), Task(3, "Năm 2026"), Task(4, "Năm 2026")], [q1, q2]);
        var prefill = ReportPrefill.Of(plan);
        Assert.Equal("q3", prefill.Period!.Id);
        Assert.Same(q2, prefill.Previous);
        var byNo = prefill.Tasks.ToDictionary(t => t.Task.No);
        // In progress: the latest progress; its note was about that period, the evidence stays.
        Assert.Equal((TaskStatus.InProgress, (int?)70, (string?)null, (string?)null), (byNo[1].Status, byNo[1].Progress, byNo[1].Note, byNo[1].Evidence));
        // Done in Q1, not mentioned in Q2: still done, 100 %, its note and evidence.
        Assert.Equal((TaskStatus.Done, (int?)100, "Xong sớm", "Quyết định 88/QĐ-UBND"), (byNo[2].Status, byNo[2].Progress, byNo[2].Note, byNo[2].Evidence));
        // Cancelled keeps its reason (check requires one).
        Assert.Equal((TaskStatus.Cancelled, "Không còn phù hợp"), (byNo[3].Status, byNo[3].Note));
        Assert.Equal(TaskStatus.NotStarted, byNo[4].Status);
    }

    [Fact]
    public void Every_target_has_its_latest_value_written_as_a_report_writes_it()
    {
        var rate = Target("ho-so-dung-han", Metric.Percent, ">= 98");
        var portal = Target("cong-dich-vu", Metric.Boolean, "= 1");
        var none = Target("chua-co", Metric.Count, ">= 5");
        var q1 = ReportOf(Q1, targets: new() { ["ho-so-dung-han"] = new(97.5m, null, null), ["cong-dich-vu"] = new(1, true, null) });
        var q2 = ReportOf(Q2, targets: new() { ["ho-so-dung-han"] = new(98.25m, null, null) });
        var prefill = ReportPrefill.Of(PlanOf([], [q1, q2], [rate, portal, none]));
        Assert.Equal(["98.25", "true", null], prefill.Targets.Select(t => t.Value));
        Assert.Equal(["ho-so-dung-han", "cong-dich-vu", "chua-co"], prefill.Targets.Select(t => t.Target.Id));
    }

    [Fact]
    public void The_period_is_the_first_due_without_a_report_or_none_when_all_have_one()
    {
        var plan = PlanOf([], [ReportOf(Q1), ReportOf(Q3)]);
        Assert.Equal("q2", ReportPrefill.NextPeriod(plan)!.Id);
        Assert.Equal("q2", ReportPrefill.Of(plan).Period!.Id);
        Assert.Null(ReportPrefill.NextPeriod(PlanOf([], [ReportOf(Q1), ReportOf(Q2), ReportOf(Q3)])));
        // A period given (cchc new report --period) is kept.
        Assert.Equal("q3", ReportPrefill.Of(plan, Q3).Period!.Id);
    }
}
