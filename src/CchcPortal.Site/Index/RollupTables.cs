using CchcPortal.Core.Model;
using CchcPortal.Core.Rollup;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>A province's roll-up as open data: one row per commune, the figures its table shows (communes.csv/json).</summary>
public static class RollupTables
{
    public sealed record CommuneRow(Portal Portal, CommuneSummary Commune) : OpenDataTables.Row(Portal);

    public static readonly TableKind<CommuneRow> Communes = new("communes", "Các xã", "Communes", c =>
    [
        c.AsOf,
        c.Text("commune_id", "Mã xã trên cổng tổng hợp (thư mục communes/)", "Commune id on the roll-up (its folder under communes/)", r => r.Commune.Id, required: true),
        c.Text("name", "Tên xã, phường", "Commune name", r => r.Commune.Name, required: true),
        c.Text("province", "Tỉnh, thành phố", "Province", r => r.Commune.Province),
        c.Text("portal", "Địa chỉ cổng cải cách hành chính của xã", "Address of the commune's own portal", r => r.Commune.Portal),
        c.Date("data_as_of", "Ngày số liệu của xã", "The commune's own as-of date", r => r.Commune.AsOf),
        c.Boolean("stale", "Số liệu cũ hơn một kỳ báo cáo", "Figures older than a reporting period", r => r.Commune.Stale),
        c.Text("plan_id", "Mã kế hoạch hiện hành", "Current plan id", r => r.Commune.PlanId),
        c.Text("plan_number", "Số hiệu kế hoạch hiện hành", "Current plan's document number", r => r.Commune.PlanNumber),
        c.Text("plan_title", "Tên kế hoạch hiện hành", "Current plan's title", r => r.Commune.PlanTitle),
        c.Integer("tasks_total", "Số nhiệm vụ", "Number of tasks", r => r.Commune.Tasks),
        c.Integer("tasks_done", "Số nhiệm vụ hoàn thành", "Tasks done", r => r.Commune.Done),
        c.Integer("tasks_in_progress", "Số nhiệm vụ đang thực hiện", "Tasks in progress", r => r.Commune.InProgress),
        c.Integer("tasks_not_started", "Số nhiệm vụ chưa thực hiện", "Tasks not started", r => r.Commune.NotStarted),
        c.Integer("tasks_cancelled", "Số nhiệm vụ dừng thực hiện", "Tasks cancelled", r => r.Commune.Cancelled),
        c.Integer("tasks_overdue", "Số nhiệm vụ quá hạn", "Tasks overdue", r => r.Commune.Overdue),
        c.Integer("tasks_no_report", "Số nhiệm vụ không có trong báo cáo gần nhất", "Tasks missing from the latest report", r => r.Commune.NoReport),
        c.Integer("targets_total", "Số chỉ tiêu", "Number of targets", r => r.Commune.Targets),
        c.Integer("targets_met", "Số chỉ tiêu đạt", "Targets met", r => r.Commune.TargetsMet),
        c.Integer("targets_not_met", "Số chỉ tiêu chưa đạt", "Targets not met", r => r.Commune.TargetsNotMet),
        c.Integer("targets_no_data", "Số chỉ tiêu chưa có số liệu", "Targets with no value yet", r => r.Commune.TargetsNoData),
        c.Text("latest_report_id", "Mã báo cáo gần nhất", "Id of the latest report", r => r.Commune.LatestReport?.ReportId),
        c.Text("latest_report_label", "Kỳ của báo cáo gần nhất", "Period of the latest report", r => r.Commune.LatestReport?.Label),
        c.Date("latest_report_issued", "Ngày ban hành báo cáo gần nhất", "Date the latest report was issued", r => r.Commune.LatestReport?.Issued),
        c.Text("latest_report_url", "Địa chỉ báo cáo gần nhất trên cổng của xã", "Address of the latest report on the commune's portal", r => r.Commune.LatestReport?.Url),
        c.Url(r => Routes.Commune(r.Commune.Id)),
    ]);

    public static readonly IReadOnlyList<TableKind> Kinds = [Communes];

    public static IReadOnlyList<DataTable> All(Portal portal, RollupModel rollup) =>
        [Communes.Of(null, rollup.Communes.Select(c => new CommuneRow(portal, c)).ToList())];
}
