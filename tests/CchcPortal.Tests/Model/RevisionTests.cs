using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using static CchcPortal.Tests.Model.ProgressRulesTests;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Tests.Model;

/// <summary>Moved deadlines and goals (issue 36): what the model derives from <c>revised:</c>.</summary>
public class RevisionTests
{
    private static readonly DateOnly AsOf = new(2025, 10, 20);

    private static PlanTask Moved(int no, string now, params (string Deadline, DateOnly On)[] earlier) =>
        Task(no, now).WithRevisions(earlier.Select(e => new DeadlineRevision(Dl(e.Deadline), e.On, "Quyết định số 88/QĐ-UBND ngày 02/10/2025")).ToList());

    private static Plan Plan(IReadOnlyList<PlanTask> tasks, IReadOnlyList<Target>? targets = null) =>
        new("p", "content/plans/p/index.md", "05/KH-UBND", new TranslatedText("Kế hoạch"), null, null, null, null, PlanStatus.Active, null, null,
            [], [], TranslatedText.Empty, targets ?? [], tasks, [], new Positions("x", new Dictionary<string, SourceLocation>()));

    [Fact]
    public void A_task_never_moved_has_no_revisions_and_its_deadline_is_the_original()
    {
        var task = Task(1, "Tháng 9/2025");
        Assert.Equal(0, task.Revisions);
        Assert.Null(task.DaysMoved);
        Assert.Same(task.Deadline, task.OriginalDeadline);
    }

    [Fact]
    public void Original_deadline_count_and_days_moved_come_from_the_first_and_current_deadlines()
    {
        var task = Moved(1, "Tháng 12/2025", ("Tháng 9/2025", new(2025, 10, 2)), ("Tháng 11/2025", new(2025, 11, 5)));
        Assert.Equal(2, task.Revisions);
        Assert.Equal("Tháng 9/2025", task.OriginalDeadline.Text);
        // 30/9/2025 → 31/12/2025: the earliest due dates of the first and the current deadline.
        Assert.Equal(new DateOnly(2025, 12, 31).DayNumber - new DateOnly(2025, 9, 30).DayNumber, task.DaysMoved);
    }

    [Fact]
    public void Days_moved_uses_the_earliest_milestone_and_is_null_for_undated_deadlines()
    {
        var milestones = Moved(1, "Tháng 10/2025 (Kế hoạch), Tháng 12/2025 (Báo cáo)", ("Tháng 8/2025 (Kế hoạch), Tháng 12/2025 (Báo cáo)", new(2025, 10, 2)));
        Assert.Equal(new DateOnly(2025, 10, 31).DayNumber - new DateOnly(2025, 8, 31).DayNumber, milestones.DaysMoved);
        Assert.Null(Moved(2, "Thường xuyên", ("Tháng 9/2025", new(2025, 10, 2))).DaysMoved);
        Assert.Equal(-61, Moved(3, "Tháng 7/2025", ("Tháng 9/2025", new(2025, 6, 2))).DaysMoved);   // brought forward
    }

    [Fact]
    public void Overdue_is_judged_on_the_current_deadline()
    {
        // Was due in September; moved to December: not overdue on 20/10/2025. The same task never moved would be.
        var moved = ProgressRules.Plan(Plan([Moved(1, "Tháng 12/2025", ("Tháng 9/2025", new(2025, 10, 2)))]), AsOf).Tasks.Single();
        Assert.False(moved.Overdue);
        var kept = ProgressRules.Plan(Plan([Task(1, "Tháng 9/2025")]), AsOf).Tasks.Single();
        Assert.True(kept.Overdue);
        // Moved to a date that has passed too: overdue counted from the current deadline only.
        var late = ProgressRules.Plan(Plan([Moved(1, "Tháng 9/2025", ("Tháng 7/2025", new(2025, 6, 2)))]), AsOf).Tasks.Single();
        Assert.Equal(AsOf.DayNumber - new DateOnly(2025, 9, 30).DayNumber, late.DaysOverdue);
        Assert.Equal(TaskStatus.NotStarted, late.Status);
    }

    [Fact]
    public void Monitoring_lists_moved_tasks_furthest_moved_first_and_moved_goals()
    {
        Assert.True(Goal.TryParse(">= 95", out var earlier));
        var target = ProgressRulesTests.Target("ho-so", Metric.Percent, ">= 98") with { Revised = [new GoalRevision(earlier!, ">= 95", new(2025, 10, 2), null)] };
        var plan = ProgressRules.Plan(Plan([
            Task(1, "Tháng 9/2025"),
            Moved(2, "Tháng 10/2025", ("Tháng 9/2025", new(2025, 9, 2))),
            Moved(3, "Tháng 12/2025", ("Tháng 9/2025", new(2025, 10, 2))),
            Moved(4, "Thường xuyên", ("Tháng 9/2025", new(2025, 10, 2))),
        ], [ProgressRulesTests.Target("khac", Metric.Percent, ">= 90"), target]), AsOf);
        var m = MonitoringSummary.Of([plan], []);
        Assert.Equal([3, 2, 4], m.Moved.Select(t => t.Task.No));
        Assert.Equal("ho-so", Assert.Single(m.GoalsMoved).Target.Id);
        Assert.Equal(">= 95", target.OriginalGoal.ToString());
        Assert.Equal(1, target.Revisions);
    }

    [Theory]
    [InlineData("Tháng 9/2025", "tháng 9 năm 2025", true)]       // the same due date written differently
    [InlineData("Tháng 9/2025", "30/9/2025", true)]              // both fall due on 30/9/2025
    [InlineData("Tháng 9/2025", "Tháng 10/2025", false)]
    [InlineData("Thường xuyên", "Thuong xuyen", true)]
    public void Same_deadline_compares_due_dates_or_undated_text(string a, string b, bool same)
    {
        Assert.Equal(same, Binders.SameDeadline(Dl(a), Dl(b)));
    }
}
