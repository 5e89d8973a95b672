using System.Text.RegularExpressions;
using CchcPortal.Core.Model;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Site.Render;

/// <summary>
/// The description of every page (its meta description and og:description: what search engines and link previews in
/// Zalo or Facebook show under the title): a sentence or two from the page's content, in the page's language, made from
/// its finished view model — one function per page kind. A task says its status and deadline, a plan its number and
/// counts, the monitoring page how many tasks are late. A page kind without its own function (a theme's) gets the site's.
/// </summary>
public static partial class PageDescriptions
{
    /// <summary>Search engines show about 160 characters; a longer text is cut at a word with "…".</summary>
    public const int MaxLength = 200;

    /// <summary>What is known of the page besides its model: its title, breadcrumbs and the site's chrome.</summary>
    public sealed record Facts(Txt Title, IReadOnlyList<Crumb> Crumbs, string SiteTitle, string? Commune, string AsOf, string License);

    public static string Of(object model, Facts page, Strings t) => Fit(model switch
    {
        HomeVm m => Current(m.Current, page, t),
        EmbedVm m => Current(m.Current, page, t),
        PlanVm m => Plan(m, t),
        TaskVm m => Task(m, page, t),
        TargetVm m => Target(m, page, t),
        ReportVm m => Report(m, page, t),
        UnitVm m => Unit(m, t),
        UnitsVm m => t.Format("desc_units", m.Units.Count),
        AreaVm m => Area(m, t),
        AreasVm m => t.Format("desc_areas", m.Areas.Count, m.Areas.Sum(a => a.Tasks), m.Areas.Sum(a => a.Targets), m.Areas.Sum(a => a.Overdue)),
        MonitoringVm m => Sentences(t.Format("desc_monitoring", m.OverdueCount, m.NoReportCount, m.TargetsNotMet.Count), AsOf(page, t)),
        SearchVm => t["desc_search"],
        SupervisionsVm m => Sentences(t.Format("desc_supervisions", m.Supervisions.Count, m.Counts.Total, m.Counts.Answered, m.Counts.CarriedOut, m.Counts.Awaiting), AsOf(page, t)),
        SupervisionVm m => Sentences(t.Format("desc_supervision", m.Summary.Issued, m.Summary.Counts.Total, m.Summary.Counts.Answered, m.Summary.Counts.CarriedOut, m.Summary.Counts.Awaiting), AsOf(page, t)),
        OpenDataVm m => t.Format("desc_open_data", m.License),
        FreePageVm m when Text(m.Body) is { Length: > 0 } text => text,
        RollupHomeVm m => Sentences(t.Format("desc_rollup", m.Communes), Counts(m.Totals, t), AsOf(page, t)),
        CommunePageVm m => Sentences(m.Row.Plan is { } plan ? $"{PlanName(plan, plan, t)}: {Counts(m.Counts, t)}" : Counts(m.Counts, t),
            $"{t["rollup_as_of"]} {m.Row.AsOf ?? "—"}"),
        AreasComparedVm m => t.Format("desc_rollup_areas", m.Areas.Count, m.Areas.Sum(a => a.Total.Tasks), m.Areas.Sum(a => a.Total.Overdue)),
        _ => Site(page, t),
    });

    private static string Site(Facts page, Strings t) => t.Format("desc_site", page.Commune ?? page.SiteTitle);

    private static string AsOf(Facts page, Strings t) => $"{t["as_of"]} {page.AsOf}";

    /// <summary>"12/29 tasks done, 10 in progress, 3 overdue; 8/20 targets met" (targets only when the plan has some).</summary>
    private static string Counts(CountsVm c, Strings t) =>
        t.Format("desc_counts", c.Done, c.Total, c.InProgress, c.Overdue) + (c.TargetsTotal > 0 ? "; " + t.Format("desc_targets", c.TargetsMet, c.TargetsTotal) : "");

    /// <summary>"Kế hoạch 45/KH-UBND", or the plan's title when it has no number.</summary>
    private static string PlanName(string? number, string title, Strings t) => number is null ? title : $"{t["plan"]} {number}";

    /// <summary>The plan of a page under a plan: its breadcrumb holds the number, or the title when there is none.</summary>
    private static string PlanOf(Facts page, Link plan, Strings t) =>
        page.Crumbs.Count > 0 && page.Crumbs[^1].Text.Text is var crumb && crumb != plan.Text.Text ? PlanName(crumb, "", t) : plan.Text.Text;

