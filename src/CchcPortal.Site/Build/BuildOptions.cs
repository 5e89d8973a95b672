namespace CchcPortal.Site.Build;

public sealed record BuildOptions(string Source, string Output, bool Write = true, DateOnly? Today = null)
{
    /// <summary>Parsed files kept between builds by <c>cchc serve</c>; null for a one-off build.</summary>
    public CchcPortal.Core.Loading.ParseCache? ParseCache { get; init; }
    /// <summary>The caches of the site <c>cchc serve</c> prepared before this one (it takes what it uses again); null for a one-off build.</summary>
    public RenderCaches? Previous { get; init; }
    /// <summary>Compile layouts to delegates where they allow it; false has Scriban interpret every page (the two must agree).</summary>
    public bool CompileLayouts { get; init; } = true;
    /// <summary>Write the web editor at /admin/ for the local files even without <c>editor:</c> (<c>cchc serve</c>).</summary>
    public bool LocalEditor { get; init; }
}

public sealed record BuildResult(
    IReadOnlyList<CchcPortal.Core.Diagnostics.Diagnostic> Diagnostics, bool Success, int Pages, int Files, long Bytes,
    TimeSpan Elapsed, IReadOnlyDictionary<string, CchcPortal.Core.Diagnostics.Sentence> Summary)
{
    public int Errors => Diagnostics.Count(d => d.Severity == CchcPortal.Core.Diagnostics.Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == CchcPortal.Core.Diagnostics.Severity.Warning);
}
