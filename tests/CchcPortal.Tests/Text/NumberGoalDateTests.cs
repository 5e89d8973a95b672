using CchcPortal.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CchcPortal.Tests.Text;

public class VnNumberTests
{
    [Theory]
    [InlineData("2,95", "2.95")]
    [InlineData("2.95", "2.95")]
    [InlineData("98", "98")]
    [InlineData("-1,5", "-1.5")]
    [InlineData(" 98.4 ", "98.4")]
    [InlineData("0,813", "0.813")]
    [InlineData("\"2,95\"", "2.95")]
    [InlineData("1.234,5", "1234.5")]
    [InlineData("1,234.5", "1234.5")]
    [InlineData("1.234.567", "1234567")]
    [InlineData("1.234", "1.234")]
    [InlineData("+7", "7")]
    public void Parses(string text, string expected)
    {
        Assert.True(VnNumber.TryParse(text, out var v));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), v);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("1,2,3")]
    [InlineData("1.2.3")]
    [InlineData("1,")]
    [InlineData(",5")]
    [InlineData("98%")]
    [InlineData("1.23,4.5")]
    [InlineData("12.34,5")]
    [InlineData(null)]
    public void Rejects(string? text) => Assert.False(VnNumber.TryParse(text, out _));

    [Theory]
    [InlineData("2.95", "vi", "2,95")]
    [InlineData("98.40", "vi", "98,4")]
    [InlineData("98.40", "en", "98.4")]
    [InlineData("1234.5", "vi", "1.234,5")]
    [InlineData("1234.5", "en", "1,234.5")]
    [InlineData("98", "vi", "98")]
    [InlineData("100.000", "vi", "100")]
    [InlineData("-1.5", "vi", "-1,5")]
    [InlineData("0.813", "vi", "0,813")]
    [InlineData("1234567", "vi", "1.234.567")]
    [InlineData("999", "en", "999")]
    [InlineData("-999.00", "vi", "-999")]
    [InlineData("1000", "vi", "1.000")]
    [InlineData("-1000", "en", "-1,000")]
    [InlineData("-0.0", "vi", "0")]
    public void Formats(string value, string lang, string expected) =>
        Assert.Equal(expected, VnNumber.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture), lang));

    [Fact]
    public void Lang_aware_parse_reads_thousands()
    {
        Assert.True(VnNumber.TryParse("1.234", "vi", out var v));
        Assert.Equal(1234m, v);
        Assert.True(VnNumber.TryParse("2.95", "vi", out v));
        Assert.Equal(2.95m, v);
        Assert.True(VnNumber.TryParse("1,234", "en", out v));
        Assert.Equal(1234m, v);
        Assert.True(VnNumber.TryParse("1,234", "vi", out v));
        Assert.Equal(1.234m, v);
    }

    /// <summary>Decimals with up to 3 decimals, small and large.</summary>
    private static Arbitrary<decimal> Decimals() =>
        (from i in Gen.Choose(-1_000_000, 1_000_000)
         from f in Gen.Choose(0, 999)
         from d in Gen.Choose(0, 3)
         select i + (i < 0 ? -1 : 1) * Math.Round(f / 1000m, d))
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Format_then_parse_round_trips_vi() =>
        Prop.ForAll(Decimals(), x => VnNumber.TryParse(VnNumber.Format(x, "vi"), "vi", out var v) && v == x);

    [Property(MaxTest = 500)]
    public Property Format_then_parse_round_trips_en() =>
        Prop.ForAll(Decimals(), x => VnNumber.TryParse(VnNumber.Format(x, "en"), "en", out var v) && v == x);

    [Property(MaxTest = 500)]
    public Property Neutral_parse_round_trips_below_a_thousand() =>
        Prop.ForAll(Decimals().Filter(x => Math.Abs(x) < 1000), x =>
            VnNumber.TryParse(VnNumber.Format(x, "vi"), out var a) && a == x &&
            VnNumber.TryParse(VnNumber.Format(x, "en"), out var b) && b == x);

    [Property(MaxTest = 500)]
    public Property Format_has_no_trailing_zeros() =>
        Prop.ForAll(Decimals(), x =>
        {
            string s = VnNumber.Format(x, "vi");
            return !s.Contains(',') || !s.EndsWith('0');
        });
}

