using System.Globalization;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;

namespace CchcPortal.Core.Loading;

/// <summary>Turns one file's front matter into a typed record of the model, reporting every problem in place.</summary>
public static class Binders
{
    public static readonly string[] UnitKeys = ["name", "short", "role"];
    public static readonly string[] PlanKeys = ["number", "title", "issuer", "issued", "period", "status", "replaced_by", "document", "legal_bases", "reporting"];
    public static readonly string[] PeriodKeys = ["from", "to"];
    public static readonly string[] LegalBasisKeys = ["number", "date", "issuer", "title"];
    public static readonly string[] ReportingKeys = ["id", "label", "from", "to", "due"];
    public static readonly string[] TargetKeys = ["area", "title", "metric", "goal", "max", "baseline", "lead"];
    public static readonly string[] BaselineKeys = ["value", "date"];
    public static readonly string[] TaskKeys = ["no", "area", "title", "product", "lead", "cooperating", "deadline"];
    public static readonly string[] ReportKeys = ["period", "number", "issued", "tasks", "targets"];
    public static readonly string[] TaskEntryKeys = ["status", "progress", "note", "evidence"];
    public static readonly string[] TargetEntryKeys = ["value", "note"];
    public static readonly string[] PageKeys = ["title"];

    public static IReadOnlyList<string> KeysOf(ContentKind kind) => kind switch
    {
        ContentKind.Unit => UnitKeys, ContentKind.Plan => PlanKeys, ContentKind.Target => TargetKeys,
        ContentKind.Task => TaskKeys, ContentKind.Report => ReportKeys, _ => PageKeys,
    };

    public static readonly IReadOnlyDictionary<string, UnitRole> Roles = new Dictionary<string, UnitRole>
        { ["office"] = UnitRole.Office, ["standing"] = UnitRole.Standing, ["monitor"] = UnitRole.Monitor };
    public static readonly IReadOnlyDictionary<string, PlanStatus> PlanStatuses = new Dictionary<string, PlanStatus>
        { ["draft"] = PlanStatus.Draft, ["active"] = PlanStatus.Active, ["completed"] = PlanStatus.Completed, ["replaced"] = PlanStatus.Replaced };
    public static readonly IReadOnlyDictionary<string, Metric> Metrics = new Dictionary<string, Metric>
        { ["percent"] = Metric.Percent, ["count"] = Metric.Count, ["points"] = Metric.Points, ["index"] = Metric.Index, ["boolean"] = Metric.Boolean };
    public static readonly IReadOnlyDictionary<string, Model.TaskStatus> TaskStatuses = StatusIds.TaskStatuses;

    public static Unit Unit(ContentFile file, Fields f, SourceDocument doc, Translations tr) => new(
        file.Id, file.RelPath,
        tr.Text(file.RelPath, "name", f.Text("name", required: true) ?? file.Id),
        tr.OptionalText(file.RelPath, "short", f.Text("short")),
        f.Choice("role", Roles) ?? UnitRole.Office,
        tr.Body(file.RelPath, doc.Body));

    public static Page Page(ContentFile file, Fields f, SourceDocument doc, Translations tr) => new(
        file.Id, file.RelPath, tr.Text(file.RelPath, "title", f.Text("title", required: true) ?? file.Id), tr.Body(file.RelPath, doc.Body));

