using System.Globalization;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Schema;
using CchcPortal.Core.Text;

namespace CchcPortal.Core.Loading;

/// <summary>Turns one file's front matter into a typed record of the model, reporting every problem in place.</summary>
public static class Binders
{
    // Every key list and choice comes from the one definition of the contract (ContentSchema).
    public static readonly IReadOnlyList<string> UnitKeys = ContentSchema.Unit.Keys;
    public static readonly IReadOnlyList<string> PlanKeys = ContentSchema.Plan.Keys;
    public static readonly IReadOnlyList<string> PeriodKeys = ContentSchema.Plan["period"].Keys;
    public static readonly IReadOnlyList<string> LegalBasisKeys = ContentSchema.Plan["legal_bases"].Keys;
    public static readonly IReadOnlyList<string> ReportingKeys = ContentSchema.Plan["reporting"].Keys;
    public static readonly IReadOnlyList<string> TargetKeys = ContentSchema.Target.Keys;
    public static readonly IReadOnlyList<string> BaselineKeys = ContentSchema.Target["baseline"].Keys;
    public static readonly IReadOnlyList<string> TaskKeys = ContentSchema.Task.Keys;
    public static readonly IReadOnlyList<string> RevisedDeadlineKeys = ContentSchema.Task["revised"].Keys;
    public static readonly IReadOnlyList<string> RevisedGoalKeys = ContentSchema.Target["revised"].Keys;
    public static readonly IReadOnlyList<string> ReportKeys = ContentSchema.Report.Keys;
    public static readonly IReadOnlyList<string> PageKeys = ContentSchema.Page.Keys;
    public static readonly IReadOnlyList<string> RecommendationKeys = ContentSchema.Supervision["recommendations"].Keys;
    public static readonly IReadOnlyList<string> AnswerKeys = ContentSchema.Supervision["recommendations"]["answer"].Keys;
    public static readonly IReadOnlyDictionary<string, AnswerResult> AnswerResults = StatusIds.AnswerResults;
    private static readonly SchemaField TaskEntries = ContentSchema.Report["tasks"];
    private static readonly SchemaField TargetEntries = ContentSchema.Report["targets"];

    public static IReadOnlyList<string> KeysOf(ContentKind kind) => ContentSchema.Of(kind).Keys;

    public static readonly IReadOnlyDictionary<string, UnitRole> Roles = ContentSchema.EnumOf<UnitRole>(ContentSchema.Unit["role"]);
    public static readonly IReadOnlyDictionary<string, PlanStatus> PlanStatuses = ContentSchema.EnumOf<PlanStatus>(ContentSchema.Plan["status"]);
    public static readonly IReadOnlyDictionary<string, Metric> Metrics = ContentSchema.EnumOf<Metric>(ContentSchema.Target["metric"]);
    public static readonly IReadOnlyDictionary<string, Model.TaskStatus> TaskStatuses = StatusIds.TaskStatuses;

    public static Unit Unit(ContentFile file, Fields f, SourceDocument doc, Translations tr) => new(
        file.Id, file.RelPath,
        tr.Text(file.RelPath, "name", f.Text("name", required: true) ?? file.Id),
        tr.OptionalText(file.RelPath, "short", f.Text("short")),
        f.Choice("role", Roles, meanings: ContentSchema.Unit["role"].Choices) ?? UnitRole.Office,
        tr.Body(file.RelPath, doc.Body));

    public static Page Page(ContentFile file, Fields f, SourceDocument doc, Translations tr) => new(
        file.Id, file.RelPath, tr.Text(file.RelPath, "title", f.Text("title", required: true) ?? file.Id), tr.Body(file.RelPath, doc.Body));

