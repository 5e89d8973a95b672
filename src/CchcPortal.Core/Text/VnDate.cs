using System.Text.RegularExpressions;

namespace CchcPortal.Core.Text;

/// <summary>Dates and period labels the way Vietnamese (and English) pages write them.</summary>
public static partial class VnDate
{
    private static readonly string[] EnMonths =
    {
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    };

    /// <summary>Vietnam's offset from UTC: +7 all year (no daylight saving since 1975).</summary>
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>
    /// "Today" for statuses and overdue days when <c>as_of</c> is not given: the date in Vietnam at this instant, whatever
    /// the machine's time zone (CI machines run on UTC, a day behind Vietnam from 17:00 to 24:00 UTC). A fixed offset, not
    /// the tz database: the tool runs with invariant globalization and Vietnam has had +7 since 1975.
    /// </summary>
    public static DateOnly Today(TimeProvider? clock = null) => Today((clock ?? TimeProvider.System).GetUtcNow());

    /// <summary>The date in Vietnam at the instant <paramref name="now"/> (of any offset).</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(Offset).DateTime);

    private static bool IsVi(string? lang) => lang is null || lang.StartsWith("vi", StringComparison.OrdinalIgnoreCase);

    /// <summary>vi "14/8/2025" (no leading zeros), en "14 August 2025".</summary>
    public static string Short(DateOnly d, string lang) =>
        IsVi(lang) ? $"{d.Day}/{d.Month}/{d.Year}" : $"{d.Day} {EnMonths[d.Month - 1]} {d.Year}";

    /// <summary>vi "ngày 14 tháng 8 năm 2025", en "14 August 2025".</summary>
    public static string Long(DateOnly d, string lang) =>
        IsVi(lang) ? $"ngày {d.Day} tháng {d.Month} năm {d.Year}" : $"{d.Day} {EnMonths[d.Month - 1]} {d.Year}";

    /// <summary>
    /// As Decree 30/2020/NĐ-CP writes a document's date: "ngày 05 tháng 02 năm 2025", "ngày 15 tháng 12 năm 2025" —
    /// days below 10 and the months 1 and 2 with a leading zero, other months without.
    /// </summary>
    public static string Official(DateOnly d) => $"ngày {d.Day:00} tháng {(d.Month <= 2 ? d.Month.ToString("00") : d.Month.ToString())} năm {d.Year}";

    /// <summary>vi "Tháng 9/2025", en "September 2025".</summary>
    public static string MonthLabel(int year, int month, string lang) =>
        IsVi(lang) ? $"Tháng {month}/{year}" : $"{EnMonths[month - 1]} {year}";

    /// <summary>vi "Quý IV/2025", en "Q4 2025".</summary>
    public static string QuarterLabel(int year, int quarter, string lang) =>
        IsVi(lang) ? $"Quý {Roman(quarter)}/{year}" : $"Q{quarter} {year}";

    private static string Roman(int q) => q switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };

    private const RegexOptions Opts = RegexOptions.CultureInvariant; // source-generated: compiled ahead of time, no Reflection.Emit at startup
    private const string Lead = @"^(?:bao\s+cao\s+(?:ket\s+qua\s+)?(?:cchc\s+)?)?";
    [GeneratedRegex(Lead + @"quy\s*(?<q>iv|i{1,3}|[1-4])(?:\s*[/.-]\s*|\s+nam\s+|\s+)(?<y>\d{4})$", Opts)]
    private static partial Regex QuarterRx { get; }
    [GeneratedRegex(Lead + @"thang\s*(?<m>\d{1,2})(?:\s*[/.-]\s*|\s+nam\s+|\s+)(?<y>\d{4})$", Opts)]
    private static partial Regex MonthRx { get; }
    [GeneratedRegex(Lead + @"(?:nam\s*)(?<y>\d{4})$", Opts)]
    private static partial Regex YearRx { get; }
    [GeneratedRegex(Lead + @"(?<n>\d{1,2})\s+thang\s+(?<side>dau|cuoi)\s+nam\s*(?<y>\d{4})$", Opts)]
    private static partial Regex PartRx { get; }

    /// <summary>
    /// A reporting-period label for the page. "vi": unchanged. "en": "Quý IV/2025" → "Q4 2025",
    /// "Tháng 9/2025" → "September 2025", "Báo cáo năm 2025"/"Năm 2025" → "Year 2025",
    /// "6 tháng đầu năm 2025" → "First half of 2025", "6 tháng cuối năm 2025" → "Second half of 2025",
    /// "9 tháng đầu năm 2025" → "First 9 months of 2025"; unknown forms unchanged.
    /// </summary>
    public static string PeriodLabel(string vietnameseLabel, string lang)
    {
        if (vietnameseLabel is null) return "";
        if (IsVi(lang)) return vietnameseLabel;
        string f = TextFold.CollapseSpaces(TextFold.Fold(vietnameseLabel)).Trim().TrimEnd('.');
        Match m;
        if ((m = QuarterRx.Match(f)).Success)
        {
            int q = m.Groups["q"].Value switch { "i" or "1" => 1, "ii" or "2" => 2, "iii" or "3" => 3, _ => 4 };
            return $"Q{q} {m.Groups["y"].Value}";
        }
        if ((m = MonthRx.Match(f)).Success)
        {
            int mo = int.Parse(m.Groups["m"].Value);
            if (mo is >= 1 and <= 12) return $"{EnMonths[mo - 1]} {m.Groups["y"].Value}";
            return vietnameseLabel;
        }
        if ((m = YearRx.Match(f)).Success) return $"Year {m.Groups["y"].Value}";
        if ((m = PartRx.Match(f)).Success)
        {
            int n = int.Parse(m.Groups["n"].Value);
            string y = m.Groups["y"].Value;
            bool first = m.Groups["side"].Value == "dau";
            if (n == 6) return first ? $"First half of {y}" : $"Second half of {y}";
            if (n is >= 1 and <= 11) return first ? $"First {n} months of {y}" : $"Last {n} months of {y}";
        }
        return vietnameseLabel;
    }
}
