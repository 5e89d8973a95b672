namespace CchcPortal.Site.Index;

/// <summary>
/// Makes abbreviations and their full forms the same words for the index: a document that writes "TTHC" is also
/// indexed under "thủ tục hành chính", and one that writes "thủ tục hành chính" (the words together, any punctuation
/// between) also under "tthc". Works on the tokenizer's form numbers and remembers each form's answer, so a word costs
/// one lookup however often it comes back. One per set of abbreviations (the domain's, or with a plan's own added).
/// </summary>
internal sealed class SearchExpansion
{
    private readonly SearchTokenizer _tokenizer;
    /// <summary>Folded abbreviation → its full forms' words (form numbers), and the abbreviations inside those.</summary>
    private readonly Dictionary<string, List<string>> _fullForms = new(StringComparer.Ordinal);
    /// <summary>First folded word of a full form → (its folded words, the abbreviation).</summary>
    private readonly Dictionary<string, List<(string[] Words, string Short)>> _phrases = new(StringComparer.Ordinal);
    private readonly List<int[]?> _extra = [];          // by form: the forms it adds (empty: none); null: not yet known
    private readonly List<List<(string[] Words, int Short)>?> _starts = []; // by form: the full forms it starts
    private static readonly List<(string[], int)> None = [];

    public SearchExpansion(SearchTokenizer tokenizer, IEnumerable<Abbreviation> abbreviations)
    {
        _tokenizer = tokenizer;
        foreach (var a in abbreviations)
        {
            var shortWords = SearchTokens.Of(a.Short);
            var fullWords = SearchTokens.Of(a.Full);
            if (shortWords.Count != 1 || fullWords.Count == 0) continue; // "TT PVHCC" is not one word: not an abbreviation here
            var key = shortWords[0].Folded;
            if (!_fullForms.TryGetValue(key, out var list)) _fullForms[key] = list = [];
            list.Add(a.Full);
            var folded = fullWords.Select(w => w.Folded).ToArray();
            if (!_phrases.TryGetValue(folded[0], out var starts)) _phrases[folded[0]] = starts = [];
            starts.Add((folded, a.Short));
        }
    }

    public bool IsEmpty => _fullForms.Count == 0;

    /// <summary>Calls <paramref name="add"/> with every form the words stand for besides themselves.</summary>
    public void Expand(List<int> words, Action<int> add)
    {
        for (int i = 0; i < words.Count; i++)
        {
            var form = words[i];
            foreach (var extra in Extra(form)) add(extra);
            foreach (var (full, shortForm) in Starts(form))
            {
                if (i + full.Length > words.Count) continue;
                var k = 1;
                while (k < full.Length && _tokenizer.Forms[words[i + k]].Folded == full[k]) k++;
                if (k == full.Length) add(shortForm);
            }
        }
    }

    private int[] Extra(int form)
    {
        while (_extra.Count <= form) _extra.Add(null);
        return _extra[form] ?? FindExtra(form);
    }

    /// <summary>The first time a form is met (a method of its own: the lambda's closure would be allocated on every call).</summary>
    private int[] FindExtra(int form)
    {
        if (!_fullForms.TryGetValue(_tokenizer.Forms[form].Folded, out var fulls)) return _extra[form] = [];
        // The full form's words, and the abbreviations of full forms inside it ("DVCTT" → "dịch vụ công trực tuyến" → "dvc").
        var words = new List<int>();
        foreach (var full in fulls) _tokenizer.AddWords(full, words);
        var set = new List<int>();
        foreach (var w in words) if (w != form && !set.Contains(w)) set.Add(w);
        var inner = new List<int>();
        _extra[form] = []; // no loop through an abbreviation that names itself
        for (int i = 0; i < words.Count; i++)
            foreach (var (full, shortForm) in Starts(words[i]))
                if (i + full.Length <= words.Count && Enumerable.Range(1, full.Length - 1).All(k => _tokenizer.Forms[words[i + k]].Folded == full[k]))
                    inner.Add(shortForm);
        foreach (var s in inner) if (s != form && !set.Contains(s)) set.Add(s);
        return _extra[form] = [.. set];
    }

    private List<(string[] Words, int Short)> Starts(int form)
    {
        while (_starts.Count <= form) _starts.Add(null);
        if (_starts[form] is { } known) return known;
        if (!_phrases.TryGetValue(_tokenizer.Forms[form].Folded, out var starts)) return _starts[form] = None;
        var list = new List<(string[], int)>();
        var ids = new List<int>();
        foreach (var (words, shortForm) in starts)
        {
            ids.Clear();
            _tokenizer.AddWords(shortForm, ids);
            list.Add((words, ids[0]));
        }
        return _starts[form] = list;
    }
}
