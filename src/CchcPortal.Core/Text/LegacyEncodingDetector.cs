using System.Buffers;
using System.Collections.Concurrent;
using System.Text;

namespace CchcPortal.Core.Text;

/// <summary>Vietnamese legacy 8-bit font encodings.</summary>
public enum LegacyEncoding
{
    /// <summary>TCVN 5712:1993 VN3 ("ABC" fonts such as .VnTime): one byte per letter.</summary>
    Tcvn3,
    /// <summary>VNI (VNI-Times ...): a base letter followed by a diacritic byte.</summary>
    Vni,
}

/// <summary>
/// Finds Vietnamese text typed in TCVN3 (ABC) or VNI fonts and read as Windows-1252/Latin-1
/// ("C¶i c¸ch hµnh chÝnh", "Caûi caùch haønh chính"), and converts it back. Conservative by design:
/// a word counts as evidence only when it is not a well-formed Vietnamese (or ASCII) word as it
/// stands but becomes one once converted, so correct Unicode Vietnamese is never flagged.
/// </summary>
public static class LegacyEncodingDetector
{
    // TCVN3 (ABC) lower-case letters and the upper-case letters without tone marks; upper-case
    // letters with tone marks used separate fonts (.VnTimeH) at the same code points as lower case.
    private const string Tcvn3Chars =
        "¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉËÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòô­øõö÷ùýúûüþ®¡¢§£¤¥¦";
    private const string Tcvn3Unicode =
        "áàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹỵđĂÂĐÊÔƠƯ";

    private static readonly Dictionary<char, char> Tcvn3Decode = BuildTcvn3Decode();
    private static readonly Dictionary<char, string> Tcvn3Encode = BuildTcvn3Encode();

    // VNI: tone bytes, and shape (+ tone) bytes, lower case then upper case.
    private const string VniToneLower = "ùøûõï", VniToneUpper = "ÙØÛÕÏ";
    private const string VniCircLower = "âáàåãä", VniCircUpper = "ÂÁÀÅÃÄ";   // circumflex, then circumflex + each tone
    private const string VniBreveLower = "êéèúüë", VniBreveUpper = "ÊÉÈÚÜË"; // breve, then breve + each tone
    private static readonly string[] ToneMarks = { "\u0301", "\u0300", "\u0309", "\u0303", "\u0323" }; // sắc huyền hỏi ngã nặng

    // VNI single bytes that are letters on their own.
    private static readonly Dictionary<char, char> VniSingles = new()
    {
        ['í'] = 'í', ['ì'] = 'ì', ['æ'] = 'ỉ', ['ó'] = 'ĩ', ['ò'] = 'ị', ['î'] = 'ỵ', ['ñ'] = 'đ', ['ô'] = 'ơ', ['ö'] = 'ư',
        ['Í'] = 'Í', ['Ì'] = 'Ì', ['Æ'] = 'Ỉ', ['Ó'] = 'Ĩ', ['Ò'] = 'Ị', ['Î'] = 'Ỵ', ['Ñ'] = 'Đ', ['Ô'] = 'Ơ', ['Ö'] = 'Ư',
    };

    // (base char as read, modifier char) → Unicode letter
    private static readonly Dictionary<(char, char), char> VniPairs = BuildVniPairs();
    private static readonly Dictionary<char, string> VniEncode = BuildVniEncode();

    private static Dictionary<char, char> BuildTcvn3Decode()
    {
        var map = new Dictionary<char, char>();
        for (int i = 0; i < Tcvn3Chars.Length; i++) map[Tcvn3Chars[i]] = Tcvn3Unicode[i];
        return map;
    }

    private static Dictionary<char, string> BuildTcvn3Encode()
    {
        var map = new Dictionary<char, string>();
        for (int i = 0; i < Tcvn3Chars.Length; i++) map[Tcvn3Unicode[i]] = Tcvn3Chars[i].ToString();
        return map;
    }

