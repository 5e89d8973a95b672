using CchcPortal.Tests.Quality;

namespace CchcPortal.Tests.OpenData;

/// <summary>
/// The sample's Data Package read by the Frictionless JavaScript libraries (datapackage, tableschema from npm):
/// every resource, every cell cast to its declared type, 0 errors (tests/tools/read-datapackage.cjs).
/// </summary>
[Trait("Category", "Slow")]
public sealed class DataPackageReadTests
{
    private static readonly string Script = Repo.Path("tests", "tools", "read-datapackage.cjs");

    [Fact]
    public void Every_resource_of_the_sample_reads_with_frictionless()
    {
        var (code, text) = Read(Path.Combine(SampleSite.Output, "data", "datapackage.json"));
        Assert.True(code == 0, $"Frictionless could not read the data package (exit {code}):\n{text}");
        Assert.Contains("tasks: 29 rows, 30 fields cast", text);
        Assert.Contains("revisions: ", text);
        // The Front's supervision and its recommendations (issue 32): one row per recommendation, every cell cast.
        Assert.Contains("supervision: 1 rows, 19 fields cast", text);
        Assert.Contains("recommendations: 4 rows, 22 fields cast", text);
        Assert.EndsWith("13 resources, 0 errors", text.Trim());
        // The BOM stays for Excel; the encoding is one the Data Package spec knows.
        var csv = File.ReadAllBytes(Path.Combine(SampleSite.Output, "data", "tasks.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], csv[..3]);
        Assert.DoesNotContain("utf-8-sig", File.ReadAllText(Path.Combine(SampleSite.Output, "data", "datapackage.json")));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_an_error()
    {
        var dir = Repo.TempDir("datapackage");
        try
        {
            OpenDataSite.Copy(Path.Combine(SampleSite.Output, "data"), dir);
            var tasks = Path.Combine(dir, "tasks.csv");
            var lines = File.ReadAllLines(tasks);
            // as_of, the first column, is a date: written as a Vietnamese reader would, it is no longer one.
            Assert.Matches(@"^\d{4}-\d{2}-\d{2},", lines[1]);
            lines[1] = "20/12/2025" + lines[1][10..];
            File.WriteAllText(tasks, string.Join("\r\n", lines) + "\r\n", new System.Text.UTF8Encoding(true));
            var (code, text) = Read(Path.Combine(dir, "datapackage.json"));
            Assert.Equal(1, code);
            Assert.Contains("tasks: ", text);
            Assert.DoesNotContain("13 resources, 0 errors", text);
        }
        finally { Directory.Delete(dir, true); }
    }

    private static (int Code, string Text) Read(string datapackage)
    {
        ExternalTools.RequireNpmPackage("datapackage");
        ExternalTools.RequireNpmPackage("tableschema");
        return ExternalTools.Run(ExternalTools.Node(), [Script, datapackage]);
    }
}
