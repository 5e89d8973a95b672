using System.Diagnostics;
using System.Globalization;

namespace CchcPortal.Core.Loading;

/// <summary>
/// "Last updated" of each source file from git: the date of the last commit touching it. One <c>git log</c> of the site's
/// content folder, parsed once. The same pass gives, for tasks and targets, every value their <c>deadline:</c> and
/// <c>goal:</c> lines had (the log's patches, without context), so that a deadline moved without a <c>revised:</c> entry
/// can be told (<see cref="Validation.SilentMoves"/>) without a second git process. When the folder is not in a git
/// repository (or git is missing) there are no dates: a page then shows none, never the build time.
/// </summary>
public sealed class GitHistory
{
    private readonly Dictionary<string, (long Time, DateOnly Date)> _last;
    private readonly Dictionary<string, int> _first;
    private readonly List<(long Time, DateOnly Date)> _commits;
    private readonly Dictionary<string, List<ValueChange>> _changes;

    private GitHistory(Parsed parsed) => (_last, _first, _commits, _changes) = (parsed.Last, parsed.First, parsed.Commits, parsed.Changes);

    public static readonly GitHistory None = new(new Parsed());

    public int Count => _last.Count;

    /// <summary>A value of a front-matter line changed by a commit (<see cref="Commit"/>: its index, 0 the newest): what was removed, what was added.</summary>
    public sealed record ValueChange(int Commit, string Key, string? Old, string? New);

    /// <summary>The keys whose values are kept from the patches: a task's deadline, a target's goal.</summary>
    public static readonly IReadOnlyList<string> TrackedKeys = ["deadline", "goal"];

    /// <summary>The commits touching the content, newest first: their time and date.</summary>
    public IReadOnlyList<(long Time, DateOnly Date)> Commits => _commits;

    /// <summary>The index (in <see cref="Commits"/>) of the oldest commit touching a path, or null when it was never committed.</summary>
    public int? FirstCommitOf(string relPath) => _first.TryGetValue(relPath.Replace('\\', '/'), out var i) ? i : null;

    /// <summary>The changes of a tracked key of a file, newest first.</summary>
    public IReadOnlyList<ValueChange> ChangesOf(string relPath, string key) =>
        _changes.TryGetValue(relPath.Replace('\\', '/'), out var list) ? list.Where(c => c.Key == key).ToList() : [];

    /// <summary>The last commit date of a path relative to the site folder ("content/units/vh-xh.md").</summary>
    public DateOnly? Of(string relPath) => _last.TryGetValue(relPath.Replace('\\', '/'), out var d) ? d.Date : null;

    /// <summary>The last commit time (Unix seconds) of a path, to tell which of two files changed later.</summary>
    public long? TimeOf(string relPath) => _last.TryGetValue(relPath.Replace('\\', '/'), out var d) ? d.Time : null;

    /// <summary>A page's date: the later of its source and, for a translated page, the translation beside it ("x.en.md").</summary>
    public DateOnly? OfPage(string source, string lang)
    {
        var own = Of(source);
        if (!source.EndsWith(".md", StringComparison.Ordinal)) return own;
        var translated = Of(source[..^3] + "." + lang + ".md");
        return own is null ? translated : translated is null ? own : own > translated ? own : translated;
    }

