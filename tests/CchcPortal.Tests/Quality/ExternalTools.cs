using System.Diagnostics;

namespace CchcPortal.Tests.Quality;

/// <summary>
/// The validators the tests run that nobody here wrote: node (npm packages from package.json, installed by `npm ci`) and
/// java (for the W3C Nu checker). Each is found where a fresh machine or a developer's has it, and a missing one fails
/// the test with how to install it, never skips it.
/// </summary>
public static class ExternalTools
{
    /// <summary>java: $JAVA (a path), $JAVA_HOME/bin/java, java on the PATH, or a JVM under /usr/lib/jvm (Debian's default-jre-headless).</summary>
    public static string Java() => Find("java",
        [Environment.GetEnvironmentVariable("JAVA"), Under(Environment.GetEnvironmentVariable("JAVA_HOME"), "bin", "java"), .. OnPath("java"),
         .. Directory.Exists("/usr/lib/jvm") ? Directory.GetDirectories("/usr/lib/jvm").Order(StringComparer.Ordinal).Select(d => Path.Combine(d, "bin", "java")) : []],
        "install a Java runtime (Debian: apt-get install default-jre-headless) or set JAVA_HOME");

    /// <summary>The W3C Nu HTML checker's jar: $VNU_JAR, or the one npm installs with vnu-jar.</summary>
    public static string VnuJar() => Find("vnu.jar",
        [Environment.GetEnvironmentVariable("VNU_JAR"), Repo.Path("node_modules", "vnu-jar", "build", "dist", "vnu.jar")],
        "run `npm ci` at the repository root (package.json has vnu-jar) or set VNU_JAR");

    /// <summary>node: $NODE, or node on the PATH.</summary>
    public static string Node() => Find("node", [Environment.GetEnvironmentVariable("NODE"), .. OnPath("node")], "install Node.js 20 or later");

    /// <summary>Checks that an npm package of package.json is installed.</summary>
    public static void RequireNpmPackage(string name) =>
        Assert.True(Directory.Exists(Repo.Path("node_modules", name)), $"npm package {name} is missing: run `npm ci` at the repository root (.ci/run does it).");

    /// <summary>Runs a program to its end; returns its exit code and its standard output and error, in that order.</summary>
    public static (int Code, string Text) Run(string program, IEnumerable<string> args, TimeSpan? timeout = null)
    {
        var info = new ProcessStartInfo(program) { WorkingDirectory = Repo.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(program)} did not finish in time");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Find(string what, IEnumerable<string?> candidates, string fix) =>
        candidates.FirstOrDefault(c => !string.IsNullOrEmpty(c) && File.Exists(c))
        ?? throw new InvalidOperationException($"{what} not found: {fix}.");

    private static string? Under(string? dir, params string[] parts) => string.IsNullOrEmpty(dir) ? null : Path.Combine([dir, .. parts]);

    private static IEnumerable<string> OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? name + ".exe" : name));
}
