using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Text;

namespace CchcPortal.Core.Model;

/// <summary>Text that may be translated: the Vietnamese original and any translations by language code.</summary>
public sealed record TranslatedText(string Vi, IReadOnlyDictionary<string, string>? Translations = null)
{
    public string? In(string lang) => lang == "vi" ? Vi : Translations is { } t && t.TryGetValue(lang, out var s) ? s : null;
    public string Get(string lang) => In(lang) ?? Vi;
    public bool IsTranslated(string lang) => In(lang) is not null;
    public static readonly TranslatedText Empty = new("");
    public override string ToString() => Vi;
}

public sealed record SiteConfig(
    string Title, string? Commune, string? Province, string BaseUrl, IReadOnlyList<string> Languages,
    DateOnly AsOf, bool AsOfGiven, string Theme, string License, EditorSettings? Editor = null)
{
    public string DefaultLanguage => Languages[0];

    /// <summary>The sites that may show /embed/ in a frame (<c>embed_origins:</c>), normalised; empty: the portal itself only.</summary>
    public IReadOnlyList<string> EmbedOrigins { get; init; } = [];

    /// <summary><c>communes:</c> — the portals of the communes a province's roll-up reads (empty: a commune's own site).</summary>
    public IReadOnlyList<CommuneSource> Communes { get; init; } = [];

    /// <summary>A site that lists <c>communes:</c> is a province's roll-up of them.</summary>
    public bool IsRollup => Communes.Count > 0;

    /// <summary>Where <c>as_of</c> is written in site.yaml, when it is.</summary>
    public Diagnostics.SourceLocation? AsOfAt { get; init; }

    /// <summary><c>historical: true</c>: the site shows figures of the past on purpose, so an old <c>as_of</c> is no mistake (no CC0039).</summary>
    public bool Historical { get; init; }
}

/// <summary>One commune of a roll-up: its portal's address (ending in "/") and where site.yaml lists it.</summary>
public sealed record CommuneSource(string Url, Diagnostics.SourceLocation At);

/// <summary>site.yaml <c>editor:</c> — the web editor at /admin/ commits to this repository and branch on this git host.</summary>
public sealed record EditorSettings(string Backend, string Repo, string Branch)
{
    public static readonly IReadOnlyList<string> Backends = ["github", "gitlab"];
}

public enum UnitRole { Office, Standing, Monitor }

public sealed record Unit(string Id, string Source, TranslatedText Name, TranslatedText? Short, UnitRole Role, TranslatedText Body);

public enum PlanStatus { Draft, Active, Completed, Replaced }

public sealed record LegalBasis(string Number, DateOnly? Date, string? Issuer, string? Title);

public sealed record ReportingPeriod(string Id, TranslatedText Label, DateOnly? From, DateOnly? To, DateOnly Due);

public sealed record Page(string Slug, string Source, TranslatedText Title, TranslatedText Body);

public enum Metric { Percent, Count, Points, Index, Boolean }

public sealed record Baseline(decimal Value, DateOnly? Date);

/// <summary>Where each front-matter value of a file was written, for diagnostics found after loading.</summary>
public sealed record Positions(string File, IReadOnlyDictionary<string, SourceLocation> Values)
{
    public SourceLocation this[string key] => Values.TryGetValue(key, out var at) ? at : new(File, 1, 1);
}

public sealed record Target(
    string PlanId, string Id, string Source, Area Area, TranslatedText Title, Metric Metric, Goal Goal, decimal? Max,
    Baseline? Baseline, string? LeadId, TranslatedText Body, Positions At)
{
    /// <summary>Earlier goals (<c>revised:</c>), oldest first; empty when the goal was never moved.</summary>
    public IReadOnlyList<GoalRevision> Revised { get; init; } = [];

    /// <summary>The goal the plan first set: the oldest earlier one, or the current one when it never moved.</summary>
    public Goal OriginalGoal => Revised.Count > 0 ? Revised[0].Goal : Goal;

    public int Revisions => Revised.Count;

    /// <summary>The goal as written, when it was written and understood (not a default of points or boolean targets).</summary>
    public string? GoalText { get; init; }
}

