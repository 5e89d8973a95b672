using System.Reflection;
using System.Text.RegularExpressions;
using CchcPortal.Core.Diagnostics;

namespace CchcPortal.Tests.Content;

/// <summary>
/// Every diagnostic code has exactly one factory (Diagnostic.Factories.cs), used somewhere, whose arguments fill its
/// message in both languages; no other code writes a code; docs/diagnostics.md lists every code.
/// </summary>
public sealed partial class DiagnosticCodeTests
{
    private static readonly MethodInfo[] Factories = typeof(Diagnostic).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(Diagnostic)).ToArray();

    /// <summary>Each factory called with sample arguments of its parameter types.</summary>
    private static IEnumerable<(MethodInfo Factory, Diagnostic Made)> Made() =>
        Factories.Select(m => (m, (Diagnostic)m.Invoke(null, m.GetParameters().Select(p => Sample(p.ParameterType)).ToArray())!));

    private static object Sample(Type type) =>
        type == typeof(string) ? "x" : type == typeof(int) ? 1 : type == typeof(long) ? 0L : type == typeof(bool) ? true
        : type == typeof(DateOnly) ? new DateOnly(2025, 1, 31) : type == typeof(SourceLocation) ? new SourceLocation("content/x.md", 2, 3)
        : type == typeof(Sentence) ? new Sentence("vi", "en") : type == typeof(IEnumerable<string>) ? new[] { "a", "b" }
        : type == typeof(IEnumerable<int>) ? new[] { 1, 2 } : type.IsEnum ? Enum.GetValues(type).GetValue(0)!
        : throw new InvalidOperationException($"no sample value for {type}: add one here");

    [Fact]
    public void Every_code_has_exactly_one_factory_and_its_message_formats()
    {
        var made = Made().ToList();
        var byCode = made.GroupBy(x => x.Made.Code).ToDictionary(g => g.Key, g => g.Select(x => x.Factory.Name).ToList());
        var twice = byCode.Where(kv => kv.Value.Count > 1).Select(kv => $"{kv.Key}: {string.Join(", ", kv.Value)}").ToList();
        Assert.True(twice.Count == 0, $"codes made by two factories: {string.Join("; ", twice)}");
        Assert.Equal(Messages.Codes.Order(StringComparer.Ordinal), byCode.Keys.Order(StringComparer.Ordinal));
        foreach (var (factory, d) in made)
            foreach (var lang in new[] { "vi", "en" })
                Assert.False(string.IsNullOrWhiteSpace(d.Message(lang)), $"{factory.Name} ({d.Code}) in {lang}");
    }

    [Fact]
    public void Every_factory_is_used_and_no_other_code_writes_a_code()
    {
        var sources = Directory.EnumerateFiles(Repo.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllText);
        var callers = string.Join("\n", sources.Where(kv => Path.GetFileName(kv.Key) != "Diagnostic.Factories.cs").Select(kv => kv.Value));
        var unused = Factories.Select(m => m.Name).Where(name => !callers.Contains($"Diagnostic.{name}(", StringComparison.Ordinal)).ToList();
        Assert.True(unused.Count == 0, $"factories never called: {string.Join(", ", unused)}");
        var writing = sources.Where(kv => Path.GetFileName(kv.Key) is not ("Diagnostic.Factories.cs" or "Messages.cs") && CodeLiteral().IsMatch(kv.Value))
            .Select(kv => Path.GetRelativePath(Repo.Root, kv.Key)).ToList();
        Assert.True(writing.Count == 0, $"files writing a code instead of calling its factory: {string.Join(", ", writing)}");
    }

    [Fact]
    public void The_diagnostics_doc_lists_every_code()
    {
        var readme = File.ReadAllText(Repo.Path("docs/diagnostics.md"));
        var listed = ReadmeRow().Matches(readme).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(Messages.Codes.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("\"CC[0-9]{4}\"")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex(@"^\| (CC[0-9]{4}) \|", RegexOptions.Multiline)]
    private static partial Regex ReadmeRow();
}
