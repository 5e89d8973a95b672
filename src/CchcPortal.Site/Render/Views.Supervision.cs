using CchcPortal.Core.Model;

namespace CchcPortal.Site.Render;

/// <summary>The Front's supervisions (/giam-sat/), and their recommendations on the task, unit, monitoring and home pages.</summary>
public sealed partial class Views
{
    /// <summary>The list of supervisions and a page per supervision (none when the site has no supervision).</summary>
    private IEnumerable<PageSource> SupervisionPages()
    {
        var summary = portal.Supervision;
        if (summary.Supervisions.Count == 0) yield break;
        yield return SupervisionList();
        foreach (var s in summary.Supervisions) yield return SupervisionPage(s);
    }

    private static string Icon(RecommendationState s) => s switch
    {
        RecommendationState.Awaiting => "○",
        RecommendationState.Overdue => "⚠",
        RecommendationState.Accepted => "◐",
        RecommendationState.Done => "✓",
        RecommendationState.Explained => "ℹ",
        _ => "✕",
    };

    /// <summary>A recommendation's state in words and a shape ("rec_overdue" …).</summary>
    public StatusVm RecommendationStateVm(RecommendationState s) => new(s.Id(), strings[Key("rec_", s.Id())], Icon(s));

    /// <summary>The counts and the sentence that says them: "4 kiến nghị: 2 đã trả lời (1 đã thực hiện), 2 chờ trả lời (1 quá hạn trả lời)".</summary>
    private RecommendationCountsVm RecCounts(RecommendationCounts c) =>
        new(c.Total, c.Answered, c.CarriedOut, c.Accepted, c.Explained, c.Declined, c.Awaiting, c.Overdue,
            strings.Format("rec_counts", c.Total, c.Answered, c.CarriedOut, c.Awaiting, c.Overdue));

    private RecommendationCountsVm? SiteRecCounts() => portal.Supervision.Supervisions.Count == 0 ? null : RecCounts(portal.Supervision.Counts);

    private string? SupervisionsUrl(PageScope at) => portal.Supervision.Supervisions.Count == 0 ? null : Url(at, Routes.Supervisions);

    private Link SupervisionLink(PageScope at, Supervision s) => new(Url(at, Routes.Supervision(s.Id)), Shown(s.Title));

    public RecommendationRow RecRow(PageScope at, RecommendationStatus r, bool withSupervision)
    {
        var rec = r.Recommendation;
        var answer = r.Answer;
        var anchor = Routes.RecommendationAnchor(rec.No);
        return new RecommendationRow(rec.No, anchor, Shown(rec.Text), rec.ToId.Length == 0 ? null : UnitLink(at, rec.ToId), Day(rec.Due),
            RecommendationStateVm(r.State), r.DaysOverdue, answer is null ? null : Day(answer.Date), answer?.Number, ShownOrNull(answer?.Text), r.DaysLate,
            withSupervision ? new Link(Url(at, Routes.Supervision(r.Supervision.Id)) + "#" + anchor, Shown(r.Supervision.Title)) : null);
    }

    private SupervisionItem Item(PageScope at, SupervisionState s) => new(SupervisionLink(at, s.Supervision), s.Supervision.Number,
        Day(s.Supervision.Issued), s.Supervision.ById.Length == 0 ? null : UnitLink(at, s.Supervision.ById), RecCounts(s.Counts));

    private Crumb SupervisionsCrumb(PageScope at) => new(Url(at, Routes.Supervisions), new Txt(strings["supervision_title"]));

    private PageSource SupervisionList() => At(Routes.Supervisions, at =>
    {
        var vm = new SupervisionsVm(Day(portal.Config.AsOf), portal.Supervision.Supervisions.Select(s => Item(at, s)).ToList(), RecCounts(portal.Supervision.Counts));
        return Job(at, Routes.Supervisions, "supervisions", "supervisions", new Txt(strings["supervision_title"]), vm, [HomeCrumb(at)]);
    });

    private PageSource SupervisionPage(SupervisionState s) => At(Routes.Supervision(s.Supervision.Id), at =>
    {
        var sv = s.Supervision;
        var plan = sv.PlanId is null ? null : portal.Plan(sv.PlanId);
        var tasks = plan is null ? [] : sv.TaskNos.Select(no => plan.Tasks.FirstOrDefault(x => x.Task.No == no)).OfType<TaskState>()
            .Select(x => Row(at, x)).ToList();
        var vm = new SupervisionVm(Item(at, s), Shown(sv.Title), Html(at, sv.Body),
            sv.Document is { } doc ? (doc.Contains("://", StringComparison.Ordinal) ? doc : at.Root + doc.TrimStart('/')) : null,
            plan is null ? null : PlanLink(at, plan.Plan), tasks, s.Recommendations.Select(r => RecRow(at, r, false)).ToList(), Day(portal.Config.AsOf));
        var job = Job(at, Routes.Supervision(sv.Id), "supervision", "supervision", Shown(sv.Title), vm, [HomeCrumb(at), SupervisionsCrumb(at)],
            Untranslated(sv.Title, sv.Body), sv.Source);
        return plan is null ? job : About(plan.Plan, job);
    });

    /// <summary>The supervisions that concern a task, each with its recommendations (a lookup, made once in the model).</summary>
    private IReadOnlyList<RecommendationGroupVm> TaskSupervisions(PageScope at, PlanTask task) =>
        portal.Supervision.Supervisions.Count == 0 ? [] : portal.Supervision.Concerning(task.PlanId, task.No)
            .Select(s => new RecommendationGroupVm(SupervisionLink(at, s.Supervision), s.Supervision.Number, Day(s.Supervision.Issued),
                s.Recommendations.Select(r => RecRow(at, r, false)).ToList())).ToList();

    private IReadOnlyList<RecommendationRow> UnitRecommendations(PageScope at, Unit unit) =>
        portal.Supervision.Supervisions.Count == 0 ? [] : portal.Supervision.AddressedTo(unit.Id).Select(r => RecRow(at, r, true)).ToList();

    private IReadOnlyList<RecommendationUnitGroup> AwaitingGroups(PageScope at) =>
        portal.Supervision.Awaiting.Select(g => new RecommendationUnitGroup(UnitLink(at, g.UnitId)!, g.Overdue,
            g.Recommendations.Select(r => RecRow(at, r, true)).ToList())).ToList();
}
