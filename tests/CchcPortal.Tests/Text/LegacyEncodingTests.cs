using System.Text;
using CchcPortal.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CchcPortal.Tests.Text;

public class LegacyEncodingTests
{
    // Independent inverse tables, written out by hand from the TCVN3 (ABC) and VNI charts.
    private static readonly Dictionary<char, string> Tcvn3 = new()
    {
        ['á'] = "¸", ['à'] = "µ", ['ả'] = "¶", ['ã'] = "·", ['ạ'] = "¹",
        ['ă'] = "¨", ['ắ'] = "¾", ['ằ'] = "»", ['ẳ'] = "¼", ['ẵ'] = "½", ['ặ'] = "Æ",
        ['â'] = "©", ['ấ'] = "Ê", ['ầ'] = "Ç", ['ẩ'] = "È", ['ẫ'] = "É", ['ậ'] = "Ë",
        ['é'] = "Ð", ['è'] = "Ì", ['ẻ'] = "Î", ['ẽ'] = "Ï", ['ẹ'] = "Ñ",
        ['ê'] = "ª", ['ế'] = "Õ", ['ề'] = "Ò", ['ể'] = "Ó", ['ễ'] = "Ô", ['ệ'] = "Ö",
        ['í'] = "Ý", ['ì'] = "×", ['ỉ'] = "Ø", ['ĩ'] = "Ü", ['ị'] = "Þ",
        ['ó'] = "ã", ['ò'] = "ß", ['ỏ'] = "á", ['õ'] = "â", ['ọ'] = "ä",
        ['ô'] = "«", ['ố'] = "è", ['ồ'] = "å", ['ổ'] = "æ", ['ỗ'] = "ç", ['ộ'] = "é",
        ['ơ'] = "¬", ['ớ'] = "í", ['ờ'] = "ê", ['ở'] = "ë", ['ỡ'] = "ì", ['ợ'] = "î",
        ['ú'] = "ó", ['ù'] = "ï", ['ủ'] = "ñ", ['ũ'] = "ò", ['ụ'] = "ô",
        ['ư'] = "\u00AD", ['ứ'] = "ø", ['ừ'] = "õ", ['ử'] = "ö", ['ữ'] = "÷", ['ự'] = "ù",
        ['ý'] = "ý", ['ỳ'] = "ú", ['ỷ'] = "û", ['ỹ'] = "ü", ['ỵ'] = "þ",
        ['đ'] = "®", ['Ă'] = "¡", ['Â'] = "¢", ['Đ'] = "§", ['Ê'] = "£", ['Ô'] = "¤", ['Ơ'] = "¥", ['Ư'] = "¦",
    };

    private const string VniTones = "ùøûõï"; // sắc huyền hỏi ngã nặng

    private static string VniLetter(char c)
    {
        // split into base, shape and tone using the decomposition
        string nfd = TextFold.ToNfd(c.ToString());
        char b = nfd[0];
        bool upper = char.IsUpper(b);
        string shape = "", tone = "";
        foreach (char m in nfd[1..])
        {
            int t = "\u0301\u0300\u0309\u0303\u0323".IndexOf(m);
            if (t >= 0) tone = VniTones[t].ToString();
            else shape += m;
        }
        string Up(string s) => upper ? s.ToUpperInvariant() : s;
        char lb = char.ToLowerInvariant(b);
        if (lb == 'đ') return upper ? "Ñ" : "ñ";
        if (lb == 'i' && tone.Length > 0)
            return Up(tone switch { "ù" => "í", "ø" => "ì", "û" => "æ", "õ" => "ó", _ => "ò" });
        if (lb == 'y' && tone == "ï") return Up("î");
        if (shape == "\u031B") return Up((lb == 'o' ? "ô" : "ö") + tone);
        if (shape == "\u0302")
            return b + Up(tone switch { "" => "â", "ù" => "á", "ø" => "à", "û" => "å", "õ" => "ã", _ => "ä" });
        if (shape == "\u0306")
            return b + Up(tone switch { "" => "ê", "ù" => "é", "ø" => "è", "û" => "ú", "õ" => "ü", _ => "ë" });
        return b + Up(tone);
    }

