using CchcPortal.Core.Model;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>The type of a column: how it is written in CSV and JSON and declared in the Table Schema and JSON Schema.</summary>
public enum ColumnType { String, Integer, Number, Boolean, Date, StringList, DateList }

/// <summary>One column of an open-data table, with its stable English snake_case name and what it means in both languages.</summary>
public record Column(string Name, ColumnType Type, string Vi, string En, bool Required);

/// <summary>
/// A column of a table whose rows are <typeparamref name="TRow"/>: also how to read its value from a row. Made by
/// <see cref="Columns{TRow}"/>, whose makers take a getter of the column's type (an integer column reads an <c>int?</c>);
/// <see cref="Value"/> hands the cell to the writers boxed, as they take a cell of any type.
/// </summary>
public sealed record Column<TRow>(string Name, ColumnType Type, string Vi, string En, bool Required, Func<TRow, object?> Value)
    : Column(Name, Type, Vi, En, Required);

/// <summary>A kind of table (tasks, targets...): its columns, one definition for the CSV, the JSON and both schemas.</summary>
public abstract class TableKind(string name, string titleVi, string titleEn)
{
    public string Name { get; } = name;
    public string TitleVi { get; } = titleVi;
    public string TitleEn { get; } = titleEn;
    public abstract IReadOnlyList<Column> Columns { get; }
}

/// <summary>A kind of table whose rows are <typeparamref name="TRow"/>, with each column's getter.</summary>
public sealed class TableKind<TRow>(string name, string titleVi, string titleEn, Func<Columns<TRow>, IReadOnlyList<Column<TRow>>> columns)
    : TableKind(name, titleVi, titleEn) where TRow : OpenDataTables.Row
{
    public IReadOnlyList<Column<TRow>> RowColumns { get; } = columns(new Columns<TRow>());
    public override IReadOnlyList<Column> Columns => RowColumns;

    public DataTable<TRow> Of(string? planId, IReadOnlyList<TRow> rows) => new(this, planId, new TableRows<TRow>(this, rows), 0, rows.Count);
}

/// <summary>
/// Rows with their cells and CSV lines, each made once when first written: the site's table and its plans' tables
/// (slices of the same rows) share them, so a task's cells are computed once for four files.
/// </summary>
public sealed class TableRows<TRow>(TableKind<TRow> kind, IReadOnlyList<TRow> rows) where TRow : OpenDataTables.Row
{
    private readonly object?[]?[] _cells = new object?[rows.Count][];
    private readonly string?[] _csv = new string?[rows.Count];

    public int Count => rows.Count;

    /// <summary>Row <paramref name="i"/>'s cells, by column of its kind (written by one thread or two alike: the same values).</summary>
    public object?[] Cells(int i) => _cells[i] ??= kind.RowColumns.Select(c => c.Value(rows[i])).ToArray();

    /// <summary>Row <paramref name="i"/> as a CSV line, its line break included.</summary>
    public string CsvLine(int i) => _csv[i] ??= OpenDataFormats.CsvLine(Cells(i));

    /// <summary>A table of some of these rows (from <paramref name="start"/>, <paramref name="count"/> of them).</summary>
    public DataTable<TRow> Table(string? planId, int start, int count) => new(kind, planId, this, start, count);
}

/// <summary>One table of one scope (the whole site or one plan), written by <see cref="OpenDataFormats"/>.</summary>
public abstract class DataTable(string? planId)
{
    public string? PlanId { get; } = planId;
    public abstract TableKind Kind { get; }
    public abstract void Csv(Stream stream);
    public abstract void Json(Stream stream, DateOnly asOf, string license);
}

public sealed class DataTable<TRow>(TableKind<TRow> kind, string? planId, TableRows<TRow> rows, int start, int count) : DataTable(planId)
    where TRow : OpenDataTables.Row
{
    public override TableKind Kind => kind;
    public override void Csv(Stream stream) => OpenDataFormats.Csv(stream, kind.RowColumns, rows, start, count);
    public override void Json(Stream stream, DateOnly asOf, string license) => OpenDataFormats.Json(stream, kind, PlanId, rows, start, count, asOf, license);
}

