using CchcPortal.Site.Output;

namespace CchcPortal.Tests.Quality;

/// <summary>The server files compress what the site serves (issue 25: the nginx file did not, Caddy's did).</summary>
public sealed class ServerCompressionTests
{
    [Fact]
    public void Nginx_compresses_every_text_type_the_site_serves()
    {
        var conf = File.ReadAllText(Path.Combine(SampleSite.Output, "_server", "nginx.conf"));
        Assert.Contains("\ngzip on;\n", conf);
        var types = System.Text.RegularExpressions.Regex.Match(conf, @"\ngzip_types ([^;]+);").Groups[1].Value.Split(' ');
        // HTML is always compressed once gzip is on (listing it again is an nginx warning).
        foreach (var type in new[] { "text/css", "application/javascript", "application/json", "application/xml", "application/atom+xml", "image/svg+xml", "text/calendar", "text/csv" })
            Assert.Contains(type, types);
        Assert.DoesNotContain("text/html", types);
        // nginx's own mime.types knows neither .ics nor .csv: without a type of their own they would go out uncompressed as octet-stream.
        Assert.Contains(@"location ~ \.ics$ { default_type text/calendar; }", conf);
        Assert.Contains(@"location ~ \.csv$ { default_type text/csv; }", conf);
        // No .gz files are written, so no gzip_static.
        Assert.Empty(Directory.EnumerateFiles(SampleSite.Output, "*.gz", SearchOption.AllDirectories));
        Assert.DoesNotContain("gzip_static", conf);
    }

    [Fact]
    public void Apache_and_caddy_compress_too()
    {
        Assert.Contains("AddOutputFilterByType DEFLATE text/html text/css", ServerConfig.Htaccess("/", ["/embed/"], ServerConfig.HeaderPolicy));
        Assert.Contains("encode gzip", ServerConfig.Caddy("x.gov.vn", "/", ["/embed/"], ServerConfig.HeaderPolicy));
    }
}