    private static string ToTcvn3(string s) =>
        string.Concat(TextFold.ToNfc(s).Select(c => Tcvn3.TryGetValue(c, out var v) ? v : c.ToString()));

    private static string ToVni(string s) => string.Concat(TextFold.ToNfc(s).Select(c => c < 128 ? c.ToString() : VniLetter(c)));

    [Fact]
    public void Brief_examples()
    {
        Assert.Equal(LegacyEncoding.Tcvn3, LegacyEncodingDetector.Detect("C¶i c¸ch hµnh chÝnh"));
        Assert.Equal("Cải cách hành chính", LegacyEncodingDetector.Convert("C¶i c¸ch hµnh chÝnh", LegacyEncoding.Tcvn3));
        Assert.Equal(LegacyEncoding.Vni, LegacyEncodingDetector.Detect("Caûi caùch haønh chính"));
        Assert.Equal("Cải cách hành chính", LegacyEncodingDetector.Convert("Caûi caùch haønh chính", LegacyEncoding.Vni));
        Assert.Equal("C¶i", LegacyEncodingDetector.Sample("C¶i c¸ch hµnh chÝnh"));
        Assert.Equal("Caûi", LegacyEncodingDetector.Sample("Caûi caùch haønh chính"));
    }

    [Theory]
    [InlineData("Cải cách hành chính nhà nước")]
    [InlineData("Đồng Nai")]
    [InlineData("Ủy ban")]
    [InlineData("Administrative reform plan of the commune, 2025")]
    [InlineData("plain ascii 123 / - ; :")]
    [InlineData("")]
    [InlineData("Café au lait, naïve résumé, Müller, Søren, Ångström, Noël, señor, façade")]
    [InlineData("© 2025 UBND xã · Giá: 5 × 3 « trích dẫn » §2")]
    [InlineData("Đắk Lắk, Krông Búk, H'Mông, Ê Đê, M'Đrắk")]
    public void Not_flagged(string text)
    {
        Assert.Null(LegacyEncodingDetector.Detect(text));
        Assert.Null(LegacyEncodingDetector.Detect(TextFold.ToNfd(text)));
        Assert.Null(LegacyEncodingDetector.Sample(text));
    }

    [Fact]
    public void Seed_corpus_is_never_flagged()
    {
        Assert.True(SeedCorpus.Phrases.Length >= 30);
        foreach (var p in SeedCorpus.Phrases)
        {
            Assert.True(LegacyEncodingDetector.Detect(p) is null, $"flagged: {p}");
            Assert.True(LegacyEncodingDetector.Detect(TextFold.ToNfd(p)) is null, $"flagged NFD: {p}");
            Assert.True(LegacyEncodingDetector.Detect(p.ToUpperInvariant()) is null, $"flagged upper: {p}");
        }
    }

    [Fact]
    public void Seed_files_are_not_flagged()
    {
        var dir = "/work/shared/seeds";
        if (!Directory.Exists(dir)) return;
        foreach (var f in Directory.GetFiles(dir, "*.txt"))
            Assert.True(LegacyEncodingDetector.Detect(File.ReadAllText(f)) is null, f);
    }

    [Fact]
    public void Hand_tables_agree_with_library_encoder()
    {
        const string text = "người đứng đầu Ủy ban thực hiện kế hoạch cải cách hành chính năm 2025";
        Assert.Equal(ToVni(text), LegacyEncodingDetector.Encode(text, LegacyEncoding.Vni));
        string lower = text.ToLowerInvariant();
        Assert.Equal(ToTcvn3(lower), LegacyEncodingDetector.Encode(lower, LegacyEncoding.Tcvn3));
        Assert.Equal("ng\u00ADêi", ToTcvn3("người"));
        Assert.Equal("ngöôøi", ToVni("người"));
    }

    /// <summary>A Vietnamese sentence from the corpus, lower-cased for TCVN3 (which has no upper-case toned letters).</summary>
    private static Arbitrary<string> Phrases() => Gen.Elements(SeedCorpus.Phrases).ToArbitrary();

