namespace CchcPortal.Core.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A place in a source file: path relative to the site folder, 1-based line and column (0 = unknown).</summary>
public readonly record struct SourceLocation(string File, int Line = 0, int Column = 0)
{
    public override string ToString() => Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
}

/// <summary>One problem found in the content, with a code whose message exists in Vietnamese and English.</summary>
public sealed record Diagnostic(Severity Severity, string Code, SourceLocation Location, object?[] Args)
{
    public string Message(string lang) => Messages.Format(Code, lang, Args);

    /// <summary>Compiler style: <c>content/plans/2025/tasks/07.md(8,11): error CC0012: ...</c></summary>
    public string ToString(string lang) =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message(lang)}";

    public override string ToString() => ToString("vi");
}
