using System.Buffers;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Text;
using CchcPortal.Site.Build;
using CchcPortal.Site.Output;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>
/// The static search index of one language, after Pagefind's layout: a small <c>meta.json</c> (shard names, type order,
/// label phrases, abbreviations, and each document's filter values and labels), an inverted index split into shards by the first two letters of the folded term
/// (<c>t-ho.json</c> holds "ho", "hoa", "hoan"...), and the documents' text in fragments of <see cref="FragmentSize"/>
/// loaded only for the results shown. A browser downloads meta + one shard per query word + a fragment or two.
///
/// A shard maps folded term → exact form (lower case, with diacritics) → postings; a posting is
/// <c>doc * 2 + 1</c> when the word is in the title or number, <c>doc * 2</c> when only in the text.
/// Keeping the exact forms lets "sổ" rank documents with "sổ" above those with "sở". A document is indexed under the
/// full forms of the abbreviations it writes and the abbreviations of the full forms it writes (<see cref="SearchExpansion"/>).
/// </summary>
public sealed class SearchIndex
{
    public const int FragmentSize = 32;
    public const int Version = 2;

    /// <summary>How many of the first results the phrase bonus re-ranks: those the page shows, whose text it fetches anyway.</summary>
    public const int Window = 50;

    public IReadOnlyList<SearchDocument> Documents { get; }
    /// <summary>Folded term → exact form → sorted postings.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, List<int>>> Terms { get; }
    /// <summary>The labels documents carry (type, status), each as its phrases in every language, lower case.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Labels { get; }
    /// <summary>The i18n key of each label in <see cref="Labels"/> ("status_no_report"): the page filters and shows some by it.</summary>
    public IReadOnlyList<string> LabelKeys { get; }
    /// <summary>By document: the numbers of its labels in <see cref="Labels"/>.</summary>
    public IReadOnlyList<int[]> DocumentLabels { get; }
    /// <summary>The abbreviations search knows (the domain's and the plans' own): shown to the client for highlighting.</summary>
    public IReadOnlyList<Abbreviation> Abbreviations { get; }