    /// <summary>A plan's own file; its targets, tasks and reports are attached later.</summary>
    public static Plan Plan(ContentFile file, Fields f, SourceDocument doc, Translations tr)
    {
        var period = f.Map("period", PeriodKeys);
        var from = period?.Date("from");
        var to = period?.Date("to");
        if (from > to) f.Bag.Add(Diagnostic.StartAfterEnd(period!.At("to"), from.Value, to.Value));
        var bases = f.Items("legal_bases", LegalBasisKeys)
            .Select(b => new LegalBasis(b.Text("number", required: true) ?? "", b.Date("date"), b.Text("issuer"), b.Text("title")))
            .ToList();
        var reporting = new List<ReportingPeriod>();
        foreach (var r in f.Items("reporting", ReportingKeys))
        {
            var id = r.Text("id", required: true);
            var label = r.Text("label", required: true);
            var (rf, rt, due) = (r.Date("from"), r.Date("to"), r.Date("due", required: true));
            if (rf > rt) f.Bag.Add(Diagnostic.StartAfterEnd(r.At("to"), rf.Value, rt.Value));
            if (id is null || label is null || due is null) continue;
            if (!Ids.IsValid(id)) f.Bag.Add(Diagnostic.InvalidId(r.At("id"), id, Ids.Suggest(id)));
            var twin = reporting.FirstOrDefault(p => p.Id == id);
            if (twin is not null) { f.Bag.Add(Diagnostic.DuplicateId(r.At("id"), id, $"reporting ({twin.Label})")); continue; }
            reporting.Add(new ReportingPeriod(id, new TranslatedText(label, LabelTranslations(label, tr, file)), rf, rt, due.Value));
        }
        return new Plan(file.Id, file.RelPath, f.Text("number"), tr.Text(file.RelPath, "title", f.Text("title", required: true) ?? file.Id),
            f.Text("issuer"), f.Date("issued"), from, to, f.Choice("status", PlanStatuses, meanings: ContentSchema.Plan["status"].Choices) ?? PlanStatus.Active,
            f.Text("replaced_by"), f.Text("document"), bases, reporting, tr.Body(file.RelPath, doc.Body), [], [], [], new(file.RelPath, f.Positions));
    }

    /// <summary>"Quý IV/2025" in every translation language ("Q4 2025"), derived, never repeated by staff.</summary>
    private static Dictionary<string, string> LabelTranslations(string label, Translations tr, ContentFile file) =>
        tr.Of(file.RelPath).Select(t => t.Language).Append("en").Distinct()
            .ToDictionary(lang => lang, lang => VnDate.PeriodLabel(label, lang), StringComparer.Ordinal);

    public static Target Target(ContentFile file, Fields f, SourceDocument doc, Translations tr)
    {
        var area = AreaOf(f);
        var title = f.Text("title", required: true);
        var metric = f.Choice("metric", Metrics, meanings: ContentSchema.Target["metric"].Choices) ?? Metric.Percent;
        var max = f.Number("max");
        if (metric == Metric.Points && max is null && !f.Has("max")) f.Bag.Add(Diagnostic.PointsWithoutMax(f.KeyAt("metric")));
        var goalText = f.Text("goal", required: metric is not (Metric.Points or Metric.Boolean));
        Goal? goal = null;
        if (goalText is not null && !Goal.TryParse(goalText, out goal)) f.Bag.Add(Diagnostic.InvalidGoal(f.At("goal"), goalText));
        var written = goal is not null ? goalText : null;
        goal ??= metric switch
        {
            Metric.Points when max is not null => new Goal(Comparator.AtLeast, max.Value),
            Metric.Boolean => new Goal(Comparator.Equal, 1),
            _ => null,
        };
        var b = f.Map("baseline", BaselineKeys);
        var baseline = b is null ? null : b.Number("value", required: true) is { } bv ? new Baseline(bv, b.Date("date")) : null;
        var lead = f.Text("lead");
        // A target with a wrong field is kept (the build stops on the error anyway) so that reports naming it
        // do not get a second, misleading "unknown target" error.
        var revised = new List<GoalRevision>();
        foreach (var (r, on, entry) in Revisions(f, RevisedGoalKeys))
        {
            var text = r.Text("goal", required: true);
            if (text is null) continue;
            if (!Goal.TryParse(text, out var earlier)) { f.Bag.Add(Diagnostic.InvalidGoal(r.At("goal"), text)); continue; }
            if (goal is not null && earlier == goal) f.Bag.Add(Diagnostic.RevisionSameAsCurrent(r.At("goal"), text, goalText ?? ""));
            if (on is not null) revised.Add(new GoalRevision(earlier!, text, on.Value, r.Text("by")) { Entry = entry });
        }
        return new Target(file.PlanId!, file.Id, file.RelPath, area ?? Model.Area.All[0], tr.Text(file.RelPath, "title", title ?? file.Id), metric,
            goal ?? new Goal(Comparator.AtLeast, 0), max, baseline,
            lead, tr.Body(file.RelPath, doc.Body), new(file.RelPath, f.Positions))
        { Revised = revised, GoalText = written };
    }

