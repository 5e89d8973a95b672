namespace CchcPortal.Core.Loading;

/// <summary>"Did you mean": the known word nearest to a mistyped one, by edit distance.</summary>
public static class Suggest
{
    public static string? Nearest(string word, IEnumerable<string> candidates)
    {
        // A shortened id ("thu-tuc" for "thu-tuc-hanh-chinh") is a likely slip too, however far by edit distance.
        var list = candidates as IReadOnlyCollection<string> ?? candidates.ToList();
        if (word.Length >= 3 && list.Where(c => c.StartsWith(word, StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault() is { } prefixed)
            return prefixed;
        candidates = list;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var c in candidates)
        {
            var d = Distance(word.ToLowerInvariant(), c);
            if (d < bestDistance || (d == bestDistance && string.CompareOrdinal(c, best) < 0)) { best = c; bestDistance = d; }
        }
        return best is not null && bestDistance <= Math.Max(2, word.Length / 3) ? best : null;
    }

    public static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
