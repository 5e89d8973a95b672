namespace CchcPortal.Tests.Quality;

/// <summary>
/// The tool runs with reflection-based JSON serialization switched off (Native AOT; `dotnet run` too, through the
/// runtime configuration of a PublishAot project), while the tests run it in-process with it on: a JsonSerializer call
/// passes every in-process test and fails for users (`cchc serve` once crashed writing the editor's form data). JSON is
/// written with Utf8JsonWriter.
/// </summary>
public sealed class AotSafetyTests
{
    [Fact]
    public void No_source_file_uses_reflection_based_json_serialization()
    {
        var offending = Directory.EnumerateFiles(Repo.Path("src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Where(f => File.ReadAllText(f).Contains("JsonSerializer.", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repo.Root, f)).ToList();
        Assert.True(offending.Count == 0, "JsonSerializer (reflection) in: " + string.Join(", ", offending));
    }
}
