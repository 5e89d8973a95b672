using System.IO.Packaging;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using DocumentFormat.OpenXml.Packaging;

namespace CchcPortal.Office.Export;

/// <summary>What <c>cchc export report</c> was asked for. Plan and period may be left out: the plan the home page shows
/// (the first active one, else the only one) and its latest report.</summary>
public sealed record ReportExportOptions(string Source, string? Plan, string? Period, string? Output, DateOnly? Today = null);

/// <summary>The diagnostics, and on success the file written and the period of the report it holds, as a sentence says it
/// after "báo cáo" ("năm 2025", "Quý IV/2025").</summary>
public sealed record ReportExportResult(IReadOnlyList<Diagnostic> Diagnostics, bool Success, string? Path, long Bytes, string? Label)
{
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>
/// <c>cchc export report</c>: Load → Validate as every command, then one report of a plan as a Word draft for
/// signature (<see cref="ReportPackage"/>). Nothing is written when the content has an error, the plan or period is
/// unknown, or the period has no report.
/// </summary>
public static class ReportExport
{
    /// <summary>A site's own template: <c>themes/&lt;theme&gt;/office/bao-cao.docx</c> (see docs/word-export.md).</summary>
    public static string TemplatePath(SiteConfig config) => $"themes/{config.Theme}/office/bao-cao.docx";

    public static ReportExportResult Run(ReportExportOptions options)
    {
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(options.Source, bag, options.Today ?? Core.Text.VnDate.Today());
        if (content is null || bag.HasErrors) return Failed(bag);
        if (Find(content, options, bag) is not { } found) return Failed(bag);
        var (plan, report) = found;

        byte[]? template = null;
        var templateAt = TemplatePath(content.Config);
        var templateFile = Path.Combine(options.Source, templateAt);
        if (File.Exists(templateFile)) template = File.ReadAllBytes(templateFile);
        byte[] bytes;
        try { bytes = Build(content, plan, report, template); }
        catch (Exception e) when (template is not null && e is InvalidDataException or OpenXmlPackageException or IOException or FileFormatException or ArgumentException or InvalidOperationException)
        {
            bag.Add(Diagnostic.BadTemplate(templateAt, e.Message));
            return Failed(bag);
        }

        var output = options.Output ?? $"{plan.Id}-{report.Period.Id}.docx";
        try { WriteAtomically(output, bytes); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bag.Add(Diagnostic.CannotWrite(output, e.Message));
            return Failed(bag);
        }
        return new ReportExportResult(bag.Sorted(), true, output, bytes.Length, ReportWords.Phrase(report.Period.Label.Vi));
    }

    /// <summary>The .docx of one report of a loaded site (also for tests), with a template's bytes or the built-in layout.</summary>
    public static byte[] Build(SiteContent content, Plan plan, Report report, byte[]? template = null)
    {
        var facts = ReportFacts.Of(plan, report).WithSupervisions(content.Supervisions);
        return ReportPackage.Write(facts, new ReportWords(content.Config, content.Units, facts), template);
    }

    private static (Plan Plan, Report Report)? Find(SiteContent content, ReportExportOptions options, DiagnosticBag bag)
    {
        var plans = content.Plans;
        var plan = options.Plan is { } id
            ? plans.FirstOrDefault(p => p.Id == id)
            : CurrentPlan.Of(plans);
        if (plan is null)
        {
            bag.Add(Diagnostic.UnknownPlan(new("content/plans"), options.Plan ?? "", plans.Count == 0 ? None : string.Join(", ", plans.Select(p => p.Id))));
            return null;
        }
        if (options.Period is null)
        {
            if (plan.Reports.Count > 0) return (plan, plan.Reports[^1]);
            bag.Add(Diagnostic.NoReportYet(plan.At["reporting"], plan.Id));
            return null;
        }
        var index = plan.Reporting.ToList().FindIndex(p => p.Id == options.Period);
        if (index < 0)
        {
            bag.Add(Diagnostic.UnknownPeriod(plan.At["reporting"], options.Period, plan.Id, plan.Reporting.Count == 0 ? None : string.Join(", ", plan.Reporting.Select(p => p.Id))));
            return null;
        }
        var period = plan.Reporting[index];
        if (plan.Reports.FirstOrDefault(r => r.Period.Id == period.Id) is { } report) return (plan, report);
        bag.Add(Diagnostic.PeriodWithoutReport(plan.At[$"reporting[{index}].id"], period.Id, period.Label.Vi, plan.Id,
            plan.Reports.Count == 0 ? None : string.Join(", ", plan.Reports.Select(r => r.Period.Id))));
        return null;
    }

    private static readonly Sentence None = new("(chưa có)", "(none)");

    private static ReportExportResult Failed(DiagnosticBag bag) => new(bag.Sorted(), false, null, 0, null);

    /// <summary>Written beside the target and moved over it: a failed write never leaves half a file.</summary>
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var full = Path.GetFullPath(path);
        var temp = full + ".tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, full, overwrite: true);
        }
        finally { if (File.Exists(temp)) File.Delete(temp); }
    }
}
