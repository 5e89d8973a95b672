using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;

namespace CchcPortal.Core.Validation;

/// <summary>
/// No silent moves (issue 36). Once a report of a plan has been committed, the plan's deadlines and goals were public: a
/// task's deadline or a target's goal that differs from a value it had in a commit from that first report's commit on,
/// with no <c>revised:</c> entry for that earlier value, is a warning at the line (CC0083, CC0084), naming the date of the
/// last commit that still had it and the lines to add. A change before the first report (a typo fixed while drafting)
/// says nothing; outside git nothing is known, so nothing is said. Reads the one <c>git log</c> pass of
/// <see cref="GitHistory"/>: no git process of its own.
/// </summary>
public static class SilentMoves
{
    public static void Check(SiteContent content, DiagnosticBag bag)
    {
        var history = content.History;
        if (history.Commits.Count == 0) return;
        foreach (var plan in content.Plans)
        {
            // The first report's commit: the oldest commit (largest index) adding any of the plan's report files.
            var first = plan.Reports.Select(r => history.FirstCommitOf(r.Source)).Where(i => i is not null).Max();
            if (first is not { } published) continue;
            foreach (var task in plan.Tasks)
                foreach (var (earlier, date) in Earlier(history, task.Source, "deadline", published))
                {
                    if (!DeadlineParser.TryParse(earlier, out var d) ? Same(earlier, task.Deadline.Text) || task.Revised.Any(r => Same(earlier, r.Deadline.Text))
                        : Binders.SameDeadline(d!, task.Deadline) || task.Revised.Any(r => Binders.SameDeadline(d!, r.Deadline))) continue;
                    bag.Add(Diagnostic.SilentDeadlineMove(task.At["deadline"], earlier, date, task.Deadline.Text));
                }
            // A goal not written or not understood now (an error of its own), or not understood then, is not compared.
            foreach (var target in plan.Targets.Where(t => t.GoalText is not null))
                foreach (var (earlier, date) in Earlier(history, target.Source, "goal", published))
                {
                    if (!Goal.TryParse(earlier, out var g) || g == target.Goal || target.Revised.Any(r => r.Goal == g)) continue;
                    bag.Add(Diagnostic.SilentGoalMove(target.At["goal"], earlier, date, target.Goal.ToString()));
                }
        }
    }

    private static bool Same(string a, string b) => TextFold.Fold(a.Trim()) == TextFold.Fold(b.Trim());

    /// <summary>
    /// Each value the key had in a commit from <paramref name="published"/> on (newest first, each once), with the date of the
    /// latest commit that still had it: a value a later commit replaced, and the last committed value when the file as it is
    /// now (not yet committed) says something else.
    /// </summary>
    private static IEnumerable<(string Value, DateOnly Date)> Earlier(GitHistory history, string file, string key, int published)
    {
        var changes = history.ChangesOf(file, key);
        if (changes.Count == 0) return [];
        var seen = new List<(string, DateOnly)>();
        void Add(string value, DateOnly date) { if (!seen.Any(s => s.Item1 == value)) seen.Add((value, date)); }
        // The value committed last: when the file now (an edit not yet committed) says something else, it was public then.
        if (changes.FirstOrDefault(c => c.New is not null) is { New: { } head }) Add(head, history.Commits[0].Date);
        foreach (var c in changes)
            if (c.Old is { } old && c.Commit < published)
                Add(old, history.Commits[Math.Min(c.Commit + 1, history.Commits.Count - 1)].Date);
        return seen;
    }
}