/// <summary>Makes the columns of a table of <typeparamref name="TRow"/>: one maker per column type, each taking a getter of that type.</summary>
public sealed class Columns<TRow> where TRow : OpenDataTables.Row
{
    public Column<TRow> Text(string name, string vi, string en, Func<TRow, string?> get, bool required = false) => new(name, ColumnType.String, vi, en, required, r => get(r));
    public Column<TRow> Integer(string name, string vi, string en, Func<TRow, int?> get, bool required = false) => new(name, ColumnType.Integer, vi, en, required, r => get(r));
    public Column<TRow> Number(string name, string vi, string en, Func<TRow, decimal?> get) => new(name, ColumnType.Number, vi, en, false, r => get(r));
    public Column<TRow> Boolean(string name, string vi, string en, Func<TRow, bool?> get) => new(name, ColumnType.Boolean, vi, en, false, r => get(r));
    public Column<TRow> Date(string name, string vi, string en, Func<TRow, DateOnly?> get, bool required = false) => new(name, ColumnType.Date, vi, en, required, r => get(r));
    public Column<TRow> Texts(string name, string vi, string en, Func<TRow, IReadOnlyList<string>> get) => new(name, ColumnType.StringList, vi, en, false, r => get(r));
    public Column<TRow> Dates(string name, string vi, string en, Func<TRow, IReadOnlyList<DateOnly>> get) => new(name, ColumnType.DateList, vi, en, false, r => get(r));

    // Columns several tables share.
    public Column<TRow> AsOf => Date("as_of", "Ngày chốt số liệu: trạng thái, quá hạn được tính vào ngày này", "The date statuses and overdue are judged on",
        r => r.Portal.Config.AsOf, required: true);
    public Column<TRow> PlanId(Func<TRow, string> get) => Text("plan_id", "Mã kế hoạch (tên thư mục)", "Plan id (its folder name)", get, required: true);
    public Column<TRow> Url(Func<TRow, string> path) => Text("url", "Địa chỉ trang trên cổng", "Address of the page on the portal", r => r.Url(path(r)));
}

/// <summary>
/// The open-data tables, read from the same model as the pages (<see cref="Portal"/>: states computed once by
/// <see cref="ProgressRules"/>). Data as data (ISO dates, numbers with a dot, the contract's status ids) beside the
/// text as written (titles, deadlines), and the facts derived on <c>as_of</c>.
/// </summary>
public static class OpenDataTables
{
    /// <summary>A row of an open-data table: what it describes, and the portal (for <c>as_of</c> and addresses).</summary>
    public abstract record Row(Portal Portal)
    {
        public string Url(string path) => Portal.Config.BaseUrl + Routes.InLanguage(path, Portal.Config.DefaultLanguage, Portal.Config.DefaultLanguage);
    }

    public sealed record PlanRow(Portal Portal, PlanState Plan) : Row(Portal);
    public sealed record TaskRow(Portal Portal, PlanState Plan, TaskState Task) : Row(Portal);
    /// <summary>A target in one report (<paramref name="Point"/>), or a target with no value yet (null).</summary>
    public sealed record TargetRow(Portal Portal, TargetState Target, TargetPoint? Point) : Row(Portal);
    public sealed record ReportRow(Portal Portal, Report Report) : Row(Portal);
    public sealed record UnitRow(Portal Portal, UnitScore Score) : Row(Portal);
    public sealed record SupervisionRow(Portal Portal, SupervisionState Supervision) : Row(Portal);
    public sealed record RecommendationRow(Portal Portal, RecommendationStatus Recommendation) : Row(Portal);

    /// <summary>One earlier deadline of a task or goal of a target (<paramref name="Index"/>: 1 for the first), and what it became.</summary>
    public sealed record RevisionRow(Portal Portal, string PlanId, string Kind, string ItemId, int? No, int Index, string Earlier, string ChangedTo,
        DateOnly? EarlierDue, DateOnly On, string? By, string Path) : Row(Portal);

    private static string? En(TranslatedText? text) => text?.In("en");