    private static Dictionary<(char, char), char> BuildVniPairs()
    {
        var map = new Dictionary<(char, char), char>();
        void Add(char baseRead, char modifier, string unicodeBase, string marks)
        {
            string composed = UnicodeNormalizer.ToNfc(unicodeBase + marks);
            if (composed.Length == 1) map[(baseRead, modifier)] = composed[0];
        }
        foreach (bool upper in new[] { false, true })
        {
            string tones = upper ? VniToneUpper : VniToneLower;
            string circ = upper ? VniCircUpper : VniCircLower;
            string breve = upper ? VniBreveUpper : VniBreveLower;
            // plain vowels and ơ (read as ô), ư (read as ö) take tones
            foreach (var (read, uni) in new[] { ("a", "a"), ("e", "e"), ("o", "o"), ("u", "u"), ("y", "y"), ("ô", "ơ"), ("ö", "ư") })
            {
                char r = upper ? char.ToUpperInvariant(read[0]) : read[0];
                string u = upper ? uni.ToUpperInvariant() : uni;
                for (int t = 0; t < 5; t++) Add(r, tones[t], u, ToneMarks[t]);
            }
            foreach (char v in "aeo")
            {
                char r = upper ? char.ToUpperInvariant(v) : v;
                Add(r, circ[0], r.ToString(), "\u0302");
                for (int t = 0; t < 5; t++) Add(r, circ[t + 1], r.ToString(), "\u0302" + ToneMarks[t]);
            }
            {
                char r = upper ? 'A' : 'a';
                Add(r, breve[0], r.ToString(), "\u0306");
                for (int t = 0; t < 5; t++) Add(r, breve[t + 1], r.ToString(), "\u0306" + ToneMarks[t]);
            }
        }
        // a lower-case modifier after an upper-case base (and vice versa) happens in mixed-case text
        foreach (var ((b, m), u) in map.ToList())
        {
            char other = char.IsUpper(m) ? char.ToLowerInvariant(m) : char.ToUpperInvariant(m);
            map.TryAdd((b, other), u);
        }
        return map;
    }

    private static Dictionary<char, string> BuildVniEncode()
    {
        var map = new Dictionary<char, string>();
        foreach (var ((b, m), u) in VniPairs)
        {
            bool sameCase = char.IsUpper(b) == char.IsUpper(m) || !char.IsLetter(b);
            if (sameCase || !map.ContainsKey(u)) map[u] = $"{b}{m}";
        }
        foreach (var (read, u) in VniSingles) map[u] = read.ToString();
        return map;
    }

    /// <summary>The legacy encoding <paramref name="text"/> appears to be in, or null for Unicode, English or ASCII.</summary>
    public static LegacyEncoding? Detect(string text) => Analyse(text).Encoding;

    /// <summary>The first word that shows the legacy encoding ("C¶i"), to quote in an error message; null when none.</summary>
    public static string? Sample(string text) => Analyse(text).Sample;

