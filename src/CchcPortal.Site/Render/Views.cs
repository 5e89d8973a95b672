using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using CchcPortal.Site.Markdown;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Site.Render;

/// <summary>Builds the typed view model of every page of one language from the portal model.</summary>
/// <param name="lastUpdated">A source file's "last updated" date as shown, or null.</param>
/// <param name="dataFiles">The open-data files as written (read when the open-data page is rendered, after they are).</param>
/// <param name="embedCssPath">The progress card's own stylesheet (/embed/), when the theme has one.</param>
public sealed partial class Views(Portal portal, Strings t, string cssPath, string? scriptPath, MarkdownCache markdown,
    Func<string, string?> lastUpdated, Func<IReadOnlyList<Index.DataFile>> dataFiles, string? embedCssPath = null)
{
    private readonly string _lang = t.Lang;
    private readonly string _default = portal.Config.DefaultLanguage;

    /// <summary>Every page of this language, by path; view models are made when a page is rendered (on the rendering threads).</summary>
    public IEnumerable<PageSource> All()
    {
        // The pages that list the whole site come first: started last, one of them could keep a core busy alone.
        yield return Home();
        foreach (var s in portal.Scores) yield return Unit(s);
        foreach (var a in Area.All) yield return AreaPage(a);
        yield return Monitoring();
        foreach (var page in SupervisionPages()) yield return page;
        yield return SearchPage();
        yield return UnitList();
        yield return AreaList();
        foreach (var p in portal.Plans)
        {
            yield return Plan(p);
            foreach (var task in p.Tasks) yield return Task(p, task);
            foreach (var target in p.Targets) yield return Target(p, target);
            foreach (var snapshot in p.Snapshots) yield return Report(p, snapshot);
        }
        foreach (var page in portal.Pages) yield return FreePage(page);
        yield return Embed();
        yield return NotFound();
        yield return OpenData() with { AfterOutputs = true };
    }

    // ---- text helpers ----------------------------------------------------------------------------------------

    private Txt L(Localized text) => text.IsTranslated(_lang) ? new Txt(text.Get(_lang)) : new Txt(text.Vi, "vi");
    private Txt? Lo(Localized? text) => text is null ? null : L(text);
    private string D(DateOnly d) => VnDate.Short(d, _lang);
    private string? D(DateOnly? d) => d is null ? null : VnDate.Short(d.Value, _lang);
    private string N(decimal n) => VnNumber.Format(n, _lang);
    /// <summary>A path relative to the page being built, in this language (one string, not one per step).</summary>
    private string Url(PageScope at, string path) => string.Concat(at.Root, _prefix, path) is { Length: > 0 } url ? url : "./";
    private readonly string _prefix = Routes.InLanguage("", t.Lang, portal.Config.DefaultLanguage);
    private Html Html(PageScope at, Localized body) => new(MarkdownRenderer.FromRoot(markdown.ToHtml(body.Get(_lang)), at.Root),
        body.IsTranslated(_lang) || string.IsNullOrWhiteSpace(body.Vi) ? null : "vi");

    private static string Icon(TaskStatus s) => s switch { TaskStatus.NotStarted => "○", TaskStatus.InProgress => "◐", TaskStatus.Done => "✓", _ => "✕" };
    private static string Icon(TargetResult r) => r switch { TargetResult.Met => "✓", TargetResult.NotMet => "✕", _ => "–" };
    /// <summary>The UI string of a status or result id: "status_in_progress", "target_not_met".</summary>
    private static string Key(string prefix, string id) => prefix + id.Replace('-', '_');

    /// <summary>A status as pages show it (immutable: one per status and language).</summary>
    public StatusVm Status(TaskStatus s) =>
        _statuses.GetOrAdd(s, static (x, t) => new(x.Id(), t[Key("status_", x.Id())], Icon(x)), t);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TaskStatus, StatusVm> _statuses = new();

    public StatusVm Result(TargetResult r) => new(r.Id(), t[Key("target_", r.Id())], Icon(r));

    private StatusVm PlanStatusVm(PlanStatus s) => new(s.ToString().ToLowerInvariant(), t["plan_status_" + s.ToString().ToLowerInvariant()], "");

    private Link? UnitLink(PageScope at, string? id) => id is null ? null : Links(at).Units.GetOrAdd(id, static (id, x) =>
        x.Portal.Unit(id) is { } u ? new Link(x.Views.Url(x.At, Routes.Unit(u.Id)), x.Views.L(u.Name)) : new Link(x.Views.Url(x.At, Routes.Unit(id)), new Txt(id)), (Views: this, Portal: portal, At: at));

    private Link AreaLink(PageScope at, Area a) => Links(at).Areas.GetOrAdd(a.Id, static (_, x) => new(x.Views.Url(x.At, Routes.Area(x.Area.Id)), new Txt(x.Views.AreaName(x.Area))), (Views: this, Area: a, At: at));

    /// <summary>
    /// The links to units, areas and plans, the same on every page at the same depth: made once per depth, instead of
    /// new URL strings for every row of every table (a task's row is on six pages or more).
    /// </summary>
    private sealed class LinksAt
    {
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, Link> Units = new(StringComparer.Ordinal), Areas = new(StringComparer.Ordinal),
            Plans = new(StringComparer.Ordinal);
    }
    private LinksAt Links(PageScope at) => _links.GetOrAdd(at.Root, static _ => new LinksAt());
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LinksAt> _links = new(StringComparer.Ordinal);
    private string AreaName(Area a) => _areaNames.GetOrAdd(a.Id, static (_, x) =>
        x.Strings.Values.TryGetValue("area_" + x.Area.Id.Replace('-', '_'), out var name) ? name : x.Area.Name(x.Strings.Lang), (Strings: t, Area: a));
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _areaNames = new(StringComparer.Ordinal);
    private Link PlanLink(PageScope at, Plan p) => Links(at).Plans.GetOrAdd(p.Id, static (_, x) => new(x.Views.Url(x.At, Routes.Plan(x.Plan.Id)), x.Views.L(x.Plan.Title)), (Views: this, Plan: p, At: at));
    private Link ReportLink(PageScope at, Report r) => new(Url(at, Routes.Report(r.PlanId, r.Id)), L(r.Period.Label));

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

    public TaskRow Row(PageScope at, TaskState s, bool withPlan = false)
    {
        var task = s.Task;
        return new TaskRow(task.No, Url(at, Routes.Task(task.PlanId, task.Id)), L(task.Title), AreaLink(at, task.Area), UnitLink(at, task.LeadId),
            Cooperating(at, task.CooperatingIds), task.Deadline.Text, Status(s.Status), s.Progress, s.Overdue, s.DaysOverdue,
            s.MissedMilestone is { } m ? D(m.Due) : null, s.NoReport, Lo(s.Last?.Entry.Note), s.Last?.Entry.Evidence,
            withPlan && portal.Plans.Count > 1 ? portal.Plan(task.PlanId) is { } p ? PlanLink(at, p.Plan) : null : null);
    }

    private Link[] Cooperating(PageScope at, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return [];
        var links = new Link[ids.Count];
        for (var i = 0; i < links.Length; i++) links[i] = UnitLink(at, ids[i])!;
        return links;
    }

    public TargetRow Row(PageScope at, TargetState s, bool withPlan = false)
    {
        var target = s.Target;
        return new TargetRow(Url(at, Routes.Target(target.PlanId, target.Id)), L(target.Title), AreaLink(at, target.Area), UnitLink(at, target.LeadId),
            GoalText(target), target.Baseline is { } b ? ValueText(target, b.Value) + (b.Date is { } bd ? $" ({D(bd)})" : "") : null,
            s.Latest is { } latest ? ValueText(target, latest.Entry.Value!.Value) : null, Result(s.Result),
            withPlan && portal.Plans.Count > 1 ? portal.Plan(target.PlanId) is { } p ? PlanLink(at, p.Plan) : null : null);
    }

    private static CountsVm Counts(StatusCounts c, TargetCounts targets) => new(c.Total, c.NotStarted, c.InProgress, c.Done, c.Cancelled,
        c.Overdue, c.NoReport, targets.Met, targets.NotMet, targets.NoData, targets.Total, c.DonePercent);

    private string? PeriodText(Plan p) =>
        p.PeriodFrom is { } f && p.PeriodTo is { } to ? $"{D(f)} – {D(to)}" : null;

    private PlanSummary Summary(PageScope at, PlanState p) => new(PlanLink(at, p.Plan), p.Plan.Number, D(p.Plan.Issued), PeriodText(p.Plan),
        PlanStatusVm(p.Plan.Status), Counts(p.Counts, p.TargetCounts), p.LatestReport is { } r ? ReportLink(at, r) : null, D(p.LatestReport?.Issued));

    // ---- page context ----------------------------------------------------------------------------------------

    private PageContext Context(PageScope at, string path, string kind, Txt title, IReadOnlyList<Crumb> crumbs, bool untranslated = false,
        string? description = null, string? source = null)
    {
        var alternates = portal.Config.Languages.Select(lang =>
        {
            var p = Routes.InLanguage(path, lang, _default);
            return new Alternate(lang, t["language_name_" + lang], Routes.Relative(at.Root, p), portal.Config.BaseUrl + p, lang == _lang);
        }).ToList();
        var (nav, footer) = _chrome.GetOrAdd(at.Root, static (_, x) => x.Views.Chrome(x.At), (Views: this, At: at));
        return new PageContext(_lang, at.Root, kind, title, portal.Config.BaseUrl + Routes.InLanguage(path, _lang, _default), crumbs, alternates,
            untranslated, portal.Config.Title, portal.Config.Commune, Url(at, Routes.Home), nav, footer, D(portal.Config.AsOf), portal.Config.License,
            description, at.Root + cssPath, scriptPath is null || kind != "search" ? null : at.Root + scriptPath, source is null ? null : lastUpdated(source));
    }

    /// <summary>The menu and footer links, the same on every page at the same depth: made once per depth.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (IReadOnlyList<Link> Nav, IReadOnlyList<Link> Footer)> _chrome = new(StringComparer.Ordinal);

    private (IReadOnlyList<Link>, IReadOnlyList<Link>) Chrome(PageScope at)
    {
        var nav = new List<Link>
        {
            new(Url(at, Routes.Home), new Txt(t["nav_home"])),
            new(Url(at, Routes.Monitoring), new Txt(t["nav_monitoring"])),
        };
        if (portal.Supervision.Supervisions.Count > 0) nav.Add(new(Url(at, Routes.Supervisions), new Txt(t["nav_supervision"])));
        nav.AddRange(new Link[]
        {
            new(Url(at, Routes.Units), new Txt(t["nav_units"])),
            new(Url(at, Routes.Areas), new Txt(t["nav_areas"])),
            new(Url(at, Routes.Search), new Txt(t["nav_search"])),
        });
        var footer = portal.Pages.Select(pg => new Link(Url(at, Routes.Page(pg.Slug)), L(pg.Title))).ToList();
        footer.Add(new Link(Url(at, Routes.OpenData), new Txt(t["nav_open_data"])));
        return (nav, footer);
    }

    private PageJob Job(PageScope at, string path, string layout, string kind, Txt title, object model, IReadOnlyList<Crumb> crumbs, bool untranslated = false,
        string? source = null)
    {
        var description = PageDescriptions.Of(model, new(title, crumbs, portal.Config.Title, portal.Config.Commune, D(portal.Config.AsOf), portal.Config.License), t);
        var ctx = Context(at, path, kind, title, crumbs, untranslated, description, source);
        return new PageJob(Routes.InLanguage(path, _lang, _default), layout, ctx, model);
    }

    /// <summary>A page at <paramref name="path"/> (without language prefix): its view model is made with the page's scope.</summary>
    private PageSource At(string path, Func<PageScope, PageJob> build)
    {
        var inLanguage = Routes.InLanguage(path, _lang, _default);
        var scope = new PageScope(Routes.RootOf(inLanguage), _lang);
        return new(inLanguage, _lang, () => build(scope));
    }

    /// <summary>A page about one plan: its number and title in the margin of every printed sheet.</summary>
    private PageJob About(Plan plan, PageJob job) =>
        job with { Page = job.Page with { PrintPlan = (plan.Number is null ? "" : plan.Number + ": ") + L(plan.Title).Text } };

    private Crumb HomeCrumb(PageScope at) => new(Url(at, Routes.Home), new Txt(t["nav_home"]));
    private Crumb PlanCrumb(PageScope at, Plan p) => new(Url(at, Routes.Plan(p.Id)), new Txt(p.Number ?? L(p.Title).Text, p.Number is null ? L(p.Title).Lang : null));

    private bool Untranslated(params Localized?[] texts) => _lang != "vi" && texts.Any(x => x is not null && !string.IsNullOrEmpty(x.Vi) && !x.IsTranslated(_lang));

    // ---- pages -----------------------------------------------------------------------------------------------

    private PageSource Home() => At(Routes.Home, at =>
    {
        var current = portal.Current;
        var overdue = current?.Overdue.Take(5).Select(x => Row(at, x)).ToList() ?? [];
        var vm = new HomeVm(current is null ? null : Summary(at, current), portal.Plans.Where(p => p != current).Select(p => Summary(at, p)).ToList(),
            portal.Pages.Select(p => new Link(Url(at, Routes.Page(p.Slug)), L(p.Title))).ToList(), overdue,
            Url(at, Routes.Monitoring), Url(at, Routes.Search), Url(at, Routes.Units), Url(at, Routes.Areas))
        {
            Recommendations = SiteRecCounts(), SupervisionsUrl = SupervisionsUrl(at),
        };
        return Job(at, Routes.Home, "home", "home", new Txt(portal.Config.Title, _lang == "vi" ? null : "vi"), vm, []);
    });

    /// <summary>The non-empty areas as tables of targets and tasks.</summary>
    private IReadOnlyList<AreaGroup> Groups(PageScope at, IReadOnlyList<AreaSummary> areas, bool withPlan = false) =>
        areas.Where(a => !a.IsEmpty).Select(a => new AreaGroup(a.Area.Id, AreaName(a.Area), Url(at, Routes.Area(a.Area.Id)),
            a.Targets.Select(x => Row(at, x, withPlan)).ToList(), a.Tasks.Select(x => Row(at, x, withPlan)).ToList())).ToList();

    private PageSource Plan(PlanState p) => At(Routes.Plan(p.Plan.Id), at =>
    {
        var plan = p.Plan;
        var bases = plan.LegalBases.Select(b => new LegalBasisVm(b.Number, D(b.Date), b.Issuer, b.Title is null ? null : new Txt(b.Title, _lang == "vi" ? null : "vi"),
            portal.Plans.FirstOrDefault(x => x.Plan.Number == b.Number) is { } linked ? Url(at, Routes.Plan(linked.Plan.Id)) : null)).ToList();
        var reporting = plan.Reporting.Select(r => new PeriodVm(r.Id, L(r.Label), D(r.From), D(r.To), D(r.Due),
            plan.Reports.FirstOrDefault(x => x.Period.Id == r.Id) is { } rep ? ReportLink(at, rep) : null, r.Due <= portal.Config.AsOf)).ToList();
        var replaced = plan.ReplacedBy is { } rb && portal.Plan(rb) is { } rp ? PlanLink(at, rp.Plan) : null;
        var vm = new PlanVm(Summary(at, p), L(plan.Title), plan.Number, plan.Issuer, D(plan.Issued), PeriodText(plan),
            plan.Document is { } doc ? (doc.Contains("://", StringComparison.Ordinal) ? doc : at.Root + doc.TrimStart('/')) : null,
            replaced, bases, reporting, Groups(at, p.Areas), Html(at, plan.Body), null);
        return About(plan, Job(at, Routes.Plan(plan.Id), "plan", "plan", L(plan.Title), vm, [HomeCrumb(at)], Untranslated(plan.Title, plan.Body), plan.Source));
    });

    private PageSource Task(PlanState p, TaskState s) => At(Routes.Task(p.Plan.Id, s.Task.Id), at =>
    {
        var task = s.Task;
        var history = s.History.Select(h => new HistoryRow(ReportLink(at, h.Report), L(h.Report.Period.Label), D(h.Report.Issued),
            Status(h.Entry.Status), h.Entry.Progress, Lo(h.Entry.Note), h.Entry.Evidence)).ToList();
        var milestones = task.Deadline.Milestones.Select(m => new MilestoneVm(m.Label, m.Text, D(m.Due), m.Due < portal.Config.AsOf)).ToList();
        var vm = new TaskVm(Row(at, s), PlanLink(at, p.Plan), Lo(task.Product), t["deadline_kind_" + task.Deadline.Kind.ToString().ToLowerInvariant()],
            milestones, D(task.Deadline.FinalDue), history, Html(at, task.Body), task.Deadline.Authority)
        {
            Supervisions = TaskSupervisions(at, task),
        };
        var title = new Txt($"{t["task"]} {task.No}: {L(task.Title).Text}", L(task.Title).Lang);
        return About(p.Plan, Job(at, Routes.Task(p.Plan.Id, task.Id), "task", "task", title, vm, [HomeCrumb(at), PlanCrumb(at, p.Plan)], Untranslated(task.Title, task.Body), task.Source));
    });

    private PageSource Target(PlanState p, TargetState s) => At(Routes.Target(p.Plan.Id, s.Target.Id), at =>
    {
        var target = s.Target;
        var points = s.Points.Select(x => new TargetPointVm(ReportLink(at, x.Report), L(x.Report.Period.Label), ValueText(target, x.Entry.Value!.Value),
            Result(x.Met ? TargetResult.Met : TargetResult.NotMet))).ToList();
        var vm = new TargetVm(Row(at, s), PlanLink(at, p.Plan), t["metric_" + target.Metric.ToString().ToLowerInvariant()], target.Max is { } m ? N(m) : null,
            points, Charts.TargetChart(s, this, t) is { } svg ? new Html(svg) : null, Html(at, target.Body));
        return About(p.Plan, Job(at, Routes.Target(p.Plan.Id, target.Id), "target", "target", L(target.Title), vm, [HomeCrumb(at), PlanCrumb(at, p.Plan)], Untranslated(target.Title, target.Body), target.Source));
    });

    private PageSource Report(PlanState p, ReportSnapshot snapshot) => At(Routes.Report(p.Plan.Id, snapshot.Report.Id), at =>
    {
        var report = snapshot.Report;
        var tasks = snapshot.Tasks.Select(x => new ReportTaskVm(Row(at, x.State), x.Before is { } b ? Status(b.Status) : null, x.Before?.Progress, x.Change switch
        {
            TaskChange.New => t["change_new"],
            TaskChange.Status => t.Format("change_status", Status(x.Before!.Status).Label, Status(x.Entry.Status).Label),
            TaskChange.Progress => t.Format("change_progress", x.Before!.Progress ?? 0, x.Entry.Progress ?? 0),
            _ => t["change_none"],
        }, x.Changed)).ToList();
        var targets = snapshot.Targets.Select(x => new ReportTargetVm(Row(at, x.State), x.Value is { } v ? ValueText(x.State.Target, v) : null,
            x.Previous is { } pv ? ValueText(x.State.Target, pv) : null, Result(x.Result), x.Change switch
            {
                TargetChange.NoValue => t["change_no_value"],
                TargetChange.New => t["change_new"],
                TargetChange.None => t["change_none"],
                var up => (up == TargetChange.Up ? "▲ +" : "▼ −") + N(x.Delta),
            })).ToList();
        var vm = new ReportVm(PlanLink(at, p.Plan), L(report.Period.Label), report.Number, D(report.Issued), D(report.Period.From), D(report.Period.To),
            Html(at, report.Body), tasks, targets, snapshot.NotMentioned.Select(x => Row(at, x)).ToList(),
            snapshot.Previous is { } previous ? ReportLink(at, previous) : null, snapshot.Next is { } next ? ReportLink(at, next) : null);
        var title = new Txt(t.ReportTitle(L(report.Period.Label).Text, report.Number));
        return About(p.Plan, Job(at, Routes.Report(p.Plan.Id, report.Id), "report", "report", title, vm, [HomeCrumb(at), PlanCrumb(at, p.Plan)], Untranslated(report.Body), report.Source));
    });

    private PageSource UnitList() => At(Routes.Units, at =>
    {
        var vm = new UnitsVm(portal.Scores.Select(s => new UnitListItem(UnitLink(at, s.Unit.Id)!, Lo(s.Unit.Short), t["role_" + s.Unit.Role.ToString().ToLowerInvariant()],
            Counts(s.Counts, s.TargetCounts))).ToList());
        return Job(at, Routes.Units, "units", "units", new Txt(t["units_title"]), vm, [HomeCrumb(at)]);
    });

    private PageSource Unit(UnitScore s) => At(Routes.Unit(s.Unit.Id), at =>
    {
        var vm = new UnitVm(L(s.Unit.Name), Lo(s.Unit.Short), t["role_" + s.Unit.Role.ToString().ToLowerInvariant()], Html(at, s.Unit.Body),
            Counts(s.Counts, s.TargetCounts), s.Leads.Select(x => Row(at, x, true)).ToList(), s.Cooperates.Select(x => Row(at, x, true)).ToList(),
            s.Targets.Select(x => Row(at, x, true)).ToList())
        {
            Recommendations = UnitRecommendations(at, s.Unit),
        };
        if (vm.Recommendations.Count > 0)
            vm = vm with { RecommendationCounts = RecCounts(portal.Supervision.CountsFor(s.Unit.Id)) };
        return Job(at, Routes.Unit(s.Unit.Id), "unit", "unit", L(s.Unit.Name), vm, [HomeCrumb(at), new(Url(at, Routes.Units), new Txt(t["units_title"]))],
            Untranslated(s.Unit.Name), s.Unit.Source);
    });

    private PageSource AreaList() => At(Routes.Areas, at =>
    {
        var vm = new AreasVm(portal.Areas.Select(a => new AreaListItem(AreaLink(at, a.Area), a.Tasks.Count, a.Targets.Count, a.Overdue)).ToList());
        return Job(at, Routes.Areas, "areas", "areas", new Txt(t["areas_title"]), vm, [HomeCrumb(at)]);
    });

    private PageSource AreaPage(Area a) => At(Routes.Area(a.Id), at =>
    {
        var groups = portal.Plans.Select(p => (Plan: p, Area: p.Areas[a.Order - 1])).Where(x => !x.Area.IsEmpty)
            .Select(x => new AreaGroup(x.Plan.Plan.Id, L(x.Plan.Plan.Title).Text, Url(at, Routes.Plan(x.Plan.Plan.Id)),
                x.Area.Targets.Select(t => Row(at, t)).ToList(), x.Area.Tasks.Select(t => Row(at, t)).ToList())).ToList();
        return Job(at, Routes.Area(a.Id), "area", "area", new Txt(AreaName(a)), new AreaVm(AreaName(a), groups),
            [HomeCrumb(at), new(Url(at, Routes.Areas), new Txt(t["areas_title"]))]);
    });

    private PageSource Monitoring() => At(Routes.Monitoring, at =>
    {
        var m = portal.Monitoring;
        var groups = m.Units.Select(s => new MonitoringGroup(UnitLink(at, s.Unit.Id)!, s.Overdue.Select(x => Row(at, x, true)).ToList(),
            s.NoReport.Select(x => Row(at, x, true)).ToList())).ToList();
        var vm = new MonitoringVm(D(portal.Config.AsOf), groups, m.Overdue, m.NoReport, m.TargetsNotMet.Select(x => Row(at, x, true)).ToList(),
            portal.Plans.Select(p => PlanLink(at, p.Plan)).ToList())
        {
            Awaiting = AwaitingGroups(at), RecommendationCounts = SiteRecCounts(), SupervisionsUrl = SupervisionsUrl(at),
        };
        var job = Job(at, Routes.Monitoring, "monitoring", "monitoring", new Txt(t["monitoring_title"]), vm, [HomeCrumb(at)]);
        // The Front's document names the plan it monitors when the portal has one.
        return portal.Plans.Count == 1 ? About(portal.Plans[0].Plan, job) : job;
    });

    /// <summary>The card the commune's own website shows in a frame: the home page's summary of the current plan, nothing else
    /// (a whole document: no header, menu, search or footer; its own small stylesheet; out of the sitemap).</summary>
    private PageSource Embed() => At(Routes.Embed, at =>
    {
        var vm = new EmbedVm(portal.Current is { } p ? Summary(at, p) : null, Url(at, Routes.Home), Url(at, Routes.Monitoring), D(portal.Config.AsOf))
        {
            Recommendations = SiteRecCounts(), SupervisionsUrl = SupervisionsUrl(at),
        };
        var job = Job(at, Routes.Embed, "embed", "embed", new Txt(t["embed_title"]), vm, []);
        return job with { Standalone = true, Page = job.Page with { Css = at.Root + (embedCssPath ?? cssPath) } };
    }) with { Listed = false };

    private PageSource FreePage(Page page) => At(Routes.Page(page.Slug), at =>
        Job(at, Routes.Page(page.Slug), "page", "page", L(page.Title), new FreePageVm(Html(at, page.Body)), [HomeCrumb(at)], Untranslated(page.Title, page.Body), page.Source));

    private PageSource SearchPage() => At(Routes.Search, at =>
    {
        var vm = new SearchVm(Groups(at, portal.Areas, withPlan: true),
            portal.Plans.Select(p => PlanLink(at, p.Plan)).ToList(), portal.Units.Select(u => UnitLink(at, u.Id)!).ToList(), Url(at, Routes.Search) + "index/",
            SearchFilters());
        return Job(at, Routes.Search, "search", "search", new Txt(t["search_title"]), vm, [HomeCrumb(at)]);
    });

    /// <summary>The search filters; search.js also reads type, status, plan, area and unit labels from these options.</summary>
    private IReadOnlyList<SearchFilter> SearchFilters()
    {
        SearchChoice O(string value, string label, string? lang = null) => new(value, new Txt(label, lang));
        return
        [
            new("type", t["search_type"], Index.SearchDocuments.Types.Select(x => O(x, t["search_type_" + x])).ToList()),
            new("status", t["search_status"], [
                .. StatusIds.Tasks.Select(x => O(x, t[Key("status_", x)])),
                O(Index.SearchDocuments.Overdue, t["status_overdue"]),
                .. StatusIds.Results.Select(x => O(x, t[Key("target_", x)])),
            ]),
            new("plan", t["plan"], portal.Plans.Select(p => new SearchChoice(p.Plan.Id, L(p.Plan.Title))).ToList()),
            new("area", t["area"], Area.All.Select(a => O(a.Id, AreaName(a))).ToList()),
            new("unit", t["search_unit"], portal.Units.Select(u => new SearchChoice(u.Id, L(u.Name))).ToList()),
        ];
    }

    /// <summary>The 404 page is served at any depth, so its links start from the site's own path instead of being relative.</summary>
    private PageSource NotFound()
    {
        var scope = new PageScope(new Uri(portal.Config.BaseUrl.Contains("://", StringComparison.Ordinal) ? portal.Config.BaseUrl : "http://x" + portal.Config.BaseUrl).AbsolutePath, _lang);
        return new(Routes.InLanguage(Routes.NotFound, _lang, _default), _lang, () =>
            Job(scope, Routes.NotFound, "404", "404", new Txt(t["not_found_title"]), new FreePageVm(new Html("")), [HomeCrumb(scope)])) { Listed = false };
    }
}
