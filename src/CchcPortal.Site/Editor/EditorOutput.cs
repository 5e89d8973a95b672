using System.Reflection;
using CchcPortal.Core.Model;
using CchcPortal.Site.Build;
using CchcPortal.Site.Output;

namespace CchcPortal.Site.Editor;

/// <summary>
/// The web editor at /admin/, written only when site.yaml has <c>editor:</c> (or for <c>cchc serve</c>'s local editor):
/// Sveltia CMS's released bundle, shipped inside cchc (no network, no third-party script), its licence, its Vietnamese
/// interface strings, and a configuration generated from the content contract. Never in the sitemap or the search
/// index (those list pages, and /admin/ is not one), <c>noindex</c>, with a Content-Security-Policy of its own.
/// </summary>
public sealed class EditorOutput : ISiteOutput
{
    public const string Folder = "admin/";
    /// <summary>The pinned release; <c>scripts/update-cms.sh</c> fetches it from npm.</summary>
    public const string CmsVersion = "0.221.1";
    public const string CmsPackage = "@sveltia/cms";

    /// <summary>The files shipped inside cchc, as written to /admin/.</summary>
    public static readonly IReadOnlyList<string> ShippedFiles =
    [
        "sveltia-cms.js", "LICENSE.txt", "vi.json",
        // The interface's fonts (its icons are a font), which the bundle would fetch from a CDN, and their licence.
        "material-symbols-outlined-latin-wght-normal.woff2", "source-sans-3-latin-wght-normal.woff2", "noto-mono-latin-400-normal.woff2",
        "FONTS-LICENSE.txt",
    ];

    public void Write(BuildContext context, SiteWriter writer)
    {
        var config = context.Portal.Config;
        if (config.Editor is null && !context.LocalEditor) return;
        foreach (var name in ShippedFiles)
            if (name == "vi.json") writer.WriteText(Folder + name, VietnameseStrings());
            else writer.WriteBytes(Folder + name, Shipped(name));
        writer.WriteText(Folder + "cchc-admin.js", StartScript);
        writer.WriteText(Folder + EditorForm.ScriptFile, EditorForm.Script);
        writer.WriteText(Folder + EditorForm.DataFile, EditorForm.Data(context.AllPlans));
        writer.WriteText(Folder + "index.html", IndexHtml(config));
        writer.WriteText(Folder + "config.yml", CmsConfig.Generate(config, context.AllPlans));
    }

    /// <summary>
    /// Strings the pinned release's Vietnamese locale lacks, which staff meet in the flow the guide shows (the button of
    /// the "Có … trường bị lỗi" message said "Show Errors").
    /// </summary>
    internal static readonly IReadOnlyList<(string Key, string Text)> MissingVietnamese = [("show_errors", "Xem lỗi")];

    /// <summary>The release's vi.json with <see cref="MissingVietnamese"/> added at its top level (keys it already has are kept).</summary>
    public static string VietnameseStrings()
    {
        var json = System.Text.Encoding.UTF8.GetString(Shipped("vi.json")).TrimEnd();
        var end = json.LastIndexOf('}');
        var added = string.Concat(MissingVietnamese.Where(x => !json.Contains($"\"{x.Key}\":", StringComparison.Ordinal))
            .Select(x => $",\"{x.Key}\":\"{System.Text.Json.JsonEncodedText.Encode(x.Text, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\""));
        return json[..end] + added + "}\n";
    }

    /// <summary>A path of the editor in the output folder as <c>cchc serve</c> serves it ("/admin/", "/admin/config.yml").</summary>
    public static bool IsEditorPath(string path) => path == "/admin" || path.StartsWith("/" + Folder, StringComparison.Ordinal);

