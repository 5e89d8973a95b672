namespace CchcPortal.Core.Model;

/// <summary>One of the seven reform areas (lĩnh vực) every plan groups its work into.</summary>
public sealed record Area(string Id, int Order, string NameVi, string NameEn)
{
    public static readonly IReadOnlyList<Area> All =
    [
        new("chi-dao-dieu-hanh", 1, "Công tác chỉ đạo, điều hành cải cách hành chính", "Direction and administration of reform"),
        new("the-che", 2, "Cải cách thể chế", "Institutional reform"),
        new("thu-tuc-hanh-chinh", 3, "Cải cách thủ tục hành chính", "Administrative procedure reform"),
        new("to-chuc-bo-may", 4, "Cải cách tổ chức bộ máy hành chính nhà nước", "Reform of the state administrative apparatus"),
        new("cong-vu", 5, "Cải cách chế độ công vụ", "Civil service reform"),
        new("tai-chinh-cong", 6, "Cải cách tài chính công", "Public finance reform"),
        new("chinh-quyen-so", 7, "Xây dựng và phát triển chính quyền điện tử, chính quyền số", "E-government and digital government"),
    ];

    public static Area? Find(string id) => All.FirstOrDefault(a => a.Id == id);

    public string Name(string lang) => lang == "vi" ? NameVi : NameEn;
}
