using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;

namespace CchcPortal.Core.Validation;

/// <summary>
/// Validate: resolves every reference between files (units, plans, reporting periods, task numbers, target ids)
/// and assembles the plans. Reports every broken reference with a suggestion; never throws.
/// </summary>
public static class References
{
    public static SiteContent Resolve(SiteConfig config, BoundFiles records, IReadOnlyList<StaticFile> staticFiles, GitHistory history, DiagnosticBag bag)
    {
        var (units, pages, broken) = (records.Units, records.Pages, records.Broken);
        var unitIds = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var brokenUnitIds = broken.Where(u => u.File.Kind == ContentKind.Unit).Select(u => u.File.Id).ToHashSet(StringComparer.Ordinal);
        var staticPaths = staticFiles.Select(s => "/" + s.RelativePath).ToHashSet(StringComparer.Ordinal);

        var plans = new List<Plan>();
        // Each plan's files, found in one pass over the site (not one pass per plan).
        var targetsOf = records.Targets.ToLookup(t => t.PlanId, StringComparer.Ordinal);
        var tasksOf = records.Tasks.ToLookup(t => t.PlanId, StringComparer.Ordinal);
        var reportsOf = records.Reports.ToLookup(r => r.Report.PlanId, StringComparer.Ordinal);
        foreach (var plan in records.Plans)
        {
            var targets = targetsOf[plan.Id].ToList();
            var tasks = tasksOf[plan.Id].ToList();
            foreach (var t in targets.Where(t => t.LeadId is not null)) CheckUnit(t.LeadId!, t.At["lead"], unitIds, brokenUnitIds, bag);
            foreach (var task in tasks)
            {
                if (task.LeadId.Length > 0) CheckUnit(task.LeadId, task.At["lead"], unitIds, brokenUnitIds, bag);
                for (var i = 0; i < task.CooperatingIds.Count; i++) CheckUnit(task.CooperatingIds[i], task.At[$"cooperating[{i}]"], unitIds, brokenUnitIds, bag);
            }
            if (plan.PeriodFrom is { } from && plan.PeriodTo is { } to)
            {
                foreach (var task in tasks)
                    for (var i = 0; i < task.Revised.Count; i++)
                        if (task.Revised[i].On < from || task.Revised[i].On > to)
                            bag.Add(Diagnostic.RevisionOutsidePlan(task.At[$"revised[{task.Revised[i].Entry}].on"], task.Revised[i].On, plan.Id, from, to));
                foreach (var target in targets)
                    for (var i = 0; i < target.Revised.Count; i++)
                        if (target.Revised[i].On < from || target.Revised[i].On > to)
                            bag.Add(Diagnostic.RevisionOutsidePlan(target.At[$"revised[{target.Revised[i].Entry}].on"], target.Revised[i].On, plan.Id, from, to));
            }
            foreach (var group in tasks.GroupBy(t => t.No).Where(g => g.Count() > 1))
                foreach (var twin in group.Skip(1))
                    bag.Add(Diagnostic.DuplicateTaskNumber(twin.At["no"], twin.No, group.First().Source));

            var reports = new List<Report>();
            var taskNos = tasks.Select(t => t.No).ToHashSet();
            var targetIds = targets.Select(t => t.Id).ToList();
            var brokenTaskNos = broken.Where(u => u.File.Kind == ContentKind.Task && u.File.PlanId == plan.Id && u.TaskNo is not null)
                .Select(u => u.TaskNo!.Value).ToHashSet();
            var brokenTargetIds = broken.Where(u => u.File.Kind == ContentKind.Target && u.File.PlanId == plan.Id)
                .Select(u => u.File.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var (report, periodId, periodAt) in reportsOf[plan.Id])
            {
                var period = plan.Reporting.FirstOrDefault(p => p.Id == periodId);
                if (period is null)
                {
                    bag.Add(Diagnostic.UnknownPeriod(periodAt, periodId, plan.Id, plan.Reporting.Count > 0 ? string.Join(", ", plan.Reporting.Select(p => p.Id)) : "—"));
                    continue;
                }
                foreach (var no in report.Tasks.Keys.Where(n => !taskNos.Contains(n) && !brokenTaskNos.Contains(n)))
                    bag.Add(Diagnostic.UnknownTaskNumber(report.At[$"tasks.{no}"], no, plan.Id, taskNos.Order()));
                foreach (var id in report.Targets.Keys.Where(k => !targetIds.Contains(k) && !brokenTargetIds.Contains(k)))
                    bag.Add(Diagnostic.UnknownTarget(report.At[$"targets.{id}"], id, plan.Id, Suggest.Nearest(id, targetIds)));
                var twin = reports.FirstOrDefault(r => r.Period.Id == period.Id);
                if (twin is not null) { bag.Add(Diagnostic.TwoReportsForPeriod(periodAt, period.Id, twin.Source, report.Source)); continue; }
                reports.Add(report with { Period = period });
            }
            if (plan.Document is { } doc && !doc.Contains("://", StringComparison.Ordinal) && !staticPaths.Contains("/" + doc.TrimStart('/')))
                bag.Add(Diagnostic.DocumentNotInStatic(plan.At["document"], doc));
            plans.Add(plan with
            {
                Targets = targets.OrderBy(t => t.Area.Order).ThenBy(t => t.Id, StringComparer.Ordinal).ToList(),
                Tasks = tasks.OrderBy(t => t.No).ThenBy(t => t.Id, StringComparer.Ordinal).ToList(),
                Reports = reports.OrderBy(r => r.Period.Due).ThenBy(r => r.Id, StringComparer.Ordinal).ToList(),
            });
        }
        var planIds = plans.Select(p => p.Id).ToList();
        var brokenPlanIds = broken.Where(u => u.File.Kind == ContentKind.Plan).Select(u => u.File.Id).ToList();
        foreach (var plan in plans.Where(p => p.ReplacedBy is not null && !planIds.Contains(p.ReplacedBy) && !brokenPlanIds.Contains(p.ReplacedBy)))
            bag.Add(Diagnostic.UnknownPlan(plan.At["replaced_by"], plan.ReplacedBy!, string.Join(", ", planIds)));

        var supervisions = Supervisions(records, plans, brokenPlanIds, unitIds, brokenUnitIds, staticPaths, bag);
        return new SiteContent(config, units, plans.OrderByDescending(p => p.PeriodTo ?? p.Issued ?? DateOnly.MinValue).ThenBy(p => p.Id, StringComparer.Ordinal).ToList(),
            pages, staticFiles, history)
        { Supervisions = supervisions };
    }

