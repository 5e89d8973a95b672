using System.Text;
using CchcPortal.Core.Text;

namespace CchcPortal.Core.Loading;

/// <summary>Ids are file names: lower-case ASCII letters, digits and hyphens.</summary>
public static class Ids
{
    public static bool IsValid(string id) =>
        id.Length > 0 && id[0] != '-' && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    public static bool IsLanguage(string code) => code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower);

    /// <summary>What an invalid id probably should be: folded, with other characters as hyphens.</summary>
    public static string Suggest(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in TextFold.Fold(name))
            sb.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '-');
        var s = sb.ToString();
        while (s.Contains("--", StringComparison.Ordinal)) s = s.Replace("--", "-", StringComparison.Ordinal);
        s = s.Trim('-');
        return s.Length > 0 ? s : "ma-moi";
    }
}
