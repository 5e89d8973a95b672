using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using CchcPortal.Site.Markdown;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Site.Render;

/// <summary>Builds the typed view model of every page of one language from the portal model.</summary>
/// <param name="lastUpdated">A source file's "last updated" date as shown, or null.</param>
/// <param name="dataFiles">The open-data files as written (read when the open-data page is rendered, after they are).</param>
/// <param name="embedCssPath">The progress card's own stylesheet (/embed/), when the theme has one.</param>
public sealed partial class Views(Portal portal, Strings strings, string cssPath, string? scriptPath, MarkdownCache markdown,
    Func<string, string?> lastUpdated, Func<IReadOnlyList<Index.DataFile>> dataFiles, string? embedCssPath = null, string? sortScriptPath = null)
{
    private readonly string _lang = strings.Lang;
    private readonly string _default = portal.Config.DefaultLanguage;

    /// <summary>Every page of this language, by path; view models are made when a page is rendered (on the rendering threads).</summary>
    public IEnumerable<PageSource> All()
    {
        if (portal.Rollup is { } rollup)
        {
            foreach (var page in RollupPages(rollup)) yield return page;
            yield break;
        }
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

    private Txt Shown(TranslatedText text) => text.IsTranslated(_lang) ? new Txt(text.Get(_lang)) : new Txt(text.Vi, "vi");
    private Txt? ShownOrNull(TranslatedText? text) => text is null ? null : Shown(text);
    /// <summary>A date as pages show it ("15/12/2025"), each date formatted once: the same few hundred dates recur on every page.</summary>
    private string Day(DateOnly d) => _days.GetOrAdd(d, static (d, lang) => VnDate.Short(d, lang), _lang);
    private string? Day(DateOnly? d) => d is null ? null : Day(d.Value);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<DateOnly, string> _days = new();
    private string Number(decimal n) => VnNumber.Format(n, _lang);
    /// <summary>A path relative to the page being built, in this language (one string, not one per step).</summary>
    private string Url(PageScope at, string path) => string.Concat(at.Root, _prefix, path) is { Length: > 0 } url ? url : "./";
    private readonly string _prefix = Routes.InLanguage("", strings.Lang, portal.Config.DefaultLanguage);
    private Html Html(PageScope at, TranslatedText body) => new(MarkdownRenderer.FromRoot(markdown.ToHtml(body.Get(_lang)), at.Root),
        body.IsTranslated(_lang) || string.IsNullOrWhiteSpace(body.Vi) ? null : "vi");

    private static string Icon(TaskStatus s) => s switch { TaskStatus.NotStarted => "○", TaskStatus.InProgress => "◐", TaskStatus.Done => "✓", _ => "✕" };
    private static string Icon(TargetResult r) => r switch { TargetResult.Met => "✓", TargetResult.NotMet => "✕", _ => "–" };
    /// <summary>The UI string of a status or result id: "status_in_progress", "target_not_met".</summary>
    private static string Key(string prefix, string id) => prefix + id.Replace('-', '_');

    /// <summary>A status as pages show it (immutable: one per status and language).</summary>
    public StatusVm Status(TaskStatus s) =>
        _statuses.GetOrAdd(s, static (x, strings) => new(x.Id(), strings[Key("status_", x.Id())], Icon(x)), strings);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TaskStatus, StatusVm> _statuses = new();

    public StatusVm Result(TargetResult r) => new(r.Id(), strings[Key("target_", r.Id())], Icon(r));

    private StatusVm PlanStatusVm(PlanStatus s) => new(s.ToString().ToLowerInvariant(), strings["plan_status_" + s.ToString().ToLowerInvariant()], "");

    private Link? UnitLink(PageScope at, string? id) => id is null ? null : Links(at).Units.GetOrAdd(id, static (id, x) =>
        x.Portal.Unit(id) is { } u ? new Link(x.Views.Url(x.At, Routes.Unit(u.Id)), x.Views.Shown(u.Name)) : new Link(x.Views.Url(x.At, Routes.Unit(id)), new Txt(id)), (Views: this, Portal: portal, At: at));

    private Link AreaLink(PageScope at, Area a) => Links(at).Areas.GetOrAdd(a.Id, static (_, x) => new(x.Views.Url(x.At, Routes.Area(x.Area.Id)), new Txt(x.Views.AreaName(x.Area))), (Views: this, Area: a, At: at));

    /// <summary>
    /// The links to units, areas and plans, the same on every page at the same depth: made once per depth, instead of
    /// new URL strings for every row of every table (a task's row is on six pages or more).
    /// </summary>
    private sealed class LinksAt
    {
        public readonly System.Collections.Concurrent.ConcurrentDictionary<string, Link> Units = new(StringComparer.Ordinal), Areas = new(StringComparer.Ordinal),
            Plans = new(StringComparer.Ordinal);
        /// <summary>Rows by the state they show (by identity: a record's own hash would read the whole state), without and with their plan.</summary>
        public readonly System.Collections.Concurrent.ConcurrentDictionary<TaskState, TaskRow>[] TaskRows = [new(ReferenceEqualityComparer.Instance), new(ReferenceEqualityComparer.Instance)];
        public readonly System.Collections.Concurrent.ConcurrentDictionary<TargetState, TargetRow>[] TargetRows = [new(ReferenceEqualityComparer.Instance), new(ReferenceEqualityComparer.Instance)];
    }
    private LinksAt Links(PageScope at) => _links.GetOrAdd(at.Root, static _ => new LinksAt());
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LinksAt> _links = new(StringComparer.Ordinal);
    private string AreaName(Area a) => _areaNames.GetOrAdd(a.Id, static (_, x) =>
        x.Strings.Values.TryGetValue("area_" + x.Area.Id.Replace('-', '_'), out var name) ? name : x.Area.Name(x.Strings.Lang), (Strings: strings, Area: a));
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _areaNames = new(StringComparer.Ordinal);
    private Link PlanLink(PageScope at, Plan p) => Links(at).Plans.GetOrAdd(p.Id, static (_, x) => new(x.Views.Url(x.At, Routes.Plan(x.Plan.Id)), x.Views.Shown(x.Plan.Title)), (Views: this, Plan: p, At: at));
    private Link ReportLink(PageScope at, Report r) => new(Url(at, Routes.Report(r.PlanId, r.Id)), Shown(r.Period.Label));

    private string GoalText(Target target) => GoalText(target, target.Goal);

    private string GoalText(Target target, Goal goal) => target.Metric switch
    {
        Metric.Boolean => strings["goal_boolean"],
        _ => $"{goal.Symbol} {ValueText(target, goal.Value)}",
    };

    /// <summary>A target's value as the page shows it: "98,4%", "2,95/3 điểm", "12", "Đạt".</summary>
    public string ValueText(Target target, decimal value) => target.Metric switch
    {
        Metric.Percent => Number(value) + "%",
        Metric.Points => target.Max is { } max ? $"{Number(value)}/{Number(max)} {strings["points"]}" : $"{Number(value)} {strings["points"]}",
        Metric.Boolean => value != 0 ? strings["bool_true"] : strings["bool_false"],
        _ => Number(value),
    };

    /// <summary>
    /// A task's row in a table. Rows are the same on every page at the same depth (a plan's page, an area's, a report's
    /// and the task's own share them), so each is made once per depth, language and whether it names its plan.
    /// </summary>
    public TaskRow Row(PageScope at, TaskState s, bool withPlan = false)
    {
        withPlan = withPlan && portal.Plans.Count > 1;
        return Links(at).TaskRows[withPlan ? 1 : 0].GetOrAdd(s, static (s, x) => x.Views.MakeRow(x.At, s, x.WithPlan), (Views: this, At: at, WithPlan: withPlan));
    }

    private TaskRow MakeRow(PageScope at, TaskState s, bool withPlan)
    {
        var task = s.Task;
        return new TaskRow(No: task.No, Url: Url(at, Routes.Task(task.PlanId, task.Id)), Title: Shown(task.Title),
            Area: AreaLink(at, task.Area), Lead: UnitLink(at, task.LeadId), Cooperating: Cooperating(at, task.CooperatingIds),
            Deadline: task.Deadline.Text, Status: Status(s.Status), Progress: s.Progress, Overdue: s.Overdue, DaysOverdue: s.DaysOverdue,
            OverdueSince: s.MissedMilestone is { } m ? Day(m.Due) : null, NoReport: s.NoReport, Note: ShownOrNull(s.Last?.Entry.Note),
            Evidence: s.Last?.Entry.Evidence,
            Plan: withPlan ? portal.Plan(task.PlanId) is { } p ? PlanLink(at, p.Plan) : null : null)
        {
            Moved = task.Revisions > 0 ? strings.Format("moved_mark", task.Revisions, task.OriginalDeadline.Text) : null,
        };
    }

    /// <summary>"Lùi 92 ngày so với thời hạn ban đầu", "Sớm hơn 10 ngày …", or null when the move has no due dates to measure.</summary>
    private string? Distance(PlanTask task) => task.DaysMoved switch
    {
        null => null,
        > 0 and var d => strings.Format("deadline_moved_later", d),
        < 0 and var d => strings.Format("deadline_moved_earlier", -d),
        _ => strings["deadline_moved_same"],
    };

    private RevisionsVm? Revisions(PlanTask task) => task.Revisions == 0 ? null
        : new(strings.Format("deadline_revised_title", task.Revisions), task.Revised.Select(r => new RevisionVm(r.Deadline.Text, Day(r.On), r.By)).ToList(), Distance(task));

    private RevisionsVm? Revisions(Target target) => target.Revisions == 0 ? null
        : new(strings.Format("goal_revised_title", target.Revisions), target.Revised.Select(r => new RevisionVm(GoalText(target, r.Goal), Day(r.On), r.By)).ToList(), null);

    private Link[] Cooperating(PageScope at, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0) return [];
        var links = new Link[ids.Count];
        for (var i = 0; i < links.Length; i++) links[i] = UnitLink(at, ids[i])!;
        return links;
    }

    /// <summary>A target's row, made once per depth, language and whether it names its plan (as a task's).</summary>
    public TargetRow Row(PageScope at, TargetState s, bool withPlan = false)
    {
        withPlan = withPlan && portal.Plans.Count > 1;
        return Links(at).TargetRows[withPlan ? 1 : 0].GetOrAdd(s, static (s, x) => x.Views.MakeRow(x.At, s, x.WithPlan), (Views: this, At: at, WithPlan: withPlan));
    }

    private TargetRow MakeRow(PageScope at, TargetState s, bool withPlan)
    {
        var target = s.Target;
        return new TargetRow(Url(at, Routes.Target(target.PlanId, target.Id)), Shown(target.Title), AreaLink(at, target.Area), UnitLink(at, target.LeadId),
            GoalText(target), target.Baseline is { } b ? ValueText(target, b.Value) + (b.Date is { } bd ? $" ({Day(bd)})" : "") : null,
            s.Latest is { } latest ? ValueText(target, latest.Entry.Value!.Value) : null, Result(s.Result),
            withPlan ? portal.Plan(target.PlanId) is { } p ? PlanLink(at, p.Plan) : null : null)
        {
            Moved = target.Revisions > 0 ? strings.Format("moved_mark", target.Revisions, GoalText(target, target.OriginalGoal)) : null,
        };
    }

    private static CountsVm Counts(StatusCounts c, TargetCounts targets) => new(c.Total, c.NotStarted, c.InProgress, c.Done, c.Cancelled,
        c.Overdue, c.NoReport, targets.Met, targets.NotMet, targets.NoData, targets.Total, c.DonePercent);

    private string? PeriodText(Plan p) =>
        p.PeriodFrom is { } f && p.PeriodTo is { } to ? $"{Day(f)} – {Day(to)}" : null;

    private PlanSummary Summary(PageScope at, PlanState p) => new(PlanLink(at, p.Plan), p.Plan.Number, Day(p.Plan.Issued), PeriodText(p.Plan),
        PlanStatusVm(p.Plan.Status), Counts(p.Counts, p.TargetCounts), p.LatestReport is { } r ? ReportLink(at, r) : null, Day(p.LatestReport?.Issued));

    // ---- page context ----------------------------------------------------------------------------------------

    private PageContext Context(PageScope at, string path, string kind, Txt title, IReadOnlyList<Crumb> crumbs, bool untranslated = false,
        string? description = null, string? source = null)
    {
        var alternates = portal.Config.Languages.Select(lang =>
        {
            var p = Routes.InLanguage(path, lang, _default);
            return new Alternate(lang, _languageNames[lang], Routes.Relative(at.Root, p), portal.Config.BaseUrl + p, lang == _lang);
        }).ToList();
        var (nav, footer) = _chrome.GetOrAdd(at.Root, static (_, x) => x.Views.Chrome(x.At), (Views: this, At: at));
        var script = kind is "rollup" or "rollup-areas" ? sortScriptPath : kind == "search" ? scriptPath : null;
        return new PageContext(Lang: _lang, Root: at.Root, Kind: kind, Title: title,
            CanonicalUrl: portal.Config.BaseUrl + Routes.InLanguage(path, _lang, _default), Breadcrumbs: crumbs, Alternates: alternates,
            Untranslated: untranslated, SiteTitle: portal.Config.Title, Commune: portal.Config.Commune, HomeUrl: Url(at, Routes.Home),
            Nav: nav, FooterLinks: footer, AsOf: Day(portal.Config.AsOf), License: portal.Config.License, Description: description,
            Css: at.Root + cssPath, Script: script is null ? null : at.Root + script, LastUpdated: source is null ? null : lastUpdated(source))
        { Rollup = portal.Rollup is not null };
    }

    private readonly Dictionary<string, string> _languageNames = portal.Config.Languages.Distinct().ToDictionary(l => l, l => strings["language_name_" + l], StringComparer.Ordinal);

    /// <summary>The menu and footer links, the same on every page at the same depth: made once per depth.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (IReadOnlyList<Link> Nav, IReadOnlyList<Link> Footer)> _chrome = new(StringComparer.Ordinal);

    private (IReadOnlyList<Link>, IReadOnlyList<Link>) Chrome(PageScope at)
    {
        if (portal.Rollup is not null) return RollupChrome(at);
        var nav = new List<Link>
        {
            new(Url(at, Routes.Home), new Txt(strings["nav_home"])),
            new(Url(at, Routes.Monitoring), new Txt(strings["nav_monitoring"])),
        };
        if (portal.Supervision.Supervisions.Count > 0) nav.Add(new(Url(at, Routes.Supervisions), new Txt(strings["nav_supervision"])));
        nav.AddRange(new Link[]
        {
            new(Url(at, Routes.Units), new Txt(strings["nav_units"])),
            new(Url(at, Routes.Areas), new Txt(strings["nav_areas"])),
            new(Url(at, Routes.Search), new Txt(strings["nav_search"])),
        });
        var footer = portal.Pages.Select(pg => new Link(Url(at, Routes.Page(pg.Slug)), Shown(pg.Title))).ToList();
        footer.Add(new Link(Url(at, Routes.OpenData), new Txt(strings["nav_open_data"])));
        return (nav, footer);
    }

    private PageJob Job(PageScope at, string path, string layout, string kind, Txt title, object model, IReadOnlyList<Crumb> crumbs, bool untranslated = false,
        string? source = null)
    {
        var description = PageDescriptions.Of(model, new(title, crumbs, portal.Config.Title, portal.Config.Commune, Day(portal.Config.AsOf), portal.Config.License), strings);
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
        job with { Page = job.Page with { PrintPlan = PlanLine(plan) } };

    /// <summary>
    /// A page about several plans (the monitoring page of a portal with last year's plan beside this year's): two plans
    /// each on its own line of the margin; more, their numbers and how many more, so the margin keeps its height.
    /// </summary>
    private PageJob About(IReadOnlyList<Plan> plans, PageJob job) => plans.Count switch
    {
        0 => job,
        1 => About(plans[0], job),
        2 => job with { Page = job.Page with { PrintPlan = PlanLine(plans[0]) + "\n" + PlanLine(plans[1]) } },
        _ => job with
        {
            Page = job.Page with
            {
                PrintPlan = strings.Format("print_plans_more",
            string.Join(", ", plans.Take(3).Select(p => p.Number ?? Shown(p.Title).Text)), plans.Count - 3)
            }
        },
    };

    private string PlanLine(Plan plan) => (plan.Number is null ? "" : plan.Number + ": ") + Shown(plan.Title).Text;

    private Crumb HomeCrumb(PageScope at) => new(Url(at, Routes.Home), new Txt(strings["nav_home"]));
    private Crumb PlanCrumb(PageScope at, Plan p) => new(Url(at, Routes.Plan(p.Id)), new Txt(p.Number ?? Shown(p.Title).Text, p.Number is null ? Shown(p.Title).Lang : null));

    private bool Untranslated(params TranslatedText?[] texts) => _lang != "vi" && texts.Any(x => x is not null && !string.IsNullOrEmpty(x.Vi) && !x.IsTranslated(_lang));

    // ---- pages -----------------------------------------------------------------------------------------------

    private PageSource Home() => At(Routes.Home, at =>
    {
        var current = portal.Current;
        var overdue = current?.Overdue.Take(5).Select(x => Row(at, x)).ToList() ?? [];
        var vm = new HomeVm(current is null ? null : Summary(at, current), portal.Plans.Where(p => p != current).Select(p => Summary(at, p)).ToList(),
            portal.Pages.Select(p => new Link(Url(at, Routes.Page(p.Slug)), Shown(p.Title))).ToList(), overdue,
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
        var bases = plan.LegalBases.Select(b => new LegalBasisVm(b.Number, Day(b.Date), b.Issuer, b.Title is null ? null : new Txt(b.Title, _lang == "vi" ? null : "vi"),
            portal.Plans.FirstOrDefault(x => x.Plan.Number == b.Number) is { } linked ? Url(at, Routes.Plan(linked.Plan.Id)) : null)).ToList();
        var reporting = plan.Reporting.Select(r => new PeriodVm(r.Id, Shown(r.Label), Day(r.From), Day(r.To), Day(r.Due),
            plan.Reports.FirstOrDefault(x => x.Period.Id == r.Id) is { } rep ? ReportLink(at, rep) : null, r.Due <= portal.Config.AsOf)).ToList();
        var replaced = plan.ReplacedBy is { } rb && portal.Plan(rb) is { } rp ? PlanLink(at, rp.Plan) : null;
        var vm = new PlanVm(Summary(at, p), Shown(plan.Title), plan.Number, plan.Issuer, Day(plan.Issued), PeriodText(plan),
            plan.Document is { } doc ? (doc.Contains("://", StringComparison.Ordinal) ? doc : at.Root + doc.TrimStart('/')) : null,
            replaced, bases, reporting, Groups(at, p.Areas), Html(at, plan.Body), null);
        return About(plan, Job(at, Routes.Plan(plan.Id), "plan", "plan", Shown(plan.Title), vm, [HomeCrumb(at)], Untranslated(plan.Title, plan.Body), plan.Source));
    });

    private PageSource Task(PlanState p, TaskState s) => At(Routes.Task(p.Plan.Id, s.Task.Id), at =>
    {
        var task = s.Task;
        var history = s.History.Select(h => new HistoryRow(ReportLink(at, h.Report), Shown(h.Report.Period.Label), Day(h.Report.Issued),
            Status(h.Entry.Status), h.Entry.Progress, ShownOrNull(h.Entry.Note), h.Entry.Evidence)).ToList();
        var milestones = task.Deadline.Milestones.Select(m => new MilestoneVm(m.Label, m.Text, Day(m.Due), m.Due < portal.Config.AsOf)).ToList();
        var vm = new TaskVm(Row(at, s), PlanLink(at, p.Plan), ShownOrNull(task.Product), strings["deadline_kind_" + task.Deadline.Kind.ToString().ToLowerInvariant()],
            milestones, Day(task.Deadline.FinalDue), history, Html(at, task.Body), task.Deadline.Authority)
        {
            Revised = Revisions(task),
            Follow = Follow(at, task.LeadId),
            Supervisions = TaskSupervisions(at, task),
        };
        var title = new Txt($"{strings["task"]} {task.No}: {Shown(task.Title).Text}", Shown(task.Title).Lang);
        return About(p.Plan, Job(at, Routes.Task(p.Plan.Id, task.Id), "task", "task", title, vm, [HomeCrumb(at), PlanCrumb(at, p.Plan)], Untranslated(task.Title, task.Body), task.Source));
    });

    private PageSource Target(PlanState p, TargetState s) => At(Routes.Target(p.Plan.Id, s.Target.Id), at =>
    {
        var target = s.Target;
        var points = s.Points.Select(x => new TargetPointVm(ReportLink(at, x.Report), Shown(x.Report.Period.Label), ValueText(target, x.Entry.Value!.Value),
            Result(x.Met ? TargetResult.Met : TargetResult.NotMet))).ToList();
        var vm = new TargetVm(Row(at, s), PlanLink(at, p.Plan), strings["metric_" + target.Metric.ToString().ToLowerInvariant()], target.Max is { } m ? Number(m) : null,
            points, Charts.TargetChart(s, this, strings) is { } svg ? new Html(svg) : null, Html(at, target.Body))
        {
            Revised = Revisions(target),
        };
        return About(p.Plan, Job(at, Routes.Target(p.Plan.Id, target.Id), "target", "target", Shown(target.Title), vm, [HomeCrumb(at), PlanCrumb(at, p.Plan)], Untranslated(target.Title, target.Body), target.Source));
    });

    private PageSource Report(PlanState p, ReportSnapshot snapshot) => At(Routes.Report(p.Plan.Id, snapshot.Report.Id), at =>
    {
        var report = snapshot.Report;
        var tasks = snapshot.Tasks.Select(x => new ReportTaskVm(Row(at, x.State), x.Before is { } b ? Status(b.Status) : null, x.Before?.Progress, x.Change switch
        {
            TaskChange.New => strings["change_new"],
            TaskChange.Status => strings.Format("change_status", Status(x.Before!.Status).Label, Status(x.Entry.Status).Label),
            TaskChange.Progress => strings.Format("change_progress", x.Before!.Progress ?? 0, x.Entry.Progress ?? 0),
            _ => strings["change_none"],
        }, x.Changed)).ToList();
        var targets = snapshot.Targets.Select(x => new ReportTargetVm(Row(at, x.State), x.Value is { } v ? ValueText(x.State.Target, v) : null,
            x.Previous is { } pv ? ValueText(x.State.Target, pv) : null, Result(x.Result), x.Change switch
            {
                TargetChange.NoValue => strings["change_no_value"],
                TargetChange.New => strings["change_new"],
                TargetChange.None => strings["change_none"],
                var up => (up == TargetChange.Up ? "▲ +" : "▼ −") + Number(x.Delta),
            })).ToList();
        var vm = new ReportVm(PlanLink(at, p.Plan), Shown(report.Period.Label), report.Number, Day(report.Issued), Day(report.Period.From), Day(report.Period.To),
            Html(at, report.Body), tasks, targets, snapshot.NotMentioned.Select(x => Row(at, x)).ToList(),
            snapshot.Previous is { } previous ? ReportLink(at, previous) : null, snapshot.Next is { } next ? ReportLink(at, next) : null);
        var title = new Txt(strings.ReportTitle(Shown(report.Period.Label).Text, report.Number));
        return About(p.Plan, Job(at, Routes.Report(p.Plan.Id, report.Id), "report", "report", title, vm, [HomeCrumb(at), PlanCrumb(at, p.Plan)], Untranslated(report.Body), report.Source));
    });

    /// <summary>How to follow a unit's tasks: its feed (in this language) and its calendar; null for an unknown unit or one leading no task.</summary>
    private FollowVm? Follow(PageScope at, string unitId) =>
        portal.Unit(unitId) is { } u && _leaders.Contains(unitId)
            ? new FollowVm(UnitLink(at, u.Id)!, Url(at, Routes.UnitFeed(u.Id)), _calendars.Contains(u.Id) ? at.Root + Routes.UnitCalendar(u.Id) : null)
            : null;

    /// <summary>The units that lead a task have a feed; those leading a dated task also a calendar (found once, not per page).</summary>
    private readonly HashSet<string> _leaders = portal.Scores.Where(s => s.Leads.Count > 0).Select(s => s.Unit.Id).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _calendars = portal.Scores.Where(s => s.Leads.Any(x => x.Task.Deadline.Milestones.Count > 0))
        .Select(s => s.Unit.Id).ToHashSet(StringComparer.Ordinal);

    private PageSource UnitList() => At(Routes.Units, at =>
    {
        var vm = new UnitsVm(portal.Scores.Select(s => new UnitListItem(UnitLink(at, s.Unit.Id)!, ShownOrNull(s.Unit.Short), strings["role_" + s.Unit.Role.ToString().ToLowerInvariant()],
            Counts(s.Counts, s.TargetCounts))).ToList());
        return Job(at, Routes.Units, "units", "units", new Txt(strings["units_title"]), vm, [HomeCrumb(at)]);
    });

    private PageSource Unit(UnitScore s) => At(Routes.Unit(s.Unit.Id), at =>
    {
        var vm = new UnitVm(Shown(s.Unit.Name), ShownOrNull(s.Unit.Short), strings["role_" + s.Unit.Role.ToString().ToLowerInvariant()], Html(at, s.Unit.Body),
            Counts(s.Counts, s.TargetCounts), s.Leads.Select(x => Row(at, x, true)).ToList(), s.Cooperates.Select(x => Row(at, x, true)).ToList(),
            s.Targets.Select(x => Row(at, x, true)).ToList())
        {
            Follow = Follow(at, s.Unit.Id),
            Recommendations = UnitRecommendations(at, s.Unit),
        };
        if (vm.Recommendations.Count > 0)
            vm = vm with { RecommendationCounts = RecCounts(portal.Supervision.CountsFor(s.Unit.Id)) };
        var job = Job(at, Routes.Unit(s.Unit.Id), "unit", "unit", Shown(s.Unit.Name), vm, [HomeCrumb(at), new(Url(at, Routes.Units), new Txt(strings["units_title"]))],
            Untranslated(s.Unit.Name), s.Unit.Source);
        return vm.Follow is { } f ? job with { Page = job.Page with { Feed = new Link(f.FeedUrl, new Txt(strings.Format("feed_unit_title", Shown(s.Unit.Name).Text))) } } : job;
    });

    private PageSource AreaList() => At(Routes.Areas, at =>
    {
        var vm = new AreasVm(portal.Areas.Select(a => new AreaListItem(AreaLink(at, a.Area), a.Tasks.Count, a.Targets.Count, a.Overdue)).ToList());
        return Job(at, Routes.Areas, "areas", "areas", new Txt(strings["areas_title"]), vm, [HomeCrumb(at)]);
    });

    private PageSource AreaPage(Area a) => At(Routes.Area(a.Id), at =>
    {
        var groups = portal.Plans.Select(p => (Plan: p, Area: p.Areas[a.Order - 1])).Where(x => !x.Area.IsEmpty)
            .Select(x => new AreaGroup(x.Plan.Plan.Id, Shown(x.Plan.Plan.Title).Text, Url(at, Routes.Plan(x.Plan.Plan.Id)),
                x.Area.Targets.Select(t => Row(at, t)).ToList(), x.Area.Tasks.Select(t => Row(at, t)).ToList())).ToList();
        var feed = Url(at, Routes.AreaFeed(a.Id));
        var job = Job(at, Routes.Area(a.Id), "area", "area", new Txt(AreaName(a)), new AreaVm(AreaName(a), groups) { FeedUrl = feed },
            [HomeCrumb(at), new(Url(at, Routes.Areas), new Txt(strings["areas_title"]))]);
        return job with { Page = job.Page with { Feed = new Link(feed, new Txt(strings.Format("feed_area_title", AreaName(a)))) } };
    });

    private PageSource Monitoring() => At(Routes.Monitoring, at =>
    {
        var m = portal.Monitoring;
        var groups = m.Units.Select(s => new MonitoringGroup(UnitLink(at, s.Unit.Id)!, s.Overdue.Select(x => Row(at, x, true)).ToList(),
            s.NoReport.Select(x => Row(at, x, true)).ToList())).ToList();
        var vm = new MonitoringVm(Day(portal.Config.AsOf), groups, m.Overdue, m.NoReport, m.TargetsNotMet.Select(x => Row(at, x, true)).ToList(),
            portal.Plans.Select(p => PlanLink(at, p.Plan)).ToList())
        {
            Moved = m.Moved.Select(x => new MovedTaskVm(Row(at, x, true), x.Task.OriginalDeadline.Text, x.Task.Revisions, Distance(x.Task))).ToList(),
            GoalsMoved = m.GoalsMoved.Select(x => Row(at, x, true)).ToList(),
            Awaiting = AwaitingGroups(at), RecommendationCounts = SiteRecCounts(), SupervisionsUrl = SupervisionsUrl(at),
        };
        var job = Job(at, Routes.Monitoring, "monitoring", "monitoring", new Txt(strings["monitoring_title"]), vm, [HomeCrumb(at)]);
        // The Front's document names the plans it monitors, on every sheet.
        return About(portal.Plans.Select(p => p.Plan).ToList(), job);
    });

    /// <summary>The card the commune's own website shows in a frame: the home page's summary of the current plan, nothing else
    /// (a whole document: no header, menu, search or footer; its own small stylesheet; out of the sitemap).</summary>
    private PageSource Embed() => At(Routes.Embed, at =>
    {
        var vm = portal.Rollup is { } rollup
            ? new EmbedVm(RollupCard(at, rollup), Url(at, Routes.Home), Url(at, Routes.Areas), Day(portal.Config.AsOf))
            : new EmbedVm(portal.Current is { } p ? Summary(at, p) : null, Url(at, Routes.Home), Url(at, Routes.Monitoring), Day(portal.Config.AsOf))
            {
                Recommendations = SiteRecCounts(), SupervisionsUrl = SupervisionsUrl(at),
            };
        var job = Job(at, Routes.Embed, "embed", "embed", new Txt(strings["embed_title"]), vm, []);
        return job with { Standalone = true, Page = job.Page with { Css = at.Root + (embedCssPath ?? cssPath) } };
    }) with
    { Listed = false };

    private PageSource FreePage(Page page) => At(Routes.Page(page.Slug), at =>
        Job(at, Routes.Page(page.Slug), "page", "page", Shown(page.Title), new FreePageVm(Html(at, page.Body)), [HomeCrumb(at)], Untranslated(page.Title, page.Body), page.Source));

    private PageSource SearchPage() => At(Routes.Search, at =>
    {
        var vm = new SearchVm(Groups(at, portal.Areas, withPlan: true),
            portal.Plans.Select(p => PlanLink(at, p.Plan)).ToList(), portal.Units.Select(u => UnitLink(at, u.Id)!).ToList(), Url(at, Routes.Search) + "index/",
            SearchFilters())
        {
            Communes = portal.Rollup is { } rollup
                ? rollup.Communes.Select(c => CommuneLink(at, c)).ToList()
                : [],
        };
        return Job(at, Routes.Search, "search", "search", new Txt(strings["search_title"]), vm, [HomeCrumb(at)]);
    });

    /// <summary>The search filters; search.js also reads type, status, plan, area and unit labels from these options.</summary>
    private IReadOnlyList<SearchFilter> SearchFilters()
    {
        SearchChoice Choice(string value, string label, string? lang = null) => new(value, new Txt(label, lang));
        return
        [
            new("type", strings["search_type"], Index.SearchDocuments.Types.Select(x => Choice(x, strings["search_type_" + x])).ToList()),
            new("status", strings["search_status"], [
                .. StatusIds.Tasks.Select(x => Choice(x, strings[Key("status_", x)])),
                Choice(Index.SearchDocuments.Overdue, strings["status_overdue"]),
                Choice(Index.SearchDocuments.NoReport, strings["status_no_report"]),
                .. StatusIds.Results.Select(x => Choice(x, strings[Key("target_", x)])),
            ]),
            portal.Rollup is { } rollup
                ? new("plan", strings["rollup_commune"], rollup.Communes.Select(c => new SearchChoice(c.Id, CommuneName(c))).ToList())
                : new("plan", strings["plan"], portal.Plans.Select(p => new SearchChoice(p.Plan.Id, Shown(p.Plan.Title))).ToList()),
            new("area", strings["area"], Area.All.Select(a => Choice(a.Id, AreaName(a))).ToList()),
            new("unit", strings["search_unit"], portal.Units.Select(u => new SearchChoice(u.Id, Shown(u.Name))).ToList()),
        ];
    }

    /// <summary>The 404 page is served at any depth, so its links start from the site's own path instead of being relative.</summary>
    private PageSource NotFound()
    {
        var scope = new PageScope(new Uri(portal.Config.BaseUrl.Contains("://", StringComparison.Ordinal) ? portal.Config.BaseUrl : "http://x" + portal.Config.BaseUrl).AbsolutePath, _lang);
        return new(Routes.InLanguage(Routes.NotFound, _lang, _default), _lang, () =>
            Job(scope, Routes.NotFound, "404", "404", new Txt(strings["not_found_title"]), new FreePageVm(new Html("")), [HomeCrumb(scope)]))
        { Listed = false };
    }
}
