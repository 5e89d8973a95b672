using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CchcPortal.Core.Text;
using CchcPortal.Site.Build;
using CchcPortal.Site.Output;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>
/// The static search index of one language, after Pagefind's layout: a small <c>meta.json</c> (shard names and each
/// document's filter values), an inverted index split into shards by the first two letters of the folded term
/// (<c>t-ho.json</c> holds "ho", "hoa", "hoan"...), and the documents' text in fragments of <see cref="FragmentSize"/>
/// loaded only for the results shown. A browser downloads meta + one shard per query word + a fragment or two.
///
/// A shard maps folded term → exact form (lower case, with diacritics) → postings; a posting is
/// <c>doc * 2 + 1</c> when the word is in the title or number, <c>doc * 2</c> when only in the text.
/// Keeping the exact forms lets "sổ" rank documents with "sổ" above those with "sở".
/// </summary>
public sealed class SearchIndex
{
    public const int FragmentSize = 32;
    public const int Version = 1;

    public IReadOnlyList<SearchDocument> Documents { get; }
    /// <summary>Folded term → exact form → sorted postings.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, List<int>>> Terms { get; }

    /// <param name="twin">The index of another language: when every document has the same title, number and text in
    /// both (content not translated, the usual case), its terms are this index's too, not made again.</param>
    public SearchIndex(IReadOnlyList<SearchDocument> documents, SearchIndex? twin = null)
    {
        Documents = documents;
        if (twin is not null && SameWords(twin.Documents, documents))
        {
            Terms = twin.Terms;
            _shared = twin._shared ??= new SharedShards();
            return;
        }
        var tokenizer = new SearchTokenizer();
        var postings = new List<List<int>>(); // by form
        var current = new List<int>();        // by form: its posting in the current document (doc * 2 + flag), -1 when not in it
        var words = new List<int>();
        var inDoc = new List<int>();          // the forms of the current document
        for (int id = 0; id < documents.Count; id++)
        {
            var doc = documents[id];
            void Add(int form, int flag)
            {
                while (current.Count <= form) { current.Add(-1); postings.Add([]); }
                if (current[form] >= 0) return;
                current[form] = id * 2 + flag;
                inDoc.Add(form);
            }
            words.Clear();
            tokenizer.AddWords(doc.Title + " " + doc.Number, words);
            foreach (var form in words) Add(form, 1);
            words.Clear();
            tokenizer.AddWords(doc.Text, words);
            foreach (var form in words) Add(form, 0);
            foreach (var form in inDoc)
            {
                postings[form].Add(current[form]);
                current[form] = -1;
            }
            inDoc.Clear();
        }
        var terms = new Dictionary<string, SortedDictionary<string, List<int>>>(StringComparer.Ordinal);
        for (int form = 0; form < postings.Count; form++)
        {
            var (exact, folded) = tokenizer.Forms[form];
            if (!terms.TryGetValue(folded, out var forms)) terms[folded] = forms = new(StringComparer.Ordinal);
            forms[exact] = postings[form];
        }
        Terms = terms;
    }

    /// <summary>The shard files of terms shared by twins, made once.</summary>
    private sealed class SharedShards { public List<(string Name, byte[] Bytes)>? Files; }
    private SharedShards? _shared;

    private static bool SameWords(IReadOnlyList<SearchDocument> a, IReadOnlyList<SearchDocument> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (a[i].Title != b[i].Title || a[i].Number != b[i].Number || a[i].Text != b[i].Text) return false;
        return true;
    }

    // ---- the query, exactly as search.js runs it (the tests and the size measure use this one) ------------------

    /// <summary>One ranked hit: how many query words matched with their diacritics, then a score.</summary>
    public sealed record Hit(int Doc, int Exact, double Score);

