using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;

namespace CchcPortal.Core.Configuration;

/// <summary>Reads <c>site.yaml</c>.</summary>
public static class SiteConfigLoader
{
    public static readonly string[] Keys = ["title", "commune", "province", "base_url", "languages", "as_of", "historical", "theme", "license", "embed_origins", "editor", "communes"];
    public static readonly string[] EditorKeys = ["backend", "repo", "branch"];
    public const string DefaultLicense = "CC BY 4.0";

    public static SiteConfig? Load(string sourceDir, DiagnosticBag bag, DateOnly today)
    {
        var path = Path.Combine(sourceDir, "site.yaml");
        if (!File.Exists(path)) { bag.Add(Diagnostic.NoSiteYaml(Path.GetFullPath(sourceDir))); return null; }
        var text = SourceText.Read(path, "site.yaml", bag);
        if (text is null) return null;
        var yaml = SourceDocument.ParseYaml("site.yaml", text, 0, bag, out var ok);
        if (!ok || yaml is null) return null;
        var f = new Fields(yaml, "site.yaml", 0, bag, Keys);
        var title = f.Text("title", required: true) ?? "";
        var languages = f.TextList("languages").Select(l => l.Value.ToLowerInvariant()).Distinct().ToList();
        foreach (var (lang, at) in f.TextList("languages"))
            if (!Ids.IsLanguage(lang)) bag.Add(Diagnostic.InvalidChoice(at, lang, "\"languages\"", Diagnostic.ChoiceList(["vi", "en", "fr", "zh", "..."])));
        if (languages.Count == 0) languages.Add("vi");
        var asOf = f.Date("as_of");
        var baseUrl = f.Text("base_url") ?? "/";
        if (!baseUrl.EndsWith('/')) baseUrl += "/";
        return new SiteConfig(title, f.Text("commune"), f.Text("province"), baseUrl, languages.Where(Ids.IsLanguage).DefaultIfEmpty("vi").ToList(),
            asOf ?? today, asOf is not null, f.Text("theme") ?? "default", f.Text("license") ?? DefaultLicense, Editor(f, bag))
        {
            EmbedOrigins = LoadEmbedOrigins(f, bag),
            Communes = LoadCommunes(f, bag),
            AsOfAt = asOf is null ? null : f.At("as_of"),
            Historical = f.Boolean("historical") ?? false,
        };
    }

    /// <summary><c>embed_origins:</c> each a site's origin (CC0041 otherwise).</summary>
    private static List<string> LoadEmbedOrigins(Fields f, DiagnosticBag bag)
    {
        var origins = new List<string>();
        foreach (var (text, at) in f.TextList("embed_origins"))
        {
            if (EmbedOrigins.Normalise(text, out var suggestion) is { } origin) { if (!origins.Contains(origin)) origins.Add(origin); continue; }
            bag.Add(Diagnostic.NotAnOrigin(at, text, suggestion));
        }
        return origins;
    }

