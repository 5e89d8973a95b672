using CchcPortal.Core.Text;

namespace CchcPortal.Core.Model;

/// <summary>One report's word on a task.</summary>
public sealed record TaskHistoryEntry(Report Report, TaskEntry Entry);

/// <summary>A task with everything derived on <c>as_of</c>: status, overdue, no report, history.</summary>
public sealed record TaskState(
    PlanTask Task, TaskStatus Status, int? Progress, bool Overdue, int DaysOverdue, Milestone? MissedMilestone,
    bool NoReport, TaskHistoryEntry? Last, IReadOnlyList<TaskHistoryEntry> History, bool DoneOnTime)
{
    public bool IsDone => Status == TaskStatus.Done;
}

public enum TargetResult { Met, NotMet, NoData }

/// <summary>One report's value for a target.</summary>
public sealed record TargetPoint(Report Report, TargetEntry Entry, bool Met);

public sealed record TargetState(Target Target, IReadOnlyList<TargetPoint> Points, TargetResult Result)
{
    public TargetPoint? Latest => Points.Count > 0 ? Points[^1] : null;
}

/// <summary>Counts that the home, plan and unit pages show.</summary>
public sealed record StatusCounts(int Total, int NotStarted, int InProgress, int Done, int Cancelled, int Overdue, int NoReport, int DoneOnTime)
{
    public static StatusCounts Of(IEnumerable<TaskState> tasks)
    {
        var list = tasks as IReadOnlyCollection<TaskState> ?? tasks.ToList();
        return new(list.Count, list.Count(t => t.Status == TaskStatus.NotStarted), list.Count(t => t.Status == TaskStatus.InProgress),
            list.Count(t => t.Status == TaskStatus.Done), list.Count(t => t.Status == TaskStatus.Cancelled),
            list.Count(t => t.Overdue), list.Count(t => t.NoReport), list.Count(t => t.DoneOnTime));
    }

    /// <summary>Share of tasks done, in whole percent (0 when there is no task).</summary>
    public int DonePercent => Total == 0 ? 0 : (int)Math.Round(100.0 * Done / Total);
}

/// <summary>Targets counted by their result on as_of.</summary>
public sealed record TargetCounts(int Total, int Met, int NotMet, int NoData)
{
    public static TargetCounts Of(IReadOnlyCollection<TargetState> targets) => new(targets.Count,
        targets.Count(t => t.Result == TargetResult.Met), targets.Count(t => t.Result == TargetResult.NotMet), targets.Count(t => t.Result == TargetResult.NoData));
}

/// <summary>The tasks and targets of one reform area (of a plan, or of every plan), in plan order.</summary>
public sealed record AreaSummary(Area Area, IReadOnlyList<TargetState> Targets, IReadOnlyList<TaskState> Tasks)
{
    public int Overdue { get; } = Tasks.Count(t => t.Overdue);
    public bool IsEmpty => Targets.Count + Tasks.Count == 0;

    /// <summary>One summary per area, in the areas' order (empty ones included).</summary>
    public static IReadOnlyList<AreaSummary> Of(IReadOnlyCollection<TargetState> targets, IReadOnlyCollection<TaskState> tasks) =>
        Area.All.Select(a => new AreaSummary(a, targets.Where(x => x.Target.Area == a).ToList(), tasks.Where(x => x.Task.Area == a).ToList())).ToList();
}

public sealed record PlanState(
    Plan Plan, IReadOnlyList<TaskState> Tasks, IReadOnlyList<TargetState> Targets, Report? LatestReport, StatusCounts Counts,
    IReadOnlyList<ReportSnapshot> Snapshots)
{
    public TargetCounts TargetCounts { get; } = TargetCounts.Of(Targets);
    public int TargetsMet => TargetCounts.Met;
    public int TargetsNotMet => TargetCounts.NotMet;
    public int TargetsNoData => TargetCounts.NoData;

    /// <summary>The plan's work by reform area, every area in order.</summary>
    public IReadOnlyList<AreaSummary> Areas { get; } = AreaSummary.Of(Targets, Tasks);

    /// <summary>Overdue tasks, most days overdue first (then by number).</summary>
    public IReadOnlyList<TaskState> Overdue { get; } = Tasks.Where(t => t.Overdue).OrderByDescending(t => t.DaysOverdue).ThenBy(t => t.Task.No).ToList();

    /// <summary>The snapshot of one of the plan's reports.</summary>
    public ReportSnapshot Snapshot(Report report) => Snapshots.First(s => ReferenceEquals(s.Report, report));
}

/// <summary>A unit's work: the tasks it leads or cooperates on and the targets it leads, across plans.</summary>
public sealed record UnitScore(Unit Unit, IReadOnlyList<TaskState> Leads, IReadOnlyList<TaskState> Cooperates, IReadOnlyList<TargetState> Targets, StatusCounts Counts)
{
    public TargetCounts TargetCounts { get; } = TargetCounts.Of(Targets);