    /// <summary>
    /// The entries of <c>revised:</c> with their <c>on</c> dates, oldest first as written; a date earlier than the one above
    /// it is reported (CC0080). Whether each lies within the plan's period is checked once the plan is known (References).
    /// </summary>
    private static List<(Fields Entry, DateOnly? On, int Index)> Revisions(Fields f, IReadOnlyList<string> keys)
    {
        var list = new List<(Fields, DateOnly?, int)>();
        DateOnly? previous = null;
        foreach (var r in f.Items("revised", keys))
        {
            var on = r.Date("on", required: true);
            if (on is { } o)
            {
                if (previous is { } p && o < p) f.Bag.Add(Diagnostic.RevisionsOutOfOrder(r.At("on"), o, p));
                previous = o;
            }
            list.Add((r, on, list.Count));
        }
        return list;
    }

    /// <summary>Two deadlines that give the same due dates (or, undated, say the same) are the same deadline written twice.</summary>
    public static bool SameDeadline(Deadline a, Deadline b) =>
        a.Kind == b.Kind && (a.IsDated ? a.Milestones.Select(m => m.Due).SequenceEqual(b.Milestones.Select(m => m.Due))
            : TextFold.Fold(a.Text) == TextFold.Fold(b.Text));

    public static PlanTask? Task(ContentFile file, Fields f, SourceDocument doc, Translations tr)
    {
        var no = f.Integer("no", required: true);
        if (no is { } n && n <= 0) f.Bag.Add(Diagnostic.OutOfRange(f.At("no"), n, "no", "1 – 9999"));
        var area = AreaOf(f);
        var title = f.Text("title", required: true);
        var lead = f.Text("lead", required: true);
        var cooperating = f.TextList("cooperating").Select(c => c.Value).ToList();
        var deadlineText = f.Text("deadline", required: true);
        Deadline? deadline = null;
        if (deadlineText is not null && !DeadlineParser.TryParse(deadlineText, out deadline))
            f.Bag.Add(DeadlineParser.ImpossibleDate(deadlineText) is { } day
                ? Diagnostic.ImpossibleDeadlineDate(f.At("deadline"), deadlineText, day.Written, day.Day, day.Month, day.Year, day.Corrected)
                : Diagnostic.InvalidDeadline(f.At("deadline"), deadlineText));
        // Only a task without a number is dropped: with any other wrong field it is kept (the build stops on the
        // error anyway) so that reports naming its number do not get a second, misleading error.
        var current = deadline;
        var revised = new List<DeadlineRevision>();
        foreach (var (r, on, entry) in Revisions(f, RevisedDeadlineKeys))
        {
            var text = r.Text("deadline", required: true);
            if (text is null) continue;
            if (!DeadlineParser.TryParse(text, out var earlier)) { f.Bag.Add(Diagnostic.InvalidDeadline(r.At("deadline"), text)); continue; }
            if (current is not null && SameDeadline(earlier!, current)) f.Bag.Add(Diagnostic.RevisionSameAsCurrent(r.At("deadline"), text, current.Text));
            if (on is not null) revised.Add(new DeadlineRevision(earlier!, on.Value, r.Text("by")) { Entry = entry });
        }
        if (no is null) return null;
        deadline ??= new Deadline(deadlineText ?? "", DeadlineKind.Ongoing, []);
        return new PlanTask(file.PlanId!, file.Id, file.RelPath, no.Value, area ?? Model.Area.All[0], tr.Text(file.RelPath, "title", title ?? file.Id),
            tr.OptionalText(file.RelPath, "product", f.Text("product")), lead ?? "", cooperating, deadline, tr.Body(file.RelPath, doc.Body),
            new(file.RelPath, f.Positions)).WithRevisions(revised);
    }

