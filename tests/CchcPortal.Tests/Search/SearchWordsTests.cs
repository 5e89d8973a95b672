using System.Text.Json;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Site.Index;
using CchcPortal.Site.Render;

namespace CchcPortal.Tests.Search;

/// <summary>Residents' words: statuses as labels, abbreviations both ways (the domain's, a theme's, a plan's own), phrases.</summary>
public class SearchWordsTests
{
    private static readonly Lazy<SearchIndex> Site = new(() => new SearchIndex(SearchDocuments.Of(SearchSite.Portal(), "vi")));

    private static SearchDocument Doc(string title, string text = "", string type = "task", string[]? labels = null, Abbreviation[]? own = null) =>
        new(type, title, null, text, "x/", null, false, null, null, null) { Labels = labels ?? [], Abbreviations = own ?? [] };

    private static List<string> Titles(SearchIndex index, string query) =>
        index.Query(query).Select(h => index.Documents[h.Doc].Title).ToList();

    // ---- abbreviations ------------------------------------------------------------------------------------------

    [Fact]
    public void The_built_in_list_has_the_domains_abbreviations()
    {
        var list = SearchVocabulary.BuiltIn.Abbreviations.ToDictionary(a => a.Short, a => a.Full);
        foreach (var (s, full) in new[] { ("CCHC", "cải cách hành chính"), ("TTHC", "thủ tục hành chính"), ("UBND", "Ủy ban nhân dân"),
                     ("HĐND", "Hội đồng nhân dân"), ("MTTQ", "Mặt trận Tổ quốc"), ("DVC", "dịch vụ công"), ("DVCTT", "dịch vụ công trực tuyến"),
                     ("CĐS", "chuyển đổi số"), ("CBCCVC", "cán bộ, công chức, viên chức"), ("VBQPPL", "văn bản quy phạm pháp luật"),
                     ("PVHCC", "Phục vụ hành chính công"), ("KH", "kế hoạch"), ("QĐ", "quyết định"), ("BC", "báo cáo") })
            Assert.Equal(full, list[s]);
    }

    [Fact]
    public void An_abbreviation_finds_its_full_form_and_the_full_form_finds_it()
    {
        var index = new SearchIndex([Doc("Đơn giản hóa TTHC nội bộ"), Doc("Công khai thủ tục hành chính"), Doc("Thủ tục đăng ký hành chính khác")]);
        Assert.Equal(["Đơn giản hóa TTHC nội bộ", "Công khai thủ tục hành chính"], Titles(index, "tthc"));
        // The full form typed without diacritics finds the abbreviation; the same words apart rank after the phrase.
        var full = Titles(index, "thu tuc hanh chinh");
        Assert.Equal(3, full.Count);
        Assert.Equal("Thủ tục đăng ký hành chính khác", full[^1]);
        Assert.Contains("Đơn giản hóa TTHC nội bộ", Titles(index, "thủ tục hành chính"));
    }

    [Fact]
    public void Đ_in_an_abbreviation_folds_like_any_word()
    {
        var index = new SearchIndex([Doc("Nghị quyết của HĐND phường"), Doc("Kỳ họp Hội đồng nhân dân")]);
        Assert.Equal(2, Titles(index, "hoi dong nhan dan").Count);
        Assert.Equal(2, Titles(index, "hdnd").Count);
        Assert.Equal(2, Titles(index, "HĐND").Count);
    }

    [Fact]
    public void Punctuation_inside_a_full_form_does_not_matter_and_full_forms_inside_one_count()
    {
        var index = new SearchIndex([Doc("Tập huấn CBCCVC"), Doc("Đánh giá cán bộ, công chức, viên chức"), Doc("Cung cấp DVCTT mức độ toàn trình")]);
        Assert.Equal(2, Titles(index, "cbccvc").Count);
        Assert.Equal(2, Titles(index, "can bo cong chuc vien chuc").Count);
        // DVCTT is "dịch vụ công trực tuyến", which holds "dịch vụ công" (DVC).
        Assert.Equal(["Cung cấp DVCTT mức độ toàn trình"], Titles(index, "dvc"));
        Assert.Equal(["Cung cấp DVCTT mức độ toàn trình"], Titles(index, "dich vu cong truc tuyen"));
    }