    public static readonly TableKind<PlanRow> Plans = new("plans", "Kế hoạch", "Plans", c =>
    [
        c.AsOf, c.PlanId(r => r.Plan.Plan.Id),
        c.Text("number", "Số hiệu văn bản, như ghi trên kế hoạch", "Document number as written", r => r.Plan.Plan.Number),
        c.Text("title", "Tên kế hoạch (tiếng Việt, NFC)", "Title in Vietnamese (NFC)", r => r.Plan.Plan.Title.Vi, required: true),
        c.Text("title_en", "Tên kế hoạch bằng tiếng Anh, nếu có bản dịch", "English title, when translated", r => En(r.Plan.Plan.Title)),
        c.Text("issuer", "Cơ quan ban hành", "Issuer", r => r.Plan.Plan.Issuer),
        c.Date("issued", "Ngày ban hành", "Date issued", r => r.Plan.Plan.Issued),
        c.Date("period_from", "Thời kỳ kế hoạch: từ ngày", "Plan period: from", r => r.Plan.Plan.PeriodFrom),
        c.Date("period_to", "Thời kỳ kế hoạch: đến ngày", "Plan period: to", r => r.Plan.Plan.PeriodTo),
        c.Text("status", "Tình trạng: active, completed, replaced", "Status: active, completed, replaced",
            r => r.Plan.Plan.Status.ToString().ToLowerInvariant(), required: true),
        c.Text("replaced_by", "Mã kế hoạch thay thế", "Id of the plan that replaces it", r => r.Plan.Plan.ReplacedBy),
        c.Integer("tasks_total", "Số nhiệm vụ", "Number of tasks", r => r.Plan.Counts.Total),
        c.Integer("tasks_done", "Số nhiệm vụ hoàn thành", "Tasks done", r => r.Plan.Counts.Done),
        c.Integer("tasks_in_progress", "Số nhiệm vụ đang thực hiện", "Tasks in progress", r => r.Plan.Counts.InProgress),
        c.Integer("tasks_not_started", "Số nhiệm vụ chưa thực hiện", "Tasks not started", r => r.Plan.Counts.NotStarted),
        c.Integer("tasks_cancelled", "Số nhiệm vụ dừng thực hiện", "Tasks cancelled", r => r.Plan.Counts.Cancelled),
        c.Integer("tasks_overdue", "Số nhiệm vụ quá hạn", "Tasks overdue", r => r.Plan.Counts.Overdue),
        c.Integer("tasks_no_report", "Số nhiệm vụ không có trong báo cáo gần nhất", "Tasks missing from the latest report", r => r.Plan.Counts.NoReport),
        c.Integer("targets_total", "Số chỉ tiêu", "Number of targets", r => r.Plan.TargetCounts.Total),
        c.Integer("targets_met", "Số chỉ tiêu đạt", "Targets met", r => r.Plan.TargetCounts.Met),
        c.Integer("targets_not_met", "Số chỉ tiêu chưa đạt", "Targets not met", r => r.Plan.TargetCounts.NotMet),
        c.Integer("targets_no_data", "Số chỉ tiêu chưa có số liệu", "Targets with no value yet", r => r.Plan.TargetCounts.NoData),
        c.Text("latest_report_id", "Mã báo cáo gần nhất được tính", "Id of the latest report counted", r => r.Plan.LatestReport?.Id),
        c.Url(r => Routes.Plan(r.Plan.Plan.Id)),
    ]);

    public static readonly TableKind<TaskRow> Tasks = new("tasks", "Nhiệm vụ", "Tasks", c =>
    [
        c.AsOf, c.PlanId(r => r.Task.Task.PlanId),
        c.Text("plan_number", "Số hiệu kế hoạch", "Plan document number", r => r.Plan.Plan.Number),
        c.Text("task_id", "Mã nhiệm vụ (tên tệp)", "Task id (its file name)", r => r.Task.Task.Id, required: true),
        c.Integer("no", "Số thứ tự trong phụ lục kế hoạch", "Row number in the plan's appendix", r => r.Task.Task.No, required: true),
        c.Text("area_id", "Mã lĩnh vực cải cách", "Reform area id", r => r.Task.Task.Area.Id, required: true),
        c.Text("title", "Tên nhiệm vụ, như ghi trong kế hoạch (NFC)", "Title as written in the plan (Vietnamese, NFC)", r => r.Task.Task.Title.Vi, required: true),
        c.Text("title_en", "Tên nhiệm vụ bằng tiếng Anh, nếu có bản dịch", "English title, when translated", r => En(r.Task.Task.Title)),
        c.Text("product", "Sản phẩm", "Output (product)", r => r.Task.Task.Product?.Vi),
        c.Text("lead_unit_id", "Mã đơn vị chủ trì", "Lead unit id", r => r.Task.Task.LeadId, required: true),
        c.Text("lead_unit_name", "Tên đơn vị chủ trì", "Lead unit name", r => r.Portal.Unit(r.Task.Task.LeadId)?.Name.Vi),
        c.Texts("cooperating_unit_ids", "Mã các đơn vị phối hợp (CSV: cách nhau bằng dấu ;)", "Cooperating unit ids (CSV: separated by ;)",
            r => r.Task.Task.CooperatingIds),
        c.Text("deadline", "Thời hạn, như ghi trong kế hoạch", "Deadline as written in the plan", r => r.Task.Task.Deadline.Text, required: true),
        c.Text("deadline_kind", "Loại thời hạn: dated, ongoing, each-reporting-period, per-guidance",
            "Kind of deadline: dated, ongoing, each-reporting-period, per-guidance", r => r.Task.Task.Deadline.Kind.Id(), required: true),
        c.Dates("due_dates", "Các hạn hoàn thành suy ra từ thời hạn (CSV: cách nhau bằng dấu ;)", "Due dates derived from the deadline (CSV: separated by ;)",
            r => r.Task.Task.Deadline.Milestones.Select(m => m.Due).ToList()),
        c.Date("final_due", "Hạn cuối cùng", "Final due date", r => r.Task.Task.Deadline.FinalDue),
        c.Text("original_deadline", "Thời hạn ban đầu, trước các lần điều chỉnh (bằng deadline khi chưa điều chỉnh)",
            "The first deadline, before any adjustment (the same as deadline when never moved)", r => r.Task.Task.OriginalDeadline.Text, required: true),
        c.Integer("revisions", "Số lần thời hạn được điều chỉnh", "Times the deadline was moved by a decision", r => r.Task.Task.Revisions, required: true),
        c.Integer("days_moved", "Số ngày thời hạn bị lùi (âm: sớm hơn) so với ban đầu", "Days the deadline moved from the first one (negative: earlier)",
            r => r.Task.Task.DaysMoved),
        c.Text("status", "Trạng thái: not-started, in-progress, done, cancelled", "Status: not-started, in-progress, done, cancelled",
            r => r.Task.Status.Id(), required: true),
        c.Integer("progress", "Tiến độ (%) theo báo cáo gần nhất", "Progress (%) in the latest report", r => r.Task.Progress),
        c.Boolean("overdue", "Quá hạn vào ngày chốt số liệu", "Overdue on as_of", r => r.Task.Overdue),
        c.Integer("days_overdue", "Số ngày quá hạn", "Days overdue", r => r.Task.DaysOverdue),
        c.Date("overdue_since", "Hạn đã bị lỡ (sớm nhất)", "The earliest due date missed", r => r.Task.MissedMilestone?.Due),
        c.Boolean("no_report", "Không có trong báo cáo gần nhất", "Not mentioned by the latest report", r => r.Task.NoReport),
        c.Boolean("done_on_time", "Hoàn thành đúng hạn", "Done on time", r => r.Task.DoneOnTime),
        c.Text("last_report_id", "Mã báo cáo gần nhất nhắc đến nhiệm vụ", "Id of the latest report that mentions it", r => r.Task.Last?.Report.Id),
        c.Text("note", "Ghi chú trong báo cáo gần nhất", "Note in the latest report", r => r.Task.Last?.Entry.Note?.Vi),
        c.Text("evidence", "Văn bản chứng minh", "Evidence document", r => r.Task.Last?.Entry.Evidence),
        c.Url(r => Routes.Task(r.Task.Task.PlanId, r.Task.Task.Id)),
    ]);

