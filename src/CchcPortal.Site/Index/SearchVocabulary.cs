using System.Text.RegularExpressions;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Text;
using CchcPortal.Site.Render;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Site.Index;

/// <summary>An abbreviation and its full form, as written ("TTHC", "thủ tục hành chính").</summary>
public sealed record Abbreviation(string Short, string Full);

/// <summary>
/// The words search knows beyond the documents' own: the domain's abbreviations (<c>search/abbreviations.yaml</c> of
/// the theme, which a site's theme extends) and the phrases of the labels pages show beside a document (its type and
/// status: "Quá hạn", "Chưa báo cáo", "Đạt"...), by i18n key, in every language of the site.
/// </summary>
public sealed class SearchVocabulary
{
    public const string AbbreviationsFile = "search/abbreviations.yaml";

    public IReadOnlyList<Abbreviation> Abbreviations { get; }
    private readonly IReadOnlyList<IReadOnlyDictionary<string, string>> _strings;

    public SearchVocabulary(IReadOnlyList<Abbreviation> abbreviations, IReadOnlyList<IReadOnlyDictionary<string, string>> strings)
    {
        Abbreviations = abbreviations;
        _strings = strings;
    }

    /// <summary>A label's phrases: its text in each language, lower case, each once (none when no language has the key:
    /// such a label is never matched, rather than matched by its key's words).</summary>
    public IReadOnlyList<string> Phrases(string key)
    {
        var phrases = new List<string>();
        foreach (var s in _strings)
            if (s.TryGetValue(key, out var text) && text.Trim().ToLowerInvariant() is { Length: > 0 } p && !phrases.Contains(p)) phrases.Add(p);
        return phrases;
    }

    /// <summary>The built-in theme's abbreviations and strings (vi, en): what the tests and a site without its own use.</summary>
    public static SearchVocabulary BuiltIn { get; } = new(
        ParseAbbreviations("themes/default/" + AbbreviationsFile, Theme.ReadBuiltIn(AbbreviationsFile) ?? "", new DiagnosticBag()),
        new[] { "vi", "en" }.Select(l => Strings.Parse($"themes/default/i18n/{l}.yaml", Theme.ReadBuiltIn($"i18n/{l}.yaml") ?? "", new DiagnosticBag())).ToList());

    /// <summary>Validate: the site theme's abbreviations file, when it has one (<c>cchc check</c> reports its mistakes too).</summary>
    public static void Check(Theme theme, DiagnosticBag bag)
    {
        if (theme.IsOwn(AbbreviationsFile)) ParseAbbreviations(theme.FileOf(AbbreviationsFile), theme.Read(AbbreviationsFile) ?? "", bag);
    }

    /// <summary>A site's vocabulary: the built-in abbreviations with its theme's added (its line wins), its strings.
    /// Its file's mistakes go to <paramref name="bag"/> (the build passes none: <see cref="Check"/> reported them).</summary>
    public static SearchVocabulary Of(Theme theme, IEnumerable<Strings> strings, DiagnosticBag? bag = null)
    {
        var list = BuiltIn.Abbreviations.ToList();
        if (theme.IsOwn(AbbreviationsFile))
        {
            var own = ParseAbbreviations(theme.FileOf(AbbreviationsFile), theme.Read(AbbreviationsFile) ?? "", bag ?? new DiagnosticBag());
            var replaced = own.Select(a => TextFold.Fold(a.Short)).ToHashSet(StringComparer.Ordinal);
            list = [.. list.Where(a => !replaced.Contains(TextFold.Fold(a.Short))), .. own];
        }
        return new(list, strings.Select(s => s.Values).ToList());
    }

    /// <summary>
    /// <c>ABBR: full form</c> or <c>ABBR: [full, full]</c> per line. A value that is neither is reported with its
    /// line and skipped.
    /// </summary>
    public static List<Abbreviation> ParseAbbreviations(string relPath, string yaml, DiagnosticBag bag)
    {
        var list = new List<Abbreviation>();
        var map = SourceDocument.ParseYaml(relPath, yaml, 0, bag, out _);
        if (map is null) return list;
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode { Value: { Length: > 0 } key }) continue;
            IEnumerable<YamlNode> values = v is YamlSequenceNode seq ? seq.Children : [v];
            foreach (var item in values)
            {
                if (item is YamlScalarNode { Value: { Length: > 0 } full } && SearchTokens.Of(full).Count > 0)
                    list.Add(new(key.Trim(), full.Trim()));
                else
                    bag.Add(Diagnostic.SearchAbbreviationNotText(relPath, (int)item.Start.Line, (int)item.Start.Column, key));
            }
        }
        return list;
    }

    // ---- abbreviations a plan defines in its own text -----------------------------------------------------------

    private const int MaxAfter = 3;

    /// <summary>"… Ban thanh tra nhân dân (sau đây viết tắt là BTTND)", "(gọi tắt là: "UBMTTQ")", "(viết tắt: CĐS)".</summary>
    private static readonly Regex Defined = new(
        @"(?<before>[^()\r\n]{1,200}?)\s*\(\s*(?:sau\s+đây\s+)?(?:được\s+)?(?:gọi|viết)\s+tắt(?:\s+là)?\s*:?\s*[""“'‘]?(?<short>[\p{L}\p{Nd}][\p{L}\p{Nd}\-\.&]{0,15})[""”'’]?\s*\)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>
    /// The abbreviations a text defines: an acronym in the parentheses and, as its full form, the words just before
    /// them whose initials spell it ("Ban thanh tra nhân dân (sau đây viết tắt là BTTND)"), up to three words before
    /// the parenthesis ("Ban thanh tra nhân dân xã (…)"). A short name that is not
    /// an acronym of the words before it ("(gọi tắt là Trung tâm)") is not one: its extent cannot be told.
    /// </summary>
    public static List<Abbreviation> DefinedIn(string text)
    {
        var list = new List<Abbreviation>();
        if (string.IsNullOrEmpty(text)) return list;
        text = TextFold.ToNfc(text);
        if (text.IndexOf("tắt", StringComparison.OrdinalIgnoreCase) < 0) return list; // the usual plan: no definition
        IEnumerable<Match> matches;
        try { matches = Defined.Matches(text).ToList(); }
        catch (RegexMatchTimeoutException) { return list; } // a pathological text: no definitions rather than no build
        foreach (var m in matches)
        {
            var shortForm = m.Groups["short"].Value;
            var letters = TextFold.Fold(new string(shortForm.Where(char.IsLetter).ToArray()));
            if (letters.Length < 2 || shortForm.Count(char.IsUpper) < 2) continue;
            var words = Regex.Matches(m.Groups["before"].Value, @"[\p{L}\p{Nd}\p{M}]+").Select(w => w.Value).ToList();
            // The words whose initials spell it, ending at most MaxAfter words before the parenthesis
            // ("Ban thanh tra nhân dân xã (… BTTND)", "Ủy ban Mặt trận Tổ quốc Việt Nam xã (… UBMTTQ)").
            for (int after = 0; after <= MaxAfter && words.Count - after - letters.Length >= 0; after++)
            {
                var full = words.GetRange(words.Count - after - letters.Length, letters.Length);
                if (!full.Select(w => TextFold.Fold(w)[0]).SequenceEqual(letters)) continue;
                list.Add(new(shortForm, string.Join(' ', full)));
                break;
            }
        }
        return list;
    }
}
