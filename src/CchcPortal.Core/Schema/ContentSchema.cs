using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;

namespace CchcPortal.Core.Schema;

/// <summary>What a front-matter value is.</summary>
public enum FieldType
{
    /// <summary>One line of text.</summary>
    Text,
    /// <summary>A whole number.</summary>
    Integer,
    /// <summary>A number, with a decimal point or (quoted) a decimal comma.</summary>
    Number,
    /// <summary>An ISO date, YYYY-MM-DD.</summary>
    Date,
    /// <summary>One of <see cref="SchemaField.Choices"/>.</summary>
    Choice,
    /// <summary>The id of another file (<see cref="SchemaField.Refers"/>); several with <see cref="SchemaField.Multiple"/>.</summary>
    Reference,
    /// <summary>A nested mapping of <see cref="SchemaField.Fields"/> (<c>period: { from, to }</c>).</summary>
    Object,
    /// <summary>A list of mappings of <see cref="SchemaField.Fields"/> (<c>reporting</c>).</summary>
    Items,
    /// <summary>
    /// A report's entries: a mapping keyed by id, or a list whose items name it by <see cref="SchemaField.IdKey"/>
    /// (<c>tasks: [{ no: 7, status }]</c>); the id's own field comes first in <see cref="SchemaField.Fields"/>.
    /// </summary>
    Entries,
}

/// <summary>What a reference names: always within the site (units) or within the same plan (the rest).</summary>
public enum RefersTo { None, Unit, Plan, Period, Task, Target }

/// <summary>One allowed value of a choice, with what staff read in the editor.</summary>
public sealed record SchemaChoice(string Id, string Vi, string En);

/// <summary>One front-matter key of a content kind: its type, whether it is required, its allowed values, and its labels.</summary>
public sealed record SchemaField(string Key, FieldType Type, string Vi, string En)
{
    public bool Required { get; init; }
    /// <summary>Text a translation (<c>x.en.md</c>) may give; everything else is data, taken from the Vietnamese file.</summary>
    public bool Translatable { get; init; }
    /// <summary>A list of texts or references (<c>cooperating: [a, b]</c>); a single value is read as a list of one.</summary>
    public bool Multiple { get; init; }
    public IReadOnlyList<SchemaChoice> Choices { get; init; } = [];
    /// <summary>The value assumed when the key is left out.</summary>
    public string? Default { get; init; }
    public RefersTo Refers { get; init; }
    /// <summary>For a unit reference: the role (<c>role:</c> of the unit's file) the unit must have; the editor lists only those.</summary>
    public string? Role { get; init; }
    /// <summary>A regular expression (the same in .NET and JavaScript) the value must match; checked fully by the loader.</summary>
    public string? Pattern { get; init; }
    public int? Min { get; init; }
    public int? Max { get; init; }
    public IReadOnlyList<SchemaField> Fields { get; init; } = [];
    /// <summary>For <see cref="FieldType.Entries"/>: the key that names an entry in the list form ("no", "id").</summary>
    public string? IdKey { get; init; }
    /// <summary>For a list: what one item is called, in Vietnamese ("nhiệm vụ"), as in "Thêm nhiệm vụ".</summary>
    public string? Singular { get; init; }
    /// <summary>A short help in Vietnamese, shown under the field in the editor.</summary>
    public string? Hint { get; init; }

    public IReadOnlyList<string> Keys => Fields.Select(f => f.Key).ToList();
    /// <summary>An entry's keys in the map form, where its id is the mapping's key.</summary>
    public IReadOnlyList<string> EntryKeys => Fields.Where(f => f.Key != IdKey).Select(f => f.Key).ToList();
    public SchemaField this[string key] => Fields.First(f => f.Key == key);
}

/// <summary>A kind of content file: where it lives (<c>{plan}</c> stands for a plan id; a plan is its folder's index.md), its keys, and its Markdown body.</summary>
public sealed record SchemaKind(ContentKind Kind, string Id, string Vi, string En, string Folder, string BodyVi, IReadOnlyList<SchemaField> Fields)
{
    public IReadOnlyList<string> Keys { get; } = Fields.Select(f => f.Key).ToList();
    public SchemaField this[string key] => Fields.First(f => f.Key == key);
    /// <summary>The keys a translation may give (a report's entries hold translatable notes).</summary>
    public IReadOnlyList<string> TextKeys => Fields.Where(f => f.Translatable || f.Fields.Any(s => s.Translatable)).Select(f => f.Key).ToList();
}