    public static readonly TableKind<TargetRow> Targets = new("targets", "Chỉ tiêu (mỗi dòng: một chỉ tiêu trong một báo cáo)", "Targets (one row per target and report)", c =>
    [
        c.AsOf, c.PlanId(r => r.Target.Target.PlanId),
        c.Text("target_id", "Mã chỉ tiêu (tên tệp)", "Target id (its file name)", r => r.Target.Target.Id, required: true),
        c.Text("area_id", "Mã lĩnh vực cải cách", "Reform area id", r => r.Target.Target.Area.Id, required: true),
        c.Text("title", "Tên chỉ tiêu (NFC)", "Title (Vietnamese, NFC)", r => r.Target.Target.Title.Vi, required: true),
        c.Text("title_en", "Tên chỉ tiêu bằng tiếng Anh, nếu có bản dịch", "English title, when translated", r => En(r.Target.Target.Title)),
        c.Text("metric", "Loại chỉ tiêu: percent, count, points, index, boolean", "Kind: percent, count, points, index, boolean",
            r => r.Target.Target.Metric.ToString().ToLowerInvariant(), required: true),
        c.Text("goal_comparator", "Phép so sánh của mục tiêu: >=, >, <=, <, =", "Goal comparator: >=, >, <=, <, =", r => r.Target.Target.Goal.AsciiSymbol, required: true),
        c.Number("goal_value", "Giá trị mục tiêu", "Goal value", r => r.Target.Target.Goal.Value),
        c.Number("max", "Điểm tối đa (chỉ tiêu tính điểm)", "Maximum points (points targets)", r => r.Target.Target.Max),
        c.Integer("goal_revisions", "Số lần mục tiêu được điều chỉnh", "Times the goal was moved by a decision", r => r.Target.Target.Revisions, required: true),
        c.Number("baseline_value", "Giá trị nền", "Baseline value", r => r.Target.Target.Baseline?.Value),
        c.Date("baseline_date", "Ngày của giá trị nền", "Baseline date", r => r.Target.Target.Baseline?.Date),
        c.Text("lead_unit_id", "Mã đơn vị chủ trì", "Lead unit id", r => r.Target.Target.LeadId),
        c.Text("report_id", "Mã báo cáo (trống khi chưa có số liệu)", "Report id (empty when there is no value yet)", r => r.Point?.Report.Id),
        c.Text("period_label", "Kỳ báo cáo", "Reporting period label", r => r.Point?.Report.Period.Label.Vi),
        c.Date("report_date", "Ngày báo cáo có hiệu lực (ngày ban hành)", "Date the report counts from (its issue date)", r => r.Point?.Report.Effective),
        c.Number("value", "Giá trị đạt được trong báo cáo", "Value reached in the report", r => r.Point?.Entry.Value),
        c.Boolean("met", "Đạt mục tiêu trong báo cáo này", "Goal met in this report", r => r.Point?.Met),
        c.Boolean("latest", "Là báo cáo gần nhất của chỉ tiêu", "This is the target's latest report",
            r => r.Point is null ? null : ReferenceEquals(r.Point, r.Target.Latest)),
        c.Text("result", "Kết quả vào ngày chốt số liệu: met, not-met, no-data", "Result on as_of: met, not-met, no-data", r => r.Target.Result.Id(), required: true),
        c.Text("note", "Ghi chú trong báo cáo", "Note in the report", r => r.Point?.Entry.Note?.Vi),
        c.Url(r => Routes.Target(r.Target.Target.PlanId, r.Target.Target.Id)),
    ]);

