using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Json.Schema;

namespace CchcPortal.Tests.OpenData;

public sealed class OpenDataTests(OpenDataSite site) : IClassFixture<OpenDataSite>
{
    private const string Plan = "cchc-6-thang-cuoi-2025";

    [Fact]
    public void The_build_succeeds()
    {
        Assert.True(site.Result.Success, string.Join("\n", site.Result.Diagnostics));
    }

    [Theory]
    [InlineData("data/tasks.csv")]
    [InlineData("data/plans/" + Plan + "/tasks.csv")]
    public void Tasks_csv_starts_with_a_bom_and_has_the_title_and_the_deadline_as_written(string path)
    {
        var bytes = site.Bytes(path);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
        var header = rows[0];
        var task = rows.Skip(1).Single(r => r[header.IndexOf("no")] == "4");
        var title = "Họp Ban Chỉ đạo CCHC xã đánh giá kết quả,";
        Assert.StartsWith(title.Normalize(NormalizationForm.FormC), task[header.IndexOf("title")]);
        Assert.True(task[header.IndexOf("title")].IsNormalized(NormalizationForm.FormC));
        Assert.Equal("Giao ban quý III: tháng 9/2025; Giao ban quý IV: tháng 12/2025", task[header.IndexOf("deadline")]);
        Assert.Equal("2025-09-30;2025-12-31", task[header.IndexOf("due_dates")]);
        Assert.Equal("in-progress", task[header.IndexOf("status")]);
        Assert.All(rows.Skip(1), r => Assert.Equal("2025-12-20", r[header.IndexOf("as_of")]));
    }

    [Fact]
    public void Csv_is_rfc4180_crlf_with_quoted_commas()
    {
        var text = Encoding.UTF8.GetString(site.Bytes("data/tasks.csv")[3..]);
        Assert.DoesNotMatch("(?<!\r)\n", text);
        Assert.EndsWith("\r\n", text);
        // Task 1's title contains a comma: it is quoted and survives a round trip.
        var rows = Csv.Parse(text);
        Assert.Contains(rows, r => r.Contains("Xây dựng, ban hành Kế hoạch tự kiểm tra công tác cải cách hành chính năm 2025"));
        Assert.All(rows, r => Assert.Equal(rows[0].Count, r.Count));
    }

    [Fact]
    public void A_target_value_written_with_a_decimal_comma_is_a_json_number()
    {
        using var doc = JsonDocument.Parse(site.Bytes("data/targets.json"));
        Assert.Equal("2025-12-20", doc.RootElement.GetProperty("as_of").GetString());
        var row = doc.RootElement.GetProperty("targets").EnumerateArray()
            .Single(r => r.GetProperty("target_id").GetString() == "hai-long-tthc" && r.GetProperty("report_id").GetString() == "q4");
        var value = row.GetProperty("value");
        Assert.Equal(JsonValueKind.Number, value.ValueKind);
        Assert.Equal(91.3m, value.GetDecimal());
        Assert.Equal("91.3", value.GetRawText());
        Assert.True(row.GetProperty("met").GetBoolean());
    }

    [Fact]
    public void Every_target_has_one_row_per_report_with_a_value()
    {
        using var doc = JsonDocument.Parse(site.Bytes("data/plans/" + Plan + "/targets.json"));
        var rows = doc.RootElement.GetProperty("targets").EnumerateArray().ToList();
        var expected = site.Portal.Plans.Single().Targets.Sum(t => Math.Max(1, t.Points.Count));
        Assert.Equal(expected, rows.Count);
        Assert.Equal(2, rows.Count(r => r.GetProperty("target_id").GetString() == "hai-long-tthc"));
    }

