using CchcPortal.Core.Model;
using CchcPortal.Core.Text;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>The type of a column: how it is written in CSV and JSON and declared in the Table Schema and JSON Schema.</summary>
public enum ColumnType { String, Integer, Number, Boolean, Date, StringList, DateList }

/// <summary>One column of an open-data table, with its stable English snake_case name and what it means in both languages.</summary>
public sealed record Column(string Name, ColumnType Type, string Vi, string En, bool Required = false);

/// <summary>A kind of table (tasks, targets...): its columns, one definition for the CSV, the JSON and both schemas.</summary>
public sealed record TableKind(string Name, string TitleVi, string TitleEn, IReadOnlyList<Column> Columns);

/// <summary>One table of one scope (the whole site or one plan): rows of typed values in column order.</summary>
public sealed record DataTable(TableKind Kind, string? PlanId, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The open-data tables, read from the same model as the pages (<see cref="Portal"/>: states computed once by
/// <see cref="ProgressRules"/>). Data as data (ISO dates, numbers with a dot, the contract's status ids) beside the
/// text as written (titles, deadlines), and the facts derived on <c>as_of</c>.
/// </summary>
public static class OpenDataTables
{
    private static Column S(string name, string vi, string en, bool required = false) => new(name, ColumnType.String, vi, en, required);
    private static Column I(string name, string vi, string en) => new(name, ColumnType.Integer, vi, en);
    private static Column N(string name, string vi, string en) => new(name, ColumnType.Number, vi, en);
    private static Column B(string name, string vi, string en) => new(name, ColumnType.Boolean, vi, en);
    private static Column D(string name, string vi, string en) => new(name, ColumnType.Date, vi, en);

    private static readonly Column AsOf = new("as_of", ColumnType.Date, "Ngày chốt số liệu: trạng thái, quá hạn được tính vào ngày này",
        "The date statuses and overdue are judged on", true);
    private static readonly Column PlanId = S("plan_id", "Mã kế hoạch (tên thư mục)", "Plan id (its folder name)", true);
    private static readonly Column UrlColumn = S("url", "Địa chỉ trang trên cổng", "Address of the page on the portal");

    public static readonly TableKind Plans = new("plans", "Kế hoạch", "Plans",
    [
        AsOf, PlanId,
        S("number", "Số hiệu văn bản, như ghi trên kế hoạch", "Document number as written"),
        S("title", "Tên kế hoạch (tiếng Việt, NFC)", "Title in Vietnamese (NFC)", true),
        S("title_en", "Tên kế hoạch bằng tiếng Anh, nếu có bản dịch", "English title, when translated"),
        S("issuer", "Cơ quan ban hành", "Issuer"),
        D("issued", "Ngày ban hành", "Date issued"),
        D("period_from", "Thời kỳ kế hoạch: từ ngày", "Plan period: from"),
        D("period_to", "Thời kỳ kế hoạch: đến ngày", "Plan period: to"),
        S("status", "Tình trạng: active, completed, replaced", "Status: active, completed, replaced", true),
        S("replaced_by", "Mã kế hoạch thay thế", "Id of the plan that replaces it"),
        I("tasks_total", "Số nhiệm vụ", "Number of tasks"),
        I("tasks_done", "Số nhiệm vụ hoàn thành", "Tasks done"),
        I("tasks_in_progress", "Số nhiệm vụ đang thực hiện", "Tasks in progress"),
        I("tasks_not_started", "Số nhiệm vụ chưa thực hiện", "Tasks not started"),
        I("tasks_cancelled", "Số nhiệm vụ dừng thực hiện", "Tasks cancelled"),
        I("tasks_overdue", "Số nhiệm vụ quá hạn", "Tasks overdue"),
        I("tasks_no_report", "Số nhiệm vụ không có trong báo cáo gần nhất", "Tasks missing from the latest report"),
        I("targets_total", "Số chỉ tiêu", "Number of targets"),
        I("targets_met", "Số chỉ tiêu đạt", "Targets met"),
        I("targets_not_met", "Số chỉ tiêu chưa đạt", "Targets not met"),
        I("targets_no_data", "Số chỉ tiêu chưa có số liệu", "Targets with no value yet"),
        S("latest_report_id", "Mã báo cáo gần nhất được tính", "Id of the latest report counted"),
        UrlColumn,
    ]);

    public static readonly TableKind Tasks = new("tasks", "Nhiệm vụ", "Tasks",
    [
        AsOf, PlanId,
        S("plan_number", "Số hiệu kế hoạch", "Plan document number"),
        S("task_id", "Mã nhiệm vụ (tên tệp)", "Task id (its file name)", true),
        new("no", ColumnType.Integer, "Số thứ tự trong phụ lục kế hoạch", "Row number in the plan's appendix", true),
        S("area_id", "Mã lĩnh vực cải cách", "Reform area id", true),
        S("title", "Tên nhiệm vụ, như ghi trong kế hoạch (NFC)", "Title as written in the plan (Vietnamese, NFC)", true),
        S("title_en", "Tên nhiệm vụ bằng tiếng Anh, nếu có bản dịch", "English title, when translated"),
        S("product", "Sản phẩm", "Output (product)"),
        S("lead_unit_id", "Mã đơn vị chủ trì", "Lead unit id", true),
        S("lead_unit_name", "Tên đơn vị chủ trì", "Lead unit name"),
        new("cooperating_unit_ids", ColumnType.StringList, "Mã các đơn vị phối hợp (CSV: cách nhau bằng dấu ;)", "Cooperating unit ids (CSV: separated by ;)"),
        S("deadline", "Thời hạn, như ghi trong kế hoạch", "Deadline as written in the plan", true),
        S("deadline_kind", "Loại thời hạn: dated, ongoing, each-reporting-period, per-guidance", "Kind of deadline: dated, ongoing, each-reporting-period, per-guidance", true),
        new("due_dates", ColumnType.DateList, "Các hạn hoàn thành suy ra từ thời hạn (CSV: cách nhau bằng dấu ;)", "Due dates derived from the deadline (CSV: separated by ;)"),
        D("final_due", "Hạn cuối cùng", "Final due date"),
        S("status", "Trạng thái: not-started, in-progress, done, cancelled", "Status: not-started, in-progress, done, cancelled", true),
        I("progress", "Tiến độ (%) theo báo cáo gần nhất", "Progress (%) in the latest report"),
        B("overdue", "Quá hạn vào ngày chốt số liệu", "Overdue on as_of"),
        I("days_overdue", "Số ngày quá hạn", "Days overdue"),
        D("overdue_since", "Hạn đã bị lỡ (sớm nhất)", "The earliest due date missed"),
        B("no_report", "Không có trong báo cáo gần nhất", "Not mentioned by the latest report"),
        B("done_on_time", "Hoàn thành đúng hạn", "Done on time"),
        S("last_report_id", "Mã báo cáo gần nhất nhắc đến nhiệm vụ", "Id of the latest report that mentions it"),
        S("note", "Ghi chú trong báo cáo gần nhất", "Note in the latest report"),
        S("evidence", "Văn bản chứng minh", "Evidence document"),
        UrlColumn,
    ]);

    public static readonly TableKind Targets = new("targets", "Chỉ tiêu (mỗi dòng: một chỉ tiêu trong một báo cáo)", "Targets (one row per target and report)",
    [
        AsOf, PlanId,
        S("target_id", "Mã chỉ tiêu (tên tệp)", "Target id (its file name)", true),
        S("area_id", "Mã lĩnh vực cải cách", "Reform area id", true),
        S("title", "Tên chỉ tiêu (NFC)", "Title (Vietnamese, NFC)", true),
        S("title_en", "Tên chỉ tiêu bằng tiếng Anh, nếu có bản dịch", "English title, when translated"),
        S("metric", "Loại chỉ tiêu: percent, count, points, index, boolean", "Kind: percent, count, points, index, boolean", true),
        S("goal_comparator", "Phép so sánh của mục tiêu: >=, >, <=, <, =", "Goal comparator: >=, >, <=, <, =", true),
        N("goal_value", "Giá trị mục tiêu", "Goal value"),
        N("max", "Điểm tối đa (chỉ tiêu tính điểm)", "Maximum points (points targets)"),
        N("baseline_value", "Giá trị nền", "Baseline value"),
        D("baseline_date", "Ngày của giá trị nền", "Baseline date"),
        S("lead_unit_id", "Mã đơn vị chủ trì", "Lead unit id"),
        S("report_id", "Mã báo cáo (trống khi chưa có số liệu)", "Report id (empty when there is no value yet)"),
        S("period_label", "Kỳ báo cáo", "Reporting period label"),
        D("report_date", "Ngày báo cáo có hiệu lực (ngày ban hành)", "Date the report counts from (its issue date)"),
        N("value", "Giá trị đạt được trong báo cáo", "Value reached in the report"),
        B("met", "Đạt mục tiêu trong báo cáo này", "Goal met in this report"),
        B("latest", "Là báo cáo gần nhất của chỉ tiêu", "This is the target's latest report"),
        S("result", "Kết quả vào ngày chốt số liệu: met, not-met, no-data", "Result on as_of: met, not-met, no-data", true),
        S("note", "Ghi chú trong báo cáo", "Note in the report"),
        UrlColumn,
    ]);

    public static readonly TableKind Reports = new("reports", "Báo cáo", "Reports",
    [
        AsOf, PlanId,
        S("report_id", "Mã báo cáo (tên tệp)", "Report id (its file name)", true),
        S("period_id", "Mã kỳ báo cáo", "Reporting period id", true),
        S("period_label", "Kỳ báo cáo, như ghi trong kế hoạch", "Reporting period label as written", true),
        S("period_label_en", "Kỳ báo cáo bằng tiếng Anh", "Reporting period label in English"),
        D("period_from", "Số liệu từ ngày", "Data from"),
        D("period_to", "Số liệu đến ngày", "Data to"),
        D("period_due", "Hạn nộp báo cáo", "Report due date"),
        S("number", "Số hiệu báo cáo", "Report document number"),
        D("issued", "Ngày ban hành", "Date issued"),
        B("counted", "Được tính vào ngày chốt số liệu (đã ban hành)", "Counted on as_of (issued by then)"),
        I("tasks_reported", "Số nhiệm vụ được báo cáo", "Tasks reported"),
        I("targets_reported", "Số chỉ tiêu có giá trị", "Targets with a value"),
        UrlColumn,
    ]);

    public static readonly TableKind Units = new("units", "Đơn vị", "Units",
    [
        AsOf,
        S("unit_id", "Mã đơn vị (tên tệp)", "Unit id (its file name)", true),
        S("name", "Tên đơn vị (NFC)", "Name (Vietnamese, NFC)", true),
        S("name_en", "Tên đơn vị bằng tiếng Anh, nếu có bản dịch", "English name, when translated"),
        S("short", "Tên viết tắt", "Abbreviation"),
        S("role", "Vai trò: office, standing, monitor", "Role: office, standing, monitor", true),
        I("tasks_led", "Số nhiệm vụ chủ trì", "Tasks led"),
        I("tasks_cooperating", "Số nhiệm vụ phối hợp", "Tasks it cooperates on"),
        I("targets_led", "Số chỉ tiêu chủ trì", "Targets led"),
        I("tasks_done", "Nhiệm vụ chủ trì đã hoàn thành", "Led tasks done"),
        I("tasks_in_progress", "Nhiệm vụ chủ trì đang thực hiện", "Led tasks in progress"),
        I("tasks_not_started", "Nhiệm vụ chủ trì chưa thực hiện", "Led tasks not started"),
        I("tasks_cancelled", "Nhiệm vụ chủ trì dừng thực hiện", "Led tasks cancelled"),
        I("tasks_overdue", "Nhiệm vụ chủ trì quá hạn", "Led tasks overdue"),
        I("tasks_no_report", "Nhiệm vụ chủ trì không có trong báo cáo gần nhất", "Led tasks missing from the latest report"),
        I("tasks_done_on_time", "Nhiệm vụ chủ trì hoàn thành đúng hạn", "Led tasks done on time"),
        UrlColumn,
    ]);

    /// <summary>The tables of the whole site, in the order the open-data page lists them.</summary>
    public static readonly IReadOnlyList<TableKind> SiteKinds = [Plans, Tasks, Targets, Reports, Units];

    /// <summary>The tables of one plan.</summary>
    public static readonly IReadOnlyList<TableKind> PlanKinds = [Tasks, Targets, Reports, Units];

    /// <summary>Every table: the site's, then each plan's. A site table's rows are its plans' rows, made once.</summary>
    public static IReadOnlyList<DataTable> All(Portal portal)
    {
        var plans = portal.Plans.Select(p => (
            State: p,
            Tasks: p.Tasks.Select(t => TaskRow(portal, p, t)).ToList(),
            Targets: p.Targets.SelectMany(t => TargetRows(portal, p, t)).ToList(),
            Reports: p.Plan.Reports.Select(r => ReportRow(portal, p, r)).ToList())).ToList();
        var tables = new List<DataTable>
        {
            new(Plans, null, portal.Plans.Select(p => PlanRow(portal, p)).ToList()),
            new(Tasks, null, plans.SelectMany(p => p.Tasks).ToList()),
            new(Targets, null, plans.SelectMany(p => p.Targets).ToList()),
            new(Reports, null, plans.SelectMany(p => p.Reports).ToList()),
            new(Units, null, portal.Units.Select(u => UnitRow(portal, u, portal.Plans)).ToList()),
        };
        foreach (var (p, tasks, targets, reports) in plans)
        {
            tables.Add(new(Tasks, p.Plan.Id, tasks));
            tables.Add(new(Targets, p.Plan.Id, targets));
            tables.Add(new(Reports, p.Plan.Id, reports));
            // The units involved in this plan (leading or cooperating on its tasks, or leading its targets), counted on this plan only.
            var involved = portal.Units.Where(u => p.Tasks.Any(t => t.Task.LeadId == u.Id || t.Task.CooperatingIds.Contains(u.Id))
                || p.Targets.Any(t => t.Target.LeadId == u.Id)).ToList();
            tables.Add(new(Units, p.Plan.Id, involved.Select(u => UnitRow(portal, u, [p])).ToList()));
        }
        return tables;
    }

    private static string Url(Portal portal, string path) => portal.Config.BaseUrl + Routes.InLanguage(path, portal.Config.DefaultLanguage, portal.Config.DefaultLanguage);
    private static string? En(Localized? text) => text?.In("en");

    private static object?[] PlanRow(Portal portal, PlanState p)
    {
        var plan = p.Plan;
        var c = p.Counts;
        return
        [
            portal.Config.AsOf, plan.Id, plan.Number, plan.Title.Vi, En(plan.Title), plan.Issuer, plan.Issued, plan.PeriodFrom, plan.PeriodTo,
            plan.Status.ToString().ToLowerInvariant(), plan.ReplacedBy, c.Total, c.Done, c.InProgress, c.NotStarted, c.Cancelled, c.Overdue, c.NoReport,
            p.TargetCounts.Total, p.TargetCounts.Met, p.TargetCounts.NotMet, p.TargetCounts.NoData, p.LatestReport?.Id, Url(portal, Routes.Plan(plan.Id)),
        ];
    }

    private static object?[] TaskRow(Portal portal, PlanState p, TaskState s)
    {
        var task = s.Task;
        return
        [
            portal.Config.AsOf, task.PlanId, p.Plan.Number, task.Id, task.No, task.Area.Id, task.Title.Vi, En(task.Title), task.Product?.Vi,
            task.LeadId, portal.Unit(task.LeadId)?.Name.Vi, task.CooperatingIds, task.Deadline.Text, task.Deadline.Kind.Id(),
            task.Deadline.Milestones.Select(m => m.Due).ToList(), task.Deadline.FinalDue, s.Status.Id(), s.Progress, s.Overdue,
            s.DaysOverdue, s.MissedMilestone?.Due, s.NoReport, s.DoneOnTime, s.Last?.Report.Id, s.Last?.Entry.Note?.Vi, s.Last?.Entry.Evidence,
            Url(portal, Routes.Task(task.PlanId, task.Id)),
        ];
    }

    private static IEnumerable<object?[]> TargetRows(Portal portal, PlanState p, TargetState s)
    {
        var target = s.Target;
        object?[] Row(TargetPoint? point) =>
        [
            portal.Config.AsOf, target.PlanId, target.Id, target.Area.Id, target.Title.Vi, En(target.Title), target.Metric.ToString().ToLowerInvariant(),
            target.Goal.AsciiSymbol, target.Goal.Value, target.Max, target.Baseline?.Value, target.Baseline?.Date, target.LeadId,
            point?.Report.Id, point?.Report.Period.Label.Vi, point?.Report.Effective, point?.Entry.Value, point?.Met,
            point is null ? null : ReferenceEquals(point, s.Latest), s.Result.Id(), point?.Entry.Note?.Vi,
            Url(portal, Routes.Target(target.PlanId, target.Id)),
        ];
        if (s.Points.Count == 0) { yield return Row(null); yield break; }
        foreach (var point in s.Points) yield return Row(point);
    }

    private static object?[] ReportRow(Portal portal, PlanState p, Report r) =>
    [
        portal.Config.AsOf, r.PlanId, r.Id, r.Period.Id, r.Period.Label.Vi, En(r.Period.Label), r.Period.From, r.Period.To, r.Period.Due,
        r.Number, r.Issued, r.Effective <= portal.Config.AsOf, r.Tasks.Count, r.Targets.Count(e => e.Value.Value is not null),
        Url(portal, Routes.Report(r.PlanId, r.Id)),
    ];

    private static object?[] UnitRow(Portal portal, Unit u, IReadOnlyList<PlanState> plans)
    {
        var leads = plans.SelectMany(p => p.Tasks).Where(t => t.Task.LeadId == u.Id).ToList();
        var c = StatusCounts.Of(leads);
        return
        [
            portal.Config.AsOf, u.Id, u.Name.Vi, En(u.Name), u.Short?.Vi, u.Role.ToString().ToLowerInvariant(), c.Total,
            plans.SelectMany(p => p.Tasks).Count(t => t.Task.CooperatingIds.Contains(u.Id)),
            plans.SelectMany(p => p.Targets).Count(t => t.Target.LeadId == u.Id),
            c.Done, c.InProgress, c.NotStarted, c.Cancelled, c.Overdue, c.NoReport, c.DoneOnTime, Url(portal, Routes.Unit(u.Id)),
        ];
    }
}
