using System.Net;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Model;
using CchcPortal.Site.Build;
using CchcPortal.Site.Rollup;
using CchcPortal.Tests.Quality;

namespace CchcPortal.Tests.Rollup;

/// <summary>
/// Real communes (issue 35): the sample and the test sites built and served on 127.0.0.1 by a tiny server inside the test,
/// fetched into a roll-up, the roll-up built offline: its figures equal each commune's own home page. One commune stops
/// mid-way and one serves invalid data on the second fetch: warnings naming them, their last copies kept byte for byte,
/// the build still passes. A package older than x_commune is named from its title. check finds a damaged copy.
/// </summary>
[Trait("Category", "Slow")]
public sealed class RollupTests : IClassFixture<RollupTests.Communes>
{
    private readonly Communes _c;
    public RollupTests(Communes communes) => _c = communes;

    /// <summary>The commune sites built once, served by one <see cref="Server"/>; a roll-up site listing them.</summary>
    public sealed class Communes : IDisposable
    {
        public string Root { get; } = Repo.TempDir("rollup");
        public Server Server { get; }
        /// <summary>Path on the server → the built site's home page (what the roll-up's figures must equal).</summary>
        public Dictionary<string, string> Sites { get; } = new(StringComparer.Ordinal);
        public string Rollup => Path.Combine(Root, "rollup");
        public string Output => Path.Combine(Root, "rollup-out");
        public IReadOnlyList<FetchedCommune> First { get; }
        public IReadOnlyList<FetchedCommune> Second { get; }
        public SortedDictionary<string, byte[]> BadBefore { get; }
        public SortedDictionary<string, byte[]> StopBefore { get; }
        public BuildResult Build { get; }

        public Communes()
        {
            var sites = new (string Path, string? Source)[]
            {
                ("sample", null), ("minimal", "minimal"), ("seed-000", "seed-000"), ("seed-002", "seed-002"), ("seed-004", "seed-004"), ("search", "search"),
            };
            foreach (var (name, source) in sites)
                Sites[name] = SampleSite.BuildTo(Path.Combine(Root, "sites", name), source is null ? null : Repo.Path("tests", "sites", source));
            // An older package, without x_commune and x_province: seed-002 again, its name from the title.
            Sites["old"] = Path.Combine(Root, "sites", "old");
            OpenData.OpenDataSite.Copy(Sites["seed-002"], Sites["old"]);
            var package = Path.Combine(Sites["old"], "data", "datapackage.json");
            File.WriteAllLines(package, File.ReadAllLines(package).Where(l => !l.Contains("\"x_commune\"") && !l.Contains("\"x_province\"")));
            File.WriteAllText(package, File.ReadAllText(package).Replace("Tân Minh", "Tân Minh Cũ"));
            Server = new Server(Path.Combine(Root, "sites"));

            Directory.CreateDirectory(Rollup);
            var closed = FreePort();
            File.WriteAllText(Path.Combine(Rollup, "site.yaml"), $"""
                title: Cải cách hành chính cấp xã tỉnh Thử
                province: Tỉnh Thử
                base_url: https://cchc.thu.example.gov.vn/
                languages: [vi, en]
                as_of: 2025-12-20
                communes:
                {string.Concat(new[] { "sample", "minimal", "seed-000", "seed-002", "seed-004", "search", "old" }.Select(s => $"  - {Server.BaseUrl}{s}/\n"))}  - http://127.0.0.1:{closed}/khong-co/

                """);
            var options = new FetchOptions(Rollup, "en") { Timeout = TimeSpan.FromSeconds(20) };
            First = CommuneFetch.Fetch(Load(), options);
            BadBefore = Repo.Snapshot(Path.Combine(Rollup, "communes", "xa-thu-tim"));
            StopBefore = Repo.Snapshot(Path.Combine(Rollup, "communes", "huyen-lap-vo"));
            // Second fetch: "search" now serves a tasks.csv whose first date is written the Vietnamese way; "seed-004" stops mid-way.
            Server.Invalid = "search/data/tasks.csv";
            Server.Stop = "seed-004/data/targets.csv";
            Second = CommuneFetch.Fetch(Load(), options);
            Build = SiteBuilder.Run(new BuildOptions(Rollup, Output, Today: new DateOnly(2025, 12, 20)));
        }

        public SiteConfig Load() => CchcPortal.Core.Configuration.SiteConfigLoader.Load(Rollup, new DiagnosticBag(), new DateOnly(2025, 12, 20))!;