    [Theory]
    [InlineData("Ban thanh tra nhân dân (sau đây viết tắt là BTTND) giám sát.", "BTTND", "Ban thanh tra nhân dân")]
    [InlineData("Ban thanh tra nhân dân xã (sau đây viết tắt là BTTND).", "BTTND", "Ban thanh tra nhân dân")]
    [InlineData("Ủy ban Mặt trận Tổ quốc Việt Nam xã (gọi tắt là “UBMTTQ”) theo dõi.", "UBMTTQ", "Ủy ban Mặt trận Tổ quốc")]
    [InlineData("Tổ công tác chuyển đổi số (gọi tắt là: TCTCĐS)", "TCTCĐS", "Tổ công tác chuyển đổi số")]
    [InlineData("BAN THANH TRA NHÂN DÂN (SAU ĐÂY VIẾT TẮT LÀ BTTND)", "BTTND", "BAN THANH TRA NHÂN DÂN")]
    public void A_plan_defines_its_own_abbreviations(string text, string shortForm, string full)
    {
        Assert.Equal([new Abbreviation(shortForm, full)], SearchVocabulary.DefinedIn(text));
        Assert.Equal([new Abbreviation(shortForm, full)], SearchVocabulary.DefinedIn(text.Normalize(System.Text.NormalizationForm.FormD)));
    }

    [Theory]
    [InlineData("Trung tâm Phục vụ hành chính công (sau đây gọi tắt là Trung tâm) tiếp nhận hồ sơ.")] // not an acronym
    [InlineData("Sở Nội vụ (viết tắt là XYZ).")]                                                 // initials do not spell it
    [InlineData("Không có định nghĩa nào (chỉ là ngoặc đơn).")]
    public void A_short_name_that_is_not_an_acronym_of_the_words_before_is_not_an_abbreviation(string text) =>
        Assert.Empty(SearchVocabulary.DefinedIn(text));

    [Fact]
    public void A_plans_own_abbreviation_works_both_ways_in_that_plans_documents_only()
    {
        var own = new[] { new Abbreviation("BTTND", "Ban thanh tra nhân dân") };
        var index = new SearchIndex([
            Doc("Mời BTTND dự họp", own: own), Doc("Báo cáo của Ban thanh tra nhân dân", own: own), Doc("BTTND của kế hoạch khác")]);
        Assert.Equal(["Mời BTTND dự họp", "Báo cáo của Ban thanh tra nhân dân"], Titles(index, "ban thanh tra nhan dan"));
        Assert.Equal(3, Titles(index, "bttnd").Count);
        // The client gets them too, to see "BTTND" as the words it stands for when it ranks phrases.
        using var meta = JsonDocument.Parse(index.Files()["meta.json"]);
        Assert.Equal("ban thanh tra nhân dân", meta.RootElement.GetProperty("abbr").GetProperty("bttnd")[0].GetString());
    }

    [Fact]
    public void The_search_sites_plan_defines_BTTND_and_its_task_is_found_by_the_full_form()
    {
        Assert.Contains("Làm việc với Sở Tư pháp về thể chế", Titles(Site.Value, "ban thanh tra nhan dan"));
        Assert.Contains("Làm việc với Sở Tư pháp về thể chế", Titles(Site.Value, "bttnd"));
    }

