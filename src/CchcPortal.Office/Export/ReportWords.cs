using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Office.Export;

/// <summary>
/// The Vietnamese words of the report, derived from the content: who issues it, where, its number, date and subject,
/// to whom it goes, and how statuses and target values are written. Vietnamese whatever language the messages use.
/// </summary>
internal sealed class ReportWords(SiteConfig config, IReadOnlyList<Unit> units, ReportFacts facts)
{
    /// <summary>Beside a deadline moved by an adjusting decision, in the task table.</summary>
    public const string Adjusted = "(điều chỉnh)";

    private readonly Dictionary<string, Unit> _units = units.ToDictionary(u => u.Id, StringComparer.Ordinal);
    private Plan Plan => facts.Plan;
    private Report Report => facts.Report;

    /// <summary>The commune as its name is written after "Ủy ban nhân dân": "phường Ô Chợ Dừa", from the plan's issuer
    /// ("UBND phường Ô Chợ Dừa") or else site.yaml's <c>commune</c>; null when neither says.</summary>
    public string? Commune
    {
        get
        {
            foreach (var prefix in new[] { "UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân " })
                if (Plan.Issuer is { } issuer && issuer.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && issuer.Length > prefix.Length)
                    return issuer[prefix.Length..].Trim();
            return string.IsNullOrWhiteSpace(config.Commune) ? null : LowerFirst(config.Commune.Trim());
        }
    }

    /// <summary>"UBND phường Ô Chợ Dừa" — the issuer as the body names it.</summary>
    public string IssuerShort => Commune is { } c ? "UBND " + c : Plan.Issuer ?? "UBND";

    /// <summary>The second line of the issuer's name, in capitals: "PHƯỜNG Ô CHỢ DỪA".</summary>
    public string? CommuneCaps => Commune?.ToUpperInvariant();

    /// <summary>The place of the date line: the commune without its kind ("Ô Chợ Dừa"), blank for the clerk when unknown.</summary>
    public string Place
    {
        get
        {
            var c = Commune;
            if (c is null) return "……………";
            foreach (var kind in new[] { "phường ", "xã ", "thị trấn ", "đặc khu ", "thị xã ", "quận ", "huyện ", "thành phố " })
                if (c.StartsWith(kind, StringComparison.OrdinalIgnoreCase) && c.Length > kind.Length) return c[kind.Length..].Trim();
            return c;
        }
    }

    /// <summary>"Số: 247/BC-UBND", or "Số:      /BC-UBND" for the clerk to fill in when the report has no number yet.</summary>
    public string NumberLine => Report.Number is { Length: > 0 } n ? $"Số: {n}" : "Số:        /BC-UBND";

    /// <summary>"Ô Chợ Dừa, ngày 15 tháng 12 năm 2025"; without an issue date the day and month are left blank.</summary>
    public string PlaceAndDate => Report.Issued is { } d
        ? $"{Place}, {VnDate.Official(d)}"
        : $"{Place}, ngày      tháng      năm {Report.Period.Due.Year}";

    /// <summary>The period as the subject line ends: "Quý IV/2025", "năm 2025" (from the label "Báo cáo năm 2025" or
    /// "Năm 2025"), "tháng 9/2025".</summary>
    public string PeriodPhrase => Phrase(Report.Period.Label.Vi);