    /// <summary>Led tasks overdue, most days overdue first (then by plan and number): what monitoring lists first.</summary>
    public IReadOnlyList<TaskState> Overdue { get; } = Leads.Where(x => x.Overdue).OrderByDescending(x => x.DaysOverdue)
        .ThenBy(x => x.Task.PlanId, StringComparer.Ordinal).ThenBy(x => x.Task.No).ToList();

    /// <summary>Led tasks missing from their plan's latest report, by plan and number.</summary>
    public IReadOnlyList<TaskState> NoReport { get; } = Leads.Where(x => x.NoReport)
        .OrderBy(x => x.Task.PlanId, StringComparer.Ordinal).ThenBy(x => x.Task.No).ToList();
}

/// <summary>What the monitoring page (the Fatherland Front's view) shows: what is late or unreported, and targets not met.</summary>
public sealed record MonitoringSummary(IReadOnlyList<UnitScore> Units, int Overdue, int NoReport, IReadOnlyList<TargetState> TargetsNotMet)
{
    /// <summary>
    /// Tasks whose deadline was moved by a decision (<c>revised:</c>), furthest moved first (then by plan and number; a move
    /// without due dates last): what the Front asks about first when a plan is adjusted.
    /// </summary>
    public IReadOnlyList<TaskState> Moved { get; init; } = [];

    /// <summary>Targets whose goal was moved by a decision, by plan and area order.</summary>
    public IReadOnlyList<TargetState> GoalsMoved { get; init; } = [];

    public static MonitoringSummary Of(IReadOnlyList<PlanState> plans, IReadOnlyList<UnitScore> scores) => new(
        scores.Where(s => s.Overdue.Count + s.NoReport.Count > 0).ToList(),
        plans.Sum(p => p.Counts.Overdue), plans.Sum(p => p.Counts.NoReport),
        plans.SelectMany(p => p.Targets).Where(t => t.Result == TargetResult.NotMet).ToList())
    {
        Moved = plans.SelectMany(p => p.Tasks).Where(t => t.Task.Revisions > 0)
            .OrderByDescending(t => t.Task.DaysMoved ?? int.MinValue).ThenBy(t => t.Task.PlanId, StringComparer.Ordinal).ThenBy(t => t.Task.No).ToList(),
        GoalsMoved = plans.SelectMany(p => p.Targets).Where(t => t.Target.Revisions > 0).ToList(),
    };
}

/// <summary>The resolved site with every derived fact computed once: what the pages, the index and the data files read.</summary>
public sealed record Portal(
    SiteConfig Config, IReadOnlyList<Unit> Units, IReadOnlyList<PlanState> Plans, IReadOnlyList<Page> Pages,
    IReadOnlyList<UnitScore> Scores, IReadOnlyList<StaticFile> StaticFiles)
{
    private readonly Dictionary<string, Unit> _units = Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
    public Unit? Unit(string id) => _units.GetValueOrDefault(id);
    private readonly Dictionary<string, PlanState> _plans = Plans.ToDictionary(p => p.Plan.Id, StringComparer.Ordinal);
    public PlanState? Plan(string id) => _plans.GetValueOrDefault(id);

    /// <summary>Every plan's work by reform area, every area in order.</summary>
    public IReadOnlyList<AreaSummary> Areas { get; } = AreaSummary.Of(Plans.SelectMany(p => p.Targets).ToList(), Plans.SelectMany(p => p.Tasks).ToList());

    public MonitoringSummary Monitoring { get; } = MonitoringSummary.Of(Plans, Scores);

    /// <summary>The Front's supervisions and each recommendation's state on as_of.</summary>
    public SupervisionSummary Supervision { get; init; } = SupervisionSummary.Empty;

    /// <summary>
    /// The work of the units involved in one plan (leading or cooperating on a task, or leading a target), counted on
    /// that plan only: open data's per-plan units.
    /// </summary>
    public IReadOnlyList<UnitScore> ScoresOn(PlanState plan)
    {
        var involved = plan.Tasks.SelectMany(t => t.Task.CooperatingIds.Append(t.Task.LeadId))
            .Concat(plan.Targets.Select(t => t.Target.LeadId ?? "")).ToHashSet(StringComparer.Ordinal);
        return ProgressRules.Scores(Units.Where(u => involved.Contains(u.Id)).ToList(), [plan]);
    }

    /// <summary>The plan shown on the home page and the embed card (<see cref="CurrentPlan"/>).</summary>
    public PlanState? Current => CurrentPlan.Of(Plans, p => p.Plan.Status);
    /// <summary>A province's roll-up: the communes read from communes/ (null for a commune's own site).</summary>
    public Rollup.RollupModel? Rollup { get; init; }

}
