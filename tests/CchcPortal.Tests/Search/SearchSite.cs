using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Site.Build;

namespace CchcPortal.Tests.Search;

/// <summary>The search test site (tests/sites/search): its model, and a build of it in a temporary folder.</summary>
public static class SearchSite
{
    public static string Source => Path.Combine(Repo.Root, "tests", "sites", "search");

    public static Portal Portal()
    {
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(Source, bag, new DateOnly(2025, 12, 20));
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return ProgressRules.Build(content!);
    }

    public static (string Output, BuildResult Result) Build()
    {
        var output = Path.Combine(Path.GetTempPath(), "cchc-search-" + Guid.NewGuid().ToString("N"));
        var result = SiteBuilder.Run(new BuildOptions(Source, output, Today: new DateOnly(2025, 12, 20)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return (output, result);
    }
}
