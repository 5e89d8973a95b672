using System.Xml.Linq;
using CchcPortal.Tests.Quality;

namespace CchcPortal.Tests.OpenData;

/// <summary>A period label that already names a report ("Báo cáo năm 2025") is not given the word a second time (issue 25).</summary>
public sealed class FeedTitleTests
{
    [Theory]
    [InlineData("feed.xml", "Báo cáo năm 2025 (247/BC-UBND)", "Báo cáo Quý III/2025 (118/BC-UBND)")]
    [InlineData("en/feed.xml", "Report Year 2025 (247/BC-UBND)", "Report Q3 2025 (118/BC-UBND)")]
    public void Feed_titles_name_each_report_once(string feed, string first, string second)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var doc = XDocument.Load(Path.Combine(SampleSite.Output, feed));
        // The reports' entries (the Front's supervisions and answers have their own category).
        var titles = doc.Root!.Elements(atom + "entry").Where(e => e.Element(atom + "category")?.Attribute("term")?.Value != "supervision")
            .Select(e => e.Element(atom + "title")!.Value).ToList();
        Assert.Equal([first, second], titles);
    }
}
