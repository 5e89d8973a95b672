namespace CchcPortal.Core.Text;

/// <summary>What kind of deadline a task has.</summary>
public enum DeadlineKind
{
    /// <summary>One or more dated milestones ("Trước ngày 20/8/2025", "Quý IV/2025", ...).</summary>
    Dated,
    /// <summary>Ongoing work, no due date ("Thường xuyên").</summary>
    Ongoing,
    /// <summary>Due at every reporting period ("Theo kỳ báo cáo CCHC", "Định kỳ hằng quý").</summary>
    EachReportingPeriod,
    /// <summary>When a higher authority says so ("Theo hướng dẫn của Thành phố").</summary>
    PerGuidance,
}

/// <summary>How precisely the plan stated a due date.</summary>
public enum DuePrecision { Day, Month, Quarter, Year }

/// <summary>One dated milestone of a deadline.</summary>
/// <param name="Label">"Giao ban quý III", "Kế hoạch", or null when unlabelled; as written.</param>
/// <param name="Text">The date part as written ("tháng 9/2025").</param>
/// <param name="Due">The last day that still counts as on time.</param>
/// <param name="Precision">Day for a date, Month for a month, Quarter for a quarter, Year for a year or period.</param>
public sealed record Milestone(string? Label, string Text, DateOnly Due, DuePrecision Precision);

/// <summary>A task deadline as written in the plan, with the due dates derived from it.</summary>
/// <param name="Text">The text as written (trimmed, NFC).</param>
/// <param name="Kind">Dated, ongoing, each reporting period, or per guidance.</param>
/// <param name="Milestones">Dated milestones in the order written (empty unless Dated).</param>
/// <param name="Authority">For PerGuidance: who gives the guidance, as written ("Thành phố"); else null.</param>
public sealed record Deadline(string Text, DeadlineKind Kind, IReadOnlyList<Milestone> Milestones, string? Authority = null)
{
    /// <summary>The latest milestone due date, null when there are no milestones.</summary>
    public DateOnly? FinalDue => Milestones.Count == 0 ? null : Milestones.Max(m => m.Due);

    /// <summary>The earliest milestone due date, null when there are no milestones.</summary>
    public DateOnly? FirstDue => Milestones.Count == 0 ? null : Milestones.Min(m => m.Due);

    public bool IsDated => Kind == DeadlineKind.Dated;

    /// <summary>Structural equality, milestones compared element by element.</summary>
    public bool Equals(Deadline? other) =>
        other is not null
        && Text == other.Text
        && Kind == other.Kind
        && Authority == other.Authority
        && Milestones.SequenceEqual(other.Milestones);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Text);
        h.Add(Kind);
        h.Add(Authority);
        foreach (var m in Milestones) h.Add(m);
        return h.ToHashCode();
    }
}