    public static readonly TableKind<ReportRow> Reports = new("reports", "Báo cáo", "Reports", c =>
    [
        c.AsOf, c.PlanId(r => r.Report.PlanId),
        c.Text("report_id", "Mã báo cáo (tên tệp)", "Report id (its file name)", r => r.Report.Id, required: true),
        c.Text("period_id", "Mã kỳ báo cáo", "Reporting period id", r => r.Report.Period.Id, required: true),
        c.Text("period_label", "Kỳ báo cáo, như ghi trong kế hoạch", "Reporting period label as written", r => r.Report.Period.Label.Vi, required: true),
        c.Text("period_label_en", "Kỳ báo cáo bằng tiếng Anh", "Reporting period label in English", r => En(r.Report.Period.Label)),
        c.Date("period_from", "Số liệu từ ngày", "Data from", r => r.Report.Period.From),
        c.Date("period_to", "Số liệu đến ngày", "Data to", r => r.Report.Period.To),
        c.Date("period_due", "Hạn nộp báo cáo", "Report due date", r => r.Report.Period.Due),
        c.Text("number", "Số hiệu báo cáo", "Report document number", r => r.Report.Number),
        c.Date("issued", "Ngày ban hành", "Date issued", r => r.Report.Issued),
        c.Boolean("counted", "Được tính vào ngày chốt số liệu (đã ban hành)", "Counted on as_of (issued by then)", r => r.Report.Effective <= r.Portal.Config.AsOf),
        c.Integer("tasks_reported", "Số nhiệm vụ được báo cáo", "Tasks reported", r => r.Report.Tasks.Count),
        c.Integer("targets_reported", "Số chỉ tiêu có giá trị", "Targets with a value", r => r.Report.Targets.Count(e => e.Value.Value is not null)),
        c.Url(r => Routes.Report(r.Report.PlanId, r.Report.Id)),
    ]);

    public static readonly TableKind<UnitRow> Units = new("units", "Đơn vị", "Units", c =>
    [
        c.AsOf,
        c.Text("unit_id", "Mã đơn vị (tên tệp)", "Unit id (its file name)", r => r.Score.Unit.Id, required: true),
        c.Text("name", "Tên đơn vị (NFC)", "Name (Vietnamese, NFC)", r => r.Score.Unit.Name.Vi, required: true),
        c.Text("name_en", "Tên đơn vị bằng tiếng Anh, nếu có bản dịch", "English name, when translated", r => En(r.Score.Unit.Name)),
        c.Text("short", "Tên viết tắt", "Abbreviation", r => r.Score.Unit.Short?.Vi),
        c.Text("role", "Vai trò: office, standing, monitor", "Role: office, standing, monitor", r => r.Score.Unit.Role.ToString().ToLowerInvariant(), required: true),
        c.Integer("tasks_led", "Số nhiệm vụ chủ trì", "Tasks led", r => r.Score.Counts.Total),
        c.Integer("tasks_cooperating", "Số nhiệm vụ phối hợp", "Tasks it cooperates on", r => r.Score.Cooperates.Count),
        c.Integer("targets_led", "Số chỉ tiêu chủ trì", "Targets led", r => r.Score.Targets.Count),
        c.Integer("tasks_done", "Nhiệm vụ chủ trì đã hoàn thành", "Led tasks done", r => r.Score.Counts.Done),
        c.Integer("tasks_in_progress", "Nhiệm vụ chủ trì đang thực hiện", "Led tasks in progress", r => r.Score.Counts.InProgress),
        c.Integer("tasks_not_started", "Nhiệm vụ chủ trì chưa thực hiện", "Led tasks not started", r => r.Score.Counts.NotStarted),
        c.Integer("tasks_cancelled", "Nhiệm vụ chủ trì dừng thực hiện", "Led tasks cancelled", r => r.Score.Counts.Cancelled),
        c.Integer("tasks_overdue", "Nhiệm vụ chủ trì quá hạn", "Led tasks overdue", r => r.Score.Counts.Overdue),
        c.Integer("tasks_no_report", "Nhiệm vụ chủ trì không có trong báo cáo gần nhất", "Led tasks missing from the latest report", r => r.Score.Counts.NoReport),
        c.Integer("tasks_done_on_time", "Nhiệm vụ chủ trì hoàn thành đúng hạn", "Led tasks done on time", r => r.Score.Counts.DoneOnTime),
        c.Url(r => Routes.Unit(r.Score.Unit.Id)),
    ]);

