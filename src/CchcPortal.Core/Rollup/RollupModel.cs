using System.Globalization;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;

namespace CchcPortal.Core.Rollup;

/// <summary>One reform area of a commune's current plan: its tasks and targets counted.</summary>
public sealed record CommuneArea(Area Area, int Tasks, int Done, int Overdue, int Targets, int TargetsMet);

/// <summary>A report of a commune (for the roll-up's feed): its plan, period and date, and its address on the commune's portal.</summary>
public sealed record CommuneReport(string PlanId, string ReportId, string Label, string? LabelEn, string? Number, DateOnly? Issued, DateOnly Due, string? Url)
{
    public DateOnly Effective => Issued ?? Due;
}

/// <summary>A task or target of a commune's current plan, for the roll-up's search.</summary>
public sealed record CommuneItem(string Type, string Title, string? TitleEn, string AreaId, string Status, bool Overdue, string? Url);

/// <summary>
/// A commune as the roll-up shows it, read from its copy in communes/&lt;id&gt;/: its current plan (the first active one, else
/// the first, as its own home page chooses) with the counts its own open data gives, its latest report, its as-of date and
/// whether that is stale (older than a reporting period on the roll-up's as-of date).
/// </summary>
public sealed record CommuneSummary(string Id, string Name, string? Province, string? Portal, DateOnly? AsOf)
{
    public string? PlanId { get; init; }
    public string? PlanNumber { get; init; }
    public string? PlanTitle { get; init; }
    public string? PlanTitleEn { get; init; }
    public string? PlanUrl { get; init; }
    public int Tasks { get; init; }
    public int Done { get; init; }
    public int InProgress { get; init; }
    public int NotStarted { get; init; }
    public int Cancelled { get; init; }
    public int Overdue { get; init; }
    public int NoReport { get; init; }
    public int Targets { get; init; }
    public int TargetsMet { get; init; }
    public int TargetsNotMet { get; init; }
    public int TargetsNoData { get; init; }
    public CommuneReport? LatestReport { get; init; }
    /// <summary>Days in a reporting period of its plan (the latest report's period; 92, a quarter, when unknown).</summary>
    public int PeriodDays { get; init; } = 92;
    public bool Stale { get; init; }
    public IReadOnlyList<CommuneArea> Areas { get; init; } = [];
    public IReadOnlyList<CommuneReport> Reports { get; init; } = [];
    public IReadOnlyList<CommuneItem> Items { get; init; } = [];
    public int DonePercent => Tasks == 0 ? 0 : (int)Math.Round(100.0 * Done / Tasks);
}

/// <summary>The roll-up's communes, in the order site.yaml lists them; those without a copy yet are left out (CC0105).</summary>
public sealed record RollupModel(IReadOnlyList<CommuneSummary> Communes)
{
    /// <summary>Every area with the communes' counts side by side.</summary>
    public IReadOnlyList<(Area Area, int Tasks, int Done, int Overdue, int Targets, int TargetsMet)> AreaTotals { get; } =
        Area.All.Select(a => (a, Communes.Sum(c => c.Areas[a.Order - 1].Tasks), Communes.Sum(c => c.Areas[a.Order - 1].Done),
            Communes.Sum(c => c.Areas[a.Order - 1].Overdue), Communes.Sum(c => c.Areas[a.Order - 1].Targets), Communes.Sum(c => c.Areas[a.Order - 1].TargetsMet))).ToList();

    public int Stale => Communes.Count(c => c.Stale);
}

/// <summary>Reads communes/ for a roll-up's check and build (offline): every copy checked against its own schemas.</summary>
public static class RollupLoader
{
    public const string Folder = "communes";

