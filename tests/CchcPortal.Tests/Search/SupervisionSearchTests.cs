using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Site.Index;

namespace CchcPortal.Tests.Search;

/// <summary>The Front's supervisions and recommendations are search documents (issue 32): text, answer, result word.</summary>
public class SupervisionSearchTests
{
    private static readonly Lazy<Portal> Sample = new(() =>
    {
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(Repo.Root, bag, new DateOnly(2025, 12, 20));
        Assert.False(bag.HasErrors, string.Join("\n", bag.Sorted()));
        return ProgressRules.Build(content!);
    });

    private static List<SearchDocument> Found(string lang, string query)
    {
        var index = new SearchIndex(SearchDocuments.Of(Sample.Value, lang));
        return index.Query(query).Select(h => index.Documents[h.Doc]).ToList();
    }

    [Fact]
    public void A_supervision_is_found_by_its_title_and_number()
    {
        var doc = Assert.Single(Found("vi", "27/BC-MTTQ"), d => d.Type == "supervision");
        Assert.Equal("giam-sat/2025-mot-cua/", doc.Url);
        Assert.Equal("mttq", doc.LeadId);
    }

    [Fact]
    public void A_recommendation_is_found_by_its_text_its_answer_and_its_result_word_without_diacritics()
    {
        Assert.Contains(Found("vi", "may tinh nguoi cao tuoi"), d => d.Type == "recommendation" && d.Url.EndsWith("#kn-3", StringComparison.Ordinal));
        Assert.Contains(Found("vi", "thu xin loi"), d => d.Type == "recommendation" && d.Url.EndsWith("#kn-2", StringComparison.Ordinal));
        var overdue = Found("vi", "qua han tra loi").Where(d => d.Type == "recommendation").ToList();
        Assert.Equal("giam-sat/2025-mot-cua/#kn-4", overdue[0].Url);
        Assert.Equal("vp-hdnd-ubnd", overdue[0].LeadId);
        Assert.Contains(Found("vi", "giải trình"), d => d.Url.EndsWith("#kn-3", StringComparison.Ordinal));
    }

    [Fact]
    public void English_documents_carry_the_English_texts_and_words()
    {
        var hits = Found("en", "apology").Where(d => d.Type == "recommendation").ToList();
        Assert.Equal("en/giam-sat/2025-mot-cua/#kn-2", Assert.Single(hits).Url);
        Assert.Contains(Found("en", "overdue for an answer"), d => d.Url.EndsWith("#kn-4", StringComparison.Ordinal));
    }
}