    public static readonly TableKind<RevisionRow> Revisions = new("revisions", "Điều chỉnh thời hạn, chỉ tiêu", "Moved deadlines and goals", c =>
    [
        c.AsOf, c.PlanId(r => r.PlanId),
        c.Text("kind", "Loại: task (thời hạn nhiệm vụ) hoặc target (mục tiêu chỉ tiêu)", "Kind: task (a deadline) or target (a goal)", r => r.Kind, required: true),
        c.Text("item_id", "Mã nhiệm vụ hoặc chỉ tiêu (tên tệp)", "Task or target id (its file name)", r => r.ItemId, required: true),
        c.Integer("no", "Số thứ tự nhiệm vụ trong phụ lục (trống với chỉ tiêu)", "Task's row number in the appendix (empty for a target)", r => r.No),
        c.Integer("revision", "Lần điều chỉnh thứ mấy (1: lần đầu)", "Which adjustment (1: the first)", r => r.Index, required: true),
        c.Text("earlier", "Thời hạn hoặc mục tiêu trước khi điều chỉnh, như đã ghi", "The deadline or goal before the change, as written", r => r.Earlier, required: true),
        c.Text("changed_to", "Thời hạn hoặc mục tiêu sau khi điều chỉnh", "The deadline or goal after the change", r => r.ChangedTo, required: true),
        c.Date("earlier_due", "Hạn sớm nhất của thời hạn trước khi điều chỉnh", "The earliest due date of the deadline before the change", r => r.EarlierDue),
        c.Date("on", "Ngày điều chỉnh có hiệu lực", "The day the change took effect", r => r.On, required: true),
        c.Text("by", "Văn bản điều chỉnh", "The document that made the change", r => r.By),
        c.Url(r => r.Path),
    ]);


    /// <summary>The plan's earlier deadlines and goals, task by task then target by target, oldest first.</summary>
    private static List<RevisionRow> RevisionRows(Portal portal, PlanState p)
    {
        var rows = new List<RevisionRow>();
        foreach (var task in p.Tasks.Select(x => x.Task).Where(t => t.Revisions > 0))
            for (var i = 0; i < task.Revised.Count; i++)
                rows.Add(new RevisionRow(portal, task.PlanId, "task", task.Id, task.No, i + 1, task.Revised[i].Deadline.Text,
                    i + 1 < task.Revised.Count ? task.Revised[i + 1].Deadline.Text : task.Deadline.Text, task.Revised[i].Deadline.FirstDue,
                    task.Revised[i].On, task.Revised[i].By, Routes.Task(task.PlanId, task.Id)));
        foreach (var target in p.Targets.Select(x => x.Target).Where(t => t.Revisions > 0))
            for (var i = 0; i < target.Revised.Count; i++)
                rows.Add(new RevisionRow(portal, target.PlanId, "target", target.Id, null, i + 1, target.Revised[i].Goal.ToString(),
                    (i + 1 < target.Revised.Count ? target.Revised[i + 1].Goal : target.Goal).ToString(), null,
                    target.Revised[i].On, target.Revised[i].By, Routes.Target(target.PlanId, target.Id)));
        return rows;
    }
    public static readonly TableKind<SupervisionRow> Supervision = new("supervision", "Giám sát của Mặt trận Tổ quốc", "The Front's supervisions", c =>
    [
        c.AsOf,
        c.Text("supervision_id", "Mã cuộc giám sát (tên tệp)", "Supervision id (its file name)", r => r.Supervision.Supervision.Id, required: true),
        c.Text("title", "Nội dung giám sát (NFC)", "Title (Vietnamese, NFC)", r => r.Supervision.Supervision.Title.Vi, required: true),
        c.Text("title_en", "Nội dung giám sát bằng tiếng Anh, nếu có bản dịch", "English title, when translated", r => En(r.Supervision.Supervision.Title)),
        c.Text("by_unit_id", "Mã đơn vị giám sát", "Monitoring unit id", r => r.Supervision.Supervision.ById, required: true),
        c.Text("by_unit_name", "Tên đơn vị giám sát", "Monitoring unit name", r => r.Portal.Unit(r.Supervision.Supervision.ById)?.Name.Vi),
        c.Text("number", "Số hiệu văn bản giám sát", "Document number", r => r.Supervision.Supervision.Number),
        c.Date("issued", "Ngày ban hành", "Date issued", r => r.Supervision.Supervision.Issued, required: true),
        c.Text("plan_id", "Mã kế hoạch liên quan", "Id of the plan it concerns", r => r.Supervision.Supervision.PlanId),
        c.Texts("task_nos", "Số thứ tự các nhiệm vụ liên quan (CSV: cách nhau bằng dấu ;)", "Numbers of the tasks it concerns (CSV: separated by ;)",
            r => r.Supervision.Supervision.TaskNos.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()),
        c.Integer("recommendations_total", "Số kiến nghị", "Number of recommendations", r => r.Supervision.Counts.Total),
        c.Integer("answered", "Số kiến nghị đã được trả lời (mọi kết quả)", "Recommendations answered (any result)", r => r.Supervision.Counts.Answered),
        c.Integer("carried_out", "Số kiến nghị đã thực hiện (result: done)", "Recommendations carried out (result: done)", r => r.Supervision.Counts.CarriedOut),
        c.Integer("accepted", "Số kiến nghị được tiếp thu, đang thực hiện", "Recommendations accepted, being carried out", r => r.Supervision.Counts.Accepted),
        c.Integer("explained", "Số kiến nghị được giải trình", "Recommendations explained", r => r.Supervision.Counts.Explained),
        c.Integer("declined", "Số kiến nghị không được tiếp thu", "Recommendations declined", r => r.Supervision.Counts.Declined),
        c.Integer("awaiting", "Số kiến nghị chờ trả lời (kể cả quá hạn)", "Recommendations awaiting an answer (overdue included)", r => r.Supervision.Counts.Awaiting),
        c.Integer("overdue", "Số kiến nghị quá hạn trả lời", "Recommendations overdue for an answer", r => r.Supervision.Counts.Overdue),
        c.Url(r => Routes.Supervision(r.Supervision.Supervision.Id)),
    ]);

