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
