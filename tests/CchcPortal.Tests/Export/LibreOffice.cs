using System.Diagnostics;

namespace CchcPortal.Tests.Export;

/// <summary>Debian's LibreOffice (libreoffice-writer-nogui) and poppler-utils, run headless as a user would open the file.</summary>
public static class LibreOffice
{
    /// <summary>Converts files (in one LibreOffice run, with a profile of its own so parallel runs don't collide) to
    /// <paramref name="format"/> ("txt:Text", "pdf") in <paramref name="outDir"/>.</summary>
    public static void Convert(string format, string outDir, params string[] files)
    {
        var profile = Path.Combine(Path.GetTempPath(), "cchc-lo-profile-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            Run("soffice", ["-env:UserInstallation=file://" + profile, "--headless", "--norestore", "--convert-to", format, "--outdir", outDir, .. files]);
        }
        finally { if (Directory.Exists(profile)) Directory.Delete(profile, true); }
        foreach (var f in files)
        {
            var expected = Path.Combine(outDir, Path.GetFileNameWithoutExtension(f) + "." + format.Split(':')[0]);
            if (!File.Exists(expected)) throw new InvalidOperationException($"LibreOffice did not convert {f} to {format}.");
        }
    }

    /// <summary>LibreOffice's plain text of a converted file, without its byte-order mark, with \n line ends.</summary>
    public static string Text(string txtFile) => File.ReadAllText(txtFile).TrimStart('\uFEFF').Replace("\r\n", "\n");

    public static string Run(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(180_000)) { process.Kill(true); throw new TimeoutException($"{program} took more than 3 minutes"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
