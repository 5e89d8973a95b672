using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;

namespace CchcPortal.Core.Validation;

/// <summary>
/// A forgotten <c>as_of</c> freezes the portal: every status and overdue day stays judged on that date while the
/// deadlines pass. When <c>as_of</c> is given and lies more than a reporting period before the build date, a warning
/// (CC0039) at <c>as_of</c> in site.yaml; the site still builds with it. A site that keeps past figures on purpose says
/// so with <c>historical: true</c>, and gets no warning.
/// </summary>
public static class StaleAsOf
{
    /// <summary>The reporting period when no plan has two dates to measure one by: a quarter at its longest.</summary>
    public const int DefaultPeriodDays = 92;

    public static void Check(SiteContent content, DateOnly today, DiagnosticBag bag)
    {
        var config = content.Config;
        if (!config.AsOfGiven) return;
        // A report signed after as_of has its own page and Word export, but no figure counts it (ProgressRules.Counted):
        // said at the report, where staff look, rather than only on the pages that silently leave it out (CC0091).
        foreach (var plan in content.Plans)
            foreach (var report in plan.Reports)
                if (report.Issued is { } issued && issued > config.AsOf)
                    bag.Add(Diagnostic.ReportAfterAsOf(report.At["issued"], issued, config.AsOf));
        if (config.Historical) return;
        var behind = today.DayNumber - config.AsOf.DayNumber;
        var period = PeriodDays(content.Plans);
        if (behind <= period) return;
        bag.Add(Diagnostic.StaleAsOf(config.AsOfAt ?? new("site.yaml"), config.AsOf, today, behind, period));
    }

    /// <summary>
    /// The longest reporting period of the site's plans, in days: from <c>from</c> to <c>to</c> of a period (both days
    /// counted), or between the due dates of two periods one after the other; <see cref="DefaultPeriodDays"/> when no
    /// plan gives either.
    /// </summary>
    public static int PeriodDays(IEnumerable<Plan> plans)
    {
        var longest = 0;
        foreach (var plan in plans)
        {
            foreach (var p in plan.Reporting)
                if (p.From is { } from && p.To is { } to && to >= from) longest = Math.Max(longest, to.DayNumber - from.DayNumber + 1);
            var dues = plan.Reporting.Select(p => p.Due.DayNumber).Distinct().Order().ToList();
            for (var i = 1; i < dues.Count; i++) longest = Math.Max(longest, dues[i] - dues[i - 1]);
        }
        return longest > 0 ? longest : DefaultPeriodDays;
    }
}
