namespace CchcPortal.Core.Model;

/// <summary>
/// A report as it stood when issued: each task's and target's state as of this report (only it and the earlier ones
/// counted, judged on its own date), and what changed since the previous report. Every report has one, counted on
/// as_of or not; the report page, search and exports read it.
/// </summary>
public sealed record ReportSnapshot(
    Report Report, Report? Previous, Report? Next, IReadOnlyList<TaskInReport> Tasks, IReadOnlyList<TaskState> NotMentioned,
    IReadOnlyList<TargetInReport> Targets);

public enum TaskChange { New, Status, Progress, None }

/// <summary>
/// A task the report mentions. <see cref="Before"/> is its state as of the previous report, null when no earlier report
/// mentioned it (then <see cref="Change"/> is <see cref="TaskChange.New"/>).
/// </summary>
public sealed record TaskInReport(TaskState State, TaskEntry Entry, TaskState? Before, TaskChange Change)
{
    public bool Changed => Change != TaskChange.None;
}

public enum TargetChange { NoValue, New, None, Up, Down }

/// <summary>A target as of the report: the value the report gives (null: none), the previous report's, and the result.</summary>
public sealed record TargetInReport(TargetState State, decimal? Value, decimal? Previous, TargetResult Result)
{
    public TargetChange Change => Value is not { } v ? TargetChange.NoValue : Previous is not { } p ? TargetChange.New
        : v == p ? TargetChange.None : v > p ? TargetChange.Up : TargetChange.Down;

    /// <summary>How far the value moved since the previous report (0 unless both have one).</summary>
    public decimal Delta => Value is { } v && Previous is { } p ? Math.Abs(v - p) : 0;
}
