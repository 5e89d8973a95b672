namespace CchcPortal.Tests.Cli;

/// <summary>
/// Issue 38: local editing at /admin/ needs the site folder to be a git repository ("Thư mục đã chọn không phải là thư
/// mục gốc của kho mã nguồn" otherwise): <c>cchc new site</c> starts one, with a first commit; without git it says so and
/// makes the site all the same. Needs git (Slow).
/// </summary>
[Trait("Category", "Slow")]
public class NewSiteGitTests
{
    [Fact]
    public void New_site_is_a_git_repository_with_a_first_commit()
    {
        using var root = new CliSite(create: false);
        var dir = Path.Combine(root.Root, "x");
        var (exit, o, e) = CliSite.Run(root.Root, "new", "site", dir, "--today", "2026-02-01");
        Assert.True(exit == 0, o + e);
        Assert.Contains($"Đã tạo kho git trong {dir} với lần lưu (commit) đầu tiên", o);
        var (status, log) = (Git(dir, "status", "--porcelain"), Git(dir, "log", "--oneline"));
        Assert.Equal("", status.Trim());                                  // every file committed
        Assert.Single(log.Trim().Split('\n'));
        Assert.Contains("site.yaml", Git(dir, "ls-files"));
    }

    [Fact]
    public void Without_git_the_site_is_made_and_the_message_says_what_to_do()
    {
        using var root = new CliSite(create: false);
        var dir = Path.Combine(root.Root, "x");
        Environment.SetEnvironmentVariable("CCHC_GIT", "/nonexistent/git");
        try
        {
            var (exit, o, e) = CliSite.Run(root.Root, "new", "site", dir, "--today", "2026-02-01");
            Assert.True(exit == 0, o + e);
            Assert.Contains("Chưa tạo kho git: máy chưa cài git", o);
            Assert.Contains("git init && git add -A && git commit", o);
            Assert.True(File.Exists(Path.Combine(dir, "site.yaml")));
            Assert.False(Directory.Exists(Path.Combine(dir, ".git")));
        }
        finally { Environment.SetEnvironmentVariable("CCHC_GIT", null); }
    }

    private static string Git(string dir, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = dir, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(start)!;
        var text = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return text;
    }
}
