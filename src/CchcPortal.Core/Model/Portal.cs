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
}

public sealed record PlanState(Plan Plan, IReadOnlyList<TaskState> Tasks, IReadOnlyList<TargetState> Targets, Report? LatestReport, StatusCounts Counts)
{
    public int TargetsMet => Targets.Count(t => t.Result == TargetResult.Met);
    public int TargetsNotMet => Targets.Count(t => t.Result == TargetResult.NotMet);
    public int TargetsNoData => Targets.Count(t => t.Result == TargetResult.NoData);
}

public sealed record UnitScore(Unit Unit, IReadOnlyList<TaskState> Leads, IReadOnlyList<TaskState> Cooperates, IReadOnlyList<TargetState> Targets, StatusCounts Counts);

/// <summary>The resolved site with every derived fact computed once: what the pages, the index and the data files read.</summary>
public sealed record Portal(
    SiteConfig Config, IReadOnlyList<Unit> Units, IReadOnlyList<PlanState> Plans, IReadOnlyList<Page> Pages,
    IReadOnlyList<UnitScore> Scores, IReadOnlyList<StaticFile> StaticFiles)
{
    private readonly Dictionary<string, Unit> _units = Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
    public Unit? Unit(string id) => _units.GetValueOrDefault(id);
    private readonly Dictionary<string, PlanState> _plans = Plans.ToDictionary(p => p.Plan.Id, StringComparer.Ordinal);
    public PlanState? Plan(string id) => _plans.GetValueOrDefault(id);

    /// <summary>The plan shown on the home page: the first active plan, else the newest.</summary>
    public PlanState? Current => Plans.FirstOrDefault(p => p.Plan.Status == PlanStatus.Active) ?? Plans.FirstOrDefault();
}
