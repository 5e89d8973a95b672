using System.Globalization;
using System.Text.RegularExpressions;
using CchcPortal.Core.Text;

namespace CchcPortal.Tests.Cli;

/// <summary>
/// "Today" is the date in Vietnam (UTC+7) whatever the machine's zone, for build, check, serve and new; as_of still fixes
/// it; a given as_of more than a reporting period old is a warning (CC0039).
/// </summary>
public partial class TodayTests
{
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
    }

    [Theory]
    [InlineData("2025-12-20T16:59:59Z", "2025-12-20")]        // 23:59:59 in Vietnam
    [InlineData("2025-12-20T17:00:00Z", "2025-12-21")]        // midnight in Vietnam: UTC is still on the 20th until 24:00
    [InlineData("2025-12-20T20:00:00Z", "2025-12-21")]
    [InlineData("2025-12-20T15:00:00-05:00", "2025-12-21")]   // New York's afternoon is Vietnam's night
    [InlineData("2025-12-21T03:00:00+07:00", "2025-12-21")]
    [InlineData("2025-12-31T17:30:00Z", "2026-01-01")]        // a new year in Vietnam first
    [InlineData("2026-06-30T23:59:59+07:00", "2026-06-30")]   // no daylight saving: +7 in summer too
    public void Today_is_the_date_in_Vietnam_at_that_instant(string instant, string expected)
    {
        var now = DateTimeOffset.Parse(instant, CultureInfo.InvariantCulture);
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VnDate.Today(now));
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), VnDate.Today(new FixedClock(now)));
    }

    /// <summary>The CC0039 lines of what <c>cchc check</c> printed (other hints, such as CC0042, may come with them).</summary>
    private static string Stale(string err) => string.Join("\n", err.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Contains("CC0039", StringComparison.Ordinal)));

    [Fact]
    public void As_of_more_than_a_reporting_period_behind_is_a_located_warning_in_both_languages()
    {
        using var site = new CliSite();   // plan 2026: quarterly periods, the longest 92 days between two due dates
        site.Write("site.yaml", site.Read("site.yaml").Replace("# as_of: 2026-12-20", "as_of: 2026-01-10"));
        var (exit, o, e) = site.Cli("check", "--today", "2026-04-13");
        Assert.Equal(0, exit);
        Assert.Equal("site.yaml(7,8): warning CC0039: as_of: 2026-01-10 cũ hơn ngày tạo trang (2026-04-13) 93 ngày, quá một kỳ báo cáo (92 ngày): "
            + "mọi trạng thái và số ngày quá hạn đang tính đến ngày 2026-01-10, không phải hôm nay. Nếu không cố ý giữ ngày này, hãy xóa dòng as_of "
            + "để trang tự tính theo ngày hôm nay (giờ Việt Nam).", Stale(e));
        Assert.Contains("0 lỗi, 1 cảnh báo", o);
        (_, _, e) = site.Cli("check", "--today", "2026-04-13", "--lang", "en");
        Assert.StartsWith("site.yaml(7,8): warning CC0039: as_of: 2026-01-10 is 93 days before the build date (2026-04-13), more than a reporting period (92 days)", Stale(e));

        // Within a period, or without as_of: nothing.
        Assert.Equal("", Stale(site.Cli("check", "--today", "2026-04-12").Err));
        site.Write("site.yaml", site.Read("site.yaml").Replace("as_of: 2026-01-10", "# as_of: 2026-01-10"));
        Assert.Equal("", Stale(site.Cli("check", "--today", "2030-01-01").Err));
    }

    [Fact]
    public void Without_reporting_periods_a_period_is_92_days_and_the_longest_period_counts()
    {
        using var site = new CliSite();
        var plan = site.Read("content/plans/2026/index.md");
        // Two half-year periods instead of four quarters: 2026-01-01 .. 2026-06-30 is 181 days.
        var halves = "reporting:\n  - { id: h1, label: 6 tháng đầu năm 2026, from: 2026-01-01, to: 2026-06-30, due: 2026-07-05 }\n"
            + "  - { id: h2, label: Năm 2026, from: 2026-07-01, to: 2026-12-31, due: 2027-01-05 }\n---";
        site.Write("content/plans/2026/index.md", Regex.Replace(plan, @"reporting:.*?\n---", halves, RegexOptions.Singleline));
        site.Write("site.yaml", site.Read("site.yaml").Replace("# as_of: 2026-12-20", "as_of: 2026-01-10"));
        // The longest period: 184 days (1/7 – 31/12 from .. to, and between the two due dates; the first half has 181).
        Assert.Equal("", Stale(site.Cli("check", "--today", "2026-07-13").Err));             // 184 days behind
        Assert.Contains("185 ngày, quá một kỳ báo cáo (184 ngày)", site.Cli("check", "--today", "2026-07-14").Err);

        Directory.Delete(Path.Combine(site.Dir, "content", "plans"), recursive: true);
        Assert.Equal("", Stale(site.Cli("check", "--today", "2026-04-12").Err));             // 92 days
        Assert.Contains("93 ngày, quá một kỳ báo cáo (92 ngày)", site.Cli("check", "--today", "2026-04-13").Err);
    }

    [Fact]
    public void A_malformed_today_option_is_refused()
    {
        using var site = new CliSite();
        var (exit, _, e) = site.Cli("check", "--today", "20/12/2025");
        Assert.Equal(2, exit);
        Assert.StartsWith("cchc: --today phải là một ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-12-21, không phải \"20/12/2025\"", e);
    }

    // ---- the built tool under a fixed clock (Debian's faketime), in several zones ----------------------------------

    private static string Cchc => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "cchc.exe" : "cchc");

    /// <summary>The tool at the instant written <paramref name="local"/> on a machine in <paramref name="zone"/>.</summary>
    private static Proc.Result At(string zone, string local, string file, params string[] args) =>
        Proc.Run("faketime", ["-f", "@" + local, file, .. args], env: new Dictionary<string, string>
        {
            ["TZ"] = zone,
            // The clock starts at that instant and runs on; the monotonic clock (timeouts, stopwatches) is left alone.
            ["FAKETIME_DONT_FAKE_MONOTONIC"] = "1",
        });

    [GeneratedRegex(@"build date \((\d{4}-\d\d-\d\d)\)")]
    private static partial Regex BuildDate { get; }

    [Trait("Category", "Slow")]
    [FactNeeds("faketime")]
    public void Build_check_and_new_take_the_date_in_Vietnam_in_any_machine_zone()
    {
        // zone, the machine's local time, the instant in UTC, the date in Vietnam. The machine's own date is the 20th in
        // all of them; Vietnam is already on the 21st in three.
        (string Zone, string Local, string Utc, string Vietnam)[] cases =
        [
            ("UTC", "2025-12-20 16:59:00", "2025-12-20T16:59:00Z", "2025-12-20"),
            ("UTC", "2025-12-20 20:00:00", "2025-12-20T20:00:00Z", "2025-12-21"),
            ("Asia/Ho_Chi_Minh", "2025-12-21 03:00:00", "2025-12-20T20:00:00Z", "2025-12-21"),
            ("America/New_York", "2025-12-20 15:00:00", "2025-12-20T20:00:00Z", "2025-12-21"),
            ("America/New_York", "2025-12-20 11:00:00", "2025-12-20T16:00:00Z", "2025-12-20"),
        ];
        using var site = new CliSite();
        foreach (var (zone, local, utc, vietnam) in cases)
        {
            // faketime reads the time in the machine's zone: make sure it is the instant meant (and the zone is known).
            var epoch = At(zone, local, "date", "+%s");
            Assert.True(epoch.Out.Trim() == DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
                $"faketime in {zone} at {local}: {epoch}");

            if (vietnam == "2025-12-21")
            {
                var output = Path.Combine(site.Root, "out-" + zone.Replace('/', '-'));
                var build = At(zone, local, Cchc, "build", "--source", site.Dir, "--output", output);
                Assert.True(build.Exit == 0, build.ToString());
                Assert.Contains("Số liệu tính đến ngày 21/12/2025", File.ReadAllText(Path.Combine(output, "index.html")));
            }
        }

        // check: the stale as_of warning names the build date.
        site.Write("site.yaml", site.Read("site.yaml").Replace("# as_of: 2026-12-20", "as_of: 2025-01-10"));
        foreach (var (zone, local, _, vietnam) in cases)
        {
            var check = At(zone, local, Cchc, "check", "--source", site.Dir, "--lang", "en");
            Assert.True(check.Exit == 0, check.ToString());
            Assert.Equal(vietnam, BuildDate.Match(check.Err).Groups[1].Value);
        }

        // new: a site made on New Year's Eve at 20:00 UTC is already next year's in Vietnam.
        var next = Path.Combine(site.Root, "new-year");
        var made = At("UTC", "2025-12-31 20:00:00", Cchc, "new", "site", next);
        Assert.True(made.Exit == 0, made.ToString());
        Assert.True(File.Exists(Path.Combine(next, "content", "plans", "2026", "index.md")), made.ToString());
    }
}
