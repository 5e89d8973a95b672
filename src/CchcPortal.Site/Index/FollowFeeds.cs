using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using CchcPortal.Site.Build;
using CchcPortal.Site.Output;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>
/// Feeds to follow one unit or one area (issue 36), in every language, beside their pages (<see cref="Routes.UnitFeed"/>,
/// <see cref="Routes.AreaFeed"/>): an entry per report that speaks of their tasks and one per moved deadline. Atom
/// (RFC 4287) like the site's feed: ids and dates from the content, never the clock; only the latest
/// <see cref="MaxEntries"/> entries, so a feed stays small however long the portal runs.
/// </summary>
public sealed class FollowFeeds : ISiteOutput
{
    public const int MaxEntries = 20;

    /// <summary>
    /// One entry: a stable id, the day it happened, the page it links to (a path from the site root), and what it says.
    /// What it says is made only when read: a feed keeps its latest <see cref="MaxEntries"/> of many candidates.
    /// </summary>
    public sealed class Entry(string id, DateOnly updated, string path, Func<(string Title, string Summary)> text, string? category = null)
    {
        private (string Title, string Summary)? _text;
        public string Id => id;
        public DateOnly Updated => updated;
        public string Path => path;
        public string? Category => category;
        public string Title => (_text ??= text()).Title;
        public string Summary => (_text ??= text()).Summary;
    }

    public void Write(BuildContext context, SiteWriter writer)
    {
        var portal = context.Portal;
        var config = portal.Config;
        var jobs = new List<(string Path, Action<Stream> Write)>();
        foreach (var lang in config.Languages)
        {
            var t = context.Strings[lang];
            foreach (var s in portal.Scores.Where(s => s.Leads.Count > 0))
                jobs.Add((Routes.InLanguage(Routes.UnitFeed(s.Unit.Id), lang, config.DefaultLanguage), stream =>
                    Atom(stream, portal, t, Routes.UnitFeed(s.Unit.Id), t.Format("feed_unit_title", s.Unit.Name.Get(lang)), Routes.Unit(s.Unit.Id),
                        UnitEntries(portal, s, t))));
            foreach (var a in portal.Areas)
                jobs.Add((Routes.InLanguage(Routes.AreaFeed(a.Area.Id), lang, config.DefaultLanguage), stream =>
                    Atom(stream, portal, t, Routes.AreaFeed(a.Area.Id), t.Format("feed_area_title", AreaName(t, a.Area)), Routes.Area(a.Area.Id),
                        TaskEntries(portal, a.Tasks, t, "linh-vuc-" + a.Area.Id))));
        }
        Parallel.For(0, jobs.Count, i => writer.Write(jobs[i].Path, jobs[i].Write));
    }

    private static string AreaName(Strings t, Area a) => t.Values.TryGetValue("area_" + a.Id.Replace('-', '_'), out var name) ? name : a.Name(t.Lang);

    /// <summary>
    /// What a unit's followers hear of: the tasks it leads (reports, moved deadlines) and each answer it gave to a
    /// recommendation of the Front (dated by the answer, linking the recommendation on its supervision's page).
    /// </summary>
    public static IEnumerable<Entry> UnitEntries(Portal portal, UnitScore unit, Strings t) =>
        TaskEntries(portal, unit.Leads, t, "don-vi-" + unit.Unit.Id).Concat(AnswerEntries(portal, unit.Unit.Id, t));

    /// <summary>The answers a unit gave to the Front's recommendations, as counted on as_of.</summary>
    private static IEnumerable<Entry> AnswerEntries(Portal portal, string unitId, Strings t)
    {
        var config = portal.Config;
        foreach (var r in portal.Supervision.AddressedTo(unitId))
        {
            if (r.Answer is not { } answer) continue;
            var path = Routes.Supervision(r.Supervision.Id) + "#" + Routes.RecommendationAnchor(r.Recommendation.No);
            var id = Feeds.IsAbsolute(config.BaseUrl)
                ? $"{config.BaseUrl}{path}-don-vi-{unitId}"
                : $"tag:{Feeds.Host(config.BaseUrl)},{answer.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:don-vi-{unitId}/{path}";
            yield return new Entry(id, answer.Date, path, () =>
            {
                var result = t["rec_" + r.State.Id()];
                return (t.Format("feed_answer_entry", r.Recommendation.No, r.Supervision.Title.Get(t.Lang), result),
                    (answer.Number is null ? "" : answer.Number + ": ") + (answer.Text?.Get(t.Lang) ?? result));
            }, r.Supervision.PlanId);
        }
    }

