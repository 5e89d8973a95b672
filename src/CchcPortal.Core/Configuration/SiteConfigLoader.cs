using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;

namespace CchcPortal.Core.Configuration;

/// <summary>Reads <c>site.yaml</c>.</summary>
public static class SiteConfigLoader
{
    public static readonly string[] Keys = ["title", "commune", "province", "base_url", "languages", "as_of", "theme", "license"];
    public const string DefaultLicense = "CC BY 4.0";

    public static SiteConfig? Load(string sourceDir, DiagnosticBag bag, DateOnly today)
    {
        var path = Path.Combine(sourceDir, "site.yaml");
        if (!File.Exists(path)) { bag.Error("CC0023", new("site.yaml"), Path.GetFullPath(sourceDir)); return null; }
        var text = SourceText.Read(path, "site.yaml", bag);
        if (text is null) return null;
        var yaml = SourceDocument.ParseYaml("site.yaml", text, 0, bag, out var ok);
        if (!ok || yaml is null) return null;
        var f = new Fields(yaml, "site.yaml", 0, bag, Keys);
        var title = f.Text("title", required: true) ?? "";
        var languages = f.TextList("languages").Select(l => l.Value.ToLowerInvariant()).Distinct().ToList();
        foreach (var (lang, at) in f.TextList("languages"))
            if (!Ids.IsLanguage(lang)) bag.Error("CC0021", at, lang, "languages", "vi, en, fr, zh, ...");
        if (languages.Count == 0) languages.Add("vi");
        var asOf = f.Date("as_of");
        var baseUrl = f.Text("base_url") ?? "/";
        if (!baseUrl.EndsWith('/')) baseUrl += "/";
        return new SiteConfig(title, f.Text("commune"), f.Text("province"), baseUrl, languages.Where(Ids.IsLanguage).DefaultIfEmpty("vi").ToList(),
            asOf ?? today, asOf is not null, f.Text("theme") ?? "default", f.Text("license") ?? DefaultLicense)
        { AsOfAt = asOf is null ? null : f.At("as_of") };
    }
}
