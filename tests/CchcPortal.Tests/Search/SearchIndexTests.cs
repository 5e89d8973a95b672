using System.Text;
using System.Text.Json;
using CchcPortal.Site.Index;

namespace CchcPortal.Tests.Search;

public class SearchIndexTests
{
    private static readonly Lazy<SearchIndex> Vi = new(() => new SearchIndex(SearchDocuments.Of(SearchSite.Portal(), "vi")));

    private static SearchDocument Doc(string title, string text = "", string type = "task") =>
        new(type, title, null, text, "x/", null, false, null, null, null);

    private static List<string> Titles(SearchIndex index, string query) =>
        index.Query(query).Select(h => index.Documents[h.Doc].Title).ToList();

    [Fact]
    public void Words_are_kept_as_written_and_folded_with_the_shared_fold()
    {
        var tokens = SearchTokens.Of("Hồ sơ ĐÚNG hạn, 45/KH-UBND").ToList();
        Assert.Equal(["hồ", "sơ", "đúng", "hạn", "45", "kh", "ubnd"], tokens.Select(t => t.Exact));
        Assert.Equal(["ho", "so", "dung", "han", "45", "kh", "ubnd"], tokens.Select(t => t.Folded));
        // Decomposed input (NFD keyboards) gives the same words.
        Assert.Equal(tokens.Select(t => t.Exact), SearchTokens.Of("Hồ sơ ĐÚNG hạn, 45/KH-UBND".Normalize(NormalizationForm.FormD)).Select(t => t.Exact));
    }

    [Fact]
    public void Terms_are_sharded_by_their_first_two_folded_letters()
    {
        Assert.Equal("du", SearchTokens.ShardKey("dung"));
        Assert.Equal("d", SearchTokens.ShardKey("d"));
        Assert.Equal("t-du.json", SearchTokens.ShardFile("du"));
        Assert.Equal("t-_3b1.json", SearchTokens.ShardFile("α"));

        var files = Vi.Value.Files();
        using var shard = JsonDocument.Parse(files["t-du.json"]);
        var dung = shard.RootElement.GetProperty("dung");
        Assert.True(dung.TryGetProperty("đúng", out _));
        Assert.All(shard.RootElement.EnumerateObject(), term => Assert.StartsWith("du", term.Name));
        using var meta = JsonDocument.Parse(files["meta.json"]);
        Assert.Equal("t-du.json", meta.RootElement.GetProperty("shards").GetProperty("du").GetString());
    }

    [Fact]
    public void A_query_downloads_meta_one_shard_per_word_and_the_fragments_of_its_results()
    {
        var files = Vi.Value.FilesFor("ho so dung han");
        Assert.Equal(["f-0.json", "meta.json", "t-du.json", "t-ha.json", "t-ho.json", "t-so.json"], files);
    }

    [Fact]
    public void Exact_diacritics_rank_first_and_folded_forms_still_match()
    {
        var index = new SearchIndex([Doc("Làm việc với Sở Tư pháp"), Doc("Cập nhật sổ theo dõi"), Doc("Số hóa hồ sơ")]);
        Assert.Equal("Cập nhật sổ theo dõi", Titles(index, "sổ")[0]);
        Assert.Equal("Làm việc với Sở Tư pháp", Titles(index, "sở")[0]);
        Assert.Equal(3, Titles(index, "so").Count);
        // The exact form is kept beside the folded term, so the data that ranks "sổ" first is in the shard.
        Assert.Equal(["sơ", "số", "sổ", "sở"], index.Terms["so"].Keys);
    }

    [Fact]
    public void All_words_must_match()
    {
        var titles = Titles(Vi.Value, "ho so dung han");
        Assert.Contains("Nâng cao tỷ lệ hồ sơ giải quyết đúng hạn", titles);
        Assert.Contains("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", titles);
        Assert.DoesNotContain("Rà soát hồ sơ lưu trữ", titles);
        Assert.Contains("Rà soát hồ sơ lưu trữ", Titles(Vi.Value, "ho so"));
        Assert.Empty(Titles(Vi.Value, "ho so khong co"));
    }

    [Fact]
    public void D_matches_đ_both_ways()
    {
        Assert.Equal(["Hướng dẫn đăng ký khai sinh trực tuyến"], Titles(Vi.Value, "dang ky"));
        Assert.Equal(["Hướng dẫn đăng ký khai sinh trực tuyến"], Titles(Vi.Value, "ĐĂNG KÝ"));
    }

    [Fact]
    public void Only_the_last_word_matches_as_a_prefix()
    {
        var titles = Titles(Vi.Value, "truc tuy");
        Assert.Contains("Hướng dẫn đăng ký khai sinh trực tuyến", titles);
        Assert.Contains("Triển khai dịch vụ công trực tuyến toàn trình", titles);
        Assert.Empty(Titles(Vi.Value, "tuy truc"));
        // One letter typed so far: a prefix of every term starting with it, from every shard starting with it.
        Assert.Equal(["Hướng dẫn đăng ký khai sinh trực tuyến"], Titles(Vi.Value, "dang k"));
        Assert.Contains("t-ky.json", Vi.Value.FilesFor("dang k"));
        Assert.Contains("t-kh.json", Vi.Value.FilesFor("dang k"));
    }

