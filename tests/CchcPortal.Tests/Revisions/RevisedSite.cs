using CchcPortal.Site.Build;
using CchcPortal.Tests.OpenData;

namespace CchcPortal.Tests.Revisions;

/// <summary>
/// seed-000 (one plan, two reports) copied outside git, with task 12's deadline moved by an adjusting decision
/// ("Tháng 9/2025" → "Tháng 11/2025" on 2/10/2025) and a target's goal moved, built once.
/// </summary>
public sealed class RevisedSite : IDisposable
{
    public const string Plan = "cchc-6-thang-cuoi-2025";
    public const string Decision = "Quyết định số 88/QĐ-UBND ngày 02/10/2025 về việc điều chỉnh, bổ sung Kế hoạch số 45/KH-UBND";

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cchc-revised-" + Guid.NewGuid().ToString("N")[..8]);
    public string Source => Path.Combine(Root, "site");
    public string Output => Path.Combine(Root, "out");
    public BuildResult Result { get; }

    public RevisedSite()
    {
        OpenDataSite.Copy(Repo.Path("tests", "sites", "seed-000"), Source);
        var task = Path.Combine(Source, "content", "plans", Plan, "tasks", "12.md");
        var text = File.ReadAllText(task);
        Assert.Contains("deadline: \"Tháng 9/2025\"\n", text, StringComparison.Ordinal);
        File.WriteAllText(task, text.Replace("deadline: \"Tháng 9/2025\"\n",
            $"deadline: \"Tháng 11/2025\"\nrevised:\n  - {{ deadline: \"Tháng 9/2025\", on: 2025-10-02, by: \"{Decision}\" }}\n", StringComparison.Ordinal));
        var target = Directory.GetFiles(Path.Combine(Source, "content", "plans", Plan, "targets"), "*.md").Order(StringComparer.Ordinal)
            .First(f => File.ReadAllText(f).Contains("goal: \">=", StringComparison.Ordinal));
        var lines = File.ReadAllLines(target).ToList();
        var at = lines.FindIndex(l => l.StartsWith("goal: \">=", StringComparison.Ordinal));
        lines.Insert(at + 1, $"revised:\n  - {{ goal: \"= 100\", on: 2025-10-02, by: \"{Decision}\" }}");
        File.WriteAllText(target, string.Join("\n", lines) + "\n");
        TargetId = Path.GetFileNameWithoutExtension(target);
        Result = SiteBuilder.Run(new BuildOptions(Source, Output));
    }

    public string TargetId { get; }

    public string Read(string rel) => File.ReadAllText(Path.Combine(Output, rel));

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
