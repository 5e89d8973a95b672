namespace CchcPortal.Tests.Cli;

/// <summary>
/// The tool as a commune's CI installs it: scripts/pack-tool.sh writes the packages, `dotnet tool install` (the command of
/// the new site's workflows) picks the one for the machine. On Linux x64 that is the Native AOT binary, and it builds the
/// sample byte for byte as `dotnet run` does. Slow: the Native AOT compile takes minutes.
/// </summary>
[Trait("Category", "Slow")]
public class PackTests
{
    private const string Configuration =
#if DEBUG
        "Debug";
#else
        "Release";
#endif

    [Fact]
    [Trait("Category", "Packaging")]
    public void Installed_tool_is_native_on_linux_x64_and_builds_the_sample_as_dotnet_run_does()
    {
        if (!OperatingSystem.IsLinux() || System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.X64)
            return;   // pack-tool.sh compiles the Linux x64 package, which Native AOT can only do on Linux x64
        var tmp = Repo.TempDir("pack");
        try
        {
            var feed = Path.Combine(tmp, "feed");
            var pack = Proc.Run("bash", [Repo.Path("scripts", "pack-tool.sh"), feed], Repo.Root);
            Assert.True(pack.Exit == 0, pack.ToString());
            var version = CchcPortal.Cli.Program.Version;
            Assert.Equal(
                [$"CchcPortal.{version}.nupkg", $"CchcPortal.any.{version}.nupkg", $"CchcPortal.linux-x64.{version}.nupkg"],
                Directory.GetFiles(feed).Select(Path.GetFileName).Order(StringComparer.Ordinal));

            // The workflows' command, with the feed added.
            var tools = Path.Combine(tmp, "tools");
            var install = Proc.Run("dotnet", ["tool", "install", "CchcPortal", "--version", version, "--tool-path", tools, "--add-source", feed], tmp);
            Assert.True(install.Exit == 0, install.ToString());

            // Native: an ELF executable with no managed assembly beside it, that needs no .NET to start.
            var cchc = Path.Combine(tools, "cchc");
            var binary = new FileInfo(cchc).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? cchc;
            Assert.Equal("\u007fELF"u8.ToArray(), File.ReadAllBytes(binary)[..4]);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(binary)!, "*.dll"));
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(binary)!, "*.dbg"));
            var run = Proc.Run(cchc, ["--version"], tmp, new Dictionary<string, string> { ["DOTNET_ROOT"] = "/nonexistent", ["PATH"] = "/usr/bin:/bin" });
            Assert.True(run.Exit == 0 && run.Out.Trim() == version, run.ToString());

            // The sample, built by the installed tool and by `dotnet run`: the same bytes.
            var native = Path.Combine(tmp, "native");
            var jit = Path.Combine(tmp, "jit");
            var a = Proc.Run(cchc, ["build", "--source", Repo.Root, "--output", native], tmp);
            Assert.True(a.Exit == 0, a.ToString());
            var b = Proc.Run("dotnet", ["run", "--no-build", "-c", Configuration, "--project", Repo.Path("src", "CchcPortal.Cli"), "--",
                "build", "--source", Repo.Root, "--output", jit], Repo.Root);
            Assert.True(b.Exit == 0, b.ToString());
            Assert.True(Directory.GetFiles(native, "*.html", SearchOption.AllDirectories).Length >= 40);
            Repo.AssertSameFiles(Repo.Snapshot(jit), Repo.Snapshot(native));

            // Every other machine gets the framework-dependent package (dotnet picks it only where no RID package fits,
            // so it is run here from the package itself, as its DotnetToolSettings.xml says: dotnet cchc.dll).
            var any = Path.Combine(tmp, "any");
            System.IO.Compression.ZipFile.ExtractToDirectory(Path.Combine(feed, $"CchcPortal.any.{version}.nupkg"), any);
            var settings = Directory.GetFiles(any, "DotnetToolSettings.xml", SearchOption.AllDirectories).Single();
            Assert.Contains("EntryPoint=\"cchc.dll\" Runner=\"dotnet\"", File.ReadAllText(settings));
            var portable = Path.Combine(tmp, "portable");
            var c = Proc.Run("dotnet", [Path.Combine(Path.GetDirectoryName(settings)!, "cchc.dll"), "build", "--source", Repo.Root, "--output", portable], tmp);
            Assert.True(c.Exit == 0, c.ToString());
            Repo.AssertSameFiles(Repo.Snapshot(jit), Repo.Snapshot(portable));
        }
        finally { try { Directory.Delete(tmp, recursive: true); } catch (IOException) { } }
    }
}
