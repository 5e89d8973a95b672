namespace CchcPortal.Site.Render;

/// <summary>The portal's clean, stable URLs (paths from the site root, without the language prefix).</summary>
public static class Routes
{
    public const string Home = "";
    public const string Units = "don-vi/";
    public const string Areas = "linh-vuc/";
    public const string Monitoring = "theo-doi/";
    public const string Supervisions = "giam-sat/";
    public const string Search = "search/";
    public const string OpenData = "du-lieu/";
    public const string Embed = "embed/";
    public const string NotFound = "404.html";

    public static string Plan(string plan) => $"ke-hoach/{plan}/";
    public static string Task(string plan, string id) => $"ke-hoach/{plan}/nhiem-vu/{id}/";
    public static string Target(string plan, string id) => $"ke-hoach/{plan}/chi-tieu/{id}/";
    public static string Report(string plan, string id) => $"ke-hoach/{plan}/bao-cao/{id}/";
    public static string Unit(string id) => $"don-vi/{id}/";
    public static string Area(string id) => $"linh-vuc/{id}/";
    public static string Page(string slug) => $"trang/{slug}/";
    public static string Supervision(string id) => $"giam-sat/{id}/";
    /// <summary>The anchor of a recommendation on its supervision's page ("kn-2").</summary>
    public static string RecommendationAnchor(int no) => $"kn-{no}";

    /// <summary>The Atom feed of a unit (what it leads) and of an area, beside their pages, in each language.</summary>
    public static string UnitFeed(string id) => $"don-vi/{id}/feed.xml";
    public static string AreaFeed(string id) => $"linh-vuc/{id}/feed.xml";

    /// <summary>A unit's calendar of due dates (open data, in the default language only: site-root path).</summary>
    public static string UnitCalendar(string id) => $"data/units/{id}.ics";
    /// <summary>A commune's page in a province's roll-up.</summary>
    public static string Commune(string id) => $"xa/{id}/";

    /// <summary>The path of a page in a language: the default language at the root, the others under /lang/.</summary>
    public static string InLanguage(string path, string lang, string defaultLang) => lang == defaultLang ? path : $"{lang}/{path}";

    /// <summary>The inverse of <see cref="InLanguage"/>: a page's path in <paramref name="lang"/> without its language prefix.</summary>
    public static string WithoutLanguage(string path, string lang, string defaultLang) => lang == defaultLang ? path : path[(lang.Length + 1)..];

    /// <summary>The file a path is written to.</summary>
    public static string FileOf(string path) => path.Length == 0 || path.EndsWith('/') ? path + "index.html" : path;

    /// <summary>"../" once per folder of the page, so links are relative and the site works in any sub-folder.</summary>
    public static string RootOf(string path)
    {
        var depth = FileOf(path).Count(c => c == '/');
        return depth == 0 ? "" : string.Concat(Enumerable.Repeat("../", depth));
    }

    public static string Relative(string root, string target) => root + target is { Length: > 0 } s ? s : "./";
}
