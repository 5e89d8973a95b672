using System.Globalization;
using System.Text;
using CchcPortal.Core.Schema;

namespace CchcPortal.Core.Loading;

/// <summary>
/// The text of content files written by the tool (<c>cchc new</c>, <c>cchc import</c>): one place that writes front
/// matter, so what is written loads back to the same values.
/// </summary>
public static class ContentFiles
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>What a title written by <c>cchc new</c> ends with until staff name the thing (CC0092 while it is left).</summary>
    public const string FixTitle = "(sửa lại)";

    /// <summary>The end of a new task's title ("Nhiệm vụ số 6 (sửa tên nhiệm vụ)").</summary>
    public const string FixTaskTitle = "(sửa tên nhiệm vụ)";

    /// <summary>The headings and sample bullets of a new report's body; a bullet left as it is is CC0092.</summary>
    public static readonly IReadOnlyList<(string Heading, string Bullet)> ReportSections =
    [
        ("Kết quả đạt được", "Nêu kết quả nổi bật của từng lĩnh vực trong kỳ."),
        ("Khó khăn, vướng mắc", "Nêu nhiệm vụ chậm tiến độ, chỉ tiêu chưa đạt và nguyên nhân."),
        ("Đề xuất, kiến nghị", "Nêu đề xuất với cấp trên và nhiệm vụ kỳ tới."),
    ];

    /// <summary>A new report's body: each section's heading and its sample bullet, for staff to replace.</summary>
    public static string ReportBody => string.Concat(ReportSections.Select(s => $"## {s.Heading}\n\n- {s.Bullet}\n\n"));

    /// <summary>YAML double-quoted scalar: safe for any text staff typed (colons, quotes, #, leading dashes).</summary>
    public static string Quote(string s) =>
        "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n").Replace("\r", "").Replace("\t", "\\t") + "\"";

    /// <summary>The area ids as a YAML comment, to remind whoever edits the file.</summary>
    public static string AreaComment => "# " + ChoiceIds(ContentSchema.Task["area"]);

    /// <summary>"percent | count | points | index | boolean": a choice's values, from the contract's one definition.</summary>
    public static string ChoiceIds(SchemaField field) => string.Join(" | ", field.Choices.Select(c => c.Id));

    /// <summary>A task file (<c>content/plans/&lt;plan&gt;/tasks/&lt;id&gt;.md</c>) with a comment beside each key.</summary>
    public static string Task(int no, string area, string title, string? product, string lead, IReadOnlyList<string> cooperating,
        string deadline, string? body = null)
    {
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append($"no: {no.ToString(Inv)}                   # số thứ tự trong phụ lục kế hoạch\n");
        sb.Append($"area: {area}   {AreaComment}\n");
        sb.Append($"title: {Quote(title)}\n");
        if (product is not null)
            sb.Append($"product: {Quote(product)}           # sản phẩm: Kế hoạch, Quyết định, Báo cáo, Hội nghị, ...\n");
        sb.Append($"lead: {lead}                # mã đơn vị chủ trì (tên tệp trong content/units/)\n");
        sb.Append($"cooperating: [{string.Join(", ", cooperating)}]   # các đơn vị phối hợp\n");
        sb.Append($"deadline: {Quote(deadline)}   # ví dụ: \"Trước ngày 20/8/2025\", \"Tháng 9/2025\", \"Quý IV/2025\", \"Thường xuyên\"\n");
        sb.Append("---\n");
        if (body is not null) sb.Append(body.TrimEnd('\n')).Append('\n');
        else sb.Append('\n');
        return sb.ToString();
    }

    /// <summary>A unit file (<c>content/units/&lt;id&gt;.md</c>).</summary>
    /// <param name="note">A YAML comment for whoever edits the file (not shown on the portal), or null.</param>
    public static string Unit(string name, string? shortName, string role, string body, string? note = null) =>
        "---\n" +
        (note is null ? "" : $"# {note}\n") +
        $"name: {Quote(name)}\n" +
        (shortName is null ? "# short: VT               # tên viết tắt\n" : $"short: {Quote(shortName)}\n") +
        $"role: {role}              # {ChoiceIds(ContentSchema.Unit["role"])} (standing: thường trực; monitor: MTTQ)\n" +
        "---\n" + body + "\n";

    /// <summary>
    /// A plan's index.md with what a signed document's first page says; without <c>status</c>, so the plan is active.
    /// </summary>
    /// <param name="note">A YAML comment for whoever edits the file (not shown on the portal), or null.</param>
    public static string PlanHeader(string title, string? number, string? issuer, DateOnly? issued, string body, string? note = null)
    {
        var sb = new StringBuilder("---\n");
        if (note is not null) sb.Append($"# {note}\n");
        if (number is not null) sb.Append($"number: {Quote(number)}          # số hiệu văn bản\n");
        sb.Append($"title: {Quote(title)}\n");
        if (issuer is not null) sb.Append($"issuer: {Quote(issuer)}\n");
        if (issued is { } d) sb.Append($"issued: {d.ToString("yyyy-MM-dd", Inv)}\n");
        sb.Append("# period: { from: YYYY-MM-DD, to: YYYY-MM-DD }\n");
        sb.Append("# document: /files/ke-hoach.pdf   # bản ký, đặt trong thư mục static/files/\n");
        sb.Append("# reporting:                 # các kỳ báo cáo; mỗi báo cáo ghi \"period:\" là một mã ở đây\n");
        sb.Append("#   - { id: q1, label: Quý I/2026, from: 2025-12-15, to: 2026-03-14, due: 2026-03-15 }\n");
        sb.Append("---\n");
        if (body.Length > 0) sb.Append(body.TrimEnd('\n')).Append('\n');
        return sb.ToString();
    }
}
