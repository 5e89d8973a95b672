namespace CchcPortal.Cli;

/// <summary><c>cchc new</c>: files that pass <c>cchc check</c> as they are.</summary>
public static class Scaffold
{
    public static int Run(Arguments cli, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("cchc new: chưa có / not yet available");
        return 2;
    }
}
