namespace CchcPortal.Site.Render;

// Typed view models: everything a layout shows, already derived, formatted and localised.
// Layouts only place these values; they compute nothing. Names reach Scriban in snake_case.

/// <summary>A text with the language it is written in when that differs from the page's (for a lang attribute).</summary>
public sealed record Txt(string Text, string? Lang = null)
{
    public override string ToString() => Text;
}

/// <summary>Markup that is already safe (sanitised Markdown, a chart drawn by the tool): written as it is, never escaped.</summary>
public sealed record Html(string Value, string? Lang = null)
{
    public override string ToString() => Value;

    /// <summary>
    /// Escapes only what HTML needs (&amp; &lt; &gt; &quot;): Vietnamese letters and the CSP's 'self' stay readable in the
    /// source. Safe because every layout quotes its attributes with double quotes (html-validate checks the output).
    /// </summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.AsSpan().IndexOfAny(EscapedChars) < 0) return text ?? "";
        var sb = new System.Text.StringBuilder(text.Length + 16);
        AppendEscaped(sb, text);
        return sb.ToString();
    }

    private static readonly System.Buffers.SearchValues<char> EscapedChars = System.Buffers.SearchValues.Create("&<>\"");

    /// <summary><see cref="Escape"/> straight into a buffer.</summary>
    public static void AppendEscaped(System.Text.StringBuilder sb, string text)
    {
        var rest = text.AsSpan();
        int i;
        while ((i = rest.IndexOfAny(EscapedChars)) >= 0)
        {
            sb.Append(rest[..i]).Append(rest[i] switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ => "&quot;" });
            rest = rest[(i + 1)..];
        }
        sb.Append(rest);
    }
}

/// <summary>A link; <see cref="Url"/> is relative to the page, so the site works under any folder of a host.</summary>
public sealed record Link(string Url, Txt Text);

public sealed record StatusVm(string Id, string Label, string Icon);

public sealed record Alternate(string Lang, string Label, string Url, string AbsoluteUrl, bool Current);

public sealed record Crumb(string? Url, Txt Text);

/// <summary>What every page has: language, links to its root and twins, breadcrumbs, the site's chrome.</summary>
public sealed record PageContext(
    string Lang, string Root, string Kind, Txt Title, string CanonicalUrl, IReadOnlyList<Crumb> Breadcrumbs,
    IReadOnlyList<Alternate> Alternates, bool Untranslated, string SiteTitle, string? Commune, string HomeUrl,
    IReadOnlyList<Link> Nav, IReadOnlyList<Link> FooterLinks, string AsOf, string License, string? Description, string Css, string? Script,
    string? LastUpdated)
{
    /// <summary>The plan a printed page is about ("45/KH-UBND: Kế hoạch …"), in the margin of every sheet; null for the others.</summary>
    public string? PrintPlan { get; init; }

    /// <summary>Whether the page is a province's roll-up: its footer names the communes' data, not the commune's plans; its card and search page speak of communes.</summary>
    public bool Rollup { get; init; }

    /// <summary>A feed of this page's own subject (a unit's, an area's), linked with &lt;link rel="alternate"&gt; beside the site's.</summary>
    public Link? Feed { get; init; }

    /// <summary>The Content-Security-Policy for the meta tag: the same text the server configuration sends as a header.</summary>
    public string Csp { get; init; } = Output.ServerConfig.ContentSecurityPolicy;

    /// <summary>The &lt;title&gt;: "page · site" when that fits in 70 characters (what browsers' tabs and search results show),
    /// else the page's title alone, shortened at a word with "…" if even that is too long. The h1 always has it in full.</summary>
    public string HeadTitle => Kind == "home" ? Fit(Title.Text)
        : Length($"{Title.Text} · {SiteTitle}") <= MaxTitle ? $"{Title.Text} · {SiteTitle}" : Fit(Title.Text);

    public const int MaxTitle = 70;

    /// <summary>Open Graph's locale: "vi_VN", "en_US", else the language code.</summary>
    public string OgLocale => Lang switch { "vi" => "vi_VN", "en" => "en_US", _ => Lang };

    private static string Fit(string text)
    {
        if (Length(text) <= MaxTitle) return text;
        while (text.Length > 1 && Length(text) > MaxTitle - 1)
        {
            var cut = text.LastIndexOf(' ', text.Length - 2);
            text = (cut > 0 ? text[..cut] : text[..^1]).TrimEnd(' ', ',', ';', ':', '-', '–');
            if (text.Length > 0 && char.IsHighSurrogate(text[^1])) text = text[..^1];
        }
        return text + "…";
    }

    /// <summary>Length as written in the HTML source (escaped), which is what validators measure.</summary>
    private static int Length(string text) => text.Sum(c => c switch { '&' or '\'' => 5, '<' or '>' => 4, '"' => 6, _ => 1 });
}

