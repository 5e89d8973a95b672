namespace CchcPortal.Site.Render;

/// <summary>
/// Where a page is: the path from it to the site root ("../../", or the site's own path for the 404 page) and its
/// language. Every link of a view model is made relative to it, so it is passed to whatever makes one.
/// </summary>
public readonly record struct PageScope(string Root, string Lang);