        private static int FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        public void Dispose()
        {
            Server.Dispose();
            try { Directory.Delete(Root, true); } catch (IOException) { }
        }
    }

    [Fact]
    public void The_first_fetch_copies_every_reachable_commune_and_names_the_one_that_is_not()
    {
        Assert.Equal(["huyen-lap-vo", "phuong-o-cho-dua", "xa-binh-tan", "xa-lai-khe", "xa-tan-minh", "xa-tan-minh-cu", "xa-thu-tim"],
            _c.First.Where(r => r.Warning is null).Select(r => r.Id!).Order(StringComparer.Ordinal));
        var down = Assert.Single(_c.First, r => r.Warning is not null);
        Assert.Equal("CC0102", down.Warning!.Code);
        Assert.Contains("/khong-co/", down.Warning.ToString("en"));
        Assert.Contains("There is no copy yet", down.Warning.ToString("en"));
        // Each copy holds the package and every file it lists, and where it came from.
        var copy = Path.Combine(_c.Rollup, "communes", "xa-lai-khe");
        Assert.True(File.Exists(Path.Combine(copy, "data", "datapackage.json")));
        Assert.True(File.Exists(Path.Combine(copy, "data", "tasks.csv")));
        Assert.Contains("seed-000/", File.ReadAllText(Path.Combine(copy, "source.json")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_c.Rollup, "communes"), ".*"));
    }

    [Fact]
    public void A_commune_stopped_mid_way_or_serving_invalid_data_is_a_warning_and_its_last_copy_stays()
    {
        var invalid = Assert.Single(_c.Second, r => r.Warning?.Code == "CC0103");
        Assert.Contains("Xã Thử Tìm", invalid.Warning!.ToString("en"));
        Assert.Contains("data/tasks.csv line 2", invalid.Warning.ToString("en"));
        Assert.Contains("The previous copy (communes/xa-thu-tim/", invalid.Warning.ToString("en"));
        var stopped = Assert.Single(_c.Second, r => r.Warning?.Code == "CC0102" && r.Source.Url.Contains("seed-004", StringComparison.Ordinal));
        Assert.Contains("Huyện Lấp Vò", stopped.Warning!.ToString("en"));
        Repo.AssertSameFiles(_c.BadBefore, Repo.Snapshot(Path.Combine(_c.Rollup, "communes", "xa-thu-tim")));
        Repo.AssertSameFiles(_c.StopBefore, Repo.Snapshot(Path.Combine(_c.Rollup, "communes", "huyen-lap-vo")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(_c.Rollup, "communes"), ".*"));
        Assert.True(_c.Build.Success, string.Join("\n", _c.Build.Diagnostics.Select(d => d.ToString("en"))));
        Assert.Contains(_c.Build.Diagnostics, d => d.Code == "CC0105" && d.ToString("en").Contains("/khong-co/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_commune_over_the_size_or_time_limit_is_a_warning_and_nothing_changes()
    {
        var before = Repo.Snapshot(Path.Combine(_c.Rollup, "communes"));
        var large = CommuneFetch.Fetch(_c.Load(), new FetchOptions(_c.Rollup) { MaxBytes = 2000 });
        Assert.All(large.Take(7), r => Assert.Equal("CC0104", r.Warning?.Code));
        Assert.Contains("larger than the limit of 0 MB", large[0].Warning!.ToString("en"));
        // A server that never answers: each commune's time limit runs out, however fast the machine.
        using var silent = new Silent();
        var slow = CommuneFetch.Fetch(_c.Load(), new FetchOptions(_c.Rollup) { Timeout = TimeSpan.FromMilliseconds(200), Handler = silent });
        Assert.All(slow.Take(7), r => Assert.Equal("CC0102", r.Warning?.Code));
        Assert.Contains("not done within", slow[0].Warning!.ToString("en"));
        Repo.AssertSameFiles(before, Repo.Snapshot(Path.Combine(_c.Rollup, "communes")));
    }

    /// <summary>A handler that answers no request: it waits until the request is cancelled.</summary>
    private sealed class Silent : HttpMessageHandler
    {
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.WaitHandle.WaitOne();
            cancellationToken.ThrowIfCancellationRequested();
            throw new InvalidOperationException("a request with no time limit");
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(Send(request, cancellationToken));
    }

    private static readonly HtmlParser Parser = new();

    private static string Text(string? s) => System.Text.RegularExpressions.Regex.Replace(s ?? "", @"\s+", " ").Trim();

    [Theory]
    [InlineData("sample", "phuong-o-cho-dua")]
    [InlineData("minimal", "xa-binh-tan")]
    [InlineData("seed-000", "xa-lai-khe")]
    [InlineData("seed-002", "xa-tan-minh")]
    [InlineData("seed-004", "huyen-lap-vo")]
    [InlineData("search", "xa-thu-tim")]
    public void The_figures_equal_each_communes_own_home_page(string site, string id)
    {
        var home = Parser.ParseDocument(File.ReadAllText(Path.Combine(_c.Sites[site], "index.html")));
        var page = Parser.ParseDocument(File.ReadAllText(Path.Combine(_c.Output, "xa", id, "index.html")));
        var summary = home.QuerySelector("section.plan-summary");
        Assert.NotNull(summary);
        Assert.Equal(Text(summary!.QuerySelector("ul.counts")!.TextContent), Text(page.QuerySelector("ul.counts")!.TextContent));
        static string? Latest(AngleSharp.Dom.IElement? within) =>
            within?.QuerySelectorAll("p").Select(p => Text(p.TextContent)).FirstOrDefault(t => t.StartsWith("Báo cáo gần nhất", StringComparison.Ordinal));
        Assert.Equal(Latest(summary), Latest(page.QuerySelector("#current-plan")?.ParentElement));
        // The table's row says the same.
        var table = Parser.ParseDocument(File.ReadAllText(Path.Combine(_c.Output, "index.html")));
        var row = table.QuerySelectorAll("table.communes tbody tr").Single(r => r.QuerySelector("a")!.GetAttribute("href") == $"xa/{id}/");
        var done = summary.QuerySelector("li.status-done strong")!.TextContent;
        Assert.StartsWith(done + "/", row.QuerySelector("td[data-label='Đã hoàn thành']")!.TextContent);
        Assert.Equal(summary.QuerySelector("li.status-overdue strong")!.TextContent, row.QuerySelector("td[data-label='Quá hạn']")!.TextContent);
        // The commune's page links to its portal.
        Assert.Contains(page.QuerySelectorAll("a"), a => a.GetAttribute("href")!.StartsWith("https://", StringComparison.Ordinal) && a.TextContent.Contains("cổng", StringComparison.Ordinal));
    }

    [Fact]
    public void An_older_package_without_commune_names_is_named_from_its_title()
    {
        var page = Parser.ParseDocument(File.ReadAllText(Path.Combine(_c.Output, "xa", "xa-tan-minh-cu", "index.html")));
        Assert.Equal("Xã Tân Minh Cũ", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public void The_rollup_publishes_its_own_open_data_feed_card_search_and_english()
    {
        var csv = File.ReadAllText(Path.Combine(_c.Output, "data", "communes.csv"));
        Assert.StartsWith("as_of,commune_id,name,province,portal,data_as_of,stale", csv);
        Assert.Equal(8, csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("\"communes\": [", File.ReadAllText(Path.Combine(_c.Output, "data", "communes.json")));
        Assert.Contains("\"path\": \"communes.csv\"", File.ReadAllText(Path.Combine(_c.Output, "data", "datapackage.json")));
        Assert.Contains("Tỉnh Thử", File.ReadAllText(Path.Combine(_c.Output, "data", "catalog.ttl")));
        var feed = File.ReadAllText(Path.Combine(_c.Output, "feed.xml"));
        Assert.Contains("<category term=\"xa-lai-khe\" label=\"Xã Lai Khê\" />", feed);
        Assert.Contains("7 communes together", File.ReadAllText(Path.Combine(_c.Output, "en", "embed", "index.html")));
        Assert.Contains("Communes compared by reform area", File.ReadAllText(Path.Combine(_c.Output, "en", "linh-vuc", "index.html")));
        // Search: the documents are every commune's tasks and targets, filtered by commune.
        var search = File.ReadAllText(Path.Combine(_c.Output, "search", "index.html"));
        Assert.Contains("<option value=\"xa-lai-khe\">Xã Lai Khê</option>", search);
        // Without JavaScript the search page lists the communes (a roll-up has no tasks of its own to browse by area).
        var browse = Parser.ParseDocument(search).QuerySelector("section.browse")!;
        Assert.Equal("Duyệt theo xã", Text(browse.QuerySelector("h2")!.TextContent));
        Assert.Equal(7, browse.QuerySelectorAll("li a[href^='../xa/']").Length);
        Assert.Contains(browse.QuerySelectorAll("a"), a => a.GetAttribute("href") == "../xa/xa-lai-khe/" && a.TextContent == "Xã Lai Khê");
        // The card's second link names what it opens; the footer names where the figures come from.
        var card = Parser.ParseDocument(File.ReadAllText(Path.Combine(_c.Output, "en", "embed", "index.html")));
        var more = card.QuerySelectorAll("p.more a").Select(a => (a.GetAttribute("href"), Text(a.TextContent))).ToList();
        Assert.Contains(("../../en/linh-vuc/", "Communes compared by reform area →"), more);
        var footer = Text(Parser.ParseDocument(File.ReadAllText(Path.Combine(_c.Output, "index.html"))).QuerySelector("footer")!.TextContent);
        Assert.Contains("Tạo bởi CchcPortal từ dữ liệu mở do từng xã công bố.", footer);
        Assert.DoesNotContain("kế hoạch và báo cáo của đơn vị", footer);
        // Stale: a commune whose as-of date is more than a reporting period before the roll-up's is marked so.
        var table = Parser.ParseDocument(File.ReadAllText(Path.Combine(_c.Output, "index.html")));
        Assert.All(table.QuerySelectorAll("tr.stale"), r => Assert.Contains("cũ", r.TextContent));
    }

    [Fact]
    public void Check_validates_the_copies()
    {
        var copy = Repo.TempDir("rollup-check");
        try
        {
            OpenData.OpenDataSite.Copy(_c.Rollup, copy);
            Assert.Equal(0, CchcRun.Run("check", "--source", copy).Exit);
            var tasks = Path.Combine(copy, "communes", "xa-lai-khe", "data", "tasks.csv");
            var lines = File.ReadAllLines(tasks);
            lines[2] = "20/12/2025" + lines[2][10..];
            File.WriteAllText(tasks, string.Join("\r\n", lines) + "\r\n", new UTF8Encoding(true));
            var run = CchcRun.Run("check", "--source", copy, "--lang", "en");
            Assert.Equal(1, run.Exit);
            Assert.Contains("communes/xa-lai-khe/data/tasks.csv(3,1): error CC0106:", run.Err);
        }
        finally { Directory.Delete(copy, true); }
    }

    /// <summary>
    /// A tiny HTTP server on 127.0.0.1 serving built sites under /&lt;name&gt;/; it can serve one file with invalid data, and
    /// stop mid-way through another (headers and half the body sent, then the connection dropped).
    /// </summary>
    public sealed class Server : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly string _root;
        public string BaseUrl { get; }
        public string? Invalid { get; set; }
        public string? Stop { get; set; }

        public Server(string root)
        {
            _root = Path.GetFullPath(root);
            for (var attempt = 0; ; attempt++)
            {
                var port = Communes_FreePort();
                _listener = new HttpListener();
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                try { _listener.Start(); BaseUrl = $"http://127.0.0.1:{port}/"; break; }
                catch (HttpListenerException) when (attempt < 10) { _listener.Close(); }
            }
            _ = Task.Run(Loop);
        }

        private static int Communes_FreePort()
        {
            var l = new TcpListener(IPAddress.Loopback, 0);
            l.Start();
            var port = ((IPEndPoint)l.LocalEndpoint).Port;
            l.Stop();
            return port;
        }

        private async Task Loop()
        {
            while (_listener.IsListening)
            {
                HttpListenerContext ctx;
                try { ctx = await _listener.GetContextAsync(); } catch (Exception) { return; }
                _ = Task.Run(() => Serve(ctx));
            }
        }

        private void Serve(HttpListenerContext ctx)
        {
            var rel = Uri.UnescapeDataString(ctx.Request.Url!.AbsolutePath).TrimStart('/');
            var file = Path.GetFullPath(Path.Combine(_root, rel));
            try
            {
                if (!file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file)) { ctx.Response.StatusCode = 404; ctx.Response.Close(); return; }
                var bytes = File.ReadAllBytes(file);
                if (rel == Invalid)
                {
                    var text = Encoding.UTF8.GetString(bytes);
                    var second = text.IndexOf("\r\n", StringComparison.Ordinal) + 2;
                    bytes = Encoding.UTF8.GetBytes(text[..second] + "20/12/2025" + text[(second + 10)..]);
                }
                ctx.Response.ContentLength64 = bytes.Length;
                if (rel == Stop)
                {
                    ctx.Response.OutputStream.Write(bytes, 0, bytes.Length / 2);
                    ctx.Response.OutputStream.Flush();
                    ctx.Response.Abort();
                    return;
                }
                ctx.Response.OutputStream.Write(bytes);
                ctx.Response.Close();
            }
            catch (Exception) { try { ctx.Response.Abort(); } catch (Exception) { } }
        }

        public void Dispose() => _listener.Close();
    }
}
