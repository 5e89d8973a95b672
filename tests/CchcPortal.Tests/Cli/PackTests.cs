using System.Diagnostics;

namespace CchcPortal.Tests.Cli;

/// <summary>The tool as staff get it: packed, installed with `dotnet tool install`, answering `cchc --version`. Slow (~30 s+).</summary>
public class PackTests
{
    private static (int Exit, string Output) Dotnet(string args, string cwd)
    {
        var psi = new ProcessStartInfo("dotnet", args) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd() + err.Result;
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    private static string RepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "CchcPortal.sln"))) dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("no CchcPortal.sln above the tests");
        return dir;
    }

    [Fact]
    [Trait("Category", "Packaging")]
    public void Packs_installs_as_a_dotnet_tool_and_answers_version()
    {
        var root = RepoRoot();
        var tmp = Path.Combine(Path.GetTempPath(), "cchc-pack-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var nupkg = Path.Combine(tmp, "nupkg");
            var tools = Path.Combine(tmp, "tools");
            var pack = Dotnet($"pack src/CchcPortal.Cli -c Release -o \"{nupkg}\"", root);
            Assert.True(pack.Exit == 0, pack.Output);
            Assert.Single(Directory.GetFiles(nupkg, "CchcPortal.*.nupkg"));
            var install = Dotnet($"tool install --tool-path \"{tools}\" --add-source \"{nupkg}\" CchcPortal", tmp);
            Assert.True(install.Exit == 0, install.Output);

            var cchc = Path.Combine(tools, OperatingSystem.IsWindows() ? "cchc.exe" : "cchc");
            var psi = new ProcessStartInfo(cchc, "--version") { RedirectStandardOutput = true };
            using var p = Process.Start(psi)!;
            var version = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            Assert.Matches(@"^\d+\.\d+\.\d+", version);
        }
        finally { try { Directory.Delete(tmp, recursive: true); } catch (IOException) { } }
    }
}