    /// <summary>A report; its period is resolved against the plan later, so it is returned with the period id.</summary>
    public static Bound.ReportFile? Report(ContentFile file, Fields f, SourceDocument doc, Translations tr)
    {
        var periodId = f.Text("period", required: true);
        var tasks = new Dictionary<int, TaskEntry>();
        var taskAt = new Dictionary<int, SourceLocation>();
        var targetAt = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (key, at, e) in f.Entries(TaskEntries.Key, TaskEntries.EntryKeys, TaskEntries.IdKey!))
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var no))
            {
                f.Bag.Add(Diagnostic.WrongShape(at, $"tasks.{key}", ValueShape.TaskNumber));
                continue;
            }
            var status = e.Choice("status", TaskStatuses, required: true, meanings: ContentSchema.TaskStatuses, of: new($"nhiệm vụ số {no}", $"task {no}"));
            var progress = e.Integer("progress");
            if (progress is { } p and (< 0 or > 100)) { f.Bag.Add(Diagnostic.OutOfRange(e.At("progress"), p, $"tasks.{key}.progress", "0 – 100")); progress = null; }
            var note = e.Text("note");
            if (status == Model.TaskStatus.Cancelled && note is null) f.Bag.Add(Diagnostic.CancelledWithoutNote(at, no));
            if (!taskAt.TryAdd(no, at)) { f.Bag.Add(Diagnostic.DuplicateId(at, key, Twin("tasks", taskAt[no]))); continue; }
            if (status is null) continue;
            var noteKey = no.ToString(CultureInfo.InvariantCulture);
            tasks[no] = new TaskEntry(status.Value, progress,
                note is null ? null : tr.Localize(file.RelPath, note, t => t.TaskNotes.FirstOrDefault(n => TaskKey(n.Key) == noteKey).Value),
                e.Text("evidence"));
        }
        var targets = new Dictionary<string, TargetEntry>(StringComparer.Ordinal);
        foreach (var (key, at, e) in f.Entries(TargetEntries.Key, TargetEntries.EntryKeys, TargetEntries.IdKey!))
        {
            var flag = e.Boolean("value");
            var value = flag is null ? e.Number("value", required: true) : (flag.Value ? 1 : 0);
            var note = e.Text("note");
            if (!targetAt.TryAdd(key, at)) { f.Bag.Add(Diagnostic.DuplicateId(at, key, Twin("targets", targetAt[key]))); continue; }
            targets[key] = new TargetEntry(value, flag,
                note is null ? null : tr.Localize(file.RelPath, note, t => t.TargetNotes.GetValueOrDefault(key)));
        }
        if (periodId is null) return null;
        var placeholder = new ReportingPeriod(periodId, new TranslatedText(periodId), null, null, DateOnly.MinValue);
        var report = new Report(file.PlanId!, file.Id, file.RelPath, placeholder, f.Text("number"), f.Date("issued"), tasks, targets,
            tr.Body(file.RelPath, doc.Body), new(file.RelPath, f.Positions));
        return new Bound.ReportFile(report, periodId, f.At("period"));
    }

    /// <summary>
    /// A supervision of the Front. Its references (the monitoring unit, the units asked, the plan and its tasks) are
    /// checked by Validate; here: its keys, a duplicate recommendation number, an answer dated before the supervision.
    /// </summary>
    public static Supervision Supervision(ContentFile file, Fields f, SourceDocument doc, Translations tr)
    {
        var title = f.Text("title", required: true);
        var by = f.Text("by", required: true);
        var issued = f.Date("issued", required: true);
        var tasks = new List<int>();
        foreach (var (value, at) in f.TextList("tasks"))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                if (f.Positions.TryAdd($"tasks.{n}", at)) tasks.Add(n);
            }
            else f.Bag.Add(Diagnostic.WrongShape(at, "tasks", ValueShape.TaskNumber));
        }
        var recommendations = new List<Recommendation>();
        foreach (var r in f.Items("recommendations", RecommendationKeys))
        {
            var no = r.Integer("no", required: true);
            if (no is { } n0 && n0 <= 0) { f.Bag.Add(Diagnostic.OutOfRange(r.At("no"), n0, "no", "1 – 9999")); no = null; }
            var text = r.Text("text", required: true);
            var to = r.Text("to", required: true);
            var due = r.Date("due");
            Answer? answer = null;
            if (r.Map("answer", AnswerKeys) is { } a)
            {
                var date = a.Date("date", required: true);
                var number = a.Text("number");
                var result = a.Choice("result", AnswerResults, required: true);
                var answerText = a.Text("text");
                if (date is { } d && issued is { } i && d < i) f.Bag.Add(Diagnostic.AnswerBeforeSupervision(a.At("date"), d, i));
                // An answer with a wrong field is kept (the build stops on the error anyway), so that it is not also
                // reported as missing (CC0075).
                if (no is not null)
                {
                    var key = no.Value.ToString(CultureInfo.InvariantCulture) + ".answer";
                    answer = new Answer(date ?? issued ?? DateOnly.MinValue, number, result ?? AnswerResult.Accepted,
                        answerText is null ? null : tr.Localize(file.RelPath, answerText, t => t.RecommendationTexts.GetValueOrDefault(key)));
                }
            }
            if (no is null) continue;
            var noKey = no.Value.ToString(CultureInfo.InvariantCulture);
            if (!f.Positions.TryAdd($"recommendations.{noKey}", r.At("no")))
            {
                f.Bag.Add(Diagnostic.DuplicateRecommendation(r.At("no"), no.Value, f.Positions[$"recommendations.{noKey}"].Line));
                continue;
            }
            f.Positions[$"recommendations.{noKey}.to"] = r.At("to");
            recommendations.Add(new Recommendation(no.Value, tr.Localize(file.RelPath, text ?? "", t => t.RecommendationTexts.GetValueOrDefault(noKey)),
                to ?? "", due, answer));
        }
        return new Supervision(file.Id, file.RelPath, tr.Text(file.RelPath, "title", title ?? file.Id), by ?? "", f.Text("number"),
            issued ?? DateOnly.MinValue, f.Text("plan"), tasks, f.Text("document"), recommendations.OrderBy(x => x.No).ToList(),
            tr.Body(file.RelPath, doc.Body), new(file.RelPath, f.Positions));
    }

    /// <summary>"tasks, dòng 6": where the first entry of a repeated number or id was written.</summary>
    private static Sentence Twin(string key, SourceLocation first) =>
        new($"{key}, dòng {first.Line}", $"{key}, line {first.Line}");

    private static string TaskKey(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : key;

    private static Area? AreaOf(Fields f)
    {
        var id = f.Text("area", required: true);
        if (id is null) return null;
        if (Model.Area.Find(id) is { } area) return area;
        var ids = Model.Area.All.Select(a => a.Id).ToList();
        f.Bag.Add(Diagnostic.UnknownArea(f.At("area"), id, Suggest.Nearest(id, ids), ids));
        return null;
    }
}
