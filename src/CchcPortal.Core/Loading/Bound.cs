using System.Globalization;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Core.Loading;

/// <summary>
/// What binding one source file gave (Load's hand-off to Validate): its typed record, one case per content kind, or
/// <see cref="Broken"/>. The cases below are all there are (the constructor is private); <see cref="BoundFiles"/>
/// sorts them by kind.
/// </summary>
public abstract record Bound
{
    private Bound() { }

    public sealed record UnitFile(Unit Unit) : Bound;
    public sealed record PageFile(Page Page) : Bound;
    public sealed record PlanFile(Plan Plan) : Bound;
    public sealed record TargetFile(Target Target) : Bound;
    public sealed record TaskFile(PlanTask Task) : Bound;
    public sealed record SupervisionFile(Supervision Supervision) : Bound;

    /// <summary>A report; its period is resolved against the plan by Validate, so it comes with the id as written and where.</summary>
    public sealed record ReportFile(Report Report, string PeriodId, SourceLocation PeriodAt) : Bound;

    /// <summary>
    /// A content file whose front matter could not be read or bound (its errors are already reported). It takes part in
    /// reference checks only, so that a report naming a broken task, or a task led by a unit whose file is not UTF-8,
    /// does not get a second, misleading "unknown" error. <paramref name="TaskNo"/>: a task's number, when readable.
    /// </summary>
    public sealed record Broken(ContentFile File, int? TaskNo) : Bound
    {
        public static Broken Of(ContentFile file, SourceDocument? doc)
        {
            int? no = null;
            if (file.Kind == ContentKind.Task)
            {
                var text = doc?.Yaml is { } y && y.Children.TryGetValue(new YamlScalarNode("no"), out var n) ? (n as YamlScalarNode)?.Value : file.Id;
                if (int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i)) no = i;
            }
            return new Broken(file, no);
        }
    }
}

/// <summary>The records of a site's source files sorted by kind, each list in path order.</summary>
public sealed class BoundFiles
{
    public List<Unit> Units { get; } = [];
    public List<Page> Pages { get; } = [];
    public List<Plan> Plans { get; } = [];
    public List<Target> Targets { get; } = [];
    public List<PlanTask> Tasks { get; } = [];
    public List<Bound.ReportFile> Reports { get; } = [];
    public List<Supervision> Supervisions { get; } = [];
    public List<Bound.Broken> Broken { get; } = [];

    public BoundFiles(IEnumerable<Bound> records)
    {
        foreach (var record in records)
        {
            switch (record)
            {
                case Bound.UnitFile r: Units.Add(r.Unit); break;
                case Bound.PageFile r: Pages.Add(r.Page); break;
                case Bound.PlanFile r: Plans.Add(r.Plan); break;
                case Bound.TargetFile r: Targets.Add(r.Target); break;
                case Bound.TaskFile r: Tasks.Add(r.Task); break;
                case Bound.ReportFile r: Reports.Add(r); break;
                case Bound.SupervisionFile r: Supervisions.Add(r.Supervision); break;
                case Bound.Broken r: Broken.Add(r); break;
                default: throw new InvalidOperationException($"{record.GetType().Name}: a case of Bound that BoundFiles does not sort");
            }
        }
    }
}
