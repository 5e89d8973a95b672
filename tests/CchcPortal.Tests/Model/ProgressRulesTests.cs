using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Tests.Model;

/// <summary>The progress rules of issue 4 on small in-memory plans.</summary>
public class ProgressRulesTests
{
    private static readonly Area Area = Area.All[0];
    private static readonly DateOnly AsOf = new(2025, 12, 20);

    internal static Deadline Dl(string text)
    {
        Assert.True(DeadlineParser.TryParse(text, out var d), text);
        return d!;
    }

    internal static PlanTask Task(int no, string deadline, string lead = "vh-xh") =>
        new("p", no.ToString("00"), $"content/plans/p/tasks/{no:00}.md", no, Area, new TranslatedText($"Nhiệm vụ {no}"), null, lead, [],
            Dl(deadline), TranslatedText.Empty, new Positions("x", new Dictionary<string, SourceLocation>()));

    internal static Target Target(string id, Metric metric, string goal, decimal? max = null)
    {
        Assert.True(Goal.TryParse(goal, out var g));
        return new("p", id, $"content/plans/p/targets/{id}.md", Area, new TranslatedText(id), metric, g!, max, null, "vh-xh", TranslatedText.Empty,
            new Positions("x", new Dictionary<string, SourceLocation>()));
    }

    internal static Report Report(string id, DateOnly issued, Dictionary<int, TaskEntry>? tasks = null, Dictionary<string, TargetEntry>? targets = null) =>
        new("p", id, $"content/plans/p/reports/{id}.md", new ReportingPeriod(id, new TranslatedText(id), null, null, issued), null, issued,
            tasks ?? [], targets ?? [], TranslatedText.Empty, new Positions("x", new Dictionary<string, SourceLocation>()));

    internal static TaskEntry E(TaskStatus s, int? progress = null, string? note = null, string? evidence = null) =>
        new(s, progress, note is null ? null : new TranslatedText(note), evidence);

    private static Plan Plan(IReadOnlyList<PlanTask> tasks, IReadOnlyList<Report> reports, IReadOnlyList<Target>? targets = null) =>
        new("p", "content/plans/p/index.md", "05/KH-UBND", new TranslatedText("Kế hoạch"), null, null, null, null, PlanStatus.Active, null, null,
            [], [], TranslatedText.Empty, targets ?? [], tasks, reports, new Positions("x", new Dictionary<string, SourceLocation>()));

    private static TaskState State(PlanTask task, DateOnly asOf, params Report[] reports) =>
        ProgressRules.Plan(Plan([task], reports), asOf).Tasks.Single();

    private static readonly Report Q3 = Report("q3", new(2025, 9, 15));

    [Fact]
    public void Status_comes_from_the_latest_report_that_mentions_the_task()
    {
        var task = Task(1, "Tháng 12/2025");
        var q3 = Report("q3", new(2025, 9, 15), new() { [1] = E(TaskStatus.InProgress, 40, "Đã ban hành kế hoạch") });
        var q4 = Report("q4", new(2025, 12, 15), new() { [1] = E(TaskStatus.Done, 100, evidence: "Quyết định số 88/QĐ-UBND") });
        var s = State(task, AsOf, q3, q4);
        Assert.Equal(TaskStatus.Done, s.Status);
        Assert.Equal(100, s.Progress);
        Assert.Equal(2, s.History.Count);
        Assert.Equal("Quyết định số 88/QĐ-UBND", s.Last!.Entry.Evidence);

        // A later report that does not mention it keeps the status of the last one that did.
        var q5 = Report("q5", new(2025, 12, 18));
        var kept = State(task, AsOf, q3, q5);
        Assert.Equal(TaskStatus.InProgress, kept.Status);
        Assert.Equal(40, kept.Progress);
    }

    [Fact]
    public void A_report_issued_after_as_of_does_not_count_yet()
    {
        var task = Task(1, "Tháng 12/2025");
        var q4 = Report("q4", new(2025, 12, 15), new() { [1] = E(TaskStatus.Done, 100) });
        var s = State(task, new DateOnly(2025, 12, 10), q4);
        Assert.Equal(TaskStatus.NotStarted, s.Status);
        Assert.Empty(s.History);
        Assert.False(s.NoReport);   // no report was due yet
    }

    [Fact]
    public void Not_started_without_any_report()
    {
        var s = State(Task(1, "Tháng 12/2025"), AsOf);
        Assert.Equal(TaskStatus.NotStarted, s.Status);
        Assert.Null(s.Progress);
        Assert.False(s.NoReport);
    }

