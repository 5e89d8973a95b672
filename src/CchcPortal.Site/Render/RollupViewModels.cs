namespace CchcPortal.Site.Render;

// View models of a province's roll-up (issue 35): finished values only, as for every page.

/// <summary>A commune in the roll-up's table: its figures, and a sort key per column (data-sort, read by sort.js).</summary>
public sealed record CommuneRowVm(Link Commune, string? Plan, int Tasks, int Done, int InProgress, int Overdue, int NoReport, int TargetsMet, int Targets,
    string? LatestReport, string? LatestReportDate, string LatestReportSort, string? AsOf, string AsOfSort, bool Stale, int DonePercent)
{
    public string? LatestReportUrl { get; init; }
    public string? PortalUrl { get; init; }
}

/// <summary>The roll-up's home: the table of communes, the totals, how many are stale or not fetched yet.</summary>
public sealed record RollupHomeVm(IReadOnlyList<CommuneRowVm> Rows, CountsVm Totals, int Communes, int Stale, int Missing, string AreasUrl, string OpenDataUrl,
    string SearchUrl);

/// <summary>One area of one commune (a cell of the areas compared).</summary>
public sealed record AreaCellVm(int Tasks, int Done, int Overdue, int Targets, int TargetsMet, int DonePercent);

/// <summary>A commune's page: its summary, its plan, its areas, its reports, a link to its own portal.</summary>
public sealed record CommunePageVm(CommuneRowVm Row, CountsVm Counts, string? Province, Txt? PlanTitle, string? PlanUrl, string? PortalUrl,
    IReadOnlyList<LinkedCellVm> Areas, IReadOnlyList<CommuneReportVm> Reports, string HomeUrl, string? Stale);

public sealed record CommuneReportVm(Txt Label, string? Number, string? Date, string? Url);

/// <summary>The seven areas compared: a table per area of every commune's counts in it.</summary>
public sealed record AreasComparedVm(IReadOnlyList<AreaComparedVm> Areas);

public sealed record AreaComparedVm(string Id, string Name, AreaCellVm Total, IReadOnlyList<LinkedCellVm> Communes);

/// <summary>A commune's (or an area's) counts with the link to it.</summary>
public sealed record LinkedCellVm(Link Link, AreaCellVm Cell, bool Stale = false);
