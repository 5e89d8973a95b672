using System.Text;

namespace CchcPortal.Tests;

/// <summary>
/// Golden files: compares text with a file under tests/CchcPortal.Tests/golden/ (or any file given by full path).
/// With the environment variable UPDATE_GOLDEN=1 the file is written instead — read the git diff before committing.
/// </summary>
public static class Golden
{
    public static string Root => Path.Combine(Repo.Root, "tests", "CchcPortal.Tests", "golden");
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>Compares with golden/<paramref name="relPath"/>.</summary>
    public static void Check(string relPath, string actual) => CheckFile(Path.Combine(Root, relPath), actual);

    public static void CheckFile(string path, string actual)
    {
        actual = Normalise(actual);
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual, new UTF8Encoding(false));
            return;
        }
        var shown = Path.GetRelativePath(Repo.Root, path).Replace('\\', '/');
        if (!File.Exists(path)) Assert.Fail($"Golden file {shown} does not exist. Run the tests with UPDATE_GOLDEN=1 to create it.");
        var expected = Normalise(File.ReadAllText(path, Encoding.UTF8));
        if (expected == actual) return;
        Assert.Fail($"Output differs from golden file {shown} (run with UPDATE_GOLDEN=1 to accept the new output):\n" +
                    Diff(expected, actual, shown));
    }

    private static string Normalise(string s) => s.Replace("\r\n", "\n");

    /// <summary>A unified-diff-like listing of the differing lines with 3 lines of context (at most 80 lines shown).</summary>
    public static string Diff(string expected, string actual, string name = "golden")
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        // Longest common subsequence table, from the end.
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        var ops = new List<(char Op, int A, int B, string Line)>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { ops.Add((' ', x, y, a[x])); x++; y++; }
            else if (x < a.Length && (y == b.Length || lcs[x + 1, y] >= lcs[x, y + 1])) { ops.Add(('-', x, y, a[x])); x++; }
            else { ops.Add(('+', x, y, b[y])); y++; }
        }
        var sb = new StringBuilder($"--- {name} (expected)\n+++ actual\n");
        var shown = 0;
        for (var k = 0; k < ops.Count && shown < 80;)
        {
            if (ops[k].Op == ' ') { k++; continue; }
            var start = Math.Max(0, k - 3);
            var end = k;
            // Extend the hunk while changes are within 6 lines of each other.
            for (var m = k; m < ops.Count; m++)
                if (ops[m].Op != ' ') end = m;
                else if (m - end > 6) break;
            end = Math.Min(ops.Count - 1, end + 3);
            sb.Append($"@@ -{ops[start].A + 1} +{ops[start].B + 1} @@\n");
            for (var m = start; m <= end && shown < 80; m++, shown++) sb.Append(ops[m].Op).Append(ops[m].Line).Append('\n');
            k = end + 1;
        }
        if (shown >= 80) sb.Append("... (more differences)\n");
        return sb.ToString();
    }
}

/// <summary>Paths of the repository the tests run in.</summary>
public static class Repo
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "CchcPortal.sln"))) return dir.FullName;
        throw new InvalidOperationException("CchcPortal.sln not found above " + AppContext.BaseDirectory);
    }

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>A fresh empty folder under the system temp folder.</summary>
    public static string TempDir(string name)
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cchc-tests", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Every file of a folder as relative path → bytes, for byte-for-byte comparisons.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string dir) =>
        new(Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => System.IO.Path.GetRelativePath(dir, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    public static void AssertSameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        var differing = expected.Keys.Where(k => !expected[k].AsSpan().SequenceEqual(actual[k])).ToList();
        Assert.True(differing.Count == 0, "Files differ: " + string.Join(", ", differing.Take(20)));
    }
}

/// <summary>Runs the <c>cchc</c> command in-process.</summary>
public static class CchcRun
{
    public sealed record Result(int Exit, string Out, string Err);

    /// <summary>The day the tests judge on unless they pass --today: what they print must not change with the calendar.</summary>
    public const string Today = "2025-12-20";

    public static Result Run(params string[] args)
    {
        var o = new StringWriter { NewLine = "\n" };
        var e = new StringWriter { NewLine = "\n" };
        var exit = CchcPortal.Cli.Program.Run(args.Contains("--today") ? args : [.. args, "--today", Today], o, e);
        // GitHub Actions annotations ("::error file=...") are extra lines for CI only.
        var err = string.Join("\n", e.ToString().Split('\n').Where(l => !l.StartsWith("::", StringComparison.Ordinal)));
        return new Result(exit, o.ToString(), err);
    }
}
