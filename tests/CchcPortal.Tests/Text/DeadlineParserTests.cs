using CchcPortal.Core.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace CchcPortal.Tests.Text;

public class DeadlineParserTests
{
    private static Deadline Parse(string text)
    {
        Assert.True(DeadlineParser.TryParse(text, out var d), $"should parse: {text}");
        Assert.NotNull(d);
        return d!;
    }

    private static void AssertSingle(string text, DateOnly due, DuePrecision precision)
    {
        foreach (var variant in Variants(text))
        {
            var d = Parse(variant);
            Assert.Equal(DeadlineKind.Dated, d.Kind);
            Assert.True(d.IsDated);
            var m = Assert.Single(d.Milestones);
            Assert.Null(m.Label);
            Assert.Equal(due, m.Due);
            Assert.Equal(precision, m.Precision);
            Assert.Equal(due, d.FinalDue);
        }
    }

    /// <summary>The text as given, without diacritics, upper case, lower case, NFD, with extra spaces.</summary>
    private static IEnumerable<string> Variants(string text)
    {
        yield return text;
        yield return TextFold.RemoveDiacritics(text);
        yield return text.ToUpperInvariant();
        yield return text.ToLowerInvariant();
        yield return TextFold.ToNfd(text);
        yield return "  " + text.Replace(" ", "   ") + " ";
    }

    // ---- dates ----
    [Theory]
    [InlineData("20/8/2025", 2025, 8, 20)]
    [InlineData("Trước ngày 20/8/2025", 2025, 8, 20)]
    [InlineData("trước 20/08/2025", 2025, 8, 20)]
    [InlineData("ngày 14 tháng 8 năm 2025", 2025, 8, 14)]
    [InlineData("Hoàn thành trước ngày 30/9/2025", 2025, 9, 30)]
    [InlineData("Trước ngày 25/8/2025", 2025, 8, 25)]
    [InlineData("chậm nhất ngày 15/12/2025", 2025, 12, 15)]
    [InlineData("29/2/2028", 2028, 2, 29)]
    [InlineData("20-8-2025", 2025, 8, 20)]
    [InlineData("2025-08-20", 2025, 8, 20)]
    public void Date_forms(string text, int y, int m, int d) => AssertSingle(text, new DateOnly(y, m, d), DuePrecision.Day);

    // ---- months ----
    [Theory]
    [InlineData("Tháng 9/2025", 2025, 9, 30)]
    [InlineData("tháng 10/2025", 2025, 10, 31)]
    [InlineData("Thang 9/2025", 2025, 9, 30)]
    [InlineData("trong tháng 9/2025", 2025, 9, 30)]
    [InlineData("hoàn thành trong tháng 10/2025", 2025, 10, 31)]
    [InlineData("Tháng 2/2028", 2028, 2, 29)]
    [InlineData("tháng 11 năm 2025", 2025, 11, 30)]
    [InlineData("Tháng 12/2025", 2025, 12, 31)]
    [InlineData("6 tháng đầu năm 2025", 2025, 6, 30)]
    [InlineData("9 tháng đầu năm 2026", 2026, 9, 30)]
    public void Month_forms(string text, int y, int m, int d) => AssertSingle(text, new DateOnly(y, m, d), DuePrecision.Month);

    // ---- quarters ----
    [Theory]
    [InlineData("Quý IV/2025", 2025, 12, 31)]
    [InlineData("hoàn thành trong Quý III/2025", 2025, 9, 30)]
    [InlineData("Quy III/2025", 2025, 9, 30)]
    [InlineData("Quý 4/2025", 2025, 12, 31)]
    [InlineData("quý IV năm 2025", 2025, 12, 31)]
    [InlineData("Quý I/2026", 2026, 3, 31)]
    [InlineData("Quý II/2026", 2026, 6, 30)]
    [InlineData("trong quý 1 năm 2026", 2026, 3, 31)]
    public void Quarter_forms(string text, int y, int m, int d) => AssertSingle(text, new DateOnly(y, m, d), DuePrecision.Quarter);

