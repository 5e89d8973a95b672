using System.Globalization;
using System.Text;

namespace CchcPortal.Core.Text;

/// <summary>Numbers with the Vietnamese decimal comma ("2,95") or a decimal point ("2.95").</summary>
public static class VnNumber
{
    /// <summary>
    /// Language-neutral parse: "2,95", "2.95", "98", "-1,5", " 98.4 ", "0,813". A lone separator is always
    /// the decimal separator ("1.234" is 1.234). Thousands grouping is recognised when unambiguous:
    /// the same separator repeated ("1.234.567") or both kinds present ("1.234,5", "1,234.5").
    /// Rejects "", "abc", "1,2,3".
    /// </summary>
    public static bool TryParse(string? text, out decimal value) => TryParseCore(text, null, out value);

    /// <summary>
    /// Language-aware parse, the inverse of <see cref="Format"/>: for "vi" a lone "." followed by groups of
    /// exactly three digits is a thousands separator ("1.234" is 1234) while "," is decimal; for "en" the reverse.
    /// Otherwise as <see cref="TryParse(string?, out decimal)"/>.
    /// </summary>
    public static bool TryParse(string? text, string lang, out decimal value) => TryParseCore(text, GroupChar(lang), out value);

    private static bool TryParseCore(string? text, char? langGroup, out decimal value)
    {
        value = 0;
        if (text is null) return false;
        string s = text.Trim();
        if (s.Length >= 2 && (s[0] == '"' && s[^1] == '"' || s[0] == '\'' && s[^1] == '\'')) s = s[1..^1].Trim();
        if (s.Length == 0) return false;

        bool negative = false;
        if (s[0] is '-' or '\u2212') { negative = true; s = s[1..]; }
        else if (s[0] == '+') s = s[1..];
        if (s.Length == 0) return false;

        foreach (char c in s) if (!(c is >= '0' and <= '9' || c is '.' or ',')) return false;
        if (s[0] is '.' or ',' || s[^1] is '.' or ',') return false;

        int dots = s.Count(c => c == '.'), commas = s.Count(c => c == ',');
        char? group = null, dec = null;
        if (dots > 0 && commas > 0)
        {
            dec = s.LastIndexOf('.') > s.LastIndexOf(',') ? '.' : ',';
            group = dec == '.' ? ',' : '.';
            if (s.Count(c => c == dec) != 1) return false;
        }
        else if (dots + commas > 1)
        {
            group = dots > 0 ? '.' : ',';
        }
        else if (dots + commas == 1)
        {
            char sep = dots == 1 ? '.' : ',';
            if (langGroup == sep && ValidGrouping(s, sep)) group = sep;
            else dec = sep;
        }

        string intPart = s, fracPart = "";
        if (dec is char d)
        {
            int i = s.IndexOf(d);
            intPart = s[..i];
            fracPart = s[(i + 1)..];
        }
        if (group is char g)
        {
            if (!ValidGrouping(intPart, g)) return false;
            intPart = intPart.Replace(g.ToString(), "");
        }
        string normal = fracPart.Length > 0 ? intPart + "." + fracPart : intPart;
        if (!decimal.TryParse(normal, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var v)) return false;
        value = negative ? -v : v;
        return true;
    }

    private static bool ValidGrouping(string intPart, char g)
    {
        var groups = intPart.Split(g);
        if (groups[0].Length is < 1 or > 3 || groups[0].Length > 1 && groups[0][0] == '0') return false;
        for (int i = 1; i < groups.Length; i++) if (groups[i].Length != 3) return false;
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/>.</summary>
    public static decimal Parse(string text) =>
        TryParse(text, out var v) ? v : throw new FormatException($"Không phải là số: \"{text}\" (ví dụ đúng: 98, \"2,95\", 2.95)");

    /// <summary>
    /// vi: "2,95", "98,4", "1.234,5"; en: "2.95", "1,234.5". No trailing zeros, integers without decimals,
    /// thousands grouped ("." in vi, "," in en) when |value| ≥ 1000.
    /// </summary>
    public static string Format(decimal value, string lang)
    {
        // Whole numbers under a thousand (most percentages and counts) need no separator: the same text as below.
        if (value > -1000 && value < 1000 && value == decimal.Truncate(value)) return ((int)value).ToString(CultureInfo.InvariantCulture);
        char decSep = GroupChar(lang) == '.' ? ',' : '.';
        char groupSep = decSep == ',' ? '.' : ',';
        string raw = Math.Abs(value).ToString("0.############################", CultureInfo.InvariantCulture);
        int dot = raw.IndexOf('.');
        string intPart = dot < 0 ? raw : raw[..dot];
        string frac = dot < 0 ? "" : raw[(dot + 1)..];
        var sb = new StringBuilder();
        if (value < 0 && (intPart != "0" || frac.Length > 0)) sb.Append('-');
        for (int i = 0; i < intPart.Length; i++)
        {
            if (i > 0 && (intPart.Length - i) % 3 == 0 && intPart.Length > 3) sb.Append(groupSep);
            sb.Append(intPart[i]);
        }
        if (frac.Length > 0) sb.Append(decSep).Append(frac);
        return sb.ToString();
    }

    private static char GroupChar(string? lang) =>
        lang is not null && lang.StartsWith("vi", StringComparison.OrdinalIgnoreCase) ? '.' : ',';
}
