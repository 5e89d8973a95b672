using System.Text.RegularExpressions;

namespace CchcPortal.Core.Configuration;

/// <summary>
/// The sites that may show <c>/embed/</c> in a frame (<c>embed_origins:</c> in site.yaml), as the server configurations
/// write them into <c>Content-Security-Policy: frame-ancestors</c>: a scheme, a host and an optional port
/// ("https://binhtan.dongnai.gov.vn", "http://xa.gov.vn:8080"), the host possibly "*."-prefixed for every sub-domain,
/// or a bare host ("binhtan.dongnai.gov.vn": the portal's own scheme). Never a path, a query, "*" or a keyword.
/// </summary>
public static partial class EmbedOrigins
{
    [GeneratedRegex(@"^(?:(?<scheme>https?)://)?(?<host>(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*)(?<port>:[0-9]{1,5})?/?$")]
    private static partial Regex Origin();

    /// <summary>The origin as the header writes it (lower case, no trailing "/"), or null when it is not one; then
    /// <paramref name="suggestion"/> is the origin the text probably means (an article's address → its site), if any.</summary>
    public static string? Normalise(string text, out string? suggestion)
    {
        suggestion = null;
        var s = text.Trim().ToLowerInvariant();
        var m = Origin().Match(s);
        if (m.Success && (m.Groups["port"].Success ? int.Parse(m.Groups["port"].Value[1..], System.Globalization.CultureInfo.InvariantCulture) is > 0 and <= 65535 : true))
            return s.TrimEnd('/');
        // An address with a path, a query or a fragment: its site is what the header can name.
        var withScheme = s.Contains("://", StringComparison.Ordinal) ? s : "https://" + s;
        if (Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0)
        {
            var origin = uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
            if (Origin().IsMatch(origin)) suggestion = origin;
        }
        return null;
    }
}
