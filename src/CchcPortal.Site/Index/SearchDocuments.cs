using CchcPortal.Core.Model;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>
/// One thing a resident can find: a plan, task, target, report, unit or free page, in one language.
/// <see cref="Title"/> and <see cref="Number"/> weigh more than <see cref="Text"/> (body, notes, evidence).
/// Filter values are ids (plan, area, unit, status); the search page's &lt;select&gt;s give their labels.
/// </summary>
public sealed record SearchDocument(
    string Type, string Title, string? Number, string Text, string Url,
    string? Status, bool Overdue, string? PlanId, string? AreaId, string? LeadId)
{
    /// <summary>
    /// The i18n keys of the labels its page shows beside it, e.g. its status ("status_in_progress", "status_overdue",
    /// "target_met"): searchable as phrases in every language ("qua han", "overdue"), ranked like title words. Its type's
    /// label ("search_type_" + <see cref="Type"/>) is added by the index; a new type needs only that i18n key.
    /// </summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Abbreviations its plan defines in its own text, searchable both ways in the plan's documents (one list per plan).</summary>
    public IReadOnlyList<Abbreviation> Abbreviations { get; init; } = [];
}

/// <summary>Reads the documents of one language from the model (never from rendered HTML).</summary>
public static class SearchDocuments
{
    /// <summary>
    /// Result types in the order results of equal score are shown: the things a plan commits to before the pages that
    /// mention everything (a plan, its reports). A type not listed comes after these. The type filter lists them in
    /// this order too.
    /// </summary>
    public static readonly IReadOnlyList<string> Types = ["task", "target", "recommendation", "plan", "report", "supervision", "unit", "page"];

    /// <summary>The i18n key of a status or result label as pages show it ("status_in_progress").</summary>
    public static string LabelKey(string prefix, string id) => prefix + id.Replace('-', '_');

    /// <summary>The status filter value of overdue tasks (beside the task status and target result ids).</summary>
    public const string Overdue = "overdue";

    /// <summary>The status filter value of tasks without a report in the latest period: the documents with the label <c>status_no_report</c>.</summary>
    public const string NoReport = "no-report";

    /// <summary>Status filter values: task statuses, then "overdue" and "no-report", then target results.</summary>
    public static readonly IReadOnlyList<string> Statuses = [.. StatusIds.Tasks, Overdue, NoReport, .. StatusIds.Results];

    public static List<SearchDocument> Of(Portal portal, string lang) => Of(portal, [lang])[0];

    /// <summary>
    /// The documents of each language, in the same order: plans (each with its targets, tasks and reports), units, pages.
    /// Plans are read in parallel, and a body shared by the languages (untranslated, the usual case) is made plain text once.
    /// </summary>
    public static List<SearchDocument>[] Of(Portal portal, IReadOnlyList<string> langs)
    {
        if (portal.Rollup is { } rollup) return [.. langs.Select(lang => RollupDocuments(portal, rollup, lang))];
        var plans = new List<SearchDocument>[langs.Count, portal.Plans.Count];
        Parallel.For(0, portal.Plans.Count, i =>
        {
            var plain = PlainTexts();
            for (var l = 0; l < langs.Count; l++) plans[l, i] = PlanDocuments(portal, portal.Plans[i], langs[l], plain);
        });
        var plainText = PlainTexts();
        var all = new List<SearchDocument>[langs.Count];
        for (var l = 0; l < langs.Count; l++)
        {
            var lang = langs[l];
            string Url(string path) => Routes.InLanguage(path, lang, portal.Config.DefaultLanguage);
            string T(TranslatedText? x) => x?.Get(lang) ?? "";
            var docs = all[l] = [];
            for (var i = 0; i < portal.Plans.Count; i++) docs.AddRange(plans[l, i]);
            docs.AddRange(SupervisionDocuments(portal, lang, plainText));
            foreach (var u in portal.Units)
                docs.Add(new("unit", T(u.Name), u.Short?.Get(lang), plainText(T(u.Body)), Url(Routes.Unit(u.Id)), null, false, null, null, u.Id));
            foreach (var page in portal.Pages)
                docs.Add(new("page", T(page.Title), null, plainText(T(page.Body)), Url(Routes.Page(page.Slug)), null, false, null, null, null));
        }
        return all;
    }

    /// <summary>
    /// A roll-up's documents: every task and target of each commune's current plan (its "plan" filter value is the
    /// commune's id, so the search filters by commune; its address is on the commune's own portal), then the free pages.
    /// </summary>
    private static List<SearchDocument> RollupDocuments(Portal portal, Core.Rollup.RollupModel rollup, string lang)
    {
        var docs = new List<SearchDocument>();
        foreach (var c in rollup.Communes)
            foreach (var item in c.Items)
                docs.Add(new(item.Type, lang == "en" && item.TitleEn is not null ? item.TitleEn : item.Title, null, c.Name,
                    item.Url ?? Routes.InLanguage(Routes.Commune(c.Id), lang, portal.Config.DefaultLanguage),
                    item.Status.Length > 0 ? item.Status : null, item.Overdue, c.Id, item.AreaId, null));
        var plainText = PlainTexts();
        foreach (var page in portal.Pages)
            docs.Add(new("page", page.Title.Get(lang), null, plainText(page.Body.Get(lang)), Routes.InLanguage(Routes.Page(page.Slug), lang, portal.Config.DefaultLanguage),
                null, false, null, null, null));
        return docs;
    }

