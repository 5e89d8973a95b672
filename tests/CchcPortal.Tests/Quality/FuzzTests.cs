using System.Text;
using System.Text.RegularExpressions;
using CchcPortal.Tests.Browser;

namespace CchcPortal.Tests.Quality;

/// <summary>
/// Malformed front matter and Markdown fed to <c>cchc check</c> (a fixed seed, so a failure reproduces): the tool never
/// crashes, exits 0 or 1, and every error names a file, with a line when the problem is inside a file it was given.
/// </summary>
public sealed partial class FuzzTests
{
    private const int Iterations = 160;

    [GeneratedRegex(@"^(?<file>[^\s(][^(]*?)(\((?<line>\d+),(?<col>\d+)\))?: (?<sev>error|warning) (?<code>CC\d{4}):")]
    private static partial Regex DiagnosticLine();

    [Fact]
    public void Check_never_crashes_and_locates_every_error()
    {
        var template = Path.Combine(Repo.Root, "tests", "sites", "minimal");
        var files = Directory.EnumerateFiles(template, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(template, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToArray();
        var random = new Random(20251015);
        var failures = new List<string>();
        var exitCodes = new Dictionary<int, int>();
        for (var i = 0; i < Iterations && failures.Count < 10; i++)
        {
            var dir = SampleSite.NewTempFolder("cchc-fuzz");
            try
            {
                foreach (var f in files)
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, f))!);
                    File.Copy(Path.Combine(template, f), Path.Combine(dir, f));
                }
                var mutated = new List<string>();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    var target = random.Next(6) == 0 ? $"content/plans/2025/tasks/{random.Next(2, 99):00}.md" : files[random.Next(files.Length)];
                    var path = Path.Combine(dir, target);
                    var original = File.Exists(path) ? File.ReadAllBytes(path) : Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(template, "content/plans/2025/tasks/01.md")));
                    var (how, bytes) = Mutate(original, random);
                    File.WriteAllBytes(path, bytes);
                    mutated.Add($"{target} ({how})");
                }
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                int code;
                try { code = CchcPortal.Cli.Program.Run(["check", "--source", dir, "--lang", "en"], stdout, stderr); }
                catch (Exception e) { failures.Add($"#{i} [{string.Join(", ", mutated)}]: {e.GetType().Name}: {e.Message}"); continue; }
                exitCodes[code] = exitCodes.GetValueOrDefault(code) + 1;
                if (code is not (0 or 1)) failures.Add($"#{i} [{string.Join(", ", mutated)}]: exit code {code}\n{stderr}");
                foreach (var line in stderr.ToString().Split('\n').Select(l => l.TrimEnd('\r')))
                {
                    var m = DiagnosticLine().Match(line);
                    if (!m.Success || m.Groups["sev"].Value != "error") continue;
                    var file = m.Groups["file"].Value.Replace('\\', '/');
                    var full = Path.Combine(dir, file);
                    if (!File.Exists(full)) { failures.Add($"#{i} [{string.Join(", ", mutated)}]: error without an existing file: {line}"); continue; }
                    // A problem inside a file's text must point at its line (an empty file has no line to point at).
                    if (!m.Groups["line"].Success && new FileInfo(full).Length > 0 && (file.EndsWith(".md", StringComparison.Ordinal) || file.EndsWith(".yaml", StringComparison.Ordinal)))
                        failures.Add($"#{i} [{string.Join(", ", mutated)}]: error without a line: {line}");
                }
            }
            finally { try { Directory.Delete(dir, true); } catch (IOException) { } }
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        // The mutations are strong enough to find errors, and mild enough to sometimes leave the site valid.
        Assert.True(exitCodes.GetValueOrDefault(1) > Iterations / 4, $"exit codes: {string.Join(", ", exitCodes.Select(kv => $"{kv.Key}×{kv.Value}"))}");
    }

    private static readonly string[] Junk =
    [
        "\t", "\t\t- x", ": :", "- - -", "{", "}", "[", "]", "&a", "*a", "!!binary AAAA", "!!python/object:x {}", "? complex key", "%YAML 1.1", "---", "...",
        "|", ">", "'unclosed", "\"unclosed", "\"\\u12\"", "@reserved", "`tick", "\u0000", "\uFEFF", "\u202E", "\uD800", "Ư\u0301", "🙂", "\r", "\r\n",
        "title:", "title: [1, 2]", "title: {a: b}", "no: -1", "no: 1.5", "no: abc", "no: 99999999999999999999", "deadline: 2025-13-45", "deadline: [x]",
        "progress: 150", "progress: -3", "status: maybe", "lead: khong-co", "area: khong-co", "cooperating: x", "cooperating: [[x]]", "goal: \">= abc\"",
        "metric: weird", "period: { from: 2025-12-31, to: 2025-01-01 }", "languages: []", "languages: [xx]", "theme: ../../etc", "base_url: not a url",
        "unknown_key: 1", "x:\n  y:\n    z: [1, {a: [}]", "a: &a [x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]", "title: !!int 3", "? [a]\n: b",
    ];

    /// <summary>One mutation of a file's bytes; says which.</summary>
    private static (string How, byte[] Bytes) Mutate(byte[] original, Random r)
    {
        var text = Encoding.UTF8.GetString(original);
        var lines = text.Split('\n').ToList();
        switch (r.Next(12))
        {
            case 0:
                var bytes = new byte[r.Next(0, 400)];
                r.NextBytes(bytes);
                return ("random bytes", r.Next(2) == 0 ? [.. Encoding.UTF8.GetBytes("---\n"), .. bytes] : bytes);
            case 1:
                return ("truncated", original[..r.Next(0, original.Length + 1)]);
            case 2:
                return ("tabs", Encoding.UTF8.GetBytes(string.Join('\n', lines.Select(l => r.Next(3) == 0 ? "\t" + l : l.Replace(": ", ":\t")))));
            case 3:
                lines.Insert(Math.Min(lines.Count, r.Next(1, 4)), $"title: {new string('Đ', r.Next(10_000, 200_000))}");
                return ("huge string", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 4:
                lines.Insert(Math.Min(lines.Count, r.Next(1, Math.Max(2, lines.Count))), Junk[r.Next(Junk.Length)]);
                return ("junk line", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 5:
                var at = r.Next(lines.Count);
                var colon = lines[at].IndexOf(':');
                if (colon > 0) lines[at] = lines[at][..(colon + 1)] + " " + new[] { "[1, 2]", "{a: b}", "12345", "true", "null", "~", "\"\"", "2025-01-01", "-", "[{x: [y]}]" }[r.Next(10)];
                return ("wrong type", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 6:
                lines.RemoveAll(l => l.TrimEnd('\r') == "---" && r.Next(2) == 0);
                return ("fence removed", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 7:
                var dup = lines.FirstOrDefault(l => l.Contains(':')) ?? "title: x";
                lines.Insert(Math.Min(lines.Count, 2), dup);
                return ("duplicate key", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
            case 8:
                return ("invalid utf-8", [.. original.Take(original.Length / 2), 0xC3, 0x28, 0xFF, 0xFE, .. original.Skip(original.Length / 2)]);
            case 9:
                return ("crlf+bom", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text.Replace("\n", r.Next(2) == 0 ? "\r\n" : "\r"))]);
            case 10:
                var body = new StringBuilder("\n");
                for (var k = 0; k < 30; k++) body.Append(new[] { "> ", "- ", "1. ", "# ", "| a |\n|-|\n", "[x](", "![", "<div>", "```", "    ", "*", "_", "\\", "&#", "<!--" }[r.Next(15)]).Append(r.Next(3) == 0 ? "\n" : "");
                body.Append(new string('>', r.Next(1, 100))).Append(new string('[', r.Next(1, 500))).Append(new string('*', r.Next(1, 500)));
                return ("markdown junk", Encoding.UTF8.GetBytes(text + body));
            default:
                var nested = new StringBuilder("nested:");
                var depth = r.Next(1, 60);
                for (var d = 0; d < depth; d++) nested.Append(r.Next(2) == 0 ? " [" : " {k: ");
                lines.Insert(Math.Min(lines.Count, 2), nested.ToString());
                return ("nested junk", Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        }
    }
}