    [Fact]
    public void Every_datapackage_resource_exists_and_matches_its_table_schema()
    {
        using var package = JsonDocument.Parse(site.Bytes("data/datapackage.json"));
        Assert.Equal("CC-BY-4.0", package.RootElement.GetProperty("licenses")[0].GetProperty("name").GetString());
        var resources = package.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(9, resources.Count); // 5 site tables + 4 tables of the plan (this site moves no deadline: no revisions table)
        foreach (var resource in resources)
        {
            var path = Path.Combine(site.Output, "data", resource.GetProperty("path").GetString()!);
            Assert.True(File.Exists(path), path);
            var bytes = File.ReadAllBytes(path);
            Assert.Equal(resource.GetProperty("bytes").GetInt64(), bytes.LongLength);
            var rows = Csv.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3));
            var fields = resource.GetProperty("schema").GetProperty("fields").EnumerateArray().ToList();
            Assert.Equal(fields.Select(f => f.GetProperty("name").GetString()), rows[0]);
            foreach (var field in fields)
            {
                Assert.Contains(" — ", field.GetProperty("description").GetString()); // Vietnamese — English
                var i = fields.IndexOf(field);
                var required = field.TryGetProperty("constraints", out var c) && c.GetProperty("required").GetBoolean();
                foreach (var row in rows.Skip(1))
                {
                    var cell = row[i];
                    if (cell.Length == 0) { Assert.False(required, $"{resource.GetProperty("name")}.{field.GetProperty("name")} is required"); continue; }
                    Assert.True(Parses(field.GetProperty("type").GetString()!, cell), $"{resource.GetProperty("name")}.{field.GetProperty("name")}: '{cell}'");
                }
            }
        }
    }

    private static bool Parses(string type, string cell) => type switch
    {
        "integer" => long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        "number" => decimal.TryParse(cell, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _),
        "boolean" => cell is "true" or "false",
        "date" => DateOnly.TryParseExact(cell, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "string" => true,
        _ => false,
    };

    [Fact]
    public void Every_json_file_validates_against_its_json_schema()
    {
        var data = Path.Combine(site.Output, "data");
        var files = Directory.EnumerateFiles(data, "*.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains("schema") && !f.EndsWith("datapackage.json", StringComparison.Ordinal)).ToList();
        Assert.Equal(5 + 4, files.Count);
        foreach (var file in files)
        {
            var kind = Path.GetFileNameWithoutExtension(file);
            var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(data, "schema", kind + ".schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
            using var doc = JsonDocument.Parse(File.ReadAllBytes(file));
            var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            Assert.True(result.IsValid, file + ": " + string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} {e.Value}"))));
        }
    }

    [Fact]
    public void A_json_schema_rejects_a_value_written_as_text()
    {
        var data = Path.Combine(site.Output, "data");
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(data, "schema", "targets.schema.json")), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        var text = File.ReadAllText(Path.Combine(data, "targets.json")).Replace("\"value\": 91.3", "\"value\": \"91,3\"");
        using var doc = JsonDocument.Parse(text);
        Assert.False(schema.Evaluate(doc.RootElement).IsValid);
    }

    [Theory]
    [InlineData("feed.xml", "vi", "Báo cáo Quý IV và năm 2025 (458/BC-UBND)")]
    [InlineData("en/feed.xml", "en", "Report")]
    public void The_atom_feed_parses_and_carries_the_latest_report(string path, string lang, string firstTitle)
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var doc = XDocument.Parse(site.Read(path));
        Assert.Equal(lang, doc.Root!.Attribute(XNamespace.Xml + "lang")!.Value);
        var entries = doc.Root.Elements(atom + "entry").ToList();
        Assert.Equal(2, entries.Count);
        Assert.StartsWith(firstTitle, entries[0].Element(atom + "title")!.Value);
        Assert.Contains("458/BC-UBND", entries[0].Element(atom + "title")!.Value);
        Assert.Equal("2025-12-05T00:00:00+07:00", entries[0].Element(atom + "updated")!.Value);
        Assert.Equal("https://laikhe.haiphong.gov.vn/cchc/ke-hoach/" + Plan + "/bao-cao/q4/", entries[0].Element(atom + "id")!.Value);
        Assert.Equal("2025-12-05T00:00:00+07:00", doc.Root.Element(atom + "updated")!.Value);
    }

    [Fact]
    public void Every_page_links_the_feed_and_the_open_data_page()
    {
        var home = site.Read("index.html");
        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", home);
        Assert.Contains("href=\"./feed.xml\"", home);
        Assert.Contains("<a href=\"du-lieu/\">Dữ liệu mở</a>", home);
        var task = site.Read("en/ke-hoach/" + Plan + "/nhiem-vu/04/index.html");
        Assert.Contains("href=\"../../../../../en/feed.xml\"", task);
        Assert.Contains("<a href=\"../../../../../en/du-lieu/\">Open data</a>", task);
    }

    [Fact]
    public void The_plan_calendar_parses_with_one_event_per_dated_milestone()
    {
        var bytes = site.Bytes("data/plans/" + Plan + "/deadlines.ics");
        var events = Ics.Parse(bytes);
        // Seed 000: ten dated tasks, two of them with two milestones; ongoing and per-guidance tasks have none.
        Assert.Equal(12, events.Count);
        Assert.Equal(site.Portal.Plans.Single().Tasks.Sum(t => t.Task.Deadline.Milestones.Count), events.Count);
        var giaoBan = events.Where(e => e["SUMMARY"].StartsWith("Nhiệm vụ 4:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["20250930", "20251231"], giaoBan.Select(e => e["DTSTART;VALUE=DATE"]));
        Assert.Contains("Giao ban quý III: tháng 9/2025\\; Giao ban quý IV: tháng 12/2025", giaoBan[0]["DESCRIPTION"]);
        Assert.Contains("Phòng Văn hóa - Xã hội", giaoBan[0]["DESCRIPTION"]);
        Assert.Equal(events.Count, events.Select(e => e["UID"]).Distinct().Count());
        Assert.All(events, e => Assert.Equal("20251205T000000Z", e["DTSTAMP"]));
    }

    [Fact]
    public void Unit_calendars_hold_the_milestones_of_the_tasks_each_unit_leads()
    {
        var plan = site.Portal.Plans.Single();
        foreach (var unit in site.Portal.Units)
        {
            var expected = plan.Tasks.Where(t => t.Task.LeadId == unit.Id).Sum(t => t.Task.Deadline.Milestones.Count);
            var path = Path.Combine(site.Output, "data", "units", unit.Id + ".ics");
            Assert.Equal(expected > 0, File.Exists(path));
            if (expected > 0) Assert.Equal(expected, Ics.Parse(File.ReadAllBytes(path)).Count);
        }
    }

    [Fact]
    public void The_open_data_page_lists_every_file_with_its_real_size_and_the_licence()
    {
        var html = site.Read("du-lieu/index.html");
        var links = Regex.Matches(html, "<a href=\"\\.\\./(data/[^\"]+|feed\\.xml|en/feed\\.xml)\" download[^>]*>.*?</a>.*?<td>([^<]+)</td><td>([^<]+)</td><td>([^<]+)</td>")
            .Select(m => (Path: m.Groups[1].Value, Format: m.Groups[2].Value, Size: m.Groups[3].Value, Licence: m.Groups[4].Value)).ToList();
        var written = Directory.EnumerateFiles(Path.Combine(site.Output, "data"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(site.Output, f).Replace('\\', '/')).Append("feed.xml").Append("en/feed.xml").Order(StringComparer.Ordinal);
        Assert.Equal(written, links.Select(l => l.Path).Order(StringComparer.Ordinal));
        foreach (var link in links)
        {
            var kb = Math.Max(0.1m, Math.Round(new FileInfo(Path.Combine(site.Output, link.Path)).Length / 1024m, 1));
            Assert.Equal(kb.ToString("0.#", CultureInfo.InvariantCulture).Replace('.', ',') + " KB", link.Size);
            Assert.Equal("CC BY 4.0", link.Licence);
        }
        Assert.Contains("Open data", site.Read("en/du-lieu/index.html"));
    }

    [Fact]
    public void No_file_carries_the_build_machine_path_or_user()
    {
        var user = Environment.UserName;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        // "root" (CI runs as root) and the like are ordinary words in server configuration comments; their home folder is not.
        var wordLike = user is "root" or "user" or "admin" or "runner";
        var userPattern = new Regex($"(?<![\\w:-]){Regex.Escape(user)}(?![\\w-])");
        foreach (var file in Directory.EnumerateFiles(site.Output, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(site.Root, text);
            Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), text);
            if (home.Length > 1) Assert.DoesNotContain(home + "/", text);
            if (!wordLike && !file.Contains($"{Path.DirectorySeparatorChar}assets{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && user.Length > 0)
                Assert.False(userPattern.IsMatch(text), $"{file} mentions the user name {user}");
        }
    }

    [Fact]
    public void Outside_git_no_page_shows_a_last_updated_date()
    {
        Assert.DoesNotContain("Cập nhật lần cuối", site.Read("ke-hoach/" + Plan + "/index.html"));
    }
}

/// <summary>"Last updated" from git, on a site committed with fixed dates.</summary>
public sealed class LastUpdatedTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cchc-git-" + Guid.NewGuid().ToString("N")[..8]);

    [Fact]
    public void A_page_shows_the_date_of_the_last_commit_touching_its_source_and_translation()
    {
        var source = Path.Combine(_root, "site");
        OpenDataSite.Copy(Path.Combine(Repo.Root, "tests", "sites", "seed-000"), source);
        OpenDataSite.Git(source, "2025-03-04T10:00:00+07:00", "init", "-q");
        OpenDataSite.Git(source, "2025-03-04T10:00:00+07:00", "add", "-A");
        OpenDataSite.Git(source, "2025-03-04T10:00:00+07:00", "commit", "-q", "-m", "first");
        var unit = Path.Combine(source, "content", "units", "phong-kinh-te.md");
        File.AppendAllText(unit, "\nĐiện thoại: 0225 000 000\n");
        OpenDataSite.Git(source, "2025-11-20T09:00:00+07:00", "commit", "-q", "-am", "phone");

        var output = Path.Combine(_root, "out");
        var result = CchcPortal.Site.Build.SiteBuilder.Run(new(source, output));
        Assert.True(result.Success);
        Assert.Contains("Cập nhật lần cuối: 20/11/2025.", File.ReadAllText(Path.Combine(output, "don-vi", "phong-kinh-te", "index.html")));
        Assert.Contains("Last updated: 20 November 2025.", File.ReadAllText(Path.Combine(output, "en", "don-vi", "phong-kinh-te", "index.html")));
        Assert.Contains("Cập nhật lần cuối: 4/3/2025.", File.ReadAllText(Path.Combine(output, "don-vi", "phong-vh-xh", "index.html")));
        // Pages with no source file (lists, home) show no date rather than the build time.
        Assert.DoesNotContain("Cập nhật lần cuối", File.ReadAllText(Path.Combine(output, "don-vi", "index.html")));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>A small RFC 4180 reader: quoted fields with commas, quotes and newlines; CRLF records.</summary>
internal static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') { row.Add(cell.ToString()); cell.Clear(); rows.Add(row); row = []; i++; }
            else cell.Append(c);
        }
        if (cell.Length > 0 || row.Count > 0) { row.Add(cell.ToString()); rows.Add(row); }
        return rows;
    }
}

/// <summary>A small iCalendar line parser: CRLF lines of at most 75 octets, unfolded, BEGIN/END balanced; returns each VEVENT's properties.</summary>
internal static class Ics
{
    public static List<Dictionary<string, string>> Parse(byte[] bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        Assert.EndsWith("\r\n", text);
        var physical = text[..^2].Split("\r\n");
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"line longer than 75 octets: {l}"));
        Assert.DoesNotContain(physical, l => l.Contains('\n') || l.Contains('\r'));
        var lines = new List<string>();
        foreach (var l in physical)
            if (l.StartsWith(' ')) lines[^1] += l[1..]; else lines.Add(l);
        var stack = new Stack<string>();
        var events = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':');
            Assert.True(colon > 0, line);
            var (name, value) = (line[..colon], line[(colon + 1)..]);
            if (name == "BEGIN") { stack.Push(value); if (value == "VEVENT") events.Add(current = new()); }
            else if (name == "END") { Assert.Equal(stack.Pop(), value); current = null; }
            else if (current is not null) current[name] = value;
        }
        Assert.Empty(stack);
        Assert.Equal("VCALENDAR", lines[0][6..]);
        Assert.All(events, e => Assert.Matches("^\\d{8}$", e["DTSTART;VALUE=DATE"]));
        return events;
    }
}
