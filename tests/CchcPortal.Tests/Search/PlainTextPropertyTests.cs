using CchcPortal.Site.Index;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CchcPortal.Tests.Search;

/// <summary>The prose fast path of <see cref="PlainText.Of"/> must give what Markdig's plain text gives, on any text.</summary>
public class PlainTextPropertyTests
{
    // Prose (Vietnamese letters, digits, spaces, line breaks, plain punctuation) mixed with every Markdown
    // character, indents, list starts, tabs, entities and odd characters.
    private static readonly Gen<string> Pieces = Gen.OneOf(
        Gen.Elements("Cải cách", "hành chính", "TTHC", "45/KH-UBND", "98,4%", "(sau đây viết tắt là BTTND)", "“trích dẫn”", "Quý III/2025", "…", "ngày 15.12", "2025."),
        Gen.Elements(" ", "  ", "\n", "\n\n", "\r\n", "    ", "\t", "   "),
        Gen.Elements("- ", "* ", "+ ", "1. ", "2) ", "10.", "# ", "> ", "---", "===", "`", "**", "_", "[a](b)", "<b>", "&amp;", "\\", "|", "~~", "!", "\u00A0", "\u0301", "\0", "=", "-"));

    private static readonly Gen<string> Texts = Pieces.ArrayOf().Select(a => string.Concat(a));

    [Property(MaxTest = 3000)]
    public Property The_fast_path_agrees_with_Markdig() =>
        Prop.ForAll(Texts.ToArbitrary(), s => PlainText.Of(s) == PlainText.ByMarkdig(s));

    [Fact]
    public void Prose_takes_the_fast_path_and_markup_does_not()
    {
        Assert.True(PlainText.IsProse("Rà soát 45/KH-UBND, đạt 98,4% (quý III/2025).\n\nĐoạn hai."));
        Assert.False(PlainText.IsProse("- một\n- hai"));
        Assert.False(PlainText.IsProse("Mở đầu\n1. một"));
        Assert.False(PlainText.IsProse("**đậm**"));
        Assert.Equal("Rà soát TTHC. Đoạn hai.", PlainText.Of("Rà soát TTHC.\n\n  Đoạn hai.  "));
    }
}

/// <summary>The prose fast path of <see cref="CchcPortal.Site.Markdown.MarkdownRenderer.ToHtml"/> must give what Markdig and the sanitiser give.</summary>
public class ProseHtmlPropertyTests
{
    private static readonly Gen<string> Pieces = Gen.OneOf(
        Gen.Elements("Cải cách", "hành chính", "TTHC", "45/KH-UBND", "98,4%", "(sau đây viết tắt là BTTND)", "“trích dẫn”", "Quý III/2025", "…", "ngày 15.12", "2025.", "a.", "iv)", "Xã.", "B)"),
        Gen.Elements(" ", "  ", "\n", "\n\n", "\r\n", "\r", "\r\r\n", "    ", "\t", "   ", "  \n", " \n"),
        Gen.Elements("- ", "* ", "1. ", "2) ", "# ", "> ", "---", "===", "`", "**", "_", "[a](b)", "<b>", "&amp;", "\\", "\"", "'", "https://x.vn", "www.x.vn", "WwW.", "w", ".", "mailto:a@b.vn", "a:b", "~~", "^", "++", "==", "\u00A0", "\u0301", "="));

    [Property(MaxTest = 3000)]
    public Property The_fast_path_agrees_with_Markdig_and_the_sanitiser() =>
        Prop.ForAll(Pieces.ArrayOf().Select(a => string.Concat(a)).ToArbitrary(), s =>
            CchcPortal.Site.Markdown.MarkdownRenderer.ProseHtml(s) is not { } fast
            || fast == CchcPortal.Site.Markdown.MarkdownRenderer.Sanitize(CchcPortal.Site.Markdown.MarkdownRenderer.MarkdigHtml(s)));

    [Fact]
    public void Paragraphs_of_prose_take_the_fast_path()
    {
        Assert.Equal("<p>Rà soát 45/KH-UBND, đạt 98,4%.\nDòng hai.</p>\n<p>Đoạn hai.</p>\n",
            CchcPortal.Site.Markdown.MarkdownRenderer.ProseHtml("  Rà soát 45/KH-UBND, đạt 98,4%. \nDòng hai.\n\n   \nĐoạn hai.\n"));
        Assert.Null(CchcPortal.Site.Markdown.MarkdownRenderer.ProseHtml("Xem https://x.vn"));
        Assert.Null(CchcPortal.Site.Markdown.MarkdownRenderer.ProseHtml("a. một\nb. hai"));
    }
}