/// <summary>
/// The content contract (docs/content-format.md), one definition of each kind and its keys. The loader takes its key
/// lists and choices from here (unknown keys and their suggestions, translatable keys), <c>cchc new</c> its comments,
/// and the web editor's configuration its forms.
/// </summary>
public static class ContentSchema
{
    /// <summary>Ids are file names: lower-case ASCII letters, digits and hyphens (<see cref="Ids.IsValid"/>).</summary>
    public const string IdPattern = "^[a-z0-9][a-z0-9-]*$";
    /// <summary>A goal: a comparator and a number, "&gt;= 98", "≥ 98", "&lt; 5", "= 100", "98" (<see cref="Text.Goal.TryParse"/>).</summary>
    public const string GoalPattern = "^\\s*(>=|=>|≥|<=|=<|≤|==|>|<|=)?\\s*[-+]?[0-9]+([.,][0-9]+)*\\s*%?\\s*$";
    /// <summary>A target's value: a number, or true / false for a yes-no target.</summary>
    public const string ValuePattern = "^\\s*([-+]?[0-9]+([.,][0-9]+)*|true|false)\\s*$";

    public static readonly IReadOnlyList<SchemaChoice> Areas = Area.All.Select(a => new SchemaChoice(a.Id, a.NameVi, a.NameEn)).ToList();

    /// <summary>A task's statuses with the words the portal's pages use for them (status_* of the default theme's
    /// i18n strings; ContentSchemaTests checks they agree), so the editor's form and the pages say the same.</summary>
    public static readonly IReadOnlyList<SchemaChoice> TaskStatuses =
    [
        new(Model.TaskStatus.NotStarted.Id(), "Chưa bắt đầu", "Not started"),
        new(Model.TaskStatus.InProgress.Id(), "Đang thực hiện", "In progress"),
        new(Model.TaskStatus.Done.Id(), "Đã hoàn thành", "Done"),
        new(Model.TaskStatus.Cancelled.Id(), "Đã hủy", "Cancelled"),
    ];

    private static SchemaField Text(string key, string vi, string en) => new(key, FieldType.Text, vi, en);
    private static SchemaField Date(string key, string vi, string en) => new(key, FieldType.Date, vi, en);
    private static SchemaField UnitRef(string key, string vi, string en) => new(key, FieldType.Reference, vi, en) { Refers = RefersTo.Unit };
    private static SchemaField AreaField => new("area", FieldType.Choice, "Lĩnh vực", "Area") { Required = true, Choices = Areas };

    public static readonly SchemaKind Unit = new(ContentKind.Unit, "units", "Đơn vị", "Units", "content/units", "Giới thiệu, địa chỉ, điện thoại",
    [
        Text("name", "Tên đơn vị", "Name") with { Required = true, Translatable = true },
        Text("short", "Tên viết tắt", "Abbreviation") with { Translatable = true },
        new("role", FieldType.Choice, "Vai trò", "Role")
        {
            Default = "office",
            Choices =
            [
                new("office", "Phòng, ban, đơn vị", "Office"),
                new("standing", "Cơ quan thường trực CCHC (tổng hợp báo cáo)", "Standing agency (compiles reports)"),
                new("monitor", "Giám sát (Ủy ban MTTQ)", "Monitor (Fatherland Front)"),
            ],
        },
    ]);