    /// <summary>A plan's own file; its targets, tasks and reports are attached later.</summary>
    public static Plan Plan(ContentFile file, Fields f, SourceDocument doc, Translations tr)
    {
        var period = f.Map("period", PeriodKeys);
        var from = period?.Date("from");
        var to = period?.Date("to");
        if (from > to) f.Bag.Error("CC0028", period!.At("to"), VnDate.Short(from.Value, "vi"), VnDate.Short(to.Value, "vi"));
        var bases = f.Items("legal_bases", LegalBasisKeys)
            .Select(b => new LegalBasis(b.Text("number", required: true) ?? "", b.Date("date"), b.Text("issuer"), b.Text("title")))
            .ToList();
        var reporting = new List<ReportingPeriod>();
        foreach (var r in f.Items("reporting", ReportingKeys))
        {
            var id = r.Text("id", required: true);
            var label = r.Text("label", required: true);
            var (rf, rt, due) = (r.Date("from"), r.Date("to"), r.Date("due", required: true));
            if (rf > rt) f.Bag.Error("CC0028", r.At("to"), VnDate.Short(rf.Value, "vi"), VnDate.Short(rt.Value, "vi"));
            if (id is null || label is null || due is null) continue;
            if (!Ids.IsValid(id)) f.Bag.Error("CC0008", r.At("id"), id, Ids.Suggest(id));
            var twin = reporting.FirstOrDefault(p => p.Id == id);
            if (twin is not null) { f.Bag.Error("CC0018", r.At("id"), id, $"reporting ({twin.Label})"); continue; }
            reporting.Add(new ReportingPeriod(id, new Localized(label, LabelTranslations(label, tr, file)), rf, rt, due.Value));
        }
        return new Plan(file.Id, file.RelPath, f.Text("number"), tr.Text(file.RelPath, "title", f.Text("title", required: true) ?? file.Id),
            f.Text("issuer"), f.Date("issued"), from, to, f.Choice("status", PlanStatuses) ?? PlanStatus.Active,
            f.Text("replaced_by"), f.Text("document"), bases, reporting, tr.Body(file.RelPath, doc.Body), [], [], [], new(file.RelPath, f.Positions));
    }

    /// <summary>"Quý IV/2025" in every translation language ("Q4 2025"), derived, never repeated by staff.</summary>
    private static Dictionary<string, string> LabelTranslations(string label, Translations tr, ContentFile file) =>
        tr.Of(file.RelPath).Select(t => t.Language).Append("en").Distinct()
            .ToDictionary(lang => lang, lang => VnDate.PeriodLabel(label, lang), StringComparer.Ordinal);

    public static Target? Target(ContentFile file, Fields f, SourceDocument doc, Translations tr)
    {
        var area = AreaOf(f);
        var title = f.Text("title", required: true);
        var metric = f.Choice("metric", Metrics) ?? Metric.Percent;
        var max = f.Number("max");
        if (metric == Metric.Points && max is null && !f.Has("max")) f.Bag.Error("CC0029", f.KeyAt("metric"));
        var goalText = f.Text("goal", required: metric is not (Metric.Points or Metric.Boolean));
        Goal? goal = null;
        if (goalText is not null && !Goal.TryParse(goalText, out goal)) f.Bag.Error("CC0011", f.At("goal"), goalText);
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
        return new Target(file.PlanId!, file.Id, file.RelPath, area ?? Model.Area.All[0], tr.Text(file.RelPath, "title", title ?? file.Id), metric,
            goal ?? new Goal(Comparator.AtLeast, 0), max, baseline,
            lead, tr.Body(file.RelPath, doc.Body), new(file.RelPath, f.Positions));
    }

    public static PlanTask? Task(ContentFile file, Fields f, SourceDocument doc, Translations tr)
    {
        var no = f.Integer("no", required: true);
        if (no is <= 0) f.Bag.Error("CC0024", f.At("no"), no, "no", "1 – 9999");
        var area = AreaOf(f);
        var title = f.Text("title", required: true);
        var lead = f.Text("lead", required: true);
        var cooperating = f.TextList("cooperating").Select(c => c.Value).ToList();
        var deadlineText = f.Text("deadline", required: true);
        Deadline? deadline = null;
        if (deadlineText is not null && !DeadlineParser.TryParse(deadlineText, out deadline))
            f.Bag.Error("CC0012", f.At("deadline"), deadlineText, string.Join("; ", DeadlineParser.AcceptedForms.Select(s => $"\"{s}\"")));
        // Only a task without a number is dropped: with any other wrong field it is kept (the build stops on the
        // error anyway) so that reports naming its number do not get a second, misleading error.
        if (no is null) return null;
        deadline ??= new Deadline(deadlineText ?? "", DeadlineKind.Ongoing, []);
        return new PlanTask(file.PlanId!, file.Id, file.RelPath, no.Value, area ?? Model.Area.All[0], tr.Text(file.RelPath, "title", title ?? file.Id),
            tr.OptionalText(file.RelPath, "product", f.Text("product")), lead ?? "", cooperating, deadline, tr.Body(file.RelPath, doc.Body),
            new(file.RelPath, f.Positions));
    }

