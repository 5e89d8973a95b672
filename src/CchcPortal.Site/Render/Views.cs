using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using CchcPortal.Site.Markdown;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Site.Render;

/// <summary>Builds the typed view model of every page of one language from the portal model.</summary>
public sealed partial class Views(Portal portal, Strings t, string cssPath, string? scriptPath, Func<string, string?>? lastUpdated = null)
{
    private readonly string _lang = t.Lang;
    private readonly string _default = portal.Config.DefaultLanguage;
    /// <summary>The path from the page being built to the site root ("../../"); per thread, as pages are built in parallel.</summary>
    [ThreadStatic] private static string? t_root;
    private static string _root => t_root ?? "";

    /// <summary>Every page of this language, by path; view models are made when a page is rendered (on the rendering threads).</summary>
    public IEnumerable<PageSource> All()
    {
        // The pages that list the whole site come first: started last, one of them could keep a core busy alone.
        yield return Home();
        foreach (var s in portal.Scores) yield return Unit(s);
        foreach (var a in Area.All) yield return AreaPage(a);
        yield return Monitoring();
        yield return SearchPage();
        yield return UnitList();
        yield return AreaList();
        foreach (var p in portal.Plans)
        {
            yield return Plan(p);
            foreach (var task in p.Tasks) yield return Task(p, task);
            foreach (var target in p.Targets) yield return Target(p, target);
            foreach (var report in p.Plan.Reports) yield return Report(p, report);
        }
        foreach (var page in portal.Pages) yield return FreePage(page);
        yield return NotFound();
    }

    // ---- text helpers ----------------------------------------------------------------------------------------

    private Txt L(Localized text) => text.IsTranslated(_lang) ? new Txt(text.Get(_lang)) : new Txt(text.Vi, "vi");
    private Txt? Lo(Localized? text) => text is null ? null : L(text);
    private string D(DateOnly d) => VnDate.Short(d, _lang);
    private string? D(DateOnly? d) => d is null ? null : VnDate.Short(d.Value, _lang);
    private string N(decimal n) => VnNumber.Format(n, _lang);
    /// <summary>A path relative to the page being built, in this language (one string, not one per step).</summary>
    private string Url(string path) => string.Concat(_root, _prefix, path) is { Length: > 0 } url ? url : "./";
    private readonly string _prefix = Routes.InLanguage("", t.Lang, portal.Config.DefaultLanguage);
    private Html Html(Localized body) => new(MarkdownRenderer.FromRoot(MarkdownRenderer.ToHtml(body.Get(_lang)), _root), body.IsTranslated(_lang) || string.IsNullOrWhiteSpace(body.Vi) ? null : "vi");

    private static readonly Dictionary<TaskStatus, (string Id, string Icon)> StatusIds = new()
    {
        [TaskStatus.NotStarted] = ("not-started", "○"), [TaskStatus.InProgress] = ("in-progress", "◐"),
        [TaskStatus.Done] = ("done", "✓"), [TaskStatus.Cancelled] = ("cancelled", "✕"),
    };

    /// <summary>A status as pages show it (immutable: one per status and language).</summary>
    public StatusVm Status(TaskStatus s) =>
        _statuses.GetOrAdd(s, static (x, t) => new(StatusIds[x].Id, t["status_" + StatusIds[x].Id.Replace('-', '_')], StatusIds[x].Icon), t);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TaskStatus, StatusVm> _statuses = new();

    public StatusVm Result(TargetResult r) => r switch
    {
        TargetResult.Met => new("met", t["target_met"], "✓"),
        TargetResult.NotMet => new("not-met", t["target_not_met"], "✕"),
        _ => new("no-data", t["target_no_data"], "–"),
    };

    private StatusVm PlanStatusVm(PlanStatus s) => new(s.ToString().ToLowerInvariant(), t["plan_status_" + s.ToString().ToLowerInvariant()], "");