    public static readonly TableKind<RecommendationRow> Recommendations = new("recommendations", "Kiến nghị của Mặt trận Tổ quốc và trả lời",
        "The Front's recommendations and the answers", c =>
    [
        c.AsOf,
        c.Text("supervision_id", "Mã cuộc giám sát", "Supervision id", r => r.Recommendation.Supervision.Id, required: true),
        c.Text("supervision_number", "Số hiệu văn bản giám sát", "Supervision's document number", r => r.Recommendation.Supervision.Number),
        c.Date("supervision_issued", "Ngày ban hành văn bản giám sát", "Supervision's date", r => r.Recommendation.Supervision.Issued, required: true),
        c.Text("plan_id", "Mã kế hoạch liên quan", "Id of the plan it concerns", r => r.Recommendation.Supervision.PlanId),
        c.Integer("no", "Số thứ tự kiến nghị", "Recommendation number", r => r.Recommendation.Recommendation.No, required: true),
        c.Text("text", "Nội dung kiến nghị (NFC)", "Text (Vietnamese, NFC)", r => r.Recommendation.Recommendation.Text.Vi, required: true),
        c.Text("text_en", "Nội dung kiến nghị bằng tiếng Anh, nếu có bản dịch", "English text, when translated", r => En(r.Recommendation.Recommendation.Text)),
        c.Text("to_unit_id", "Mã đơn vị được kiến nghị", "Id of the unit asked", r => r.Recommendation.Recommendation.ToId, required: true),
        c.Text("to_unit_name", "Tên đơn vị được kiến nghị", "Name of the unit asked", r => r.Portal.Unit(r.Recommendation.Recommendation.ToId)?.Name.Vi),
        c.Date("due", "Hạn trả lời", "Answer due", r => r.Recommendation.Recommendation.Due),
        c.Text("state", "Tình trạng vào ngày chốt số liệu: awaiting, overdue, accepted, done, explained, declined",
            "State on as_of: awaiting, overdue, accepted, done, explained, declined", r => r.Recommendation.State.Id(), required: true),
        c.Boolean("answered", "Đã được trả lời vào ngày chốt số liệu", "Answered on as_of", r => r.Recommendation.Answered),
        c.Boolean("carried_out", "Đã thực hiện (trả lời: done)", "Carried out (answer: done)", r => r.Recommendation.CarriedOut),
        c.Integer("days_overdue", "Số ngày quá hạn trả lời", "Days overdue for an answer", r => r.Recommendation.DaysOverdue),
        c.Date("answer_date", "Ngày trả lời", "Date of the answer", r => r.Recommendation.Answer?.Date),
        c.Text("answer_number", "Số văn bản trả lời", "Answer's document number", r => r.Recommendation.Answer?.Number),
        c.Text("answer_result", "Kết quả trả lời: accepted, done, explained, declined", "Answer's result: accepted, done, explained, declined",
            r => r.Recommendation.Answer?.Result.Id()),
        c.Text("answer_text", "Nội dung trả lời (NFC)", "Answer's text (Vietnamese, NFC)", r => r.Recommendation.Answer?.Text?.Vi),
        c.Text("answer_text_en", "Nội dung trả lời bằng tiếng Anh, nếu có bản dịch", "Answer's English text, when translated", r => En(r.Recommendation.Answer?.Text)),
        c.Integer("days_late", "Số ngày trả lời sau hạn", "Days the answer came after its due date", r => r.Recommendation.DaysLate),
        c.Text("url", "Địa chỉ kiến nghị trên cổng", "Address of the recommendation on the portal",
            r => r.Url(Routes.Supervision(r.Recommendation.Supervision.Id)) + "#" + Routes.RecommendationAnchor(r.Recommendation.Recommendation.No)),
    ]);


