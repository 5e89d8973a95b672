using System.Text;

namespace CchcPortal.Core.Text;

/// <summary>
/// Managed canonical normalization (NFD / NFC). The solution runs with InvariantGlobalization=true,
/// where <see cref="string.Normalize()"/> leaves non-ASCII text untouched; this class does the real work
/// from the tables in <see cref="UnicodeData"/>. Lone surrogates are passed through unchanged.
/// </summary>
internal static class UnicodeNormalizer
{
    private const int SBase = 0xAC00, LBase = 0x1100, VBase = 0x1161, TBase = 0x11A7;
    private const int LCount = 19, VCount = 21, TCount = 28, NCount = VCount * TCount, SCount = LCount * NCount;

    private static readonly Dictionary<int, (int First, int Second)> Decomp = BuildDecomp();
    private static readonly Dictionary<int, int> Ccc = BuildCcc();
    private static readonly Dictionary<long, int> Comp = BuildComp();

    private static Dictionary<int, (int, int)> BuildDecomp()
    {
        var d = UnicodeData.Decompositions;
        var map = new Dictionary<int, (int, int)>(d.Length / 3);
        for (int i = 0; i < d.Length; i += 3) map[d[i]] = (d[i + 1], d[i + 2]);
        return map;
    }

    private static Dictionary<int, int> BuildCcc()
    {
        var d = UnicodeData.CombiningClasses;
        var map = new Dictionary<int, int>(d.Length / 2);
        for (int i = 0; i < d.Length; i += 2) map[d[i]] = d[i + 1];
        return map;
    }

    private static Dictionary<long, int> BuildComp()
    {
        var d = UnicodeData.Compositions;
        var map = new Dictionary<long, int>(d.Length / 3);
        for (int i = 0; i < d.Length; i += 3) map[Key(d[i], d[i + 1])] = d[i + 2];
        return map;
    }

    private static long Key(int a, int b) => ((long)a << 21) | (uint)b;

    internal static int CombiningClass(int cp) => cp < 0x300 ? 0 : Ccc.GetValueOrDefault(cp);

    /// <summary>True when every char is below U+0300: such text is already NFC.</summary>
    private static bool IsTriviallyNfc(string s)
    {
        foreach (char c in s) if (c >= '\u0300') return false;
        return true;
    }

    /// <summary>True when every char is below U+00C0: such text is already NFD (and NFC).</summary>
    private static bool IsTriviallyNfd(string s)
    {
        foreach (char c in s) if (c >= '\u00C0') return false;
        return true;
    }

    /// <summary>NFC by the full algorithm, without the fast paths (for tests).</summary>
    internal static string ToNfcFull(string s)
    {
        var cps = Decompose(s);
        return Encode(cps, Compose(cps));
    }

    // Fast path for text that is already NFC, which is nearly all Vietnamese content (precomposed letters):
    // a char is "stable" when it is NFC on its own, is a starter (combining class 0), cannot be the second
    // half of a composition, and its decomposition starts with such a starter. A string of stable chars is its
    // own NFC: decomposing and recomposing never joins two neighbours, and each char recomposes to itself.
    // Computed lazily per char (0 unknown, 1 stable, 2 not); racing threads compute the same byte.
    private static readonly byte[] Stable = new byte[0x10000];
    private static readonly HashSet<int> Seconds = BuildSeconds();

    private static HashSet<int> BuildSeconds()
    {
        var d = UnicodeData.Compositions;
        var set = new HashSet<int>();
        for (int i = 0; i < d.Length; i += 3) set.Add(d[i + 1]);
        return set;
    }

    private static bool IsStableNfc(string s)
    {
        foreach (char c in s)
        {
            if (c < '\u0300') continue;
            var state = Stable[c];
            if (state == 0) Stable[c] = state = ComputeStable(c) ? (byte)1 : (byte)2;
            if (state != 1) return false;
        }
        return true;
    }