    /// <summary>
    /// The Front's supervisions: <c>by</c> a unit with role monitor, each recommendation's <c>to</c> a unit, <c>plan</c> a
    /// plan and <c>tasks</c> numbers of its tasks, <c>document</c> under static/.
    /// </summary>
    private static List<Supervision> Supervisions(BoundFiles records, List<Plan> plans, List<string> brokenPlanIds, HashSet<string> unitIds,
        HashSet<string> brokenUnitIds, HashSet<string> staticPaths, DiagnosticBag bag)
    {
        if (records.Supervisions.Count == 0) return [];
        var monitors = records.Units.Where(u => u.Role == UnitRole.Monitor).Select(u => u.Id).ToList();
        foreach (var s in records.Supervisions)
        {
            if (s.ById.Length > 0)
            {
                CheckUnit(s.ById, s.At["by"], unitIds, brokenUnitIds, bag);
                if (records.Units.FirstOrDefault(u => u.Id == s.ById) is { Role: not UnitRole.Monitor })
                    bag.Add(Diagnostic.NotAMonitor(s.At["by"], s.ById, monitors.Count > 0 ? string.Join(", ", monitors) : new Sentence("(chưa có)", "(none)")));
            }
            foreach (var r in s.Recommendations.Where(r => r.ToId.Length > 0))
                CheckUnit(r.ToId, s.At[$"recommendations.{r.No}.to"], unitIds, brokenUnitIds, bag);
            var plan = s.PlanId is null ? null : plans.FirstOrDefault(p => p.Id == s.PlanId);
            if (s.PlanId is not null && plan is null && !brokenPlanIds.Contains(s.PlanId))
                bag.Add(Diagnostic.UnknownPlan(s.At["plan"], s.PlanId, plans.Count > 0 ? string.Join(", ", plans.Select(p => p.Id)) : "—"));
            if (s.PlanId is null && s.TaskNos.Count > 0)
                bag.Add(Diagnostic.TasksWithoutPlan(s.At["tasks"], plans.Count > 0 ? string.Join(", ", plans.Select(p => p.Id)) : "—"));
            if (plan is not null)
            {
                var taskNos = plan.Tasks.Select(t => t.No).ToHashSet();
                var brokenTaskNos = records.Broken.Where(u => u.File.Kind == ContentKind.Task && u.File.PlanId == plan.Id && u.TaskNo is not null)
                    .Select(u => u.TaskNo!.Value).ToHashSet();
                foreach (var no in s.TaskNos.Where(n => !taskNos.Contains(n) && !brokenTaskNos.Contains(n)))
                    bag.Add(Diagnostic.UnknownSupervisedTask(s.At[$"tasks.{no}"], no, plan.Id, taskNos.Order()));
            }
            if (s.Document is { } doc && !doc.Contains("://", StringComparison.Ordinal) && !staticPaths.Contains("/" + doc.TrimStart('/')))
                bag.Add(Diagnostic.DocumentNotInStatic(s.At["document"], doc));
        }
        return records.Supervisions;
    }

    private static void CheckUnit(string id, SourceLocation at, HashSet<string> unitIds, HashSet<string> brokenUnitIds, DiagnosticBag bag)
    {
        if (unitIds.Contains(id) || brokenUnitIds.Contains(id)) return;
        bag.Add(Diagnostic.UnknownUnit(at, id, Suggest.Nearest(id, unitIds), unitIds.Order(StringComparer.Ordinal)));
    }
}
