using System.Security.Cryptography;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Core.Schema;
using CchcPortal.Site.Build;
using CchcPortal.Site.Editor;
using CchcPortal.Site.Output;
using CchcPortal.Tests.Content;
using YamlDotNet.RepresentationModel;

namespace CchcPortal.Tests.Build;

/// <summary>The web editor at /admin/: written only with <c>editor:</c>, configured from the contract, kept apart from the portal.</summary>
public class EditorTests
{
    private const string EditorLine = "editor: { backend: github, repo: xa-binh-tan/cchc, branch: main }\n";

    /// <summary>A copy of a test site, with <c>editor:</c> in its site.yaml when asked.</summary>
    private static string Site(string name, string? editor = EditorLine)
    {
        var dir = Repo.TempDir("editor-site");
        ReportListTests.CopyDir(Repo.Path("tests", "sites", name), dir);
        if (editor is not null) File.AppendAllText(Path.Combine(dir, "site.yaml"), editor);
        return dir;
    }

    private static string Build(string source)
    {
        var output = Repo.TempDir("editor-out");
        var result = SiteBuilder.Run(new BuildOptions(source, output, Today: new DateOnly(2025, 12, 20)));
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return output;
    }

    [Fact]
    public void Without_editor_there_is_no_admin_and_the_server_files_are_unchanged()
    {
        var output = Build(Site("minimal", editor: null));
        Assert.False(Directory.Exists(Path.Combine(output, "admin")));
        foreach (var file in new[] { "_server/nginx.conf", "_server/Caddyfile", ".htaccess" })
            Assert.DoesNotContain("admin", File.ReadAllText(Path.Combine(output, file)), StringComparison.Ordinal);
        // The Caddyfile's lines as before: every directive indented by one tab.
        Assert.Contains($"header @card Content-Security-Policy \"{ServerConfig.HeaderPolicy}\"\n\theader {{\n", File.ReadAllText(Path.Combine(output, "_server/Caddyfile")), StringComparison.Ordinal);
    }

