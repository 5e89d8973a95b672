using CchcPortal.Core.Text;

namespace CchcPortal.Site.Index;

/// <summary>Markdown to the plain text that search indexes and quotes in snippets: no markup, single spaces.</summary>
public static class PlainText
{
    public static string Of(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? ""
        : IsProse(markdown) ? TextFold.CollapseSpaces(markdown).Trim()
        : ByMarkdig(markdown);

    /// <summary>What Markdig's plain-text rendering gives, single-spaced: the reference the fast path must agree with.</summary>
    public static string ByMarkdig(string markdown) =>
        string.IsNullOrWhiteSpace(markdown) ? "" : TextFold.CollapseSpaces(Markdig.Markdown.ToPlainText(markdown)).Trim();

    /// <summary>
    /// Prose Markdown leaves as it is (single-spaced): letters, digits, marks, spaces, line breaks and plain punctuation
    /// only, no line indented four spaces and no line that could start a list ("- ", "1.", "2)"). Most bodies of tasks
    /// and targets are such paragraphs; they need no parse (FsCheck compares both ways on any text).
    /// </summary>
    public static bool IsProse(string markdown)
    {
        var lineStart = true;
        var indent = 0;
        for (var i = 0; i < markdown.Length; i++)
        {
            var c = markdown[i];
            if (c is '\n' or '\r') { lineStart = true; indent = 0; continue; }
            if (lineStart)
            {
                if (c == ' ') { if (++indent >= 4) return false; continue; }
                lineStart = false;
                if (c == '-') return false;
                if (char.IsAsciiDigit(c))
                {
                    var j = i;
                    while (j < markdown.Length && char.IsAsciiDigit(markdown[j])) j++;
                    if (j < markdown.Length && markdown[j] is '.' or ')') return false;
                }
            }
            if (c == ' ' || char.IsLetterOrDigit(c) || Prose.Contains(c)) continue;
            if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark) continue;
            return false;
        }
        return true;
    }

    private static readonly System.Buffers.SearchValues<char> Prose = System.Buffers.SearchValues.Create(".,;:()?'\"/%-–“”‘’…");
}