    public static readonly SchemaKind Plan = new(ContentKind.Plan, "plans", "Kế hoạch", "Plans", "content/plans/{plan}", "Mục đích, yêu cầu, tổ chức thực hiện",
    [
        Text("number", "Số hiệu văn bản", "Document number") with { Hint = "Ví dụ: 05/KH-UBND" },
        Text("title", "Tên kế hoạch", "Title") with { Required = true, Translatable = true },
        Text("issuer", "Cơ quan ban hành", "Issuer") with { Translatable = true },
        Date("issued", "Ngày ban hành", "Date issued"),
        new("period", FieldType.Object, "Thời gian thực hiện", "Period") { Fields = [Date("from", "Từ ngày", "From"), Date("to", "Đến ngày", "To")] },
        new("status", FieldType.Choice, "Tình trạng", "Status")
        {
            Default = "active",
            Choices =
            [
                new("draft", "Bản nháp (chưa đăng)", "Draft (not published)"),
                new("active", "Đang thực hiện", "Active"),
                new("completed", "Đã kết thúc", "Completed"),
                new("replaced", "Đã được thay thế", "Replaced"),
            ],
        },
        new("replaced_by", FieldType.Reference, "Kế hoạch thay thế", "Replaced by") { Refers = RefersTo.Plan },
        Text("document", "Bản ký (tệp PDF trong static/)", "Signed original (a file under static/)") with { Hint = "Ví dụ: /files/05-KH-UBND.pdf" },
        new("legal_bases", FieldType.Items, "Căn cứ pháp lý", "Legal bases")
        {
            Singular = "căn cứ",
            Fields =
            [
                Text("number", "Số hiệu", "Number") with { Required = true },
                Date("date", "Ngày", "Date"),
                Text("issuer", "Cơ quan ban hành", "Issuer"),
                Text("title", "Trích yếu", "Title"),
            ],
        },
        new("reporting", FieldType.Items, "Các kỳ báo cáo", "Reporting periods")
        {
            Singular = "kỳ báo cáo",
            Fields =
            [
                Text("id", "Mã kỳ", "Id") with { Required = true, Pattern = IdPattern, Hint = "Chữ thường không dấu, số, gạch ngang; ví dụ q3" },
                Text("label", "Tên kỳ", "Label") with { Required = true, Hint = "Ví dụ: Quý III/2025" },
                Date("from", "Số liệu từ ngày", "Data from"),
                Date("to", "Số liệu đến ngày", "Data to"),
                Date("due", "Hạn nộp báo cáo", "Due") with { Required = true },
            ],
        },
    ]);

    public static readonly SchemaKind Target = new(ContentKind.Target, "targets", "Chỉ tiêu", "Targets", "content/plans/{plan}/targets", "Cách tính, nguồn số liệu",
    [
        AreaField,
        Text("title", "Tên chỉ tiêu", "Title") with { Required = true, Translatable = true },
        new("metric", FieldType.Choice, "Loại chỉ tiêu", "Metric")
        {
            Default = "percent",
            Choices =
            [
                new("percent", "Tỷ lệ (%)", "Percent"),
                new("count", "Số lượng", "Count"),
                new("points", "Điểm (có điểm tối đa)", "Points (with a maximum)"),
                new("index", "Chỉ số", "Index"),
                new("boolean", "Có / không", "Yes / no"),
            ],
        },
        Text("goal", "Mục tiêu", "Goal") with
        {
            Required = true, Pattern = GoalPattern,
            Hint = "Dấu so sánh và một số, ví dụ >= 98 hoặc \"<= 2,5\"; không cần với loại Điểm và Có / không",
        },
        new("max", FieldType.Number, "Điểm tối đa (loại Điểm)", "Maximum (points)"),
        new("baseline", FieldType.Object, "Giá trị ban đầu", "Baseline")
        {
            Fields = [new("value", FieldType.Number, "Giá trị", "Value") { Required = true }, Date("date", "Tại ngày", "On")],
        },
        UnitRef("lead", "Đơn vị chủ trì", "Lead unit"),
        Revised("goal", "Chỉ tiêu trước khi điều chỉnh", "Earlier goal", "Ví dụ: >= 95"),
    ]);

    /// <summary>
    /// <c>revised:</c> (issue 36): every earlier deadline of a task or goal of a target, oldest first, each with the date
    /// the change took effect and the decision that made it.
    /// </summary>
    private static SchemaField Revised(string key, string vi, string en, string hint) =>
        new("revised", FieldType.Items, key == "goal" ? "Các lần điều chỉnh chỉ tiêu" : "Các lần điều chỉnh thời hạn", key == "goal" ? "Earlier goals" : "Earlier deadlines")
        {
            Singular = "lần điều chỉnh",
            Hint = "Khi kế hoạch được điều chỉnh, bổ sung: ghi giá trị cũ, ngày điều chỉnh có hiệu lực và văn bản điều chỉnh, cũ nhất trước",
            Fields =
            [
                Text(key, vi, en) with { Required = true, Hint = hint },
                Date("on", "Ngày điều chỉnh có hiệu lực", "Changed on") with { Required = true },
                Text("by", "Văn bản điều chỉnh", "Changed by") with { Hint = "Ví dụ: Quyết định số 88/QĐ-UBND ngày 02/10/2025" },
            ],
        };