    /// <summary>A period's label as it reads after "báo cáo …" mid-sentence (see <see cref="PeriodPhrase"/>).</summary>
    public static string Phrase(string periodLabel)
    {
        var label = periodLabel.Trim();
        foreach (var lead in new[] { "Báo cáo kết quả ", "Báo cáo " })
            if (label.StartsWith(lead, StringComparison.OrdinalIgnoreCase) && label.Length > lead.Length) { label = label[lead.Length..].Trim(); break; }
        // Mid-sentence, "năm" and "tháng" are lower-case; "Quý IV/2025" keeps its capital as documents write it.
        return label.StartsWith("Năm ", StringComparison.Ordinal) || label.StartsWith("Tháng ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(label[0]) + label[1..] : label;
    }

    /// <summary>"Kết quả thực hiện công tác cải cách hành chính Quý IV/2025".</summary>
    public string Subject => $"Kết quả thực hiện công tác cải cách hành chính {PeriodPhrase}";

    /// <summary>"Thực hiện Kế hoạch số 45/KH-UBND ngày 14/8/2025 của UBND phường Ô Chợ Dừa (title), UBND ... báo cáo ... như sau:"</summary>
    public string Opening
    {
        get
        {
            var plan = "Kế hoạch" + (Plan.Number is { } n ? $" số {n}" : "") + (Plan.Issued is { } d ? $" ngày {VnDate.Short(d, "vi")}" : "")
                + (Plan.Issuer is { } i ? $" của {i}" : "");
            var covers = Report.Period.From is { } f && Report.Period.To is { } t
                ? $" (từ ngày {VnDate.Short(f, "vi")} đến ngày {VnDate.Short(t, "vi")})" : "";
            return $"Thực hiện {plan} ({Plan.Title.Vi}), {IssuerShort} báo cáo kết quả thực hiện công tác cải cách hành chính {PeriodPhrase}{covers} như sau:";
        }
    }

    public string Closing => $"Trên đây là báo cáo kết quả thực hiện công tác cải cách hành chính {PeriodPhrase} của {IssuerShort}./.";

    /// <summary>"Kèm theo Báo cáo số 247/BC-UBND ngày 15/12/2025 của UBND phường Ô Chợ Dừa".</summary>
    public string AppendixOf =>
        $"(Kèm theo Báo cáo số {(Report.Number is { Length: > 0 } n ? n : "      /BC-UBND")} ngày {(Report.Issued is { } d ? VnDate.Short(d, "vi") : "      ")} của {IssuerShort})";

    /// <summary>Nơi nhận: the superior People's Committee (the province's, through its Department of Home Affairs, which
    /// compiles reform reports), then the archive ("Lưu: VT" and the standing agency that drafted it).</summary>
    public IReadOnlyList<string> Recipients
    {
        get
        {
            var list = new List<string>();
            if (!string.IsNullOrWhiteSpace(config.Province))
            {
                var province = LowerFirst(config.Province.Trim());
                list.Add($"- UBND {province} (qua Sở Nội vụ);");
            }
            else list.Add("- UBND cấp trên (qua Sở Nội vụ);");
            var standing = units.FirstOrDefault(u => u.Role == UnitRole.Standing);
            list.Add(standing?.Short is { } s ? $"- Lưu: VT, {s.Vi}." : "- Lưu: VT.");
            return list;
        }
    }

    /// <summary>A recommendation's state as the report writes it: "đã thực hiện", "tiếp thu, đang thực hiện"…</summary>
    public static string Result(RecommendationState state) => state switch
    {
        RecommendationState.Accepted => "tiếp thu, đang thực hiện",
        RecommendationState.Done => "đã thực hiện",
        RecommendationState.Explained => "đã giải trình",
        RecommendationState.Declined => "không tiếp thu",
        RecommendationState.Overdue => "quá hạn trả lời",
        _ => "chờ trả lời",
    };

    public string UnitName(string? id) => id is null ? "" : _units.TryGetValue(id, out var u) ? u.Name.Vi : id;
    public string UnitShort(string? id) => id is null ? "" : _units.TryGetValue(id, out var u) ? (u.Short ?? u.Name).Vi : id;

    public static string Status(TaskStatus status) => status switch
    {
        TaskStatus.Done => "Đã hoàn thành",
        TaskStatus.InProgress => "Đang thực hiện",
        TaskStatus.Cancelled => "Không thực hiện",
        _ => "Chưa triển khai",
    };

    public static string Result(TargetResult result) => result switch
    {
        TargetResult.Met => "Đạt",
        TargetResult.NotMet => "Chưa đạt",
        _ => "Chưa có số liệu",
    };

    public static string Number(decimal value) => VnNumber.Format(value, "vi");

    /// <summary>A target's value as written in the report: "98,4%", "2,95/3 điểm", "12", "Hoàn thành".</summary>
    public static string Value(Target target, decimal value) => target.Metric switch
    {
        Metric.Percent => Number(value) + "%",
        Metric.Points => target.Max is { } max ? $"{Number(value)}/{Number(max)} điểm" : $"{Number(value)} điểm",
        Metric.Boolean => value != 0 ? "Hoàn thành" : "Chưa hoàn thành",
        _ => Number(value),
    };

    public static string Goal(Target target) =>
        target.Metric == Metric.Boolean ? "Hoàn thành" : $"{target.Goal.Symbol} {Value(target, target.Goal.Value)}";

    public static string Baseline(Target target) => target.Baseline is { } b
        ? Value(target, b.Value) + (b.Date is { } d ? $" ({VnDate.Short(d, "vi")})" : "") : "";

    /// <summary>"I", "II", … for the area rows of the appendix tables.</summary>
    public static string Roman(int n) => n switch { 1 => "I", 2 => "II", 3 => "III", 4 => "IV", 5 => "V", 6 => "VI", 7 => "VII", 8 => "VIII", 9 => "IX", _ => n.ToString() };

    private static string LowerFirst(string s) =>
        s.StartsWith("Tỉnh ", StringComparison.Ordinal) || s.StartsWith("Thành phố ", StringComparison.Ordinal) ||
        s.StartsWith("Phường ", StringComparison.Ordinal) || s.StartsWith("Xã ", StringComparison.Ordinal) ||
        s.StartsWith("Thị trấn ", StringComparison.Ordinal) || s.StartsWith("Đặc khu ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(s[0]) + s[1..] : s;
}
