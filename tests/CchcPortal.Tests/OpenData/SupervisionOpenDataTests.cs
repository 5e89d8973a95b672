using System.Text;
using System.Xml.Linq;
using CchcPortal.Tests.Quality;

namespace CchcPortal.Tests.OpenData;

/// <summary>The Front's supervision in the sample's open data, feed and calendar (issue 32): the data says what the pages say.</summary>
public sealed class SupervisionOpenDataTests
{
    private static List<List<string>> Table(string name) =>
        Csv.Parse(File.ReadAllText(Path.Combine(SampleSite.Output, "data", name), Encoding.UTF8).TrimStart('\uFEFF'));

    [Fact]
    public void Recommendations_csv_has_one_row_per_recommendation_with_its_state_on_as_of()
    {
        var rows = Table("recommendations.csv");
        var head = rows[0];
        string Cell(int row, string column) => rows[row][head.IndexOf(column)];
        Assert.Equal(5, rows.Count);
        Assert.Equal(["done", "accepted", "explained", "overdue"], rows.Skip(1).Select(r => r[head.IndexOf("state")]));
        Assert.Equal(["true", "true", "true", "false"], rows.Skip(1).Select(r => r[head.IndexOf("answered")]));
        Assert.Equal(["true", "false", "false", "false"], rows.Skip(1).Select(r => r[head.IndexOf("carried_out")]));
        Assert.Equal("15", Cell(4, "days_overdue"));
        Assert.Equal("8", Cell(2, "days_late"));
        Assert.Equal("https://ochodua.hanoi.gov.vn/cchc/giam-sat/2025-mot-cua/#kn-4", Cell(4, "url"));

        var supervision = Table("supervision.csv");
        string S(string column) => supervision[1][supervision[0].IndexOf(column)];
        Assert.Equal(("4", "3", "1", "1", "1"), (S("recommendations_total"), S("answered"), S("carried_out"), S("awaiting"), S("overdue")));
        Assert.Equal("15;16;18", S("task_nos"));
    }

    [Fact]
    public void The_calendar_has_the_due_date_of_each_recommendation_awaiting_an_answer()
    {
        var events = Ics.Parse(File.ReadAllBytes(Path.Combine(SampleSite.Output, "data", "recommendations.ics")));
        var e = Assert.Single(events);
        Assert.Equal("20251205", e["DTSTART;VALUE=DATE"]);
        Assert.StartsWith("recommendation-2025-mot-cua-4@", e["UID"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_feed_has_an_entry_for_the_supervision_and_each_answer_on_its_date()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = XDocument.Load(Path.Combine(SampleSite.Output, "feed.xml")).Root!.Elements(atom + "entry")
            .Where(e => e.Element(atom + "category")!.Attribute("term")!.Value == "supervision")
            .Select(e => (Title: e.Element(atom + "title")!.Value, Date: e.Element(atom + "updated")!.Value[..10])).ToList();
        Assert.Equal(4, entries.Count);
        Assert.Equal(["2025-11-28", "2025-11-15", "2025-11-10", "2025-10-20"], entries.Select(e => e.Date));
        Assert.StartsWith("Giám sát: ", entries[^1].Title, StringComparison.Ordinal);
        Assert.StartsWith("Trả lời kiến nghị số 2: ", entries[0].Title, StringComparison.Ordinal);
    }
}