    [Fact]
    public void Overdue_when_the_first_of_several_milestones_has_passed()
    {
        var task = Task(4, "Giao ban quý III: tháng 9/2025; Giao ban quý IV: tháng 12/2025");
        var q3 = Report("q3", new(2025, 9, 15), new() { [4] = E(TaskStatus.InProgress, 50) });
        var s = State(task, new DateOnly(2025, 10, 5), q3);
        Assert.True(s.Overdue);
        Assert.Equal(5, s.DaysOverdue);                     // 30/9 → 5/10
        Assert.Equal(new DateOnly(2025, 9, 30), s.MissedMilestone!.Due);
        Assert.Equal("Giao ban quý III", s.MissedMilestone.Label);
    }

    [Fact]
    public void Not_overdue_on_the_due_date_itself()
    {
        var s = State(Task(1, "Trước ngày 20/8/2025"), State(Task(1, "Trước ngày 20/8/2025"), AsOf).Task.Deadline.FirstDue!.Value);
        Assert.False(s.Overdue);
        Assert.Equal(0, s.DaysOverdue);
    }

    [Theory]
    [InlineData(TaskStatus.Done)]
    [InlineData(TaskStatus.Cancelled)]
    public void Done_or_cancelled_is_never_overdue(TaskStatus status)
    {
        var task = Task(1, "Tháng 8/2025");
        var q3 = Report("q3", new(2025, 9, 15), new() { [1] = E(status, note: "Thành phố tạm dừng") });
        var s = State(task, AsOf, q3);
        Assert.Equal(status, s.Status);
        Assert.False(s.Overdue);
        Assert.Equal(0, s.DaysOverdue);
    }

    [Theory]
    [InlineData(TaskStatus.NotStarted)]
    [InlineData(TaskStatus.InProgress)]
    public void Not_done_after_the_due_date_is_overdue_with_days(TaskStatus status)
    {
        var task = Task(1, "Tháng 8/2025");
        var q3 = Report("q3", new(2025, 9, 15), new() { [1] = E(status) });
        var s = State(task, AsOf, q3);
        Assert.True(s.Overdue);
        Assert.Equal(AsOf.DayNumber - new DateOnly(2025, 8, 31).DayNumber, s.DaysOverdue);
    }

    [Theory]
    [InlineData("Thường xuyên", DeadlineKind.Ongoing)]
    [InlineData("Theo kỳ báo cáo CCHC", DeadlineKind.EachReportingPeriod)]
    [InlineData("Theo hướng dẫn của Thành phố", DeadlineKind.PerGuidance)]
    public void Undated_tasks_are_never_overdue_but_show_their_last_report(string deadline, DeadlineKind kind)
    {
        var task = Task(9, deadline);
        Assert.Equal(kind, task.Deadline.Kind);
        var q3 = Report("q3", new(2025, 9, 15), new() { [9] = E(TaskStatus.InProgress, 60, "Đang cập nhật") });
        var s = State(task, new DateOnly(2030, 1, 1), q3);
        Assert.False(s.Overdue);
        Assert.Equal(TaskStatus.InProgress, s.Status);
        Assert.Equal("Đang cập nhật", s.Last!.Entry.Note!.Vi);
        Assert.Equal(60, s.Progress);
    }

    [Fact]
    public void No_report_when_the_latest_report_does_not_mention_it()
    {
        var a = Task(1, "Tháng 12/2025");
        var b = Task(2, "Tháng 12/2025");
        var q3 = Report("q3", new(2025, 9, 15), new() { [1] = E(TaskStatus.InProgress, 10), [2] = E(TaskStatus.InProgress, 10) });
        var q4 = Report("q4", new(2025, 12, 15), new() { [1] = E(TaskStatus.InProgress, 80) });
        var states = ProgressRules.Plan(Plan([a, b], [q3, q4]), AsOf).Tasks;
        Assert.False(states[0].NoReport);
        Assert.True(states[1].NoReport);
        Assert.Equal(TaskStatus.InProgress, states[1].Status);    // still shows what q3 said
        Assert.Equal(1, ProgressRules.Plan(Plan([a, b], [q3, q4]), AsOf).Counts.NoReport);
    }

    [Fact]
    public void A_task_finished_in_an_earlier_report_is_not_missing_from_the_latest()
    {
        var a = Task(1, "Tháng 8/2025");
        var q3 = Report("q3", new(2025, 9, 15), new() { [1] = E(TaskStatus.Done, 100, evidence: "Kế hoạch số 50/KH-UBND") });
        var q4 = Report("q4", new(2025, 12, 15));
        var s = State(a, AsOf, q3, q4);
        Assert.Equal(TaskStatus.Done, s.Status);
        Assert.False(s.NoReport);
        Assert.False(s.Overdue);
    }

