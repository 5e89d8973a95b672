using System.Globalization;
using System.Text;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Core.Schema;
using CchcPortal.Core.Text;

namespace CchcPortal.Cli;

/// <summary>
/// <c>cchc new</c>: files that pass <c>cchc check</c> as they are. Never overwrites a file: staff may run it twice by
/// mistake, and a quarter's report typed by hand must not be lost.
/// </summary>
public static class Scaffold
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(Arguments cli, TextWriter stdout, TextWriter stderr)
    {
        var kind = cli.Words.Count > 0 ? cli.Words[0] : null;
        try
        {
            var files = kind switch
            {
                "site" => Site(cli),
                "report" => Report(cli, cli.Today),
                "task" => Task(cli),
                "target" => Target(cli),
                "plan" => Plan(cli, cli.Today),
                "unit" => Unit(cli),
                "page" => Page(cli),
                "supervision" => Supervision(cli, cli.Today),
                _ => throw new ScaffoldError(Sentences.NewWhichKind.With(string.Join(" | ", CommandLine.NewKindNames)), 2),
            };
            var root = kind == "site" ? cli.Words[1] : cli.Source;
            // Check every target first, so nothing is written when one file already exists.
            foreach (var (rel, _) in files)
                if (File.Exists(Path.Combine(root, rel)))
                    throw new ScaffoldError(Sentences.NewExists.With(Display(root, rel)));
            foreach (var (rel, text) in files)
            {
                var full = Path.Combine(root, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(full))!);
                File.WriteAllText(full, text, Utf8);
                stdout.WriteLine(Sentences.Created.In(cli.Lang, Display(root, rel)));
            }
            if (kind == "site") GitStart(root, cli.Lang, stdout);
            if (kind == "site")
                stdout.WriteLine(Sentences.NewSiteDone.In(cli.Lang, cli.Words[1]));
            return 0;
        }
        catch (ScaffoldError e)
        {
            stderr.WriteLine(e.Text.In(cli.Lang));
            return e.Exit;
        }
    }

    /// <summary>Why nothing was created: a sentence of the catalogue, already filled (<see cref="Sentence.With"/>), and the exit code.</summary>
    private sealed class ScaffoldError(Sentence text, int exit = 1) : Exception(text.En)
    {
        public Sentence Text { get; } = text;
        public int Exit { get; } = exit;
    }

    private static string Display(string root, string rel) => Path.Combine(root, rel).Replace('\\', '/');

    private static string Required(Arguments cli, string option, string exampleVi)
    {
        if (!cli.Options.TryGetValue(option, out var id))
            throw new ScaffoldError(Sentences.NewRequired.With(cli.Words[0], option, exampleVi), 2);
        return CheckId(id);
    }

    private static string CheckId(string id) => Ids.IsValid(id) ? id
        : throw new ScaffoldError(Sentences.NewBadId.With(id, Ids.Suggest(id)), 2);

    /// <summary>YAML double-quoted scalar: safe for any text staff typed (colons, quotes, #).</summary>
    internal static string Q(string s) => ContentFiles.Quote(s);

    private static string AreaComment => ContentFiles.AreaComment;

    /// <summary>"percent | count | points | index | boolean": a choice's values, from the contract's one definition.</summary>
    private static string ChoiceIds(SchemaField field) => ContentFiles.ChoiceIds(field);

    // ---- site ----------------------------------------------------------------------------------------------------

    private static List<(string, string)> Site(Arguments cli)
    {
        if (cli.Words.Count < 2)
            throw new ScaffoldError(Sentences.NewSiteFolder, 2);
        if (cli.Options.ContainsKey("rollup")) return RollupSite();
        var year = cli.Today.Year;
        var plan = year.ToString(Inv);
        // --commune "Xã Bình Tân" names the site from the start; without it, a sample name staff replace in site.yaml.
        var commune = cli.Options.GetValueOrDefault("commune")?.Trim() is { Length: > 0 } given ? given : "Xã Bình An";
        var host = Ids.Suggest(Commune(commune).Split(' ', 2)[^1]).Replace("-", "", StringComparison.Ordinal);
        return
        [
            ("site.yaml", $"""
                # Cài đặt của trang. Sửa tên xã, tỉnh và địa chỉ trang cho đúng.
                title: {Q("Cải cách hành chính " + Commune(commune))}
                commune: {Q(commune)}
                province: Tỉnh Đồng Nai
                base_url: https://{host}.example.gov.vn/cchc/   # địa chỉ thật của trang khi đã đăng
                languages: [vi, en]        # ngôn ngữ đầu là mặc định; en: bản tiếng Anh ở /en/
                # as_of: {year}-12-20       # ngày dùng để đánh giá trạng thái; bỏ trống: hôm nay
                theme: default
                # embed_origins: [https://{host}.example.gov.vn]   # trang của xã được hiện thẻ tiến độ /embed/ (xem trang Dữ liệu mở)
                # editor: {"{"} backend: github, repo: ten-to-chuc/ten-kho, branch: main {"}"}   # soạn thảo bằng biểu mẫu ở /admin/ (hướng dẫn, mục 9)

                """),
            ("content/units/vh-xh.md", Units["vh-xh"]),
            ("content/units/vp-hdnd-ubnd.md", Units["vp-hdnd-ubnd"]),
            ("content/units/ub-mttq.md", Units["ub-mttq"]),
            ($"content/plans/{plan}/index.md", PlanFile(year, "active", Commune(commune))),
            ($"content/plans/{plan}/tasks/01.md", TaskFile(1, "chi-dao-dieu-hanh", "Ban hành Kế hoạch kiểm tra công tác cải cách hành chính năm " + plan,
                "Kế hoạch", "vh-xh", ["vp-hdnd-ubnd"], $"Quý I/{year}")),
            ($"content/plans/{plan}/targets/ho-so-dung-han.md", TargetFile("thu-tuc-hanh-chinh", "Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn", ">= 98", "vh-xh")),
            ("content/pages/gioi-thieu.md", PageFile("Giới thiệu", """
                Trang này công khai kế hoạch cải cách hành chính của xã và kết quả thực hiện từng quý.

                Mọi ý kiến góp ý xin gửi về Phòng Văn hóa - Xã hội.
                """)),
            (".github/workflows/cchc.yml", GitHubWorkflow(Program.Version)),
            (".gitlab-ci.yml", GitLabCi(Program.Version)),
            (".gitignore", "public/\n.cchc/\n"),
        ];
    }

    /// <summary>
    /// A new site is a git repository with a first commit: the web editor at /admin/ (<c>cchc serve</c>) works on one
    /// ("Thư mục đã chọn không phải là thư mục gốc của kho mã nguồn" otherwise). Without git, said, and the site is made.
    /// The commit takes the user's git identity, or "cchc" when git has none.
    /// </summary>
    private static void GitStart(string root, string lang, TextWriter stdout)
    {
        var shown = root.Replace('\\', '/');
        try
        {
            if (Directory.Exists(Path.Combine(root, ".git"))) return;
            string[] identity = Git(root, "config", "user.email").Exit == 0 ? [] : ["-c", "user.name=cchc", "-c", "user.email=cchc@localhost"];
            string[][] steps = [["init", "-q"], ["add", "-A"], [.. identity, "commit", "-q", "-m", "Tạo trang bằng cchc new site"]];
            foreach (var args in steps)
            {
                var (exit, err) = Git(root, args);
                if (exit != 0) { stdout.WriteLine(Sentences.GitFailed.With(shown, err.Trim()).In(lang)); return; }
            }
            stdout.WriteLine(Sentences.GitStarted.With(shown).In(lang));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            stdout.WriteLine(Sentences.GitMissing.With(shown, e.Message).In(lang));
        }
    }

    /// <summary>Runs git in <paramref name="dir"/>; throws <see cref="System.ComponentModel.Win32Exception"/> when there is no git.</summary>
    private static (int Exit, string Err) Git(string dir, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(Environment.GetEnvironmentVariable("CCHC_GIT") ?? "git")
        {
            WorkingDirectory = dir, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(start)!;
        var err = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err.Result);
    }

    private static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["vh-xh"] = "---\nname: Phòng Văn hóa - Xã hội\nshort: VH-XH\nrole: standing           # cơ quan thường trực: tổng hợp báo cáo\n---\nĐịa chỉ, số điện thoại liên hệ.\n",
        ["vp-hdnd-ubnd"] = "---\nname: Văn phòng HĐND và UBND\nshort: VP HĐND-UBND\nrole: office\n---\n",
        ["ub-mttq"] = "---\nname: Ủy ban Mặt trận Tổ quốc Việt Nam xã\nshort: MTTQ\nrole: monitor            # giám sát việc thực hiện kế hoạch\n---\n",
    };

    /// <summary>The four reporting periods communes use (seed 004): 15/12 – 14/3, 15/3 – 14/6, 15/6 – 14/9, 15/9 – 14/12.</summary>
    private static string PlanFile(int year, string status, string commune)
    {
        string Roman(int q) => q switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
        var periods = Enumerable.Range(1, 4).Select(q =>
        {
            var from = new DateOnly(q == 1 ? year - 1 : year, q == 1 ? 12 : 3 * (q - 1), 15);
            var to = new DateOnly(year, 3 * q, 14);
            var due = new DateOnly(year, 3 * q, 15);
            return $"  - {{ id: q{q}, label: Quý {Roman(q)}/{year}, from: {from:yyyy-MM-dd}, to: {to:yyyy-MM-dd}, due: {due:yyyy-MM-dd} }}";
        });
        return $"""
            ---
            number: 01/KH-UBND          # số hiệu văn bản
            title: Kế hoạch cải cách hành chính {commune} năm {year}
            issuer: UBND {commune}
            issued: {year}-01-15
            period: {"{"} from: {year}-01-01, to: {year}-12-31 {"}"}
            status: {status}              # {ChoiceIds(ContentSchema.Plan["status"])} (draft: chưa đăng)
            # document: /files/01-KH-UBND.pdf   # bản ký, đặt trong thư mục static/files/
            legal_bases:
              - {"{"} number: 76/NQ-CP, date: 2021-07-15, issuer: Chính phủ, title: "Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030" {"}"}
            reporting:                  # các kỳ báo cáo; mỗi báo cáo ghi "period:" là một mã ở đây
            {string.Join("\n", periods)}
            ---
            ## Mục đích, yêu cầu

            Nêu mục đích, yêu cầu của kế hoạch.

            ## Tổ chức thực hiện

            Nêu trách nhiệm của từng cơ quan, đơn vị.

            """;
    }

    private static string TaskFile(int no, string area, string title, string product, string lead, IReadOnlyList<string> cooperating, string deadline) =>
        ContentFiles.Task(no, area, title, product, lead, cooperating, deadline);

    private static string TargetFile(string area, string title, string goal, string lead) => $"""
        ---
        area: {area}   {AreaComment}
        title: {Q(title)}
        metric: percent            # {ChoiceIds(ContentSchema.Target["metric"])}
        goal: {Q(goal)}               # so sánh (>=, >, <=, <, =) và số; dấu phẩy thập phân thì đặt trong ngoặc kép
        lead: {lead}
        ---
        Cách tính, nguồn số liệu.

        """;

    private static string PageFile(string title, string body) => $"---\ntitle: {Q(title)}\n---\n{body}\n";

    /// <summary>
    /// <c>cchc new site DIR --rollup</c>: a province's roll-up — site.yaml listing the communes' portals, a page, and a
    /// workflow that fetches the communes' data every day, commits the copies (so the last good one of a commune that is
    /// down stays), then checks, builds and publishes.
    /// </summary>
    private static List<(string, string)> RollupSite() =>
    [
        ("site.yaml", """
            # Cổng tổng hợp cải cách hành chính cấp xã của tỉnh. Sửa tên, địa chỉ trang và danh sách địa chỉ cổng của các xã.
            # A province's roll-up of its communes' portals: edit the title, the address and the list of communes.
            title: Cải cách hành chính cấp xã tỉnh Bình An
            province: Tỉnh Bình An
            base_url: https://cchc.binhan.example.gov.vn/   # địa chỉ thật của trang khi đã đăng
            languages: [vi, en]
            theme: default
            communes:                  # địa chỉ cổng cải cách hành chính của từng xã (cchc fetch đọc data/datapackage.json của mỗi cổng)
              - https://xa-mot.binhan.example.gov.vn/cchc/
              - https://xa-hai.binhan.example.gov.vn/cchc/

            """),
        ("content/pages/gioi-thieu.md", PageFile("Giới thiệu", """
            Trang này tổng hợp tiến độ cải cách hành chính của các xã, phường trong tỉnh, từ dữ liệu mở mà cổng của mỗi xã công bố.
            Số liệu của từng xã được chép về mỗi ngày (cchc fetch); bấm vào tên xã để xem chi tiết và cổng của xã.
            """)),
        (".github/workflows/cchc.yml", RollupWorkflow(Program.Version)),
        (".gitignore", "public/\n.cchc/\n"),
    ];

    /// <summary>The roll-up's GitHub Actions: the commune site's workflow with <c>cchc fetch</c> first and the copies committed.</summary>
    internal static string RollupWorkflow(string version) => GitHubWorkflow(version)
        .Replace("  contents: read\n", "  contents: write   # cchc fetch lưu bản sao dữ liệu các xã vào kho / the communes' copies are committed\n", StringComparison.Ordinal)
        .Replace("""
                  - name: Kiểm tra nội dung (cchc check)
            """, """
                  - name: Lấy dữ liệu các xã (cchc fetch); xã không truy cập được giữ bản sao trước
                    run: cchc fetch
                  - name: Lưu bản sao dữ liệu các xã / commit the communes' copies
                    if: github.ref == 'refs/heads/main'
                    run: |
                      git config user.name "cchc fetch"
                      git config user.email "cchc-fetch@users.noreply.github.com"
                      if [ -d communes ]; then git add communes; fi
                      git diff --cached --quiet || (git commit -m "communes: cchc fetch $(date -u +%F)" && git push)
                  - name: Kiểm tra nội dung (cchc check)
            """, StringComparison.Ordinal);

    /// <summary>
    /// GitHub Actions: check, build and publish on every push to main, every day just after midnight in Vietnam (a task
    /// turns overdue on a date, not on a commit), and by hand. The tool is the version that wrote the site, installed once
    /// and then taken from the Actions cache (on Linux x64 the Native AOT build, which needs no .NET to run).
    /// </summary>
    internal static string GitHubWorkflow(string version) => $$$"""
        # Kiểm tra nội dung và đăng trang lên GitHub Pages mỗi khi có thay đổi trên nhánh main, và mỗi ngày lúc 0 giờ 05
        # (giờ Việt Nam): trạng thái "quá hạn" đổi theo ngày, nên trang phải được tạo lại cả khi không ai sửa gì.
        # Checks the content and publishes the site to GitHub Pages on every push to main, and every day at 00:05 in
        # Vietnam: "overdue" changes with the date, so the site is rebuilt even when nothing was committed.
        # Bật một lần: Settings → Pages → Source: GitHub Actions.
        # Nếu nội dung có lỗi, trang đang đăng được giữ nguyên và lần chạy hiện dấu đỏ trong mục Actions.
        # Lưu ý: với kho công khai, GitHub tắt lịch chạy hằng ngày sau 60 ngày kho không có thay đổi (có thư báo trước);
        # bật lại trong Actions → cchc → Enable workflow.
        name: cchc

        on:
          push:
            branches: [main]
          pull_request:
          schedule:
            - cron: "5 17 * * *"   # 17:05 UTC = 0 giờ 05 ở Việt Nam (UTC+7) / 00:05 in Vietnam
          workflow_dispatch:        # chạy tay: Actions → cchc → Run workflow / run by hand

        env:
          CCHC_VERSION: "{{{version}}}"   # phiên bản cchc; đổi số này để cập nhật / the cchc version: change it to update

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages
          cancel-in-progress: false

        jobs:
          build:
            runs-on: ubuntu-latest
            steps:
              - uses: actions/checkout@v4
                with:
                  fetch-depth: 0   # toàn bộ lịch sử: ngày cập nhật của từng trang lấy từ git
              - name: Lấy cchc đã cài từ bộ nhớ đệm / cached cchc
                id: cache
                uses: actions/cache@v4
                with:
                  path: ~/.cchc
                  key: cchc-${{ runner.os }}-${{ runner.arch }}-${{ env.CCHC_VERSION }}
              - uses: actions/setup-dotnet@v4
                if: steps.cache.outputs.cache-hit != 'true' || runner.arch != 'X64'
                with:
                  dotnet-version: "10.0.x"
              - name: Cài cchc
                if: steps.cache.outputs.cache-hit != 'true'
                run: dotnet tool install CchcPortal --version "$CCHC_VERSION" --tool-path ~/.cchc
              - run: echo "$HOME/.cchc" >> "$GITHUB_PATH"
              - name: Kiểm tra nội dung (cchc check)
                run: cchc check
              - name: Tạo trang (cchc build)
                run: cchc build
              - uses: actions/upload-pages-artifact@v3
                if: github.ref == 'refs/heads/main'
                with:
                  path: public/

          deploy:
            if: github.ref == 'refs/heads/main'
            needs: build
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """;

    /// <summary>GitLab CI: check on every branch, publish from main; the tool cached per version; how to add the daily schedule.</summary>
    internal static string GitLabCi(string version) => $$"""
        # Kiểm tra nội dung ở mọi nhánh; đăng trang lên GitLab Pages từ nhánh main.
        # Checks the content on every branch; publishes to GitLab Pages from main.
        #
        # Chạy mỗi ngày (nên làm, một lần): trạng thái "quá hạn" đổi theo ngày, nên trang phải được tạo lại mỗi ngày,
        # cả khi không ai sửa gì. Vào Build → Pipeline schedules → New schedule: Interval Pattern: Custom, "5 0 * * *";
        # Cron timezone: Hanoi (UTC+7); Target branch: main; Activated → Create pipeline schedule. Nếu nội dung có lỗi,
        # trang đang đăng được giữ nguyên và lần chạy hiện "failed" trong Build → Pipelines (GitLab gửi thư báo).
        #
        # Daily run (recommended, once): "overdue" changes with the date, so the site must be rebuilt every day even
        # when nothing was committed. Build → Pipeline schedules → New schedule: interval pattern custom "5 0 * * *";
        # cron timezone Hanoi (UTC+7); target branch main; Activated → Create pipeline schedule. When the content has an
        # error the published site is kept and the run shows as failed in Build → Pipelines (GitLab emails about it).
        image: mcr.microsoft.com/dotnet/sdk:10.0

        variables:
          GIT_DEPTH: "0"   # toàn bộ lịch sử: ngày cập nhật của từng trang lấy từ git
          CCHC_VERSION: "{{version}}"   # phiên bản cchc; đổi số này để cập nhật / the cchc version: change it to update

        cache:
          key: cchc-$CCHC_VERSION
          paths:
            - .cchc/

        before_script:
          - test -x .cchc/cchc || dotnet tool install CchcPortal --version "$CCHC_VERSION" --tool-path .cchc
          - export PATH="$PATH:$CI_PROJECT_DIR/.cchc"

        check:
          stage: test
          script:
            - cchc check
          rules:
            - if: $CI_COMMIT_BRANCH != "main"

        pages:
          stage: deploy
          script:
            - cchc check
            - cchc build --output public
          artifacts:
            paths:
              - public
          rules:
            - if: $CI_COMMIT_BRANCH == "main"

        """;

    // ---- files inside a site ---------------------------------------------------------------------------------------

    /// <summary>The site as the builder sees it; errors stop here with the same messages as <c>cchc check</c>.</summary>
    private static SiteContent LoadSite(Arguments cli)
    {
        var bag = new DiagnosticBag();
        var content = SiteLoader.Load(cli.Source, bag, cli.Today);
        if (content is null)
            throw new ScaffoldError(Sentences.NewNoSite.With(cli.Source));
        return content;
    }

    /// <summary>--plan, else the current plan (<see cref="CurrentPlan"/>): the one the home page shows.</summary>
    private static Plan PlanOf(Arguments cli, SiteContent content)
    {
        if (cli.Options.TryGetValue("plan", out var id))
            return content.Plans.FirstOrDefault(p => p.Id == id)
                ?? throw new ScaffoldError(Sentences.NewNoSuchPlan.With(id, string.Join(", ", content.Plans.Select(p => p.Id))));
        return CurrentPlan.Of(content.Plans)
            ?? throw new ScaffoldError(Sentences.NewNoPlan);
    }

    private static string LeadOf(SiteContent content) =>
        (content.Units.FirstOrDefault(u => u.Role == UnitRole.Standing) ?? content.Units.FirstOrDefault(u => u.Role != UnitRole.Monitor))?.Id
        ?? throw new ScaffoldError(Sentences.NewNoUnit);

    /// <summary>
    /// The next report due: the first reporting period of the plan with no report, pre-filled with every task and
    /// target and their last status and value, so staff change only what changed.
    /// </summary>
    private static List<(string, string)> Report(Arguments cli, DateOnly today)
    {
        var content = LoadSite(cli);
        var plan = PlanOf(cli, content);
        var done = plan.Reports.Select(r => r.Period.Id).ToHashSet(StringComparer.Ordinal);
        ReportingPeriod period;
        if (cli.Options.TryGetValue("period", out var pid))
        {
            period = plan.Reporting.FirstOrDefault(p => p.Id == pid)
                ?? throw new ScaffoldError(Sentences.NewNoSuchPeriod.With(plan.Id, pid, string.Join(", ", plan.Reporting.Select(p => p.Id))));
            if (done.Contains(pid))
                throw new ScaffoldError(Sentences.NewPeriodReported.With(pid, plan.Reports.First(r => r.Period.Id == pid).Source));
        }
        else
            period = ReportPrefill.NextPeriod(plan)
                ?? throw new ScaffoldError(Sentences.NewAllReported.With(plan.Id, plan.Source));

        // The one pre-fill rule, shared with the web editor's new-report form (CmsConfig).
        var prefill = ReportPrefill.Of(plan, period);
        var last = prefill.Previous;
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append($"period: {period.Id}                 # {period.Label.Vi}\n");
        sb.Append("# number: 000/BC-UBND       # số hiệu báo cáo\n");
        sb.Append($"# issued: {period.Due:yyyy-MM-dd}       # ngày ký báo cáo\n");
        sb.Append(last is null
            ? "# Mỗi nhiệm vụ, chỉ tiêu của kế hoạch đã có sẵn dưới đây; chỉ sửa những gì đã thay đổi trong kỳ.\n"
            : $"# Trạng thái, số liệu dưới đây chép từ báo cáo trước ({last.Period.Label.Vi}); chỉ sửa những gì đã thay đổi trong kỳ.\n");
        sb.Append($"# status: {ChoiceIds(ContentSchema.Report["tasks"]["status"])} (cancelled: cần note); progress: 0 – 100; evidence: văn bản chứng minh\n");
        if (prefill.Tasks.Count == 0) sb.Append("tasks: {}\n");
        else sb.Append("tasks:\n");
        foreach (var t in prefill.Tasks)
        {
            var parts = new List<string> { $"status: {t.Status.Id()}" };
            if (t.Progress is { } p) parts.Add($"progress: {p.ToString(Inv)}");
            if (t.Note is { } note) parts.Add($"note: {Q(note)}");
            if (t.Evidence is { } ev) parts.Add($"evidence: {Q(ev)}");
            sb.Append($"  \"{t.Task.No.ToString(Inv)}\": {{ {string.Join(", ", parts)} }}   # {OneLine(t.Task.Title.Vi)}\n");
        }
        if (prefill.Targets.Count == 0) sb.Append("targets: {}\n");
        else sb.Append("targets:\n");
        foreach (var (target, value) in prefill.Targets)
        {
            sb.Append(value is null
                ? $"  # {target.Id}: {{ value: }}   # {OneLine(target.Title.Vi)} — chưa có số liệu: điền số rồi bỏ dấu # đầu dòng\n"
                : $"  {target.Id}: {{ value: {value} }}   # {OneLine(target.Title.Vi)}\n");
        }
        sb.Append("---\n");
        // No "Kỳ báo cáo: từ … đến …" line: the page and the Word export state the period already. The sample bullets
        // are for staff to replace; cchc check warns at each one left (CC0092).
        sb.Append(ContentFiles.ReportBody);
        return [($"content/plans/{plan.Id}/reports/{period.Id}.md", sb.ToString())];
    }


    private static string OneLine(string s)
    {
        var line = s.ReplaceLineEndings(" ");
        return line.Length > 70 ? line[..69] + "…" : line;
    }

    private static List<(string, string)> Task(Arguments cli)
    {
        var content = LoadSite(cli);
        var plan = PlanOf(cli, content);
        var dir = Path.Combine(cli.Source, "content", "plans", plan.Id, "tasks");
        var used = plan.Tasks.Select(t => t.No).ToHashSet();
        int no;
        if (cli.Options.TryGetValue("no", out var given))
        {
            if (!int.TryParse(given, NumberStyles.None, Inv, out no) || no is < 1 or > 9999)
                throw new ScaffoldError(Sentences.NewBadTaskNo.With(given), 2);
            if (used.Contains(no))
                throw new ScaffoldError(Sentences.NewTaskNoTaken.With(plan.Id, no, plan.Tasks.First(t => t.No == no).Source));
        }
        else no = used.Count == 0 ? 1 : used.Max() + 1;
        var id = cli.Options.TryGetValue("id", out var gid) ? CheckId(gid) : no.ToString("00", Inv);
        var deadline = plan.PeriodTo is { } end ? $"Trước ngày {VnDate.Short(end, "vi")}" : "Thường xuyên";
        return [($"content/plans/{plan.Id}/tasks/{id}.md",
            TaskFile(no, "chi-dao-dieu-hanh", $"Nhiệm vụ số {no} {ContentFiles.FixTaskTitle}", "Báo cáo", LeadOf(content), [], deadline))];
    }

    private static List<(string, string)> Target(Arguments cli)
    {
        var id = Required(cli, "id", "ho-so-truc-tuyen");
        var content = LoadSite(cli);
        var plan = PlanOf(cli, content);
        return [($"content/plans/{plan.Id}/targets/{id}.md", TargetFile("thu-tuc-hanh-chinh", $"Tên chỉ tiêu {ContentFiles.FixTitle}", ">= 100", LeadOf(content)))];
    }

    /// <summary>A new plan starts as a draft, so it is not published before it is filled in; its title and issuer
    /// name the commune of site.yaml.</summary>
    private static List<(string, string)> Plan(Arguments cli, DateOnly today)
    {
        var id = Required(cli, "id", today.Year.ToString(Inv));
        var year = id.Length == 4 && int.TryParse(id, NumberStyles.None, Inv, out var y) ? y : today.Year;
        var content = LoadSite(cli);
        return [($"content/plans/{id}/index.md", PlanFile(year, "draft", Commune(content.Config.Commune)))];
    }

    /// <summary>"xã Bình Tân" from site.yaml's "Xã Bình Tân", as it reads inside a title ("UBND xã Bình Tân").</summary>
    private static string Commune(string? commune)
    {
        if (string.IsNullOrWhiteSpace(commune)) return "xã (tên xã)";
        var c = commune.Trim();
        var lower = c.ToLowerInvariant();
        return lower.StartsWith("xã ", StringComparison.Ordinal) || lower.StartsWith("phường ", StringComparison.Ordinal) || lower.StartsWith("thị trấn ", StringComparison.Ordinal)
            || lower.StartsWith("đặc khu ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(c[0]) + c[1..]
            : "xã " + c;
    }

    private static List<(string, string)> Unit(Arguments cli)
    {
        var id = Required(cli, "id", "phong-kinh-te");
        return [($"content/units/{id}.md", ContentFiles.Unit($"Tên đơn vị {ContentFiles.FixTitle}", null, "office", "Địa chỉ, số điện thoại liên hệ."))];
    }

    /// <summary>
    /// A supervision of the Front: by the site's monitoring unit, about the current plan, dated today, with one
    /// recommendation to the standing unit due in 30 days and its answer written out but commented, for staff to fill in
    /// when the commune answers. It passes <c>cchc check</c> as it is.
    /// </summary>
    private static List<(string, string)> Supervision(Arguments cli, DateOnly today)
    {
        var id = Required(cli, "id", $"{today.Year.ToString(Inv)}-tthc");
        var content = LoadSite(cli);
        var monitor = content.Units.FirstOrDefault(u => u.Role == UnitRole.Monitor)
            ?? throw new ScaffoldError(Sentences.NewNoMonitor);
        var plan = content.Plans.Count == 0 ? null : PlanOf(cli, content);
        var results = ChoiceIds(ContentSchema.Supervision["recommendations"]["answer"]["result"]);
        var sb = new StringBuilder();
        sb.Append("---\n");
        sb.Append("title: Giám sát việc ... (sửa lại nội dung giám sát)\n");
        sb.Append($"by: {monitor.Id}                 # đơn vị giám sát (role: monitor)\n");
        sb.Append("# number: 00/BC-MTTQ      # số văn bản của Mặt trận\n");
        sb.Append($"issued: {today:yyyy-MM-dd}         # ngày ban hành văn bản giám sát\n");
        if (plan is not null)
        {
            sb.Append($"plan: {plan.Id}                 # kế hoạch liên quan\n");
            sb.Append("# tasks: [5, 6]            # số thứ tự các nhiệm vụ của kế hoạch mà cuộc giám sát đề cập\n");
        }
        sb.Append("# document: /files/00-BC-MTTQ.pdf   # bản gốc, đặt trong static/files/\n");
        sb.Append("recommendations:\n");
        sb.Append("  - no: 1\n");
        sb.Append("    text: Nội dung kiến nghị (sửa lại)\n");
        sb.Append($"    to: {LeadOf(content)}             # đơn vị được kiến nghị\n");
        sb.Append($"    due: {today.AddDays(30):yyyy-MM-dd}        # hạn trả lời (nếu có)\n");
        sb.Append("    # Khi xã trả lời, bỏ dấu # ở các dòng dưới và điền:\n");
        sb.Append("    # answer:\n");
        sb.Append($"    #   date: {today.AddDays(20):yyyy-MM-dd}\n");
        sb.Append("    #   number: 000/UBND-VP\n");
        sb.Append($"    #   result: done          # {results}\n");
        sb.Append("    #   text: Nội dung trả lời\n");
        sb.Append("---\n");
        sb.Append("""
            ## Nội dung, hình thức giám sát

            - Nêu nội dung, thời gian, hình thức giám sát.

            ## Ưu điểm

            - Nêu kết quả tốt.

            ## Hạn chế

            - Nêu hạn chế, tồn tại.

            """);
        return [($"content/supervision/{id}.md", sb.ToString())];
    }

    private static List<(string, string)> Page(Arguments cli)
    {
        var id = Required(cli, "id", "lien-he");
        return [($"content/pages/{id}.md", PageFile($"Tiêu đề trang {ContentFiles.FixTitle}", "Nội dung trang, viết bằng Markdown."))];
    }
}