    public static byte[] Shipped(string name)
    {
        using var stream = typeof(EditorOutput).Assembly.GetManifestResourceStream("cms/" + name)
            ?? throw new InvalidOperationException($"cchc was built without its editor file {name}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// What the editor may load: its own files; the git host's API (GitHub or GitLab) to read and commit; images of the
    /// repository and avatars from the host; styles set by the editor's script; workers and previews from blob: URLs.
    /// Every public page keeps <see cref="ServerConfig.ContentSecurityPolicy"/>.
    /// </summary>
    public static string Policy(EditorSettings? editor)
    {
        var hosts = editor?.Backend == "gitlab"
            ? "https://gitlab.com"
            : "https://api.github.com https://raw.githubusercontent.com";
        var images = editor?.Backend == "gitlab"
            ? "https://gitlab.com https://secure.gravatar.com"
            : "https://avatars.githubusercontent.com https://raw.githubusercontent.com";
        return $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: {images}; " +
            $"media-src 'self' blob:; connect-src 'self' blob: data: {hosts}; worker-src 'self' blob:; frame-src 'self' blob:; " +
            "font-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'";
    }

    /// <summary>As a header, the editor may not be framed by anyone (a meta tag cannot say so).</summary>
    public static string HeaderPolicy(EditorSettings? editor) => Policy(editor) + "; frame-ancestors 'none'";

    private static string IndexHtml(SiteConfig config) => $"""
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <meta http-equiv="Content-Security-Policy" content="{Policy(config.Editor)}">
        <link rel="icon" href="data:,">
        <title>Soạn thảo nội dung — {System.Net.WebUtility.HtmlEncode(config.Title)}</title>
        <link href="config.yml" type="application/yaml" rel="cms-config-url">
        <script src="cchc-admin.js"></script>
        <script src="{EditorForm.ScriptFile}"></script>
        <script src="sveltia-cms.js"></script>
        </head>
        <body>
        <noscript>Trình soạn thảo cần JavaScript. / The editor needs JavaScript.</noscript>
        </body>
        </html>

        """.Replace("\r\n", "\n");

    /// <summary>
    /// Runs before the editor: its interface in Vietnamese unless the user chose another language; its interface strings
    /// and fonts read from this folder instead of the CDN the bundle names; its update and status checks not sent.
    /// Nothing leaves the site but the git host's API.
    /// </summary>
    private const string StartScript = $$"""
        // cchc: chạy trước trình soạn thảo. / Runs before the editor.
        (function () {
          "use strict";
          var strings = "https://unpkg.com/{{CmsPackage}}@{{CmsVersion}}/locales/vi.json";
          var here = new URL("vi.json", document.currentScript.src).href;
          var offline = /^https:\/\/(unpkg\.com|cdn\.jsdelivr\.net|www\.githubstatus\.com)\//;
          var fetchFromNetwork = window.fetch.bind(window);
          window.fetch = function (input, init) {
            var url = typeof input === "string" ? input : input instanceof URL ? input.href : input && input.url;
            if (url === strings) return fetchFromNetwork(here, init);
            if (url && offline.test(url)) return Promise.reject(new TypeError("cchc: the editor works offline"));
            return fetchFromNetwork(input, init);
          };
          // The bundle's @font-face rules name a CDN: the same files are here.
          var font = /https:\/\/cdn\.jsdelivr\.net\/fontsource\/fonts\/([a-z0-9-]+)(?::vf)?@[0-9.]+\/([a-z0-9-]+\.woff2)/g;
          var local = function (node) {
            if (node.nodeName === "STYLE" && font.test(node.textContent)) node.textContent = node.textContent.replace(font, "$1-$2");
            font.lastIndex = 0;
          };
          new MutationObserver(function (changes) {
            changes.forEach(function (c) { c.addedNodes.forEach(local); });
          }).observe(document.documentElement, { childList: true, subtree: true });
          try {
            var key = "sveltia-cms.prefs";
            var prefs = JSON.parse(localStorage.getItem(key) || "{}") || {};
            if (!prefs.locale) { prefs.locale = "vi"; localStorage.setItem(key, JSON.stringify(prefs)); }
          } catch (e) { /* private browsing: the browser's language decides */ }
        })();

        """;
}