    [Fact]
    public void A_report_snapshot_judges_each_task_on_its_own_date_and_says_what_changed()
    {
        var a = Task(1, "Tháng 10/2025");
        var b = Task(2, "Tháng 12/2025");
        var c = Task(3, "Tháng 12/2025");
        var target = Target("t", Metric.Percent, ">= 90");
        var q3 = Report("q3", new(2025, 9, 15), new() { [1] = E(TaskStatus.InProgress, 50), [2] = E(TaskStatus.InProgress, 10) },
            new() { ["t"] = new TargetEntry(88.5m, null, null) });
        var q4 = Report("q4", new(2025, 12, 15), new() { [1] = E(TaskStatus.Done, 100), [2] = E(TaskStatus.InProgress, 10), [3] = E(TaskStatus.InProgress, 5) },
            new() { ["t"] = new TargetEntry(91.3m, null, null) });
        var plan = ProgressRules.Plan(Plan([a, b, c], [q3, q4], [target]), AsOf);
        var first = plan.Snapshot(q3);
        var second = plan.Snapshot(q4);

        Assert.Null(first.Previous);
        Assert.Same(q4, first.Next);
        Assert.Equal([TaskChange.New, TaskChange.New], first.Tasks.Select(x => x.Change));
        Assert.Equal([3], first.NotMentioned.Select(x => x.Task.No));
        Assert.False(first.Tasks[0].State.Overdue); // judged on 15/9, before its deadline (it is done by as_of anyway)
        Assert.Equal(TargetChange.New, first.Targets[0].Change);
        Assert.Equal(TargetResult.NotMet, first.Targets[0].Result);

        Assert.Same(q3, second.Previous);
        Assert.Equal([TaskChange.Status, TaskChange.None, TaskChange.New], second.Tasks.Select(x => x.Change));
        Assert.Equal(TaskStatus.InProgress, second.Tasks[0].Before!.Status);
        Assert.Null(second.Tasks[2].Before);
        Assert.Empty(second.NotMentioned);
        Assert.Equal((TargetChange.Up, 2.8m, TargetResult.Met), (second.Targets[0].Change, second.Targets[0].Delta, second.Targets[0].Result));
    }

    [Fact]
    public void Done_on_time_compares_the_first_done_report_with_the_final_due_date()
    {
        var onTime = State(Task(1, "Tháng 9/2025"), AsOf, Report("q3", new(2025, 9, 15), new() { [1] = E(TaskStatus.Done) }));
        var late = State(Task(1, "Tháng 8/2025"), AsOf, Report("q3", new(2025, 9, 15), new() { [1] = E(TaskStatus.Done) }));
        Assert.True(onTime.DoneOnTime);
        Assert.False(late.DoneOnTime);
        Assert.Equal(100, onTime.Progress);
    }