public sealed record TaskRow(
    int No, string Url, Txt Title, Link? Area, Link? Lead, IReadOnlyList<Link> Cooperating, string Deadline, StatusVm Status,
    int? Progress, bool Overdue, int DaysOverdue, string? OverdueSince, bool NoReport, Txt? Note, string? Evidence, Link? Plan)
{
    /// <summary>A moved deadline's mark in lists, "Đã điều chỉnh 1 lần, ban đầu: Tháng 9/2025"; null when never moved.</summary>
    public string? Moved { get; init; }
}

public sealed record TargetRow(
    string Url, Txt Title, Link? Area, Link? Lead, string Goal, string? Baseline, string? Latest, StatusVm Result, Link? Plan)
{
    /// <summary>A moved goal's mark in lists, "Đã điều chỉnh 1 lần, ban đầu: ≥ 95%"; null when never moved.</summary>
    public string? Moved { get; init; }
}

/// <summary>One earlier deadline or goal: the value (as written, Vietnamese), the day the change took effect, the decision.</summary>
public sealed record RevisionVm(string Value, string On, string? By);

/// <summary>"Thời hạn đã điều chỉnh 2 lần", each earlier value oldest first, and how far the deadline moved ("Lùi 92 ngày …").</summary>
public sealed record RevisionsVm(string Heading, IReadOnlyList<RevisionVm> Items, string? Distance);

/// <summary>A row of the monitoring page's moved deadlines: the task, its first deadline, how often and how far it moved.</summary>
public sealed record MovedTaskVm(TaskRow Row, string Original, int Revisions, string? Distance);

public sealed record AreaGroup(string Id, string Name, string Url, IReadOnlyList<TargetRow> Targets, IReadOnlyList<TaskRow> Tasks);

public sealed record CountsVm(int Total, int NotStarted, int InProgress, int Done, int Cancelled, int Overdue, int NoReport,
    int TargetsMet, int TargetsNotMet, int TargetsNoData, int TargetsTotal, int DonePercent);

public sealed record PlanSummary(Link Plan, string? Number, string? Issued, string? Period, StatusVm Status, CountsVm Counts, Link? LatestReport, string? LatestReportDate);

public sealed record HomeVm(PlanSummary? Current, IReadOnlyList<PlanSummary> Others, IReadOnlyList<Link> Pages, IReadOnlyList<TaskRow> Overdue, string MonitoringUrl, string SearchUrl, string UnitsUrl, string AreasUrl)
{
    /// <summary>How many of the Front's recommendations await an answer (null when the site has no supervision).</summary>
    public RecommendationCountsVm? Recommendations { get; init; }
    public string? SupervisionsUrl { get; init; }
}

public sealed record LegalBasisVm(string Number, string? Date, string? Issuer, Txt? Title, string? Url);

public sealed record PeriodVm(string Id, Txt Label, string? From, string? To, string Due, Link? Report, bool Past);

public sealed record PlanVm(
    PlanSummary Summary, Txt Title, string? Number, string? Issuer, string? Issued, string? Period, string? DocumentUrl,
    Link? ReplacedBy, IReadOnlyList<LegalBasisVm> LegalBases, IReadOnlyList<PeriodVm> Reporting, IReadOnlyList<AreaGroup> Areas,
    Html Body, Txt? BodyLangNote);

public sealed record HistoryRow(Link Report, Txt Period, string? Date, StatusVm Status, int? Progress, Txt? Note, string? Evidence);

public sealed record MilestoneVm(string? Label, string Text, string Due, bool Passed);

public sealed record TaskVm(TaskRow Row, Link Plan, Txt? Product, string DeadlineKind, IReadOnlyList<MilestoneVm> Milestones,
    string? FinalDue, IReadOnlyList<HistoryRow> History, Html Body, string? Authority)
{
    /// <summary>The deadline's earlier values, when a decision moved it.</summary>
    public RevisionsVm? Revised { get; init; }

    /// <summary>How to follow this task: its lead unit's feed and calendar (paths relative to the page).</summary>
    public FollowVm? Follow { get; init; }

    /// <summary>The Front's supervisions that concern this task, each with its recommendations.</summary>
    public IReadOnlyList<RecommendationGroupVm> Supervisions { get; init; } = [];
}

