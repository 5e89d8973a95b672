using AngleSharp.Html.Parser;
using CchcPortal.Tests.Cli;
using Microsoft.Playwright;
using YamlDotNet.Serialization;
using static CchcPortal.Tests.Browser.EditorBrowserTests;

namespace CchcPortal.Tests.Browser;

/// <summary>
/// Issue 32: the Front's supervision through the web editor of <c>cchc serve</c>, as the report form (EditorBrowserTests,
/// ReportFormBrowserTests). The Front makes one in "Giám sát của MTTQ" (its unit, plan and tasks from drop-down lists,
/// the date typed day first, two recommendations), saves; a member of staff opens it and answers a recommendation;
/// the file passes <c>cchc check</c> and the preview shows the answer in the page's words. And a supervision written by
/// <c>cchc new supervision</c> (<c>plan: 2026</c>, a number) opens with its fields and takes an answer.
/// </summary>
[Trait("Category", "Slow")]
public class SupervisionEditorBrowserTests
{
    private const string Collection = "Giám sát của MTTQ";
    private const string Made = "content/supervision/giam-sat-viec-tiep-nhan-ho-so-truc-tuyen.md";

    /// <summary>The field of <paramref name="keyPath"/> ("by", "recommendations.0.to").</summary>
    private static ILocator Field(IPage page, string keyPath) => page.Locator($"section.field[data-key-path='{keyPath}']");

    /// <summary>Every relation is a drop-down list (issue 32): a combobox, no radio buttons.</summary>
    private static async Task AssertDropDown(IPage page, string keyPath)
    {
        Assert.Equal(1, await Field(page, keyPath).GetByRole(AriaRole.Combobox).CountAsync());
        Assert.Equal(0, await Field(page, keyPath).GetByRole(AriaRole.Radio).CountAsync());
    }

    /// <summary>
    /// Picks <paramref name="option"/> from the drop-down list of <paramref name="keyPath"/>, and waits until the field
    /// shows it (a click lost while the list is drawn is clicked again, as a person would).
    /// </summary>
    private static async Task Choose(IPage page, string keyPath, string option)
    {
        var field = Field(page, keyPath);
        var shown = field.GetByText(option);
        for (var attempt = 0; attempt < 3 && await shown.CountAsync() == 0; attempt++)
        {
            await field.GetByRole(AriaRole.Combobox).ClickAsync();
            await page.GetByRole(AriaRole.Option, new() { Name = option }).ClickAsync();
            for (var i = 0; i < 50 && await shown.CountAsync() == 0; i++) await page.WaitForTimeoutAsync(100);
        }
        Assert.True(await shown.CountAsync() > 0, $"{keyPath}: {option} not chosen");
    }

    /// <summary>
    /// Fills <paramref name="box"/> until the editor's own preview shows <paramref name="text"/>: a new entry's form can
    /// be drawn a moment before it keeps what is typed (the title typed at once was lost, and the save stopped on
    /// "Có 1 trường bị lỗi"); a person would type it again.
    /// </summary>
    private static async Task FillUntilShown(IPage page, ILocator box, string text)
    {
        var shown = page.GetByRole(AriaRole.Document, new() { Name = "Xem trước nội dung" }).GetByText(text);
        for (var attempt = 0; attempt < 3 && await shown.CountAsync() == 0; attempt++)
        {
            await box.FillAsync(text);
            for (var i = 0; i < 50 && await shown.CountAsync() == 0; i++) await page.WaitForTimeoutAsync(100);
        }
        Assert.True(await shown.CountAsync() > 0, $"{text} not kept");
    }

    /// <summary>Types a date day first in the field in front of the browser's, which the file gets as YYYY-MM-DD.</summary>
    private static async Task TypeDate(IPage page, string keyPath, string day, string iso)
    {
        var typed = Field(page, keyPath).Locator("input[data-cchc-date]");
        await typed.PressSequentiallyAsync(day);
        await typed.PressAsync("Tab");
        Assert.Equal(iso, await Field(page, keyPath).Locator("input[type=date]").InputValueAsync());
    }

