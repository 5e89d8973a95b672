using CchcPortal.Core.Model;
using CchcPortal.Core.Rollup;

namespace CchcPortal.Site.Render;

/// <summary>The pages of a province's roll-up (site.yaml <c>communes:</c>): the table of communes, a page per commune, the areas compared.</summary>
public sealed partial class Views
{
    /// <summary>Every page of a roll-up in this language: its own pages, then the free pages, the card, 404 and open data.</summary>
    private IEnumerable<PageSource> RollupPages(RollupModel rollup)
    {
        yield return RollupHome(rollup);
        yield return AreasCompared(rollup);
        yield return SearchPage();
        foreach (var c in rollup.Communes) yield return CommunePage(c);
        foreach (var page in portal.Pages) yield return FreePage(page);
        yield return Embed();
        yield return NotFound();
        yield return OpenData() with { AfterOutputs = true };
    }

    private string? Lx(string? vi, string? en) => _lang == "en" && en is not null ? en : vi;
    private string? DL(DateOnly? d) => d is null ? null : Day(d.Value);
    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";

    /// <summary>A commune's name as pages show it: marked Vietnamese on the other languages' pages.</summary>
    private Txt CommuneName(CommuneSummary c) => new(c.Name, _lang == "vi" ? null : "vi");

    /// <summary>The link to a commune's page in the roll-up.</summary>
    private Link CommuneLink(PageScope at, CommuneSummary c) => new(Url(at, Routes.Commune(c.Id)), CommuneName(c));

    private CommuneRowVm CommuneRow(PageScope at, CommuneSummary c) => new(
        CommuneLink(at, c),
        c.PlanNumber ?? Lx(c.PlanTitle, c.PlanTitleEn), c.Tasks, c.Done, c.InProgress, c.Overdue, c.NoReport, c.TargetsMet, c.Targets,
        c.LatestReport is { } r ? Lx(r.Label, r.LabelEn) : null, DL(c.LatestReport?.Issued), Iso(c.LatestReport?.Issued), DL(c.AsOf), Iso(c.AsOf), c.Stale,
        c.DonePercent)
    {
        LatestReportUrl = c.LatestReport?.Url,
        PortalUrl = c.Portal,
    };

    private static CountsVm Counts(CommuneSummary c) => new(c.Tasks, c.NotStarted, c.InProgress, c.Done, c.Cancelled, c.Overdue, c.NoReport,
        c.TargetsMet, c.TargetsNotMet, c.TargetsNoData, c.Targets, c.DonePercent);

    private static AreaCellVm Cell(CommuneArea a) => new(a.Tasks, a.Done, a.Overdue, a.Targets, a.TargetsMet, a.Tasks == 0 ? 0 : (int)Math.Round(100.0 * a.Done / a.Tasks));

    private PageSource RollupHome(RollupModel rollup) => At(Routes.Home, at =>
    {
        var cs = rollup.Communes;
        var totals = Totals(rollup);
        var vm = new RollupHomeVm(cs.Select(c => CommuneRow(at, c)).ToList(), totals, cs.Count, rollup.Stale, portal.Config.Communes.Count - cs.Count,
            Url(at, Routes.Areas), Url(at, Routes.OpenData), Url(at, Routes.Search));
        return Job(at, Routes.Home, "rollup", "rollup", new Txt(portal.Config.Title, _lang == "vi" ? null : "vi"), vm, []);
    });

    /// <summary>Every commune's current plan counted together.</summary>
    private static CountsVm Totals(RollupModel rollup)
    {
        var cs = rollup.Communes;
        return new CountsVm(cs.Sum(c => c.Tasks), cs.Sum(c => c.NotStarted), cs.Sum(c => c.InProgress), cs.Sum(c => c.Done), cs.Sum(c => c.Cancelled),
            cs.Sum(c => c.Overdue), cs.Sum(c => c.NoReport), cs.Sum(c => c.TargetsMet), cs.Sum(c => c.TargetsNotMet), cs.Sum(c => c.TargetsNoData),
            cs.Sum(c => c.Targets), cs.Sum(c => c.Tasks) == 0 ? 0 : (int)Math.Round(100.0 * cs.Sum(c => c.Done) / cs.Sum(c => c.Tasks)));
    }

