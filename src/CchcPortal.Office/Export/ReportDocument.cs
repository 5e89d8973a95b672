using CchcPortal.Core.Model;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using static CchcPortal.Office.Export.Word;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Office.Export;

/// <summary>
/// The body of the report as Decree 30/2020/NĐ-CP, Phụ lục I lays out an administrative document: the header (issuer
/// and number beside the national motto, place and date), "BÁO CÁO" and its subject, the narrative, the results by
/// area, "Nơi nhận" beside the signature block; then, on landscape pages, the appendices: every task and every target.
/// </summary>
internal sealed class ReportDocument(ReportFacts facts, ReportWords words)
{
    /// <summary>A4 portrait (twips) with margins top and bottom 2 cm, left 3 cm, right 1,5 cm.</summary>
    public static readonly Page Portrait = new(11906, 16838, 2 * Cm, 2 * Cm, 3 * Cm, (int)(1.5 * Cm), false);
    public static readonly Page Landscape = Portrait with { Width = 16838, Height = 11906, Landscape = true };

    public sealed record Page(int Width, int Height, int Top, int Bottom, int Left, int Right, bool Landscape)
    {
        public int TextWidth => Width - Left - Right;
    }

    private int Width => Portrait.TextWidth;

    /// <summary>A cell's left and right margins together (see <see cref="Word.Table"/>).</summary>
    private const int CellMargins = 170;

    /// <summary>The built-in header: a borderless table of two columns and two rows.</summary>
    public Table Header()
    {
        int left = (int)(Width * 0.38), right = Width - left;
        var table = Table([left, right], borders: false);
        var issuer = new List<OpenXmlElement> { Centered("ỦY BAN NHÂN DÂN", Look.Bold, 13) };
        if (words.CommuneCaps is { } caps) issuer.Add(Centered(caps, Look.Bold, 13));
        issuer.Add(Rule(left / 3, left - CellMargins));
        var motto = new List<OpenXmlElement>
        {
            Centered("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", Look.Bold, 12.5),
            Centered("Độc lập - Tự do - Hạnh phúc", Look.Bold, 13.5),
            Rule((int)(6.1 * Cm), right - CellMargins), // as long as the motto at 13,5 pt bold
        };
        var first = Row();
        first.Append(Cell(left, issuer), Cell(right, motto));
        var second = Row();
        second.Append(Cell(left, [Centered(words.NumberLine, size: 13, before: 6)]),
            Cell(right, [Centered(words.PlaceAndDate, Look.Italic, 14, before: 6)]));
        table.Append(first, second);
        return table;
    }

    /// <summary>"BÁO CÁO", its subject and the rule under it.</summary>
    public IEnumerable<OpenXmlElement> Title()
    {
        yield return Centered("BÁO CÁO", Look.Bold, 14, before: 24);
        yield return Centered(words.Subject, Look.Bold, 14);
        yield return Rule(Width / 4, Width, after: 12);
    }

    /// <summary>The opening sentence, the narrative, the results by area and the closing sentence.</summary>
    public IEnumerable<OpenXmlElement> Content()
    {
        yield return Body(words.Opening);
        foreach (var block in WordMarkdown.Blocks(facts.Report.Body.Vi, Width)) yield return block;
        foreach (var block in Areas()) yield return block;
        foreach (var block in Recommendations()) yield return block;
        yield return Body("Chi tiết kết quả thực hiện từng nhiệm vụ, chỉ tiêu tại Phụ lục I và Phụ lục II kèm theo Báo cáo này.");
        yield return Body(words.Closing);
    }