    /// <summary>The list of the collection, then the entry called <paramref name="title"/>, once its form is drawn.</summary>
    private static async Task OpenEntry(IPage page, string title)
    {
        await page.GetByRole(AriaRole.Treeitem, new() { Name = Collection }).ClickAsync();
        await page.GetByRole(AriaRole.Row, new() { Name = title }).ClickAsync();
        var shown = page.GetByRole(AriaRole.Textbox, new() { Name = "Nội dung giám sát" });
        for (var i = 0; i < 300 && await shown.InputValueAsync() != title; i++) await page.WaitForTimeoutAsync(100);
        Assert.Equal(title, await shown.InputValueAsync());
        // The list fades out over the form: done before anything is clicked or shown.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().map(a => a.finished))");
    }

    /// <summary>Staff answer recommendation <paramref name="index"/>: "Thêm Trả lời của xã", then its fields.</summary>
    private static async Task Answer(IPage page, int index, int recommendations, string date, string iso, string? number, string result, string? text)
    {
        var add = page.GetByRole(AriaRole.Checkbox, new() { Name = "Trả lời của xã" });
        await ReportFormBrowserTests.ShowEvery(page, add, recommendations);
        await add.Nth(index).ClickAsync();
        var answer = $"recommendations.{index}.answer";
        await Field(page, answer + ".date").WaitForAsync();
        await TypeDate(page, answer + ".date", date, iso);
        if (number is not null) await Field(page, answer + ".number").GetByRole(AriaRole.Textbox).FillAsync(number);
        var choice = Field(page, answer + ".result").GetByRole(AriaRole.Radio, new() { Name = result, Exact = true });
        for (var attempt = 0; attempt < 3 && !await choice.IsCheckedAsync(); attempt++) await choice.ClickAsync();
        Assert.True(await choice.IsCheckedAsync(), result);
        if (text is not null) await Field(page, answer + ".text").GetByRole(AriaRole.Textbox).FillAsync(text);
    }

    /// <summary>The front matter of a Markdown file, as YAML gives it (nested dictionaries and lists of strings).</summary>
    private static Dictionary<string, object> FrontMatter(string file)
    {
        var parts = file.Replace("\r\n", "\n", StringComparison.Ordinal).Split("---\n");
        return new DeserializerBuilder().Build().Deserialize<Dictionary<string, object>>(parts[1]);
    }

    private static Dictionary<object, object> Item(Dictionary<string, object> yaml, int index) =>
        (Dictionary<object, object>)((List<object>)yaml["recommendations"])[index];

