namespace CchcPortal.Core.Text;

/// <summary>How an actual value is compared with a target's value.</summary>
public enum Comparator { AtLeast, MoreThan, AtMost, LessThan, Equal }

/// <summary>A target's goal: a comparator and a number, written ">= 98", "≥ 98", "> 70", "98" (bare means ≥), "\"2,95\"".</summary>
public sealed record Goal(Comparator Comparator, decimal Value)
{
    public static bool TryParse(string? text, out Goal? goal)
    {
        goal = null;
        if (text is null) return false;
        string s = TextFold.ToNfc(text).Trim();
        if (s.Length >= 2 && (s[0] == '"' && s[^1] == '"' || s[0] == '\'' && s[^1] == '\'')) s = s[1..^1].Trim();
        if (s.Length == 0) return false;

        (string token, Comparator cmp)[] ops =
        {
            (">=", Comparator.AtLeast), ("=>", Comparator.AtLeast), ("≥", Comparator.AtLeast),
            ("<=", Comparator.AtMost), ("=<", Comparator.AtMost), ("≤", Comparator.AtMost),
            ("==", Comparator.Equal), (">", Comparator.MoreThan), ("<", Comparator.LessThan), ("=", Comparator.Equal),
        };
        var comparator = Comparator.AtLeast;
        foreach (var (token, cmp) in ops)
        {
            if (!s.StartsWith(token, StringComparison.Ordinal)) continue;
            comparator = cmp;
            s = s[token.Length..].Trim();
            break;
        }
        if (s.EndsWith('%')) s = s[..^1].TrimEnd();
        if (s.Length >= 2 && (s[0] == '"' && s[^1] == '"' || s[0] == '\'' && s[^1] == '\'')) s = s[1..^1].Trim();
        if (!VnNumber.TryParse(s, out var value)) return false;
        goal = new Goal(comparator, value);
        return true;
    }

    public bool IsMetBy(decimal actual) => Comparator switch
    {
        Comparator.AtLeast => actual >= Value,
        Comparator.MoreThan => actual > Value,
        Comparator.AtMost => actual <= Value,
        Comparator.LessThan => actual < Value,
        _ => actual == Value,
    };

    /// <summary>"≥", ">", "≤", "<", "=".</summary>
    public string Symbol => Comparator switch
    {
        Comparator.AtLeast => "≥",
        Comparator.MoreThan => ">",
        Comparator.AtMost => "≤",
        Comparator.LessThan => "<",
        _ => "=",
    };

    /// <summary>The ASCII form accepted by <see cref="TryParse"/>: ">= 98.5".</summary>
    public string AsciiSymbol => Comparator switch
    {
        Comparator.AtLeast => ">=",
        Comparator.MoreThan => ">",
        Comparator.AtMost => "<=",
        Comparator.LessThan => "<",
        _ => "=",
    };

    /// <summary>For display: "≥ 98,5" in vi, "≥ 98.5" in en.</summary>
    public string Display(string lang) => $"{Symbol} {VnNumber.Format(Value, lang)}";

    /// <summary>Round-trips through <see cref="TryParse"/>: ">= 98.5".</summary>
    public override string ToString() => $"{AsciiSymbol} {VnNumber.Format(Value, "en").Replace(",", "")}";
}
