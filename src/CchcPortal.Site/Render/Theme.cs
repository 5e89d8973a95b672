using System.Reflection;

namespace CchcPortal.Site.Render;

/// <summary>
/// The theme's files: a site's own <c>themes/&lt;name&gt;/</c> first, then the default theme built into the tool,
/// so a site without a themes/ folder builds and a site may override any single layout, string file or asset.
/// </summary>
public sealed class Theme
{
    private static readonly Assembly Self = typeof(Theme).Assembly;
    private static readonly string[] Embedded = Self.GetManifestResourceNames()
        .Where(n => n.StartsWith("theme/", StringComparison.Ordinal)).Select(n => n["theme/".Length..]).Order(StringComparer.Ordinal).ToArray();

    private readonly string? _siteThemeDir;
    private readonly string _name;

    public Theme(string sourceDir, string name)
    {
        var dir = Path.Combine(sourceDir, "themes", name);
        _siteThemeDir = Directory.Exists(dir) ? dir : null;
        _name = name;
    }

    /// <summary>
    /// The file a theme path is read from, as diagnostics name it (relative to the site folder): the site's own
    /// <c>themes/&lt;name&gt;/...</c> when it has the file, else the built-in theme's <c>themes/default/...</c>.
    /// </summary>
    public string FileOf(string path) => IsOwn(path) ? $"themes/{_name}/{path}" : $"themes/default/{path}";

    public string? Read(string path) => IsOwn(path) ? File.ReadAllText(Path.Combine(_siteThemeDir!, path)) : ReadBuiltIn(path);

    /// <summary>The built-in theme's file, even when the site's theme has its own.</summary>
    public static string? ReadBuiltIn(string path)
    {
        using var stream = Self.GetManifestResourceStream("theme/" + path);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>True when the site's theme has its own copy of the file.</summary>
    public bool IsOwn(string path) => _siteThemeDir is not null && File.Exists(Path.Combine(_siteThemeDir, path));

    public byte[]? ReadBytes(string path)
    {
        if (_siteThemeDir is not null && File.Exists(Path.Combine(_siteThemeDir, path))) return File.ReadAllBytes(Path.Combine(_siteThemeDir, path));
        using var stream = Self.GetManifestResourceStream("theme/" + path);
        if (stream is null) return null;
        using var ms = new MemoryStream();
        stream.CopyTo(ms);
        return ms.ToArray();
    }

    /// <summary>Every file under a folder of the theme (e.g. "assets/"), site files and built-in ones merged.</summary>
    public IReadOnlyList<string> List(string folder)
    {
        var names = new SortedSet<string>(Embedded.Where(n => n.StartsWith(folder, StringComparison.Ordinal)), StringComparer.Ordinal);
        var dir = _siteThemeDir is null ? null : Path.Combine(_siteThemeDir, folder);
        if (dir is not null && Directory.Exists(dir))
            foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                names.Add(folder + Path.GetRelativePath(dir, f).Replace('\\', '/'));
        return names.ToList();
    }
}