    /// <summary>What was done, is in progress, is overdue (with the days) and was not reported, area by area, judged on
    /// the report's date; then the area's targets met or not.</summary>
    private IEnumerable<OpenXmlElement> Areas()
    {
        yield return Body([Run("KẾT QUẢ THỰC HIỆN THEO TỪNG LĨNH VỰC", Look.Bold),
            Run($" (tính đến ngày {Core.Text.VnDate.Short(facts.AsOf, "vi")})", Look.Italic)], keepNext: true);
        var n = 0;
        foreach (var area in Area.All)
        {
            var tasks = facts.Tasks.Where(t => t.Task.Area.Id == area.Id).OrderBy(t => t.Task.No).ToList();
            var targets = facts.Targets.Where(t => t.State.Target.Area.Id == area.Id).ToList();
            if (tasks.Count == 0 && targets.Count == 0) continue;
            yield return Body($"{++n}. {area.NameVi}", Look.Bold, keepNext: true);
            if (tasks.Count > 0)
            {
                yield return Line("Tổng số nhiệm vụ", $"{tasks.Count}.");
                yield return Line("Đã hoàn thành", Numbers(tasks.Where(t => t.Status == TaskStatus.Done)));
                yield return Line("Đang thực hiện", Numbers(tasks.Where(t => t.Status == TaskStatus.InProgress)));
                if (tasks.Any(t => t.Status == TaskStatus.NotStarted)) yield return Line("Chưa triển khai", Numbers(tasks.Where(t => t.Status == TaskStatus.NotStarted)));
                if (tasks.Any(t => t.Status == TaskStatus.Cancelled)) yield return Line("Không thực hiện", Numbers(tasks.Where(t => t.Status == TaskStatus.Cancelled)));
                var overdue = tasks.Where(t => t.Overdue).ToList();
                yield return Line("Quá hạn", overdue.Count == 0 ? "không có." :
                    $"{overdue.Count} nhiệm vụ: " + string.Join("; ", overdue.Select(t => $"số {t.Task.No} ({words.UnitShort(t.Task.LeadId)} chủ trì, quá hạn {t.DaysOverdue} ngày)")) + ".");
                var silent = tasks.Where(t => t.NoReport).ToList();
                yield return Line("Chưa báo cáo", silent.Count == 0 ? "không có." :
                    $"{silent.Count} nhiệm vụ: " + string.Join("; ", silent.Select(t => $"số {t.Task.No} ({words.UnitShort(t.Task.LeadId)} chủ trì)")) + ".");
            }
            if (targets.Count > 0)
            {
                var met = targets.Count(t => t.Result == TargetResult.Met);
                var missed = targets.Where(t => t.Result == TargetResult.NotMet).ToList();
                var noData = targets.Count(t => t.Result == TargetResult.NoData);
                var text = $"đạt {met}/{targets.Count}" +
                    (missed.Count > 0 ? "; chưa đạt: " + string.Join("; ", missed.Select(t =>
                        $"{t.State.Target.Title.Vi} ({ReportWords.Value(t.State.Target, t.Value!.Value)}, chỉ tiêu {ReportWords.Goal(t.State.Target)})")) : "") +
                    (noData > 0 ? $"; chưa có số liệu: {noData}" : "") + ".";
                yield return Line("Chỉ tiêu", text);
            }
        }
    }

    /// <summary>
    /// The Front's recommendations (issue 32): those answered in the period (from the day after the previous report, or
    /// the period's start, to the report's date) with their result, those carried out, and those still awaiting an
    /// answer on the report's date, overdue ones with their days. Nothing when no supervision concerns the plan.
    /// </summary>
    private IEnumerable<OpenXmlElement> Recommendations()
    {
        var all = facts.Supervision.Recommendations;
        if (all.Count == 0) yield break;
        yield return Body([Run("KẾT QUẢ TRẢ LỜI, THỰC HIỆN KIẾN NGHỊ CỦA MẶT TRẬN TỔ QUỐC", Look.Bold),
            Run($" (tính đến ngày {Core.Text.VnDate.Short(facts.AsOf, "vi")})", Look.Italic)], keepNext: true);
        string Of(RecommendationStatus r) => $"kiến nghị số {r.Recommendation.No}" + (r.Supervision.Number is { } n ? $" tại văn bản {n}" : "");
        var answered = all.Where(r => r.Answer is { } a && a.Date >= facts.PeriodStart).ToList();
        yield return Line("Đã trả lời trong kỳ", answered.Count == 0 ? "không có." :
            $"{answered.Count} kiến nghị: " + string.Join("; ", answered.Select(r =>
                $"{Of(r)} ({words.UnitShort(r.Recommendation.ToId)}): {ReportWords.Result(r.State)}" +
                (r.Answer!.Number is { } number ? $", văn bản số {number}" : "") + $" ngày {Core.Text.VnDate.Short(r.Answer.Date, "vi")}")) + ".");
        var done = answered.Where(r => r.CarriedOut).ToList();
        yield return Line("Đã thực hiện trong kỳ", done.Count == 0 ? "không có." : $"{done.Count} kiến nghị ({string.Join("; ", done.Select(Of))}).");
        var awaiting = facts.Supervision.Awaiting.SelectMany(g => g.Recommendations).ToList();
        yield return Line("Chưa trả lời", awaiting.Count == 0 ? "không có." :
            $"{awaiting.Count} kiến nghị: " + string.Join("; ", awaiting.Select(r =>
                $"{Of(r)} ({words.UnitShort(r.Recommendation.ToId)}): {r.Recommendation.Text.Vi}" +
                (r.Overdue ? $", quá hạn trả lời {r.DaysOverdue} ngày" : r.Recommendation.Due is { } due ? $", hạn trả lời {Core.Text.VnDate.Short(due, "vi")}" : ""))) + ".");
        yield return Line("Tổng hợp", $"{all.Count} kiến nghị: {all.Count(r => r.Answered)} đã trả lời, trong đó {all.Count(r => r.CarriedOut)} đã thực hiện; " +
            $"{awaiting.Count} chưa trả lời.");
    }

