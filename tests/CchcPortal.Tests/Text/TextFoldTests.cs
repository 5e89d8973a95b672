using CchcPortal.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CchcPortal.Tests.Text;

public class TextFoldTests
{
    private static string Nfd(string s) => TextFold.ToNfd(s);

    [Theory]
    [InlineData("Cải cách hành chính", "cai cach hanh chinh")]
    [InlineData("Đồng Nai", "dong nai")]
    [InlineData("ĐĂNG KÝ KHAI SINH", "dang ky khai sinh")]
    [InlineData("Ủy ban nhân dân", "uy ban nhan dan")]
    [InlineData("Hồ sơ đúng hạn", "ho so dung han")]
    [InlineData("Quý IV/2025", "quy iv/2025")]
    [InlineData("người Ưu tiên Ợ", "nguoi uu tien o")]
    [InlineData("118/2025/NĐ-CP", "118/2025/nd-cp")]
    [InlineData("", "")]
    public void Fold_examples(string input, string expected)
    {
        Assert.Equal(expected, TextFold.Fold(input));
        Assert.Equal(expected, TextFold.Fold(Nfd(input)));
    }

    [Fact]
    public void Normalization_works_without_icu()
    {
        // The solution runs with InvariantGlobalization=true where string.Normalize is a no-op; ours is not.
        string nfc = "Cải cách hành chính nhà nước";
        string nfd = TextFold.ToNfd(nfc);
        Assert.True(nfd.Length > nfc.Length);
        Assert.Equal(nfc, TextFold.ToNfc(nfd));
        Assert.Same(nfc, TextFold.ToNfc(nfc));
        Assert.Equal("ệ", TextFold.ToNfc("e\u0323\u0302"));
        Assert.Equal("ệ", TextFold.ToNfc("e\u0302\u0323")); // marks in non-canonical order
        Assert.Equal("ự", TextFold.ToNfc("ư\u0323"));
        Assert.Equal("한국어", TextFold.ToNfc(TextFold.ToNfd("한국어")));
    }

    [Fact]
    public void RemoveDiacritics_keeps_case()
    {
        Assert.Equal("Dong Nai", TextFold.RemoveDiacritics("Đồng Nai"));
        Assert.Equal("CONG HOA XA HOI CHU NGHIA VIET NAM", TextFold.RemoveDiacritics("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
        Assert.Equal("Truoc ngay 20/8/2025", TextFold.RemoveDiacritics(Nfd("Trước ngày 20/8/2025")));
    }

    [Fact]
    public void Folded_search_helpers()
    {
        Assert.True(TextFold.FoldedContains("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", "giai quyet dung han"));
        Assert.True(TextFold.FoldedEquals("Phòng Văn hóa - Xã hội", "PHONG VAN HOA - XA HOI"));
    }

    // ---- properties ----

    private static readonly char[] VietnameseChars =
        ("aăâbcdđeêghiklmnoôơpqrstuưvxy AĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY0123456789/-.,:;()" +
         "áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ" +
         "ÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ" +
         "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031B\u00C7\u00DF\u0130\u212A\u1E9E").ToCharArray();

    /// <summary>Strings mixing Vietnamese letters (NFC), stray combining marks, and arbitrary chars.</summary>
    private static Arbitrary<string> VietnameseStrings() =>
        Gen.OneOf(
                Gen.Elements(VietnameseChars).ArrayOf().Select(a => new string(a)),
                ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get),
                Gen.Elements(SeedCorpus.Phrases))
            .ToArbitrary();

    private static bool HasMark(string s) =>
        s.Any(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.NonSpacingMark or
            System.Globalization.UnicodeCategory.SpacingCombiningMark or
            System.Globalization.UnicodeCategory.EnclosingMark);

    [Property(MaxTest = 500)]
    public Property Fold_is_idempotent() =>
        Prop.ForAll(VietnameseStrings(), s => TextFold.Fold(TextFold.Fold(s)) == TextFold.Fold(s));

    [Property(MaxTest = 500)]
    public Property Fold_output_has_no_marks_and_no_d_stroke() =>
        Prop.ForAll(VietnameseStrings(), s =>
        {
            string f = TextFold.Fold(s);
            return !HasMark(f) && !f.Contains('đ') && !f.Contains('Đ');
        });

    [Property(MaxTest = 500)]
    public Property Ascii_folds_to_lower_case() =>
        Prop.ForAll(Gen.Choose(0, 127).Select(i => (char)i).ArrayOf().Select(a => new string(a)).ToArbitrary(),
            s => TextFold.Fold(s) == s.ToLowerInvariant());

    [Property(MaxTest = 500)]
    public Property Fold_ignores_normalization_form() =>
        Prop.ForAll(VietnameseStrings(), s =>
            TextFold.Fold(TextFold.ToNfc(s)) == TextFold.Fold(TextFold.ToNfd(s)) &&
            TextFold.Fold(TextFold.ToNfc(s)) == TextFold.Fold(s));

    [Property(MaxTest = 500)]
    public Property Fold_of_RemoveDiacritics_equals_Fold() =>
        Prop.ForAll(VietnameseStrings(), s => TextFold.Fold(TextFold.RemoveDiacritics(s)) == TextFold.Fold(s));

    [Property(MaxTest = 500)]
    public Property Nfc_and_Nfd_round_trip() =>
        Prop.ForAll(VietnameseStrings(), s =>
        {
            string nfc = TextFold.ToNfc(s);
            return TextFold.ToNfc(TextFold.ToNfd(nfc)) == nfc && TextFold.ToNfc(nfc) == nfc
                   && TextFold.ToNfd(TextFold.ToNfd(s)) == TextFold.ToNfd(s);
        });

    [Property(MaxTest = 200)]
    public Property Seed_phrases_have_same_fold_in_nfc_and_nfd() =>
        Prop.ForAll(Gen.Elements(SeedCorpus.Phrases).ToArbitrary(), s =>
            TextFold.Fold(s) == TextFold.Fold(Nfd(s)) && TextFold.Fold(s).All(c => c < 128));

    private static readonly string[] Spaces = [" ", "  ", "\t", "\n", "\r\n", "\u00A0", "\u2003", "\u0085", "\u2028", "\v\f"];

    [Property(MaxTest = 500)]
    public Property CollapseSpaces_makes_every_run_of_white_space_one_space_as_the_regex_did() =>
        Prop.ForAll(Gen.ListOf(Gen.OneOf(Gen.Elements(Spaces), Gen.Elements("cải", "cách", "x", "Đ", ".", ""))).Select(p => string.Concat(p)).ToArbitrary(),
            s => TextFold.CollapseSpaces(s) == System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " "));

    [Theory]
    [InlineData("Cải cách  hành\tchính \n", "Cải cách hành chính ")]
    [InlineData(" một ", " một ")]
    [InlineData("", "")]
    public void CollapseSpaces_keeps_the_ends_and_one_space_between_words(string text, string expected) =>
        Assert.Equal(expected, TextFold.CollapseSpaces(text));
}
