namespace CchcPortal.Cli;

/// <summary><c>cchc serve</c>: build, serve on localhost, rebuild and reload the browser on save.</summary>
public static class Serve
{
    public static int Run(Arguments cli, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("cchc serve: chưa có / not yet available");
        return 2;
    }
}
