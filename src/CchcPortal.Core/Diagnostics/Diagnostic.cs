namespace CchcPortal.Core.Diagnostics;

/// <summary>Info: a hint that is neither a mistake nor a risk (shown by <c>cchc check</c> when there are no errors).</summary>
public enum Severity { Warning, Error, Info }

/// <summary>A place in a source file: path relative to the site folder, 1-based line and column (0 = unknown).</summary>
public readonly record struct SourceLocation(string File, int Line = 0, int Column = 0)
{
    public override string ToString() => Line > 0 ? $"{File}({Line},{Math.Max(Column, 1)})" : File;
}

/// <summary>
/// One problem found in the content, with a code whose message exists in Vietnamese and English. Made by the factory of
/// its code (Diagnostic.Factories.cs); <see cref="Args"/> are the message's arguments, as text in both languages.
/// </summary>
public sealed partial record Diagnostic(Severity Severity, string Code, SourceLocation Location, IReadOnlyList<Sentence> Args)
{
    public string Message(string lang) => Messages.Format(Code, lang, Args);

    /// <summary>Compiler style: <c>content/plans/2025/tasks/07.md(8,11): error CC0012: ...</c></summary>
    public string ToString(string lang) =>
        $"{Location}: {Kind} {Code}: {Message(lang)}";

    /// <summary>"error", "warning" or "info", as compilers write them.</summary>
    public string Kind => Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "info" };

    public override string ToString() => ToString("vi");
}
