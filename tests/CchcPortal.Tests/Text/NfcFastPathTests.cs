using CchcPortal.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CchcPortal.Tests.Text;

/// <summary>The already-NFC fast path of the normaliser must agree with the full algorithm on any text.</summary>
public class NfcFastPathTests
{
    // Precomposed Vietnamese, combining marks, Latin-1, Hangul, characters that change under NFC (Ω, Å, ǅ...),
    // starters that compose backwards (Indic vowel signs), and any BMP char.
    private static readonly Gen<char> Chars = Gen.OneOf(
        Gen.Elements("ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵĐƯƠaeioudy ".ToCharArray()),
        Gen.Choose(0x300, 0x36F).Select(i => (char)i),
        Gen.Choose(0xA0, 0xFF).Select(i => (char)i),
        Gen.Elements('\u1100', '\u1161', '\u11A8', '\uAC00', '\uAC01', '\u2126', '\u212B', '\u01C5', '\u0344', '\u0F73', '\u0B47', '\u0B3E', '\u0CD5', '\u09BE', '\u1FFD', '\u0958'),
        Gen.Choose(0, 0xFFFF).Select(i => (char)i));

    [Property(MaxTest = 2000)]
    public Property Fast_path_agrees_with_the_full_algorithm() =>
        Prop.ForAll(Chars.ArrayOf().Select(a => new string(a)).ToArbitrary(),
            s => TextFold.ToNfc(s) == UnicodeNormalizer.ToNfcFull(s));

    [Fact]
    public void Already_nfc_text_is_returned_as_is_and_decomposed_text_is_composed()
    {
        const string nfc = "Cải cách hành chính: Ủy ban nhân dân xã";
        Assert.Same(nfc, TextFold.ToNfc(nfc));
        Assert.Equal(nfc, TextFold.ToNfc(TextFold.ToNfd(nfc)));
        Assert.Equal("\u03A9", TextFold.ToNfc("\u2126")); // OHM SIGN is not NFC
    }
}