    private static bool ComputeStable(char c)
    {
        if (char.IsSurrogate(c)) return false;
        // Hangul jamo and syllables compose by formula, not from the table: leave them to the full algorithm.
        if (c is >= '\u1100' and < '\u1200' or >= '\uA960' and < '\uA980' or >= '\uAC00' and < '\uD800') return false;
        if (CombiningClass(c) != 0 || Seconds.Contains(c)) return false;
        var one = c.ToString();
        var cps = Decompose(one);
        if (cps.Count == 0 || CombiningClass(cps[0]) != 0 || Seconds.Contains(cps[0])) return false;
        return Encode(cps, Compose(cps)) == one;
    }

    public static string ToNfd(string s)
    {
        if (IsTriviallyNfd(s)) return s;
        var cps = Decompose(s);
        return Encode(cps, cps.Count);
    }

    public static string ToNfc(string s)
    {
        if (IsTriviallyNfc(s) || IsStableNfc(s)) return s;
        var cps = Decompose(s);
        int n = Compose(cps);
        var result = Encode(cps, n);
        return result == s ? s : result;
    }

    private static List<int> Decompose(string s)
    {
        var list = new List<int>(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                cp = char.ConvertToUtf32(s[i], s[i + 1]);
                i++;
            }
            DecomposeOne(cp, list);
        }
        // canonical ordering: stable sort of each run of non-starters by combining class
        for (int i = 1; i < list.Count; i++)
        {
            int cc = CombiningClass(list[i]);
            if (cc == 0) continue;
            int j = i;
            while (j > 0)
            {
                int prev = CombiningClass(list[j - 1]);
                if (prev <= cc) break;
                (list[j - 1], list[j]) = (list[j], list[j - 1]);
                j--;
            }
        }
        return list;
    }

    private static void DecomposeOne(int cp, List<int> output)
    {
        if (cp >= SBase && cp < SBase + SCount)
        {
            int sIndex = cp - SBase;
            output.Add(LBase + sIndex / NCount);
            output.Add(VBase + (sIndex % NCount) / TCount);
            int t = TBase + sIndex % TCount;
            if (t != TBase) output.Add(t);
            return;
        }
        if (cp >= 0xC0 && Decomp.TryGetValue(cp, out var d))
        {
            DecomposeOne(d.First, output);
            if (d.Second >= 0) DecomposeOne(d.Second, output);
            return;
        }
        output.Add(cp);
    }

    private static int? ComposePair(int a, int b)
    {
        if (a >= LBase && a < LBase + LCount && b >= VBase && b < VBase + VCount)
            return SBase + ((a - LBase) * VCount + (b - VBase)) * TCount;
        if (a >= SBase && a < SBase + SCount && (a - SBase) % TCount == 0 && b > TBase && b < TBase + TCount)
            return a + (b - TBase);
        return Comp.TryGetValue(Key(a, b), out int c) ? c : null;
    }

    /// <summary>Canonical composition in place; returns the new length.</summary>
    private static int Compose(List<int> buf)
    {
        if (buf.Count == 0) return 0;
        int starterPos = 0;
        int starter = buf[0];
        int lastClass = CombiningClass(starter);
        if (lastClass != 0) lastClass = 256; // no starter yet: block everything
        int compPos = 1;
        for (int decompPos = 1; decompPos < buf.Count; decompPos++)
        {
            int ch = buf[decompPos];
            int chClass = CombiningClass(ch);
            int? composite = lastClass == 256 ? null : ComposePair(starter, ch);
            if (composite is int c && (lastClass < chClass || lastClass == 0))
            {
                buf[starterPos] = c;
                starter = c;
                continue;
            }
            if (chClass == 0)
            {
                starterPos = compPos;
                starter = ch;
            }
            lastClass = chClass;
            buf[compPos++] = ch;
        }
        return compPos;
    }

    private static string Encode(List<int> cps, int count)
    {
        var sb = new StringBuilder(count + 4);
        for (int i = 0; i < count; i++)
        {
            int cp = cps[i];
            if (cp >= 0x10000) sb.Append(char.ConvertFromUtf32(cp));
            else sb.Append((char)cp);
        }
        return sb.ToString();
    }
}
