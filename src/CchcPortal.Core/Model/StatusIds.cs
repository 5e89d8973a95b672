using CchcPortal.Core.Text;

namespace CchcPortal.Core.Model;

/// <summary>
/// The ids of statuses and results as the content contract writes them ("in-progress") and everything after the model
/// shows them: front matter reads them, pages use them as CSS classes and i18n keys, search filters and open data
/// publish them. Defined here once so that none of those can drift from the others.
/// </summary>
public static class StatusIds
{
    /// <summary>Task statuses by their contract id, in the order pages and filters list them.</summary>
    public static readonly IReadOnlyDictionary<string, TaskStatus> TaskStatuses = new Dictionary<string, TaskStatus>(StringComparer.Ordinal)
    { ["not-started"] = TaskStatus.NotStarted, ["in-progress"] = TaskStatus.InProgress, ["done"] = TaskStatus.Done, ["cancelled"] = TaskStatus.Cancelled };

    /// <summary>Every task status id, in order.</summary>
    public static readonly IReadOnlyList<string> Tasks = [.. TaskStatuses.Keys];

    /// <summary>Every target result id, in order.</summary>
    public static readonly IReadOnlyList<string> Results = [Id(TargetResult.Met), Id(TargetResult.NotMet), Id(TargetResult.NoData)];

    /// <summary>The results of an answer to the Front's recommendation by their contract id, in order.</summary>
    public static readonly IReadOnlyDictionary<string, AnswerResult> AnswerResults = new Dictionary<string, AnswerResult>(StringComparer.Ordinal)
    { ["accepted"] = AnswerResult.Accepted, ["done"] = AnswerResult.Done, ["explained"] = AnswerResult.Explained, ["declined"] = AnswerResult.Declined };

    /// <summary>Every state of a recommendation on as_of, in the order pages and filters list them.</summary>
    public static readonly IReadOnlyList<string> RecommendationStates =
        [.. Enum.GetValues<RecommendationState>().Select(s => s.Id())];

    public static string Id(this AnswerResult result) => result switch
    {
        AnswerResult.Accepted => "accepted",
        AnswerResult.Done => "done",
        AnswerResult.Explained => "explained",
        _ => "declined",
    };

    /// <summary>"awaiting", "overdue" (for an answer), or the answer's result.</summary>
    public static string Id(this RecommendationState state) => state switch
    {
        RecommendationState.Awaiting => "awaiting",
        RecommendationState.Overdue => "overdue",
        RecommendationState.Accepted => "accepted",
        RecommendationState.Done => "done",
        RecommendationState.Explained => "explained",
        _ => "declined",
    };

    public static string Id(this TaskStatus status) => status switch
    {
        TaskStatus.NotStarted => "not-started",
        TaskStatus.InProgress => "in-progress",
        TaskStatus.Done => "done",
        _ => "cancelled",
    };

    public static string Id(this TargetResult result) => result switch
    {
        TargetResult.Met => "met",
        TargetResult.NotMet => "not-met",
        _ => "no-data",
    };

    public static string Id(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.Dated => "dated",
        DeadlineKind.Ongoing => "ongoing",
        DeadlineKind.EachReportingPeriod => "each-reporting-period",
        _ => "per-guidance",
    };
}