    public static readonly SchemaKind Task = new(ContentKind.Task, "tasks", "Nhiệm vụ", "Tasks", "content/plans/{plan}/tasks", "Chi tiết nhiệm vụ",
    [
        new("no", FieldType.Integer, "Số thứ tự (STT trong phụ lục)", "Row number in the appendix") { Required = true, Min = 1, Max = 9999 },
        AreaField,
        Text("title", "Nội dung nhiệm vụ", "Title") with { Required = true, Translatable = true },
        Text("product", "Sản phẩm", "Output") with { Translatable = true, Hint = "Kế hoạch, Quyết định, Báo cáo, ..." },
        UnitRef("lead", "Đơn vị chủ trì", "Lead unit") with { Required = true },
        UnitRef("cooperating", "Đơn vị phối hợp", "Cooperating units") with { Multiple = true },
        Text("deadline", "Thời gian hoàn thành", "Deadline") with
        {
            Required = true,
            Hint = "Ghi như trong kế hoạch: Trước ngày 20/8/2025, Tháng 9/2025, Quý IV/2025, Năm 2025, Thường xuyên, Theo kỳ báo cáo",
        },
        Revised("deadline", "Thời hạn trước khi điều chỉnh", "Earlier deadline", "Ví dụ: Tháng 9/2025"),
    ]);

    public static readonly SchemaKind Report = new(ContentKind.Report, "reports", "Báo cáo", "Reports", "content/plans/{plan}/reports", "Kết quả, khó khăn, đề xuất trong kỳ",
    [
        new("period", FieldType.Reference, "Kỳ báo cáo", "Reporting period") { Required = true, Refers = RefersTo.Period },
        Text("number", "Số hiệu báo cáo", "Report number") with { Hint = "Ví dụ: 120/BC-UBND" },
        Date("issued", "Ngày ký", "Date issued"),
        new("tasks", FieldType.Entries, "Kết quả từng nhiệm vụ", "Tasks")
        {
            Singular = "nhiệm vụ",
            IdKey = "no",
            Fields =
            [
                new("no", FieldType.Reference, "Nhiệm vụ", "Task") { Required = true, Refers = RefersTo.Task },
                new("status", FieldType.Choice, "Trạng thái", "Status") { Required = true, Choices = TaskStatuses, Hint = "Đã hủy: ghi rõ lý do ở mục Ghi chú" },
                new("progress", FieldType.Integer, "Tiến độ (%)", "Progress (%)") { Min = 0, Max = 100 },
                Text("note", "Ghi chú", "Note") with { Translatable = true },
                Text("evidence", "Văn bản chứng minh", "Evidence") with { Hint = "Ví dụ: Quyết định số 88/QĐ-UBND ngày 02/9/2025" },
            ],
        },
        new("targets", FieldType.Entries, "Số liệu từng chỉ tiêu", "Targets")
        {
            Singular = "chỉ tiêu",
            IdKey = "id",
            Fields =
            [
                new("id", FieldType.Reference, "Chỉ tiêu", "Target") { Required = true, Refers = RefersTo.Target },
                Text("value", "Giá trị đạt được", "Value") with { Required = true, Pattern = ValuePattern, Hint = "Một số (98.6 hoặc 98,6); true / false với chỉ tiêu có / không" },
                Text("note", "Ghi chú", "Note") with { Translatable = true },
            ],
        },
    ]);

    /// <summary>The results of the commune's answer to a recommendation of the Front.</summary>
    public static readonly IReadOnlyList<SchemaChoice> AnswerResults =
    [
        new("accepted", "Tiếp thu, đang thực hiện", "Accepted, being carried out"),
        new("done", "Đã thực hiện", "Done"),
        new("explained", "Giải trình (nêu lý do, không phải thực hiện)", "Explained (reasons given, nothing to do)"),
        new("declined", "Không tiếp thu", "Declined"),
    ];

