using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using TaskStatus = CchcPortal.Core.Model.TaskStatus;

namespace CchcPortal.Tests.Content;

/// <summary>
/// A report's <c>tasks</c> and <c>targets</c> may be written as mappings keyed by number and id, or as lists whose
/// items name them (<c>- no: 7</c>, <c>- id: x</c>), the form the web editor writes: both load to the same report.
/// </summary>
public class ReportListTests
{
    private const string Map = """
        tasks:
          "1": { status: done, progress: 100, evidence: "Kế hoạch số 50/KH-UBND ngày 20/8/2025" }
          "2": { status: in-progress, progress: 40, note: Đang rà soát }
        targets:
          ho-so-dung-han: { value: "98,6", note: Vượt chỉ tiêu }
        """;

    private const string List = """
        tasks:
          - no: 1
            status: done
            progress: 100
            evidence: "Kế hoạch số 50/KH-UBND ngày 20/8/2025"
          - { no: 2, status: in-progress, progress: 40, note: Đang rà soát }
        targets:
          - id: ho-so-dung-han
            value: "98,6"
            note: Vượt chỉ tiêu
        """;

    private static Report LoadWith(string tasksAndTargets, string translation)
    {
        var dir = Repo.TempDir("report-list");
        CopyDir(Path.Combine(InvalidSiteTests.CasesDir, "progress-out-of-range"), dir);
        File.Delete(Path.Combine(dir, "expected.txt"));
        var report = Path.Combine(dir, "content/plans/2025/reports/q3.md");
        File.WriteAllText(report, $"---\nperiod: q3\nnumber: 120/BC-UBND\nissued: 2025-09-15\n{tasksAndTargets}\n---\nKết quả quý III.\n");
        File.WriteAllText(Path.ChangeExtension(report, ".en.md"), $"---\n{translation}\n---\nResults of Q3.\n");
        var bag = new DiagnosticBag();
        var site = SiteLoader.Load(dir, bag, new DateOnly(2025, 12, 20));
        Assert.True(bag.Sorted().Count == 0, string.Join("\n", bag.Sorted()));
        return Assert.Single(Assert.Single(site!.Plans).Reports);
    }

    [Theory]
    [InlineData(Map, "tasks:\n  \"2\": { note: Reviewing }\ntargets:\n  ho-so-dung-han: { note: Above target }")]
    [InlineData(List, "tasks:\n  - { no: 2, note: Reviewing }\ntargets:\n  - { id: ho-so-dung-han, note: Above target }")]
    [InlineData(List, "tasks:\n  \"2\": { note: Reviewing }\ntargets:\n  ho-so-dung-han: { note: Above target }")]
    public void Lists_and_mappings_mean_the_same(string source, string translation)
    {
        var r = LoadWith(source, translation);
        Assert.Equal([1, 2], r.Tasks.Keys.Order());
        Assert.Equal((TaskStatus.Done, 100, "Kế hoạch số 50/KH-UBND ngày 20/8/2025"), (r.Tasks[1].Status, r.Tasks[1].Progress, r.Tasks[1].Evidence));
        Assert.Equal((TaskStatus.InProgress, 40), (r.Tasks[2].Status, r.Tasks[2].Progress));
        Assert.Equal(("Đang rà soát", "Reviewing"), (r.Tasks[2].Note!.Vi, r.Tasks[2].Note!.Get("en")));
        var target = Assert.Single(r.Targets);
        Assert.Equal("ho-so-dung-han", target.Key);
        Assert.Equal((98.6m, "Vượt chỉ tiêu", "Above target"), (target.Value.Value, target.Value.Note!.Vi, target.Value.Note.Get("en")));
        // Where each entry was written: its number or id, in either form.
        Assert.True(r.At.Values.ContainsKey("tasks.1") && r.At.Values.ContainsKey("targets.ho-so-dung-han"));
    }

    internal static void CopyDir(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var dest = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(dest)!);
            File.Copy(file, dest, overwrite: true);
        }
    }
}
