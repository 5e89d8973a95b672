using System.Globalization;
using System.Text;

namespace CchcPortal.Core.Text;

/// <summary>
/// Folding and normalization of Vietnamese text. <see cref="Fold"/> is THE function for search and
/// comparisons: "Cải cách Hành chính" and "cai cach hanh chinh" fold to the same string.
/// Works without ICU (the solution uses InvariantGlobalization): normalization is managed code.
/// </summary>
public static partial class TextFold
{
    /// <summary>Every run of white space as one space (the ends are left as they are).</summary>
    /// <remarks>
    /// White space is what <c>\s</c> matches (<see cref="char.IsWhiteSpace(char)"/>). A loop, not a regex: a regex's
    /// search for the next space in Vietnamese text takes its slow path for non-ASCII letters (2 % of a build's CPU,
    /// in the search index's plain texts).
    /// </remarks>
    public static string CollapseSpaces(string s)
    {
        int i = 0;
        // Text that needs no change (the common case) is returned as it is.
        for (; i < s.Length; i++)
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || i + 1 < s.Length && char.IsWhiteSpace(s[i + 1]))) break;
        if (i == s.Length) return s;
        var sb = new StringBuilder(s.Length);
        sb.Append(s, 0, i);
        while (i < s.Length)
        {
            if (!char.IsWhiteSpace(s[i])) { sb.Append(s[i++]); continue; }
            sb.Append(' ');
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        }
        return sb.ToString();
    }

    /// <summary>NFD, drop combining marks, đ/Đ → d, lower case (invariant). Idempotent.</summary>
    public static string Fold(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (IsAscii(s)) return s.ToLowerInvariant();
        string current = s;
        for (int i = 0; i < 8; i++)
        {
            string next = FoldOnce(current);
            if (next == current || IsAscii(next)) return next;
            current = next;
        }
        return current;
    }

    /// <summary>Canonical composition (NFC); returns the same instance when already NFC.</summary>
    public static string ToNfc(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return UnicodeNormalizer.ToNfc(s);
    }

    /// <summary>Canonical decomposition (NFD).</summary>
    public static string ToNfd(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return UnicodeNormalizer.ToNfd(s);
    }

    /// <summary>Like <see cref="Fold"/> but keeps case: "Đồng Nai" → "Dong Nai". Result is NFC.</summary>
    public static string RemoveDiacritics(string s)
    {
        ArgumentNullException.ThrowIfNull(s);
        if (IsAscii(s)) return s;
        string nfd = UnicodeNormalizer.ToNfd(s);
        var sb = new StringBuilder(nfd.Length);
        AppendStripped(nfd, sb);
        return UnicodeNormalizer.ToNfc(sb.ToString());
    }

    /// <summary>True when the two strings fold to the same text.</summary>
    public static bool FoldedEquals(string a, string b) => Fold(a) == Fold(b);

    /// <summary>True when <paramref name="haystack"/> contains <paramref name="needle"/> once both are folded.</summary>
    public static bool FoldedContains(string haystack, string needle) =>
        Fold(haystack).Contains(Fold(needle), StringComparison.Ordinal);

    internal static bool IsMark(UnicodeCategory c) =>
        c is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    private static bool IsAscii(string s)
    {
        foreach (char c in s) if (c > '\u007F') return false;
        return true;
    }

    private static string FoldOnce(string s)
    {
        string nfd = UnicodeNormalizer.ToNfd(s);
        var sb = new StringBuilder(nfd.Length);
        AppendStripped(nfd, sb);
        return sb.ToString().ToLowerInvariant();
    }

    private static void AppendStripped(string nfd, StringBuilder sb)
    {
        for (int i = 0; i < nfd.Length; i++)
        {
            char c = nfd[i];
            if (char.IsHighSurrogate(c) && i + 1 < nfd.Length && char.IsLowSurrogate(nfd[i + 1]))
            {
                if (!IsMark(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, nfd[i + 1]))))
                    sb.Append(c).Append(nfd[i + 1]);
                i++;
                continue;
            }
            if (c == 'đ') { sb.Append('d'); continue; }
            if (c == 'Đ') { sb.Append('D'); continue; }
            if (IsMark(CharUnicodeInfo.GetUnicodeCategory(c))) continue;
            sb.Append(c);
        }
    }

    /// <summary>
    /// Folds <paramref name="s"/> char by char, remembering for each folded char the index of the
    /// original char it came from (used by parsers to quote the original text of a folded match).
    /// </summary>
    internal static (string Folded, int[] Map) FoldWithMap(string s)
    {
        var sb = new StringBuilder(s.Length);
        var map = new List<int>(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsAscii(s[i])) { sb.Append(char.ToLowerInvariant(s[i])); map.Add(i); continue; } // what Fold does to it
            int len = char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? 2 : 1;
            string piece = Fold(s.Substring(i, len));
            foreach (char c in piece) { sb.Append(c); map.Add(i); }
            i += len - 1;
        }
        return (sb.ToString(), map.ToArray());
    }
}
