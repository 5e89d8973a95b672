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

    /// <summary>As a header the policy may also forbid framing, which a meta tag cannot express.</summary>
    public const string HeaderPolicy = ContentSecurityPolicy + "; frame-ancestors 'self'";

    public const string AssetCache = "public, max-age=31536000, immutable";
    public const string HtmlCache = "no-cache";
    public const string Folder = "_server/";

    public void Write(BuildContext context, SiteWriter writer)
    {
        var (host, prefix) = Split(context.Portal.Config.BaseUrl);
        // The web editor at /admin/, when there is one, has a policy of its own (it talks to its git host's API).
        var editor = context.Portal.Config.Editor is { } e ? Editor.EditorOutput.HeaderPolicy(e) : null;
        writer.WriteText(Folder + "nginx.conf", Nginx(prefix, editor));
        writer.WriteText(Folder + "Caddyfile", Caddy(host, prefix, editor));
        writer.WriteText(".htaccess", Htaccess(prefix));
        if (editor is not null) writer.WriteText(Editor.EditorOutput.Folder + ".htaccess", EditorHtaccess(editor));
    }

    /// <summary>"https://x.gov.vn/cchc/" → ("x.gov.vn", "/cchc/"); a relative base URL keeps the root.</summary>
    public static (string Host, string Prefix) Split(string baseUrl) =>
        Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) ? (uri.Host, uri.AbsolutePath.EndsWith('/') ? uri.AbsolutePath : uri.AbsolutePath + "/") : ("localhost", "/");

    public static string Nginx(string prefix, string? editorPolicy = null)
    {
        // nginx drops server-level add_header lines in a location that has its own, so each location repeats them.
        var headers = string.Concat(
            $"    add_header Content-Security-Policy \"{HeaderPolicy}\" always;\n",
            "    add_header X-Content-Type-Options \"nosniff\" always;\n",
            "    add_header Referrer-Policy \"strict-origin-when-cross-origin\" always;\n");
        var root = prefix == "/" ? "the built public/ folder" : $"the folder that holds public/ copied as {prefix.Trim('/')}/";
        return string.Concat(
            "# cchc: cấu hình nginx — đặt trong khối server { }. / nginx configuration — put inside a server { } block.\n",
            $"# root /var/www/cchc;   # {root}\n",
            "charset utf-8;\n",
            "index index.html;\n",
            $"error_page 404 {prefix}404.html;\n\n",
            $"location ^~ {prefix}{Folder} {{ deny all; }}\n\n",
            $"# Tên tệp có mã băm nội dung: lưu đệm một năm. / Names carry a content hash: cache for a year.\n",
            $"location ^~ {prefix}assets/ {{\n",
            $"    add_header Cache-Control \"{AssetCache}\" always;\n", headers,
            "    try_files $uri =404;\n}\n\n",
            editorPolicy is null ? "" : string.Concat(
                "# Trình soạn thảo web: chính sách riêng, không lập chỉ mục. / The web editor: a policy of its own, not indexed.\n",
                $"location ^~ {prefix}{Editor.EditorOutput.Folder} {{\n",
                $"    add_header Cache-Control \"{HtmlCache}\" always;\n",
                headers.Replace(HeaderPolicy, editorPolicy, StringComparison.Ordinal),
                $"    add_header X-Robots-Tag \"{EditorRobots}\" always;\n",
                "    try_files $uri $uri/ =404;\n}\n\n"),
            "# Trang HTML luôn hỏi lại máy chủ. / HTML is always revalidated.\n",
            $"location {prefix} {{\n",
            $"    add_header Cache-Control \"{HtmlCache}\" always;\n", headers,
            "    try_files $uri $uri/ $uri/index.html =404;\n}\n");
    }

    public static string Caddy(string host, string prefix, string? editorPolicy = null)
    {
        var path = prefix == "/" ? "" : prefix.TrimEnd('/');
        var text = $$"""
            # cchc: Caddyfile — thay /var/www/cchc bằng thư mục public/ đã tạo. / Replace /var/www/cchc with the built public/ folder.
            {{host}} {
            	encode gzip
            	header {
            		Content-Security-Policy "{{HeaderPolicy}}"
            		X-Content-Type-Options "nosniff"
            		Referrer-Policy "strict-origin-when-cross-origin"
            	}
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
        if (editorPolicy is null) return text;
        // Caddy runs every matching header directive: the site's policy is kept off the editor, which gets its own.
        var editor = string.Concat(
            $"\t@editor path {path}/{Editor.EditorOutput.Folder}*\n",
            "\theader @editor {\n",
            $"\t\tContent-Security-Policy \"{editorPolicy}\"\n",
            "\t\tX-Content-Type-Options \"nosniff\"\n",
            "\t\tReferrer-Policy \"strict-origin-when-cross-origin\"\n",
            $"\t\tX-Robots-Tag \"{EditorRobots}\"\n",
            "\t}\n");
        return text
            .Replace("\theader {\n", $"\t@site not path {path}/{Editor.EditorOutput.Folder}*\n\theader @site {{\n", StringComparison.Ordinal)
            .Replace("\t@html not path", editor + "\t@html not path", StringComparison.Ordinal);
    }

    public const string EditorRobots = "noindex, nofollow";

    /// <summary>admin/.htaccess: Apache applies it after the site's, so the editor's policy replaces the site's there.</summary>
    public static string EditorHtaccess(string editorPolicy) => $"""
        # cchc: trình soạn thảo web — chính sách riêng, không lập chỉ mục. / The web editor: a policy of its own, not indexed.
        <IfModule mod_headers.c>
          Header always set Content-Security-Policy "{editorPolicy}"
          Header always set X-Robots-Tag "{EditorRobots}"
        </IfModule>

        """.Replace("\r\n", "\n");

    public static string Htaccess(string prefix) => $"""
        # cchc: cấu hình Apache — tệp này nằm ở gốc thư mục public/. / Apache configuration for the root of public/.
        Options -Indexes -MultiViews
        DirectoryIndex index.html
        DirectorySlash On
        AddDefaultCharset utf-8
        ErrorDocument 404 {prefix}404.html
        RedirectMatch 404 ^{prefix}{Folder}

        <IfModule mod_headers.c>
          Header always set Content-Security-Policy "{HeaderPolicy}"
          Header always set X-Content-Type-Options "nosniff"
          Header always set Referrer-Policy "strict-origin-when-cross-origin"
          Header set Cache-Control "{HtmlCache}"
          # Tài nguyên có mã băm trong tên: lưu đệm một năm. / Assets with a content hash in their names: cache for a year.
          <FilesMatch "\.[0-9a-f]{"{10}"}\.[A-Za-z0-9]+$">
            Header set Cache-Control "{AssetCache}"
          </FilesMatch>
        </IfModule>

        """.Replace("\r\n", "\n");
}