    private Link? UnitLink(string? id) => id is null ? null : Links.Units.GetOrAdd(id, static (id, x) =>
        x.Portal.Unit(id) is { } u ? new Link(x.Views.Url(Routes.Unit(u.Id)), x.Views.L(u.Name)) : new Link(x.Views.Url(Routes.Unit(id)), new Txt(id)), (Views: this, Portal: portal));

    private Link AreaLink(Area a) => Links.Areas.GetOrAdd(a.Id, static (_, x) => new(x.Views.Url(Routes.Area(x.Area.Id)), new Txt(x.Views.AreaName(x.Area))), (Views: this, Area: a));

    /// <summary>
    /// The links to units, areas and plans, the same on every page at the same depth: made once per depth, instead of
    /// new URL strings for every row of every table (a task's row is on six pages or more).
    /// </summary>
    private sealed class LinksAt
    {
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, Link> Units = new(StringComparer.Ordinal), Areas = new(StringComparer.Ordinal),
            Plans = new(StringComparer.Ordinal);
    }
    private LinksAt Links => _links.GetOrAdd(_root, static _ => new LinksAt());
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LinksAt> _links = new(StringComparer.Ordinal);
    private string AreaName(Area a) => _areaNames.GetOrAdd(a.Id, static (_, x) =>
        x.Strings.Values.TryGetValue("area_" + x.Area.Id.Replace('-', '_'), out var name) ? name : x.Area.Name(x.Strings.Lang), (Strings: t, Area: a));
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _areaNames = new(StringComparer.Ordinal);
    private Link PlanLink(Plan p) => Links.Plans.GetOrAdd(p.Id, static (_, x) => new(x.Views.Url(Routes.Plan(x.Plan.Id)), x.Views.L(x.Plan.Title)), (Views: this, Plan: p));
    private Link ReportLink(Report r) => new(Url(Routes.Report(r.PlanId, r.Id)), L(r.Period.Label));

    private string GoalText(Target target) => target.Metric switch
    {
        Metric.Boolean => t["goal_boolean"],
        _ => $"{target.Goal.Symbol} {ValueText(target, target.Goal.Value)}",
    };

    /// <summary>A target's value as the page shows it: "98,4%", "2,95/3 điểm", "12", "Đạt".</summary>
    public string ValueText(Target target, decimal value) => target.Metric switch
    {
        Metric.Percent => N(value) + "%",
        Metric.Points => target.Max is { } max ? $"{N(value)}/{N(max)} {t["points"]}" : $"{N(value)} {t["points"]}",
        Metric.Boolean => value != 0 ? t["bool_true"] : t["bool_false"],
        _ => N(value),
    };

    public TaskRow Row(TaskState s, bool withPlan = false)
    {
        var task = s.Task;
        return new TaskRow(task.No, Url(Routes.Task(task.PlanId, task.Id)), L(task.Title), AreaLink(task.Area), UnitLink(task.LeadId),
            Cooperating(task.CooperatingIds), task.Deadline.Text, Status(s.Status), s.Progress, s.Overdue, s.DaysOverdue,
            s.MissedMilestone is { } m ? D(m.Due) : null, s.NoReport, Lo(s.Last?.Entry.Note), s.Last?.Entry.Evidence,
            withPlan && portal.Plans.Count > 1 ? portal.Plan(task.PlanId) is { } p ? PlanLink(p.Plan) : null : null);
    }

    private Link[] Cooperating(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return [];
        var links = new Link[ids.Count];
        for (var i = 0; i < links.Length; i++) links[i] = UnitLink(ids[i])!;
        return links;
    }

    public TargetRow Row(TargetState s, bool withPlan = false)
    {
        var target = s.Target;
        return new TargetRow(Url(Routes.Target(target.PlanId, target.Id)), L(target.Title), AreaLink(target.Area), UnitLink(target.LeadId),
            GoalText(target), target.Baseline is { } b ? ValueText(target, b.Value) + (b.Date is { } bd ? $" ({D(bd)})" : "") : null,
            s.Latest is { } latest ? ValueText(target, latest.Entry.Value!.Value) : null, Result(s.Result),
            withPlan && portal.Plans.Count > 1 ? portal.Plan(target.PlanId) is { } p ? PlanLink(p.Plan) : null : null);
    }