    [Fact]
    public void A_sites_theme_adds_abbreviations_and_a_bad_line_is_a_warning()
    {
        var dir = Path.Combine(Path.GetTempPath(), "cchc-abbr-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(dir, "themes", "xa", "search"));
            File.WriteAllText(Path.Combine(dir, "themes", "xa", "search", "abbreviations.yaml"),
                "TCT: [tổ công tác, tổ công tác số]\nKH: kế hoạch hành động\nXYZ: [[1]]\n");
            var bag = new DiagnosticBag();
            var vocabulary = SearchVocabulary.Of(new Theme(dir, "xa"), [], bag);
            var list = vocabulary.Abbreviations;
            Assert.Contains(new Abbreviation("TCT", "tổ công tác số"), list);
            Assert.Contains(new Abbreviation("TTHC", "thủ tục hành chính"), list);          // the built-in ones stay
            Assert.Equal([new Abbreviation("KH", "kế hoạch hành động")], list.Where(a => a.Short == "KH")); // the site's line wins
            var d = Assert.Single(bag.All);
            Assert.Equal("CC0110", d.Code);
            Assert.Equal(Severity.Warning, d.Severity);
            Assert.Equal("themes/xa/search/abbreviations.yaml(3,7)", d.Location.ToString());
            var index = new SearchIndex([Doc("Họp tổ công tác số")], vocabulary: vocabulary);
            Assert.Single(Titles(index, "tct"));
            // Validate (cchc check) reports it too.
            var check = new DiagnosticBag();
            SearchVocabulary.Check(new Theme(dir, "xa"), check);
            Assert.Equal("CC0110", Assert.Single(check.All).Code);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    // ---- statuses and types as words --------------------------------------------------------------------------

    [Fact]
    public void Tasks_and_targets_carry_the_labels_their_pages_show()
    {
        var docs = Site.Value.Documents;
        var overdueNoReport = docs.Single(d => d.Title == "Triển khai dịch vụ công trực tuyến toàn trình");
        Assert.Equal(["status_not_started", "status_overdue", "status_no_report"], overdueNoReport.Labels);
        Assert.Equal(["status_done"], docs.Single(d => d.Title == "Nâng cao tỷ lệ hồ sơ giải quyết đúng hạn").Labels);
        Assert.Equal(["target_met"], docs.Single(d => d.Type == "target").Labels);
        Assert.Empty(docs.Single(d => d.Type == "plan").Labels);
        // Each label is its phrases in every language; the type's label comes first.
        Assert.Contains(Site.Value.Labels, l => l.SequenceEqual(["quá hạn", "overdue"]));
        Assert.Contains(Site.Value.Labels, l => l.SequenceEqual(["nhiệm vụ", "task"]));
    }

    [Theory]
    [InlineData("qua han")]
    [InlineData("quá hạn")]
    [InlineData("QUA HAN")]
    [InlineData("nhiem vu qua han")]
    [InlineData("overdue")]
    [InlineData("overdue tasks")]
    [InlineData("qua h")] // typing
    public void A_status_phrase_finds_the_documents_in_that_state_first(string query)
    {
        var titles = Titles(Site.Value, query);
        Assert.Equal(["Rà soát hồ sơ lưu trữ", "Triển khai dịch vụ công trực tuyến toàn trình"], titles.Take(2).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("da hoan thanh", "status_done")]
    [InlineData("đã hoàn thành", "status_done")]
    [InlineData("dang thuc hien", "status_in_progress")]
    [InlineData("chua bat dau", "status_not_started")]
    [InlineData("chua bao cao", "status_no_report")]
    [InlineData("no report", "status_no_report")]
    [InlineData("not started", "status_not_started")]
    [InlineData("chi tieu dat", "target_met")]
    [InlineData("targets met", "target_met")]
    public void Every_status_the_pages_show_is_a_phrase_that_finds_its_documents_first(string query, string label)
    {
        var index = Site.Value;
        var expected = index.Documents.Count(d => d.Labels.Contains(label));
        Assert.True(expected > 0);
        var first = index.Query(query).Take(expected).Select(h => index.Documents[h.Doc]).ToList();
        Assert.Equal(expected, first.Count);
        Assert.All(first, d => Assert.Contains(label, d.Labels));
    }

    [Fact]
    public void A_status_phrases_words_scattered_in_a_text_rank_after_the_documents_in_that_state()
    {
        var index = new SearchIndex([
            Doc("Báo cáo quý", "Quá trình xử lý đúng hạn", type: "report"),
            Doc("Rà soát hồ sơ", "", labels: ["status_in_progress", "status_overdue"]),
            Doc("Đối thoại", "Đã quá thời hạn góp ý"),
        ]);
        var titles = Titles(index, "qua han");
        Assert.Equal("Rà soát hồ sơ", titles[0]);
        Assert.Equal(3, titles.Count); // the scattered words still match, after
        Assert.Equal(["Rà soát hồ sơ"], Titles(index, "overdue"));
    }

    [Fact]
    public void A_new_document_type_is_searchable_by_its_labels_and_ranks_after_the_known_types_on_equal_score()
    {
        var index = new SearchIndex([Doc("Kiến nghị về một cửa", type: "petition", labels: ["status_overdue"]), Doc("Cải cách một cửa")]);
        Assert.Equal(["Kiến nghị về một cửa"], Titles(index, "qua han"));
        Assert.Equal(["Cải cách một cửa", "Kiến nghị về một cửa"], Titles(index, "mot cua"));
        using var meta = JsonDocument.Parse(index.Files()["meta.json"]);
        Assert.Equal(SearchDocuments.Types, meta.RootElement.GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        // The new type's label is its i18n key search_type_petition: no phrase until the theme gives it one.
        Assert.Contains(index.Labels, l => l.Count == 0);
        Assert.Empty(Titles(index, "search type petition"));
        var named = new SearchVocabulary([], [new Dictionary<string, string> { ["search_type_petition"] = "Kiến nghị", ["status_overdue"] = "Quá hạn" }]);
        var withName = new SearchIndex([Doc("Về một cửa", type: "petition", labels: ["status_overdue"]), Doc("Cải cách một cửa")], vocabulary: named);
        Assert.Equal(["Về một cửa"], Titles(withName, "kien nghi"));
    }

    // ---- phrases, titles, types ---------------------------------------------------------------------------------

    [Fact]
    public void Words_together_rank_above_the_same_words_apart_and_a_title_above_a_text()
    {
        var index = new SearchIndex([
            Doc("Kiểm tra tài liệu", "công tác lưu trữ và nhiệm vụ công khác"),
            Doc("Rà soát", "đoàn kiểm tra công vụ năm 2025"),
            Doc("Kiểm tra công vụ"),
        ]);
        Assert.Equal(["Kiểm tra công vụ", "Kiểm tra tài liệu", "Rà soát"], Titles(index, "kiem tra cong vu"));
        var apart = new SearchIndex([Doc("A", "kiểm tra rồi công nhận nhiệm vụ"), Doc("B", "đoàn kiểm tra công vụ")]);
        Assert.Equal(["B", "A"], Titles(apart, "kiem tra cong vu"));
    }

    [Fact]
    public void Tasks_and_targets_rank_above_the_plan_and_reports_that_mention_them_unless_the_query_names_those()
    {
        var plan = new SearchDocument("plan", "Kế hoạch CCHC năm 2025", "45/KH-UBND", "Nhiệm vụ: số hóa hồ sơ, theo Kế hoạch 45/KH-UBND", "p/", null, false, "p", null, null);
        var report = new SearchDocument("report", "Quý III/2025", "118/BC-UBND", "Đã số hóa hồ sơ", "r/", null, false, "p", null, null);
        var task = new SearchDocument("task", "Tập huấn", "3", "Tập huấn số hóa hồ sơ; theo Kế hoạch số 45/KH-UBND", "t/", "done", false, "p", null, null);
        var index = new SearchIndex([plan, report, task]);
        Assert.Equal("Tập huấn", Titles(index, "so hoa ho so")[0]);
        Assert.Equal("Kế hoạch CCHC năm 2025", Titles(index, "45/KH-UBND")[0]);
        Assert.Equal("Quý III/2025", Titles(index, "118/bc-ubnd")[0]);
    }

    // ---- size -------------------------------------------------------------------------------------------------

    [Theory]
    [InlineData("vi", "ho so dung han")]
    [InlineData("vi", "nhiem vu qua han")]
    [InlineData("vi", "thu tuc hanh chinh")]
    [InlineData("en", "overdue")]
    public void A_first_query_on_the_sample_downloads_under_30_KB_gzip(string lang, string query)
    {
        var bag = new DiagnosticBag();
        var portal = Core.Model.ProgressRules.Build(Core.Loading.SiteLoader.Load(Repo.Root, bag, new DateOnly(2025, 12, 20))!);
        var index = new SearchIndex(SearchDocuments.Of(portal, lang));
        var files = index.Files();
        var bytes = index.FilesFor(query, shown: SearchIndex.Window).Sum(name => SearchIndex.GzipSize(files[name]));
        Assert.InRange(bytes, 1, 30 * 1024);
    }
}
