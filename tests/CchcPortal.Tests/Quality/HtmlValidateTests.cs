using CchcPortal.Tests.Browser;

namespace CchcPortal.Tests.Quality;

/// <summary>Every page of the sample passes html-validate's "standard" preset (installed by npm ci from package.json).</summary>
[Trait("Category", "Slow")]
public sealed class HtmlValidateTests
{
    public static string Tool => Path.Combine(Repo.Root, "node_modules", ".bin", "html-validate");

    [Fact]
    public void Every_page_of_the_sample_is_valid_html()
    {
        var output = SampleSite.Output;
        Assert.True(SampleSite.Pages(output).Count > 20, "the sample should have many pages");
        var (code, text) = Validate(output);
        Assert.True(code == 0, $"html-validate found errors (exit {code}):\n{text}");
    }

    [Fact]
    public void The_validator_does_find_errors()
    {
        // So a broken tool setup can't make the test above pass by accident.
        var dir = SampleSite.NewTempFolder("cchc-invalid");
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "index.html"), "<!DOCTYPE html><html lang=\"vi\"><head><title>x</title></head><body><p><div>x</p><img src=a.png></body></html>");
            var (code, text) = Validate(dir);
            Assert.NotEqual(0, code);
            Assert.Contains("index.html", text);
        }
        finally { Directory.Delete(dir, true); }
    }

    /// <summary>Runs html-validate on a folder with the repository's configuration; returns exit code and report.</summary>
    public static (int Code, string Text) Validate(string folder)
    {
        Assert.True(File.Exists(Tool), $"{Tool} is missing: run `npm ci` at the repository root (.ci/run does it).");
        return ExternalTools.Run(Tool, ["--formatter", "text", "--config", Path.Combine(Repo.Root, ".htmlvalidate.json"), folder]);
    }
}