    /// <param name="twin">The index of another language: when every document has the same title, number and text in
    /// both (content not translated, the usual case), its terms are this index's too, not made again.</param>
    /// <param name="vocabulary">Abbreviations and label texts; the built-in theme's when not given.</param>
    public SearchIndex(IReadOnlyList<SearchDocument> documents, SearchIndex? twin = null, SearchVocabulary? vocabulary = null)
    {
        Documents = documents;
        vocabulary ??= SearchVocabulary.BuiltIn;
        // Labels: the type's, then the document's own (status...), each numbered once.
        var labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var labels = new List<IReadOnlyList<string>>();
        var keys = new List<string>();
        int LabelId(string key)
        {
            if (labelIds.TryGetValue(key, out var id)) return id;
            labels.Add(vocabulary.Phrases(key));
            keys.Add(key);
            return labelIds[key] = labels.Count - 1;
        }
        var docLabels = new int[documents.Count][];
        for (int i = 0; i < documents.Count; i++)
        {
            var d = documents[i];
            var ids = new int[d.Labels.Count + 1];
            ids[0] = LabelId("search_type_" + d.Type);
            for (int k = 0; k < d.Labels.Count; k++) ids[k + 1] = LabelId(d.Labels[k]);
            docLabels[i] = ids;
        }
        Labels = labels;
        LabelKeys = keys;
        DocumentLabels = docLabels;
        var own = documents.Select(d => d.Abbreviations).Where(a => a.Count > 0).Distinct().SelectMany(a => a);
        Abbreviations = [.. vocabulary.Abbreviations, .. own.DistinctBy(a => (Core.Text.TextFold.Fold(a.Short), Core.Text.TextFold.Fold(a.Full)))];
        _vocabulary = vocabulary;
        if (twin is not null && SameWords(twin.Documents, documents))
        {
            Terms = twin.Terms;
            _shared = twin._shared ??= new SharedShards();
            return;
        }
        // A twin made with the same vocabulary lends its words: a document whose title, number and text are the same
        // in both languages (most are; a report's period or a state word is not) takes the twin's forms, not
        // tokenized again. The twin's tokenizer is copied, so the form numbers agree.
        var lender = twin is { _docForms: not null } && ReferenceEquals(twin._vocabulary, vocabulary) ? twin : null;
        var tokenizer = lender?._tokenizer!.Copy() ?? new SearchTokenizer();
        var common = new SearchExpansion(tokenizer, vocabulary.Abbreviations);
        var byPlan = new Dictionary<IReadOnlyList<Abbreviation>, SearchExpansion>(ReferenceEqualityComparer.Instance);
        var postings = new List<List<int>>(); // by form
        var current = new List<int>();        // by form: its posting in the current document (doc * 2 + flag), -1 when not in it
        var words = new List<int>();
        var inDoc = new List<int>();          // the forms of the current document
        var docForms = new int[documents.Count][];
        void Post(int id, int form, int flag)
        {
            while (postings.Count <= form) { current.Add(-1); postings.Add([]); }
            postings[form].Add(id * 2 + flag);
        }
        for (int id = 0; id < documents.Count; id++)
        {
            var doc = documents[id];
            if (lender is not null && id < lender.Documents.Count && SameWords(lender.Documents[id], doc))
            {
                foreach (var f in docForms[id] = lender._docForms![id]) Post(id, f >> 1, f & 1);
                continue;
            }
            var expansion = doc.Abbreviations.Count == 0 ? common
                : byPlan.TryGetValue(doc.Abbreviations, out var e) ? e
                : byPlan[doc.Abbreviations] = new SearchExpansion(tokenizer, [.. vocabulary.Abbreviations, .. doc.Abbreviations]);
            int flag = 1;
            void Add(int form)
            {
                while (current.Count <= form) { current.Add(-1); postings.Add([]); }
                if (current[form] >= 0) return;
                current[form] = flag;
                inDoc.Add(form);
            }
            words.Clear();
            tokenizer.AddWords(doc.Title + " " + doc.Number, words);
            foreach (var form in words) Add(form);
            expansion.Expand(words, Add);
            flag = 0;
            words.Clear();
            tokenizer.AddWords(doc.Text, words);
            foreach (var form in words) Add(form);
            expansion.Expand(words, Add);
            var forms = docForms[id] = new int[inDoc.Count];
            for (var k = 0; k < inDoc.Count; k++)
            {
                var form = inDoc[k];
                forms[k] = form << 1 | current[form];
                Post(id, form, current[form]);
                current[form] = -1;
            }
            inDoc.Clear();
        }
        _tokenizer = tokenizer;
        _docForms = docForms;
        var terms = new Dictionary<string, SortedDictionary<string, List<int>>>(StringComparer.Ordinal);
        for (int form = 0; form < postings.Count; form++)
        {
            if (postings[form].Count == 0) continue; // a form the expansion looked at but no document has
            var (exact, folded) = tokenizer.Forms[form];
            if (!terms.TryGetValue(folded, out var forms)) terms[folded] = forms = new(StringComparer.Ordinal);
            forms[exact] = postings[form];
        }
        Terms = terms;
    }

    /// <summary>The shard files of terms shared by twins, made once.</summary>
    private sealed class SharedShards { public List<(string Name, byte[] Bytes)>? Files; }
    private SharedShards? _shared;

    /// <summary>The vocabulary it was made with; its tokenizer and, by document, the forms it has (form * 2 + 1 in the title or number): what a twin may borrow.</summary>
    private readonly SearchVocabulary _vocabulary;
    private readonly SearchTokenizer? _tokenizer;
    private readonly int[][]? _docForms;

    private static bool SameWords(IReadOnlyList<SearchDocument> a, IReadOnlyList<SearchDocument> b)
    {
        if (a.Count != b.Count) return false;
        for (var i = 0; i < a.Count; i++)
            if (!SameWords(a[i], b[i])) return false;
        return true;
    }

    private static bool SameWords(SearchDocument a, SearchDocument b) =>
        a.Title == b.Title && a.Number == b.Number && a.Text == b.Text
        && (ReferenceEquals(a.Abbreviations, b.Abbreviations) || a.Abbreviations.SequenceEqual(b.Abbreviations));

    // ---- the query, exactly as search.js runs it (the tests and the size measure use this one) ------------------

