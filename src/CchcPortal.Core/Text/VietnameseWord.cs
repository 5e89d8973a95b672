using System.Text;
using System.Text.RegularExpressions;

namespace CchcPortal.Core.Text;

/// <summary>Checks whether a word is a well-formed Vietnamese syllable in Unicode (used by the legacy-encoding detector).</summary>
internal static class VietnameseWord
{
    private const string Vowels =
        "uyê|uya|uyu|iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|" +
        "ai|ao|au|ay|âu|ây|eo|êu|ia|iu|iê|oa|oă|oe|oi|oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|ya|yê|" +
        "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y";

    private static readonly Regex Syllable = new(
        $"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?(?:{Vowels})(?:ch|ng|nh|[cmnpt])?$",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>True when <paramref name="word"/> (letters only) is one Vietnamese syllable, in lower, Title or UPPER case.</summary>
    public static bool IsValid(string word)
    {
        if (word.Length == 0) return false;
        string w = UnicodeNormalizer.ToNfc(word);
        foreach (char c in w) if (!char.IsLetter(c)) return false;
        string lower = w.ToLowerInvariant();
        string upper = w.ToUpperInvariant();
        bool caseOk = w == lower || w == upper || (char.IsUpper(w[0]) && w[1..] == lower[1..]);
        if (!caseOk) return false;
        string? shaped = Shape(lower);
        return shaped is not null && Syllable.IsMatch(shaped);
    }

    /// <summary>Strips the tone (at most one, on a vowel) and keeps the letter shapes (â ă ê ô ơ ư đ); null if malformed.</summary>
    private static string? Shape(string lower)
    {
        string nfd = UnicodeNormalizer.ToNfd(lower);
        var sb = new StringBuilder(nfd.Length);
        int tones = 0;
        for (int i = 0; i < nfd.Length; i++)
        {
            char c = nfd[i];
            switch (c)
            {
                case '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323':
                    if (++tones > 1 || sb.Length == 0 || !"aăâeêioôơuưy".Contains(sb[^1])) return null;
                    break;
                case '\u0302':
                    if (sb.Length == 0) return null;
                    char b = sb[^1];
                    if (b is 'a' or 'e' or 'o') sb[^1] = b == 'a' ? 'â' : b == 'e' ? 'ê' : 'ô';
                    else return null;
                    break;
                case '\u0306':
                    if (sb.Length == 0 || sb[^1] != 'a') return null;
                    sb[^1] = 'ă';
                    break;
                case '\u031B':
                    if (sb.Length == 0) return null;
                    if (sb[^1] == 'o') sb[^1] = 'ơ';
                    else if (sb[^1] == 'u') sb[^1] = 'ư';
                    else return null;
                    break;
                default:
                    if (c is >= 'a' and <= 'z' || c == 'đ') sb.Append(c);
                    else return null;
                    break;
            }
        }
        return sb.ToString();
    }
}