    /// <summary>For a set of tasks: each report mentioning some of them, and each time a decision moved one's deadline.</summary>
    /// <param name="scope">Makes entry ids unique to this feed ("don-vi-vh-xh"): the same report is an entry of several feeds.</param>
    public static IEnumerable<Entry> TaskEntries(Portal portal, IReadOnlyList<TaskState> tasks, Strings t, string scope)
    {
        var config = portal.Config;
        var lang = t.Lang;
        string Id(string path, string fragment, DateOnly date) => Feeds.IsAbsolute(config.BaseUrl)
            ? $"{config.BaseUrl}{path}#{scope}-{fragment}"
            : $"tag:{Feeds.Host(config.BaseUrl)},{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}:{scope}/{path}{fragment}";

        // Reports by identity: a record's own hash would read its whole body, once per mention.
        var reports = tasks.SelectMany(x => x.History.Select(h => (h.Report, Task: x.Task, h.Entry)))
            .GroupBy(x => x.Report, ReferenceEqualityComparer.Instance);
        foreach (var g in reports)
        {
            var report = (Report)g.Key!;
            var path = Routes.Report(report.PlanId, report.Id);
            yield return new Entry(Id(path, "", report.Effective), report.Effective, path, () =>
            {
                var plan = portal.Plan(report.PlanId)?.Plan;
                var mentioned = g.OrderBy(x => x.Task.No).ToList();
                var lines = mentioned.Select(x => $"{t["task"]} {x.Task.No}: {t["status_" + x.Entry.Status.Id().Replace('-', '_')]}"
                    + (x.Entry.Progress is { } p && x.Entry.Status != Core.Model.TaskStatus.Done ? $" ({p}%)" : ""));
                return (t.Format("feed_report_entry", t.ReportTitle(report.Period.Label.Get(lang), report.Number), mentioned.Count),
                    (plan is null ? "" : plan.Title.Get(lang) + ". ") + string.Join("; ", lines) + ".");
            }, report.PlanId);
        }
        foreach (var x in tasks.Where(x => x.Task.Revisions > 0))
        {
            var task = x.Task;
            var path = Routes.Task(task.PlanId, task.Id);
            for (var i = 0; i < task.Revised.Count; i++)
            {
                var r = task.Revised[i];
                var to = i + 1 < task.Revised.Count ? task.Revised[i + 1].Deadline.Text : task.Deadline.Text;
                yield return new Entry(Id(path, $"revised-{i + 1}", r.On), r.On, path, () =>
                    (t.Format("feed_moved_entry", task.No, r.Deadline.Text, to),
                     t.Format("feed_moved_summary", task.Title.Get(lang), VnDate.Short(r.On, lang), r.By is null ? "" : $", {t["revision_by"]} {r.By}")),
                    task.PlanId);
            }
        }
    }

    /// <summary>The latest entries, newest first (then by id, so the order never depends on the order they were made in).</summary>
    public static IReadOnlyList<Entry> Latest(IEnumerable<Entry> entries) =>
        entries.OrderByDescending(e => e.Updated).ThenBy(e => e.Id, StringComparer.Ordinal).Take(MaxEntries).ToList();

    private static readonly XNamespace Ns = "http://www.w3.org/2005/Atom";

    /// <param name="self">The feed's path without language prefix.</param><param name="alternate">Its page's path, likewise.</param>
    public static void Atom(Stream stream, Portal portal, Strings t, string self, string title, string alternate, IEnumerable<Entry> entries)
    {
        var config = portal.Config;
        var lang = t.Lang;
        string Abs(string path) => config.BaseUrl + Routes.InLanguage(path, lang, config.DefaultLanguage);
        var latest = Latest(entries);
        var feed = new XElement(Ns + "feed", new XAttribute(XNamespace.Xml + "lang", lang),
            new XElement(Ns + "title", $"{title} · {config.Title}"),
            new XElement(Ns + "id", Feeds.IsAbsolute(config.BaseUrl) ? Abs(self) : $"tag:{Feeds.Host(config.BaseUrl)},2025:{lang}/{self}"),
            new XElement(Ns + "updated", Feeds.Timestamp(latest.Count > 0 ? latest[0].Updated : config.AsOf)),
            new XElement(Ns + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", Abs(self))),
            new XElement(Ns + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", Abs(alternate))),
            new XElement(Ns + "author", new XElement(Ns + "name", config.Commune ?? config.Title)),
            new XElement(Ns + "rights", config.License),
            new XElement(Ns + "generator", "CchcPortal"));
        foreach (var e in latest)
        {
            var entry = new XElement(Ns + "entry",
                new XElement(Ns + "id", e.Id),
                new XElement(Ns + "title", e.Title),
                new XElement(Ns + "updated", Feeds.Timestamp(e.Updated)),
                new XElement(Ns + "published", Feeds.Timestamp(e.Updated)),
                new XElement(Ns + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", Abs(e.Path))));
            if (e.Category is { } c) entry.Add(new XElement(Ns + "category", new XAttribute("term", c)));
            entry.Add(new XElement(Ns + "summary", e.Summary));
            feed.Add(entry);
        }
        var settings = new XmlWriterSettings { Indent = true, NewLineChars = "\n", Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var w = XmlWriter.Create(stream, settings)) new XDocument(feed).Save(w);
        stream.WriteByte((byte)'\n');
    }
}
