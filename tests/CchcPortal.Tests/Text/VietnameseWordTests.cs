using CchcPortal.Core.Text;

namespace CchcPortal.Tests.Text;

public class VietnameseWordTests
{
    [Fact]
    public void Every_word_with_diacritics_in_the_seed_corpus_is_a_valid_syllable()
    {
        var words = SeedCorpus.Phrases
            .SelectMany(p => p.Split(' ', ',', '.', ';', ':', '/', '-', '(', ')', '%'))
            .Where(w => w.Length > 0 && w.All(char.IsLetter) && TextFold.RemoveDiacritics(w) != w)
            .Where(w => w is not ("Đắk" or "Lắk" or "HĐND" or "NĐ" or "Đrắk" or "M")) // ethnic names, abbreviations
            .Distinct()
            .ToList();
        Assert.True(words.Count > 100);
        Assert.All(words, w => Assert.True(VietnameseWord.IsValid(w), w));
        Assert.All(words, w => Assert.True(VietnameseWord.IsValid(TextFold.ToNfd(w)), w));
    }

    [Theory]
    [InlineData("chÝnh")]   // mixed case (TCVN3 mojibake)
    [InlineData("c¸ch")]    // symbol inside
    [InlineData("caùch")]   // VNI
    [InlineData("ngheọ")]   // tone on the wrong vowel
    [InlineData("giayn")]   // off-glide cannot take a coda
    [InlineData("café")]
    [InlineData("nạve")]
    public void Rejects(string w) => Assert.False(VietnameseWord.IsValid(w));

    [Theory]
    [InlineData("người")]
    [InlineData("quyết")]
    [InlineData("khuyến")]
    [InlineData("hoà")]
    [InlineData("hòa")]
    [InlineData("thuở")]
    [InlineData("Ủy")]
    [InlineData("NGHĨA")]
    [InlineData("gìn")]
    [InlineData("giữ")]
    [InlineData("xoong")]
    [InlineData("hoặc")]
    public void Accepts(string w) => Assert.True(VietnameseWord.IsValid(w));
}
