namespace CchcPortal.Tests.Quality;

/// <summary>Two builds of the same sources give the same bytes: no time, path, user or hash order in the output.</summary>
public sealed class DeterminismTests
{
    [Fact]
    public void Building_the_sample_twice_gives_identical_files()
    {
        var a = SampleSite.BuildTo(SampleSite.NewTempFolder("cchc-det-a"));
        var b = SampleSite.BuildTo(SampleSite.NewTempFolder("cchc-det-b"));
        try
        {
            static List<string> Files(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
            var filesA = Files(a);
            Assert.True(filesA.Count > 50);
            Assert.Equal(filesA, Files(b));
            var different = filesA.Where(f => !File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f)))).ToList();
            Assert.True(different.Count == 0, "files differ between two builds:\n" + string.Join("\n", different));
            // Nor does the output name the folder it was built from or into.
            var leaking = filesA.Where(f => File.ReadAllText(Path.Combine(a, f)).Contains(Path.GetTempPath().TrimEnd('/'), StringComparison.Ordinal)).ToList();
            Assert.True(leaking.Count == 0, "files mention the build's temp path:\n" + string.Join("\n", leaking));
        }
        finally { Directory.Delete(a, true); Directory.Delete(b, true); }
    }
}
