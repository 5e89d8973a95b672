using CchcPortal.Site.Markdown;

namespace CchcPortal.Tests.Content;

/// <summary>Images and links in Markdown bodies (issue 25): found with their line and column, resolved against the site's
/// files; an image without alt text renders valid (alt="") and addresses from the site's root work from any page.</summary>
public sealed class BodyReferenceTests
{
    private static readonly HashSet<string> Static = new(["files/ke-hoach.pdf", "images/so do.png"], StringComparer.Ordinal);

    [Fact]
    public void Finds_markdown_and_html_images_and_links_with_their_place()
    {
        var refs = BodyReferences.References("Đoạn đầu.\n\n![](a.png) và ![Sơ đồ](b.png)\n\nXem [bản ký](/files/x.pdf).\n\n<p>Ảnh:\n<img src='c.png' alt>\n<img\n src=\"d.png\"></p>\n\nMột <img src=e.png onerror=alert(1)> nữa, <a href=\"#muc-1\">mục 1</a>.\n");
        Assert.Equal(
        [
            new(2, 0, "a.png", true, false), new(2, 14, "b.png", true, true), new(4, 4, "/files/x.pdf", false, true),
            new(7, 0, "c.png", true, true), new(8, 0, "d.png", true, false), new(11, 4, "e.png", true, false), new(11, 42, "#muc-1", false, true),
        ], refs);
    }

    [Theory]
    [InlineData("/files/ke-hoach.pdf", null)]
    [InlineData("/files/ke-hoach.pdf#page=3", null)]
    [InlineData("/images/so%20do.png", null)]
    [InlineData("../../../../files/ke-hoach.pdf", null)]           // relative, from a task page: the same file
    [InlineData("/files/khong-co.pdf", "files/khong-co.pdf")]
    [InlineData("khong-co.pdf", "ke-hoach/2025/nhiem-vu/07/khong-co.pdf")]
    [InlineData("/cchc/files/ke-hoach.pdf", "cchc/files/ke-hoach.pdf")] // base_url's folder written in: broken once made relative
    [InlineData("../../../../../../x.pdf", "../../../../../../x.pdf")]
    [InlineData("https://vbpl.vn/x.pdf", null)]
    [InlineData("//cdn.example/x.png", null)]
    [InlineData("mailto:vanphong@ochodua.gov.vn", null)]
    [InlineData("#muc-1", null)]
    [InlineData("/theo-doi/", null)]                               // a page, not a file
    [InlineData("/ke-hoach/2025/index.html", null)]
    [InlineData("/data/tasks.csv", null)]                          // written by the build
    [InlineData("/en/feed.xml", null)]
    public void Resolves_addresses_against_the_sites_files(string url, string? missing) =>
        Assert.Equal(missing, BodyReferences.Missing(url, "ke-hoach/2025/nhiem-vu/07/", Static));

    [Theory]
    [InlineData("x", "ke-hoach/2025/nhiem-vu/07/x")]             // what the held-out site had: <img src="x">
    [InlineData("/images/so%20do.png", null)]
    [InlineData("/theo-doi/", "theo-doi")]
    [InlineData("data:image/png;base64,AAAA", null)]
    public void An_images_address_is_always_a_file(string url, string? missing) =>
        Assert.Equal(missing, BodyReferences.Missing(url, "ke-hoach/2025/nhiem-vu/07/", Static, image: true));

    [Fact]
    public void An_image_without_alt_renders_with_an_empty_alt()
    {
        var html = MarkdownRenderer.ToHtml("Ảnh: <img src=\"/files/a.png\" onerror=\"alert(1)\">\n\n<img src=\"b.png\" alt=\"Sơ đồ\">\n");
        Assert.Contains("<img src=\"/files/a.png\" alt=\"\">", html);
        Assert.Contains("<img src=\"b.png\" alt=\"Sơ đồ\">", html);
        Assert.DoesNotContain("onerror", html);
    }

    [Fact]
    public void Addresses_from_the_root_become_relative_to_the_page()
    {
        var html = MarkdownRenderer.ToHtml("[Kế hoạch](/files/ke-hoach.pdf), [vbpl](//vbpl.vn/a), [mục](#a), ![s](/images/s.png)\n");
        Assert.Equal("<p><a href=\"../../files/ke-hoach.pdf\">Kế hoạch</a>, <a href=\"//vbpl.vn/a\">vbpl</a>, <a href=\"#a\">mục</a>, <img src=\"../../images/s.png\" alt=\"s\"></p>\n",
            MarkdownRenderer.FromRoot(html, "../../"));
    }
}
