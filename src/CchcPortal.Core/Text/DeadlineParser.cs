using System.Text.RegularExpressions;

namespace CchcPortal.Core.Text;

/// <summary>
/// Parses task deadlines as Vietnamese plans write them, with or without diacritics, in any case,
/// NFC or NFD, with extra spaces. Matching is done on <see cref="TextFold.Fold"/>ed text; labels and
/// authorities are quoted from the original text.
/// </summary>
public static partial class DeadlineParser
{
    private const RegexOptions Opts = RegexOptions.CultureInvariant; // source-generated: compiled ahead of time, no Reflection.Emit at startup
    private const string Dash = @"[-\u2010-\u2015\u2212]";
    private const int MinYear = 1900, MaxYear = 2199;

    /// <summary>Examples of every accepted form, for error messages.</summary>
    /// <summary>The accepted forms quoted and separated by "; ", as messages list them.</summary>
    public static string AcceptedFormsQuoted => string.Join("; ", AcceptedForms.Select(f => "\"" + f + "\""));

    public static IReadOnlyList<string> AcceptedForms { get; } = new[]
    {
        "20/8/2025",
        "Trước ngày 20/8/2025",
        "ngày 14 tháng 8 năm 2025",
        "Tháng 9/2025",
        "trong tháng 10/2025",
        "Quý IV/2025",
        "hoàn thành trong Quý III/2025",
        "Quý 4/2025",
        "6 tháng đầu năm 2025",
        "6 tháng cuối năm 2025",
        "cuối năm 2025",
        "năm 2030",
        "giai đoạn 2026 - 2030",
        "Giao ban quý III: tháng 9/2025; Giao ban quý IV: tháng 12/2025",
        "Tháng 8/2025 (Kế hoạch), Tháng 12/2025 (Báo cáo)",
        "Thường xuyên",
        "Theo kỳ báo cáo CCHC",
        "Định kỳ hằng quý",
        "Theo hướng dẫn của Thành phố",
    };

    // ---- whole-text forms (on folded text) ----
    [GeneratedRegex(@"^\s*(?:thuong\s+xuyen|lien\s+tuc)(?:\s*[,;]?\s*(?:va\s+)?(?:thuong\s+xuyen|lien\s+tuc))?\s*[.;]?\s*$", Opts)]
    private static partial Regex Ongoing { get; }

    [GeneratedRegex(@"^\s*(?:theo\s+(?:cac\s+)?(?:ky|dot)\s+bao\s+cao\b.*|dinh\s+ky\b.*|(?:hang|moi)\s+(?:quy|thang|nam|tuan|ky\s+bao\s+cao)\b.*)$", Opts | RegexOptions.Singleline)]
    private static partial Regex EachPeriod { get; }

    [GeneratedRegex(@"^\s*theo\s+(?:huong\s+dan|chi\s+dao|yeu\s+cau|quy\s+dinh|van\s+ban)(?:\s*(?:,|va)?\s*(?:huong\s+dan|chi\s+dao|yeu\s+cau))?(?:\s+cua\b)?\s*(?<auth>.*?)\s*[.;]?\s*$", Opts | RegexOptions.Singleline)]
    private static partial Regex Guidance { get; }

    // ---- one date expression (on folded, whitespace-collapsed text) ----
    [GeneratedRegex(@"^(?:(?:hoan\s+thanh|thuc\s+hien|xong|truoc|trong|den|toi|vao|cham\s+nhat|muon\s+nhat|thoi\s+han|han|het|khoang|du\s+kien|cuoi|ket\s+thuc)\b\s*:?\s*)+", Opts)]
    private static partial Regex Prefix { get; }

    [GeneratedRegex(@"^tu\s+(?<from>.+?)\s+(?:den|toi)\s+(?<to>.+)$", Opts)]
    private static partial Regex Range { get; }

    [GeneratedRegex(@"^(?:ngay\s*)?(?<d>\d{1,2})\s*(?<sep>[/.-])\s*(?<m>\d{1,2})\s*\k<sep>\s*(?<y>\d{4})$", Opts)]
    private static partial Regex DayNumeric { get; }

    [GeneratedRegex(@"^(?:ngay\s*)?(?<d>\d{1,2})\s+thang\s+(?<m>\d{1,2})\s*,?\s*(?:nam\s*|/\s*)(?<y>\d{4})$", Opts)]
    private static partial Regex DayWords { get; }

    [GeneratedRegex(@"^(?<y>\d{4})-(?<m>\d{2})-(?<d>\d{2})$", Opts)]
    private static partial Regex DayIso { get; }