    /// <summary>Markdown to plain text, each text made once.</summary>
    private static Func<string, string> PlainTexts()
    {
        var made = new Dictionary<string, string>(StringComparer.Ordinal);
        return markdown => made.TryGetValue(markdown, out var text) ? text : made[markdown] = PlainText.Of(markdown);
    }

    /// <summary>A plan's documents in one language: the plan, its targets, its tasks, its reports.</summary>
    private static List<SearchDocument> PlanDocuments(Portal portal, PlanState p, string lang, Func<string, string> plainText)
    {
        string Url(string path) => Routes.InLanguage(path, lang, portal.Config.DefaultLanguage);
        string T(TranslatedText? x) => x?.Get(lang) ?? "";
        var docs = new List<SearchDocument>();
        var plan = p.Plan;
        // Abbreviations the plan defines ("(sau đây viết tắt là …)"), from its text in every language: one list, so
        // the languages' documents stay alike (an untranslated site shares one set of terms).
        var defined = SearchVocabulary.DefinedIn(string.Join("\n", portal.Config.Languages.Select(l => plan.Body.Get(l)).Distinct()));
        var bases = plan.LegalBases.Select(b => $"{b.Number} {b.Title}");
        docs.Add(new("plan", T(plan.Title), plan.Number, Join([plainText(T(plan.Body)), plan.Issuer, .. bases]), Url(Routes.Plan(plan.Id)),
            null, false, plan.Id, null, null)
        { Abbreviations = defined });
        foreach (var s in p.Targets)
        {
            var t = s.Target;
            var notes = s.Points.Select(x => T(x.Entry.Note));
            docs.Add(new("target", T(t.Title), null, Join([plainText(T(t.Body)), .. notes]), Url(Routes.Target(plan.Id, t.Id)),
                s.Result.Id(), false, plan.Id, t.Area.Id, t.LeadId)
            { Labels = [LabelKey("target_", s.Result.Id())], Abbreviations = defined });
        }
        foreach (var s in p.Tasks)
        {
            var t = s.Task;
            var history = s.History.SelectMany(h => new[] { T(h.Entry.Note), h.Entry.Evidence });
            docs.Add(new("task", T(t.Title), t.No.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Join([plainText(T(t.Body)), T(t.Product), t.Deadline.Text, .. history]), Url(Routes.Task(plan.Id, t.Id)),
                s.Status.Id(), s.Overdue, plan.Id, t.Area.Id, t.LeadId)
            { Labels = TaskLabels(s), Abbreviations = defined });
        }
        foreach (var r in plan.Reports)
            docs.Add(new("report", T(r.Period.Label), r.Number, plainText(T(r.Body)), Url(Routes.Report(plan.Id, r.Id)),
                null, false, plan.Id, null, null)
            { Abbreviations = defined });
        return docs;
    }

    /// <summary>
    /// The Front's supervisions (title, number, findings, the monitoring unit) and each recommendation (its text, the
    /// answer's text and number, the state word: "đã thực hiện", "quá hạn trả lời"), found by the unit asked.
    /// </summary>
    private static IEnumerable<SearchDocument> SupervisionDocuments(Portal portal, string lang, Func<string, string> plainText)
    {
        string Url(string path) => Routes.InLanguage(path, lang, portal.Config.DefaultLanguage);
        string T(TranslatedText? x) => x?.Get(lang) ?? "";
        string Word(RecommendationState state) => Core.Schema.ContentSchema.RecommendationStates.First(c => c.Id == state.Id()) is var c && lang == "vi" ? c.Vi : c.En;
        foreach (var s in portal.Supervision.Supervisions)
        {
            var sv = s.Supervision;
            var url = Url(Routes.Supervision(sv.Id));
            yield return new("supervision", T(sv.Title), sv.Number, Join([plainText(T(sv.Body)), T(portal.Unit(sv.ById)?.Name)]), url,
                null, false, sv.PlanId, null, sv.ById);
            foreach (var r in s.Recommendations)
            {
                var rec = r.Recommendation;
                yield return new("recommendation", T(rec.Text), null,
                    Join([Word(r.State), T(r.Answer?.Text), r.Answer?.Number, T(portal.Unit(rec.ToId)?.Name), T(sv.Title)]),
                    url + "#" + Routes.RecommendationAnchor(rec.No), null, false, sv.PlanId, null, rec.ToId)
                { Labels = [LabelKey("rec_", r.State.Id())] };   // its state as the page shows it, a searchable phrase
            }
        }
    }
    /// <summary>What a task's page shows of its state on as_of: its status, and "Quá hạn", "Chưa báo cáo" when so.</summary>
    private static IReadOnlyList<string> TaskLabels(TaskState s) => (s.Overdue, s.NoReport) switch
    {
        (false, false) => TaskLabel[(int)s.Status],
        _ => [LabelKey("status_", s.Status.Id()), .. s.Overdue ? ["status_overdue"] : Array.Empty<string>(), .. s.NoReport ? ["status_no_report"] : Array.Empty<string>()],
    };

    private static readonly string[][] TaskLabel = Enum.GetValues<Core.Model.TaskStatus>().Select(x => new[] { LabelKey("status_", x.Id()) }).ToArray();

    private static string Join(IEnumerable<string?> parts) =>
        string.Join("\n", parts.Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x!.Trim()));
}
