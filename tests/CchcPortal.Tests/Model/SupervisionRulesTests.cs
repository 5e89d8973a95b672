using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;

namespace CchcPortal.Tests.Model;

/// <summary>A recommendation's state on as_of (issue 32), with injected dates; counts keep "answered" and "carried out" apart.</summary>
public class SupervisionRulesTests
{
    private static readonly DateOnly AsOf = new(2025, 12, 20);
    private static readonly DateOnly Issued = new(2025, 10, 20);

    private static Recommendation Rec(int no, DateOnly? due, Answer? answer = null, string to = "tt-phvhcc") =>
        new(no, new TranslatedText($"Kiến nghị {no}"), to, due, answer);

    private static Answer A(DateOnly date, AnswerResult result) => new(date, null, result, null);

    private static Supervision Sv(string id, DateOnly issued, params Recommendation[] recs) =>
        new(id, $"content/supervision/{id}.md", new TranslatedText(id), "mttq", null, issued, "p", [5], null, recs, TranslatedText.Empty,
            new Positions("x", new Dictionary<string, SourceLocation>()));

    private static RecommendationStatus State(Recommendation r) => SupervisionRules.Recommendation(Sv("s", Issued, r), r, AsOf);

    [Fact]
    public void Due_today_awaits_an_answer_but_is_not_overdue()
    {
        var s = State(Rec(1, AsOf));
        Assert.Equal(RecommendationState.Awaiting, s.State);
        Assert.False(s.Answered);
        Assert.Equal(0, s.DaysOverdue);
    }

    [Fact]
    public void Due_yesterday_is_overdue_for_an_answer_by_one_day()
    {
        var s = State(Rec(1, AsOf.AddDays(-1)));
        Assert.Equal(RecommendationState.Overdue, s.State);
        Assert.True(s.Overdue);
        Assert.Equal(1, s.DaysOverdue);
    }

    [Fact]
    public void Without_a_due_date_it_is_never_overdue()
    {
        Assert.Equal(RecommendationState.Awaiting, State(Rec(1, null)).State);
    }

    [Fact]
    public void Answered_late_counts_as_answered_with_the_days_late()
    {
        var s = State(Rec(1, new(2025, 11, 20), A(new(2025, 11, 25), AnswerResult.Accepted)));
        Assert.Equal(RecommendationState.Accepted, s.State);
        Assert.True(s.Answered);
        Assert.False(s.CarriedOut);
        Assert.Equal(5, s.DaysLate);
        Assert.Equal(0, s.DaysOverdue);
    }

    [Fact]
    public void Answered_before_due_is_on_time()
    {
        var s = State(Rec(1, new(2025, 11, 20), A(new(2025, 11, 10), AnswerResult.Done)));
        Assert.Equal(RecommendationState.Done, s.State);
        Assert.True(s.CarriedOut);
        Assert.Equal(0, s.DaysLate);
    }

    [Fact]
    public void An_answer_dated_after_as_of_does_not_count_yet()
    {
        var s = State(Rec(1, new(2025, 12, 1), A(AsOf.AddDays(1), AnswerResult.Done)));
        Assert.Equal(RecommendationState.Overdue, s.State);
        Assert.Null(s.Answer);
        Assert.Equal(19, s.DaysOverdue);
    }

    [Theory]
    [InlineData(AnswerResult.Accepted, RecommendationState.Accepted)]
    [InlineData(AnswerResult.Done, RecommendationState.Done)]
    [InlineData(AnswerResult.Explained, RecommendationState.Explained)]
    [InlineData(AnswerResult.Declined, RecommendationState.Declined)]
    public void An_answer_gives_its_result(AnswerResult result, RecommendationState state) =>
        Assert.Equal(state, State(Rec(1, null, A(new(2025, 11, 1), result))).State);

    [Fact]
    public void Counts_keep_answered_and_carried_out_apart_and_the_summary_is_a_lookup()
    {
        var older = Sv("a", new(2025, 4, 1), Rec(1, new(2025, 5, 1), A(new(2025, 4, 20), AnswerResult.Done), to: "vh-xh"));
        var newer = Sv("b", Issued,
            Rec(1, new(2025, 11, 20), A(new(2025, 11, 10), AnswerResult.Done)),
            Rec(2, new(2025, 11, 30), A(new(2025, 12, 1), AnswerResult.Accepted)),
            Rec(3, new(2025, 12, 1), A(new(2025, 12, 2), AnswerResult.Explained)),
            Rec(4, new(2025, 12, 10)),
            Rec(5, new(2025, 11, 1), to: "vh-xh"),
            Rec(6, new(2026, 1, 15)));
        var summary = SupervisionRules.Build([older, newer], AsOf);
        Assert.Equal(["b", "a"], summary.Supervisions.Select(s => s.Supervision.Id));     // newest first
        var c = summary.Counts;
        Assert.Equal(new RecommendationCounts(Total: 7, Answered: 4, CarriedOut: 2, Accepted: 1, Explained: 1, Declined: 0, Awaiting: 3, Overdue: 2), c);
        Assert.Equal(2, summary.Concerning("p", 5).Count());
        Assert.Empty(summary.Concerning("p", 6));
        Assert.Equal(2, summary.AddressedTo("vh-xh").Count());
        Assert.Equal((2, 1, 1, 1), (summary.CountsFor("vh-xh").Total, summary.CountsFor("vh-xh").Answered, summary.CountsFor("vh-xh").CarriedOut, summary.CountsFor("vh-xh").Overdue));
        Assert.Equal(RecommendationCounts.Zero, summary.CountsFor("nobody"));
        // Awaiting, grouped by unit: the unit with the most days overdue first, overdue ones first in a group.
        Assert.Equal(["vh-xh", "tt-phvhcc"], summary.Awaiting.Select(g => g.UnitId));
        Assert.Equal([4, 6], summary.Awaiting[1].Recommendations.Select(r => r.Recommendation.No));
        Assert.Equal(49, summary.Awaiting[0].Recommendations[0].DaysOverdue);
    }
}
