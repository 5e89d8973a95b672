using System.Globalization;
using System.Text.RegularExpressions;
using CchcPortal.Core.Text;

namespace CchcPortal.Office.Import;

/// <summary>What the first page of a signed plan says about it.</summary>
public sealed record PlanFacts(string? Number, DateOnly? Issued, string? Title, string? Issuer);

/// <summary>
/// Reads a plan's number ("Số: 12/KH-UBND"), date ("…, ngày 15 tháng 01 năm 2026"), title (the lines after
/// "KẾ HOẠCH", as "Kế hoạch …") and issuer ("ỦY BAN NHÂN DÂN / XÃ BÌNH AN" → "UBND xã Bình An") from the lines of
/// its first page, with or without diacritics.
/// </summary>
public static partial class PlanFirstPage
{
    [GeneratedRegex(@"^so\s*[:.]\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex NumberLine { get; }

    [GeneratedRegex(@"ngay\s+(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})\s+nam\s+(?<y>\d{4})", RegexOptions.CultureInvariant)]
    private static partial Regex DateWords { get; }

    private static readonly string[] PlaceKinds = ["thi tran", "thi xa", "thanh pho", "xa", "phuong", "huyen", "quan", "tinh"];

    public static PlanFacts Read(IReadOnlyList<string> lines)
    {
        string? number = null, title = null, issuer = null;
        DateOnly? issued = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var folded = TextFold.Fold(line).Trim();
            if (number is null && NumberLine.IsMatch(folded))
            {
                var value = string.Concat(line[(line.IndexOfAny([':', '.']) + 1)..].Where(c => !char.IsWhiteSpace(c)));
                if (value.Contains('/')) number = value;
            }
            if (issued is null && DateWords.Match(folded) is { Success: true } d
                && int.TryParse(d.Groups["y"].Value, CultureInfo.InvariantCulture, out var y)
                && int.TryParse(d.Groups["m"].Value, CultureInfo.InvariantCulture, out var m)
                && int.TryParse(d.Groups["d"].Value, CultureInfo.InvariantCulture, out var day)
                && m is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(y, m))
                issued = new DateOnly(y, m, day);
            if (issuer is null && folded.StartsWith("uy ban nhan dan", StringComparison.Ordinal))
            {
                var rest = line[Math.Min(line.Length, "ỦY BAN NHÂN DÂN".Length)..].Trim();
                var place = rest.Length > 0 ? rest : i + 1 < lines.Count ? lines[i + 1] : "";
                issuer = Issuer(place);
            }
            if (title is null && folded == "ke hoach")
            {
                var parts = new List<string>();
                for (var j = i + 1; j < lines.Count && parts.Count < 3; j++)
                {
                    var next = lines[j];
                    var f = TextFold.Fold(next).Trim();
                    if (next.Length == 0 && parts.Count == 0) continue;
                    if (next.Length == 0 || next.StartsWith('(') || f.StartsWith("can cu", StringComparison.Ordinal)
                        || next.StartsWith('-') || next.All(c => c is '-' || c == '_' || char.IsWhiteSpace(c))) break;
                    parts.Add(next.Trim());
                }
                if (parts.Count > 0) title = Title(string.Join(" ", parts));
            }
        }
        return new PlanFacts(number, issued, title, issuer);
    }

    /// <summary>"Cải cách hành chính năm 2026" → "Kế hoạch cải cách hành chính năm 2026" (the first word's case kept
    /// when it is an abbreviation, the whole kept when the line is in capitals).</summary>
    private static string Title(string text)
    {
        text = TextFold.CollapseSpaces(text).Trim();
        if (TextFold.Fold(text).StartsWith("ke hoach", StringComparison.Ordinal)) return text;
        if (text == text.ToUpperInvariant()) return "KẾ HOẠCH " + text;
        var first = text.Split(' ')[0];
        var keep = first.Length > 1 && first.Skip(1).Any(char.IsUpper);
        return "Kế hoạch " + (keep ? text : char.ToLowerInvariant(text[0]) + text[1..]);
    }

    /// <summary>"XÃ BÌNH AN" → "UBND xã Bình An".</summary>
    private static string? Issuer(string place)
    {
        place = TextFold.CollapseSpaces(place).Trim();
        if (place.Length == 0) return null;
        var folded = TextFold.Fold(place);
        var kind = PlaceKinds.FirstOrDefault(k => folded.StartsWith(k + " ", StringComparison.Ordinal));
        if (kind is null) return null;
        var words = place.Split(' ');
        var kindWords = kind.Split(' ').Length;
        var name = string.Join(' ', words.Skip(kindWords).Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
        return "UBND " + string.Join(' ', words.Take(kindWords)).ToLowerInvariant() + " " + name;
    }
}
