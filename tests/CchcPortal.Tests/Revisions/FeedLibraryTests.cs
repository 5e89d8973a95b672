using System.Diagnostics;

namespace CchcPortal.Tests.Revisions;

/// <summary>
/// The unit and area feeds read by a real feed library (Python's feedparser: no bozo, every entry with a link, title and
/// date) and the unit calendars by the icalendar library (every event with a date and a summary).
/// </summary>
[Trait("Category", "Slow")]
public sealed class FeedLibraryTests(RevisedSite site) : IClassFixture<RevisedSite>
{
    private const string Script = """
import sys, glob, os, feedparser, icalendar
root = sys.argv[1]
feeds = [p for p in glob.glob(os.path.join(root, "**", "feed.xml"), recursive=True) if "/don-vi/" in p or "/linh-vuc/" in p]
for p in sorted(feeds):
    d = feedparser.parse(p)
    assert not d.bozo, (p, d.bozo_exception)
    assert d.feed.title and d.feed.link, p
    assert len(d.entries) <= 20, p
    for e in d.entries:
        assert e.title and e.link and e.id and e.updated_parsed, (p, e)
    print("feed", os.path.relpath(p, root), len(d.entries))
for p in sorted(glob.glob(os.path.join(root, "data", "units", "*.ics"))):
    cal = icalendar.Calendar.from_ical(open(p, "rb").read())
    events = list(cal.walk("VEVENT"))
    for ev in events:
        assert ev.get("dtstart") is not None and ev.get("summary"), p
    print("ics", os.path.relpath(p, root), len(events))
""";

    [Fact]
    public async Task Every_unit_and_area_feed_and_unit_calendar_parses()
    {
        Assert.True(site.Result.Success, string.Join("\n", site.Result.Diagnostics));
        // Debian's python3-feedparser and python3-icalendar are for the system's Python, not another one first on the PATH.
        var start = new ProcessStartInfo(File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add(site.Output);
        using var p = Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        Assert.True(p.ExitCode == 0, await err + output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("feed don-vi/phong-vh-xh/feed.xml 3", lines);          // q3, q4 and the moved deadline
        Assert.Contains(lines, l => l.StartsWith("feed en/linh-vuc/cong-vu/feed.xml ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("ics data/units/phong-vh-xh.ics ", StringComparison.Ordinal));
    }
}