    /// <summary>The roll-up's card (/embed/): the communes' totals, in the shape of a plan's summary.</summary>
    private PlanSummary RollupCard(PageScope at, RollupModel rollup) => new(
        new Link(Url(at, Routes.Home), new Txt(strings.Format("rollup_card_title", rollup.Communes.Count))), null, null, null,
        new StatusVm("active", "", ""), Totals(rollup), null, null);

    private PageSource CommunePage(CommuneSummary c) => At(Routes.Commune(c.Id), at =>
    {
        var areas = c.Areas.Where(a => a.Tasks + a.Targets > 0).Select(a => new LinkedCellVm(new Link(Url(at, Routes.Areas) + "#" + a.Area.Id, new Txt(AreaName(a.Area))), Cell(a))).ToList();
        var reports = c.Reports.OrderByDescending(r => r.Effective).ThenBy(r => r.PlanId, StringComparer.Ordinal)
            .Select(r => new CommuneReportVm(new Txt(Lx(r.Label, r.LabelEn)!, _lang != "vi" && r.LabelEn is null ? "vi" : null), r.Number, DL(r.Issued), r.Url)).ToList();
        var vm = new CommunePageVm(CommuneRow(at, c), Counts(c), c.Province,
            c.PlanTitle is null ? null : new Txt(Lx(c.PlanTitle, c.PlanTitleEn)!, _lang != "vi" && c.PlanTitleEn is null ? "vi" : null), c.PlanUrl, c.Portal,
            areas, reports, Url(at, Routes.Home), c.Stale ? strings.Format("rollup_stale_note", c.PeriodDays) : null);
        return Job(at, Routes.Commune(c.Id), "commune", "commune", CommuneName(c), vm, [HomeCrumb(at)]);
    });

    private PageSource AreasCompared(RollupModel rollup) => At(Routes.Areas, at =>
    {
        var areas = Area.All.Select(a =>
        {
            var (_, tasks, done, overdue, targets, met) = rollup.AreaTotals[a.Order - 1];
            var communes = rollup.Communes.Where(c => c.Areas[a.Order - 1] is { } x && x.Tasks + x.Targets > 0)
                .Select(c => new LinkedCellVm(CommuneLink(at, c), Cell(c.Areas[a.Order - 1]), c.Stale)).ToList();
            return new AreaComparedVm(a.Id, AreaName(a), new AreaCellVm(tasks, done, overdue, targets, met, tasks == 0 ? 0 : (int)Math.Round(100.0 * done / tasks)), communes);
        }).ToList();
        return Job(at, Routes.Areas, "rollup-areas", "rollup-areas", new Txt(strings["rollup_areas_title"]), new AreasComparedVm(areas), [HomeCrumb(at)]);
    });

    /// <summary>A roll-up's menu: the communes, the areas compared, search.</summary>
    private (IReadOnlyList<Link>, IReadOnlyList<Link>) RollupChrome(PageScope at)
    {
        var nav = new List<Link>
        {
            new(Url(at, Routes.Home), new Txt(strings["nav_communes"])),
            new(Url(at, Routes.Areas), new Txt(strings["nav_areas"])),
            new(Url(at, Routes.Search), new Txt(strings["nav_search"])),
        };
        var footer = portal.Pages.Select(pg => new Link(Url(at, Routes.Page(pg.Slug)), Shown(pg.Title))).ToList();
        footer.Add(new Link(Url(at, Routes.OpenData), new Txt(strings["nav_open_data"])));
        return (nav, footer);
    }
}