    /// <summary>Best-effort conversion of legacy-encoded text to Unicode NFC.</summary>
    public static string Convert(string text, LegacyEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(text.Length);
        if (encoding == LegacyEncoding.Tcvn3)
        {
            foreach (char c in text) sb.Append(Tcvn3Decode.TryGetValue(c, out char u) ? u : c);
        }
        else
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (i + 1 < text.Length && VniPairs.TryGetValue((c, text[i + 1]), out char pair))
                {
                    sb.Append(pair);
                    i++;
                }
                else sb.Append(VniSingles.TryGetValue(c, out char single) ? single : c);
            }
        }
        return UnicodeNormalizer.ToNfc(sb.ToString());
    }

    /// <summary>
    /// The inverse of <see cref="Convert"/>: Unicode Vietnamese as the legacy font would have stored it,
    /// read as Latin-1. Letters without a code are kept; TCVN3 has no upper-case letters with tone marks,
    /// so those are written with the lower-case code (as the .VnTimeH fonts did).
    /// </summary>
    public static string Encode(string text, LegacyEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(text);
        string nfc = UnicodeNormalizer.ToNfc(text);
        var table = encoding == LegacyEncoding.Tcvn3 ? Tcvn3Encode : VniEncode;
        var sb = new StringBuilder(nfc.Length * 2);
        foreach (char c in nfc)
        {
            if (table.TryGetValue(c, out var s)) sb.Append(s);
            else if (encoding == LegacyEncoding.Tcvn3 && table.TryGetValue(char.ToLowerInvariant(c), out var lower)) sb.Append(lower);
            else sb.Append(c);
        }
        return sb.ToString();
    }

    // A converted word is strong evidence only when it contains one of these. TCVN3: codes that are not
    // Vietnamese letters. VNI: modifiers that never follow a vowel in Unicode Vietnamese. OCR noise
    // (mostly "é", seen in the seeds) is thereby never enough.
    internal const string Tcvn3Strong = "¸µ¶·¹¨¾»¼½Æ©ÇËÐÎÏÑªÖ×ØÜÞßä«åæç¬ëîïñ\u00ADøö÷ûüþ®¡¢§£¤¥¦";
    internal const string VniStrong = "øûïëåäüæîñöùúõØÛÏËÅÄÜÆÎÑÖÙÚÕ";

    /// <summary>What one word says about the encodings, worked out once per distinct word (see <see cref="Judge"/>).</summary>
    [Flags]
    private enum Evidence : byte
    {
        None = 0,
        Valid = 1,
        Tcvn3 = 2, Tcvn3Strong = 4,
        Vni = 8, VniStrong = 16,
    }

    // Checking a word allocates and normalises several strings, and the same few thousand syllables make up all
    // Vietnamese text: each distinct word is judged once per process. Bounded, so odd input cannot grow it for ever.
    private const int MaxRemembered = 100_000;
    private static readonly ConcurrentDictionary<string, Evidence> Judged = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Evidence>.AlternateLookup<ReadOnlySpan<char>> JudgedBySpan =
        Judged.GetAlternateLookup<ReadOnlySpan<char>>();
    private static int _remembered;

    /// <summary>As <see cref="Detect"/>, judging every word (tests check the shortcut against it).</summary>
    internal static (LegacyEncoding? Encoding, string? Sample) AnalyseEveryWord(string text) => Analyse(text, shortcut: false);

    private static (LegacyEncoding? Encoding, string? Sample) Analyse(string text, bool shortcut = true)
    {
        if (string.IsNullOrEmpty(text) || shortcut && !HasStrongEvidence(text)) return (null, null);
        int tcvn = 0, vni = 0, tcvnStrong = 0, vniStrong = 0, invalid = 0;
        Range? firstTcvn = null, firstVni = null;
        foreach (var range in Tokens(text))
        {
            var token = text.AsSpan(range);
            if (token.Length < 2) continue; // one letter is too little evidence either way
            if (InAbbreviation(text, range)) continue; // "NÑ" of "118/2025/NÑ-CP" reads as "Nẹ" (TCVN3) as well as "NĐ" (VNI)
            var evidence = EvidenceOf(token);
            if (evidence.HasFlag(Evidence.Valid)) continue;
            invalid++;
            if (evidence.HasFlag(Evidence.Tcvn3))
            {
                tcvn++;
                firstTcvn ??= range;
                if (evidence.HasFlag(Evidence.Tcvn3Strong)) tcvnStrong++;
            }
            if (evidence.HasFlag(Evidence.Vni))
            {
                vni++;
                firstVni ??= range;
                if (evidence.HasFlag(Evidence.VniStrong)) vniStrong++;
            }
        }
        // Two words at least: one odd word (an abbreviation such as "NÑ") reads as either encoding too easily.
        bool Enough(int offending, int strong) =>
            offending >= 2 && strong > 0 && offending * 2 >= invalid;
        bool t = Enough(tcvn, tcvnStrong), v = Enough(vni, vniStrong);
        // The reading with strictly more evidence wins; when the other encoding explains as much, say nothing
        // (a wrong hint sends staff to the wrong converter, which is worse than none).
        if (t && tcvn > vni) return (LegacyEncoding.Tcvn3, text[firstTcvn!.Value]);
        if (v && vni > tcvn) return (LegacyEncoding.Vni, text[firstVni!.Value]);
        return (null, null);
    }

    /// <summary>
    /// The strong codes, all in U+00A1–U+00FF: a text is searched for that range (vectorised, as fast as a copy) and each
    /// hit looked up here. A set search over them was slower on Vietnamese, which is full of other characters of the range.
    /// </summary>
    private static readonly bool[] StrongChar = MakeStrongTable();
    private const char StrongFirst = '\u00A1', StrongLast = '\u00FF';

    private static bool[] MakeStrongTable()
    {
        var table = new bool[StrongLast + 1];
        foreach (var c in Tcvn3Strong + VniStrong)
        {
            if (c is < StrongFirst or > StrongLast) throw new InvalidOperationException($"strong code U+{(int)c:X4} outside the range searched");
            table[c] = true;
        }
        return table;
    }

    /// <summary>
    /// Whether some word is strong evidence of an encoding, which a verdict needs (see <c>Enough</c>): only the words
    /// around a strong code are looked at, so text in Unicode (every file, nearly always) is not judged word by word.
    /// The words are those <see cref="Tokens"/> gives: the run of word characters around the code.
    /// </summary>
    private static bool HasStrongEvidence(string text)
    {
        for (var at = 0; at < text.Length;)
        {
            var i = text.AsSpan(at).IndexOfAnyInRange(StrongFirst, StrongLast);
            if (i < 0) return false;
            i += at;
            if (!StrongChar[text[i]]) { at = i + 1; continue; }
            if (!IsWordChar(text[i])) { at = i + 1; continue; }
            int start = i, end = i + 1;
            while (start > 0 && IsWordChar(text[start - 1])) start--;
            while (end < text.Length && IsWordChar(text[end])) end++;
            if (end - start >= 2 && !InAbbreviation(text, start..end)
                && (EvidenceOf(text.AsSpan(start, end - start)) & (Evidence.Tcvn3Strong | Evidence.VniStrong)) != 0)
                return true;
            at = end;
        }
        return false;
    }

    /// <summary>
    /// A word inside a document number or an abbreviation ("118/2025/NÑ-CP", "Q§-UBND"): a run without spaces joined by
    /// '-' or '/' that has two capital ASCII letters in a row. Such a word is no evidence of either encoding.
    /// </summary>
    private static bool InAbbreviation(string text, Range range)
    {
        int start = range.Start.GetOffset(text.Length), end = range.End.GetOffset(text.Length);
        while (start > 0 && !char.IsWhiteSpace(text[start - 1])) start--;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        var chunk = text.AsSpan(start, end - start);
        if (chunk.IndexOfAny('-', '/') < 0) return false;
        for (var i = 1; i < chunk.Length; i++)
            if (char.IsAsciiLetterUpper(chunk[i]) && char.IsAsciiLetterUpper(chunk[i - 1])) return true;
        return false;
    }

    private static Evidence EvidenceOf(ReadOnlySpan<char> token)
    {
        if (JudgedBySpan.TryGetValue(token, out var known)) return known;
        var word = token.ToString();
        var evidence = Judge(word);
        if (Interlocked.Increment(ref _remembered) <= MaxRemembered) Judged.TryAdd(word, evidence);
        return evidence;
    }

    /// <summary>
    /// A word is evidence of an encoding when it is not a well-formed Vietnamese word as it stands but becomes
    /// one once converted; strong evidence when it also has a code that is rare in real text.
    /// </summary>
    private static Evidence Judge(string token)
    {
        if (VietnameseWord.IsValid(token)) return Evidence.Valid;
        var evidence = Evidence.None;
        if (Offends(token, LegacyEncoding.Tcvn3))
            evidence |= token.AsSpan().IndexOfAny(Tcvn3StrongChars) >= 0 ? Evidence.Tcvn3 | Evidence.Tcvn3Strong : Evidence.Tcvn3;
        if (Offends(token, LegacyEncoding.Vni))
            evidence |= token.AsSpan().IndexOfAny(VniStrongChars) >= 0 ? Evidence.Vni | Evidence.VniStrong : Evidence.Vni;
        return evidence;
    }

    private static readonly SearchValues<char> Tcvn3StrongChars = SearchValues.Create(Tcvn3Strong);
    private static readonly SearchValues<char> VniStrongChars = SearchValues.Create(VniStrong);

    private static bool Offends(string token, LegacyEncoding encoding)
    {
        string converted = Convert(token, encoding);
        return converted != UnicodeNormalizer.ToNfc(token) && VietnameseWord.IsValid(converted);
    }

    /// <summary>Runs of letters, combining marks and TCVN3 symbol codes that contain a non-ASCII char.</summary>
    private static IEnumerable<Range> Tokens(string text)
    {
        int start = -1;
        bool nonAscii = false;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && IsWordChar(text[i]);
            if (inWord)
            {
                if (start < 0) { start = i; nonAscii = false; }
                if (text[i] > '\u007F') nonAscii = true;
                continue;
            }
            if (start >= 0 && nonAscii) yield return start..i;
            start = -1;
        }
    }

    private static bool IsWordChar(char c) =>
        c < '\u0080' ? char.IsAsciiLetter(c) :
        char.IsLetter(c)
        || TextFold.IsMark(System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c))
        || (c >= '\u00A0' && c <= '\u00FF' && Tcvn3Decode.ContainsKey(c));
}
