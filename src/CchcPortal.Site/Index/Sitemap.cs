using System.Text;
using CchcPortal.Site.Build;
using CchcPortal.Site.Output;
using CchcPortal.Site.Render;

namespace CchcPortal.Site.Index;

/// <summary>sitemap.xml with every page in every language and its hreflang alternates; robots.txt pointing to it.
/// From the list of pages, known before any is rendered.</summary>
public sealed class Sitemap : ISiteOutput
{
    public void Write(BuildContext context, SiteWriter writer)
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.Append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        var config = context.Portal.Config;
        foreach (var page in context.Pages.Where(p => p.Listed).OrderBy(p => p.Path, StringComparer.Ordinal))
        {
            // The page's address, and each language's twin as the page's own head links it.
            var path = Routes.WithoutLanguage(page.Path, page.Lang, config.DefaultLanguage);
            sb.Append("<url><loc>").Append(Html.Escape(config.BaseUrl + page.Path)).Append("</loc>");
            foreach (var lang in config.Languages)
                sb.Append("<xhtml:link rel=\"alternate\" hreflang=\"").Append(lang).Append("\" href=\"")
                    .Append(Html.Escape(config.BaseUrl + Routes.InLanguage(path, lang, config.DefaultLanguage))).Append("\"/>");
            sb.Append("</url>\n");
        }
        sb.Append("</urlset>\n");
        writer.WriteText("sitemap.xml", sb);
        writer.WriteText("robots.txt", $"User-agent: *\nAllow: /\nSitemap: {context.Portal.Config.BaseUrl}sitemap.xml\n");
    }
}
