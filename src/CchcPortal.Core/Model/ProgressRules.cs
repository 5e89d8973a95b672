using CchcPortal.Core.Text;

namespace CchcPortal.Core.Model;

/// <summary>
/// The rules of progress tracking, applied once on <c>as_of</c>:
/// a task's status comes from the latest report (issued by as_of) that mentions it; it is overdue when a due date of
/// any milestone has passed and it is neither done nor cancelled; it has "no report" when the latest report due by
/// as_of does not mention it (unless an earlier report already said done or cancelled). Ongoing, per-period and per-guidance tasks have no due date, so are never overdue.
/// </summary>
public static class ProgressRules
{
    public static Portal Build(SiteContent content)
    {
        var asOf = content.Config.AsOf;
        // Each plan's states (and its reports' snapshots) depend on nothing but the plan: made in parallel, in the plans' order.
        var published = content.Plans.Where(p => p.Status != PlanStatus.Draft).ToList();
        var plans = new PlanState[published.Count];
        Parallel.For(0, published.Count, i => plans[i] = Plan(published[i], asOf));
        return new Portal(content.Config, content.Units, plans, content.Pages, Scores(content.Units, plans), content.StaticFiles)
        {
            Supervision = SupervisionRules.Build(content.Supervisions, asOf),
        };
    }

    /// <summary>Each unit's work on these plans, in the units' order.</summary>
    public static IReadOnlyList<UnitScore> Scores(IReadOnlyList<Unit> units, IReadOnlyList<PlanState> plans)
    {
        // Each unit's tasks and targets, found in one pass (not one pass per unit: a province has hundreds of units).
        var tasks = plans.SelectMany(p => p.Tasks).ToList();
        var leads = tasks.ToLookup(t => t.Task.LeadId, StringComparer.Ordinal);
        var cooperates = tasks.SelectMany(t => t.Task.CooperatingIds.Distinct(StringComparer.Ordinal).Select(id => (id, t))).ToLookup(x => x.id, x => x.t, StringComparer.Ordinal);
        var targets = plans.SelectMany(p => p.Targets).ToLookup(t => t.Target.LeadId, StringComparer.Ordinal);
        return units.Select(u => Score(u, leads[u.Id].ToList(), cooperates[u.Id].ToList(), targets[u.Id].ToList())).ToList();
    }

    /// <summary>Reports that count on as_of, oldest first.</summary>
    public static IReadOnlyList<Report> Counted(Plan plan, DateOnly asOf) =>
        plan.Reports.Where(r => r.Effective <= asOf).ToList();

    public static PlanState Plan(Plan plan, DateOnly asOf)
    {
        var reports = Counted(plan, asOf);
        var latest = reports.Count > 0 ? reports[^1] : null;
        var tasks = plan.Tasks.Select(t => Task(t, reports, latest, asOf)).ToList();
        var targets = plan.Targets.Select(t => Target(t, reports)).ToList();
        return new PlanState(plan, tasks, targets, latest, StatusCounts.Of(tasks), Snapshots(plan));
    }

