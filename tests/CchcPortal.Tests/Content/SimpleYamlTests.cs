using System.Text;
using CchcPortal.Core.Loading;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Tests.Content;

/// <summary>
/// The fast front-matter reader against YamlDotNet: whenever it reads a text, the tree must be the one YamlDotNet
/// makes — same keys, values, styles and positions (diagnostics point at them) — and YamlDotNet must accept the text.
/// </summary>
public class SimpleYamlTests
{
    /// <summary>The tree as text: every node with its kind, style, value and start line:column.</summary>
    private static string Dump(YamlNode node)
    {
        var sb = new StringBuilder();
        void Walk(YamlNode n, int depth)
        {
            sb.Append(' ', depth * 2).Append($"{n.Start.Line}:{n.Start.Column} ");
            switch (n)
            {
                case YamlScalarNode s: sb.Append($"scalar {s.Style} [{s.Value}]\n"); break;
                case YamlSequenceNode q:
                    sb.Append($"sequence {q.Style}\n");
                    foreach (var c in q.Children) Walk(c, depth + 1);
                    break;
                case YamlMappingNode m:
                    sb.Append("mapping\n");
                    foreach (var (k, v) in m.Children) { Walk(k, depth + 1); Walk(v, depth + 2); }
                    break;
            }
        }
        Walk(node, 0);
        return sb.ToString();
    }