/// <summary>A unit's Atom feed and iCalendar file, to follow what it leads.</summary>
public sealed record FollowVm(Link Unit, string FeedUrl, string? CalendarUrl);

public sealed record TargetPointVm(Link Report, Txt Period, string Value, StatusVm Met);

public sealed record TargetVm(TargetRow Row, Link Plan, string Metric, string? Max, IReadOnlyList<TargetPointVm> Points, Html? Chart,
    Html Body)
{
    /// <summary>The goal's earlier values, when a decision moved it.</summary>
    public RevisionsVm? Revised { get; init; }
}

public sealed record ReportTaskVm(TaskRow Row, StatusVm? Previous, int? PreviousProgress, string Change, bool Changed);

public sealed record ReportTargetVm(TargetRow Row, string? Value, string? Previous, StatusVm Met, string Change);

public sealed record ReportVm(Link Plan, Txt Period, string? Number, string? Issued, string? From, string? To, Html Body,
    IReadOnlyList<ReportTaskVm> Tasks, IReadOnlyList<ReportTargetVm> Targets, IReadOnlyList<TaskRow> NotMentioned,
    Link? Previous, Link? Next);

public sealed record UnitVm(Txt Name, Txt? Short, string Role, Html Body, CountsVm Counts, IReadOnlyList<TaskRow> Leads,
    IReadOnlyList<TaskRow> Cooperates, IReadOnlyList<TargetRow> Targets)
{
    /// <summary>The unit's Atom feed and calendar (relative to the page), when it leads anything.</summary>
    public FollowVm? Follow { get; init; }
    /// <summary>The Front's recommendations addressed to this unit and how it answered.</summary>
    public IReadOnlyList<RecommendationRow> Recommendations { get; init; } = [];
    public RecommendationCountsVm? RecommendationCounts { get; init; }
}

public sealed record UnitListItem(Link Unit, Txt? Short, string Role, CountsVm Counts);

public sealed record UnitsVm(IReadOnlyList<UnitListItem> Units);

public sealed record AreaVm(string Name, IReadOnlyList<AreaGroup> Plans)
{
    /// <summary>The area's Atom feed (relative to the page).</summary>
    public string? FeedUrl { get; init; }
}

public sealed record AreaListItem(Link Area, int Tasks, int Targets, int Overdue);

public sealed record AreasVm(IReadOnlyList<AreaListItem> Areas);

public sealed record MonitoringGroup(Link Unit, IReadOnlyList<TaskRow> Overdue, IReadOnlyList<TaskRow> NoReport);

public sealed record MonitoringVm(string AsOf, IReadOnlyList<MonitoringGroup> Groups, int OverdueCount, int NoReportCount,
    IReadOnlyList<TargetRow> TargetsNotMet, IReadOnlyList<Link> Plans)
{
    /// <summary>Tasks whose deadline a decision moved, furthest first.</summary>
    public IReadOnlyList<MovedTaskVm> Moved { get; init; } = [];

    /// <summary>Targets whose goal a decision moved.</summary>
    public IReadOnlyList<TargetRow> GoalsMoved { get; init; } = [];
    /// <summary>The Front's recommendations awaiting an answer, by the unit asked (overdue first); empty without supervisions.</summary>
    public IReadOnlyList<RecommendationUnitGroup> Awaiting { get; init; } = [];
    public RecommendationCountsVm? RecommendationCounts { get; init; }
    public string? SupervisionsUrl { get; init; }
}

public sealed record FreePageVm(Html Body);

/// <summary>Recommendations counted by state; "answered" and "carried out" are different facts.</summary>
public sealed record RecommendationCountsVm(int Total, int Answered, int CarriedOut, int Accepted, int Explained, int Declined, int Awaiting, int Overdue,
    string Summary);

/// <summary>
/// One recommendation of the Front as a row: its text, the unit asked, when an answer is due, its state on as_of in words
/// and a shape, and the answer (date, document number, text). <see cref="Supervision"/> links to it where it is listed
/// outside its supervision's page.
/// </summary>
public sealed record RecommendationRow(int No, string Anchor, Txt Text, Link? Unit, string? Due, StatusVm State, int DaysOverdue,
    string? AnswerDate, string? AnswerNumber, Txt? AnswerText, int DaysLate, Link? Supervision);

