using System.Globalization;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Text;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Core.Loading;

/// <summary>
/// Typed, located access to one YAML mapping of the content contract. Unknown keys are reported when it is
/// made (with the nearest known key); every getter reports a missing or ill-typed value at its own position.
/// </summary>
public sealed class Fields
{
    private readonly Dictionary<string, YamlNode> _values;
    private readonly Dictionary<string, YamlNode> _keys;
    private readonly int _lineOffset;
    private readonly string _prefix;

    public string File { get; }
    public DiagnosticBag Bag { get; }
    public SourceLocation Location { get; }

    /// <summary>Where each value was written ("lead", "cooperating[1]", "tasks.7"), shared with nested mappings.</summary>
    public Dictionary<string, SourceLocation> Positions { get; }

    public Fields(YamlMappingNode node, string file, int lineOffset, DiagnosticBag bag, IReadOnlyList<string> known, string prefix = "",
        Dictionary<string, SourceLocation>? positions = null)
    {
        File = file; _lineOffset = lineOffset; Bag = bag; _prefix = prefix;
        // Sized for the keys written (a report's 30 task entries would otherwise grow them four times over).
        _values = new(node.Children.Count, StringComparer.Ordinal);
        _keys = new(node.Children.Count, StringComparer.Ordinal);
        Positions = positions ?? new(node.Children.Count, StringComparer.Ordinal);
        Location = At(node);
        foreach (var (k, v) in node.Children)
        {
            var key = (k as YamlScalarNode)?.Value ?? "";
            if (!known.Contains(key))
            {
                bag.Add(Diagnostic.UnknownKey(At(k), _prefix + key, Suggest.Nearest(key, known), known));
                continue;
            }
            _values[key] = v; _keys[key] = k;
            Positions[_prefix + key] = At(v);
        }
    }

    public SourceLocation At(YamlNode node) => new(File, (int)node.Start.Line + _lineOffset, (int)node.Start.Column);
    public SourceLocation At(string key) => _values.TryGetValue(key, out var v) ? At(v) : Location;
    public SourceLocation KeyAt(string key) => _keys.TryGetValue(key, out var k) ? At(k) : Location;
    public bool Has(string key) => _values.ContainsKey(key) && !IsNull(_values[key]);
    public IEnumerable<string> Keys => _values.Keys;

    private static bool IsNull(YamlNode n) => n is YamlScalarNode s && s.Style == YamlDotNet.Core.ScalarStyle.Plain && (s.Value is null or "" or "~" or "null");

    private YamlNode? Get(string key, bool required)
    {
        if (_values.TryGetValue(key, out var v) && !IsNull(v)) return v;
        if (required) Bag.Add(Diagnostic.MissingKey(Location, _prefix + key));
        return null;
    }

    public string? Text(string key, bool required = false)
    {
        var n = Get(key, required);
        if (n is null) return null;
        if (n is YamlScalarNode s) return s.Value!.Trim() is { Length: > 0 } t ? t : Missing(key, required);
        Bag.Add(Diagnostic.WrongShape(At(n), _prefix + key, ValueShape.Text));
        return null;
    }

    private string? Missing(string key, bool required)
    {
        if (required) Bag.Add(Diagnostic.MissingKey(Location, _prefix + key));
        return null;
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var n = Get(key, required);
        if (n is null) return null;
        var text = (n as YamlScalarNode)?.Value ?? "";
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Bag.Add(Diagnostic.InvalidDate(At(n), text));
        return null;
    }

    public decimal? Number(string key, bool required = false)
    {
        var n = Get(key, required);
        if (n is null) return null;
        var text = (n as YamlScalarNode)?.Value ?? "";
        if (VnNumber.TryParse(text, out var value)) return value;
        Bag.Add(Diagnostic.InvalidNumber(At(n), text));
        return null;
    }

