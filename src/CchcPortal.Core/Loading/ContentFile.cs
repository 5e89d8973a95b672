namespace CchcPortal.Core.Loading;

public enum ContentKind { Unit, Plan, Target, Task, Report, Page, Supervision }

/// <summary>Where a file sits in the content contract: its kind, plan, id and (for a translation) language.</summary>
public sealed record ContentFile(string RelPath, string FullPath, ContentKind Kind, string? PlanId, string Id, string? Language)
{
    public const string Layout =
        "content/units/<id>.md, content/plans/<plan>/index.md, content/plans/<plan>/{targets,tasks,reports}/<id>.md, content/supervision/<id>.md, content/pages/<slug>.md";

    /// <summary>The Vietnamese source a translation belongs to.</summary>
    public string SourceRelPath => Language is null ? RelPath : RelPath[..^($".{Language}.md".Length)] + ".md";

    /// <summary>Classifies a path relative to the site folder, or null when it has no place in the contract.</summary>
    public static ContentFile? Classify(string relPath, string fullPath, IReadOnlyCollection<string> translationLanguages)
    {
        if (!relPath.EndsWith(".md", StringComparison.Ordinal)) return null;
        var parts = relPath.Split('/');
        var name = parts[^1][..^3];
        string? lang = null;
        var dot = name.LastIndexOf('.');
        if (dot > 0 && translationLanguages.Contains(name[(dot + 1)..])) { lang = name[(dot + 1)..]; name = name[..dot]; }
        return parts switch
        {
            ["content", "units", _] => new(relPath, fullPath, ContentKind.Unit, null, name, lang),
            ["content", "supervision", _] => new(relPath, fullPath, ContentKind.Supervision, null, name, lang),
            ["content", "pages", _] => new(relPath, fullPath, ContentKind.Page, null, name, lang),
            ["content", "plans", var plan, _] when name == "index" => new(relPath, fullPath, ContentKind.Plan, plan, plan, lang),
            ["content", "plans", var plan, "targets", _] => new(relPath, fullPath, ContentKind.Target, plan, name, lang),
            ["content", "plans", var plan, "tasks", _] => new(relPath, fullPath, ContentKind.Task, plan, name, lang),
            ["content", "plans", var plan, "reports", _] => new(relPath, fullPath, ContentKind.Report, plan, name, lang),
            _ => null,
        };
    }
}