/// <summary>A supervision with the recommendations shown under it (a task's page).</summary>
public sealed record RecommendationGroupVm(Link Supervision, string? Number, string Issued, IReadOnlyList<RecommendationRow> Recommendations);

/// <summary>The recommendations awaiting an answer that one unit was asked (the monitoring page).</summary>
public sealed record RecommendationUnitGroup(Link Unit, int Overdue, IReadOnlyList<RecommendationRow> Recommendations);

/// <summary>A supervision in the list of /giam-sat/.</summary>
public sealed record SupervisionItem(Link Supervision, string? Number, string Issued, Link? By, RecommendationCountsVm Counts);

public sealed record SupervisionsVm(string AsOf, IReadOnlyList<SupervisionItem> Supervisions, RecommendationCountsVm Counts);

public sealed record SupervisionVm(SupervisionItem Summary, Txt Title, Html Body, string? DocumentUrl, Link? Plan, IReadOnlyList<TaskRow> Tasks,
    IReadOnlyList<RecommendationRow> Recommendations, string AsOf);

public sealed record SearchVm(IReadOnlyList<AreaGroup> Areas, IReadOnlyList<Link> Plans, IReadOnlyList<Link> Units, string IndexUrl,
    IReadOnlyList<SearchFilter> Filters)
{
    /// <summary>On a province's roll-up, every commune's page: what the page lists without JavaScript (it has no tasks of its own).</summary>
    public IReadOnlyList<Link> Communes { get; init; } = [];
}

/// <summary>A &lt;select&gt; of the search form: its GET parameter, label and options (value = id).</summary>
public sealed record SearchFilter(string Name, string Label, IReadOnlyList<SearchChoice> Options);

public sealed record SearchChoice(string Value, Txt Label);

public sealed record DownloadRow(string Url, Txt Title, string File, string Format, string Size);

public sealed record DownloadGroup(string Id, Txt Title, IReadOnlyList<DownloadRow> Files);

public sealed record OpenDataVm(string License, string? LicenseUrl, string AsOf, string DataPackageUrl, IReadOnlyList<DownloadGroup> Groups)
{
    /// <summary>The progress card for the commune's own website: its address and the snippet to paste.</summary>
    public EmbedSnippetVm? Embed { get; init; }
}

/// <summary>The card other sites show in a frame (/embed/): the current plan's figures, the same summary the home page shows.</summary>
/// <param name="MonitoringUrl">The card's second link: the monitoring page, or on a roll-up the communes compared by area (<see cref="PageContext.Rollup"/>).</param>
public sealed record EmbedVm(PlanSummary? Current, string HomeUrl, string MonitoringUrl, string AsOf)
{
    /// <summary>How many of the Front's recommendations await an answer (null when the site has no supervision).</summary>
    public RecommendationCountsVm? Recommendations { get; init; }
    public string? SupervisionsUrl { get; init; }
}

/// <summary>How to put the card on another site: its absolute address (when base_url is one), the &lt;iframe&gt; to paste,
/// the frame's height, the origins allowed to frame it, and the card's address from the page (for a preview).</summary>
public sealed record EmbedSnippetVm(string Url, bool Absolute, string Snippet, int Height, IReadOnlyList<string> Origins, string PreviewUrl)
{
    /// <summary>An origin for the <c>embed_origins:</c> example, from the site's own address (never another commune's).</summary>
    public string Example { get; init; } = "https://ten-xa.tinh.gov.vn";
}

/// <summary>One page to write: where, with which layout, and its view model.</summary>
public sealed record PageJob(string Path, string Layout, PageContext Page, object Model)
{
    /// <summary>The layout is the whole document, without <c>_base</c> around it (the embeddable card: no header, menu or footer).</summary>
    public bool Standalone { get; init; }
}

/// <summary>A page of the site before it is rendered: its path (language prefix included), language, and how to make its view model.</summary>
public sealed record PageSource(string Path, string Lang, Func<PageJob> Make)
{
    /// <summary>Listed in the sitemap (not the 404 page).</summary>
    public bool Listed { get; init; } = true;

    /// <summary>Its view model lists what the outputs wrote (the open-data page, with file sizes): rendered after them.</summary>
    public bool AfterOutputs { get; init; }
}