    /// <summary>
    /// What changes when the history may have changed: the stamp of the repository's HEAD log (appended by every commit,
    /// checkout and reset), or null outside a repository. <c>serve</c> runs <c>git log</c> again only when it differs.
    /// </summary>
    public static string? Stamp(string sourceDir)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(sourceDir)); dir is not null; dir = dir.Parent)
        {
            var git = Path.Combine(dir.FullName, ".git");
            if (!Directory.Exists(git) && !File.Exists(git)) continue;
            var log = new FileInfo(Path.Combine(git, "logs", "HEAD"));
            var head = new FileInfo(Path.Combine(git, "HEAD"));
            return log.Exists ? $"{log.FullName} {log.LastWriteTimeUtc.Ticks} {log.Length}"
                : head.Exists ? $"{head.FullName} {head.LastWriteTimeUtc.Ticks} {head.Length}" : git;
        }
        return null;
    }

    public static GitHistory Load(string sourceDir)
    {
        // Not in a repository: no process to start (unless GIT_DIR points git elsewhere).
        if (Stamp(sourceDir) is null && Environment.GetEnvironmentVariable("GIT_DIR") is null) return None;
        try
        {
            var start = new ProcessStartInfo("git")
            {
                WorkingDirectory = Path.GetFullPath(sourceDir),
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            // --relative: paths relative to the site folder, changes outside it ignored; quotepath off: Vietnamese names as they are.
            // --raw names every file a commit touched (as --name-only did); -p -U0 adds the changed lines themselves (for the
            // deadline and goal lines), only of content/ (the site's pages come from there; the code beside a sample site is not read).
            foreach (var a in new[] { "-c", "core.quotepath=off", "-c", "diff.noprefix=false", "-c", "diff.mnemonicPrefix=false", "-c", "color.ui=false",
                "log", "--format=@@%ct %cs", "--raw", "-p", "--unified=0", "--no-ext-diff", "--no-textconv", "--relative", "--", "content" })
                start.ArgumentList.Add(a);
            start.Environment["GIT_TERMINAL_PROMPT"] = "0";
            using var git = Process.Start(start);
            if (git is null) return None;
            var errors = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            _ = errors.Result;
            return git.ExitCode == 0 ? new GitHistory(ParseLog(output)) : None;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return None;
        }
    }

    /// <summary>What one <c>git log</c> says, parsed.</summary>
    private sealed class Parsed
    {
        public readonly Dictionary<string, (long, DateOnly)> Last = new(StringComparer.Ordinal);
        public readonly Dictionary<string, int> First = new(StringComparer.Ordinal);
        public readonly List<(long, DateOnly)> Commits = [];
        public readonly Dictionary<string, List<ValueChange>> Changes = new(StringComparer.Ordinal);
    }

    /// <summary>The last commit (time, date) of each file, from a log of "@@1764921600 2025-12-05" lines followed by file names.</summary>
    public static Dictionary<string, (long, DateOnly)> Parse(string output) => ParseLog(output).Last;

    /// <summary>The history of the site from one log, for tests: "@@time date" commit lines, newest first, each followed by
    /// raw lines (":… M\tpath") or bare file names, then the patch.</summary>
    public static GitHistory FromLog(string output) => new(ParseLog(output));

    /// <summary>
    /// Parses the log, newest commit first: "@@1764921600 2025-12-05" starts a commit; then the files it touched (raw lines
    /// ":100644 100644 abc def M\tcontent/x.md", or bare names); then its patch, in which the file is named by "+++ b/…" (or
    /// "--- a/…" when deleted) and the removed and added lines of a tracked key (<c>deadline:</c>, <c>goal:</c>) of a task
    /// or target file are kept. A file's first date is its last change.
    /// </summary>
    private static Parsed ParseLog(string output)
    {
        var parsed = new Parsed();
        (long, DateOnly)? current = null;
        var inPatch = false;
        string? file = null;
        string? removed = null, removedKey = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line.Length > 2 && line[0] == '@' && line[1] == '@' && char.IsAsciiDigit(line[2]))
            {
                var parts = line[2..].Split(' ');
                current = parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var time)
                    && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (time, d) : null;
                if (current is { } c) parsed.Commits.Add(c);
                inPatch = false; file = null; removed = null;
                continue;
            }
            if (current is not { } commit) continue;
            var index = parsed.Commits.Count - 1;
            if (!inPatch)
            {
                if (line.StartsWith("diff ", StringComparison.Ordinal)) { inPatch = true; continue; }
                // A raw line names the file after its last tab (a rename's new name); otherwise the line is a bare name.
                var path = line[0] == ':' ? line[(line.LastIndexOf('\t') + 1)..] : line;
                parsed.Last.TryAdd(path, commit);
                parsed.First[path] = index;
                continue;
            }
            if (line.StartsWith("diff ", StringComparison.Ordinal)) { file = null; removed = null; continue; }
            if (line.StartsWith("+++ ", StringComparison.Ordinal)) { if (line.StartsWith("+++ b/", StringComparison.Ordinal)) file = Tracked(line[6..]); continue; }
            if (line.StartsWith("--- ", StringComparison.Ordinal)) { if (line.StartsWith("--- a/", StringComparison.Ordinal)) file = Tracked(line[6..]); continue; }
            if (file is null || line[0] is not ('+' or '-')) continue;
            foreach (var key in TrackedKeys)
            {
                if (line.Length <= key.Length + 2 || string.CompareOrdinal(line, 1, key, 0, key.Length) != 0 || line[key.Length + 1] != ':') continue;
                var value = Scalar(line[(key.Length + 2)..]);
                if (!parsed.Changes.TryGetValue(file, out var list)) parsed.Changes[file] = list = [];
                if (line[0] == '-') { removed = value; removedKey = key; list.Add(new ValueChange(index, key, value, null)); }
                else if (list.Count > 0 && list[^1] is { Commit: var ci, New: null } last && ci == index && last.Key == key && removedKey == key && last.Old == removed)
                    list[^1] = last with { New = value };
                else list.Add(new ValueChange(index, key, null, value));
            }
        }
        return parsed;
    }

    /// <summary>The path when it is a task's or target's file (content/plans/&lt;plan&gt;/tasks|targets/&lt;id&gt;.md, not a translation), else null.</summary>
    private static string? Tracked(string path)
    {
        path = path.TrimEnd('\t');
        var parts = path.Split('/');
        return parts.Length == 5 && parts[0] == "content" && parts[1] == "plans" && parts[3] is "tasks" or "targets"
            && parts[4].EndsWith(".md", StringComparison.Ordinal) && parts[4].Count(c => c == '.') == 1 ? path : null;
    }

    /// <summary>A one-line YAML scalar as written after "key:": quotes removed, a trailing comment of a plain scalar dropped.</summary>
    public static string Scalar(string text)
    {
        var s = text.Trim();
        if (s.Length >= 2 && s[0] == '"' && s.IndexOf('"', 1) is var end and > 0) return s[1..end].Replace("\\\"", "\"", StringComparison.Ordinal);
        if (s.Length >= 2 && s[0] == '\'' && s.LastIndexOf('\'') is var e2 and > 0) return s[1..e2].Replace("''", "'", StringComparison.Ordinal);
        var hash = s.IndexOf(" #", StringComparison.Ordinal);
        return (hash >= 0 ? s[..hash] : s).Trim();
    }
}