    public int? Integer(string key, bool required = false)
    {
        var n = Get(key, required);
        if (n is null) return null;
        var text = (n as YamlScalarNode)?.Value ?? "";
        if (int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i)) return i;
        Bag.Add(Diagnostic.WrongShape(At(n), _prefix + key, ValueShape.Integer));
        return null;
    }

    public bool? Boolean(string key)
    {
        var n = Get(key, false);
        if (n is not YamlScalarNode s) return null;
        return s.Value?.Trim().ToLowerInvariant() switch
        {
            "true" or "yes" or "có" or "1" => true,
            "false" or "no" or "không" or "0" => false,
            _ => null,
        };
    }

    /// <param name="meanings">What each value means, said beside it when the value written is none of them.</param>
    /// <param name="of">What the value belongs to, said after the key ("nhiệm vụ số 4").</param>
    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> choices, bool required = false,
        IReadOnlyList<Schema.SchemaChoice>? meanings = null, Sentence? of = null) where T : struct
    {
        var n = Get(key, required);
        if (n is null) return null;
        var text = (n as YamlScalarNode)?.Value?.Trim() ?? "";
        if (choices.TryGetValue(text, out var v)) return v;
        var quoted = $"\"{_prefix}{key}\"";
        Bag.Add(Diagnostic.InvalidChoice(At(n), text, of is null ? quoted : new Sentence($"{quoted} ({of.Vi})", $"{quoted} ({of.En})"),
            meanings is null ? Diagnostic.ChoiceList(choices.Keys) : Diagnostic.ChoiceList(meanings.Select(c => (c.Id, c.Vi, c.En)))));
        return null;
    }

    /// <summary>A list of texts; a single text is read as a list of one.</summary>
    public IReadOnlyList<(string Value, SourceLocation At)> TextList(string key, bool required = false)
    {
        var n = Get(key, required);
        switch (n)
        {
            case null: return [];
            case YamlScalarNode s: return s.Value!.Trim().Length > 0 ? [(s.Value!.Trim(), At(s))] : [];
            case YamlSequenceNode seq:
                var list = new List<(string, SourceLocation)>();
                foreach (var item in seq.Children)
                    if (item is YamlScalarNode si && !string.IsNullOrWhiteSpace(si.Value))
                    {
                        Positions[$"{_prefix}{key}[{list.Count}]"] = At(si);
                        list.Add((si.Value.Trim(), At(si)));
                    }
                    else Bag.Add(Diagnostic.WrongShape(At(item), _prefix + key, ValueShape.List));
                return list;
            default:
                Bag.Add(Diagnostic.WrongShape(At(n), _prefix + key, ValueShape.List));
                return [];
        }
    }

    /// <summary>A nested mapping (e.g. <c>period: { from, to }</c>).</summary>
    public Fields? Map(string key, IReadOnlyList<string> known, bool required = false)
    {
        var n = Get(key, required);
        if (n is null) return null;
        if (n is YamlMappingNode m) return new Fields(m, File, _lineOffset, Bag, known, $"{_prefix}{key}.", Positions);
        Bag.Add(Diagnostic.WrongShape(At(n), _prefix + key, ValueShape.Mapping));
        return null;
    }

    /// <summary>A list of mappings (e.g. <c>legal_bases</c>, <c>reporting</c>).</summary>
    public IReadOnlyList<Fields> Items(string key, IReadOnlyList<string> known, bool required = false)
    {
        var n = Get(key, required);
        if (n is null) return [];
        if (n is not YamlSequenceNode seq) { Bag.Add(Diagnostic.WrongShape(At(n), _prefix + key, ValueShape.List)); return []; }
        var list = new List<Fields>();
        foreach (var item in seq.Children)
            if (item is YamlMappingNode m) list.Add(new Fields(m, File, _lineOffset, Bag, known, $"{_prefix}{key}[{list.Count}].", Positions));
            else Bag.Add(Diagnostic.WrongShape(At(item), _prefix + key, ValueShape.Mapping));
        return list;
    }

    /// <summary>
    /// Entries keyed by ids whose values are mappings (a report's <c>tasks</c> and <c>targets</c>), written either as a
    /// mapping (<c>"7": { status: done }</c>) or as a list of mappings that name their id (<c>- { no: 7, status: done }</c>,
    /// the form a web form writes). Both mean the same; <c>tasks.7</c> is where entry 7 was written in either form.
    /// </summary>
    public IReadOnlyList<(string Key, SourceLocation KeyAt, Fields Value)> Entries(string key, IReadOnlyList<string> known, string idKey)
    {
        var n = Get(key, false);
        if (n is null) return [];
        var list = new List<(string, SourceLocation, Fields)>();
        Fields Entry(YamlMappingNode m, string id, IReadOnlyList<string> keys) =>
            new(m, File, _lineOffset, Bag, keys, $"{_prefix}{key}.{id}.", Positions);
        switch (n)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    var id = (k as YamlScalarNode)?.Value?.Trim() ?? "";
                    Positions[$"{_prefix}{key}.{id}"] = At(k);
                    if (v is YamlMappingNode m) list.Add((id, At(k), Entry(m, id, known)));
                    else if (IsNull(v)) list.Add((id, At(k), Entry(new YamlMappingNode(), id, known)));
                    else Bag.Add(Diagnostic.WrongShape(At(v), $"{_prefix}{key}.{id}", ValueShape.Mapping));
                }
                return list;
            case YamlSequenceNode seq:
                var withId = known.Prepend(idKey).ToList();
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    var item = seq.Children[i];
                    if (item is not YamlMappingNode m) { Bag.Add(Diagnostic.WrongShape(At(item), $"{_prefix}{key}[{i}]", ValueShape.Mapping)); continue; }
                    var idNode = m.Children.FirstOrDefault(c => (c.Key as YamlScalarNode)?.Value == idKey).Value;
                    var id = (idNode as YamlScalarNode)?.Value?.Trim() ?? "";
                    if (id.Length == 0)
                    {
                        if (idNode is null or YamlScalarNode) Bag.Add(Diagnostic.MissingKey(At(m), $"{_prefix}{key}[{i}].{idKey}"));
                        else Bag.Add(Diagnostic.WrongShape(At(idNode), $"{_prefix}{key}[{i}].{idKey}", ValueShape.Text));
                        continue;
                    }
                    Positions[$"{_prefix}{key}.{id}"] = At(idNode!);
                    list.Add((id, At(idNode!), Entry(m, id, withId)));
                }
                return list;
            default:
                Bag.Add(Diagnostic.WrongShape(At(n), _prefix + key, ValueShape.MappingOrList));
                return [];
        }
    }
}
