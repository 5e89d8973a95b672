namespace CchcPortal.Core.Model;

/// <summary>What the commune answered to a recommendation of the Front (contract ids in <see cref="StatusIds"/>).</summary>
public enum AnswerResult { Accepted, Done, Explained, Declined }

/// <summary>The commune's answer to one recommendation: its date, document, result and text.</summary>
public sealed record Answer(DateOnly Date, string? Number, AnswerResult Result, TranslatedText? Text);

/// <summary>One recommendation (kiến nghị) of a supervision: what the Front asks, of which unit, by when, and the answer if any.</summary>
public sealed record Recommendation(int No, TranslatedText Text, string ToId, DateOnly? Due, Answer? Answer);

/// <summary>
/// One supervision (giám sát) by the Front (<c>content/supervision/&lt;id&gt;.md</c>): its document, the plan and tasks
/// it concerns, its findings (the body) and its recommendations.
/// </summary>
public sealed record Supervision(
    string Id, string Source, TranslatedText Title, string ById, string? Number, DateOnly Issued, string? PlanId, IReadOnlyList<int> TaskNos,
    string? Document, IReadOnlyList<Recommendation> Recommendations, TranslatedText Body, Positions At);

/// <summary>
/// A recommendation on <c>as_of</c>: awaiting an answer, overdue for one (its <c>due</c> has passed), or answered with
/// the answer's result. An answer dated after <c>as_of</c> does not count yet (as a report issued after it).
/// </summary>
public enum RecommendationState { Awaiting, Overdue, Accepted, Done, Explained, Declined }

/// <summary>One recommendation with its state on as_of.</summary>
/// <param name="DaysOverdue">Days since <c>due</c> passed without an answer (0 unless <see cref="RecommendationState.Overdue"/>).</param>
/// <param name="DaysLate">Days the answer came after <c>due</c> (0 when on time, not answered, or without a due date).</param>
public sealed record RecommendationStatus(Supervision Supervision, Recommendation Recommendation, RecommendationState State, int DaysOverdue, int DaysLate)
{
    /// <summary>Answered on as_of, whatever the result: "answered" is not "carried out".</summary>
    public bool Answered => State is not (RecommendationState.Awaiting or RecommendationState.Overdue);
    /// <summary>The answer says it was done (<c>result: done</c>).</summary>
    public bool CarriedOut => State == RecommendationState.Done;
    public bool Overdue => State == RecommendationState.Overdue;
    /// <summary>The answer as counted on as_of (null while awaiting one).</summary>
    public Answer? Answer => Answered ? Recommendation.Answer : null;
}

/// <summary>Recommendations counted by state; <see cref="Answered"/> and <see cref="CarriedOut"/> are kept apart.</summary>
public sealed record RecommendationCounts(int Total, int Answered, int CarriedOut, int Accepted, int Explained, int Declined, int Awaiting, int Overdue)
{
    public static readonly RecommendationCounts Zero = new(0, 0, 0, 0, 0, 0, 0, 0);

    public static RecommendationCounts Of(IReadOnlyCollection<RecommendationStatus> list) => new(list.Count,
        list.Count(r => r.Answered), list.Count(r => r.CarriedOut), list.Count(r => r.State == RecommendationState.Accepted),
        list.Count(r => r.State == RecommendationState.Explained), list.Count(r => r.State == RecommendationState.Declined),
        list.Count(r => !r.Answered), list.Count(r => r.Overdue));
}

/// <summary>A supervision with each recommendation's state on as_of.</summary>
public sealed record SupervisionState(Supervision Supervision, IReadOnlyList<RecommendationStatus> Recommendations)
{
    public RecommendationCounts Counts { get; } = RecommendationCounts.Of(Recommendations);
}

/// <summary>The recommendations awaiting an answer that one unit was asked, overdue first.</summary>
public sealed record AwaitingGroup(string UnitId, IReadOnlyList<RecommendationStatus> Recommendations)
{
    public int Overdue { get; } = Recommendations.Count(r => r.Overdue);
}

/// <summary>
/// Every supervision of the site on as_of, newest first, with what the pages look up: the supervisions concerning a
/// task, the recommendations addressed to a unit, and those awaiting an answer grouped by unit (the monitoring page).
/// </summary>
public sealed record SupervisionSummary(IReadOnlyList<SupervisionState> Supervisions)
{
    public static readonly SupervisionSummary Empty = new([]);

    /// <summary>Every recommendation, supervision by supervision (newest first), by number.</summary>
    public IReadOnlyList<RecommendationStatus> Recommendations { get; } = Supervisions.SelectMany(s => s.Recommendations).ToList();