    private static Paragraph Line(string label, string text) => Body([Run("- " + label + ": "), Run(text)]);

    private static string Numbers(IEnumerable<TaskState> tasks)
    {
        var list = tasks.Select(t => t.Task.No).ToList();
        return list.Count == 0 ? "không có." : $"{list.Count} nhiệm vụ (số {string.Join(", ", list)}).";
    }

    /// <summary>"Nơi nhận:" on the left, the signature block on the right, the signer's name left blank.</summary>
    public Table Signature()
    {
        int left = (int)(Width * 0.45), right = Width - left;
        var table = Table([left, right], borders: false);
        var recipients = new List<OpenXmlElement> { Para([Run("Nơi nhận:", Look.Bold | Look.Italic, 12)], JustificationValues.Left, after: 0, before: 6) };
        recipients.AddRange(words.Recipients.Select(r => Para([Run(r, size: 11)], JustificationValues.Left, after: 0)));
        var sign = new List<OpenXmlElement>
        {
            Centered("TM. ỦY BAN NHÂN DÂN", Look.Bold, 14, before: 6),
            Centered("CHỦ TỊCH", Look.Bold, 14, after: 72, keepNext: false),
        };
        var row = Row(cantSplit: true);
        row.Append(Cell(left, recipients), Cell(right, sign));
        table.Append(row);
        return table;
    }

    /// <summary>Phụ lục I: every task, grouped by area, as this report leaves it.</summary>
    public IEnumerable<OpenXmlElement> TaskAppendix()
    {
        var width = Landscape.TextWidth;
        yield return Centered("Phụ lục I", Look.Bold, 14);
        yield return Centered($"KẾT QUẢ THỰC HIỆN NHIỆM VỤ {words.PeriodPhrase.ToUpperInvariant()}", Look.Bold, 14);
        yield return Centered(words.AppendixOf, Look.Italic, 14, after: 6);
        int[] cols = [700, 3600, 1600, 1700, 1500, 800, 2300, 2086];
        cols[1] += width - cols.Sum();
        var table = Table(cols, borders: true);
        var head = Row(header: true, cantSplit: true);
        foreach (var (w, h) in cols.Zip(new[] { "STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn hoàn thành", "Kết quả", "Tiến độ", "Ghi chú", "Văn bản, minh chứng" }))
            head.Append(TextCell(w, h, Look.Bold, JustificationValues.Center));
        table.Append(head);
        var group = 0;
        foreach (var area in Area.All)
        {
            var tasks = facts.Tasks.Where(t => t.Task.Area.Id == area.Id).OrderBy(t => t.Task.No).ToList();
            if (tasks.Count == 0) continue;
            var areaRow = Row(cantSplit: true);
            areaRow.Append(TextCell(cols[0], ReportWords.Roman(++group), Look.Bold, JustificationValues.Center),
                TextCell(cols.Skip(1).Sum(), area.NameVi, Look.Bold, span: cols.Length - 1));
            table.Append(areaRow);
            foreach (var t in tasks) table.Append(TaskRow(cols, t));
        }
        yield return table;
    }

