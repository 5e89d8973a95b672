using System.Text;

namespace CchcPortal.Core.Text;

/// <summary>
/// Checks whether a word is a well-formed Vietnamese syllable in Unicode: onset, vowel cluster, coda,
/// at most one tone mark placed on a vowel where Vietnamese puts it (old or new style). Used by the
/// legacy-encoding detector to tell real Vietnamese from mojibake.
/// </summary>
internal static class VietnameseWord
{
    private static readonly string[] Onsets =
    {
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
        "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
    };

    private static readonly string[] Codas = { "ch", "ng", "nh", "c", "m", "n", "p", "t", "" };

    // cluster → (may take a coda, must take a coda, allowed tone positions within the cluster)
    private static readonly Dictionary<string, (bool Coda, bool NeedsCoda, int[] Tone)> Clusters = Build();

    private static Dictionary<string, (bool, bool, int[])> Build()
    {
        var d = new Dictionary<string, (bool, bool, int[])>();
        int[] p0 = { 0 }, p1 = { 1 }, p01 = { 0, 1 }, p2 = { 2 }, p12 = { 1, 2 };
        foreach (var v in new[] { "a", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y" }) d[v] = (true, false, p0);
        d["ă"] = (true, true, p0);
        d["â"] = (true, true, p0);
        foreach (var v in new[] { "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu", "ia", "ua", "ưa" })
            d[v] = (false, false, p0);
        foreach (var v in new[] { "iê", "yê", "uô", "ươ", "uâ", "oă" }) d[v] = (true, v is "iê" or "uô" or "ươ" or "uâ" or "oă", p1);
        d["uê"] = (true, false, p1);
        d["ya"] = (false, false, p0);
        foreach (var v in new[] { "oa", "oe", "uy", "oo", "uơ" }) d[v] = (true, false, p01);
        foreach (var v in new[] { "iêu", "yêu", "uôi", "ươi", "ươu", "oai", "oay", "oao", "oeo", "uây", "uya", "uyu" }) d[v] = (false, false, p1);
        d["uyê"] = (true, false, p12);
        return d;
    }

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
        var shaped = Shape(lower);
        if (shaped is null) return false;
        var (s, tone) = shaped.Value;
        foreach (var onset in Onsets)
        {
            if (!s.StartsWith(onset, StringComparison.Ordinal)) continue;
            foreach (var coda in Codas)
            {
                if (s.Length < onset.Length + coda.Length + 1 || !s.EndsWith(coda, StringComparison.Ordinal)) continue;
                string cluster = s[onset.Length..(s.Length - coda.Length)];
                if (!Clusters.TryGetValue(cluster, out var info)) continue;
                if (coda.Length > 0 && !info.Coda || coda.Length == 0 && info.NeedsCoda) continue;
                if (tone < 0 || Array.IndexOf(info.Tone, tone - onset.Length) >= 0) return true;
            }
        }
        return false;
    }

    /// <summary>Strips the tone (at most one, on a vowel) and keeps the letter shapes (â ă ê ô ơ ư đ); null if malformed.</summary>
    private static (string Shaped, int ToneIndex)? Shape(string lower)
    {
        string nfd = UnicodeNormalizer.ToNfd(lower);
        var sb = new StringBuilder(nfd.Length);
        int tone = -1;
        for (int i = 0; i < nfd.Length; i++)
        {
            char c = nfd[i];
            switch (c)
            {
                case '\u0300' or '\u0301' or '\u0303' or '\u0309' or '\u0323':
                    if (tone >= 0 || sb.Length == 0 || !"aăâeêioôơuưy".Contains(sb[^1])) return null;
                    tone = sb.Length - 1;
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
        return (sb.ToString(), tone);
    }
}
