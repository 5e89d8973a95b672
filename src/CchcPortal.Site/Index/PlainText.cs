using System.Text.RegularExpressions;

namespace CchcPortal.Site.Index;

/// <summary>Markdown to the plain text that search indexes and quotes in snippets: no markup, single spaces.</summary>
public static partial class PlainText
{
    public static string Of(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : Spaces().Replace(Markdig.Markdown.ToPlainText(markdown), " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