    public RecommendationCounts Counts { get; } = RecommendationCounts.Of(Supervisions.SelectMany(s => s.Recommendations).ToList());

    private readonly ILookup<(string Plan, int No), SupervisionState> _byTask = Supervisions
        .Where(s => s.Supervision.PlanId is not null)
        .SelectMany(s => s.Supervision.TaskNos.Select(no => (Key: (s.Supervision.PlanId!, no), s)))
        .ToLookup(x => x.Key, x => x.s);

    private readonly ILookup<string, RecommendationStatus> _byUnit = Supervisions.SelectMany(s => s.Recommendations)
        .ToLookup(r => r.Recommendation.ToId, StringComparer.Ordinal);

    private readonly Dictionary<string, SupervisionState> _byId = Supervisions.ToDictionary(s => s.Supervision.Id, StringComparer.Ordinal);

    public SupervisionState? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The supervisions that name a task of a plan (newest first).</summary>
    public IEnumerable<SupervisionState> Concerning(string planId, int taskNo) => _byTask[(planId, taskNo)];

    /// <summary>The recommendations a unit was asked (newest supervision first).</summary>
    public IEnumerable<RecommendationStatus> AddressedTo(string unitId) => _byUnit[unitId];

    private readonly Dictionary<string, RecommendationCounts> _countsByUnit = Supervisions.SelectMany(s => s.Recommendations)
        .GroupBy(r => r.Recommendation.ToId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => RecommendationCounts.Of(g.ToList()), StringComparer.Ordinal);

    /// <summary>The recommendations a unit was asked, counted (answered and carried out apart).</summary>
    public RecommendationCounts CountsFor(string unitId) => _countsByUnit.GetValueOrDefault(unitId) ?? RecommendationCounts.Zero;

    /// <summary>
    /// Recommendations awaiting an answer, grouped by the unit asked: the units with the most days overdue first; in a
    /// group, overdue ones first (most days first), then by due date (none last), supervision and number.
    /// </summary>
    public IReadOnlyList<AwaitingGroup> Awaiting { get; } = Supervisions.SelectMany(s => s.Recommendations).Where(r => !r.Answered)
        .GroupBy(r => r.Recommendation.ToId, StringComparer.Ordinal)
        .Select(g => new AwaitingGroup(g.Key, g.OrderByDescending(r => r.DaysOverdue).ThenBy(r => r.Recommendation.Due ?? DateOnly.MaxValue)
            .ThenBy(r => r.Supervision.Issued).ThenBy(r => r.Supervision.Id, StringComparer.Ordinal).ThenBy(r => r.Recommendation.No).ToList()))
        .OrderByDescending(g => g.Recommendations[0].DaysOverdue).ThenByDescending(g => g.Overdue).ThenBy(g => g.UnitId, StringComparer.Ordinal).ToList();
}

/// <summary>The rules of a recommendation's state on as_of, applied once.</summary>
public static class SupervisionRules
{
    public static SupervisionSummary Build(IReadOnlyList<Supervision> supervisions, DateOnly asOf) => supervisions.Count == 0 ? SupervisionSummary.Empty
        : new(supervisions.OrderByDescending(s => s.Issued).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => new SupervisionState(s, s.Recommendations.Select(r => Recommendation(s, r, asOf)).ToList())).ToList());

    /// <summary>
    /// Awaiting an answer until one dated on or before as_of; overdue for it once <c>due</c> is before as_of (due today is
    /// not overdue); answered late when the answer's date is after <c>due</c>.
    /// </summary>
    public static RecommendationStatus Recommendation(Supervision s, Recommendation r, DateOnly asOf)
    {
        if (r.Answer is { } a && a.Date <= asOf)
        {
            var state = a.Result switch
            {
                AnswerResult.Accepted => RecommendationState.Accepted,
                AnswerResult.Done => RecommendationState.Done,
                AnswerResult.Explained => RecommendationState.Explained,
                _ => RecommendationState.Declined,
            };
            var late = r.Due is { } due && a.Date > due ? a.Date.DayNumber - due.DayNumber : 0;
            return new RecommendationStatus(s, r, state, 0, late);
        }
        if (r.Due is { } d && d < asOf) return new RecommendationStatus(s, r, RecommendationState.Overdue, asOf.DayNumber - d.DayNumber, 0);
        return new RecommendationStatus(s, r, RecommendationState.Awaiting, 0, 0);
    }
}
