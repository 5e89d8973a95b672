using CchcPortal.Core.Model;
using CchcPortal.Core.Text;

namespace CchcPortal.Office.Import;

/// <summary>
/// The reform area a group row names. Plans shorten and vary the names ("Cải cách TTHC", "CẢI CÁCH THỦ TỤC HÀNH
/// CHÍNH"), so a group row matches an area by the area's distinctive words or usual short forms, as whole words of the
/// folded text (case and diacritics ignored); a row matching no area, or more than one, is not guessed.
/// </summary>
public static class AreaNames
{
    /// <summary>Per area, word sequences (folded) that name it; the area id itself also counts.</summary>
    private static readonly (string Area, string[] Words)[] Keys =
    [
        ("chi-dao-dieu-hanh", ["chi dao", "dieu hanh"]),
        ("the-che", ["the che"]),
        ("thu-tuc-hanh-chinh", ["thu tuc hanh chinh", "tthc", "kiem soat thu tuc"]),
        ("to-chuc-bo-may", ["bo may", "to chuc bo may"]),
        ("cong-vu", ["cong vu", "che do cong vu"]),
        ("tai-chinh-cong", ["tai chinh cong", "tai chinh"]),
        ("chinh-quyen-so", ["chinh quyen dien tu", "chinh quyen so", "chuyen doi so", "hien dai hoa hanh chinh", "hien dai hoa nen hanh chinh", "chinh phu dien tu", "chinh phu so"]),
    ];

    /// <summary>The areas the text names (empty: none; several: ambiguous).</summary>
    public static IReadOnlyList<Area> Match(string text)
    {
        var words = " " + string.Join(' ', Words(text)) + " ";
        var found = new List<Area>();
        foreach (var (id, keys) in Keys)
            if (keys.Append(id.Replace('-', ' ')).Any(k => words.Contains(" " + k + " ", StringComparison.Ordinal)))
                found.Add(Area.Find(id)!);
        return found;
    }

    /// <summary>The folded words of a text: runs of letters and digits.</summary>
    internal static IEnumerable<string> Words(string text)
    {
        var folded = TextFold.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsAsciiLetterOrDigit(folded[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0) { yield return folded[start..i]; start = -1; }
        }
    }

    /// <summary>"chi-dao-dieu-hanh (Công tác chỉ đạo, …)" for each area, for messages.</summary>
    public static string List(string lang) => string.Join("; ", Area.All.Select(a => $"{a.Id} ({a.Name(lang)})"));
}
