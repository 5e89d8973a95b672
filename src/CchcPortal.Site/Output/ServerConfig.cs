using CchcPortal.Core.Model;
using CchcPortal.Site.Build;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Output;

/// <summary>
/// Web server configuration written beside the pages: nginx, Caddy and Apache (.htaccess), each with clean URLs,
/// the 404 page, long caching for hashed assets, no-cache for HTML and the Content-Security-Policy as a header.
/// </summary>
public sealed class ServerConfig : ISiteOutput
{
    /// <summary>The one definition of the policy: the layouts' meta tag reads it from the page context, the server files from here.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

    /// <summary>As a header the policy may also forbid framing, which a meta tag cannot express: every page may be framed by
    /// the portal itself only (clickjacking)...</summary>
    public const string HeaderPolicy = ContentSecurityPolicy + "; frame-ancestors 'self'";

    /// <summary>...except /embed/ (and each language's), which the sites of <c>embed_origins:</c> may frame too.</summary>
    public static string EmbedPolicy(IReadOnlyList<string> origins) =>
        origins.Count == 0 ? HeaderPolicy : HeaderPolicy + " " + string.Join(' ', origins);

    /// <summary>The folders of the embeddable card from the site root, one per language ("embed/", "en/embed/").</summary>
    public static IEnumerable<string> EmbedPaths(SiteConfig config) =>
        config.Languages.Select(lang => Routes.InLanguage(Routes.Embed, lang, config.DefaultLanguage));

    /// <summary>The policy a server sends for a path from the site root: what the files below write, for tests and <c>cchc serve</c>.</summary>
    public static string HeaderPolicyFor(string path, SiteConfig config) =>
        Editor.EditorOutput.IsEditorPath("/" + path.TrimStart('/')) ? Editor.EditorOutput.HeaderPolicy(config.Editor)
        : EmbedPaths(config).Any(p => path.TrimStart('/').StartsWith(p, StringComparison.Ordinal)) ? EmbedPolicy(config.EmbedOrigins) : HeaderPolicy;

    /// <summary>The web editor is never indexed (its page says so too).</summary>
    public const string EditorRobots = "noindex, nofollow";

    public const string AssetCache = "public, max-age=31536000, immutable";
    public const string HtmlCache = "no-cache";
    public const string Folder = "_server/";

    public void Write(BuildContext context, SiteWriter writer)
    {
        var config = context.Portal.Config;
        var (host, prefix) = Split(config.BaseUrl);
        var embed = EmbedPaths(config).Select(p => prefix + p).ToList();
        var embedPolicy = EmbedPolicy(config.EmbedOrigins);
        // The web editor at /admin/, when there is one, has a policy of its own (it talks to its git host's API).
        var editor = config.Editor is { } e ? Editor.EditorOutput.HeaderPolicy(e) : null;
        writer.WriteText(Folder + "nginx.conf", Nginx(prefix, embed, embedPolicy, editor));
        writer.WriteText(Folder + "Caddyfile", Caddy(host, prefix, embed, embedPolicy, editor));
        writer.WriteText(".htaccess", Htaccess(prefix, embed, embedPolicy, editor));
    }

