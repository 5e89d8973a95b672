using CchcPortal.Site.Build;
using CchcPortal.Tests.Browser;

namespace CchcPortal.Tests.Quality;

/// <summary>The sample site at the repo root, built once per test run into a temp folder (with a fixed "today").</summary>
public static class SampleSite
{
    private static readonly Lazy<string> Built = new(() => BuildTo(NewTempFolder("cchc-sample")));

    /// <summary>The output folder of the shared build.</summary>
    public static string Output => Built.Value;

    public static string NewTempFolder(string prefix) => Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 13)]);

    /// <summary>Builds the sample (or another site) into <paramref name="output"/>; throws with the diagnostics when it fails.</summary>
    public static string BuildTo(string output, string? source = null, bool compileLayouts = true)
    {
        var result = SiteBuilder.Run(new BuildOptions(source ?? Repo.Root, output, Today: BrowserFixture.Today) { CompileLayouts = compileLayouts });
        if (!result.Success)
            throw new InvalidOperationException("The site did not build:\n" + string.Join("\n", result.Diagnostics.Select(d => d.ToString("en"))));
        return output;
    }

    /// <summary>The path part of site.yaml's base_url ("/cchc/" for https://x.gov.vn/cchc/), where the site is meant to be served;
    /// the 404 page links from it because it is shown at any depth.</summary>
    public static string BasePath(string? source = null)
    {
        var yaml = File.ReadAllText(Path.Combine(source ?? Repo.Root, "site.yaml"));
        var m = System.Text.RegularExpressions.Regex.Match(yaml, @"^base_url:\s*[""']?(?<url>[^\s""']+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        var path = m.Success && Uri.TryCreate(m.Groups["url"].Value, UriKind.Absolute, out var u) ? u.AbsolutePath : "/";
        return path.EndsWith('/') ? path : path + "/";
    }

    /// <summary>Every HTML page of a built site, as paths relative to it with '/' separators, in ordinal order.</summary>
    public static IReadOnlyList<string> Pages(string output) =>
        Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The files that differ between two built sites (by path and by bytes), in ordinal order.</summary>
    public static IReadOnlyList<string> DifferentFiles(string a, string b)
    {
        static List<string> Files(string dir) => Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(dir, f).Replace('\\', '/')).Order(StringComparer.Ordinal).ToList();
        var (filesA, filesB) = (Files(a), Files(b));
        return filesA.Except(filesB).Concat(filesB.Except(filesA))
            .Concat(filesA.Intersect(filesB).Where(f => !File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f)))))
            .Order(StringComparer.Ordinal).ToList();
    }
}
