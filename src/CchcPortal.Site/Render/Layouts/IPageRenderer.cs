using CchcPortal.Core.Diagnostics;
using CchcPortal.Site.Build;

namespace CchcPortal.Site.Render.Layouts;

/// <summary>
/// Renders a page: its layout, then <c>_base</c> around it, from the theme's Scriban layouts. What a layout means is
/// Scriban's (<see cref="ScribanRenderer"/>); compiling layouts to delegates (<see cref="CompiledRenderer"/>) is an
/// optimisation that must give the same bytes (CompiledLayoutTests builds every test site both ways).
/// </summary>
public interface IPageRenderer
{
    /// <summary>
    /// Renders a page and hands the finished HTML to <paramref name="write"/> as the renderer's own buffers, valid only
    /// during the call: the page is encoded to its file from there, without a page-sized string and byte array.
    /// False when a layout failed (the error is reported, at its file and place).
    /// </summary>
    bool RenderTo(PageJob job, Strings strings, Action<PageText> write);

    /// <summary>How the pages were rendered, for CCHC_TIMINGS.</summary>
    string Summary { get; }

    /// <summary>A page as a string (serve, tests), or null when a layout failed.</summary>
    string? Render(PageJob job, Strings strings)
    {
        string? html = null;
        return RenderTo(job, strings, page => html = page.ToString()) ? html : null;
    }
}

public static class PageRenderer
{
    /// <param name="caches">The prepared site's caches (layouts parsed); null: the renderer's own.</param>
    /// <param name="compile">Compile layouts where they allow it; false has Scriban interpret every page.</param>
    public static IPageRenderer Create(Theme theme, DiagnosticBag bag, RenderCaches? caches = null, bool compile = true)
    {
        var scriban = new ScribanRenderer(theme, bag, caches ?? new RenderCaches());
        return compile ? new CompiledRenderer(scriban) : scriban;
    }
}