    private CountsVm Counts(StatusCounts c, IReadOnlyList<TargetState> targets) => new(c.Total, c.NotStarted, c.InProgress, c.Done, c.Cancelled,
        c.Overdue, c.NoReport, targets.Count(x => x.Result == TargetResult.Met), targets.Count(x => x.Result == TargetResult.NotMet),
        targets.Count(x => x.Result == TargetResult.NoData), targets.Count, c.Total == 0 ? 0 : (int)Math.Round(100.0 * c.Done / c.Total));

    private string? PeriodText(Plan p) =>
        p.PeriodFrom is { } f && p.PeriodTo is { } to ? $"{D(f)} – {D(to)}" : null;

    private PlanSummary Summary(PlanState p) => new(PlanLink(p.Plan), p.Plan.Number, D(p.Plan.Issued), PeriodText(p.Plan),
        PlanStatusVm(p.Plan.Status), Counts(p.Counts, p.Targets), p.LatestReport is { } r ? ReportLink(r) : null, D(p.LatestReport?.Issued));

    // ---- page context ----------------------------------------------------------------------------------------

    private PageContext Context(string path, string kind, Txt title, IReadOnlyList<Crumb> crumbs, bool untranslated = false,
        string? description = null, string? source = null)
    {
        var alternates = portal.Config.Languages.Select(lang =>
        {
            var p = Routes.InLanguage(path, lang, _default);
            return new Alternate(lang, t["language_name_" + lang], Routes.Relative(_root, p), portal.Config.BaseUrl + p, lang == _lang);
        }).ToList();
        var (nav, footer) = _chrome.GetOrAdd(_root, _ => Chrome());
        return new PageContext(_lang, _root, kind, title, portal.Config.BaseUrl + Routes.InLanguage(path, _lang, _default), crumbs, alternates,
            untranslated, portal.Config.Title, portal.Config.Commune, Url(Routes.Home), nav, footer, D(portal.Config.AsOf), portal.Config.License,
            description, _root + cssPath, scriptPath is null || kind != "search" ? null : _root + scriptPath, source is null ? null : lastUpdated?.Invoke(source));
    }

    /// <summary>The menu and footer links, the same on every page at the same depth: made once per depth.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (IReadOnlyList<Link> Nav, IReadOnlyList<Link> Footer)> _chrome = new(StringComparer.Ordinal);

    private (IReadOnlyList<Link>, IReadOnlyList<Link>) Chrome()
    {
        var nav = new List<Link>
        {
            new(Url(Routes.Home), new Txt(t["nav_home"])),
            new(Url(Routes.Monitoring), new Txt(t["nav_monitoring"])),
            new(Url(Routes.Units), new Txt(t["nav_units"])),
            new(Url(Routes.Areas), new Txt(t["nav_areas"])),
            new(Url(Routes.Search), new Txt(t["nav_search"])),
        };
        var footer = portal.Pages.Select(pg => new Link(Url(Routes.Page(pg.Slug)), L(pg.Title))).ToList();
        footer.Add(new Link(Url(Routes.OpenData), new Txt(t["nav_open_data"])));
        return (nav, footer);
    }

    private PageJob Job(string path, string layout, string kind, Txt title, object model, IReadOnlyList<Crumb> crumbs, bool untranslated = false,
        string? source = null)
    {
        var description = PageDescriptions.Of(model, new(title, crumbs, portal.Config.Title, portal.Config.Commune, D(portal.Config.AsOf), portal.Config.License), t);
        var ctx = Context(path, kind, title, crumbs, untranslated, description, source);
        return new PageJob(Routes.InLanguage(path, _lang, _default), layout, ctx, model);
    }