    [Fact]
    public async Task A_supervision_made_in_the_editor_and_answered_by_staff_passes_check_and_shows_in_the_preview()
    {
        using var site = new CliSite();
        Assert.Equal(0, site.Cli("new", "task", "--today", "2026-02-01").Exit);
        site.Write("site.yaml", site.Read("site.yaml").Replace("# as_of: 2026-12-20", "as_of: 2026-04-20", StringComparison.Ordinal));
        await using var editor = await EditorSession.Open(site, SiteFiles(site));
        var (server, page) = (editor.Server, editor.Page);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        Directory.CreateDirectory(Artifacts);

        // The Front: a new supervision, in Vietnamese, each relation from a drop-down list.
        await page.GetByRole(AriaRole.Treeitem, new() { Name = Collection }).ClickAsync();
        await page.GetByRole(AriaRole.Main, new() { Name = Collection }).GetByRole(AriaRole.Button, new() { Name = "Tạo bài viết mới" }).First.ClickAsync();
        await FillUntilShown(page, page.GetByRole(AriaRole.Textbox, new() { Name = "Nội dung giám sát" }), "Giám sát việc tiếp nhận hồ sơ trực tuyến");
        foreach (var relation in new[] { "by", "plan", "tasks" }) await AssertDropDown(page, relation);
        // The monitoring unit is chosen among the units with role monitor only (the schema's Role, as a relation filter).
        await Field(page, "by").GetByRole(AriaRole.Combobox).ClickAsync();
        await page.GetByRole(AriaRole.Option).First.WaitForAsync();
        Assert.Equal(["Ủy ban Mặt trận Tổ quốc Việt Nam xã"], (await page.GetByRole(AriaRole.Option).AllInnerTextsAsync()).Select(o => o.Trim()));
        await page.Keyboard.PressAsync("Escape");
        await Choose(page, "by", "Ủy ban Mặt trận Tổ quốc Việt Nam xã");
        await Field(page, "number").GetByRole(AriaRole.Textbox).FillAsync("15/BC-MTTQ");
        await TypeDate(page, "issued", "10/03/2026", "2026-03-10");
        await Choose(page, "plan", "Kế hoạch cải cách hành chính xã Bình An năm 2026");
        await Choose(page, "tasks", "1. Ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm 2026");
        var no = page.GetByRole(AriaRole.Spinbutton, new() { Name = "Số thứ tự kiến nghị" });
        (string Text, string Unit, string Due, string Iso)[] recommendations =
        [
            ("Hướng dẫn người cao tuổi nộp hồ sơ trực tuyến tại Bộ phận Một cửa", "Văn phòng HĐND và UBND", "30/04/2026", "2026-04-30"),
            ("Công khai số hồ sơ quá hạn hằng tháng", "Phòng Văn hóa - Xã hội", "15/05/2026", "2026-05-15"),
        ];
        for (var k = 0; k < recommendations.Length; k++)
        {
            var r = recommendations[k];
            await AddItem(page, "kiến nghị", no);
            await no.Nth(k).FillAsync($"{k + 1}");
            await Field(page, $"recommendations.{k}.text").GetByRole(AriaRole.Textbox).FillAsync(r.Text);
            await AssertDropDown(page, $"recommendations.{k}.to");
            await Choose(page, $"recommendations.{k}.to", r.Unit);
            await TypeDate(page, $"recommendations.{k}.due", r.Due, r.Iso);
        }
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Kết quả giám sát: nội dung, ưu điểm, hạn chế" })
            .FillAsync("Đoàn giám sát làm việc tại Bộ phận Một cửa ngày 05/03/2026. Hạn chế: người cao tuổi còn khó nộp hồ sơ trực tuyến.");
        // The form scrolls inside the window: a tall window shows all of it.
        await page.SetViewportSizeAsync(1280, 2600);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "supervision-1280-new.png") });
        await page.SetViewportSizeAsync(1280, 900);
        Assert.True(errors.Count == 0, string.Join("\n", errors));   // no error drawing the form (the save's own is Sveltia's)
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        var written = await Saved(page, Made);
        var made = Assert.Contains(Made, written);
        File.WriteAllText(Path.Combine(Artifacts, "supervision-new.md"), made);
        var yaml = FrontMatter(made);
        Assert.Equal("ub-mttq", yaml["by"]);
        Assert.Equal("15/BC-MTTQ", yaml["number"]);
        Assert.Equal("2026-03-10", yaml["issued"]);
        Assert.Equal("2026", yaml["plan"]);
        Assert.Equal<object>(["1"], (List<object>)yaml["tasks"]);
        Assert.Equal(2, ((List<object>)yaml["recommendations"]).Count);
        Assert.Equal<object>(["1", recommendations[0].Text, "vp-hdnd-ubnd", "2026-04-30"], new[] { "no", "text", "to", "due" }.Select(k => Item(yaml, 0)[k]));
        Assert.Equal<object>(["2", recommendations[1].Text, "vh-xh", "2026-05-15"], new[] { "no", "text", "to", "due" }.Select(k => Item(yaml, 1)[k]));
        Assert.Contains("người cao tuổi còn khó nộp hồ sơ trực tuyến", made.Split("---\n")[2], StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(site.Dir, "content/supervision"));
        site.Write(Made, made);
        site.AssertChecks();

        // Staff, later: the supervision from the list, an answer to the first recommendation.
        var staff = await EditorPage(page.Context.Browser!, SiteFiles(site));
        var staffErrors = new List<string>();
        staff.PageError += (_, e) => staffErrors.Add(e);
        await OpenLocal(staff, server.Url);
        await OpenEntry(staff, "Giám sát việc tiếp nhận hồ sơ trực tuyến");
        await Answer(staff, 0, 2, "20/04/2026", "2026-04-20", "52/UBND-VP", "Giải trình (nêu lý do, không phải thực hiện)",
            "Bộ phận Một cửa đã có 02 đoàn viên hỗ trợ người cao tuổi vào các buổi sáng.");
        await staff.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "supervision-1280-answer.png") });
        Assert.True(staffErrors.Count == 0, string.Join("\n", staffErrors));
        await staff.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        var answered = Assert.Contains(Made, await Saved(staff, Made, text => text.Contains("answer:", StringComparison.Ordinal)));
        File.WriteAllText(Path.Combine(Artifacts, "supervision-answered.md"), answered);
        yaml = FrontMatter(answered);
        var answer = (Dictionary<object, object>)Item(yaml, 0)["answer"];
        Assert.Equal<object>(["2026-04-20", "52/UBND-VP", "explained"], new[] { "date", "number", "result" }.Select(k => answer[k]));
        Assert.Contains("02 đoàn viên", (string)answer["text"], StringComparison.Ordinal);
        Assert.False(Item(yaml, 1).ContainsKey("answer"));
        Assert.Equal("2026", yaml["plan"]);
        site.Write(Made, answered);
        site.AssertChecks();

        // The preview: the recommendations and the answer's result in the page's words.
        var (_, html) = await ServeTests.Until(server.Url + "giam-sat/giam-sat-viec-tiep-nhan-ho-so-truc-tuyen/",
            (status, body) => status == System.Net.HttpStatusCode.OK && body.Contains("02 đoàn viên", StringComparison.Ordinal));
        using var shown = new HtmlParser().ParseDocument(html);
        var rows = shown.QuerySelectorAll("table.recommendations tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(recommendations[0].Text, rows[0], StringComparison.Ordinal);
        Assert.Contains("Đã giải trình", rows[0], StringComparison.Ordinal);
        Assert.Contains("52/UBND-VP", rows[0], StringComparison.Ordinal);
        Assert.Contains(recommendations[1].Text, rows[1], StringComparison.Ordinal);
        Assert.Contains("Chờ trả lời", rows[1], StringComparison.Ordinal);
    }

    /// <summary>
    /// <c>cchc new supervision</c> writes <c>plan: 2026</c>, a number: the editor's list of chosen values threw on it and
    /// the whole form stayed empty, "Lưu" disabled. It opens with its fields, takes an answer, and keeps the plan.
    /// </summary>
    [Fact]
    public async Task A_supervision_written_by_cchc_new_opens_with_its_fields_and_takes_an_answer()
    {
        using var site = new CliSite();
        Assert.Equal(0, site.Cli("new", "supervision", "--id", "2026-mot-cua", "--today", "2026-03-01").Exit);
        const string file = "content/supervision/2026-mot-cua.md";
        site.Write(file, site.Read(file).Replace("# tasks: [5, 6]", "tasks: [1]", StringComparison.Ordinal));
        await using var editor = await EditorSession.Open(site, SiteFiles(site));
        var page = editor.Page;
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);

        await OpenEntry(page, "Giám sát việc ... (sửa lại nội dung giám sát)");
        Assert.Contains("Ủy ban Mặt trận Tổ quốc Việt Nam xã", await Field(page, "by").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("01/03/2026", await Field(page, "issued").Locator("input[data-cchc-date]").InputValueAsync());
        Directory.CreateDirectory(Artifacts);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "supervision-1280-cchc-new.png") });
        await Answer(page, 0, 1, "21/03/2026", "2026-03-21", null, "Đã thực hiện", null);
        Assert.True(errors.Count == 0, string.Join("\n", errors));   // the form drawn and filled without an error
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        var answered = Assert.Contains(file, await Saved(page, file, text => text.Contains("answer:", StringComparison.Ordinal)));
        var yaml = FrontMatter(answered);
        Assert.Equal("2026", yaml["plan"]);
        Assert.Equal<object>(["1"], (List<object>)yaml["tasks"]);
        Assert.Equal<object>(["2026-03-21", "done"], new[] { "date", "result" }.Select(k => ((Dictionary<object, object>)Item(yaml, 0)["answer"])[k]));
        site.Write(file, answered);
        site.AssertChecks();
    }
}