    /// <summary>"https://x.gov.vn/cchc/" → ("x.gov.vn", "/cchc/"); a relative base URL keeps the root.</summary>
    public static (string Host, string Prefix) Split(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? (uri.Host, uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/") : ("localhost", "/");

    /// <summary>What the servers compress besides HTML: CSS, JavaScript, JSON (search index, open data), XML (sitemap, feeds),
    /// SVG, iCalendar and CSV.</summary>
    public static readonly string[] CompressedTypes =
    [
        "text/css", "application/javascript", "text/javascript", "application/json", "application/xml", "text/xml",
        "application/atom+xml", "image/svg+xml", "text/calendar", "text/csv", "application/ld+json", "text/turtle",
    ];

    /// <summary>The media types of the files servers do not all know by their extension (the DCAT-AP catalog, calendars, CSV).</summary>
    public static readonly (string Extension, string MediaType)[] DataTypes =
        [("ics", "text/calendar"), ("csv", "text/csv"), ("jsonld", "application/ld+json"), ("ttl", "text/turtle")];

    public static string Nginx(string prefix, IReadOnlyList<string> embed, string embedPolicy, string? editorPolicy = null)
    {
        // nginx drops server-level add_header lines in a location that has its own, so each location repeats them.
        static string Headers(string policy) => string.Concat(
            $"    add_header Content-Security-Policy \"{policy}\" always;\n",
            "    add_header X-Content-Type-Options \"nosniff\" always;\n",
            "    add_header Referrer-Policy \"strict-origin-when-cross-origin\" always;\n");
        var headers = Headers(HeaderPolicy);
        // The card may be framed by the commune's own website (embed_origins); the longest prefix wins over the site's.
        var cards = string.Concat(embed.Select(path => string.Concat(
            $"location {path} {{\n",
            $"    add_header Cache-Control \"{HtmlCache}\" always;\n", Headers(embedPolicy),
            "    try_files $uri $uri/ $uri/index.html =404;\n}\n\n")));
        var root = prefix == "/" ? "the built public/ folder" : $"the folder that holds public/ copied as {prefix.Trim('/')}/";
        return string.Concat(
            "# cchc: cấu hình nginx — đặt trong khối server { }. / nginx configuration — put inside a server { } block.\n",
            $"# root /var/www/cchc;   # {root}\n",
            "charset utf-8;\n",
            "charset_types text/css text/xml text/plain application/javascript application/json application/atom+xml text/calendar text/csv application/ld+json text/turtle;\n",
            "index index.html;\n",
            $"error_page 404 {prefix}404.html;\n\n",
            "# Nén khi gửi (HTML luôn được nén khi bật). / Compress on the fly (HTML always is once on).\n",
            "gzip on;\n",
            "gzip_vary on;\n",
            "gzip_comp_level 5;\n",
            "gzip_min_length 256;\n",
            $"gzip_types {string.Join(' ', CompressedTypes)};\n\n",
            $"location ^~ {prefix}{Folder} {{ deny all; }}\n\n",
            $"# Tên tệp có mã băm nội dung: lưu đệm một năm. / Names carry a content hash: cache for a year.\n",
            $"location ^~ {prefix}assets/ {{\n",
            $"    add_header Cache-Control \"{AssetCache}\" always;\n", headers,
            "    try_files $uri =404;\n}\n\n",
            editorPolicy is null ? "" : string.Concat(
                "# Trình soạn thảo web: chính sách riêng, không lập chỉ mục. / The web editor: a policy of its own, not indexed.\n",
                $"location ^~ {prefix}{Editor.EditorOutput.Folder} {{\n",
                $"    add_header Cache-Control \"{HtmlCache}\" always;\n", Headers(editorPolicy),
                $"    add_header X-Robots-Tag \"{EditorRobots}\" always;\n",
                "    try_files $uri $uri/ =404;\n}\n\n"),
            "# Thẻ tiến độ để nhúng vào trang của xã (embed_origins). / The card other sites may frame (embed_origins).\n",
            cards,
            "# Trang HTML luôn hỏi lại máy chủ. / HTML is always revalidated.\n",
            $"location {prefix} {{\n",
            $"    add_header Cache-Control \"{HtmlCache}\" always;\n", headers,
            "    try_files $uri $uri/ $uri/index.html =404;\n",
            "    # mime.types của nginx không có .ics, .csv, .jsonld, .ttl. / nginx's mime.types lacks .ics, .csv, .jsonld and .ttl.\n",
            string.Concat(DataTypes.Select(d => $"    location ~ \\.{d.Extension}$ {{ default_type {d.MediaType}; }}\n")),
            "}\n");
    }

    public static string Caddy(string host, string prefix, IReadOnlyList<string> embed, string embedPolicy, string? editorPolicy = null)
    {
        var path = prefix == "/" ? "" : prefix.TrimEnd('/');
        // Matchers that exclude each other, so the order Caddy sorts header directives in does not matter.
        var cards = string.Join(' ', embed.Select(p => p + "*"));
        var admin = $"{path}/{Editor.EditorOutput.Folder}*";
        var editor = editorPolicy is null ? "" : $"""
            	@editor path {admin}
            	header @editor Content-Security-Policy "{editorPolicy}"
            	header @editor X-Robots-Tag "{EditorRobots}"

            """.Replace("\r\n", "\n");
        return $$"""
            # cchc: Caddyfile — thay /var/www/cchc bằng thư mục public/ đã tạo. / Replace /var/www/cchc with the built public/ folder.
            {{host}} {
            	encode gzip
            	@card path {{cards}}
            	@page not path {{cards}}{{(editorPolicy is null ? "" : " " + admin)}}
            	header @page Content-Security-Policy "{{HeaderPolicy}}"
            	header @card Content-Security-Policy "{{embedPolicy}}"
            {{editor}}	header {
            		X-Content-Type-Options "nosniff"
            		Referrer-Policy "strict-origin-when-cross-origin"
            	}
            	@jsonld path *.jsonld
            	header @jsonld Content-Type "application/ld+json; charset=utf-8"
            	@turtle path *.ttl
            	header @turtle Content-Type "text/turtle; charset=utf-8"
            	@html not path {{path}}/assets/*
            	header @html Cache-Control "{{HtmlCache}}"
            	header {{path}}/assets/* Cache-Control "{{AssetCache}}"
            	respond {{path}}/{{Folder}}* 404
            	handle_path {{path}}/* {
            		root * /var/www/cchc
            		file_server
            	}
            	handle_errors {
            		@notfound expression {err.status_code} == 404
            		handle @notfound {
            			root * /var/www/cchc
            			rewrite * /404.html
            			file_server
            		}
            	}
            }

            """.Replace("\r\n", "\n");
    }

    public static string Htaccess(string prefix, IReadOnlyList<string> embed, string embedPolicy, string? editorPolicy = null) => $"""
        # cchc: cấu hình Apache — tệp này nằm ở gốc thư mục public/. / Apache configuration for the root of public/.
        Options -Indexes -MultiViews
        DirectoryIndex index.html
        DirectorySlash On
        AddDefaultCharset utf-8
        ErrorDocument 404 {prefix}404.html
        RedirectMatch 404 ^{prefix}{Folder}

        <IfModule mod_deflate.c>
          AddOutputFilterByType DEFLATE text/html {string.Join(' ', CompressedTypes)}
        </IfModule>
        AddType "text/calendar; charset=utf-8" .ics
        AddType "text/csv; charset=utf-8" .csv
        AddType "application/ld+json; charset=utf-8" .jsonld
        AddType "text/turtle; charset=utf-8" .ttl

        <IfModule mod_headers.c>
          # Thẻ tiến độ (embed/) được nhúng vào trang của xã (embed_origins). / embed/ may be framed by embed_origins.
          {(editorPolicy is null ? "" : EditorHtaccess(prefix, editorPolicy))}<{(editorPolicy is null ? "" : "Else")}If "%{"{"}REQUEST_URI{"}"} =~ m#^({string.Join('|', embed.Select(System.Text.RegularExpressions.Regex.Escape))})#">
            Header always set Content-Security-Policy "{embedPolicy}"
          </{(editorPolicy is null ? "" : "Else")}If>
          <Else>
            Header always set Content-Security-Policy "{HeaderPolicy}"
          </Else>
          Header always set X-Content-Type-Options "nosniff"
          Header always set Referrer-Policy "strict-origin-when-cross-origin"
          Header set Cache-Control "{HtmlCache}"
          # Tài nguyên có mã băm trong tên: lưu đệm một năm. / Assets with a content hash in their names: cache for a year.
          <FilesMatch "\.[0-9a-f]{"{10}"}\.[A-Za-z0-9]+$">
            Header set Cache-Control "{AssetCache}"
          </FilesMatch>
        </IfModule>

        """.Replace("\r\n", "\n");

    /// <summary>The web editor's headers in .htaccess: an &lt;If&gt; before the card's, which becomes &lt;ElseIf&gt;.</summary>
    private static string EditorHtaccess(string prefix, string editorPolicy) =>
        $"# Trình soạn thảo web: chính sách riêng, không lập chỉ mục. / The web editor: a policy of its own, not indexed.\n" +
        $"  <If \"%{{REQUEST_URI}} =~ m#^{System.Text.RegularExpressions.Regex.Escape(prefix + Editor.EditorOutput.Folder)}#\">\n" +
        $"    Header always set Content-Security-Policy \"{editorPolicy}\"\n" +
        $"    Header always set X-Robots-Tag \"{EditorRobots}\"\n" +
        "  </If>\n  ";
}