    private PageSource At(string path, Func<PageJob> build)
    {
        var inLanguage = Routes.InLanguage(path, _lang, _default);
        return new(inLanguage, () =>
        {
            t_root = Routes.RootOf(inLanguage);
            try { return build(); }
            finally { t_root = null; }
        });
    }

    private Crumb HomeCrumb => new(Url(Routes.Home), new Txt(t["nav_home"]));
    private Crumb PlanCrumb(Plan p) => new(Url(Routes.Plan(p.Id)), new Txt(p.Number ?? L(p.Title).Text, p.Number is null ? L(p.Title).Lang : null));

    private bool Untranslated(params Localized?[] texts) => _lang != "vi" && texts.Any(x => x is not null && !string.IsNullOrEmpty(x.Vi) && !x.IsTranslated(_lang));

    // ---- pages -----------------------------------------------------------------------------------------------

    private PageSource Home() => At(Routes.Home, () =>
    {
        var current = portal.Current;
        var overdue = current?.Tasks.Where(x => x.Overdue).OrderByDescending(x => x.DaysOverdue).ThenBy(x => x.Task.No).Take(5).Select(x => Row(x)).ToList() ?? [];
        var vm = new HomeVm(current is null ? null : Summary(current), portal.Plans.Where(p => p != current).Select(Summary).ToList(),
            portal.Pages.Select(p => new Link(Url(Routes.Page(p.Slug)), L(p.Title))).ToList(), overdue,
            Url(Routes.Monitoring), Url(Routes.Search), Url(Routes.Units), Url(Routes.Areas));
        return Job(Routes.Home, "home", "home", new Txt(portal.Config.Title, _lang == "vi" ? null : "vi"), vm, []);
    });

    private IReadOnlyList<AreaGroup> Groups(IEnumerable<TargetState> targets, IEnumerable<TaskState> tasks, bool withPlan = false) =>
        Area.All.Select(a => new AreaGroup(a.Id, AreaName(a), Url(Routes.Area(a.Id)),
                targets.Where(x => x.Target.Area == a).Select(x => Row(x, withPlan)).ToList(),
                tasks.Where(x => x.Task.Area == a).Select(x => Row(x, withPlan)).ToList()))
            .Where(g => g.Targets.Count + g.Tasks.Count > 0).ToList();

    private PageSource Plan(PlanState p) => At(Routes.Plan(p.Plan.Id), () =>
    {
        var plan = p.Plan;
        var bases = plan.LegalBases.Select(b => new LegalBasisVm(b.Number, D(b.Date), b.Issuer, b.Title is null ? null : new Txt(b.Title, _lang == "vi" ? null : "vi"),
            portal.Plans.FirstOrDefault(x => x.Plan.Number == b.Number) is { } linked ? Url(Routes.Plan(linked.Plan.Id)) : null)).ToList();
        var reporting = plan.Reporting.Select(r => new PeriodVm(r.Id, L(r.Label), D(r.From), D(r.To), D(r.Due),
            plan.Reports.FirstOrDefault(x => x.Period.Id == r.Id) is { } rep ? ReportLink(rep) : null, r.Due <= portal.Config.AsOf)).ToList();
        var replaced = plan.ReplacedBy is { } rb && portal.Plan(rb) is { } rp ? PlanLink(rp.Plan) : null;
        var vm = new PlanVm(Summary(p), L(plan.Title), plan.Number, plan.Issuer, D(plan.Issued), PeriodText(plan),
            plan.Document is { } doc ? (doc.Contains("://", StringComparison.Ordinal) ? doc : _root + doc.TrimStart('/')) : null,
            replaced, bases, reporting, Groups(p.Targets, p.Tasks), Html(plan.Body), null);
        return Job(Routes.Plan(plan.Id), "plan", "plan", L(plan.Title), vm, [HomeCrumb], Untranslated(plan.Title, plan.Body), plan.Source);
    });

