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
    public static IEnumerable<SearchToken> Of(string text)
    {
        var nfc = TextFold.ToNfc(text);
        var word = new StringBuilder();
        foreach (var rune in nfc.EnumerateRunes())
        {
            if (IsWordRune(rune)) { word.Append(rune.ToString()); continue; }
            if (word.Length > 0) { yield return Token(word.ToString()); word.Clear(); }
        }
        if (word.Length > 0) yield return Token(word.ToString());
    }

    private static SearchToken Token(string word)
    {
        var exact = word.ToLowerInvariant();
        return new(exact, TextFold.Fold(exact));
    }

    private static bool IsWordRune(Rune r)
    {
        var c = Rune.GetUnicodeCategory(r);
        return Rune.IsLetter(r) || c == UnicodeCategory.DecimalDigitNumber
            || c is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
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
