using System.Globalization;

namespace CchcPortal.Core.Model;

/// <summary>A task as the next report starts it: its latest reported status, progress, note and evidence.</summary>
public sealed record PrefilledTask(PlanTask Task, TaskStatus Status, int? Progress, string? Note, string? Evidence);

/// <summary>A target as the next report starts it: its latest value ("98.6", "true"), or none yet.</summary>
public sealed record PrefilledTarget(Target Target, string? Value);

/// <summary>
/// What a new report of a plan starts from, one rule for <c>cchc new report</c> and the web editor's new-report form:
/// the period is the first one due without a report; every task of the plan in order, with the status, progress and
/// evidence of the latest report that mentions it (not started when none does; the note only when that report said done
/// or cancelled, since a cancelled task needs it and a note of work in progress is about that period); every target
/// with its latest value. Staff change only what changed.
/// </summary>
public sealed record ReportPrefill(ReportingPeriod? Period, Report? Previous, IReadOnlyList<PrefilledTask> Tasks, IReadOnlyList<PrefilledTarget> Targets)
{
    /// <summary>The first reporting period (by due date) that has no report, or null when every one has.</summary>
    public static ReportingPeriod? NextPeriod(Plan plan)
    {
        var done = plan.Reports.Select(r => r.Period.Id).ToHashSet(StringComparer.Ordinal);
        return plan.Reporting.OrderBy(p => p.Due).FirstOrDefault(p => !done.Contains(p.Id));
    }

    /// <summary>The pre-fill of <paramref name="plan"/>'s next report, for <paramref name="period"/> (default: <see cref="NextPeriod"/>).</summary>
    public static ReportPrefill Of(Plan plan, ReportingPeriod? period = null)
    {
        // Every report written so far (not only those counted on as_of): the new one follows the latest.
        var reports = plan.Reports;
        var previous = reports.Count > 0 ? reports[^1] : null;
        var tasks = plan.Tasks.OrderBy(t => t.No).Select(task =>
        {
            TaskEntry? last = null;
            for (var i = reports.Count - 1; i >= 0 && last is null; i--)
                if (reports[i].Tasks.TryGetValue(task.No, out var e)) last = e;
            var status = last?.Status ?? TaskStatus.NotStarted;
            var progress = last?.Progress ?? (status == TaskStatus.Done ? 100 : null);
            var note = status is TaskStatus.Done or TaskStatus.Cancelled ? last?.Note?.Vi : null;
            return new PrefilledTask(task, status, progress, note, last?.Evidence);
        }).ToList();
        var targets = plan.Targets.Select(target =>
        {
            TargetEntry? latest = null;
            for (var i = reports.Count - 1; i >= 0 && latest is null; i--)
                if (reports[i].Targets.TryGetValue(target.Id, out var e) && (e.Value is not null || e.Flag is not null)) latest = e;
            return new PrefilledTarget(target, latest is null ? null : ValueText(latest));
        }).ToList();
        return new ReportPrefill(period ?? NextPeriod(plan), previous, tasks, targets);
    }

    /// <summary>A value as a report writes it: "true" / "false" for a yes-no target, else the number with a decimal point.</summary>
    public static string? ValueText(TargetEntry entry) =>
        entry.Flag is { } flag ? (flag ? "true" : "false")
        : entry.Value is { } v ? v.ToString("0.############", CultureInfo.InvariantCulture) : null;
}
