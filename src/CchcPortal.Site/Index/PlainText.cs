using CchcPortal.Core.Text;

namespace CchcPortal.Site.Index;

/// <summary>Markdown to the plain text that search indexes and quotes in snippets: no markup, single spaces.</summary>
public static class PlainText
{
    public static string Of(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : TextFold.CollapseSpaces(Markdig.Markdown.ToPlainText(markdown)).Trim();
}