    [Theory]
    [InlineData(">= 98", "98", true)]
    [InlineData(">= 98", "97.9", false)]
    [InlineData("> 70", "70", false)]
    [InlineData("> 70", "70.1", true)]
    [InlineData("<= 10", "10", true)]
    [InlineData("<= 10", "10.5", false)]
    [InlineData("< 5", "4.99", true)]
    [InlineData("< 5", "5", false)]
    [InlineData("= 100", "100", true)]
    [InlineData("= 100", "99", false)]
    [InlineData("\"2,95\"", "2.95", true)]
    public void Target_met_or_not_for_each_comparator(string goal, string value, bool met)
    {
        var target = Target("t", Metric.Percent, goal);
        var q3 = Report("q3", new(2025, 9, 15), targets: new() { ["t"] = new TargetEntry(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), null, null) });
        var s = ProgressRules.Target(target, [q3]);
        Assert.Equal(met ? TargetResult.Met : TargetResult.NotMet, s.Result);
        Assert.Single(s.Points);
    }

    [Fact]
    public void Target_result_is_the_latest_value_and_no_data_without_one()
    {
        var target = Target("t", Metric.Percent, ">= 90");
        var q3 = Report("q3", new(2025, 9, 15), targets: new() { ["t"] = new TargetEntry(88.5m, null, null) });
        var q4 = Report("q4", new(2025, 12, 15), targets: new() { ["t"] = new TargetEntry(91.3m, null, null) });
        Assert.Equal(TargetResult.NoData, ProgressRules.Target(target, []).Result);
        Assert.Equal(TargetResult.NoData, ProgressRules.Target(target, [Report("q3", new(2025, 9, 15))]).Result);
        var s = ProgressRules.Target(target, [q3, q4]);
        Assert.Equal(TargetResult.Met, s.Result);
        Assert.Equal([false, true], s.Points.Select(p => p.Met));
        Assert.Equal(91.3m, s.Latest!.Entry.Value);
    }

    [Fact]
    public void A_units_work_on_one_plan_counts_that_plan_only()
    {
        var units = new[] { "vh-xh", "vp", "tp" }
            .Select(id => new Unit(id, $"content/units/{id}.md", new TranslatedText(id), null, UnitRole.Office, TranslatedText.Empty)).ToList();
        var first = ProgressRules.Plan(Plan([Task(1, "Tháng 3/2025"), Task(2, "Tháng 12/2025", lead: "vp")], []), AsOf);
        var second = ProgressRules.Plan(Plan([Task(1, "Tháng 3/2025")], []) with { Id = "q" }, AsOf);
        var config = new SiteConfig("Cổng", null, null, "/", ["vi"], AsOf, false, "default", "CC BY 4.0");
        var portal = new Portal(config, units, [first, second], [], ProgressRules.Scores(units, [first, second]), []);

        Assert.Equal([2, 1, 0], portal.Scores.Select(s => s.Leads.Count));
        Assert.Equal([2, 0, 0], portal.Scores.Select(s => s.Counts.Overdue));
        var onFirst = portal.ScoresOn(first);
        Assert.Equal(["vh-xh", "vp"], onFirst.Select(s => s.Unit.Id));
        Assert.Equal([1, 1], onFirst.Select(s => s.Leads.Count));
        Assert.Equal([1, 0], onFirst.Select(s => s.Counts.Overdue));
        Assert.Equal(["vh-xh"], portal.ScoresOn(second).Select(s => s.Unit.Id));
    }

    [Fact]
    public void Points_show_with_a_decimal_comma()
    {
        Assert.Equal("2,95", VnNumber.Format(2.95m, "vi"));
        Assert.Equal("2.95", VnNumber.Format(2.95m, "en"));
        Assert.True(VnNumber.TryParse("2,95", out var v));
        Assert.Equal(2.95m, v);
    }

    // ---- property tests: deadline → due date → overdue ----

    private static readonly DateOnly Epoch = new(2024, 1, 1);

    /// <summary>A dated deadline text from a day offset and a form: a date, "Trước ngày", a month, a quarter.</summary>
    private static (string Text, DateOnly Due) Written(int dayOffset, int form)
    {
        var d = Epoch.AddDays(dayOffset);
        var q = (d.Month - 1) / 3 + 1;
        var roman = new[] { "I", "II", "III", "IV" }[q - 1];
        return (form % 4) switch
        {
            0 => ($"{d.Day}/{d.Month}/{d.Year}", d),
            1 => ($"Trước ngày {d.Day}/{d.Month}/{d.Year}", d),
            2 => ($"Tháng {d.Month}/{d.Year}", new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month))),
            _ => ($"Quý {roman}/{d.Year}", new DateOnly(d.Year, q * 3, DateTime.DaysInMonth(d.Year, q * 3))),
        };
    }

    [Property(MaxTest = 300)]
    public Property Overdue_iff_a_due_date_passed_and_not_done(NonNegativeInt a, NonNegativeInt b, NonNegativeInt asOfOffset, byte formA, byte formB, byte statusByte)
    {
        var (textA, dueA) = Written(a.Get % 1400, formA);
        var (textB, dueB) = Written(b.Get % 1400, formB);
        var text = $"{textA} (Kế hoạch), {textB} (Báo cáo)";
        var asOf = Epoch.AddDays(asOfOffset.Get % 1600);
        var status = (TaskStatus)(statusByte % 4);
        var deadline = Dl(text);
        var dues = deadline.Milestones.Select(m => m.Due).ToList();
        var (overdue, days, missed) = ProgressRules.Overdue(deadline, status, asOf);

        var passed = dues.Where(d => d < asOf).ToList();
        var expected = passed.Count > 0 && status is not (TaskStatus.Done or TaskStatus.Cancelled);
        return (dues.SequenceEqual([dueA, dueB])
                && overdue == expected
                && (!overdue || (days == asOf.DayNumber - passed.Min().DayNumber && days >= 1 && missed!.Due == passed.Min()))
                && (overdue || days == 0))
            .Label($"{text} on {asOf}, {status}: overdue={overdue}, days={days}, dues={string.Join(",", dues)}");
    }

    [Property(MaxTest = 300)]
    public Property A_single_dated_deadline_is_overdue_exactly_after_its_due_date(NonNegativeInt offset, int shift, byte form)
    {
        var (text, due) = Written(offset.Get % 1400, form);
        var deadline = Dl(text);
        var asOf = due.AddDays(shift % 400);
        var (overdue, days, _) = ProgressRules.Overdue(deadline, TaskStatus.InProgress, asOf);
        return (deadline.FinalDue == due && overdue == (asOf > due) && days == (overdue ? asOf.DayNumber - due.DayNumber : 0))
            .Label($"{text} → {deadline.FinalDue}, as_of {asOf}: {overdue}/{days}");
    }
}
