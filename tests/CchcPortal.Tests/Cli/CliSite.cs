using CchcPortal.Cli;

namespace CchcPortal.Tests.Cli;

/// <summary>A throw-away folder with a site made by <c>cchc new site</c>, and a way to run the CLI in it.</summary>
public sealed class CliSite : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cchc-test-" + Guid.NewGuid().ToString("N")[..8]);
    public string Dir => Path.Combine(Root, "x");

    public CliSite(bool create = true)
    {
        Directory.CreateDirectory(Root);
        if (create) Assert.Equal(0, Run(Root, "new", "site", Dir, "--today", "2026-02-01").Exit);
    }

    public static (int Exit, string Out, string Err) Run(string cwdSource, params string[] args)
    {
        var all = args.Contains("--source") || (args.Length > 1 && args[0] == "new" && args[1] == "site") ? args : [.. args, "--source", cwdSource];
        var o = new StringWriter();
        var e = new StringWriter();
        var exit = Program.Run(all, o, e);
        return (exit, o.ToString(), e.ToString());
    }

    public (int Exit, string Out, string Err) Cli(params string[] args) => Run(Dir, args);

    public string Read(string rel) => File.ReadAllText(Path.Combine(Dir, rel));
    public void Write(string rel, string text) => File.WriteAllText(Path.Combine(Dir, rel), text);

    /// <summary>`cchc check` must accept the site: the output is shown when it does not.</summary>
    public void AssertChecks()
    {
        var (exit, o, e) = Cli("check");
        Assert.True(exit == 0, o + e);
        Assert.Contains("0 lỗi", o);
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
