using System.Reflection;
using System.Text.RegularExpressions;
using CchcPortal.Core.Diagnostics;

namespace CchcPortal.Tests.Cli;

/// <summary>
/// Every sentence the tool says outside a diagnostic is one entry of the catalogue (<see cref="Sentences"/>): written in
/// both languages, with the same placeholders; and no source file writes a sentence inline by language.
/// </summary>
public sealed partial class SentenceTests
{
    public static TheoryData<string> Names() =>
        [.. typeof(Sentences).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(Sentence)).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_sentence_is_written_in_both_languages_with_the_same_placeholders(string name)
    {
        var s = (Sentence)typeof(Sentences).GetField(name)!.GetValue(null)!;
        Assert.False(string.IsNullOrWhiteSpace(s.Vi));
        Assert.False(string.IsNullOrWhiteSpace(s.En));
        if (Letters().IsMatch(Placeholder().Replace(s.Vi, "").Replace("cchc", ""))) Assert.NotEqual(s.Vi, s.En);
        Assert.Equal(Placeholder().Matches(s.Vi).Select(m => m.Value).Distinct().Order(), Placeholder().Matches(s.En).Select(m => m.Value).Distinct().Order());
    }

    [Fact]
    public void No_source_file_chooses_a_sentence_by_language_inline()
    {
        var inline = Directory.EnumerateFiles(Repo.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => InlineChoice().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(Repo.Root, f)).ToList();
        Assert.True(inline.Count == 0, "files choosing a sentence with lang == \"vi\" ? … : … (use Sentences): " + string.Join(", ", inline));
    }

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{L}")]
    private static partial Regex Letters();

    [GeneratedRegex(@"[Ll]ang == ""vi""\s*\?\s*\$?""")]
    private static partial Regex InlineChoice();
}