    private TableRow TaskRow(int[] cols, TaskState t)
    {
        var mentioned = facts.Mentions(t.Task);
        var status = ReportWords.Status(t.Status)
            + (t.Overdue ? $"\nQuá hạn {t.DaysOverdue} ngày" : "")
            + (t.NoReport ? "\nChưa báo cáo kỳ này" : "");
        // A task this report does not mention shows its latest earlier entry, saying which report it comes from.
        var note = t.Last?.Entry.Note?.Vi ?? "";
        if (!mentioned && t.Last is { } last) note = $"(Theo báo cáo {last.Report.Period.Label.Vi}{(last.Report.Number is { } n ? $", số {n}" : "")})" + (note.Length > 0 ? "\n" + note : "");
        // Never split across pages (LibreOffice and Word still split a row taller than a page).
        var row = Row(cantSplit: true);
        row.Append(
            TextCell(cols[0], t.Task.No.ToString(System.Globalization.CultureInfo.InvariantCulture), align: JustificationValues.Center),
            TextCell(cols[1], t.Task.Title.Vi),
            TextCell(cols[2], words.UnitName(t.Task.LeadId)),
            // A deadline moved by an adjusting decision says so beside it (revised:, issue 36).
            TextCell(cols[3], t.Task.Revisions > 0 ? $"{t.Task.Deadline.Text} {ReportWords.Adjusted}" : t.Task.Deadline.Text),
            TextCell(cols[4], status),
            TextCell(cols[5], t.Progress is { } p ? $"{p}%" : "", align: JustificationValues.Center),
            TextCell(cols[6], note),
            TextCell(cols[7], t.Last?.Entry.Evidence ?? ""));
        return row;
    }

    /// <summary>Phụ lục II: every target, grouped by area, with its goal, baseline, this report's value and whether it is met.</summary>
    public IEnumerable<OpenXmlElement> TargetAppendix()
    {
        var width = Landscape.TextWidth;
        yield return Centered("Phụ lục II", Look.Bold, 14, pageBreakBefore: true);
        yield return Centered($"KẾT QUẢ THỰC HIỆN CHỈ TIÊU {words.PeriodPhrase.ToUpperInvariant()}", Look.Bold, 14);
        yield return Centered(words.AppendixOf, Look.Italic, 14, after: 6);
        int[] cols = [700, 5000, 1700, 1900, 1700, 1500, 1786];
        cols[1] += width - cols.Sum();
        var table = Table(cols, borders: true);
        var head = Row(header: true, cantSplit: true);
        foreach (var (w, h) in cols.Zip(new[] { "STT", "Chỉ tiêu", "Mục tiêu", "Giá trị ban đầu", $"Kết quả {words.PeriodPhrase}", "Đánh giá", "Đơn vị chủ trì" }))
            head.Append(TextCell(w, h, Look.Bold, JustificationValues.Center));
        table.Append(head);
        var (group, no) = (0, 0);
        foreach (var area in Area.All)
        {
            var targets = facts.Targets.Where(t => t.State.Target.Area.Id == area.Id).ToList();
            if (targets.Count == 0) continue;
            var areaRow = Row(cantSplit: true);
            areaRow.Append(TextCell(cols[0], ReportWords.Roman(++group), Look.Bold, JustificationValues.Center),
                TextCell(cols.Skip(1).Sum(), area.NameVi, Look.Bold, span: cols.Length - 1));
            table.Append(areaRow);
            foreach (var t in targets)
            {
                var target = t.State.Target;
                var value = t.Value is { } v ? ReportWords.Value(target, v) : "";
                if (facts.Note(target) is { Length: > 0 } note) value += "\n" + note;
                var row = Row(cantSplit: true);
                row.Append(
                    TextCell(cols[0], (++no).ToString(System.Globalization.CultureInfo.InvariantCulture), align: JustificationValues.Center),
                    TextCell(cols[1], target.Title.Vi),
                    TextCell(cols[2], ReportWords.Goal(target), align: JustificationValues.Center),
                    TextCell(cols[3], ReportWords.Baseline(target), align: JustificationValues.Center),
                    TextCell(cols[4], value, align: JustificationValues.Center),
                    TextCell(cols[5], ReportWords.Result(t.Result), align: JustificationValues.Center),
                    TextCell(cols[6], words.UnitName(target.LeadId)));
                table.Append(row);
            }
        }
        yield return table;
    }

    private static Paragraph Centered(string text, Look look = Look.None, double size = 14, double after = 0, double before = 0, bool keepNext = true, bool pageBreakBefore = false) =>
        Para([Run(text, look, size)], JustificationValues.Center, after: after, before: before, keepNext: keepNext, pageBreakBefore: pageBreakBefore);
}