    /// <summary>
    /// <c>communes:</c> (a province's roll-up): each the address of a commune's portal, http(s), ending in "/" (CC0100);
    /// the same address twice is read once (CC0101).
    /// </summary>
    private static List<CommuneSource> LoadCommunes(Fields f, DiagnosticBag bag)
    {
        var communes = new List<CommuneSource>();
        foreach (var (text, at) in f.TextList("communes"))
        {
            var url = text.Trim();
            if (!url.Contains("://", StringComparison.Ordinal) && url.Contains('.', StringComparison.Ordinal) && !url.Contains(' ', StringComparison.Ordinal))
            {
                bag.Add(Diagnostic.NotACommuneAddress(at, text, "https://" + url.TrimStart('/')));
                continue;
            }
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0
                || uri.Query.Length > 0 || uri.Fragment.Length > 0)
            {
                bag.Add(Diagnostic.NotACommuneAddress(at, text, null));
                continue;
            }
            // The portal's root: its data package is at data/datapackage.json below it.
            var root = uri.GetLeftPart(UriPartial.Path);
            if (root.EndsWith("/index.html", StringComparison.Ordinal)) root = root[..^"index.html".Length];
            if (!root.EndsWith('/')) root += "/";
            if (communes.FirstOrDefault(c => string.Equals(c.Url, root, StringComparison.OrdinalIgnoreCase)) is { } first)
            {
                bag.Add(Diagnostic.CommuneListedTwice(at, root, first.At.Line));
                continue;
            }
            communes.Add(new CommuneSource(root, at));
        }
        return communes;
    }

    /// <summary><c>editor: { backend: github | gitlab, repo: owner/name, branch: main }</c>; null when absent or wrong (reported).</summary>
    private static EditorSettings? Editor(Fields site, DiagnosticBag bag)
    {
        if (site.Map("editor", EditorKeys) is not { } e) return null;
        var backend = e.Text("backend", required: true);
        var repo = e.Text("repo", required: true);
        var ok = backend is not null && repo is not null;
        if (backend is not null && !EditorSettings.Backends.Contains(backend))
        {
            bag.Add(Diagnostic.InvalidChoice(e.At("backend"), backend, "\"editor.backend\"", Diagnostic.ChoiceList(EditorSettings.Backends)));
            ok = false;
        }
        // GitHub: owner/name; GitLab also groups and subgroups: group/sub/name.
        if (repo is not null && !IsRepo(repo, backend == "gitlab"))
        {
            bag.Add(Diagnostic.InvalidRepo(e.At("repo"), repo, backend == "gitlab" ? "nhom/ten-kho" : "chu-so-huu/ten-kho"));
            ok = false;
        }
        var branch = e.Text("branch") ?? "main";
        if (branch.Any(c => char.IsWhiteSpace(c) || c is '~' or '^' or ':' or '?' or '*' or '[' or '\\') || branch.Contains("..", StringComparison.Ordinal))
        {
            bag.Add(Diagnostic.InvalidBranch(e.At("branch"), branch));
            ok = false;
        }
        return ok ? new EditorSettings(backend!, repo!, branch) : null;
    }

    private static bool IsRepo(string repo, bool groups)
    {
        var parts = repo.Split('/');
        return parts.Length == 2 || (groups && parts.Length > 2)
            ? parts.All(p => p.Length > 0 && p.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && p is not ("." or ".."))
            : false;
    }

    /// <summary>
    /// Hints for a valid site, which <c>cchc check</c> prints (info, neither a mistake nor a risk): without <c>embed_origins:</c>,
    /// how to let the commune's own website show the progress card (CC0042).
    /// </summary>
    public static void Hints(SiteConfig config, DiagnosticBag bag)
    {
        if (config.EmbedOrigins.Count > 0) return;
        var own = Uri.TryCreate(config.BaseUrl, UriKind.Absolute, out var u) ? u : null;
        bag.Add(Diagnostic.EmbedHint(config.BaseUrl + "embed/", own is null ? new Sentence("chính cổng này", "this portal") : own.GetLeftPart(UriPartial.Authority),
            EmbedExample(config.BaseUrl) is { } example ? example : new Sentence("https://ten-xa.tinh.gov.vn", "https://commune.province.gov.vn")));
    }

    /// <summary>
    /// An origin for the <c>embed_origins:</c> example, from the site's own address and never another commune's: the
    /// commune's website beside the portal, on another origin than the portal's (pages of the portal's own origin may
    /// frame the card already). https://binhtan.dongnai.gov.vn for a portal at https://cchc.binhtan.dongnai.gov.vn/;
    /// https://www.binhtan.dongnai.gov.vn for one at https://binhtan.dongnai.gov.vn/cchc/ (a site answers at both,
    /// and a page opened at www. is another origin); null when the address gives no such guess (no host name, or a
    /// host of a publishing service such as github.io).
    /// </summary>
    public static string? EmbedExample(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var own) || own.HostNameType != UriHostNameType.Dns || own.Host.Count(c => c == '.') < 2) return null;
        var host = own.Host.ToLowerInvariant();
        if (new[] { ".github.io", ".gitlab.io", ".netlify.app", ".pages.dev", ".vercel.app" }.Any(h => host.EndsWith(h, StringComparison.Ordinal))) return null;
        var site = host.StartsWith("cchc.", StringComparison.Ordinal) || host.StartsWith("www.", StringComparison.Ordinal) ? host[(host.IndexOf('.') + 1)..] : "www." + host;
        return $"{own.Scheme}://{site}";
    }
}