    private static bool HasVietnameseLetter(string s) => TextFold.RemoveDiacritics(s) != s;

    [Property(MaxTest = 200)]
    public Property Tcvn3_is_detected_and_restored() =>
        Prop.ForAll(Phrases(), p =>
        {
            string lower = p.ToLowerInvariant();
            string legacy = ToTcvn3(lower);
            if (!HasVietnameseLetter(lower)) return true;
            return LegacyEncodingDetector.Detect(legacy) == LegacyEncoding.Tcvn3
                   && LegacyEncodingDetector.Convert(legacy, LegacyEncoding.Tcvn3) == lower
                   && LegacyEncodingDetector.Sample(legacy) is not null;
        });

    [Property(MaxTest = 200)]
    public Property Vni_is_detected_and_restored() =>
        Prop.ForAll(Phrases(), p =>
        {
            string legacy = ToVni(p);
            if (!HasVietnameseLetter(p)) return true;
            return LegacyEncodingDetector.Detect(legacy) == LegacyEncoding.Vni
                   && LegacyEncodingDetector.Convert(legacy, LegacyEncoding.Vni) == p
                   && LegacyEncodingDetector.Sample(legacy) is not null;
        });

    /// <summary>Found by the property below: the VNI "NĐ" of a document number read as TCVN3 "Nẹ" outvoted the text.</summary>
    [Fact]
    public void A_document_number_is_no_evidence_of_either_encoding()
    {
        Assert.Null(LegacyEncodingDetector.Detect("118/2025/NÑ-CP 2025 2025 118/2025/NÑ-CP phuû"));
        Assert.Null(LegacyEncodingDetector.Detect("Q§-UBND"));
        // ...while the words around it still count.
        Assert.Equal(LegacyEncoding.Tcvn3, LegacyEncodingDetector.Detect("KÕ ho¹ch 118/2025/Q§-UBND c¶i c¸ch hµnh chÝnh"));
    }

    [Property(MaxTest = 2000)]
    public Property Random_sentences_of_corpus_words_are_not_flagged_and_legacy_forms_are() =>
        Prop.ForAll(Gen.Elements(SeedCorpus.Phrases.SelectMany(p => p.Split(' ')).Where(w => w.Length > 0).ToArray())
                .ListOf().Select(ws => string.Join(" ", ws)).ToArbitrary(), s =>
        {
            if (LegacyEncodingDetector.Detect(s) is not null) return false;
            string lower = s.ToLowerInvariant();
            var dt = LegacyEncodingDetector.Detect(ToTcvn3(lower));
            var dv = LegacyEncodingDetector.Detect(ToVni(s));
            // Never the wrong encoding. (Whether a short random mix is detected at all is a heuristic's call, so it is
            // checked by the example tests on real sentences, not here.)
            bool tcvnOk = dt is null or LegacyEncoding.Tcvn3;
            bool vniOk = dv is null or LegacyEncoding.Vni;
            return tcvnOk && vniOk;
        });

    /// <summary>
    /// Detection looks only at the words around a strong code (the shortcut of every Unicode file); it must say what
    /// judging every word says, on mixes of Unicode, TCVN3 and VNI words, document numbers and OCR noise.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property The_shortcut_gives_the_verdict_and_sample_of_judging_every_word() =>
        Prop.ForAll(Gen.Elements(SeedCorpus.Phrases.SelectMany(p => p.Split(' ')).Where(w => w.Length > 0).ToArray())
                .SelectMany(w => Gen.Elements(w, ToTcvn3(w.ToLowerInvariant()), ToVni(w), "118/2025/NÑ-CP", "Q§-UBND", "é", "rõ", "phú"))
                .ListOf().Select(ws => string.Join(" ", ws)).ToArbitrary(), s =>
        {
            var every = LegacyEncodingDetector.AnalyseEveryWord(s);
            return LegacyEncodingDetector.Detect(s) == every.Encoding && LegacyEncodingDetector.Sample(s) == every.Sample;
        });
}