    /// <summary>The home page and the progress card: the current plan's counts on the as-of date.</summary>
    private static string Current(PlanSummary? current, Facts page, Strings t) => current is { } p
        ? Sentences($"{PlanName(p.Number, p.Plan.Text.Text, t)}: {Counts(p.Counts, t)}", AsOf(page, t))
        : Sentences(Site(page, t), AsOf(page, t));

    private static string Plan(PlanVm m, Strings t)
    {
        var head = PlanName(m.Number, m.Title.Text, t) + (m.Issued is null ? "" : ", " + t.Format("desc_issued", m.Issued));
        return Sentences($"{head}: {Counts(m.Summary.Counts, t)}");
    }

    private static string Task(TaskVm m, Facts page, Strings t)
    {
        var row = m.Row;
        var status = row.Status.Label + (row.Progress is { } p && row.Status.Id == TaskStatus.InProgress.Id() ? $" ({p}%)" : "")
            + (row.Overdue ? ", " + t.Format("desc_overdue", row.DaysOverdue) : "")
            + (row.NoReport ? ", " + t["status_no_report"].ToLowerInvariant() : "");
        return Sentences($"{t["task"]} {row.No}, {PlanOf(page, m.Plan, t)}", status, t.Format("desc_deadline", row.Deadline),
            row.Lead is null ? null : t.Format("desc_lead", row.Lead.Text.Text));
    }

    private static string Target(TargetVm m, Facts page, Strings t)
    {
        var row = m.Row;
        var latest = row.Latest is null ? row.Result.Label : $"{t["latest_value"]} {row.Latest}: {row.Result.Label}";
        return Sentences($"{t["target"]}, {PlanOf(page, m.Plan, t)}", $"{t["goal"]} {row.Goal}", latest,
            row.Lead is null ? null : t.Format("desc_lead", row.Lead.Text.Text));
    }

    private static string Report(ReportVm m, Facts page, Strings t) =>
        Sentences(PlanOf(page, m.Plan, t) + (m.Issued is null ? "" : ", " + t.Format("desc_issued", m.Issued)),
            t.Format("desc_report", m.Tasks.Count, m.Tasks.Count(x => x.Row.Status.Id == TaskStatus.Done.Id()), m.NotMentioned.Count, m.Targets.Count(x => x.Value is not null)));

    private static string Unit(UnitVm m, Strings t) =>
        Sentences(m.Role, t.Format("desc_unit", m.Counts.Total, m.Counts.Done, m.Counts.Overdue, m.Cooperates.Count, m.Targets.Count));

    private static string Area(AreaVm m, Strings t)
    {
        var tasks = m.Plans.SelectMany(p => p.Tasks).ToList();
        return Sentences(t.Format("desc_area", m.Name, tasks.Count, tasks.Count(x => x.Overdue), m.Plans.Sum(p => p.Targets.Count)));
    }

    /// <summary>Parts joined as sentences: each ends with a full stop, empty ones are left out.</summary>
    private static string Sentences(params string?[] parts) =>
        string.Join(" ", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.TrimEnd().TrimEnd('.') + "."));

    /// <summary>The text of rendered (sanitised) Markdown without its headings: no tags, entities decoded, single spaces.</summary>
    private static string Text(Html body) =>
        System.Net.WebUtility.HtmlDecode(Spaces().Replace(Tags().Replace(Headings().Replace(body.Value, " "), " "), " ")).Trim();

    [GeneratedRegex(@"<h[1-6][^>]*>.*?</h[1-6]>", RegexOptions.Singleline)]
    private static partial Regex Headings();

    /// <summary>Cut at a word before <see cref="MaxLength"/>, with "…".</summary>
    public static string Fit(string text)
    {
        if (text.Length <= MaxLength) return text;
        var cut = text.LastIndexOf(' ', MaxLength - 1);
        var end = cut > MaxLength / 2 ? cut : char.IsHighSurrogate(text[MaxLength - 2]) ? MaxLength - 2 : MaxLength - 1;
        return text[..end].TrimEnd(' ', ',', ';', ':', '.', '-', '–') + "…";
    }

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