    // ---- years and periods ----
    [Theory]
    [InlineData("năm 2030", 2030)]
    [InlineData("Năm 2025", 2025)]
    [InlineData("giai đoạn 2026 - 2030", 2030)]
    [InlineData("2026-2030", 2030)]
    [InlineData("Giai đoạn 2026–2030", 2030)]
    [InlineData("6 tháng cuối năm 2025", 2025)]
    [InlineData("5 tháng cuối năm 2025", 2025)]
    [InlineData("cuối năm 2025", 2025)]
    [InlineData("đến năm 2030", 2030)]
    [InlineData("trong năm 2025", 2025)]
    public void Year_forms(string text, int y) => AssertSingle(text, new DateOnly(y, 12, 31), DuePrecision.Year);

    // ---- several milestones ----
    [Fact]
    public void Labelled_milestones_before_colon()
    {
        foreach (var text in Variants("Giao ban quý III: tháng 9/2025; Giao ban quý IV: tháng 12/2025"))
        {
            var d = Parse(text);
            Assert.Equal(DeadlineKind.Dated, d.Kind);
            Assert.Equal(2, d.Milestones.Count);
            Assert.Equal("giao ban quy iii", TextFold.Fold(d.Milestones[0].Label!));
            Assert.Equal("giao ban quy iv", TextFold.Fold(d.Milestones[1].Label!));
            Assert.Equal(new DateOnly(2025, 9, 30), d.Milestones[0].Due);
            Assert.Equal(new DateOnly(2025, 12, 31), d.Milestones[1].Due);
            Assert.Equal(DuePrecision.Month, d.Milestones[1].Precision);
            Assert.Equal(new DateOnly(2025, 12, 31), d.FinalDue);
            Assert.Equal(new DateOnly(2025, 9, 30), d.FirstDue);
        }
        var exact = Parse("Giao ban quý III: tháng 9/2025; Giao ban quý IV: tháng 12/2025");
        Assert.Equal("Giao ban quý III", exact.Milestones[0].Label);
        Assert.Equal("tháng 9/2025", exact.Milestones[0].Text);
    }

    [Fact]
    public void Labelled_milestones_in_parentheses()
    {
        foreach (var text in Variants("Tháng 8/2025 (Kế hoạch), Tháng 12/2025 (Báo cáo)"))
        {
            var d = Parse(text);
            Assert.Equal(2, d.Milestones.Count);
            Assert.Equal("ke hoach", TextFold.Fold(d.Milestones[0].Label!));
            Assert.Equal("bao cao", TextFold.Fold(d.Milestones[1].Label!));
            Assert.Equal(new DateOnly(2025, 8, 31), d.Milestones[0].Due);
            Assert.Equal(new DateOnly(2025, 12, 31), d.Milestones[1].Due);
        }
        var exact = Parse("Tháng 8/2025 (Kế hoạch), Tháng 12/2025 (Báo cáo)");
        Assert.Equal("Kế hoạch", exact.Milestones[0].Label);
        Assert.Equal("Tháng 8/2025", exact.Milestones[0].Text);
        Assert.Equal("Tháng 8/2025 (Kế hoạch), Tháng 12/2025 (Báo cáo)", exact.Text);
    }

    [Theory]
    [InlineData("Tháng 8/2025; Tháng 12/2025")]
    [InlineData("Tháng 8/2025, Tháng 12/2025")]
    [InlineData("Tháng 8/2025\nTháng 12/2025")]
    [InlineData("Tháng 8/2025 và Tháng 12/2025")]
    [InlineData("Tháng 8/2025 và tháng 12/2025.")]
    public void Unlabelled_milestones_with_every_separator(string text)
    {
        var d = Parse(text);
        Assert.Equal(new[] { new DateOnly(2025, 8, 31), new DateOnly(2025, 12, 31) }, d.Milestones.Select(m => m.Due));
        Assert.All(d.Milestones, m => Assert.Null(m.Label));
    }

    [Fact]
    public void Label_containing_va_or_comma_is_not_split()
    {
        var d = Parse("Kế hoạch và báo cáo: tháng 9/2025");
        var m = Assert.Single(d.Milestones);
        Assert.Equal("Kế hoạch và báo cáo", m.Label);
        d = Parse("Kế hoạch, báo cáo: Quý IV/2025; Tổng kết: năm 2026");
        Assert.Equal(2, d.Milestones.Count);
        Assert.Equal("Kế hoạch, báo cáo", d.Milestones[0].Label);
        Assert.Equal(new DateOnly(2026, 12, 31), d.FinalDue);
    }

