using CchcPortal.Core.Model;
using CchcPortal.Site.Render;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Site.Index;

/// <summary>
/// One thing a resident can find: a plan, task, target, report, unit or free page, in one language.
/// <see cref="Title"/> and <see cref="Number"/> weigh more than <see cref="Text"/> (body, notes, evidence).
/// Filter values are ids (plan, area, unit, status); the search page's &lt;select&gt;s give their labels.
/// </summary>
public sealed record SearchDocument(
    string Type, string Title, string? Number, string Text, string Url,
    string? Status, bool Overdue, string? PlanId, string? AreaId, string? LeadId);

/// <summary>Reads the documents of one language from the model (never from rendered HTML).</summary>
public static class SearchDocuments
{
    /// <summary>Result types in the order results of equal score are shown.</summary>
    public static readonly IReadOnlyList<string> Types = ["plan", "target", "task", "report", "unit", "page"];

    /// <summary>Status filter values: task statuses, then "overdue", then target results.</summary>
    public static readonly IReadOnlyList<string> Statuses = ["not-started", "in-progress", "done", "cancelled", "overdue", "met", "not-met", "no-data"];

    public static string StatusId(TaskStatus s) => s switch
    {
        TaskStatus.NotStarted => "not-started",
        TaskStatus.InProgress => "in-progress",
        TaskStatus.Done => "done",
        _ => "cancelled",
    };

    public static string ResultId(TargetResult r) => r switch { TargetResult.Met => "met", TargetResult.NotMet => "not-met", _ => "no-data" };

    public static List<SearchDocument> Of(Portal portal, string lang)
    {
        var def = portal.Config.DefaultLanguage;
        string Url(string path) => Routes.InLanguage(path, lang, def);
        string T(Localized? x) => x?.Get(lang) ?? "";
        var docs = new List<SearchDocument>();
        foreach (var p in portal.Plans)
        {
            var plan = p.Plan;
            var bases = plan.LegalBases.Select(b => $"{b.Number} {b.Title}");
            docs.Add(new("plan", T(plan.Title), plan.Number, Join([PlainText.Of(T(plan.Body)), plan.Issuer, .. bases]), Url(Routes.Plan(plan.Id)),
                null, false, plan.Id, null, null));
            foreach (var s in p.Targets)
            {
                var t = s.Target;
                var notes = s.Points.Select(x => T(x.Entry.Note));
                docs.Add(new("target", T(t.Title), null, Join([PlainText.Of(T(t.Body)), .. notes]), Url(Routes.Target(plan.Id, t.Id)),
                    ResultId(s.Result), false, plan.Id, t.Area.Id, t.LeadId));
            }
            foreach (var s in p.Tasks)
            {
                var t = s.Task;
                var history = s.History.SelectMany(h => new[] { T(h.Entry.Note), h.Entry.Evidence });
                docs.Add(new("task", T(t.Title), t.No.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Join([PlainText.Of(T(t.Body)), T(t.Product), t.Deadline.Text, .. history]), Url(Routes.Task(plan.Id, t.Id)),
                    StatusId(s.Status), s.Overdue, plan.Id, t.Area.Id, t.LeadId));
            }
            foreach (var r in plan.Reports)
                docs.Add(new("report", T(r.Period.Label), r.Number, PlainText.Of(T(r.Body)), Url(Routes.Report(plan.Id, r.Id)),
                    null, false, plan.Id, null, null));
        }
        foreach (var u in portal.Units)
            docs.Add(new("unit", T(u.Name), u.Short?.Get(lang), PlainText.Of(T(u.Body)), Url(Routes.Unit(u.Id)), null, false, null, null, u.Id));
        foreach (var page in portal.Pages)
            docs.Add(new("page", T(page.Title), null, PlainText.Of(T(page.Body)), Url(Routes.Page(page.Slug)), null, false, null, null, null));
        return docs;
    }

    private static string Join(IEnumerable<string?> parts) =>
        string.Join("\n", parts.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()));
}
