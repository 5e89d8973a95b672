using System.Text.Json;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Site.Index;
using CchcPortal.Tests.Quality;

namespace CchcPortal.Tests.Search;

/// <summary>
/// The graded judgments (judgments.json) on the sample and every test site they name, built once: measured in node
/// with the sites' own search.js (tests/tools/search-eval.cjs), in both languages.
/// </summary>
public sealed class SearchJudgmentsFixture : IDisposable
{
    public static string File => Repo.Path("tests", "CchcPortal.Tests", "Search", "judgments.json");

    /// <summary>Site name → its source folder (from judgments.json).</summary>
    public IReadOnlyDictionary<string, string> Sources { get; }
    /// <summary>Site name → its built output.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; }
    private readonly List<string> _temp = [];
    private readonly Lazy<JsonDocument> _result;

    public SearchJudgmentsFixture()
    {
        using var judgments = JsonDocument.Parse(System.IO.File.ReadAllText(File));
        Sources = judgments.RootElement.GetProperty("sites").EnumerateObject()
            .ToDictionary(p => p.Name, p => Path.GetFullPath(Path.Combine(Repo.Root, p.Value.GetString()!)));
        var outputs = new Dictionary<string, string>();
        foreach (var (name, source) in Sources)
        {
            if (name == "sample") { outputs[name] = SampleSite.Output; continue; }
            var output = SampleSite.NewTempFolder("cchc-judge");
            _temp.Add(output);
            outputs[name] = SampleSite.BuildTo(output, source, compileLayouts: false);
        }
        Outputs = outputs;
        _result = new(() =>
        {
            var (code, text) = ExternalTools.Run(ExternalTools.Node(),
                [Repo.Path("tests", "tools", "search-eval.cjs"), File, .. Outputs.Select(kv => $"{kv.Key}={kv.Value}"), "--json"]);
            Assert.True(code == 0, text);
            return JsonDocument.Parse(text);
        });
    }

    /// <summary>The evaluator's answer: all, classes, rows (site, lang, class, q, p, ndcg, recall, urls).</summary>
    public JsonElement Result => _result.Value.RootElement;

    public void Dispose()
    {
        foreach (var dir in _temp) if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}

[Trait("Category", "Slow")]
public sealed class SearchJudgmentsTests(SearchJudgmentsFixture judged) : IClassFixture<SearchJudgmentsFixture>
{
    [Fact]
    public void The_judgments_rank_what_residents_meant_first()
    {
        var all = judged.Result.GetProperty("all");
        Assert.True(all.GetProperty("queries").GetInt32() >= 200, all.ToString());
        Assert.True(all.GetProperty("p").GetDouble() >= 0.95, all.ToString());
        Assert.True(all.GetProperty("ndcg").GetDouble() >= 0.95, all.ToString());
        Assert.True(all.GetProperty("recall").GetDouble() >= 0.95, all.ToString());
        foreach (var c in judged.Result.GetProperty("classes").EnumerateObject())
            Assert.True(c.Value.GetProperty("ndcg").GetDouble() >= 0.9, $"{c.Name}: {c.Value}");
        // No query far off: each puts relevant documents at the top.
        var poor = judged.Result.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("ndcg").GetDouble() < 0.6)
            .Select(r => $"{r.GetProperty("site")}/{r.GetProperty("lang")} \"{r.GetProperty("q")}\": {r.GetProperty("ndcg").GetDouble():0.00}").ToList();
        Assert.True(poor.Count == 0, string.Join("\n", poor));
    }

    [Fact]
    public void Every_status_phrase_ranks_the_documents_in_that_state_first()
    {
        var status = judged.Result.GetProperty("classes").GetProperty("status");
        Assert.Equal(1.0, status.GetProperty("p").GetDouble(), 3);
        Assert.Equal(1.0, status.GetProperty("recall").GetDouble(), 3);
    }

    /// <summary>SearchIndex.Query (the C# twin that tests and the build's size measure use) orders as search.js does.</summary>
    [Fact]
    public void The_index_query_in_CSharp_ranks_as_search_js_does()
    {
        var indexes = new Dictionary<(string Site, string Lang), SearchIndex>();
        SearchIndex Index(string site, string lang)
        {
            if (indexes.TryGetValue((site, lang), out var index)) return index;
            var bag = new DiagnosticBag();
            var content = SiteLoader.Load(judged.Sources[site], bag, Browser.BrowserFixture.Today)!;
            var portal = ProgressRules.Build(content);
            var langs = portal.Config.Languages;
            var docs = SearchDocuments.Of(portal, langs);
            var first = new SearchIndex(docs[0]);
            for (int l = 0; l < langs.Count; l++) indexes[(site, langs[l])] = l == 0 ? first : new SearchIndex(docs[l], twin: first);
            return indexes[(site, lang)];
        }
        var differ = new List<string>();
        foreach (var row in judged.Result.GetProperty("rows").EnumerateArray())
        {
            var (site, lang, q) = (row.GetProperty("site").GetString()!, row.GetProperty("lang").GetString()!, row.GetProperty("q").GetString()!);
            var index = Index(site, lang);
            var prefix = lang == "vi" ? "" : lang + "/";
            var csharp = index.Query(q).Take(10).Select(h => index.Documents[h.Doc].Url).Select(u => u.StartsWith(prefix, StringComparison.Ordinal) ? u[prefix.Length..] : u).ToList();
            var js = row.GetProperty("urls").EnumerateArray().Select(u => u.GetString()!).ToList();
            if (!csharp.SequenceEqual(js)) differ.Add($"{site}/{lang} \"{q}\":\n  C#: {string.Join(" ", csharp)}\n  JS: {string.Join(" ", js)}");
        }
        Assert.True(differ.Count == 0, string.Join("\n", differ));
    }
}
