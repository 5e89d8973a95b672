using System.Diagnostics;

namespace CchcPortal.Tests.Cli;

/// <summary>Runs a program as a user would, in a folder, with extra environment variables; returns its exit code and output.</summary>
public static class Proc
{
    public sealed record Result(int Exit, string Out, string Err)
    {
        public override string ToString() => $"exit {Exit}\n{Out}\n{Err}";
    }

    public static Result Run(string file, IEnumerable<string> args, string? cwd = null, IReadOnlyDictionary<string, string>? env = null)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = cwd ?? Path.GetTempPath(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment.Remove("GITHUB_ACTIONS");   // no workflow annotations in what the tests read
        foreach (var (k, v) in env ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return new Result(p.ExitCode, output, err.Result);
    }

    /// <summary>True when <paramref name="command"/> is an executable file on the PATH.</summary>
    public static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)));
}

/// <summary>A fact that is skipped, saying why, when a program it runs is not installed (scripts/test.sh installs them).</summary>
public sealed class FactNeedsAttribute : FactAttribute
{
    public FactNeedsAttribute(string command)
    {
        if (!OperatingSystem.IsLinux()) Skip = $"needs {command} on Linux";
        else if (!Proc.OnPath(command)) Skip = $"{command} is not installed (bash scripts/test.sh installs it)";
    }
}