public sealed record PlanTask(
    string PlanId, string Id, string Source, int No, Area Area, TranslatedText Title, TranslatedText? Product,
    string LeadId, IReadOnlyList<string> CooperatingIds, Deadline Deadline, TranslatedText Body, Positions At)
{
    /// <summary>Earlier deadlines (<c>revised:</c>), oldest first; empty when the deadline was never moved.</summary>
    public IReadOnlyList<DeadlineRevision> Revised { get; init; } = [];

    /// <summary>The deadline the plan first set: the oldest earlier one, or the current one when it never moved.</summary>
    public Deadline OriginalDeadline => Revised.Count > 0 ? Revised[0].Deadline : Deadline;

    public int Revisions => Revised.Count;

    /// <summary>
    /// How far the deadline moved, in days: from the earliest due date of the first deadline to the earliest due date of the
    /// current one (negative when brought forward); null when it never moved or either has no due date ("Thường xuyên").
    /// </summary>
    public int? DaysMoved { get; private init; }

    /// <summary>The same task with its earlier deadlines, and how far they moved it, set once.</summary>
    public PlanTask WithRevisions(IReadOnlyList<DeadlineRevision> revised) => this with
    {
        Revised = revised,
        DaysMoved = revised.Count > 0 && revised[0].Deadline.FirstDue is { } first && Deadline.FirstDue is { } now ? now.DayNumber - first.DayNumber : null,
    };
}

/// <summary>One earlier deadline of a task: what it was, the day the change took effect, and the document that made it (as written).</summary>
public sealed record DeadlineRevision(Deadline Deadline, DateOnly On, string? By)
{
    /// <summary>Its place in the <c>revised:</c> list as written (an entry with a mistake is left out of the model).</summary>
    public int Entry { get; init; }
}

/// <summary>One earlier goal of a target, as <see cref="DeadlineRevision"/>; <paramref name="Text"/> as written.</summary>
public sealed record GoalRevision(Goal Goal, string Text, DateOnly On, string? By)
{
    /// <summary>Its place in the <c>revised:</c> list as written.</summary>
    public int Entry { get; init; }
}

public enum TaskStatus { NotStarted, InProgress, Done, Cancelled }

public sealed record TaskEntry(TaskStatus Status, int? Progress, TranslatedText? Note, string? Evidence);

public sealed record TargetEntry(decimal? Value, bool? Flag, TranslatedText? Note);

public sealed record Report(
    string PlanId, string Id, string Source, ReportingPeriod Period, string? Number, DateOnly? Issued,
    IReadOnlyDictionary<int, TaskEntry> Tasks, IReadOnlyDictionary<string, TargetEntry> Targets, TranslatedText Body, Positions At)
{
    /// <summary>The day the report counts from: its issue date, or the period's due date when not given.</summary>
    public DateOnly Effective => Issued ?? Period.Due;
}

public sealed record Plan(
    string Id, string Source, string? Number, TranslatedText Title, string? Issuer, DateOnly? Issued,
    DateOnly? PeriodFrom, DateOnly? PeriodTo, PlanStatus Status, string? ReplacedBy, string? Document,
    IReadOnlyList<LegalBasis> LegalBases, IReadOnlyList<ReportingPeriod> Reporting, TranslatedText Body,
    IReadOnlyList<Target> Targets, IReadOnlyList<PlanTask> Tasks, IReadOnlyList<Report> Reports, Positions At);

/// <summary>The loaded, validated content of a site, before derived facts.</summary>
public sealed record SiteContent(
    SiteConfig Config, IReadOnlyList<Unit> Units, IReadOnlyList<Plan> Plans, IReadOnlyList<Page> Pages,
    IReadOnlyList<StaticFile> StaticFiles, Loading.GitHistory History)
{
    /// <summary>The Front's supervisions (<c>content/supervision/</c>), in path order.</summary>
    public IReadOnlyList<Supervision> Supervisions { get; init; } = [];
}

public sealed record StaticFile(string RelativePath, string FullPath);
