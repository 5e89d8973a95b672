using System.Text.RegularExpressions;
using CchcPortal.Site.Index;

namespace CchcPortal.Tests.OpenData;

/// <summary>docs/open-data.md's column tables say what the open-data tables hold: every column, in order, with its meaning.</summary>
public sealed partial class OpenDataReadmeTests
{
    [Fact]
    public void The_open_data_doc_lists_every_column_of_every_table()
    {
        var readme = File.ReadAllText(Repo.Path("docs/open-data.md")).ReplaceLineEndings("\n");
        foreach (var kind in OpenDataTables.SiteKinds)
        {
            var at = readme.IndexOf($"\n**{kind.Name}** — ", StringComparison.Ordinal);
            Assert.True(at >= 0, $"docs/open-data.md: no table of {kind.Name}");
            var table = readme[at..].Split("\n\n")[1];
            var rows = Row().Matches(table).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
            Assert.Equal(kind.Columns.Select(c => (c.Name, c.En)), rows);
        }
    }

    [GeneratedRegex(@"^\| `([a-z_]+)` \| [^|]+ \| (.+) \|$", RegexOptions.Multiline)]
    private static partial Regex Row();
}
