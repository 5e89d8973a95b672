using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;

namespace CchcPortal.Site.Render;

/// <summary>The UI strings of one language (themes/&lt;theme&gt;/i18n/&lt;lang&gt;.yaml): every word of the chrome.</summary>
public sealed class Strings
{
    private readonly IReadOnlyDictionary<string, string> _values;
    private readonly Strings? _fallback;

    public string Lang { get; }
    public IReadOnlyDictionary<string, string> Values => _values;

    public Strings(string lang, IReadOnlyDictionary<string, string> values, Strings? fallback)
    {
        Lang = lang; _values = values; _fallback = fallback;
    }

    public string this[string key] => _values.TryGetValue(key, out var s) ? s : _fallback?[key] ?? key;

    /// <summary>A string with {0}-style arguments.</summary>
    public string Format(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    /// <summary>A report's name from its period label: "Báo cáo năm 2025" is already a name, "Quý III/2025" needs the word
    /// "Báo cáo" in front; with its number, "Báo cáo Quý III/2025 (247/BC-UBND)". Pages and feeds use this one rule.</summary>
    public string ReportTitle(string periodLabel, string? number)
    {
        var named = Core.Text.TextFold.Fold(periodLabel).StartsWith(Core.Text.TextFold.Fold(this["report"]), StringComparison.Ordinal)
            ? periodLabel : $"{this["report"]} {periodLabel}";
        return number is null ? named : $"{named} ({number})";
    }

    public static IReadOnlyDictionary<string, string> Parse(string relPath, string yaml, DiagnosticBag bag)
    {
        var map = SourceDocument.ParseYaml(relPath, yaml, 0, bag, out _);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (map is null) return result;
        foreach (var (k, v) in map.Children)
            if (k is YamlDotNet.RepresentationModel.YamlScalarNode ks && v is YamlDotNet.RepresentationModel.YamlScalarNode vs)
                result[ks.Value ?? ""] = vs.Value ?? "";
        return result;
    }
}
