using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;

namespace CchcPortal.Core.Validation;

/// <summary>
/// A recommendation of the Front still without an answer after its <c>due</c> date on <c>as_of</c>: a warning (CC0075)
/// at the recommendation, so that staff add the commune's answer; the site still builds.
/// </summary>
public static class OverdueAnswers
{
    public static void Check(SiteContent content, DiagnosticBag bag)
    {
        // A site of past figures (historical: true) is not waiting for anyone's answer: nothing to remind.
        if (content.Config.Historical) return;
        foreach (var s in content.Supervisions)
            foreach (var r in s.Recommendations)
            {
                var state = SupervisionRules.Recommendation(s, r, content.Config.AsOf);
                if (!state.Overdue) continue;
                var unit = content.Units.FirstOrDefault(u => u.Id == r.ToId)?.Name.Vi ?? r.ToId;
                bag.Add(Diagnostic.RecommendationOverdue(s.At[$"recommendations.{r.No}"], r.No, unit, state.DaysOverdue, r.Due!.Value));
            }
    }
}
