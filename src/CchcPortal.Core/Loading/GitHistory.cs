using System.Diagnostics;
using System.Globalization;

namespace CchcPortal.Core.Loading;

/// <summary>
/// "Last updated" of each source file from git: the date of the last commit touching it. One <c>git log</c> for the
/// whole site folder, parsed once. When the folder is not in a git repository (or git is missing) there are no dates:
/// a page then shows none, never the build time.
/// </summary>
public sealed class GitHistory
{
    private readonly Dictionary<string, (long Time, DateOnly Date)> _last;

    private GitHistory(Dictionary<string, (long, DateOnly)> last) => _last = last;

    public static readonly GitHistory None = new(new Dictionary<string, (long, DateOnly)>(StringComparer.Ordinal));

    public int Count => _last.Count;

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
            foreach (var a in new[] { "-c", "core.quotepath=off", "log", "--format=@@%ct %cs", "--name-only", "--relative", "--", "." }) start.ArgumentList.Add(a);
            start.Environment["GIT_TERMINAL_PROMPT"] = "0";
            using var git = Process.Start(start);
            if (git is null) return None;
            var errors = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            _ = errors.Result;
            return git.ExitCode == 0 ? new GitHistory(Parse(output)) : None;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return None;
        }
    }

    /// <summary>Parses "@@1764921600 2025-12-05" lines followed by file names, newest commit first: a file's first date is its last change.</summary>
    public static Dictionary<string, (long, DateOnly)> Parse(string output)
    {
        var last = new Dictionary<string, (long, DateOnly)>(StringComparer.Ordinal);
        (long, DateOnly)? current = null;
        foreach (var raw in output.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0) continue;
            if (line.StartsWith("@@", StringComparison.Ordinal))
            {
                var parts = line[2..].Split(' ');
                current = parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var time)
                    && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? (time, d) : null;
                continue;
            }
            if (current is { } commit) last.TryAdd(line, commit);
        }
        return last;
    }
}
