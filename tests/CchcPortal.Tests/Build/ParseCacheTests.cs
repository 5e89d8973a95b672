using CchcPortal.Core.Loading;
using CchcPortal.Site.Build;
using CchcPortal.Tests.OpenData;

namespace CchcPortal.Tests.Build;

/// <summary>
/// The parse cache of cchc serve: a rebuild parses only the files that changed, yet shows the change on the page and
/// reports a warning of an unchanged file on every build, exactly like a build without the cache.
/// </summary>
public sealed class ParseCacheTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cchc-cache-" + Guid.NewGuid().ToString("N")[..8]);
    private string Source => Path.Combine(_root, "site");
    private string Output => Path.Combine(_root, "out");
    private string Task => Path.Combine(Source, "content", "plans", "2025", "tasks", "01.md");

    public ParseCacheTests() => OpenDataSite.Copy(Path.Combine(Repo.Root, "tests", "sites", "minimal"), Source);
    public void Dispose() { if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true); }

    private BuildResult Build(ParseCache? cache) =>
        SiteBuilder.Run(new BuildOptions(Source, Output, Today: new DateOnly(2025, 12, 20)) { ParseCache = cache });

    private string TaskPage() =>
        File.ReadAllText(Directory.EnumerateFiles(Output, "index.html", SearchOption.AllDirectories)
            .First(f => f.Replace('\\', '/').Contains("/nhiem-vu/") && !f.Replace('\\', '/').Contains("/en/")));

    [Fact]
    public void A_rebuild_parses_only_the_changed_file_and_shows_the_change()
    {
        var cache = new ParseCache();
        Assert.True(Build(cache).Success);
        var files = cache.LastParsed;
        Assert.True(files >= 4, $"first build parsed {files} files");

        Assert.True(Build(cache).Success);
        Assert.Equal(0, cache.LastParsed);

        var text = File.ReadAllText(Task);
        File.WriteAllText(Task, text.Replace("title: ", "title: Đã sửa ", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(Task, DateTime.UtcNow.AddSeconds(5));
        Assert.True(Build(cache).Success);
        Assert.Equal(1, cache.LastParsed);
        Assert.Contains("Đã sửa", TaskPage());
    }

    [Fact]
    public void A_cached_file_reports_its_diagnostics_on_every_build_like_an_uncached_one()
    {
        // Legacy-encoded (TCVN3) text is found while the file is decoded, before any cache hit would skip that step.
        File.AppendAllText(Task, "\nC¶i c¸ch hµnh chÝnh theo kÕ ho¹ch cña x·\n");
        static List<string> Lines(BuildResult r) => r.Diagnostics.Select(d => $"{d.Code} {d.Location.File}:{d.Location.Line}:{d.Location.Column} {d.Message("en")}").ToList();
        var plain = Lines(Build(null));
        Assert.Contains(plain, l => l.StartsWith("CC0002 ", StringComparison.Ordinal));
        var cache = new ParseCache();
        var first = Lines(Build(cache));
        var second = Lines(Build(cache));
        Assert.Equal(0, cache.LastParsed);
        Assert.Equal(plain, first);
        Assert.Equal(plain, second);
    }

    /// <summary>Binding is cached too; a change to a translation alone must still reach its source's page.</summary>
    [Fact]
    public void A_changed_translation_is_bound_again_with_its_unchanged_source()
    {
        var cache = new ParseCache();
        var translation = Path.ChangeExtension(Task, ".en.md");
        File.WriteAllText(translation, "---\ntitle: \"First English title\"\n---\n");
        Assert.True(Build(cache).Success);
        string EnglishTaskPage() => File.ReadAllText(Directory.EnumerateFiles(Path.Combine(Output, "en"), "index.html", SearchOption.AllDirectories)
            .First(f => f.Replace('\\', '/').Contains("/nhiem-vu/")));
        Assert.Contains("First English title", EnglishTaskPage());

        File.WriteAllText(translation, "---\ntitle: \"Second English title\"\n---\n");
        File.SetLastWriteTimeUtc(translation, DateTime.UtcNow.AddSeconds(5));
        Assert.True(Build(cache).Success);
        Assert.Equal(1, cache.LastParsed);
        Assert.Contains("Second English title", EnglishTaskPage());
        Assert.DoesNotContain("First English title", EnglishTaskPage());
    }

    /// <summary>
    /// With a watcher (serve), a file the watcher did not report is taken from the cache without a look at the disk;
    /// a reported file, or every file after the watcher lost events, is read again.
    /// </summary>
    [Fact]
    public void With_a_watcher_only_reported_files_are_looked_at_again()
    {
        var cache = new ParseCache();
        cache.Watching();
        Assert.True(Build(cache).Success);
        var text = File.ReadAllText(Task);

        File.WriteAllText(Task, text.Replace("title: ", "title: Không báo ", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(Task, DateTime.UtcNow.AddSeconds(5));
        Assert.True(Build(cache).Success);
        Assert.Equal(0, cache.LastParsed);               // not reported: not even stat'ed
        Assert.DoesNotContain("Không báo", TaskPage());

        cache.Changed(Path.GetFullPath(Task));
        Assert.True(Build(cache).Success);
        Assert.Equal(1, cache.LastParsed);
        Assert.Contains("Không báo", TaskPage());

        File.WriteAllText(Task, text.Replace("title: ", "title: Mất sự kiện ", StringComparison.Ordinal));
        File.SetLastWriteTimeUtc(Task, DateTime.UtcNow.AddSeconds(10));
        cache.Lost();
        Assert.True(Build(cache).Success);
        Assert.Equal(1, cache.LastParsed);
        Assert.Contains("Mất sự kiện", TaskPage());
    }

    /// <summary>
    /// With a watcher, the content folder is listed again only after a file was created, deleted or renamed: a file
    /// written in place keeps the list (and what listing it reported, such as a stray file's warning).
    /// </summary>
    [Fact]
    public void With_a_watcher_the_content_folder_is_listed_again_only_after_a_file_was_created_or_removed()
    {
        var cache = new ParseCache();
        cache.Watching();
        Assert.True(Build(cache).Success);
        Assert.True(cache.LastListed);

        cache.Changed(Path.GetFullPath(Task), created: false);
        Assert.True(Build(cache).Success);
        Assert.False(cache.LastListed);

        var stray = Path.Combine(Source, "content", "ghi-chu.txt");
        File.WriteAllText(stray, "ghi chú");
        cache.Changed(stray);
        var result = Build(cache);
        Assert.True(cache.LastListed);
        Assert.Contains(result.Diagnostics, d => d.Code == "CC0027" && d.Location.File == "content/ghi-chu.txt");

        result = Build(cache);                      // nothing reported: the same list, the same warning
        Assert.False(cache.LastListed);
        Assert.Contains(result.Diagnostics, d => d.Code == "CC0027");

        File.Delete(stray);
        cache.Changed(stray);
        result = Build(cache);
        Assert.True(cache.LastListed);
        Assert.DoesNotContain(result.Diagnostics, d => d.Code == "CC0027");
    }
}