    private static string? ByYamlDotNet(string yaml)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count == 0 ? null : Dump(stream.Documents[0].RootNode);
        }
        catch (YamlException) { return null; }
    }

    /// <summary>Null when the fast reader declines the text; else true when both trees are the same.</summary>
    private static bool? Agrees(string yaml, out string? fast, out string? full)
    {
        full = null;
        fast = SimpleYaml.TryParse(yaml) is { } node ? Dump(node) : null;
        if (fast is null) return null;
        full = ByYamlDotNet(yaml);
        return fast == full;
    }

    [Fact]
    public void Reads_a_typical_task_exactly_as_YamlDotNet()
    {
        const string yaml = "no: 24\narea: to-chuc-bo-may\ntitle: \"Rà soát, đánh giá: thủ tục hành chính\"\nproduct: Báo cáo  \n" +
            "lead: vp\ncooperating: [vh-xh, \"kinh-te\", 'tư pháp']\n\ndeadline: 'Trước ngày 20/8/2025, ''quý'' III'\n" +
            "units:\n  - vp\n  - \"kinh-te\"\nlink: https://dichvucong.gov.vn/p/home\nperiod: { from: 2025-08-01, to: \"2025-12-31\" }\n" +
            "tasks:\n  \"1\": { status: done, progress: 100, note: \"Đã xong.\" }\n  2: { status: in-progress, units: [vp, 'tư pháp'], x: {} }\n" +
            "reporting:\n- { id: q3, label: Quý III/2025 }\n- []\n";
        Assert.True(Agrees(yaml, out var fast, out var full), $"fast:\n{fast}\nYamlDotNet:\n{full}");
        Assert.Contains("scalar SingleQuoted [Trước ngày 20/8/2025, 'quý' III]", fast);
        Assert.Contains("3:8 scalar DoubleQuoted [Rà soát, đánh giá: thủ tục hành chính]", fast);
    }

    [Theory]
    [InlineData("title: a # comment\n")]
    [InlineData("# comment\ntitle: a\n")]
    [InlineData("title: \"a\\\"b\"\n")]
    [InlineData("title: a\n  continued\n")]
    [InlineData("targets:\n  - id: a\n    value: 1\n")]
    [InlineData("title:\nlead: vp\n")]
    [InlineData("title: &x a\n")]
    [InlineData("title: a\ntitle: b\n")]
    [InlineData("title: [a, b\n")]
    [InlineData("title: \"open\n")]
    [InlineData("title: a: b\n")]
    [InlineData("\ttitle: a\n")]
    [InlineData("- a\n- b\n")]
    public void Declines_what_it_does_not_read_leaving_it_to_YamlDotNet(string yaml) => Assert.Null(SimpleYaml.TryParse(yaml));

    [Fact]
    public void Every_front_matter_of_the_sample_and_test_sites_is_read_as_YamlDotNet_reads_it()
    {
        int files = 0, read = 0;
        foreach (var root in new[] { Path.Combine(Repo.Root, "content"), Path.Combine(Repo.Root, "tests", "sites"), Path.Combine(Repo.Root, "tests", "sites-invalid") })
            foreach (var file in Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(file).Replace("\r\n", "\n");
                if (!text.StartsWith("---\n", StringComparison.Ordinal)) continue;
                var end = text.IndexOf("\n---", 3, StringComparison.Ordinal);
                if (end < 0) continue;
                files++;
                var agrees = Agrees(text[4..(end + 1)], out var fast, out var full);
                if (agrees is null) continue;
                read++;
                Assert.True(agrees, $"{file}\nfast:\n{fast}\nYamlDotNet:\n{full}");
            }
        Assert.True(files > 100 && read > files / 2, $"read {read} of {files} front matters");
    }

    private static readonly string[] Safe = ["a", "Báo cáo", "kế hoạch", " ", "2025-12-31", "20/8/2025", "http://x.vn/a", "q3", "100"];

    private static readonly string[] Tricky =
    [
        ":", ": ", "#", " #", "-", "- ", "\"", "'", "''", "[", "]", ",", ", ", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`",
        "?", "~", "null", "\\", "...", "---", "  ",
    ];

    /// <summary>Mostly well-formed front matter, with a tricky character now and then where YAML is subtle.</summary>
    private static Arbitrary<string> FrontMatters() =>
        (from lines in Gen.ListOf(
             from key in Gen.Frequency((20, Gen.Elements("no", "title", "lead", "units", "a-b", "x_1", "\"7\"", "'q'")),
                                       (1, Gen.Elements("-k", "#c", "  title", "- item", "k k")))
             from sep in Gen.Frequency((20, Gen.Constant(": ")), (1, Gen.Elements(":", ":  ", " : ")))
             from shape in Gen.Choose(0, 8)
             from parts in Gen.ListOf(Gen.Frequency((15, Gen.Elements(Safe)), (1, Gen.Elements(Tricky))))
             from items in Gen.ListOf(Gen.Frequency((15, Gen.Elements("a", "b c", "\"q, r\"", "'s''t'", "1")),
                                                    (1, Gen.Elements("", "[x]", "- y", "z:", "{}", "#"))))
             from indent in Gen.Frequency((10, Gen.Constant("  ")), (1, Gen.Elements("", "    ", " ")))
             select shape switch
             {
                 0 => $"{key}{sep}{string.Concat(parts)}\n",
                 1 => $"{key}{sep}\"{string.Concat(parts)}\"\n",
                 2 => $"{key}{sep}'{string.Concat(parts)}'\n",
                 3 => $"{key}{sep}[{string.Join(", ", items)}]\n",
                 4 => $"{key}:\n" + string.Concat(items.Select(i => $"{indent}- {i}\n")),
                 5 => $"{key}{sep}{{ {string.Join(", ", items.Select((i, n) => $"k{n}{sep}{i}"))} }}\n",
                 6 => $"{key}:\n" + string.Concat(items.Select((i, n) => $"{indent}\"{n}\"{sep}{{ s: {i}, p{sep}[{i}] }}\n")),
                 7 => $"{key}:\n" + string.Concat(items.Select(i => $"{indent}- {{ id{sep}{i}, label: {string.Concat(parts)} }}\n")),
                 _ => $"{key}{sep}{string.Concat(parts)}\n{indent}{string.Concat(parts)}\n",
             })
         select string.Concat(lines.Select((l, n) => l.Length > 0 && char.IsAsciiLetter(l[0]) ? $"{l[0]}{n}{l[1..]}" : l))).Resize(6).ToArbitrary();

    [Fact]
    public void The_random_front_matters_often_reach_the_fast_reader()
    {
        var samples = FrontMatters().Generator.Sample(2000);
        var agreed = samples.Count(y => Agrees(y, out _, out _) == true);
        Assert.True(agreed >= 250, $"the fast reader read {agreed} of {samples.Length} random front matters, e.g.\n{string.Join("\n~~~\n", samples.Take(5))}");
    }

    [Property(MaxTest = 3000)]
    public Property Whatever_it_reads_YamlDotNet_reads_the_same() =>
        Prop.ForAll(FrontMatters(), yaml => Agrees(yaml, out _, out _) != false);
}
