using CchcPortal.Core.Model;

namespace CchcPortal.Tests.Model;

/// <summary>One rule for "the current plan" (home page, embed card, cchc new, cchc export): active, else newest published, else newest draft.</summary>
public sealed class CurrentPlanTests
{
    private sealed record P(string Id, PlanStatus Status);

    private static string? Current(params P[] newestFirst) => CurrentPlan.Of(newestFirst, p => p.Status)?.Id;

    [Fact]
    public void The_first_active_plan_even_when_a_newer_one_is_a_draft_or_completed() =>
        Assert.Equal("2025", Current(new("2026", PlanStatus.Draft), new("2025", PlanStatus.Active), new("2024", PlanStatus.Active)));

    [Fact]
    public void Without_an_active_plan_the_newest_published_one_not_a_draft() =>
        Assert.Equal("2025", Current(new("2026", PlanStatus.Draft), new("2025", PlanStatus.Completed), new("2024", PlanStatus.Replaced)));

    [Fact]
    public void A_site_of_drafts_only_works_on_the_newest_draft() =>
        Assert.Equal("2026", Current(new("2026", PlanStatus.Draft), new("2025b", PlanStatus.Draft)));

    [Fact]
    public void No_plan_none() => Assert.Null(Current());
}