    /// <summary>The tables of the whole site, in the order the open-data page lists them.</summary>
    public static readonly IReadOnlyList<TableKind> SiteKinds = [Plans, Tasks, Targets, Reports, Units, Revisions, Supervision, Recommendations];

    /// <summary>Every table: the site's, then each plan's. A site table's rows are its plans' rows, made once.</summary>
    public static IReadOnlyList<DataTable> All(Portal portal)
    {
        var plans = portal.Plans.Select(p => (
            State: p,
            Tasks: p.Tasks.Select(t => new TaskRow(portal, p, t)).ToList(),
            Targets: p.Targets.SelectMany(t => TargetRows(portal, t)).ToList(),
            Reports: p.Plan.Reports.Select(r => new ReportRow(portal, r)).ToList(),
            Revisions: RevisionRows(portal, p))).ToList();
        // The site's tasks, targets, reports and revisions are its plans' in order: a plan's table is a slice of the site's.
        var tasks = new TableRows<TaskRow>(Tasks, plans.SelectMany(p => p.Tasks).ToList());
        var targets = new TableRows<TargetRow>(Targets, plans.SelectMany(p => p.Targets).ToList());
        var reports = new TableRows<ReportRow>(Reports, plans.SelectMany(p => p.Reports).ToList());
        var revisions = new TableRows<RevisionRow>(Revisions, plans.SelectMany(p => p.Revisions).ToList());
        var tables = new List<DataTable>
        {
            Plans.Of(null, portal.Plans.Select(p => new PlanRow(portal, p)).ToList()),
            tasks.Table(null, 0, tasks.Count),
            targets.Table(null, 0, targets.Count),
            reports.Table(null, 0, reports.Count),
            Units.Of(null, portal.Scores.Select(s => new UnitRow(portal, s)).ToList()),
        };
        if (revisions.Count > 0) tables.Add(revisions.Table(null, 0, revisions.Count));
        // The Front's supervisions: site tables only (a supervision may concern no plan), written when the site has one.
        if (portal.Supervision.Supervisions.Count > 0)
        {
            tables.Add(Supervision.Of(null, portal.Supervision.Supervisions.Select(s => new SupervisionRow(portal, s)).ToList()));
            tables.Add(Recommendations.Of(null, portal.Supervision.Recommendations.Select(r => new RecommendationRow(portal, r)).ToList()));
        }
        var (task, target, report, revision) = (0, 0, 0, 0);
        foreach (var p in plans)
        {
            var id = p.State.Plan.Id;
            tables.Add(tasks.Table(id, task, p.Tasks.Count));
            tables.Add(targets.Table(id, target, p.Targets.Count));
            tables.Add(reports.Table(id, report, p.Reports.Count));
            tables.Add(Units.Of(id, portal.ScoresOn(p.State).Select(s => new UnitRow(portal, s)).ToList()));
            // Moved deadlines and goals: a table where a plan has some (most plans never move one).
            if (p.Revisions.Count > 0) tables.Add(revisions.Table(id, revision, p.Revisions.Count));
            (task, target, report, revision) = (task + p.Tasks.Count, target + p.Targets.Count, report + p.Reports.Count, revision + p.Revisions.Count);
        }
        return tables;
    }

    /// <summary>One row per report that gives the target a value; one row without a report when none does.</summary>
    private static IEnumerable<TargetRow> TargetRows(Portal portal, TargetState s) =>
        s.Points.Count == 0 ? [new TargetRow(portal, s, null)] : s.Points.Select(point => new TargetRow(portal, s, point));
}