    /// <summary>One ranked hit: how many query words matched with their diacritics, then a score.</summary>
    public sealed record Hit(int Doc, int Exact, double Score);

    /// <summary>Score of a query word found in a document's label (its status, its type): above a title word (3 × 2).</summary>
    public const int LabelScore = 8;

    /// <summary>
    /// All words must match (AND); the last may match as a prefix. A run of words that is a label's phrase ("qua han",
    /// "chua bao cao", "overdue", "nhiem vu") also matches every document with that label, scoring
    /// <see cref="LabelScore"/> a word. Ranked by the number of words typed with diacritics and matched with the same
    /// ones, then score (title ×3, whole word ×2), then type order, then document order; then the first
    /// <see cref="Window"/> again with a bonus for query words that stand together (<see cref="PhraseBonus"/>).
    /// </summary>
    public IReadOnlyList<Hit> Query(string query, Func<SearchDocument, bool>? filter = null)
    {
        var words = SearchTokens.Of(query).ToList();
        if (words.Count == 0) return [];
        var groups = LabelGroups(words);
        Dictionary<int, (int Exact, double Score)>? acc = null;
        for (int i = 0; i < words.Count; i++)
        {
            var w = words[i];
            bool prefix = i == words.Count - 1;
            bool marked = w.Exact != w.Folded; // only a word typed with diacritics can match them exactly
            var found = new Dictionary<int, (int Exact, double Score)>();
            void Found(int doc, bool exact, double score)
            {
                var prev = found.GetValueOrDefault(doc);
                found[doc] = (Math.Max(prev.Exact, exact ? 1 : 0), Math.Max(prev.Score, score));
            }
            foreach (var (term, forms) in Terms)
            {
                bool whole = term == w.Folded;
                if (!whole && !(prefix && term.StartsWith(w.Folded, StringComparison.Ordinal))) continue;
                foreach (var (form, postings) in forms)
                {
                    bool exact = marked && (whole ? form == w.Exact : form.StartsWith(w.Exact, StringComparison.Ordinal));
                    foreach (var p in postings) Found(p / 2, exact, (p % 2 == 1 ? 3 : 1) * (whole ? 2 : 1));
                }
            }
            if (groups[i] is { } g) // every document with one of the group's labels has the word, as a label word
                for (int doc = 0; doc < Documents.Count; doc++)
                    foreach (var l in DocumentLabels[doc])
                        if (g.Labels.TryGetValue(l, out var exactForms))
                            Found(doc, marked && exactForms[i - g.Start].Contains(w.Exact), LabelScore);
            acc = acc is null ? found : acc.Where(kv => found.ContainsKey(kv.Key))
                .ToDictionary(kv => kv.Key, kv => (kv.Value.Exact + found[kv.Key].Exact, kv.Value.Score + found[kv.Key].Score));
        }
        var hits = acc!.Where(kv => filter is null || filter(Documents[kv.Key]))
            .Select(kv => new Hit(kv.Key, kv.Value.Exact, kv.Value.Score)).ToList();
        hits.Sort(Compare);
        // The first results again, with the phrase bonus (the page has their text: it shows them).
        var top = hits.Take(Window).Select(h => h with { Score = h.Score + PhraseBonus(h.Doc, words, groups) }).ToList();
        top.Sort(Compare);
        return [.. top, .. hits.Skip(Window)];
    }

    private int Compare(Hit a, Hit b) =>
        a.Exact != b.Exact ? b.Exact.CompareTo(a.Exact)
        : a.Score != b.Score ? b.Score.CompareTo(a.Score)
        : TypeOrder(Documents[a.Doc].Type) != TypeOrder(Documents[b.Doc].Type) ? TypeOrder(Documents[a.Doc].Type).CompareTo(TypeOrder(Documents[b.Doc].Type))
        : a.Doc.CompareTo(b.Doc);

    /// <summary>A run of query words that is (the start of, at the end of the query) a label's phrase: which labels, and per word the exact forms it may have.</summary>
    private sealed record LabelGroup(int Start, int Length, Dictionary<int, List<string>[]> Labels);

