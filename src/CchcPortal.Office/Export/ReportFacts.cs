using CchcPortal.Core.Model;

namespace CchcPortal.Office.Export;

/// <summary>
/// One report of a plan as the export reads it, from the model's <see cref="ReportSnapshot"/> (computed once by
/// <see cref="ProgressRules"/>, the same facts as the portal's report page): every task in the plan's order, whether
/// the report mentions it or it shows its latest earlier entry, judged on the report's date; every target with this
/// report's value.
/// </summary>
internal sealed class ReportFacts(Plan plan, ReportSnapshot snapshot)
{
    public Plan Plan { get; } = plan;
    public Report Report => snapshot.Report;

    /// <summary>The date statuses and overdue days are judged on: the report's issue date (its period's due date when not given).</summary>
    public DateOnly AsOf => snapshot.Report.Effective;

    public IReadOnlyList<TaskState> Tasks { get; } =
        snapshot.Tasks.Select(t => t.State).Concat(snapshot.NotMentioned).OrderBy(t => t.Task.No).ToList();

    public bool Mentions(PlanTask task) => snapshot.Report.Tasks.ContainsKey(task.No);

    public IReadOnlyList<TargetInReport> Targets => snapshot.Targets;

    /// <summary>The note this report gives a target, if any.</summary>
    public string? Note(Target target) => snapshot.Report.Targets.GetValueOrDefault(target.Id)?.Note?.Vi;

    public static ReportFacts Of(Plan plan, Report report) =>
        new(plan, ProgressRules.Snapshots(plan).First(s => ReferenceEquals(s.Report, report)));

    /// <summary>
    /// The Front's supervisions that concern this plan (or no plan) and were issued by the report's date, each
    /// recommendation judged on that date (empty without <see cref="WithSupervisions"/>).
    /// </summary>
    public SupervisionSummary Supervision { get; private init; } = SupervisionSummary.Empty;

    /// <summary>The first day of the report's period: answers from then to the report's date were given "in the period".</summary>
    public DateOnly PeriodStart => snapshot.Previous?.Effective.AddDays(1) ?? snapshot.Report.Period.From ?? DateOnly.MinValue;

    public ReportFacts WithSupervisions(IReadOnlyList<Supervision> supervisions) => new(Plan, snapshot)
    {
        Supervision = SupervisionRules.Build(supervisions.Where(s => (s.PlanId is null || s.PlanId == Plan.Id) && s.Issued <= AsOf).ToList(), AsOf),
    };
}