    [GeneratedRegex(@"^(?:thang\s*)(?<m>\d{1,2})(?:\s*[/.-]\s*|\s+nam\s+|\s+)(?<y>\d{4})$", Opts)]
    private static partial Regex Month { get; }

    [GeneratedRegex(@"^(?<m>\d{1,2})\s*/\s*(?<y>\d{4})$", Opts)]
    private static partial Regex MonthBare { get; }

    [GeneratedRegex(@"^quy\s*(?<q>iv|i{1,3}|[1-4])(?:\s*[/.-]\s*|\s+nam\s+|\s+)(?<y>\d{4})$", Opts)]
    private static partial Regex Quarter { get; }

    [GeneratedRegex(@"^(?<n>\d{1,2}|nua)\s+(?:thang\s+)?(?<side>dau|cuoi)\s+nam(?:\s*/\s*|\s+)(?<y>\d{4})$", Opts)]
    private static partial Regex MonthsOfYear { get; }

    [GeneratedRegex(@"^(?:nam\s*)?(?<y>\d{4})$", Opts)]
    private static partial Regex Year { get; }

    [GeneratedRegex($@"^(?:giai\s+doan\s*|nam\s+)?(?:tu\s+)?(?:nam\s+)?(?<y1>\d{{4}})\s*(?:{Dash}|den)\s*(?:nam\s+)?(?<y2>\d{{4}})$", Opts)]
    private static partial Regex Period { get; }