    /// <summary>
    /// Each report of the plan as it stood when issued: every task and target judged on the report's own date with only
    /// it and the earlier reports counted. The states as of one report are those "before" the next, so each is made once.
    /// </summary>
    public static IReadOnlyList<ReportSnapshot> Snapshots(Plan plan)
    {
        var reports = plan.Reports;
        var snapshots = new List<ReportSnapshot>(reports.Count);
        IReadOnlyList<TaskState>? before = null;
        for (var i = 0; i < reports.Count; i++)
        {
            var report = reports[i];
            var upTo = reports.Take(i + 1).ToList();
            var now = plan.Tasks.Select(task => Task(task, upTo, report, report.Effective)).ToList();
            var mentioned = new List<TaskInReport>();
            var notMentioned = new List<TaskState>();
            for (var k = 0; k < now.Count; k++)
            {
                if (!report.Tasks.TryGetValue(now[k].Task.No, out var entry)) { notMentioned.Add(now[k]); continue; }
                var previous = before?[k] is { Last: not null } b ? b : null;
                var change = previous is null ? TaskChange.New : previous.Status != entry.Status ? TaskChange.Status
                    : previous.Progress != entry.Progress ? TaskChange.Progress : TaskChange.None;
                mentioned.Add(new TaskInReport(now[k], entry, previous, change));
            }
            var previousReport = i > 0 ? reports[i - 1] : null;
            var targets = plan.Targets.Select(target =>
            {
                var value = report.Targets.TryGetValue(target.Id, out var e) && e.Value is { } v ? v : (decimal?)null;
                var previousValue = previousReport?.Targets.TryGetValue(target.Id, out var pe) == true ? pe.Value : null;
                var result = value is null ? TargetResult.NoData : target.Goal.IsMetBy(value.Value) ? TargetResult.Met : TargetResult.NotMet;
                return new TargetInReport(Target(target, upTo), value, previousValue, result);
            }).ToList();
            snapshots.Add(new ReportSnapshot(report, previousReport, i + 1 < reports.Count ? reports[i + 1] : null, mentioned, notMentioned, targets));
            before = now;
        }
        return snapshots;
    }

    public static TaskState Task(PlanTask task, IReadOnlyList<Report> reports, Report? latest, DateOnly asOf)
    {
        var history = reports.Where(r => r.Tasks.ContainsKey(task.No)).Select(r => new TaskHistoryEntry(r, r.Tasks[task.No])).ToList();
        var last = history.Count > 0 ? history[^1] : null;
        var status = last?.Entry.Status ?? TaskStatus.NotStarted;
        var progress = last?.Entry.Progress ?? (status == TaskStatus.Done ? 100 : null);
        var (overdue, days, missed) = Overdue(task.Deadline, status, asOf);
        // A task reported done or cancelled earlier has nothing left to report: it is not "missing" from the latest report.
        var noReport = latest is not null && !latest.Tasks.ContainsKey(task.No) && status is not (TaskStatus.Done or TaskStatus.Cancelled);
        var firstDone = history.FirstOrDefault(h => h.Entry.Status == TaskStatus.Done);
        var onTime = firstDone is not null && (task.Deadline.FinalDue is not { } due || firstDone.Report.Effective <= due);
        return new TaskState(task, status, progress, overdue, days, missed, noReport, last, history, onTime);
    }

    /// <summary>Overdue on as_of: the earliest milestone whose due date has passed, unless the task is done or cancelled.</summary>
    public static (bool Overdue, int Days, Milestone? Missed) Overdue(Deadline deadline, TaskStatus status, DateOnly asOf)
    {
        if (status is TaskStatus.Done or TaskStatus.Cancelled || !deadline.IsDated) return (false, 0, null);
        var missed = deadline.Milestones.Where(m => m.Due < asOf).OrderBy(m => m.Due).FirstOrDefault();
        return missed is null ? (false, 0, null) : (true, asOf.DayNumber - missed.Due.DayNumber, missed);
    }

    public static TargetState Target(Target target, IReadOnlyList<Report> reports)
    {
        var points = reports.Where(r => r.Targets.TryGetValue(target.Id, out var e) && e.Value is not null)
            .Select(r => new TargetPoint(r, r.Targets[target.Id], target.Goal.IsMetBy(r.Targets[target.Id].Value!.Value))).ToList();
        var result = points.Count == 0 ? TargetResult.NoData : points[^1].Met ? TargetResult.Met : TargetResult.NotMet;
        return new TargetState(target, points, result);
    }

    private static UnitScore Score(Unit unit, List<TaskState> leads, List<TaskState> cooperates, List<TargetState> targets) =>
        new(unit, leads, cooperates, targets, StatusCounts.Of(leads));
}
