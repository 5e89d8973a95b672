namespace CchcPortal.Core.Model;

/// <summary>One target as a report left it: this report's value (if any) and whether it meets the goal.</summary>
public sealed record ReportTargetState(Target Target, TargetEntry? Entry, TargetResult Result)
{
    public decimal? Value => Entry?.Value;
}

/// <summary>
/// A plan as one report left it, judged on the report's date (<see cref="Report.Effective"/>) over that report and the
/// ones before it: each task's status, progress, note and evidence (a task the report does not mention keeps its latest
/// earlier entry, and is "no report" unless already closed), overdue on that date, and this report's target values.
/// </summary>
public sealed record ReportSnapshot(Plan Plan, Report Report, Report? Previous, DateOnly AsOf,
    IReadOnlyList<TaskState> Tasks, IReadOnlyList<ReportTargetState> Targets)
{
    public bool Mentions(PlanTask task) => Report.Tasks.ContainsKey(task.No);

    public static ReportSnapshot Of(Plan plan, Report report)
    {
        var index = IndexOf(plan.Reports, report);
        var upTo = plan.Reports.Take(index + 1).ToList();
        var asOf = report.Effective;
        var tasks = plan.Tasks.Select(t => ProgressRules.Task(t, upTo, report, asOf)).ToList();
        var targets = plan.Targets.Select(t =>
        {
            var entry = report.Targets.GetValueOrDefault(t.Id);
            var result = entry?.Value is not { } v ? TargetResult.NoData : t.Goal.IsMetBy(v) ? TargetResult.Met : TargetResult.NotMet;
            return new ReportTargetState(t, entry, result);
        }).ToList();
        return new ReportSnapshot(plan, report, index > 0 ? plan.Reports[index - 1] : null, asOf, tasks, targets);
    }

    private static int IndexOf(IReadOnlyList<Report> reports, Report report)
    {
        for (var i = 0; i < reports.Count; i++) if (ReferenceEquals(reports[i], report)) return i;
        throw new ArgumentException($"Report {report.Id} is not one of plan {report.PlanId}'s reports.", nameof(report));
    }
}
