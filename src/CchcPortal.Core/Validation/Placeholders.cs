using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;

namespace CchcPortal.Core.Validation;

/// <summary>
/// Text left as <c>cchc new</c> wrote it would be published as it is ("Nhiệm vụ số 6 (sửa tên nhiệm vụ)" on the
/// portal, "- Nêu đề xuất với cấp trên …" in the Word report): a warning (CC0092) at each, where staff fix it. Looks
/// only at the titles and report bodies, in memory; a file is read again only to place a placeholder found in it.
/// </summary>
public static class Placeholders
{
    public static void Check(SiteContent content, string sourceDir, DiagnosticBag bag)
    {
        foreach (var plan in content.Plans)
        {
            foreach (var task in plan.Tasks)
                Title(task.Title.Vi, task.At["title"], new Sentence($"Tên nhiệm vụ số {task.No}", $"The title of task {task.No}"), bag);
            foreach (var target in plan.Targets)
                Title(target.Title.Vi, target.At["title"], new Sentence("Tên chỉ tiêu", "The target's title"), bag);
            foreach (var report in plan.Reports)
                foreach (var (_, bullet) in ContentFiles.ReportSections)
                    if (report.Body.Vi.Contains(bullet, StringComparison.Ordinal))
                        bag.Add(Diagnostic.ScaffoldPlaceholder(Find(sourceDir, report.Source, "- " + bullet),
                            new Sentence("Dòng này của nội dung báo cáo", "This line of the report's text"), "- " + bullet));
        }
        foreach (var unit in content.Units)
            if (IsPlaceholder(unit.Name.Vi))
                bag.Add(Diagnostic.ScaffoldPlaceholder(Find(sourceDir, unit.Source, unit.Name.Vi), new Sentence("Tên đơn vị", "The unit's name"), unit.Name.Vi));
        foreach (var page in content.Pages)
            if (IsPlaceholder(page.Title.Vi))
                bag.Add(Diagnostic.ScaffoldPlaceholder(Find(sourceDir, page.Source, page.Title.Vi), new Sentence("Tiêu đề trang", "The page's title"), page.Title.Vi));
    }

    private static bool IsPlaceholder(string title) =>
        title.EndsWith(ContentFiles.FixTitle, StringComparison.Ordinal) || title.EndsWith(ContentFiles.FixTaskTitle, StringComparison.Ordinal);

    private static void Title(string title, SourceLocation at, Sentence what, DiagnosticBag bag)
    {
        if (IsPlaceholder(title)) bag.Add(Diagnostic.ScaffoldPlaceholder(at, what, title));
    }

    /// <summary>The line and column of <paramref name="text"/> in the file (its first line when not found as written).</summary>
    private static SourceLocation Find(string sourceDir, string rel, string text)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(sourceDir, rel));
            for (var i = 0; i < lines.Length; i++)
                if (lines[i].IndexOf(text, StringComparison.Ordinal) is var col and >= 0) return new(rel, i + 1, col + 1);
        }
        catch (IOException) { }
        return new(rel, 1, 1);
    }
}