    /// <summary>
    /// A recommendation's state on as_of in a few words (<see cref="RecommendationState"/> by its id), for search and
    /// the open data's descriptions; pages take theirs from the theme's strings (rec_…).
    /// </summary>
    public static readonly IReadOnlyList<SchemaChoice> RecommendationStates =
    [
        new("awaiting", "Chờ trả lời", "Awaiting an answer"),
        new("overdue", "Quá hạn trả lời", "Overdue for an answer"),
        new("accepted", "Tiếp thu, đang thực hiện", "Accepted, being carried out"),
        new("done", "Đã thực hiện", "Done, carried out"),
        new("explained", "Đã giải trình", "Explained"),
        new("declined", "Không tiếp thu", "Declined"),
    ];

    public static readonly SchemaKind Supervision = new(ContentKind.Supervision, "supervision", "Giám sát của MTTQ", "Supervision", "content/supervision",
        "Kết quả giám sát: nội dung, ưu điểm, hạn chế",
    [
        Text("title", "Nội dung giám sát", "Title") with { Required = true, Translatable = true },
        UnitRef("by", "Đơn vị giám sát (MTTQ)", "Monitoring unit") with { Required = true, Role = "monitor", Hint = "Mã đơn vị có vai trò giám sát (role: monitor), ví dụ mttq" },
        Text("number", "Số hiệu văn bản", "Document number") with { Hint = "Ví dụ: 15/BC-MTTQ" },
        Date("issued", "Ngày ban hành", "Date issued") with { Required = true },
        new("plan", FieldType.Reference, "Kế hoạch liên quan", "Plan") { Refers = RefersTo.Plan },
        new("tasks", FieldType.Reference, "Nhiệm vụ liên quan (số thứ tự)", "Tasks concerned (numbers)") { Refers = RefersTo.Task, Multiple = true },
        Text("document", "Văn bản (tệp PDF trong static/)", "Document (a file under static/)") with { Hint = "Ví dụ: /files/15-BC-MTTQ.pdf" },
        new("recommendations", FieldType.Items, "Kiến nghị", "Recommendations")
        {
            Singular = "kiến nghị",
            Fields =
            [
                new("no", FieldType.Integer, "Số thứ tự kiến nghị", "Number") { Required = true, Min = 1, Max = 9999 },
                Text("text", "Nội dung kiến nghị", "Text") with { Required = true, Translatable = true },
                UnitRef("to", "Đơn vị được kiến nghị", "Unit asked") with { Required = true },
                Date("due", "Hạn trả lời", "Answer due"),
                new("answer", FieldType.Object, "Trả lời của xã", "The commune's answer")
                {
                    Fields =
                    [
                        Date("date", "Ngày trả lời", "Date") with { Required = true },
                        Text("number", "Số văn bản trả lời", "Document number") with { Hint = "Ví dụ: 210/UBND-VP" },
                        new("result", FieldType.Choice, "Kết quả", "Result") { Required = true, Choices = AnswerResults },
                        Text("text", "Nội dung trả lời", "Text") with { Translatable = true },
                    ],
                },
            ],
        },
    ]);

    public static readonly SchemaKind Page = new(ContentKind.Page, "pages", "Trang", "Pages", "content/pages", "Nội dung trang",
    [
        Text("title", "Tiêu đề", "Title") with { Required = true, Translatable = true },
    ]);

    /// <summary>Every kind, in the order the editor lists them.</summary>
    public static readonly IReadOnlyList<SchemaKind> All = [Report, Task, Target, Plan, Unit, Supervision, Page];

    public static SchemaKind Of(ContentKind kind) => All.First(k => k.Kind == kind);

    /// <summary>A choice's ids mapped to the enum of the model: "not-started" is <c>NotStarted</c>.</summary>
    public static IReadOnlyDictionary<string, T> EnumOf<T>(SchemaField field) where T : struct, Enum =>
        field.Choices.ToDictionary(c => c.Id, c => Enum.Parse<T>(c.Id.Replace("-", "", StringComparison.Ordinal), ignoreCase: true), StringComparer.Ordinal);
}
