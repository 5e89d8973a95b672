namespace CchcPortal.Core.Model;

/// <summary>
/// Which plan is "current": the one the home page and the embed card show, and the one <c>cchc new report</c>,
/// <c>cchc new task</c> and <c>cchc export report</c> work on when no <c>--plan</c> is given. One rule, so that staff
/// scaffold and export the plan residents see. Plans newest first (the order of <see cref="SiteContent.Plans"/>): the
/// first active one, else the newest published one (completed or replaced), else — on a site whose only plans are
/// drafts, which staff are still writing and the portal does not show — the newest draft, so that <c>cchc new task</c>
/// after <c>cchc new plan</c> works on it. The portal never sees drafts, so for it the rule is "active, else newest".
/// </summary>
public static class CurrentPlan
{
    public static T? Of<T>(IEnumerable<T> plansNewestFirst, Func<T, PlanStatus> statusOf) where T : class
    {
        T? newest = null, newestDraft = null;
        foreach (var p in plansNewestFirst)
        {
            var status = statusOf(p);
            if (status == PlanStatus.Active) return p;
            if (status == PlanStatus.Draft) newestDraft ??= p;
            else newest ??= p;
        }
        return newest ?? newestDraft;
    }

    public static Plan? Of(IEnumerable<Plan> plansNewestFirst) => Of(plansNewestFirst, p => p.Status);
}