    private PageSource Task(PlanState p, TaskState s) => At(Routes.Task(p.Plan.Id, s.Task.Id), () =>
    {
        var task = s.Task;
        var history = s.History.Select(h => new HistoryRow(ReportLink(h.Report), L(h.Report.Period.Label), D(h.Report.Issued),
            Status(h.Entry.Status), h.Entry.Progress, Lo(h.Entry.Note), h.Entry.Evidence)).ToList();
        var milestones = task.Deadline.Milestones.Select(m => new MilestoneVm(m.Label, m.Text, D(m.Due), m.Due < portal.Config.AsOf)).ToList();
        var vm = new TaskVm(Row(s), PlanLink(p.Plan), Lo(task.Product), t["deadline_kind_" + task.Deadline.Kind.ToString().ToLowerInvariant()],
            milestones, D(task.Deadline.FinalDue), history, Html(task.Body), task.Deadline.Authority);
        var title = new Txt($"{t["task"]} {task.No}: {L(task.Title).Text}", L(task.Title).Lang);
        return Job(Routes.Task(p.Plan.Id, task.Id), "task", "task", title, vm, [HomeCrumb, PlanCrumb(p.Plan)], Untranslated(task.Title, task.Body), task.Source);
    });

    private PageSource Target(PlanState p, TargetState s) => At(Routes.Target(p.Plan.Id, s.Target.Id), () =>
    {
        var target = s.Target;
        var points = s.Points.Select(x => new TargetPointVm(ReportLink(x.Report), L(x.Report.Period.Label), ValueText(target, x.Entry.Value!.Value),
            Result(x.Met ? TargetResult.Met : TargetResult.NotMet))).ToList();
        var vm = new TargetVm(Row(s), PlanLink(p.Plan), t["metric_" + target.Metric.ToString().ToLowerInvariant()], target.Max is { } m ? N(m) : null,
            points, Charts.TargetChart(s, this, t) is { } svg ? new Html(svg) : null, Html(target.Body));
        return Job(Routes.Target(p.Plan.Id, target.Id), "target", "target", L(target.Title), vm, [HomeCrumb, PlanCrumb(p.Plan)], Untranslated(target.Title, target.Body), target.Source);
    });

    private PageSource Report(PlanState p, Report report) => At(Routes.Report(p.Plan.Id, report.Id), () =>
    {
        var reports = p.Plan.Reports;
        var index = reports.ToList().IndexOf(report);
        var previous = index > 0 ? reports[index - 1] : null;
        var next = index + 1 < reports.Count ? reports[index + 1] : null;
        // The state of each task as this report left it, and as the previous report did.
        var upTo = reports.Take(index + 1).ToList();
        var tasks = new List<ReportTaskVm>();
        var notMentioned = new List<TaskRow>();
        foreach (var task in p.Plan.Tasks)
        {
            var now = ProgressRules.Task(task, upTo, report, report.Effective);
            if (!report.Tasks.TryGetValue(task.No, out var entry)) { notMentioned.Add(Row(now)); continue; }
            var before = previous is null ? null : ProgressRules.Task(task, upTo.Take(index).ToList(), previous, previous.Effective);
            var prevStatus = before?.Last is null ? null : Status(before.Status);
            var changed = before?.Last is null || before.Status != entry.Status || before.Progress != entry.Progress;
            var change = before?.Last is null ? t["change_new"]
                : before.Status != entry.Status ? t.Format("change_status", Status(before.Status).Label, Status(entry.Status).Label)
                : before.Progress != entry.Progress ? t.Format("change_progress", before.Progress ?? 0, entry.Progress ?? 0)
                : t["change_none"];
            tasks.Add(new ReportTaskVm(Row(now), prevStatus, before?.Progress, change, changed));
        }
        var targets = new List<ReportTargetVm>();
        foreach (var target in p.Plan.Targets)
        {
            var now = ProgressRules.Target(target, upTo);
            var value = report.Targets.TryGetValue(target.Id, out var e) && e.Value is { } v ? v : (decimal?)null;
            var prevValue = previous?.Targets.TryGetValue(target.Id, out var pe) == true ? pe.Value : null;
            var change = value is null ? t["change_no_value"] : prevValue is null ? t["change_new"]
                : value == prevValue ? t["change_none"] : (value > prevValue ? "▲ +" : "▼ −") + N(Math.Abs(value.Value - prevValue.Value));
            targets.Add(new ReportTargetVm(Row(now), value is null ? null : ValueText(target, value.Value), prevValue is null ? null : ValueText(target, prevValue.Value),
                value is null ? Result(TargetResult.NoData) : Result(target.Goal.IsMetBy(value.Value) ? TargetResult.Met : TargetResult.NotMet), change));
        }
        var vm = new ReportVm(PlanLink(p.Plan), L(report.Period.Label), report.Number, D(report.Issued), D(report.Period.From), D(report.Period.To),
            Html(report.Body), tasks, targets, notMentioned, previous is null ? null : ReportLink(previous), next is null ? null : ReportLink(next));
        var title = new Txt(t.ReportTitle(L(report.Period.Label).Text, report.Number));
        return Job(Routes.Report(p.Plan.Id, report.Id), "report", "report", title, vm, [HomeCrumb, PlanCrumb(p.Plan)], Untranslated(report.Body), report.Source);
    });