    [Fact]
    public void Seed_layout_with_label_and_date_on_separate_lines()
    {
        var d = Parse("Giao ban quy III:\nthang 9/2025\nGiao ban quy IV:\nthang 12/2025");
        Assert.Equal(2, d.Milestones.Count);
        Assert.Equal("Giao ban quy III", d.Milestones[0].Label);
        Assert.Equal(new DateOnly(2025, 12, 31), d.FinalDue);
    }

    [Fact]
    public void Range_due_is_its_end()
    {
        var d = Parse("Từ tháng 8/2025 đến tháng 12/2025");
        Assert.Equal(new DateOnly(2025, 12, 31), Assert.Single(d.Milestones).Due);
    }

    // ---- recurring and per guidance ----
    [Theory]
    [InlineData("Thường xuyên")]
    [InlineData("Thuong xuyen")]
    [InlineData("THƯỜNG XUYÊN")]
    [InlineData("Thường xuyên, liên tục")]
    [InlineData("thường xuyên.")]
    public void Ongoing_forms(string text)
    {
        foreach (var v in Variants(text))
        {
            var d = Parse(v);
            Assert.Equal(DeadlineKind.Ongoing, d.Kind);
            Assert.Empty(d.Milestones);
            Assert.Null(d.FinalDue);
            Assert.False(d.IsDated);
        }
    }

    [Theory]
    [InlineData("Theo kỳ báo cáo")]
    [InlineData("Theo kỳ báo cáo CCHC")]
    [InlineData("Theo ky bao cao CCHC")]
    [InlineData("Định kỳ hằng quý")]
    [InlineData("Định kỳ hàng quý")]
    [InlineData("hằng quý")]
    public void Each_reporting_period_forms(string text)
    {
        foreach (var v in Variants(text))
        {
            var d = Parse(v);
            Assert.Equal(DeadlineKind.EachReportingPeriod, d.Kind);
            Assert.Empty(d.Milestones);
        }
    }

    [Theory]
    [InlineData("Theo hướng dẫn của Thành phố", "Thành phố")]
    [InlineData("Theo chỉ đạo của UBND Thành phố", "UBND Thành phố")]
    [InlineData("Theo hướng dẫn của cấp trên", "cấp trên")]
    [InlineData("Theo huong dan cua Thanh pho", "Thanh pho")]
    [InlineData("Theo hướng dẫn UBND Thành phố", "UBND Thành phố")]
    [InlineData("Theo yêu cầu công tác kiểm soát TTHC", "công tác kiểm soát TTHC")]
    [InlineData("Theo hướng dẫn", null)]
    public void Per_guidance_forms(string text, string? authority)
    {
        var d = Parse(text);
        Assert.Equal(DeadlineKind.PerGuidance, d.Kind);
        Assert.Empty(d.Milestones);
        Assert.Equal(authority, d.Authority);
        var nfd = Parse(TextFold.ToNfd(text));
        Assert.Equal(authority, nfd.Authority);
        Assert.Equal(text, nfd.Text); // Text is NFC
    }