    [Fact]
    public void Notes_and_evidence_from_reports_find_the_task()
    {
        Assert.Equal(["Nâng cao tỷ lệ hồ sơ giải quyết đúng hạn"], Titles(Vi.Value, "88/QĐ-UBND"));
        Assert.Equal(["Rà soát hồ sơ lưu trữ"], Titles(Vi.Value, "so hoa 300 hop"));
    }

    [Fact]
    public void Title_matches_rank_above_text_matches()
    {
        var index = new SearchIndex([Doc("Báo cáo quý", "kết quả cải cách"), Doc("Cải cách thể chế")]);
        Assert.Equal("Cải cách thể chế", Titles(index, "cai cach")[0]);
    }

    [Fact]
    public void Every_kind_of_document_is_indexed_with_its_filters()
    {
        var docs = Vi.Value.Documents;
        Assert.Equal(["page", "plan", "report", "target", "task", "unit"], docs.Select(d => d.Type).Distinct().Order(StringComparer.Ordinal));
        var task = docs.Single(d => d.Title == "Triển khai dịch vụ công trực tuyến toàn trình");
        Assert.Equal(("2025", "chinh-quyen-so", "tt-phvhcc", "not-started", true), (task.PlanId, task.AreaId, task.LeadId, task.Status, task.Overdue));
        Assert.Equal("ke-hoach/2025/nhiem-vu/06/", task.Url);
        var target = docs.Single(d => d.Type == "target");
        Assert.Equal("met", target.Status);
    }

    [Fact]
    public void The_English_index_uses_translated_titles_and_English_urls()
    {
        var en = new SearchIndex(SearchDocuments.Of(SearchSite.Portal(), "en"));
        var hit = Assert.Single(en.Query("applications settled"));
        Assert.Equal("en/ke-hoach/2025/nhiem-vu/01/", en.Documents[hit.Doc].Url);
        // Untranslated titles stay in Vietnamese and are still found.
        Assert.Equal(["Hướng dẫn đăng ký khai sinh trực tuyến"], Titles(en, "dang ky"));
    }

    [Fact]
    public void An_index_sharing_its_twins_terms_writes_the_same_files_as_one_made_alone()
    {
        var portal = SearchSite.Portal();
        var vi = new SearchIndex(SearchDocuments.Of(portal, "vi"));
        var en = SearchDocuments.Of(portal, "en");
        // The sample has translated titles: the English index makes its own terms, and finds English words.
        var translated = new SearchIndex(en, twin: vi);
        Assert.NotSame(vi.Terms, translated.Terms);
        Assert.Single(translated.Query("applications settled"));
        // It borrows the words of the documents that are the same in both: its files are still as if made alone.
        var madeAlone = new SearchIndex(en).Files();
        Assert.Equal(madeAlone.Keys, translated.Files().Keys);
        Assert.All(translated.Files(), kv => Assert.Equal(madeAlone[kv.Key], kv.Value));
        // Documents with the same words (only the addresses differ): the terms are shared, the files are as if made alone.
        var same = vi.Documents.Select(d => d with { Url = "en/" + d.Url }).ToList();
        var twin = new SearchIndex(same, twin: vi);
        Assert.Same(vi.Terms, twin.Terms);
        var alone = new SearchIndex(same).Files();
        var shared = twin.Files();
        Assert.Equal(alone.Keys, shared.Keys);
        Assert.All(alone, kv => Assert.Equal(kv.Value, shared[kv.Key]));
    }

    [Fact]
    public void Markdown_is_indexed_as_plain_text()
    {
        Assert.Equal("Một tiêu đề và chữ đậm liên kết", PlainText.Of("# Một tiêu đề\n\nvà **chữ đậm** [liên kết](https://example.org)"));
    }

    [Fact]
    public void Index_files_are_byte_identical_across_builds()
    {
        var a = new SearchIndex(SearchDocuments.Of(SearchSite.Portal(), "vi")).Files();
        var b = new SearchIndex(SearchDocuments.Of(SearchSite.Portal(), "vi")).Files();
        Assert.Equal(a.Keys, b.Keys);
        Assert.All(a, kv => Assert.Equal(kv.Value, b[kv.Key]));
    }

    [Fact]
    public void The_build_writes_the_index_per_language_and_reports_its_size()
    {
        var (output, result) = SearchSite.Build();
        try
        {
            Assert.True(File.Exists(Path.Combine(output, "search", "index", "meta.json")));
            Assert.True(File.Exists(Path.Combine(output, "en", "search", "index", "meta.json")));
            Assert.Matches(@"^search index \(vi\): \d+\.\d KB gzip for a query .*, \d+\.\d KB total", result.Summary["search index (vi)"].En);
            var search = File.ReadAllText(Path.Combine(output, "search", "index.html"));
            Assert.Contains("data-index=\"../search/index/\"", search);
            Assert.Contains("<script src=\"../assets/search.", search);
            Assert.Contains("data-index=\"../../en/search/index/\"", File.ReadAllText(Path.Combine(output, "en", "search", "index.html")));
            // Only the search page loads the script; the home page's search box is a plain GET form.
            Assert.DoesNotContain("assets/search.", File.ReadAllText(Path.Combine(output, "index.html")));
        }
        finally { Directory.Delete(output, recursive: true); }
    }
}