    private PageSource UnitList() => At(Routes.Units, () =>
    {
        var vm = new UnitsVm(portal.Scores.Select(s => new UnitListItem(UnitLink(s.Unit.Id)!, Lo(s.Unit.Short), t["role_" + s.Unit.Role.ToString().ToLowerInvariant()],
            Counts(s.Counts, s.Targets))).ToList());
        return Job(Routes.Units, "units", "units", new Txt(t["units_title"]), vm, [HomeCrumb]);
    });

    private PageSource Unit(UnitScore s) => At(Routes.Unit(s.Unit.Id), () =>
    {
        var vm = new UnitVm(L(s.Unit.Name), Lo(s.Unit.Short), t["role_" + s.Unit.Role.ToString().ToLowerInvariant()], Html(s.Unit.Body),
            Counts(s.Counts, s.Targets), s.Leads.Select(x => Row(x, true)).ToList(), s.Cooperates.Select(x => Row(x, true)).ToList(),
            s.Targets.Select(x => Row(x, true)).ToList());
        return Job(Routes.Unit(s.Unit.Id), "unit", "unit", L(s.Unit.Name), vm, [HomeCrumb, new(Url(Routes.Units), new Txt(t["units_title"]))],
            Untranslated(s.Unit.Name), s.Unit.Source);
    });

    private PageSource AreaList() => At(Routes.Areas, () =>
    {
        var tasks = portal.Plans.SelectMany(p => p.Tasks).ToList();
        var targets = portal.Plans.SelectMany(p => p.Targets).ToList();
        var vm = new AreasVm(Area.All.Select(a => new AreaListItem(AreaLink(a), tasks.Count(x => x.Task.Area == a), targets.Count(x => x.Target.Area == a),
            tasks.Count(x => x.Task.Area == a && x.Overdue))).ToList());
        return Job(Routes.Areas, "areas", "areas", new Txt(t["areas_title"]), vm, [HomeCrumb]);
    });

    private PageSource AreaPage(Area a) => At(Routes.Area(a.Id), () =>
    {
        var groups = portal.Plans.Select(p => new AreaGroup(p.Plan.Id, L(p.Plan.Title).Text, Url(Routes.Plan(p.Plan.Id)),
                p.Targets.Where(x => x.Target.Area == a).Select(x => Row(x)).ToList(), p.Tasks.Where(x => x.Task.Area == a).Select(x => Row(x)).ToList()))
            .Where(g => g.Targets.Count + g.Tasks.Count > 0).ToList();
        return Job(Routes.Area(a.Id), "area", "area", new Txt(AreaName(a)), new AreaVm(AreaName(a), groups),
            [HomeCrumb, new(Url(Routes.Areas), new Txt(t["areas_title"]))]);
    });