    /// <summary>A report; its period is resolved against the plan later, so it is returned with the period id.</summary>
    public static (Report Report, string PeriodId, SourceLocation PeriodAt)? Report(ContentFile file, Fields f, SourceDocument doc, Translations tr)
    {
        var periodId = f.Text("period", required: true);
        var tasks = new Dictionary<int, TaskEntry>();
        foreach (var (key, at, e) in f.Entries("tasks", TaskEntryKeys))
        {
            if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var no))
            {
                f.Bag.Error("CC0007", at, $"tasks.{key}", new Localised("số thứ tự của nhiệm vụ (khóa \"no\"), ví dụ \"7\"", "a task number (its \"no\"), e.g. \"7\""));
                continue;
            }
            var status = e.Choice("status", TaskStatuses, required: true);
            var progress = e.Integer("progress");
            if (progress is < 0 or > 100) { f.Bag.Error("CC0024", e.At("progress"), progress, $"tasks.{key}.progress", "0 – 100"); progress = null; }
            var note = e.Text("note");
            if (status == Model.TaskStatus.Cancelled && note is null) f.Bag.Warning("CC0025", at, no);
            if (tasks.ContainsKey(no)) { f.Bag.Error("CC0018", at, key, $"tasks.{no}"); continue; }
            if (status is null) continue;
            var noteKey = no.ToString(CultureInfo.InvariantCulture);
            tasks[no] = new TaskEntry(status.Value, progress,
                note is null ? null : tr.Localize(file.RelPath, note, t => t.TaskNotes.FirstOrDefault(n => TaskKey(n.Key) == noteKey).Value),
                e.Text("evidence"));
        }
        var targets = new Dictionary<string, TargetEntry>(StringComparer.Ordinal);
        foreach (var (key, at, e) in f.Entries("targets", TargetEntryKeys))
        {
            var flag = e.Boolean("value");
            var value = flag is null ? e.Number("value", required: true) : (flag.Value ? 1 : 0);
            var note = e.Text("note");
            targets[key] = new TargetEntry(value, flag,
                note is null ? null : tr.Localize(file.RelPath, note, t => t.TargetNotes.GetValueOrDefault(key)));
        }
        if (periodId is null) return null;
        var placeholder = new ReportingPeriod(periodId, new Localized(periodId), null, null, DateOnly.MinValue);
        var report = new Report(file.PlanId!, file.Id, file.RelPath, placeholder, f.Text("number"), f.Date("issued"), tasks, targets,
            tr.Body(file.RelPath, doc.Body), new(file.RelPath, f.Positions));
        return (report, periodId, f.At("period"));
    }

    private static string TaskKey(string key) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture) : key;

    private static Area? AreaOf(Fields f)
    {
        var id = f.Text("area", required: true);
        if (id is null) return null;
        if (Model.Area.Find(id) is { } area) return area;
        var near = Suggest.Nearest(id, Model.Area.All.Select(a => a.Id));
        f.Bag.Error("CC0014", f.At("area"), id,
            near is null ? new Localised("", "") : new Localised($" (có phải \"{near}\"?)", $" (did you mean \"{near}\"?)"),
            string.Join(", ", Model.Area.All.Select(a => a.Id)));
        return null;
    }
}