public class GoalTests
{
    [Theory]
    [InlineData(">= 98", Comparator.AtLeast, "98")]
    [InlineData(">=98", Comparator.AtLeast, "98")]
    [InlineData("≥ 98", Comparator.AtLeast, "98")]
    [InlineData("> 70", Comparator.MoreThan, "70")]
    [InlineData("<= 10", Comparator.AtMost, "10")]
    [InlineData("≤ 10", Comparator.AtMost, "10")]
    [InlineData("< 5", Comparator.LessThan, "5")]
    [InlineData("= 100", Comparator.Equal, "100")]
    [InlineData("98", Comparator.AtLeast, "98")]
    [InlineData("\"2,95\"", Comparator.AtLeast, "2.95")]
    [InlineData(">= \"2,95\"", Comparator.AtLeast, "2.95")]
    [InlineData("\">= 2,95\"", Comparator.AtLeast, "2.95")]
    [InlineData(">= 98.5", Comparator.AtLeast, "98.5")]
    [InlineData(">= 98%", Comparator.AtLeast, "98")]
    public void Parses(string text, Comparator cmp, string value)
    {
        Assert.True(Goal.TryParse(text, out var g));
        Assert.Equal(new Goal(cmp, decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)), g);
    }

    [Theory]
    [InlineData("")]
    [InlineData(">=")]
    [InlineData("abc")]
    [InlineData(">> 5")]
    [InlineData("tối thiểu 98")]
    [InlineData(null)]
    public void Rejects(string? text) => Assert.False(Goal.TryParse(text, out _));

    [Fact]
    public void IsMetBy_and_Symbol()
    {
        Assert.True(new Goal(Comparator.AtLeast, 98).IsMetBy(98));
        Assert.False(new Goal(Comparator.MoreThan, 70).IsMetBy(70));
        Assert.True(new Goal(Comparator.AtMost, 10).IsMetBy(10));
        Assert.False(new Goal(Comparator.LessThan, 5).IsMetBy(5));
        Assert.True(new Goal(Comparator.Equal, 100).IsMetBy(100.0m));
        Assert.Equal(new[] { "≥", ">", "≤", "<", "=" }, Enum.GetValues<Comparator>().Select(c => new Goal(c, 1).Symbol));
        Assert.Equal("≥ 2,95", new Goal(Comparator.AtLeast, 2.95m).Display("vi"));
    }

    private static Arbitrary<Goal> Goals() =>
        (from c in Gen.Elements(Enum.GetValues<Comparator>())
         from v in Gen.Choose(-100000, 100000)
         from d in Gen.Choose(0, 3)
         select new Goal(c, v / (decimal)Math.Pow(10, d)))
            .ToArbitrary();

    [Property(MaxTest = 500)]
    public Property Round_trips_through_ToString_and_display_forms() =>
        Prop.ForAll(Goals(), g =>
            Goal.TryParse(g.ToString(), out var a) && a == g &&
            Goal.TryParse($"\"{g.Symbol} {VnNumber.Format(g.Value, "vi").Replace(".", "")}\"", out var b) && b == g);

    [Property(MaxTest = 500)]
    public Property IsMetBy_agrees_with_comparator() =>
        Prop.ForAll(Goals(), Gen.Choose(-100000, 100000).ToArbitrary(), (g, actual) =>
        {
            decimal a = actual / 10m;
            bool expected = g.Comparator switch
            {
                Comparator.AtLeast => a >= g.Value,
                Comparator.MoreThan => a > g.Value,
                Comparator.AtMost => a <= g.Value,
                Comparator.LessThan => a < g.Value,
                _ => a == g.Value,
            };
            return g.IsMetBy(a) == expected;
        });
}

public class VnDateTests
{
    [Fact]
    public void Short_and_long()
    {
        var d = new DateOnly(2025, 8, 14);
        Assert.Equal("14/8/2025", VnDate.Short(d, "vi"));
        Assert.Equal("14 August 2025", VnDate.Short(d, "en"));
        Assert.Equal("ngày 14 tháng 8 năm 2025", VnDate.Long(d, "vi"));
        Assert.Equal("14 August 2025", VnDate.Long(d, "en"));
        Assert.Equal("2/9/2025", VnDate.Short(new DateOnly(2025, 9, 2), "vi"));
    }

    [Theory]
    [InlineData("Quý IV/2025", "Q4 2025")]
    [InlineData("Quý III/2025", "Q3 2025")]
    [InlineData("Quy I/2026", "Q1 2026")]
    [InlineData("Tháng 9/2025", "September 2025")]
    [InlineData("Báo cáo năm 2025", "Year 2025")]
    [InlineData("Năm 2025", "Year 2025")]
    [InlineData("6 tháng đầu năm 2025", "First half of 2025")]
    [InlineData("6 tháng cuối năm 2025", "Second half of 2025")]
    [InlineData("Báo cáo quý III/2025", "Q3 2025")]
    [InlineData("Đợt kiểm tra đặc biệt", "Đợt kiểm tra đặc biệt")]
    [InlineData("Tháng 13/2025", "Tháng 13/2025")]
    public void Period_labels_in_english(string vi, string en)
    {
        Assert.Equal(en, VnDate.PeriodLabel(vi, "en"));
        Assert.Equal(vi, VnDate.PeriodLabel(vi, "vi"));
    }

    [Property(MaxTest = 200)]
    public Property Short_vi_parses_back_as_a_deadline() =>
        Prop.ForAll(Gen.Choose(0, 60000).Select(n => DateOnly.FromDayNumber(new DateOnly(1950, 1, 1).DayNumber + n)).ToArbitrary(), d =>
            DeadlineParser.TryParse(VnDate.Short(d, "vi"), out var a) && a!.FinalDue == d &&
            DeadlineParser.TryParse(VnDate.Long(d, "vi"), out var b) && b!.FinalDue == d);
}