    /// <summary>The copies in communes/ by the address they came from (source.json): folder id.</summary>
    public static Dictionary<string, string> Copies(string root)
    {
        var copies = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!Directory.Exists(root)) return copies;
        foreach (var dir in Directory.GetDirectories(root).Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(dir);
            if (id.StartsWith('.')) continue;
            var file = Path.Combine(dir, "source.json");
            if (!File.Exists(file)) continue;
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(file));
                if (doc.RootElement.TryGetProperty("url", out var u) && u.GetString() is { } url) copies[url] = id;
            }
            catch (System.Text.Json.JsonException) { }
        }
        return copies;
    }

    public static RollupModel Load(string source, SiteConfig config, DiagnosticBag bag)
    {
        var root = Path.Combine(source, Folder);
        var copies = Copies(root);
        var loaded = new CommuneSummary?[config.Communes.Count];
        var bags = new DiagnosticBag[config.Communes.Count];
        Parallel.For(0, config.Communes.Count, i =>
        {
            var c = config.Communes[i];
            bags[i] = new DiagnosticBag();
            if (!copies.TryGetValue(c.Url, out var id)) { bags[i].Add(Diagnostic.CommuneNotFetched(c.At, c.Url)); return; }
            loaded[i] = One(Path.Combine(root, id), $"{Folder}/{id}/", id, c, config.AsOf, bags[i]);
        });
        foreach (var b in bags) foreach (var d in b.Sorted()) bag.Add(d);
        return new RollupModel(loaded.Where(c => c is not null).Select(c => c!).ToList());
    }

    private static CommuneSummary? One(string dir, string rel, string id, CommuneSource source, DateOnly asOf, DiagnosticBag bag)
    {
        var packagePath = Path.Combine(dir, "data", "datapackage.json");
        if (!File.Exists(packagePath)) { bag.Add(Diagnostic.CommuneCopyDamaged(new(rel + "data/datapackage.json"), new("tệp không có", "the file is missing"))); return null; }
        var package = CommunePackage.Parse(File.ReadAllBytes(packagePath), out var problem);
        if (package is null) { bag.Add(Diagnostic.CommuneCopyDamaged(new(rel + "data/datapackage.json"), problem!)); return null; }
        var tables = new Dictionary<string, List<Dictionary<string, string>>>(StringComparer.Ordinal);
        foreach (var r in package.Resources)
        {
            var path = Path.Combine(dir, "data", r.Path);
            var at = rel + "data/" + r.Path;
            if (!File.Exists(path)) { bag.Add(Diagnostic.CommuneCopyDamaged(new(at), new("tệp không có", "the file is missing"))); return null; }
            var bytes = File.ReadAllBytes(path);
            if (CommunePackage.Validate(bytes, r) is { } bad) { bag.Add(Diagnostic.CommuneCopyDamaged(new(at, bad.Line, 1), bad.Problem)); return null; }
            // The whole site's tables (plans.csv...), not each plan's: the roll-up reads one of each.
            if (!r.Path.Contains('/', StringComparison.Ordinal)) tables[r.Path] = Csv.Records(System.Text.Encoding.UTF8.GetString(bytes));
        }
        List<Dictionary<string, string>> T(string name) => tables.GetValueOrDefault(name) ?? [];
        static int I(Dictionary<string, string> row, string key) => int.TryParse(row.GetValueOrDefault(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
        static DateOnly? D(string? s) => DateOnly.TryParseExact(s ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        static string? S(Dictionary<string, string> row, string key) => row.GetValueOrDefault(key) is { Length: > 0 } v ? v : null;

        var plans = T("plans.csv");
        var current = plans.FirstOrDefault(p => p.GetValueOrDefault("status") == "active") ?? plans.FirstOrDefault();
        var reports = T("reports.csv").Select(r => new CommuneReport(r.GetValueOrDefault("plan_id") ?? "", r.GetValueOrDefault("report_id") ?? "",
            r.GetValueOrDefault("period_label") ?? "", S(r, "period_label_en"), S(r, "number"), D(S(r, "issued")), D(S(r, "period_due")) ?? DateOnly.MinValue, S(r, "url"))
            ).ToList();
        var summary = new CommuneSummary(id, package.Name, package.Province, package.Homepage ?? source.Url, package.AsOf)
        {
            Reports = reports,
            Areas = Area.All.Select(a => new CommuneArea(a, 0, 0, 0, 0, 0)).ToList(),
        };
        if (current is null) return summary with { Stale = package.AsOf is { } a0 && asOf.DayNumber - a0.DayNumber > summary.PeriodDays };
        var planId = current.GetValueOrDefault("plan_id") ?? "";
        var latestId = S(current, "latest_report_id");
        var latest = latestId is null ? null : reports.FirstOrDefault(r => r.PlanId == planId && r.ReportId == latestId);
        var latestRow = latestId is null ? null : T("reports.csv").FirstOrDefault(r => r.GetValueOrDefault("plan_id") == planId && r.GetValueOrDefault("report_id") == latestId);
        var periodDays = latestRow is not null && D(S(latestRow, "period_from")) is { } from && D(S(latestRow, "period_to")) is { } to && to > from ? to.DayNumber - from.DayNumber + 1 : 92;
        var tasks = T("tasks.csv").Where(t => t.GetValueOrDefault("plan_id") == planId).ToList();
        var targets = T("targets.csv").Where(t => t.GetValueOrDefault("plan_id") == planId)
            .GroupBy(t => t.GetValueOrDefault("target_id") ?? "", StringComparer.Ordinal).Select(g => g.FirstOrDefault(r => r.GetValueOrDefault("latest") == "true") ?? g.First()).ToList();
        var areas = Area.All.Select(a =>
        {
            var at = tasks.Where(t => t.GetValueOrDefault("area_id") == a.Id).ToList();
            var ag = targets.Where(t => t.GetValueOrDefault("area_id") == a.Id).ToList();
            return new CommuneArea(a, at.Count, at.Count(t => t.GetValueOrDefault("status") == "done"), at.Count(t => t.GetValueOrDefault("overdue") == "true"),
                ag.Count, ag.Count(t => t.GetValueOrDefault("result") == "met"));
        }).ToList();
        var items = tasks.Select(t => new CommuneItem("task", t.GetValueOrDefault("title") ?? "", S(t, "title_en"), t.GetValueOrDefault("area_id") ?? "",
                t.GetValueOrDefault("status") ?? "", t.GetValueOrDefault("overdue") == "true", S(t, "url")))
            .Concat(targets.Select(t => new CommuneItem("target", t.GetValueOrDefault("title") ?? "", S(t, "title_en"), t.GetValueOrDefault("area_id") ?? "",
                t.GetValueOrDefault("result") ?? "", false, S(t, "url")))).ToList();
        return summary with
        {
            PlanId = planId,
            PlanNumber = S(current, "number"),
            PlanTitle = S(current, "title"),
            PlanTitleEn = S(current, "title_en"),
            PlanUrl = S(current, "url"),
            Tasks = I(current, "tasks_total"),
            Done = I(current, "tasks_done"),
            InProgress = I(current, "tasks_in_progress"),
            NotStarted = I(current, "tasks_not_started"),
            Cancelled = I(current, "tasks_cancelled"),
            Overdue = I(current, "tasks_overdue"),
            NoReport = I(current, "tasks_no_report"),
            Targets = I(current, "targets_total"),
            TargetsMet = I(current, "targets_met"),
            TargetsNotMet = I(current, "targets_not_met"),
            TargetsNoData = I(current, "targets_no_data"),
            LatestReport = latest,
            PeriodDays = periodDays,
            Stale = package.AsOf is { } a && asOf.DayNumber - a.DayNumber > periodDays,
            Areas = areas,
            Items = items,
        };
    }
}