    /// <summary>
    /// The label phrases in the query, longest first from the left: by word, its group (or null). A label word matches
    /// a query word that is the same folded word or that word + "s" ("targets"); the last query word may be a prefix of
    /// one, and a query may end inside a label ("qua h", "chua bao").
    /// </summary>
    private LabelGroup?[] LabelGroups(IReadOnlyList<SearchToken> words)
    {
        var groups = new LabelGroup?[words.Count];
        _labelWords ??= Labels.Select(phrases => phrases.Select(p => SearchTokens.Of(p).ToArray()).ToArray()).ToArray();
        for (int i = 0; i < words.Count;)
        {
            var best = 0;
            var found = new Dictionary<int, List<string>[]>();
            for (int l = 0; l < _labelWords.Length; l++)
                foreach (var phrase in _labelWords[l])
                {
                    int k = 0;
                    while (k < phrase.Length && i + k < words.Count && LabelWordMatches(phrase[k].Folded, words[i + k].Folded, i + k == words.Count - 1)) k++;
                    if (k == 0 || (k < phrase.Length && i + k < words.Count)) continue; // not the whole phrase, and the query goes on
                    if (k < best) continue;
                    if (k > best) { best = k; found.Clear(); }
                    if (!found.TryGetValue(l, out var exact)) found[l] = exact = Enumerable.Range(0, k).Select(_ => new List<string>()).ToArray();
                    for (int j = 0; j < k; j++) exact[j].Add(phrase[j].Exact);
                }
            if (best == 0) { i++; continue; }
            var g = new LabelGroup(i, best, found);
            for (int j = i; j < i + best; j++) groups[j] = g;
            i += best;
        }
        return groups;
    }
    private SearchToken[][][]? _labelWords;

    private static bool LabelWordMatches(string label, string word, bool last) =>
        word == label || word == label + "s" || (last && label.StartsWith(word, StringComparison.Ordinal));

    /// <summary>
    /// For each two query words next to each other: 2 when they stand together in the document's title or number,
    /// or in one of its labels; 1 when together in its text (punctuation between does not matter; the last word may be
    /// a prefix).
    /// </summary>
    private double PhraseBonus(int doc, List<SearchToken> words, LabelGroup?[] groups)
    {
        if (words.Count < 2) return 0;
        _folded ??= new string[Documents.Count][][][];
        var fields = _folded[doc] ??= [FieldWords(Documents[doc].Title + " " + Documents[doc].Number), FieldWords(Documents[doc].Text)];
        double bonus = 0;
        for (int i = 0; i + 1 < words.Count; i++)
        {
            bool prefix = i + 1 == words.Count - 1;
            if (groups[i] is { } g && ReferenceEquals(g, groups[i + 1]) && DocumentLabels[doc].Any(g.Labels.ContainsKey)) bonus += 2;
            else if (Together(fields[0], words[i].Folded, words[i + 1].Folded, prefix)) bonus += 2;
            else if (Together(fields[1], words[i].Folded, words[i + 1].Folded, prefix)) bonus += 1;
        }
        return bonus;
    }
    private string[][][][]? _folded;

    /// <summary>A field's folded words, and again with each abbreviation as the words of its (first) full form when it has one.</summary>
    private string[][] FieldWords(string text)
    {
        _abbreviationWords ??= AbbreviationWords();
        var plain = SearchTokens.Of(text).Select(t => t.Folded).ToArray();
        if (!plain.Any(_abbreviationWords.ContainsKey)) return [plain];
        return [plain, plain.SelectMany(w => _abbreviationWords.TryGetValue(w, out var full) ? full : [w]).ToArray()];
    }
    private Dictionary<string, string[]>? _abbreviationWords;