    private PageSource Monitoring() => At(Routes.Monitoring, () =>
    {
        var tasks = portal.Plans.SelectMany(p => p.Tasks).ToList();
        var groups = portal.Units.Select(u => new MonitoringGroup(UnitLink(u.Id)!,
                tasks.Where(x => x.Task.LeadId == u.Id && x.Overdue).OrderByDescending(x => x.DaysOverdue).ThenBy(x => x.Task.PlanId, StringComparer.Ordinal).ThenBy(x => x.Task.No).Select(x => Row(x, true)).ToList(),
                tasks.Where(x => x.Task.LeadId == u.Id && x.NoReport).OrderBy(x => x.Task.PlanId, StringComparer.Ordinal).ThenBy(x => x.Task.No).Select(x => Row(x, true)).ToList()))
            .Where(g => g.Overdue.Count + g.NoReport.Count > 0).ToList();
        var vm = new MonitoringVm(D(portal.Config.AsOf), groups, tasks.Count(x => x.Overdue), tasks.Count(x => x.NoReport),
            portal.Plans.SelectMany(p => p.Targets).Where(x => x.Result == TargetResult.NotMet).Select(x => Row(x, true)).ToList(),
            portal.Plans.Select(p => PlanLink(p.Plan)).ToList());
        return Job(Routes.Monitoring, "monitoring", "monitoring", new Txt(t["monitoring_title"]), vm, [HomeCrumb]);
    });

    private PageSource FreePage(Page page) => At(Routes.Page(page.Slug), () =>
        Job(Routes.Page(page.Slug), "page", "page", L(page.Title), new FreePageVm(Html(page.Body)), [HomeCrumb], Untranslated(page.Title, page.Body), page.Source));

    private PageSource SearchPage() => At(Routes.Search, () =>
    {
        var vm = new SearchVm(Groups(portal.Plans.SelectMany(p => p.Targets), portal.Plans.SelectMany(p => p.Tasks), withPlan: true),
            portal.Plans.Select(p => PlanLink(p.Plan)).ToList(), portal.Units.Select(u => UnitLink(u.Id)!).ToList(), Url(Routes.Search) + "index/",
            SearchFilters());
        return Job(Routes.Search, "search", "search", new Txt(t["search_title"]), vm, [HomeCrumb]);
    });

    /// <summary>The search filters; search.js also reads type, status, plan, area and unit labels from these options.</summary>
    private IReadOnlyList<SearchFilter> SearchFilters()
    {
        SearchChoice O(string value, string label, string? lang = null) => new(value, new Txt(label, lang));
        string Key(string id) => id.Replace('-', '_');
        return
        [
            new("type", t["search_type"], Index.SearchDocuments.Types.Select(x => O(x, t["search_type_" + x])).ToList()),
            new("status", t["search_status"], Index.SearchDocuments.Statuses.Select(x => O(x,
                x is "met" or "not-met" or "no-data" ? t["target_" + Key(x)] : t["status_" + Key(x)])).ToList()),
            new("plan", t["plan"], portal.Plans.Select(p => new SearchChoice(p.Plan.Id, L(p.Plan.Title))).ToList()),
            new("area", t["area"], Area.All.Select(a => O(a.Id, AreaName(a))).ToList()),
            new("unit", t["search_unit"], portal.Units.Select(u => new SearchChoice(u.Id, L(u.Name))).ToList()),
        ];
    }

    private PageSource NotFound() => new(Routes.InLanguage(Routes.NotFound, _lang, _default), () =>
    {
        // The 404 page is served at any depth, so its links start from the site's own path instead of being relative.
        t_root = new Uri(portal.Config.BaseUrl.Contains("://", StringComparison.Ordinal) ? portal.Config.BaseUrl : "http://x" + portal.Config.BaseUrl).AbsolutePath;
        try { return Job(Routes.NotFound, "404", "404", new Txt(t["not_found_title"]), new FreePageVm(new Html("")), [HomeCrumb]); }
        finally { t_root = null; }
    });
}