    /// <summary>Parses a deadline text. False for anything not in <see cref="AcceptedForms"/>' shapes.</summary>
    public static bool TryParse(string text, out Deadline? deadline)
    {
        deadline = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        string original = TextFold.ToNfc(text).Trim();
        var (folded, map) = TextFold.FoldWithMap(original);
        var src = new Source(original, folded, map);

        if (Ongoing.IsMatch(folded))
        {
            deadline = new Deadline(original, DeadlineKind.Ongoing, Array.Empty<Milestone>());
            return true;
        }
        if (EachPeriod.IsMatch(folded))
        {
            deadline = new Deadline(original, DeadlineKind.EachReportingPeriod, Array.Empty<Milestone>());
            return true;
        }
        var g = Guidance.Match(folded);
        if (g.Success)
        {
            var auth = g.Groups["auth"];
            string? authority = auth.Length == 0 ? null : src.Slice(auth.Index, auth.Index + auth.Length);
            deadline = new Deadline(original, DeadlineKind.PerGuidance, Array.Empty<Milestone>(),
                string.IsNullOrWhiteSpace(authority) ? null : authority);
            return true;
        }

        var milestones = ParseList(src, 0, folded.Length, 0);
        if (milestones is null || milestones.Count == 0) return false;
        deadline = new Deadline(original, DeadlineKind.Dated, milestones);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> listing the accepted forms.</summary>
    public static Deadline Parse(string text) =>
        TryParse(text, out var d) ? d! : throw new FormatException(
            $"Không hiểu thời hạn \"{text}\". Các dạng được chấp nhận: {AcceptedFormsQuoted}");

    [GeneratedRegex(@"(?<![\d/.-])(?<d>\d{1,2})\s*(?<sep>[/.-])\s*(?<m>\d{1,2})\s*\k<sep>\s*(?<y>\d{4})(?![\d/.-])", Opts)]
    private static partial Regex NumericDay { get; }

    /// <summary>
    /// A day written d/m/yyyy that does not exist ("31/02/2026", "15/13/2025"), in a deadline <see cref="TryParse"/>
    /// refused: what was written, its parts, and the deadline with the month's last day instead (or null when there is none).
    /// </summary>
    public static (string Written, int Day, int Month, int Year, string Corrected)? ImpossibleDate(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var original = TextFold.ToNfc(text).Trim();
        foreach (Match m in NumericDay.Matches(original))
        {
            int d = int.Parse(m.Groups["d"].Value, System.Globalization.CultureInfo.InvariantCulture);
            int mo = int.Parse(m.Groups["m"].Value, System.Globalization.CultureInfo.InvariantCulture);
            int y = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!ValidYear(y)) continue;
            var valid = mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo);
            if (valid) continue;
            var sep = m.Groups["sep"].Value;
            var fixedDay = mo is >= 1 and <= 12
                ? $"{DateTime.DaysInMonth(y, mo).ToString(System.Globalization.CultureInfo.InvariantCulture)}{sep}{m.Groups["m"].Value}{sep}{y.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
                : $"{m.Groups["d"].Value}{sep}12{sep}{y.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
            return (m.Value, d, mo, y, original[..m.Index] + fixedDay + original[(m.Index + m.Length)..]);
        }
        return null;
    }

    /// <summary>Parses one date expression ("Quý IV/2025", "trước ngày 20/8/2025") without labels or lists.</summary>
    public static bool TryParseDue(string text, out DateOnly due, out DuePrecision precision)
    {
        due = default;
        precision = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var r = ParseDateExpr(TextFold.Fold(TextFold.ToNfc(text)));
        if (r is null) return false;
        (due, precision) = r.Value;
        return true;
    }

    private sealed record Source(string Original, string Folded, int[] Map)
    {
        /// <summary>The original text behind folded range [start, end), trimmed.</summary>
        public string Slice(int start, int end)
        {
            while (start < end && char.IsWhiteSpace(Folded[start])) start++;
            while (end > start && char.IsWhiteSpace(Folded[end - 1])) end--;
            if (start >= end) return "";
            int from = Map[start];
            int to = end < Map.Length ? Map[end] : Original.Length;
            if (to <= from) to = Map[end - 1] + 1;
            return TextFold.CollapseSpaces(Original[from..to].Trim());
        }
    }

    private static List<Milestone>? ParseList(Source src, int start, int end, int level)
    {
        // a list first (so a label cannot swallow the separator), then a single milestone
        for (int lv = level; lv <= 2; lv++)
        {
            var parts = Split(src.Folded, start, end, lv);
            if (parts.Count <= 1) continue;
            var result = new List<Milestone>();
            bool ok = true;
            foreach (var (s, e) in parts)
            {
                if (IsBlank(src.Folded, s, e)) continue;
                var sub = ParseList(src, s, e, lv + 1);
                if (sub is null) { ok = false; break; }
                result.AddRange(sub);
            }
            if (ok && result.Count > 0) return result;
        }
        var single = ParseMilestone(src, start, end);
        return single is null ? null : new List<Milestone> { single };
    }

    private static bool IsBlank(string f, int s, int e)
    {
        for (int i = s; i < e; i++) if (!char.IsWhiteSpace(f[i]) && f[i] != '.') return false;
        return true;
    }

    /// <summary>Splits at depth-0 separators: level 0 ";" and line breaks (not after ':'), 1 ",", 2 " và ".</summary>
    private static List<(int, int)> Split(string f, int start, int end, int level)
    {
        var parts = new List<(int, int)>();
        int depth = 0, partStart = start;
        for (int i = start; i < end; i++)
        {
            char c = f[i];
            if (c == '(' || c == '[') { depth++; continue; }
            if ((c == ')' || c == ']') && depth > 0) { depth--; continue; }
            if (depth > 0) continue;
            int sepLen = 0;
            switch (level)
            {
                case 0 when c == ';':
                    sepLen = 1;
                    break;
                case 0 when c == '\n' || c == '\r':
                    if (!EndsWithColon(f, partStart, i)) sepLen = 1;
                    break;
                case 1 when c == ',':
                    sepLen = 1;
                    break;
                case 2 when char.IsWhiteSpace(c) && i + 3 < end && f[i + 1] == 'v' && f[i + 2] == 'a' && char.IsWhiteSpace(f[i + 3]):
                    sepLen = 4;
                    break;
            }
            if (sepLen == 0) continue;
            parts.Add((partStart, i));
            partStart = i + sepLen;
            i += sepLen - 1;
        }
        parts.Add((partStart, end));
        return parts;
    }

    private static bool EndsWithColon(string f, int start, int end)
    {
        for (int i = end - 1; i >= start; i--)
        {
            if (char.IsWhiteSpace(f[i])) continue;
            return f[i] == ':';
        }
        return false;
    }

    private static Milestone? ParseMilestone(Source src, int start, int end)
    {
        string f = src.Folded;
        (start, end) = TrimRange(f, start, end);
        if (start >= end) return null;

        // the whole range is a date expression
        var whole = ParseDateExpr(f[start..end]);
        if (whole is not null) return new Milestone(null, src.Slice(start, end), whole.Value.Due, whole.Value.Precision);

        // "Label: date"
        for (int i = start; i < end; i++)
        {
            if (f[i] != ':') continue;
            if (IsBlank(f, start, i)) continue;
            var r = ParseDateExpr(f[(i + 1)..end]);
            if (r is not null)
                return new Milestone(src.Slice(start, i), src.Slice(i + 1, end), r.Value.Due, r.Value.Precision);
        }

        // "date (Label)"
        if (f[end - 1] == ')')
        {
            int open = MatchingOpen(f, start, end - 1);
            if (open > start)
            {
                var r = ParseDateExpr(f[start..open]);
                if (r is not null && !IsBlank(f, open + 1, end - 1))
                    return new Milestone(src.Slice(open + 1, end - 1), src.Slice(start, open), r.Value.Due, r.Value.Precision);
            }
        }

        // "(Label) date"
        if (f[start] == '(')
        {
            int close = f.IndexOf(')', start);
            if (close > start && close < end - 1)
            {
                var r = ParseDateExpr(f[(close + 1)..end]);
                if (r is not null && !IsBlank(f, start + 1, close))
                    return new Milestone(src.Slice(start + 1, close), src.Slice(close + 1, end), r.Value.Due, r.Value.Precision);
            }
        }
        return null;
    }

    private static (int, int) TrimRange(string f, int start, int end)
    {
        while (start < end && (char.IsWhiteSpace(f[start]) || f[start] is '-' or '+' or '*' or '•')) start++;
        while (end > start && (char.IsWhiteSpace(f[end - 1]) || f[end - 1] is '.' or ';' or ',')) end--;
        return (start, end);
    }

    private static int MatchingOpen(string f, int start, int closeIndex)
    {
        int depth = 0;
        for (int i = closeIndex; i >= start; i--)
        {
            if (f[i] == ')') depth++;
            else if (f[i] == '(' && --depth == 0) return i;
        }
        return -1;
    }

    private static (DateOnly Due, DuePrecision Precision)? ParseDateExpr(string folded)
    {
        string x = TextFold.CollapseSpaces(folded).Trim().TrimEnd('.', ';', ',').Trim();
        if (x.Length == 0) return null;

        var range = Range.Match(x);
        if (range.Success)
        {
            var from = ParseCore(StripPrefix(range.Groups["from"].Value));
            var to = ParseCore(StripPrefix(range.Groups["to"].Value));
            if (from is not null && to is not null && from.Value.Due <= to.Value.Due) return to;
        }
        return ParseCore(StripPrefix(x));
    }

    private static string StripPrefix(string x)
    {
        var m = Prefix.Match(x);
        return m.Success ? x[m.Length..].Trim() : x;
    }

    private static (DateOnly Due, DuePrecision Precision)? ParseCore(string x)
    {
        if (x.Length == 0) return null;
        Match m;
        if ((m = DayNumeric.Match(x)).Success || (m = DayWords.Match(x)).Success || (m = DayIso.Match(x)).Success)
        {
            int d = int.Parse(m.Groups["d"].Value), mo = int.Parse(m.Groups["m"].Value), y = int.Parse(m.Groups["y"].Value);
            if (!ValidYear(y) || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return null;
            return (new DateOnly(y, mo, d), DuePrecision.Day);
        }
        if ((m = Month.Match(x)).Success || (m = MonthBare.Match(x)).Success)
        {
            int mo = int.Parse(m.Groups["m"].Value), y = int.Parse(m.Groups["y"].Value);
            if (!ValidYear(y) || mo is < 1 or > 12) return null;
            return (EndOfMonth(y, mo), DuePrecision.Month);
        }
        if ((m = Quarter.Match(x)).Success)
        {
            int y = int.Parse(m.Groups["y"].Value);
            int q = m.Groups["q"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
            if (!ValidYear(y)) return null;
            return (EndOfMonth(y, q * 3), DuePrecision.Quarter);
        }
        if ((m = MonthsOfYear.Match(x)).Success)
        {
            int y = int.Parse(m.Groups["y"].Value);
            string n = m.Groups["n"].Value;
            int months = n == "nua" ? 6 : int.Parse(n);
            if (!ValidYear(y) || months is < 1 or > 12) return null;
            if (m.Groups["side"].Value == "cuoi" || months == 12) return (new DateOnly(y, 12, 31), DuePrecision.Year);
            return (EndOfMonth(y, months), DuePrecision.Month);
        }
        if ((m = Year.Match(x)).Success)
        {
            int y = int.Parse(m.Groups["y"].Value);
            if (!ValidYear(y)) return null;
            return (new DateOnly(y, 12, 31), DuePrecision.Year);
        }
        if ((m = Period.Match(x)).Success)
        {
            int y1 = int.Parse(m.Groups["y1"].Value), y2 = int.Parse(m.Groups["y2"].Value);
            if (!ValidYear(y1) || !ValidYear(y2) || y2 < y1) return null;
            return (new DateOnly(y2, 12, 31), DuePrecision.Year);
        }
        return null;
    }

    private static bool ValidYear(int y) => y is >= MinYear and <= MaxYear;

    private static DateOnly EndOfMonth(int y, int m) => new(y, m, DateTime.DaysInMonth(y, m));
}
