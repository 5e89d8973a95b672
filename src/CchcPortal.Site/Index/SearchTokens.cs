using System.Globalization;
using System.Text;
using CchcPortal.Core.Text;

namespace CchcPortal.Site.Index;

/// <summary>A word as written (lower case, NFC) and folded with <see cref="TextFold.Fold"/>.</summary>
public readonly record struct SearchToken(string Exact, string Folded);

/// <summary>
/// Splits text into words the way search.js does: runs of letters, decimal digits and combining marks
/// (JS: <c>/[\p{L}\p{Nd}\p{M}]+/gu</c>), so "45/KH-UBND" is "45", "kh", "ubnd" on both sides.
/// </summary>
public static class SearchTokens
{
    public static IReadOnlyList<SearchToken> Of(string text)
    {
        var tokenizer = new SearchTokenizer();
        var ids = new List<int>();
        tokenizer.AddWords(text, ids);
        return ids.ConvertAll(id => tokenizer.Forms[id]);
    }

    internal static bool IsWordRune(Rune r)
    {
        if (r.IsAscii) return char.IsAsciiLetterOrDigit((char)r.Value);
        return Rune.GetUnicodeCategory(r) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    /// <summary>The shard a folded term lives in: its first two characters (one for a one-letter term).</summary>
    public static string ShardKey(string folded)
    {
        var runes = folded.EnumerateRunes().Take(2).Select(r => r.ToString());
        return string.Concat(runes);
    }

    /// <summary>A file-name-safe name for a shard key: a–z and 0–9 kept, anything else as _hex.</summary>
    public static string ShardFile(string key)
    {
        var sb = new StringBuilder("t-");
        foreach (var r in key.EnumerateRunes())
        {
            if (r.Value is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append((char)r.Value);
            else sb.Append('_').Append(r.Value.ToString("x", CultureInfo.InvariantCulture));
        }
        return sb.Append(".json").ToString();
    }
}

/// <summary>
/// The splitter behind <see cref="SearchTokens.Of"/>. It numbers the forms it meets (0, 1, 2... in order of first
/// sight, see <see cref="Forms"/>) and remembers the words already seen: an index meets the same few thousand words
/// hundreds of thousands of times, and a known word then costs neither a string nor a fold. Not thread-safe.
/// </summary>
public sealed class SearchTokenizer
{
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal); // a word as written → its form
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordSpans;
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal); // a form's exact text → its form
    private readonly List<SearchToken> _forms = [];
    private char[] _word = new char[64];

    public SearchTokenizer() => _wordSpans = _words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>A tokenizer that knows the same forms by the same numbers, and goes on alone.</summary>
    public SearchTokenizer Copy()
    {
        var copy = new SearchTokenizer();
        foreach (var (word, form) in _words) copy._words[word] = form;
        foreach (var (exact, form) in _exact) copy._exact[exact] = form;
        copy._forms.AddRange(_forms);
        return copy;
    }

    /// <summary>The forms met so far, by number.</summary>
    public IReadOnlyList<SearchToken> Forms => _forms;

    /// <summary>Adds the form number of each word of <paramref name="text"/> to <paramref name="forms"/>, in order.</summary>
    public void AddWords(string text, List<int> forms)
    {
        var length = 0;
        foreach (var rune in TextFold.ToNfc(text).EnumerateRunes())
        {
            if (SearchTokens.IsWordRune(rune))
            {
                if (length + 2 > _word.Length) Array.Resize(ref _word, _word.Length * 2);
                length += rune.EncodeToUtf16(_word.AsSpan(length));
                continue;
            }
            if (length > 0) { forms.Add(FormOf(_word.AsSpan(0, length))); length = 0; }
        }
        if (length > 0) forms.Add(FormOf(_word.AsSpan(0, length)));
    }

    private int FormOf(ReadOnlySpan<char> word)
    {
        if (_wordSpans.TryGetValue(word, out var form)) return form;
        var text = new string(word);
        var exact = text.ToLowerInvariant();
        if (!_exact.TryGetValue(exact, out form))
        {
            form = _forms.Count;
            _forms.Add(new(exact, TextFold.Fold(exact)));
            _exact[exact] = form;
        }
        return _words[text] = form;
    }
}
