using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;

namespace CchcPortal.Office.Import;

/// <summary>A unit the import creates: its id, the name as the plan writes it, and the file to write.</summary>
public sealed record NewUnit(string Id, string Name);

/// <summary>
/// Unit names of the appendix → unit ids of <c>content/units</c>, by name or short name, ignoring case, diacritics,
/// spacing and punctuation ("VP HĐND-UBND" = "VP HĐND - UBND"), "và" = "&amp;", and the place after the last "xã",
/// "phường" or "thị trấn" ("Văn phòng HĐND và UBND" matches "Văn phòng HĐND và UBND xã"). A name that matches none
/// becomes a new unit, its id derived from the name (made unique).
/// </summary>
public sealed class UnitMatcher
{
    private readonly Dictionary<string, string> _byKey = new(StringComparer.Ordinal);
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly List<NewUnit> _created = [];

    public UnitMatcher(IEnumerable<Unit> units)
    {
        foreach (var u in units.OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            _ids.Add(u.Id);
            foreach (var key in Keys(u.Name.Vi).Concat(u.Short is { } s ? Keys(s.Vi) : []))
                _byKey.TryAdd(key, u.Id);
        }
    }

    /// <summary>New units, in the order first met.</summary>
    public IReadOnlyList<NewUnit> Created => _created;

    public bool IsKnown(string name) => Keys(name).Any(_byKey.ContainsKey);

    public string Resolve(string name)
    {
        foreach (var key in Keys(name))
            if (_byKey.TryGetValue(key, out var id)) return id;
        var baseId = Ids.Suggest(name);
        if (baseId.Length > 60) baseId = baseId[..60].TrimEnd('-');
        var newId = baseId;
        for (var n = 2; _ids.Contains(newId); n++) newId = $"{baseId}-{n}";
        _ids.Add(newId);
        _created.Add(new NewUnit(newId, name));
        foreach (var key in Keys(name)) _byKey.TryAdd(key, newId);
        return newId;
    }

    /// <summary>The whole name's key, then the key without the place after the last "xã"/"phường"/"thị trấn".</summary>
    internal static IEnumerable<string> Keys(string name)
    {
        var words = AreaNames.Words(name.Replace("&", " va ")).Where(w => w != "va").ToList();
        if (words.Count == 0) yield break;
        yield return string.Concat(words);
        for (var i = words.Count - 1; i >= 1; i--)
        {
            var place = words[i] is "xa" or "phuong" || words[i] == "tran" && words[i - 1] == "thi";
            if (!place) continue;
            var cut = words[i] == "tran" ? i - 1 : i;
            if (cut >= 1 && words.Count - cut <= 4) yield return string.Concat(words.Take(cut));
            break;
        }
    }
}