    /// <summary>Folded abbreviation → the folded words of its first full form (as search.js reads meta.json's "abbr").</summary>
    private Dictionary<string, string[]> AbbreviationWords()
    {
        var map = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var g in Abbreviations.GroupBy(a => a.Short.ToLowerInvariant(), StringComparer.Ordinal))
            if (SearchTokens.Of(g.Key) is [var one])
                map.TryAdd(one.Folded, SearchTokens.Of(g.First().Full.ToLowerInvariant()).Select(t => t.Folded).ToArray());
        return map;
    }

    private static bool Together(string[][] sequences, string a, string b, bool prefix)
    {
        foreach (var words in sequences)
            for (int j = 0; j + 1 < words.Length; j++)
                if (words[j] == a && (words[j + 1] == b || (prefix && words[j + 1].StartsWith(b, StringComparison.Ordinal)))) return true;
        return false;
    }

    /// <summary>A type's place in <see cref="SearchDocuments.Types"/>; a type not listed after them all.</summary>
    private static int TypeOrder(string type) => TypeOrders.GetValueOrDefault(type, SearchDocuments.Types.Count);
    private static readonly Dictionary<string, int> TypeOrders =
        SearchDocuments.Types.Select((t, i) => (t, i)).ToDictionary(x => x.t, x => x.i, StringComparer.Ordinal);

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
            // Types in the order equal scores are shown; labels (each its phrases in every language); abbreviations
            // (short → full forms, for highlighting what a query's abbreviation or full form found).
            w.WriteStartArray("types");
            foreach (var t in SearchDocuments.Types) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteStartArray("labels");
            foreach (var phrases in Labels)
            {
                w.WriteStartArray();
                foreach (var p in phrases) w.WriteStringValue(p);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartArray("labelKeys");
            foreach (var k in LabelKeys) w.WriteStringValue(k);
            w.WriteEndArray();
            w.WriteStartObject("abbr");
            foreach (var g in Abbreviations.GroupBy(a => a.Short.ToLowerInvariant(), StringComparer.Ordinal))
            {
                w.WriteStartArray(g.Key);
                foreach (var a in g) w.WriteStringValue(a.Full.ToLowerInvariant());
                w.WriteEndArray();
            }
            w.WriteEndObject();
            // Per document: type, status, overdue (0/1), plan, area, lead unit, label numbers — what ranking and filters need.
            w.WriteStartArray("docs");
            for (int i = 0; i < Documents.Count; i++)
            {
                var d = Documents[i];
                w.WriteStartArray();
                w.WriteStringValue(d.Type); w.WriteStringValue(d.Status ?? ""); w.WriteNumberValue(d.Overdue ? 1 : 0);
                w.WriteStringValue(d.PlanId ?? ""); w.WriteStringValue(d.AreaId ?? ""); w.WriteStringValue(d.LeadId ?? "");
                w.WriteStartArray();
                foreach (var l in DocumentLabels[i]) w.WriteNumberValue(l);
                w.WriteEndArray();
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
        var vocabulary = SearchVocabulary.Of(context.Theme, languages.Select(l => context.Strings[l])); // mistakes: reported by Validate
        // The other languages share the first's terms where their texts are the same (untranslated content).
        var first = new SearchIndex(documents[0], vocabulary: vocabulary);
        // A file the languages share byte for byte (untranslated content) is compressed once.
        var compressed = new System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(byte[] Bytes, int Size)>>(StringComparer.Ordinal);
        Parallel.For(0, languages.Count, l =>
        {
            var lang = languages[l];
            var index = l == 0 ? first : new SearchIndex(documents[l], twin: first, vocabulary: vocabulary);
            var folder = Folder(lang, portal.Config.DefaultLanguage);
            // Only the files a query downloads are compressed (at the best level, as a server may): the whole
            // index compressed would cost more than building it, for a number nobody downloads.
            var queried = index.FilesFor(SampleQuery).ToHashSet(StringComparer.Ordinal);
            long query = 0, total = 0;
            var files = 0;
            index.Write((name, bytes) =>
            {
                writer.WriteBytes(folder + name, bytes);
                if (queried.Contains(name))
                {
                    if (!compressed.TryGetValue(name, out var known))
                    {
                        var copy = bytes.ToArray();
                        known = compressed.GetOrAdd(name, new Lazy<(byte[] Bytes, int Size)>(() => (copy, SearchIndex.GzipSize(copy))));
                    }
                    query += known.Value.Bytes.AsSpan().SequenceEqual(bytes) ? known.Value.Size : SearchIndex.GzipSize(bytes);
                }
                total += bytes.Length;
                files++;
            });
            context.Summary[$"search index ({lang})"] = Sentences.SearchIndexLine.With(lang, Kb(query), SampleQuery, Kb(total), index.Documents.Count, index.Terms.Count, files);
        });
    }

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