    [Fact]
    public void With_editor_admin_holds_the_pinned_editor_its_licence_and_a_noindex_page()
    {
        var output = Build(Site("seed-004"));
        var admin = Path.Combine(output, "admin");
        foreach (var name in EditorOutput.ShippedFiles.Concat(["index.html", "config.yml", "cchc-admin.js"]))
            Assert.True(File.Exists(Path.Combine(admin, name)), name);
        // The released bundle of @sveltia/cms 0.221.1 as npm ships it (scripts/update-cms.sh), byte for byte.
        Assert.Equal("2fc783907e1a4a70783f155cc28435c70b8f79792f2aab75e787984e84aa413a",
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(admin, "sveltia-cms.js")))));
        Assert.Contains("MIT License", File.ReadAllText(Path.Combine(admin, "LICENSE.txt")), StringComparison.Ordinal);
        // The release's Vietnamese strings, with the ones it lacks: valid JSON, every key of the release kept.
        using (var strings = System.Text.Json.JsonDocument.Parse(File.ReadAllBytes(Path.Combine(admin, "vi.json"))))
        using (var release = System.Text.Json.JsonDocument.Parse(EditorOutput.Shipped("vi.json")))
        {
            Assert.Equal("Xem lỗi", strings.RootElement.GetProperty("show_errors").GetString());
            Assert.Equal(release.RootElement.EnumerateObject().Count() + 1, strings.RootElement.EnumerateObject().Count());
            Assert.Equal(release.RootElement.GetProperty("entry_validation_errors").GetString(), strings.RootElement.GetProperty("entry_validation_errors").GetString());
        }
        Assert.Contains("SIL Open Font License", File.ReadAllText(Path.Combine(admin, "FONTS-LICENSE.txt")), StringComparison.Ordinal);

        var doc = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(admin, "index.html")));
        Assert.Equal("noindex, nofollow", doc.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Equal(EditorOutput.Policy(new EditorSettings("github", "xa-binh-tan/cchc", "main")),
            doc.QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content"));
        // Only scripts of its own folder: no CDN.
        Assert.Equal(["cchc-admin.js", "cchc-form.js", "sveltia-cms.js"], doc.QuerySelectorAll("script").Select(s => s.GetAttribute("src")));

        // Out of the sitemap and the search index; no page links to it.
        Assert.DoesNotContain("admin", File.ReadAllText(Path.Combine(output, "sitemap.xml")), StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(output, "search"), "*", SearchOption.AllDirectories))
            Assert.DoesNotContain("/admin/", File.ReadAllText(file), StringComparison.Ordinal);
    }

    [Fact]
    public void Public_pages_keep_the_strict_policy_and_the_editor_has_its_own()
    {
        // The public pages' policy, unchanged by the editor.
        Assert.Equal("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
            ServerConfig.ContentSecurityPolicy);
        var output = Build(Site("seed-004"));
        var parser = new HtmlParser();
        var pages = Directory.EnumerateFiles(output, "*.html", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(output, f).StartsWith("admin", StringComparison.Ordinal)).ToList();
        Assert.True(pages.Count > 50);
        foreach (var file in pages)
            Assert.Equal(ServerConfig.ContentSecurityPolicy,
                parser.ParseDocument(File.ReadAllText(file)).QuerySelector("meta[http-equiv=Content-Security-Policy]")?.GetAttribute("content"));

        // Each server configuration sends the site's policy everywhere but /admin/, and the editor's there.
        var editorPolicy = EditorOutput.HeaderPolicy(new EditorSettings("github", "xa-binh-tan/cchc", "main"));
        Assert.Contains("connect-src 'self' blob: data: https://api.github.com", editorPolicy, StringComparison.Ordinal);
        var nginx = File.ReadAllText(Path.Combine(output, "_server/nginx.conf"));
        var adminBlock = nginx[nginx.IndexOf("location ^~ /cchc/admin/ {", StringComparison.Ordinal)..];
        adminBlock = adminBlock[..adminBlock.IndexOf('}')];
        Assert.Contains($"Content-Security-Policy \"{editorPolicy}\"", adminBlock, StringComparison.Ordinal);
        Assert.Contains("X-Robots-Tag \"noindex, nofollow\"", adminBlock, StringComparison.Ordinal);
        Assert.Equal(1, nginx.Split(editorPolicy).Length - 1);   // in the editor's location only
        var caddy = File.ReadAllText(Path.Combine(output, "_server/Caddyfile"));
        Assert.Contains("@page not path /cchc/embed/* /cchc/en/embed/* /cchc/admin/*\n", caddy, StringComparison.Ordinal);
        Assert.Contains($"@editor path /cchc/admin/*\n\theader @editor Content-Security-Policy \"{editorPolicy}\"\n", caddy, StringComparison.Ordinal);
        var htaccess = File.ReadAllText(Path.Combine(output, ".htaccess"));
        Assert.Contains($"<If \"%{{REQUEST_URI}} =~ m#^/cchc/admin/#\">\n    Header always set Content-Security-Policy \"{editorPolicy}\"", htaccess, StringComparison.Ordinal);
        Assert.Contains("</If>\n  <ElseIf \"%{REQUEST_URI} =~ m#^(/cchc/embed/", htaccess, StringComparison.Ordinal);
        Assert.Contains("</ElseIf>\n  <Else>\n", htaccess, StringComparison.Ordinal);
        Assert.Contains($"<Else>\n    Header always set Content-Security-Policy \"{ServerConfig.HeaderPolicy}\"", htaccess, StringComparison.Ordinal);
        // cchc serve sends the same.
        var config = new SiteConfig("t", null, null, "/", ["vi", "en"], new DateOnly(2025, 12, 20), true, "default", "CC BY 4.0", new EditorSettings("github", "xa-binh-tan/cchc", "main"));
        Assert.Equal(editorPolicy, ServerConfig.HeaderPolicyFor("/admin/", config));
        Assert.Equal(ServerConfig.HeaderPolicy, ServerConfig.HeaderPolicyFor("/ke-hoach/2025/", config));
    }

    [Fact]
    public void GitLab_editor_may_talk_to_gitlab_only()
    {
        var policy = EditorOutput.Policy(new EditorSettings("gitlab", "xa/cchc", "main"));
        Assert.Contains("connect-src 'self' blob: data: https://gitlab.com;", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("github", policy, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("editor: { backend: gitea, repo: a/b }\n", "site.yaml(8,20): error CC0021: Giá trị \"gitea\" của \"editor.backend\" không hợp lệ. Dùng một trong: github, gitlab.")]
    [InlineData("editor: { backend: github, repo: https://github.com/a/b }\n", "site.yaml(8,34): error CC0052: Kho \"https://github.com/a/b\" của trình soạn thảo web (editor.repo) phải có dạng chủ-sở-hữu/tên-kho như trong địa chỉ kho, ví dụ \"chu-so-huu/ten-kho\".")]
    [InlineData("editor: { backend: github, repo: a/b, branch: my branch }\n", "site.yaml(8,47): error CC0053: Nhánh \"my branch\" của trình soạn thảo web (editor.branch) không phải tên nhánh git hợp lệ (không dấu cách, không ~ ^ : ? * [ \\ hay ..); thường là main.")]
    [InlineData("editor: { backend: github }\n", "site.yaml(8,9): error CC0006: Thiếu khóa bắt buộc \"editor.repo\". Hãy thêm dòng \"editor.repo: ...\" vào phần đầu trang.")]
    [InlineData("editor: { backend: github, repos: a/b }\n", "site.yaml(8,28): error CC0005: Khóa \"editor.repos\" không có trong định dạng nội dung. Có phải ý bạn là \"repo\"? Các khóa hợp lệ: backend, repo, branch.")]
    [InlineData("editor: github\n", "site.yaml(8,9): error CC0007: Giá trị của \"editor\" phải là một nhóm khóa lồng nhau.")]
    public void Editor_settings_are_checked_where_they_are_written(string editor, string expected)
    {
        var bag = new DiagnosticBag();
        SiteLoader.Load(Site("minimal", editor), bag, new DateOnly(2025, 12, 20));
        Assert.Contains(expected, bag.Sorted().Select(d => d.ToString("vi")));
    }

    [Theory]
    [InlineData("editor: { backend: gitlab, repo: group/sub/cchc }\n", "gitlab", "group/sub/cchc", "main")]
    [InlineData("editor: { backend: github, repo: xa-binh-tan/cchc, branch: cong-bo }\n", "github", "xa-binh-tan/cchc", "cong-bo")]
    public void Editor_settings_are_read(string editor, string backend, string repo, string branch)
    {
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(Site("minimal", editor), bag, new DateOnly(2025, 12, 20));
        Assert.Empty(bag.Sorted());
        Assert.Equal(new EditorSettings(backend, repo, branch), content!.Config.Editor);
    }

    // ---- the editor's configuration and the contract -----------------------------------------------------------

    private static YamlMappingNode Config()
    {
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(Site("seed-000"), bag, new DateOnly(2025, 12, 20))!;
        var yaml = new YamlStream();
        yaml.Load(new StringReader(CmsConfig.Generate(content.Config, content.Plans)));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string S(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlScalarNode)v).Value ?? "" : "";

    private static IEnumerable<YamlMappingNode> Seq(YamlNode node, string key) =>
        ((YamlMappingNode)node).Children.TryGetValue(new YamlScalarNode(key), out var v) ? ((YamlSequenceNode)v).Children.Cast<YamlMappingNode>() : [];

    /// <summary>Every key of the contract has a field, and every field is a key of the contract (besides the body), at every depth.</summary>
    [Fact]
    public void Every_key_of_the_contract_has_a_field_and_every_field_is_a_key()
    {
        var collections = Seq(Config(), "collections").Where(c => S(c, "name").Length > 0).ToList();
        var names = collections.Select(c => S(c, "name")).ToHashSet(StringComparer.Ordinal);
        foreach (var collection in collections)
        {
            var name = S(collection, "name");
            var kind = ContentSchema.All.Single(k => name == k.Id || name.StartsWith(k.Id + "-", StringComparison.Ordinal));
            var plan = name == kind.Id ? null : name[(kind.Id.Length + 1)..];
            // A plan is content/plans/<id>/index.md: the plans' collection is content/plans with the path <id>/index.
            Assert.Equal(kind.Kind == ContentKind.Plan ? "content/plans" : kind.Folder.Replace("{plan}", plan, StringComparison.Ordinal), S(collection, "folder"));
            var fields = Seq(collection, "fields").ToList();
            Assert.Equal("body", S(fields[^1], "name"));
            Assert.Equal("markdown", S(fields[^1], "widget"));
            Same(kind.Fields, fields[..^1], name, names, plan);
        }
        // One collection of each plan kind per plan, and one of each other kind.
        Assert.Equal(4, collections.Count(c => !S(c, "name").Contains('-', StringComparison.Ordinal)));
        Assert.Equal(collections.Count(c => S(c, "name").StartsWith("tasks-", StringComparison.Ordinal)),
            collections.Count(c => S(c, "name").StartsWith("reports-", StringComparison.Ordinal)));
    }

    private static void Same(IReadOnlyList<SchemaField> schema, IReadOnlyList<YamlMappingNode> fields, string where, HashSet<string> collections, string? plan)
    {
        Assert.Equal(schema.Select(f => f.Key), fields.Select(f => S(f, "name")));
        foreach (var (f, field) in schema.Zip(fields))
        {
            var at = $"{where}.{f.Key}";
            Assert.True((f.Required ? "true" : "false") == S(field, "required"), $"{at}: required");
            if (S(field, "i18n") == "true") Assert.True(f.Translatable, $"{at}: only text is translated; data comes from the Vietnamese file");
            var widget = S(field, "widget");
            switch (f.Type)
            {
                case FieldType.Text: Assert.Equal("string", widget); break;
                case FieldType.Integer or FieldType.Number: Assert.Equal("number", widget); break;
                case FieldType.Date:
                    Assert.Equal(("datetime", "date", "YYYY-MM-DD"), (widget, S(field, "type"), S(field, "format")));
                    break;
                case FieldType.Choice:
                    Assert.Equal("select", widget);
                    Assert.Equal(f.Choices.Select(c => c.Id), Seq(field, "options").Select(o => S(o, "value")));
                    Assert.Equal(f.Choices.Select(c => c.Vi), Seq(field, "options").Select(o => S(o, "label")));
                    break;
                case FieldType.Reference when f.Refers == RefersTo.Period:
                    Assert.True(widget is "select" or "string", at);
                    break;
                case FieldType.Reference:
                    Assert.Equal("relation", widget);
                    var target = S(field, "collection");
                    Assert.Contains(target, collections);
                    // Tasks and targets of the same plan; units and plans of the site.
                    // A supervision (no plan of its own) picks among the current plan's tasks.
                    if (f.Refers is RefersTo.Task && plan is null && where == "supervision")
                        Assert.StartsWith("tasks-", target, StringComparison.Ordinal);
                    else if (f.Refers is RefersTo.Task or RefersTo.Target) Assert.EndsWith("-" + plan, target, StringComparison.Ordinal);
                    else Assert.DoesNotContain("-", target, StringComparison.Ordinal);
                    Assert.Equal(f.Multiple, S(field, "multiple") == "true");
                    break;
                case FieldType.Object:
                    Assert.Equal("object", widget);
                    Same(f.Fields, Seq(field, "fields").ToList(), at, collections, plan);
                    break;
                case FieldType.Items or FieldType.Entries:
                    Assert.Equal("list", widget);
                    Same(f.Fields, Seq(field, "fields").ToList(), at, collections, plan);
                    break;
            }
            if (f.Pattern is not null) Assert.Equal(f.Pattern, ((YamlScalarNode)((YamlSequenceNode)((YamlMappingNode)field).Children[new YamlScalarNode("pattern")]).Children[0]).Value);
        }
    }

    [Fact]
    public void Translations_are_x_en_md_beside_x_md_and_the_configuration_is_the_same_on_every_build()
    {
        var root = Config();
        var i18n = (YamlMappingNode)root.Children[new YamlScalarNode("i18n")];
        Assert.Equal("multiple_files", S(i18n, "structure"));
        Assert.Equal("true", S(i18n, "omit_default_locale_from_file_path"));
        Assert.Equal("vi", S(i18n, "default_locale"));
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(Site("seed-000"), bag, new DateOnly(2025, 12, 20))!;
        Assert.Equal(CmsConfig.Generate(content.Config, content.Plans), CmsConfig.Generate(content.Config, content.Plans.Reverse().ToList()));
    }
}