    /// <summary>
    /// All words must match (AND); the last may match as a prefix. Ranked by the number of words
    /// typed with diacritics and matched with the same ones, then score (title ×3, whole word ×2), then type order, then document order.
    /// </summary>
    public IReadOnlyList<Hit> Query(string query, Func<SearchDocument, bool>? filter = null)
    {
        var words = SearchTokens.Of(query).ToList();
        if (words.Count == 0) return [];
        Dictionary<int, (int Exact, double Score)>? acc = null;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            bool prefix = i == words.Count - 1;
            bool marked = w.Exact != w.Folded; // only a word typed with diacritics can match them exactly
            var found = new Dictionary<int, (int Exact, double Score)>();
            foreach (var (term, forms) in Terms)
            {
                bool whole = term == w.Folded;
                if (!whole && !(prefix && term.StartsWith(w.Folded, StringComparison.Ordinal))) continue;
                foreach (var (form, postings) in forms)
                {
                    bool exact = marked && (whole ? form == w.Exact : form.StartsWith(w.Exact, StringComparison.Ordinal));
                    foreach (var p in postings)
                    {
                        double score = (p % 2 == 1 ? 3 : 1) * (whole ? 2 : 1);
                        var prev = found.GetValueOrDefault(p / 2);
                        found[p / 2] = (Math.Max(prev.Exact, exact ? 1 : 0), Math.Max(prev.Score, score));
                    }
                }
            }
            acc = acc is null ? found : acc.Where(kv => found.ContainsKey(kv.Key))
                .ToDictionary(kv => kv.Key, kv => (kv.Value.Exact + found[kv.Key].Exact, kv.Value.Score + found[kv.Key].Score));
        }
        return acc!.Where(kv => filter is null || filter(Documents[kv.Key]))
            .Select(kv => new Hit(kv.Key, kv.Value.Exact, kv.Value.Score))
            .OrderByDescending(h => h.Exact).ThenByDescending(h => h.Score)
            .ThenBy(h => TypeOrder(Documents[h.Doc].Type)).ThenBy(h => h.Doc).ToList();
    }

    private static int TypeOrder(string type) => SearchDocuments.Types.ToList().IndexOf(type);

    // ---- files ----------------------------------------------------------------------------------------------

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The index files by name (relative to the index folder), deterministic to the byte.</summary>
    public SortedDictionary<string, byte[]> Files()
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        Write((name, bytes) => files[name] = bytes.ToArray());
        return files;
    }

    /// <summary>
    /// Makes the index files one by one, each in the same buffer, and gives each to <paramref name="file"/> with its name
    /// (the bytes are valid during the call only): the files need no array of their own.
    /// </summary>
    public void Write(Action<string, ReadOnlySpan<byte>> file)
    {
        var buffer = new ArrayBufferWriter<byte>();
        ReadOnlySpan<byte> Make(Action<Utf8JsonWriter> write)
        {
            buffer.ResetWrittenCount();
            using (var w = new Utf8JsonWriter(buffer, JsonOptions)) write(w);
            return buffer.WrittenSpan;
        }
        void Json(string name, Action<Utf8JsonWriter> write) => file(name, Make(write));
        var shards = Terms.Keys.GroupBy(SearchTokens.ShardKey, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        Json("meta.json", w =>
        {
            w.WriteStartObject();
            w.WriteNumber("v", Version);
            w.WriteNumber("fragment", FragmentSize);
            w.WriteStartObject("shards");
            foreach (var g in shards) w.WriteString(g.Key, SearchTokens.ShardFile(g.Key));
            w.WriteEndObject();
            // Per document: type, status, overdue (0/1), plan, area, lead unit — what ranking and filters need.
            w.WriteStartArray("docs");
            foreach (var d in Documents)
            {
                w.WriteStartArray();
                w.WriteStringValue(d.Type); w.WriteStringValue(d.Status ?? ""); w.WriteNumberValue(d.Overdue ? 1 : 0);
                w.WriteStringValue(d.PlanId ?? ""); w.WriteStringValue(d.AreaId ?? ""); w.WriteStringValue(d.LeadId ?? "");
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
        void Shards(Action<string, Action<Utf8JsonWriter>> json)
        {
            foreach (var g in shards) json(SearchTokens.ShardFile(g.Key), w =>
            {
                w.WriteStartObject();
                foreach (var term in g.Order(StringComparer.Ordinal))
                {
                    w.WriteStartObject(term);
                    foreach (var (form, postings) in Terms[term])
                    {
                        w.WriteStartArray(form);
                        foreach (var p in postings) w.WriteNumberValue(p);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            });
        }
        if (_shared is null) Shards(Json);
        else
        {
            // Terms shared with a twin: their files are made once, by whichever index is written first.
            lock (_shared)
                if (_shared.Files is null)
                {
                    var made = new List<(string, byte[])>();
                    Shards((name, write) => made.Add((name, Make(write).ToArray())));
                    _shared.Files = made;
                }
            foreach (var (name, bytes) in _shared.Files) file(name, bytes);
        }
        for (int start = 0; start < Documents.Count; start += FragmentSize)
            Json(FragmentFile(start / FragmentSize), w =>
            {
                // Per document: title, number, url (from the site root), text for the snippet.
                w.WriteStartArray();
                for (var i = start; i < Math.Min(start + FragmentSize, Documents.Count); i++)
                {
                    var d = Documents[i];
                    w.WriteStartArray();
                    w.WriteStringValue(d.Title); w.WriteStringValue(d.Number ?? ""); w.WriteStringValue(d.Url); w.WriteStringValue(d.Text);
                    w.WriteEndArray();
                }
                w.WriteEndArray();
            });
    }

    public static string FragmentFile(int n) => $"f-{n}.json";

    /// <summary>The files a browser fetches for a query: meta, one shard per word (every shard under a one-letter last word), and the fragments of the first <paramref name="shown"/> results.</summary>
    public IReadOnlyList<string> FilesFor(string query, int shown = 20)
    {
        var keys = Terms.Keys.Select(SearchTokens.ShardKey).ToHashSet(StringComparer.Ordinal);
        var words = SearchTokens.Of(query).ToList();
        var needed = new SortedSet<string>(StringComparer.Ordinal) { "meta.json" };
        // A word's terms share its shard; a one-letter last word is a prefix of every shard starting with it.
        for (int i = 0; i < words.Count; i++)
        {
            var key = SearchTokens.ShardKey(words[i].Folded);
            bool letter = i == words.Count - 1 && key.Length == 1;
            foreach (var k in keys.Where(k => k == key || (letter && k.StartsWith(key, StringComparison.Ordinal))))
                needed.Add(SearchTokens.ShardFile(k));
        }
        foreach (var hit in Query(query).Take(shown)) needed.Add(FragmentFile(hit.Doc / FragmentSize));
        return needed.ToList();
    }

    /// <summary>The size of <paramref name="bytes"/> gzipped as a web server sends it (the default level, 6).</summary>
    public static int GzipSize(ReadOnlySpan<byte> bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true)) gz.Write(bytes);
        return (int)ms.Length;
    }
}

/// <summary>The Index stage for search: one index per language under <c>[lang/]search/index/</c>, its size in the build summary.</summary>
public sealed class SearchIndexOutput : ISiteOutput
{
    /// <summary>The query whose download the summary reports: what the residents type.</summary>
    public const string SampleQuery = "ho so dung han";

    /// <summary>The index folder of a language, from the site root.</summary>
    public static string Folder(string lang, string defaultLang) => Routes.InLanguage(Routes.Search + "index/", lang, defaultLang);

    public void Write(BuildContext context, SiteWriter writer)
    {
        var portal = context.Portal;
        var languages = portal.Config.Languages;
        var documents = SearchDocuments.Of(portal, languages);
        // The other languages share the first's terms where their texts are the same (untranslated content).
        var first = new SearchIndex(documents[0]);
        Parallel.For(0, languages.Count, l =>
        {
            var lang = languages[l];
            var index = l == 0 ? first : new SearchIndex(documents[l], twin: first);
            var folder = Folder(lang, portal.Config.DefaultLanguage);
            // Only the files a query downloads are compressed (at the best level, as a server may): the whole
            // index compressed would cost more than building it, for a number nobody downloads.
            var queried = index.FilesFor(SampleQuery).ToHashSet(StringComparer.Ordinal);
            long query = 0, total = 0;
            var files = 0;
            index.Write((name, bytes) =>
            {
                writer.WriteBytes(folder + name, bytes);
                if (queried.Contains(name)) query += SearchIndex.GzipSize(bytes);
                total += bytes.Length;
                files++;
            });
            context.Summary[$"search index ({lang})"] = CchcPortal.Core.Diagnostics.Messages.Line("search index",
                lang, Kb(query), SampleQuery, Kb(total), index.Documents.Count, index.Terms.Count, files);
        });
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
