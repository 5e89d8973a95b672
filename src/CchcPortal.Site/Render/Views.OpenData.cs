using CchcPortal.Site.Index;

namespace CchcPortal.Site.Render;

public sealed partial class Views
{
    /// <summary>The "Dữ liệu mở" page: every open-data file with its format, its size as written, and the licence.</summary>
    private PageSource OpenData() => At(Routes.OpenData, at =>
    {
        var files = dataFiles();
        DownloadRow Row(DataFile f, Txt title) => new(at.Root + f.Path, title, f.Path[(f.Path.LastIndexOf('/') + 1)..], f.Format, Size(f.Size));
        Txt KindTitle(DataFile f) => new(f.Kind is null ? f.Name : _lang == "vi" ? f.Kind.TitleVi : f.Kind.TitleEn);

        var groups = new List<DownloadGroup>
        {
            new("site", new Txt(strings["open_data_site"]), files.Where(f => f.Group == DataFileGroup.Site)
                .Select(f => Row(f, f.Kind is null && f.Format == "iCalendar" ? new Txt(strings["recommendations_calendar"]) : KindTitle(f))).ToList()),
        };
        var byPlan = files.Where(f => f.Group == DataFileGroup.Plan).ToLookup(f => f.PlanId, StringComparer.Ordinal);
        foreach (var p in portal.Plans)
        {
            var rows = byPlan[p.Plan.Id]
                .Select(f => Row(f, f.Kind is null ? new Txt(strings["deadlines_calendar"]) : KindTitle(f))).ToList();
            var title = Shown(p.Plan.Title);
            groups.Add(new("plan-" + p.Plan.Id, new Txt((p.Plan.Number is null ? "" : p.Plan.Number + ": ") + title.Text, title.Lang), rows));
        }
        var units = files.Where(f => f.Group == DataFileGroup.UnitCalendar)
            .Select(f => Row(f, portal.Unit(f.UnitId!) is { } u ? Shown(u.Name) : new Txt(f.Name))).ToList();
        if (units.Count > 0) groups.Add(new("units", new Txt(strings["open_data_unit_calendars"]), units));
        groups.Add(new("feeds", new Txt(strings["open_data_feeds"]),
            files.Where(f => f.Group == DataFileGroup.Feed).Select(f => Row(f, new Txt(strings["open_data_feed"] + " (" + strings["language_name_" + f.Lang] + ")"))).ToList()));
        groups.Add(new("schemas", new Txt(strings["open_data_descriptions"]),
            files.Where(f => f.Group == DataFileGroup.Description).Select(f => Row(f, f.Kind is not null ? KindTitle(f) : new Txt(strings[f.Name == "catalog" ? "open_data_catalog" : "open_data_datapackage"]))).ToList()));

        var (_, licenseUrl) = OpenDataOutput.License(portal.Config.License);
        var vm = new OpenDataVm(portal.Config.License, licenseUrl, Day(portal.Config.AsOf), at.Root + OpenDataOutput.Folder + "datapackage.json", groups)
        {
            Embed = EmbedSnippet(at),
        };
        return Job(at, Routes.OpenData, "open-data", "open-data", new Txt(strings["open_data_title"]), vm, [HomeCrumb(at)]);
    });

    /// <summary>The frame's height in CSS pixels: the card at 300 px wide (a sidebar) fits without a scroll bar (the browser test measures it).</summary>
    public const int EmbedHeight = 700;

    /// <summary>The &lt;iframe&gt; staff paste into an article of the commune's website: the card's absolute address in this language.</summary>
    private EmbedSnippetVm EmbedSnippet(PageScope at)
    {
        var url = portal.Config.BaseUrl + Routes.InLanguage(Routes.Embed, _lang, _default);
        var title = CchcPortal.Site.Render.Html.Escape(strings["embed_title"] + " · " + portal.Config.Title);
        var snippet = $"<iframe src=\"{CchcPortal.Site.Render.Html.Escape(url)}\" title=\"{title}\" height=\"{EmbedHeight}\" style=\"width:100%;max-width:700px;border:0\" loading=\"lazy\"></iframe>";
        return new EmbedSnippetVm(url, url.Contains("://", StringComparison.Ordinal), snippet, EmbedHeight, portal.Config.EmbedOrigins, Url(at, Routes.Embed))
        {
            Example = CchcPortal.Core.Configuration.SiteConfigLoader.EmbedExample(portal.Config.BaseUrl) ?? "https://ten-xa.tinh.gov.vn",
        };
    }

    /// <summary>A size in KB with one decimal, the page's way ("12,3 KB" in Vietnamese).</summary>
    private string Size(long bytes) => Number(Math.Max(0.1m, Math.Round(bytes / 1024m, 1))) + " KB";
}
