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
            var different = SampleSite.DifferentFiles(a, b);
            Assert.True(different.Count == 0, "files differ between two builds:\n" + string.Join("\n", different));
            Assert.True(SampleSite.Pages(a).Count > 50);
            // Nor does the output name the folder it was built from or into.
            var leaking = Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Where(f => File.ReadAllText(f).Contains(Path.GetTempPath().TrimEnd('/'), StringComparison.Ordinal)).ToList();
            Assert.True(leaking.Count == 0, "files mention the build's temp path:\n" + string.Join("\n", leaking));
        }
        finally { Directory.Delete(a, true); Directory.Delete(b, true); }
    }
}
