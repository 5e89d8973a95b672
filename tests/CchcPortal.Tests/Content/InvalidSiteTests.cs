using System.Text;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Text;
using CchcPortal.Site.Build;

namespace CchcPortal.Tests.Content;

/// <summary>
/// Every folder of tests/sites-invalid/ is a small site with one kind of mistake; <c>cchc check</c> must print exactly
/// its expected.txt (UPDATE_GOLDEN=1 rewrites them; tests/sites-invalid/make-cases.py regenerates the sites).
/// </summary>
public class InvalidSiteTests
{
    public static string CasesDir => Repo.Path("tests", "sites-invalid");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesDir).Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(dir));
        return data;
    }

    internal static readonly string[] WarningOnly = ["file-outside-structure", "translation-data-key", "nfd-file", "image-without-alt", "link-to-missing-file",
        "supervision-overdue-answer", "report-after-as-of"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_prints_the_expected_diagnostics(string name)
    {
        var dir = Path.Combine(CasesDir, name);
        var result = CchcRun.Run("check", "--source", dir);
        var err = result.Err.Replace(dir, "<site>", StringComparison.Ordinal);
        Golden.CheckFile(Path.Combine(dir, "expected.txt"), err);

        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);          // never a stack trace
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        if (WarningOnly.Contains(name)) Assert.Equal(0, result.Exit);
        else
        {
            Assert.Equal(1, result.Exit);
            // Every error names a file with line and column.
            var errors = err.Split('\n').Where(l => l.Contains(": error CC", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(errors);
            Assert.All(errors, l => Assert.Matches(@"^(content/[^()]+\.md|site\.yaml)\(\d+,\d+\): error CC\d{4}: \S", l));
        }
    }

    /// <summary>The cases that also keep their exact English output (expected.en.txt, from <c>check --lang en</c>).</summary>
    public static TheoryData<string> EnglishCases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(CasesDir).Order(StringComparer.Ordinal))
            if (File.Exists(Path.Combine(dir, "expected.en.txt")) || Path.GetFileName(dir).StartsWith("supervision-", StringComparison.Ordinal))
                data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(EnglishCases))]
    public void Check_prints_the_expected_diagnostics_in_English(string name)
    {
        var dir = Path.Combine(CasesDir, name);
        var result = CchcRun.Run("check", "--source", dir, "--lang", "en");
        Golden.CheckFile(Path.Combine(dir, "expected.en.txt"), result.Err.Replace(dir, "<site>", StringComparison.Ordinal));
        Assert.Equal(WarningOnly.Contains(name) ? 0 : 1, result.Exit);
    }

    [Fact]
    public void Every_case_has_one_kind_of_mistake()
    {
        foreach (var name in Directory.GetDirectories(CasesDir).Select(d => Path.GetFileName(d)).Where(n => n != "seven-mistakes"))
        {
            var lines = File.ReadAllLines(Path.Combine(CasesDir, name, "expected.txt"))
                .Where(l => l.Contains(": error CC", StringComparison.Ordinal) || l.Contains(": warning CC", StringComparison.Ordinal)).ToList();
            if (name == "nfd-file") { Assert.Empty(lines); continue; }
            Assert.True(lines.Count == 1, $"{name}: expected one diagnostic, got {lines.Count}:\n{string.Join("\n", lines)}");
        }
    }

    [Theory]
    [InlineData("unknown-key", "CC0005", "Có phải ý bạn là \"product\"?")]
    [InlineData("missing-required-key", "CC0006", "\"lead\"")]
    [InlineData("unknown-unit", "CC0013", "(có phải \"vp-ubnd\"?)")]
    [InlineData("unknown-area", "CC0014", "(có phải \"thu-tuc-hanh-chinh\"?)")]
    [InlineData("unknown-period", "CC0015", "Các kỳ: q3, q4")]
    [InlineData("unknown-plan", "CC0016", "\"2026\"")]
    [InlineData("duplicate-task-number", "CC0017", "tasks/02.md")]
    [InlineData("impossible-date", "CC0009", "2025-02-30")]
    [InlineData("bad-goal", "CC0011", "\">= 98\"")]
    [InlineData("bad-deadline", "CC0012", "\"Thường xuyên\"; \"Theo kỳ báo cáo CCHC\"")]
    [InlineData("non-utf8", "CC0001", "UTF-8")]
    [InlineData("tcvn3-mojibake", "CC0002", "TCVN3 (ABC)")]
    [InlineData("vni-mojibake", "CC0002", "VNI")]
    [InlineData("yaml-unclosed-quote", "CC0003", "ngoặc kép")]
    [InlineData("yaml-bad-indentation", "CC0003", "thụt lề")]
    [InlineData("report-unknown-task", "CC0019", "nhiệm vụ số 9")]
    [InlineData("report-unknown-target", "CC0020", "(có phải \"ho-so-dung-han\"?)")]
    [InlineData("progress-out-of-range", "CC0024", "0 – 100")]
    [InlineData("report-list-unknown-task", "CC0019", "nhiệm vụ số 9")]
    [InlineData("report-list-duplicate-task", "CC0018", "tasks, dòng 6")]
    [InlineData("report-list-unknown-target", "CC0020", "(có phải \"ho-so-dung-han\"?)")]
    [InlineData("report-list-missing-number", "CC0006", "\"tasks[1].no\"")]
    [InlineData("file-outside-structure", "CC0027", "ghi-chu.md")]
    [InlineData("translation-data-key", "CC0022", "\"lead\"")]
    [InlineData("embed-origin-path", "CC0041", "Có phải ý bạn là \"https://binhtan.example.gov.vn\"?")]
    [InlineData("supervision-unknown-key", "CC0005", "Có phải ý bạn là \"due\"?")]
    [InlineData("supervision-not-monitor", "CC0070", "role: monitor")]
    [InlineData("supervision-unknown-unit", "CC0013", "(có phải \"vp-ubnd\"?)")]
    [InlineData("supervision-unknown-task", "CC0071", "nhiệm vụ số 5")]
    [InlineData("supervision-tasks-without-plan", "CC0072", "plan: MÃ-KẾ-HOẠCH")]
    [InlineData("supervision-bad-result", "CC0021", "accepted, done, explained, declined")]
    [InlineData("supervision-answer-before", "CC0073", "2025-10-10")]
    [InlineData("supervision-duplicate-number", "CC0074", "dòng 9")]
    [InlineData("supervision-overdue-answer", "CC0075", "15 ngày")]
    public void Each_case_reports_its_code_and_a_helpful_message(string name, string code, string fragment)
    {
        var err = CchcRun.Run("check", "--source", Path.Combine(CasesDir, name)).Err;
        var line = Assert.Single(err.Split('\n'), l => l.Contains($" {code}: ", StringComparison.Ordinal));
        Assert.Contains(fragment, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown-key", "content/plans/2025/tasks/01.md", 5, 1)]                 // the key itself
    [InlineData("impossible-date", "content/plans/2025/index.md", 5, 9)]               // the value
    [InlineData("yaml-unclosed-quote", "content/plans/2025/tasks/02.md", 7, 11)]       // the opening quote
    [InlineData("yaml-bad-indentation", "content/plans/2025/reports/q3.md", 7, 4)]     // the mis-indented key
    [InlineData("progress-out-of-range", "content/plans/2025/reports/q3.md", 7, 41)]   // the number in a flow mapping
    [InlineData("report-list-unknown-task", "content/plans/2025/reports/q3.md", 10, 9)]  // the "no" of the list item
    [InlineData("report-list-duplicate-task", "content/plans/2025/reports/q3.md", 10, 9)]
    [InlineData("report-list-unknown-target", "content/plans/2025/reports/q3.md", 15, 9)] // the "id" of the list item
    [InlineData("report-list-missing-number", "content/plans/2025/reports/q3.md", 10, 5)] // the item without "no"
    [InlineData("non-utf8", "content/units/vp-ubnd.md", 2, 9)]                        // the first bad byte
    [InlineData("tcvn3-mojibake", "content/plans/2025/tasks/02.md", 4, 8)]             // the first garbled word
    [InlineData("embed-origin-path", "site.yaml", 8, 17)]                              // the address in the list
    [InlineData("supervision-unknown-key", "content/supervision/2025-tthc.md", 12, 5)]   // the key in the recommendation
    [InlineData("supervision-unknown-task", "content/supervision/2025-tthc.md", 7, 12)]  // the number in the list
    [InlineData("supervision-answer-before", "content/supervision/2025-tthc.md", 14, 13)] // the answer's date
    [InlineData("supervision-duplicate-number", "content/supervision/2025-tthc.md", 18, 9)]  // the second "no: 1"
    public void Positions_point_at_the_mistake(string name, string file, int line, int column)
    {
        var dir = Path.Combine(CasesDir, name);
        var bag = new DiagnosticBag();
        SiteLoader.Load(dir, bag, new DateOnly(2025, 12, 20));
        var d = Assert.Single(bag.Sorted());
        Assert.Equal(new SourceLocation(file, line, column), d.Location);
        // And the line really holds what the message is about.
        var text = File.ReadAllBytes(Path.Combine(dir, file));
        Assert.True(Encoding.Latin1.GetString(text).Split('\n').Length >= line);
    }

    [Fact]
    public void Messages_are_in_English_with_lang_en()
    {
        var err = CchcRun.Run("check", "--source", Path.Combine(CasesDir, "unknown-key"), "--lang", "en").Err;
        Assert.Contains("error CC0005: Unknown key \"prodcut\". Did you mean \"product\"?", err, StringComparison.Ordinal);
        Assert.Contains("Failed: 1 error(s)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Nfd_file_loads_and_shows_nfc()
    {
        var dir = Path.Combine(CasesDir, "nfd-file");
        var raw = File.ReadAllText(Path.Combine(dir, "content/plans/2025/tasks/02.md"));
        Assert.NotEqual(raw, TextFold.ToNfc(raw));          // the file really is decomposed (string.Normalize is a no-op under InvariantGlobalization)
        var output = Repo.TempDir("nfd");
        var result = SiteBuilder.Run(new BuildOptions(dir, output, Write: true, Today: new DateOnly(2025, 12, 20)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        var html = File.ReadAllText(Path.Combine(output, "ke-hoach/2025/nhiem-vu/02/index.html"));
        Assert.Contains(TextFold.ToNfc("Rà soát văn bản quy phạm pháp luật"), html, StringComparison.Ordinal);
        Assert.Equal(TextFold.ToNfc(html), html);
    }

    [Fact]
    public void Seven_mistakes_are_all_reported_in_one_run()
    {
        var dir = Path.Combine(CasesDir, "seven-mistakes");
        var result = CchcRun.Run("check", "--source", dir);
        Assert.Equal(1, result.Exit);
        var errors = result.Err.Split('\n').Where(l => l.Contains(": error CC", StringComparison.Ordinal)).ToList();
        Assert.Equal(7, errors.Count);
        var codes = errors.Select(l => l.Split(": error ")[1][..6]).ToList();
        Assert.Equal(["CC0001", "CC0002", "CC0003", "CC0005", "CC0009", "CC0012", "CC0013"], codes.Order(StringComparer.Ordinal));
        Assert.All(errors, l => Assert.Matches(@"^content/\S+\.md\(\d+,\d+\): error", l));
        Assert.Contains("Thất bại: 7 lỗi", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_with_mistakes_fails_and_leaves_the_last_good_output_untouched()
    {
        var output = Path.Combine(Repo.TempDir("seven"), "public");
        var good = CchcRun.Run("build", "--source", Repo.Path("tests", "sites", "seed-000"), "--output", output);
        Assert.True(good.Exit == 0, good.Err);
        var before = Repo.Snapshot(output);
        Assert.Contains("index.html", before.Keys);

        var bad = CchcRun.Run("build", "--source", Path.Combine(CasesDir, "seven-mistakes"), "--output", output);
        Assert.Equal(1, bad.Exit);
        Assert.Contains("Trang cũ (nếu có) được giữ nguyên", bad.Err, StringComparison.Ordinal);
        Repo.AssertSameFiles(before, Repo.Snapshot(output));
        // No staging folder left beside it.
        Assert.Equal(["public"], Directory.GetFileSystemEntries(Path.GetDirectoryName(output)!).Select(Path.GetFileName));
    }
}
