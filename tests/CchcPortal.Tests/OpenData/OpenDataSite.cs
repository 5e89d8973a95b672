using System.Diagnostics;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Site.Build;

namespace CchcPortal.Tests.OpenData;

/// <summary>
/// The test site seed-000 (one plan, two reports) copied to a temporary folder outside any git repository and built
/// once; the tests read the files a user would download.
/// </summary>
public sealed class OpenDataSite : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cchc-opendata-" + Guid.NewGuid().ToString("N")[..8]);
    public string Source => Path.Combine(Root, "site");
    public string Output => Path.Combine(Root, "out");
    public BuildResult Result { get; }
    public Portal Portal { get; }

    public OpenDataSite()
    {
        Copy(Path.Combine(Repo.Root, "tests", "sites", "seed-000"), Source);
        Result = SiteBuilder.Run(new BuildOptions(Source, Output));
        var bag = new DiagnosticBag();
        Portal = ProgressRules.Build(SiteLoader.Load(Source, bag, new DateOnly(2025, 12, 20))!);
    }

    public string Read(string rel) => File.ReadAllText(Path.Combine(Output, rel));
    public byte[] Bytes(string rel) => File.ReadAllBytes(Path.Combine(Output, rel));

    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    /// <summary>Runs git in a folder with a fixed identity and dates, so commits are reproducible.</summary>
    public static void Git(string dir, string date, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false" }.Concat(args))
            start.ArgumentList.Add(a);
        start.Environment["GIT_AUTHOR_DATE"] = date;
        start.Environment["GIT_COMMITTER_DATE"] = date;
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"git {string.Join(' ', args)}: {err.Result}");
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
