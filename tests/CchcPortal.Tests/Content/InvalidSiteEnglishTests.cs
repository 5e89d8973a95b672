namespace CchcPortal.Tests.Content;

/// <summary>
/// The cases of tests/sites-invalid/ that also have an expected.en.txt: <c>cchc check --lang en</c> must print exactly it
/// (UPDATE_GOLDEN=1 rewrites them). The revised: cases of issue 36 are checked in both languages this way.
/// </summary>
public class InvalidSiteEnglishTests
{
    private static readonly string[] Always = ["revised-bad-deadline", "revised-bad-goal", "revised-out-of-order", "revised-outside-plan", "revised-unknown-key"];

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var dir in Directory.GetDirectories(InvalidSiteTests.CasesDir).Order(StringComparer.Ordinal))
            if (File.Exists(Path.Combine(dir, "expected.en.txt")) || Always.Contains(Path.GetFileName(dir))) data.Add(Path.GetFileName(dir));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Check_prints_the_expected_diagnostics_in_English(string name)
    {
        var dir = Path.Combine(InvalidSiteTests.CasesDir, name);
        var result = CchcRun.Run("check", "--source", dir, "--lang", "en");
        var err = result.Err.Replace(dir, "<site>", StringComparison.Ordinal);
        Golden.CheckFile(Path.Combine(dir, "expected.en.txt"), err);
        Assert.DoesNotContain("Exception", err, StringComparison.Ordinal);
        Assert.Equal(InvalidSiteTests.WarningOnly.Contains(name) ? 0 : 1, result.Exit);
    }

    [Theory]
    [InlineData("revised-bad-deadline", "CC0012", "\"Cuối quý III\"", "content/plans/2025/tasks/02.md(9,")]
    [InlineData("revised-bad-goal", "CC0011", "\"tối thiểu 95\"", "content/plans/2025/targets/ho-so-dung-han.md(7,")]
    [InlineData("revised-out-of-order", "CC0080", "1/7/2025", "content/plans/2025/tasks/02.md(10,")]
    [InlineData("revised-outside-plan", "CC0081", "15/1/2026", "content/plans/2025/tasks/02.md(9,")]
    [InlineData("revised-unknown-key", "CC0005", "Có phải ý bạn là \"by\"?", "content/plans/2025/targets/ho-so-dung-han.md(7,")]
    public void Each_revised_case_reports_its_code_at_the_entry(string name, string code, string fragment, string place)
    {
        var err = CchcRun.Run("check", "--source", Path.Combine(InvalidSiteTests.CasesDir, name)).Err;
        var line = Assert.Single(err.Split('\n'), l => l.Contains($" {code}: ", StringComparison.Ordinal));
        Assert.Contains(fragment, line, StringComparison.Ordinal);
        Assert.StartsWith(place, line, StringComparison.Ordinal);
    }
}
