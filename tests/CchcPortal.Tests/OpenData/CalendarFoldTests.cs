using System.Text;
using CchcPortal.Site.Index;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CchcPortal.Tests.OpenData;

/// <summary>RFC 5545 line folding, as a calendar app reads it back.</summary>
public sealed class CalendarFoldTests
{
    private static string Folded(string line)
    {
        var w = new StringWriter();
        Calendar.Fold(w, line);
        return w.ToString();
    }

    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    // Vietnamese letters (2 and 3 octets), ASCII, an emoji (a surrogate pair, 4 octets).
    private static Arbitrary<string> Lines() =>
        Gen.ListOf(Gen.Elements("a", "Ư", "ệ", "đ", " ", ";", "😀", "Cải cách hành chính", "\\n")).Select(p => string.Concat(p)).ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Folded_lines_are_at_most_75_octets_and_unfold_to_the_line() =>
        Prop.ForAll(Lines(), line =>
        {
            var text = Folded(line);
            var physical = text[..^2].Split("\r\n");
            return text.EndsWith("\r\n")
                && physical.All(l => Strict.GetByteCount(l) <= 75)
                && physical.Skip(1).All(l => l.StartsWith(' '))
                && string.Concat(physical.Take(1).Concat(physical.Skip(1).Select(l => l[1..]))) == line;
        });

    [Fact]
    public void A_long_vietnamese_line_is_folded_between_letters()
    {
        var line = "SUMMARY:" + string.Concat(Enumerable.Repeat("Cải cách hành chính ", 6));
        var physical = Folded(line)[..^2].Split("\r\n");
        Assert.Equal(3, physical.Length);
        // As late as it can: the next letter (at most 3 octets) would not have fitted.
        Assert.InRange(Encoding.UTF8.GetByteCount(physical[0]), 73, 75);
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75));
        Assert.Equal(line, physical[0] + string.Concat(physical.Skip(1).Select(l => l[1..])));
    }
}