    // ---- rejected ----
    [Theory]
    [InlineData("sớm")]
    [InlineData("asap")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Tháng 13/2025")]
    [InlineData("Tháng 0/2025")]
    [InlineData("31/2/2025")]
    [InlineData("30/2/2024")]
    [InlineData("Quý V/2025")]
    [InlineData("Quý 5/2025")]
    [InlineData("năm 20255")]
    [InlineData("giai đoạn 2030 - 2026")]
    [InlineData("Tháng 9/2025; sớm")]
    [InlineData("đầu năm 2026")]
    [InlineData("Theo kế hoạch")]
    [InlineData("ngày 32 tháng 1 năm 2025")]
    public void Rejected(string text)
    {
        Assert.False(DeadlineParser.TryParse(text, out var d));
        Assert.Null(d);
        var ex = Assert.Throws<FormatException>(() => DeadlineParser.Parse(text));
        Assert.Contains("Quý IV/2025", ex.Message);
    }

    [Fact]
    public void Text_is_trimmed_nfc_as_written()
    {
        var d = Parse("  " + TextFold.ToNfd("Trước ngày 20/8/2025") + "  ");
        Assert.Equal("Trước ngày 20/8/2025", d.Text);
    }

    /// <summary>The deadline column of seed 003's appendix (29 tasks), as the OCR left it (diacritics lost), cleaned of table noise.</summary>
    public static TheoryData<int, string, DeadlineKind, string?> Seed003Appendix => new()
    {
        { 1, "Trude ngay 20/8/2025".Replace("Trude", "Truoc"), DeadlineKind.Dated, "2025-08-20" },
        { 2, "Truoc ngay 25/8/2025", DeadlineKind.Dated, "2025-08-25" },
        { 3, "Truoc ngay 25/8/2025", DeadlineKind.Dated, "2025-08-25" },
        { 4, "Truoc ngay 25/8/2025", DeadlineKind.Dated, "2025-08-25" },
        { 5, "Quy IV/2025", DeadlineKind.Dated, "2025-12-31" },
        { 6, "Thuong xuyen", DeadlineKind.Ongoing, null },
        { 7, "Giao ban quy III: thang 9/2025\nGiao ban quy IV: thang 12/2025", DeadlineKind.Dated, "2025-12-31" },
        { 8, "Thang 9/2025", DeadlineKind.Dated, "2025-09-30" },
        { 9, "Thang 8/2025", DeadlineKind.Dated, "2025-08-31" },
        { 10, "Theo huong dan cua Thanh Pho", DeadlineKind.PerGuidance, null },
        { 11, "Thang 8/2025 (Ke hoach), Thang 12/2025 (Bao cao)", DeadlineKind.Dated, "2025-12-31" },
        { 12, "Theo huong dan cua Thanh pho", DeadlineKind.PerGuidance, null },
        { 13, "Theo huong dan cua Thanh Pho", DeadlineKind.PerGuidance, null },
        { 14, "Theo huong dan cua Thanh Pho", DeadlineKind.PerGuidance, null },
        { 15, "Theo yeu cau cong tac kiem soat TTHC", DeadlineKind.PerGuidance, null },
        { 16, "Theo yeu cau cong tac KSTTHC", DeadlineKind.PerGuidance, null },
        { 17, "Theo huong dan UBND Thanh pho", DeadlineKind.PerGuidance, null },
        { 18, "Quy IV/2025", DeadlineKind.Dated, "2025-12-31" },
        { 19, "Thang 10/2025", DeadlineKind.Dated, "2025-10-31" },
        { 20, "Theo huong dan cua Thanh pho", DeadlineKind.PerGuidance, null },
        { 21, "Thang 11/2025", DeadlineKind.Dated, "2025-11-30" },
        { 22, "Theo huong dan cua Thanh pho", DeadlineKind.PerGuidance, null },
        { 23, "Quy IV/2025", DeadlineKind.Dated, "2025-12-31" },
        { 24, "Quy IV/2025", DeadlineKind.Dated, "2025-12-31" },
        { 25, "Thang 10/2025", DeadlineKind.Dated, "2025-10-31" },
        { 26, "Theo ky bao cao CCHC", DeadlineKind.EachReportingPeriod, null },
        { 27, "Thang 10/2025", DeadlineKind.Dated, "2025-10-31" },
        { 28, "Thang 10/2025", DeadlineKind.Dated, "2025-10-31" },
        { 29, "Thang 10/2025", DeadlineKind.Dated, "2025-10-31" },
    };

    [Theory]
    [MemberData(nameof(Seed003Appendix))]
    public void Seed_003_appendix_deadlines_parse(int no, string text, DeadlineKind kind, string? finalDue)
    {
        _ = no;
        var d = Parse(text);
        Assert.Equal(kind, d.Kind);
        Assert.Equal(finalDue is null ? null : DateOnly.Parse(finalDue), d.FinalDue);
    }

    [Fact]
    public void Seed_003_texts_with_diacritics_restored_parse_the_same()
    {
        string[] restored =
        {
            "Trước ngày 20/8/2025", "Quý IV/2025", "Thường xuyên", "Giao ban quý III: tháng 9/2025\nGiao ban quý IV: tháng 12/2025",
            "Tháng 9/2025", "Theo hướng dẫn của Thành phố", "Tháng 8/2025 (Kế hoạch), Tháng 12/2025 (Báo cáo)",
            "Theo yêu cầu công tác kiểm soát TTHC", "Theo hướng dẫn UBND Thành phố", "Theo kỳ báo cáo CCHC", "Tháng 10/2025",
        };
        foreach (var text in restored)
        {
            var a = Parse(text);
            var b = Parse(TextFold.RemoveDiacritics(text));
            Assert.Equal(a.Kind, b.Kind);
            Assert.Equal(a.Milestones.Select(m => (m.Due, m.Precision)), b.Milestones.Select(m => (m.Due, m.Precision)));
        }
    }

    [Fact]
    public void Every_accepted_form_parses()
    {
        Assert.NotEmpty(DeadlineParser.AcceptedForms);
        foreach (var f in DeadlineParser.AcceptedForms) Parse(f);
    }

    [Fact]
    public void Structural_equality()
    {
        Assert.Equal(Parse("Quý IV/2025"), Parse("Quý IV/2025"));
        Assert.NotEqual(Parse("Quý IV/2025"), Parse("Quý III/2025"));
    }

    // ---- properties ----

    private static Arbitrary<DateOnly> Dates() =>
        Gen.Choose(0, (new DateOnly(2150, 12, 31).DayNumber - new DateOnly(1950, 1, 1).DayNumber))
            .Select(n => DateOnly.FromDayNumber(new DateOnly(1950, 1, 1).DayNumber + n)).ToArbitrary();

    [Property(MaxTest = 300)]
    public Property Truoc_ngay_parses_to_the_date() =>
        Prop.ForAll(Dates(), d =>
        {
            var text = $"Trước ngày {d.Day}/{d.Month}/{d.Year}";
            return DeadlineParser.TryParse(text, out var dl) && dl!.FinalDue == d
                   && dl.Milestones[0].Precision == DuePrecision.Day
                   && DeadlineParser.TryParse(TextFold.RemoveDiacritics(text), out var dl2) && dl2!.FinalDue == d;
        });

    [Property(MaxTest = 300)]
    public Property Month_due_is_last_day_of_month() =>
        Prop.ForAll(Gen.Choose(1, 12).ToArbitrary(), Gen.Choose(1950, 2150).ToArbitrary(), (m, y) =>
        {
            var expected = new DateOnly(y, m, DateTime.DaysInMonth(y, m));
            return DeadlineParser.TryParse($"Tháng {m}/{y}", out var dl) && dl!.FinalDue == expected
                   && dl.Milestones[0].Precision == DuePrecision.Month
                   && DeadlineParser.TryParse($"thang {m:00}/{y}", out var dl2) && dl2!.FinalDue == expected;
        });

    [Property(MaxTest = 300)]
    public Property Quarter_roman_arabic_and_unaccented_agree() =>
        Prop.ForAll(Gen.Choose(1, 4).ToArbitrary(), Gen.Choose(1950, 2150).ToArbitrary(), (q, y) =>
        {
            string roman = q switch { 1 => "I", 2 => "II", 3 => "III", _ => "IV" };
            var expected = new DateOnly(y, q * 3, DateTime.DaysInMonth(y, q * 3));
            var forms = new[] { $"Quý {roman}/{y}", $"Quy {roman}/{y}", $"quý {q}/{y}", $"QUY {roman} NAM {y}", $"hoàn thành trong Quý {roman}/{y}" };
            return forms.All(f => DeadlineParser.TryParse(f, out var dl) && dl!.FinalDue == expected
                                  && dl.Milestones[0].Precision == DuePrecision.Quarter);
        });

    [Property(MaxTest = 100)]
    public Property Accepted_forms_parse_the_same_without_diacritics() =>
        Prop.ForAll(Gen.Elements(DeadlineParser.AcceptedForms.ToArray()).ToArbitrary(), text =>
        {
            DeadlineParser.TryParse(text, out var a);
            DeadlineParser.TryParse(TextFold.RemoveDiacritics(text), out var b);
            return a is not null && b is not null && a.Kind == b.Kind
                   && a.Milestones.Select(m => (m.Due, m.Precision, m.Label is null ? null : TextFold.Fold(m.Label)))
                       .SequenceEqual(b.Milestones.Select(m => (m.Due, m.Precision, m.Label is null ? null : TextFold.Fold(m.Label))));
        });

    [Property(MaxTest = 300)]
    public Property Never_throws_on_arbitrary_text() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NonNull<string>>(), s =>
        {
            DeadlineParser.TryParse(s.Get, out _);
            return true;
        });
}
