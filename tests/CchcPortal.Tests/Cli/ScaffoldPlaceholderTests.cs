namespace CchcPortal.Tests.Cli;

/// <summary>
/// Issue 38: <c>cchc new</c> on a site named otherwise never writes another commune's name, and <c>cchc check</c> warns
/// at every sample text left as it was written (CC0092), so none reaches the portal or the Word report unnoticed.
/// </summary>
public class ScaffoldPlaceholderTests
{
    private const string Plan = "content/plans/2026";

    private static void Rename(CliSite site, string commune) =>
        site.Write("site.yaml", site.Read("site.yaml")
            .Replace("title: \"Cải cách hành chính xã Bình An\"", $"title: \"Cải cách hành chính {commune.ToLowerInvariant()[0]}{commune[1..]}\"")
            .Replace("commune: \"Xã Bình An\"", $"commune: \"{commune}\""));

    [Fact]
    public void New_plan_names_the_commune_of_site_yaml()
    {
        using var site = new CliSite();
        Rename(site, "Xã Phước Long");
        var (exit, o, e) = site.Cli("new", "plan", "--id", "2027");
        Assert.True(exit == 0, o + e);
        var plan = site.Read("content/plans/2027/index.md");
        Assert.Contains("title: Kế hoạch cải cách hành chính xã Phước Long năm 2027", plan);
        Assert.Contains("issuer: UBND xã Phước Long", plan);
        Assert.DoesNotContain("Bình An", plan);
        site.AssertChecks();
    }

    [Fact]
    public void New_site_takes_the_commune_given()
    {
        using var root = new CliSite(create: false);
        var dir = Path.Combine(root.Root, "pt");
        var (exit, o, e) = CliSite.Run(root.Root, "new", "site", dir, "--commune", "Phường Tân Định", "--today", "2026-02-01");
        Assert.True(exit == 0, o + e);
        var yaml = File.ReadAllText(Path.Combine(dir, "site.yaml"));
        Assert.Contains("commune: \"Phường Tân Định\"", yaml);
        Assert.Contains("base_url: https://tandinh.example.gov.vn/cchc/", yaml);
        var plan = File.ReadAllText(Path.Combine(dir, Plan, "index.md"));
        Assert.Contains("title: Kế hoạch cải cách hành chính phường Tân Định năm 2026", plan);
        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.git/", StringComparison.Ordinal)))
            Assert.DoesNotContain("Bình An", File.ReadAllText(file));
    }

    [Fact]
    public void Check_warns_at_each_sample_text_left_as_written()
    {
        using var site = new CliSite();
        Assert.Equal(0, site.Cli("new", "task").Exit);
        Assert.Equal(0, site.Cli("new", "target", "--id", "ho-so-truc-tuyen").Exit);
        Assert.Equal(0, site.Cli("new", "report").Exit);
        var report = site.Read($"{Plan}/reports/q1.md");
        Assert.DoesNotContain("Kỳ báo cáo: từ", report);   // Word states the period in its opening paragraph

        var (exit, o, e) = site.Cli("check");
        Assert.True(exit == 0, o + e);
        var warnings = e.Split('\n').Where(l => l.Contains(" warning CC0092: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(5, warnings.Count);
        Assert.Contains($"{Plan}/tasks/02.md(4,8): warning CC0092: Tên nhiệm vụ số 2 vẫn là chữ mẫu do cchc new tạo ra (\"Nhiệm vụ số 2 (sửa tên nhiệm vụ)\") và sẽ hiện nguyên văn trên trang và trong báo cáo Word. Hãy thay bằng nội dung thật, hoặc xóa đi.", warnings);
        Assert.Contains(warnings, w => w.StartsWith($"{Plan}/targets/ho-so-truc-tuyen.md(3,8): warning CC0092: Tên chỉ tiêu vẫn là chữ mẫu do cchc new tạo ra (\"Tên chỉ tiêu (sửa lại)\")", StringComparison.Ordinal));
        var lines = report.Split('\n');
        foreach (var bullet in new[] { "- Nêu kết quả nổi bật của từng lĩnh vực trong kỳ.", "- Nêu nhiệm vụ chậm tiến độ, chỉ tiêu chưa đạt và nguyên nhân.", "- Nêu đề xuất với cấp trên và nhiệm vụ kỳ tới." })
            Assert.Contains($"{Plan}/reports/q1.md({Array.IndexOf(lines, bullet) + 1},1): warning CC0092: Dòng này của nội dung báo cáo vẫn là chữ mẫu do cchc new tạo ra (\"{bullet}\")", e);

        var en = site.Cli("check", "--lang", "en");
        Assert.Contains($"{Plan}/tasks/02.md(4,8): warning CC0092: The title of task 2 is still the sample text cchc new wrote (\"Nhiệm vụ số 2 (sửa tên nhiệm vụ)\") and would be published as it is, on the portal and in the Word report. Replace it with the real text, or delete it.", en.Err);

        // Once staff write their own text, nothing is said.
        site.Write($"{Plan}/tasks/02.md", site.Read($"{Plan}/tasks/02.md").Replace("Nhiệm vụ số 2 (sửa tên nhiệm vụ)", "Rà soát thủ tục hành chính"));
        site.Write($"{Plan}/targets/ho-so-truc-tuyen.md", site.Read($"{Plan}/targets/ho-so-truc-tuyen.md").Replace("Tên chỉ tiêu (sửa lại)", "Tỷ lệ hồ sơ trực tuyến"));
        site.Write($"{Plan}/reports/q1.md", string.Join('\n', lines.Select(l => l.StartsWith("- Nêu ", StringComparison.Ordinal) ? "- Đã hoàn thành kế hoạch kiểm tra." : l)));
        Assert.DoesNotContain("CC0092", site.Cli("check").Err);
    }
}
