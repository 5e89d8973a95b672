using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CchcPortal.Core.Model;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>
/// The Atom feed of reports of one language (RFC 4287): one entry per report, newest first. An entry's id is the
/// report's address (or a tag: URI when base_url is not absolute) and its date the report's issue date, never the
/// build time, so a new report is a new entry and rebuilding changes nothing.
/// </summary>
public static class Feeds
{
    private static readonly XNamespace Ns = "http://www.w3.org/2005/Atom";

    /// <summary>Where the feed of a language is written: "feed.xml" for the default language, "en/feed.xml"...</summary>
    public static string PathOf(string lang, string defaultLang) => Routes.InLanguage("feed.xml", lang, defaultLang);

    /// <summary>A date as an Atom timestamp at the start of the day, Vietnam time.</summary>
    public static string Timestamp(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00+07:00";

    public static bool IsAbsolute(string baseUrl) => baseUrl.Contains("://", StringComparison.Ordinal);

    /// <summary>The host of base_url (for tag: URIs and iCalendar UIDs), or a fixed name when base_url is a bare path.</summary>
    public static string Host(string baseUrl) =>
        IsAbsolute(baseUrl) && Uri.TryCreate(baseUrl, UriKind.Absolute, out var u) ? u.Host : "cchc-portal.invalid";

    public static void Atom(Stream stream, Portal portal, Strings t)
    {
        var config = portal.Config;
        var lang = t.Lang;
        string Abs(string path) => config.BaseUrl + Routes.InLanguage(path, lang, config.DefaultLanguage);
        var reports = portal.Plans.SelectMany(p => p.Plan.Reports.Select(r => (Plan: p.Plan, Report: r)))
            .OrderByDescending(x => x.Report.Effective).ThenBy(x => x.Plan.Id, StringComparer.Ordinal).ThenBy(x => x.Report.Id, StringComparer.Ordinal)
            .ToList();
        var updated = reports.Count > 0 ? reports[0].Report.Effective : config.AsOf;
        // A province's roll-up: its communes' reports, newest first (the latest 500), each linking to the commune's portal.
        var communeReports = portal.Rollup is { } rollup
            ? rollup.Communes.SelectMany(c => c.Reports.Select(r => (Commune: c, Report: r)))
                .OrderByDescending(x => x.Report.Effective).ThenBy(x => x.Commune.Id, StringComparer.Ordinal).ThenBy(x => x.Report.PlanId, StringComparer.Ordinal)
                .ThenBy(x => x.Report.ReportId, StringComparer.Ordinal).Take(500).ToList()
            : [];
        if (communeReports.Count > 0) updated = communeReports[0].Report.Effective;

        var feed = new XElement(Ns + "feed", new XAttribute(XNamespace.Xml + "lang", lang),
            new XElement(Ns + "title", $"{config.Title} — {t["reports"]}"),
            new XElement(Ns + "id", IsAbsolute(config.BaseUrl) ? Abs("feed.xml") : $"tag:{Host(config.BaseUrl)},2025:feed/{lang}"),
            new XElement(Ns + "updated", Timestamp(updated)),
            new XElement(Ns + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", Abs("feed.xml"))),
            new XElement(Ns + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", Abs(Routes.Home))),
            new XElement(Ns + "author", new XElement(Ns + "name", (config.IsRollup ? config.Province : config.Commune) ?? config.Title)),
            new XElement(Ns + "rights", config.License),
            new XElement(Ns + "generator", "CchcPortal"));

        foreach (var (plan, report) in reports)
        {
            var title = t.ReportTitle(report.Period.Label.Get(lang), report.Number);
            var path = Routes.Report(plan.Id, report.Id);
            var id = IsAbsolute(config.BaseUrl)
                ? config.BaseUrl + path
                : $"tag:{Host(config.BaseUrl)},{report.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{plan.Id}/{report.Id}";
            var planTitle = plan.Title.Get(lang);
            var summary = t.Format("feed_entry_summary", planTitle, report.Tasks.Count, report.Targets.Count(e => e.Value.Value is not null));
            feed.Add(new XElement(Ns + "entry",
                new XElement(Ns + "id", id),
                new XElement(Ns + "title", title),
                new XElement(Ns + "updated", Timestamp(report.Effective)),
                new XElement(Ns + "published", Timestamp(report.Effective)),
                new XElement(Ns + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", Abs(path))),
                new XElement(Ns + "category", new XAttribute("term", plan.Id), new XAttribute("label", planTitle)),
                new XElement(Ns + "summary", summary)));
        }

        foreach (var (commune, report) in communeReports)
        {
            var label = lang == "en" && report.LabelEn is not null ? report.LabelEn : report.Label;
            var href = report.Url ?? Abs(Routes.Commune(commune.Id));
            feed.Add(new XElement(Ns + "entry",
                new XElement(Ns + "id", report.Url ?? $"tag:{Host(config.BaseUrl)},{report.Effective.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{commune.Id}/{report.PlanId}/{report.ReportId}"),
                new XElement(Ns + "title", $"{commune.Name}: {t.ReportTitle(label, report.Number)}"),
                new XElement(Ns + "updated", Timestamp(report.Effective)),
                new XElement(Ns + "published", Timestamp(report.Effective)),
                new XElement(Ns + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", href)),
                new XElement(Ns + "category", new XAttribute("term", commune.Id), new XAttribute("label", commune.Name))));
        }
        SupervisionEntries(feed, portal, t);

        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var w = XmlWriter.Create(stream, settings)) new XDocument(feed).Save(w);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>
    /// An entry for each of the Front's supervisions (on its date) and each answer counted on as_of (on the answer's
    /// date); then every entry newest first (reports included, the order stable) and the feed's date the newest entry's.
    /// </summary>
    private static void SupervisionEntries(XElement feed, Portal portal, Strings t)
    {
        if (portal.Supervision.Supervisions.Count == 0) return;
        var config = portal.Config;
        var lang = t.Lang;
        string Abs(string path) => config.BaseUrl + Routes.InLanguage(path, lang, config.DefaultLanguage);
        string Id(string path, DateOnly date, string tag) => IsAbsolute(config.BaseUrl)
            ? Abs(path) : $"tag:{Host(config.BaseUrl)},{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{tag}";
        XElement Entry(string id, string title, DateOnly date, string href, string summary) => new(Ns + "entry",
            new XElement(Ns + "id", id),
            new XElement(Ns + "title", title),
            new XElement(Ns + "updated", Timestamp(date)),
            new XElement(Ns + "published", Timestamp(date)),
            new XElement(Ns + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", href)),
            new XElement(Ns + "category", new XAttribute("term", "supervision"), new XAttribute("label", t["supervision_title"])),
            new XElement(Ns + "summary", summary));
        foreach (var s in portal.Supervision.Supervisions)
        {
            var sv = s.Supervision;
            var path = Routes.Supervision(sv.Id);
            var title = sv.Title.Get(lang);
            feed.Add(Entry(Id(path, sv.Issued, $"supervision/{sv.Id}"), t.Format("feed_supervision_title", title), sv.Issued, Abs(path),
                t.Format("feed_supervision_summary", sv.Number ?? "", sv.Recommendations.Count)));
            foreach (var r in s.Recommendations.Where(r => r.Answer is not null))
            {
                var answer = r.Answer!;
                var anchor = Routes.RecommendationAnchor(r.Recommendation.No);
                var state = t[$"rec_{r.State.Id()}"];
                feed.Add(Entry(Id(path, answer.Date, $"supervision/{sv.Id}/{anchor}") + (IsAbsolute(config.BaseUrl) ? "#" + anchor : ""),
                    t.Format("feed_answer_title", r.Recommendation.No, r.Recommendation.Text.Get(lang)), answer.Date, Abs(path) + "#" + anchor,
                    $"{state}. {answer.Text?.Get(lang) ?? ""}".Trim()));
            }
        }
        var entries = feed.Elements(Ns + "entry").ToList();
        entries.Remove();
        // OrderBy is stable: entries of the same day keep their order (reports first, as written).
        var sorted = entries.OrderByDescending(e => (string)e.Element(Ns + "updated")!, StringComparer.Ordinal).ToList();
        feed.Add(sorted);
        feed.Element(Ns + "updated")!.Value = (string)sorted[0].Element(Ns + "updated")!;
    }
}
