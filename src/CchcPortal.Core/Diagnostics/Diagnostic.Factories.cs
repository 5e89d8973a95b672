using System.Globalization;
using CchcPortal.Core.Text;

namespace CchcPortal.Core.Diagnostics;

/// <summary>The shapes a value can be expected to have, for <see cref="Diagnostic.WrongShape"/> (CC0007).</summary>
public enum ValueShape { Text, List, Mapping, MappingOrList, Integer, TaskNumber }

/// <summary>
/// One factory per diagnostic code, grouped by where they arise: its parameters are what the message (in
/// <see cref="Messages"/>) says, its severity is the code's. No code outside this file writes a code (DiagnosticCodeTests).
/// </summary>
public sealed partial record Diagnostic
{
    // ── Load: reading and parsing a file ─────────────────────────────────────────────────────────────────────────────

    public static Diagnostic NotUtf8(SourceLocation at, int byteOffset) => Error("CC0001", at, byteOffset);

    /// <summary>Text typed with an old Vietnamese font: which one, a sample and what it may read.</summary>
    public static Diagnostic LegacyEncoded(SourceLocation at, LegacyEncoding encoding, string sample) =>
        Error("CC0002", at, encoding == LegacyEncoding.Tcvn3 ? "TCVN3 (ABC)" : "VNI", sample, LegacyEncodingDetector.Convert(sample, encoding));

    public static Diagnostic InvalidYaml(SourceLocation at, Sentence reason) => Error("CC0003", at, reason);

    public static Diagnostic MissingFrontMatter(string file) => Error("CC0004", new(file, 1, 1));

    public static Diagnostic LargeFile(string file, int kilobytes) => Warning("CC0026", new(file), kilobytes);

    public static Diagnostic CannotRead(string file, string reason) => Error("CC0036", new(file), reason);

    // ── Load: where files are ────────────────────────────────────────────────────────────────────────────────────────

    /// <param name="layout">Where content files go (<c>ContentFile.Layout</c>).</param>
    public static Diagnostic OutsideStructure(string file, string layout) => Warning("CC0027", new(file), file, layout);

    public static Diagnostic TranslationWithoutSource(string translation, string source) => Warning("CC0032", new(translation), translation, source);

    public static Diagnostic PlanWithoutIndex(string plan) => Error("CC0037", new($"content/plans/{plan}"), plan);

    // ── Load: binding front matter ───────────────────────────────────────────────────────────────────────────────────

    public static Diagnostic UnknownKey(SourceLocation at, string key, string? nearest, IEnumerable<string> known) =>
        Error("CC0005", at, key, DidYouMeanSentence(nearest), List(known));

    public static Diagnostic MissingKey(SourceLocation at, string key) => Error("CC0006", at, key);

    public static Diagnostic WrongShape(SourceLocation at, string key, ValueShape expected) => Error("CC0007", at, key, expected switch
    {
        ValueShape.Text => new Sentence("một đoạn chữ", "a text"),
        ValueShape.List => new Sentence("một danh sách, ví dụ [a, b]", "a list, e.g. [a, b]"),
        ValueShape.Mapping => new Sentence("một nhóm khóa lồng nhau", "a nested mapping"),
        ValueShape.MappingOrList => new Sentence("một nhóm khóa lồng nhau hoặc một danh sách", "a nested mapping or a list"),
        ValueShape.Integer => new Sentence("một số nguyên", "a whole number"),
        _ => new Sentence("số thứ tự của nhiệm vụ (khóa \"no\"), ví dụ \"7\"", "a task number (its \"no\"), e.g. \"7\""),
    });

    /// <summary>A file name (or a reporting period's id) that is not an id, with a usable one.</summary>
    public static Diagnostic InvalidId(SourceLocation at, string written, string suggestion) => Error("CC0008", at, written, suggestion);

    public static Diagnostic InvalidDate(SourceLocation at, string text) => Error("CC0009", at, text);

    public static Diagnostic InvalidNumber(SourceLocation at, string text) => Error("CC0010", at, text);

    public static Diagnostic InvalidGoal(SourceLocation at, string text) => Error("CC0011", at, text);

    public static Diagnostic InvalidDeadline(SourceLocation at, string text) => Error("CC0012", at, text, DeadlineParser.AcceptedFormsQuoted);

    /// <summary>A deadline written in an accepted form around a day that does not exist ("Trước ngày 31/02/2026").</summary>
    /// <param name="date">The day as written ("31/02/2026").</param><param name="day">Its day</param><param name="month">and month, as written.</param>
    /// <param name="corrected">The deadline with the last day of that month instead.</param>
    public static Diagnostic ImpossibleDeadlineDate(SourceLocation at, string text, string date, int day, int month, int year, string corrected) =>
        Error("CC0090", at, text, date, month is < 1 or > 12
            ? new Sentence($"không có tháng {month}: tháng chỉ từ 1 đến 12", $"there is no month {month}: months run from 1 to 12")
            : new Sentence($"tháng {month}/{year} chỉ có {DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month)} ngày",
                $"{MonthName(month)} {year} has {DateTime.DaysInMonth(Math.Clamp(year, 1, 9999), month)} days"), corrected);

    public static Diagnostic UnknownArea(SourceLocation at, string id, string? nearest, IEnumerable<string> areas) =>
        Error("CC0014", at, id, DidYouMean(nearest), List(areas));

    /// <param name="first">Where the id was given first ("tasks, dòng 6", "reporting (Quý I/2025)").</param>
    public static Diagnostic DuplicateId(SourceLocation at, string id, Sentence first) => Error("CC0018", at, id, first);

    /// <param name="key">The key as written ("\"editor.backend\"", or with what it is of: "\"tasks.4.status\" (nhiệm vụ số 4)").</param>
    /// <param name="choices">The allowed values, each with its meaning where it has one (<see cref="ChoiceList(IEnumerable{string})"/>).</param>
    public static Diagnostic InvalidChoice(SourceLocation at, string value, Sentence key, Sentence choices) => Error("CC0021", at, value, key, choices);

    /// <summary>The allowed values of a choice, when they need no explaining: "github, gitlab".</summary>
    public static Sentence ChoiceList(IEnumerable<string> ids) => List(ids);

    /// <summary>The allowed values with what each means: "not-started — Chưa bắt đầu; in-progress — Đang thực hiện; …".</summary>
    public static Sentence ChoiceList(IEnumerable<(string Id, string Vi, string En)> choices)
    {
        var list = choices.ToList();
        return new(string.Join("; ", list.Select(c => $"{c.Id} — {c.Vi}")), string.Join("; ", list.Select(c => $"{c.Id} — {c.En}")));
    }

    public static Diagnostic TranslationDataKey(SourceLocation at, string key) => Warning("CC0022", at, key);

    /// <param name="range">The range allowed, as written for people ("0 – 100").</param>
    public static Diagnostic OutOfRange(SourceLocation at, int value, string key, string range) => Error("CC0024", at, value, key, range);

    public static Diagnostic CancelledWithoutNote(SourceLocation at, int no) => Warning("CC0025", at, no);

    public static Diagnostic StartAfterEnd(SourceLocation at, DateOnly from, DateOnly to) => Error("CC0028", at, VnDate.Short(from, "vi"), VnDate.Short(to, "vi"));

    public static Diagnostic PointsWithoutMax(SourceLocation at) => Error("CC0029", at);

    // ── Validate: references between files, stale content ────────────────────────────────────────────────────────────

    public static Diagnostic UnknownUnit(SourceLocation at, string id, string? nearest, IEnumerable<string> units) =>
        Error("CC0013", at, id, DidYouMean(nearest), List(units));

    /// <param name="periods">The plan's period ids, or what to say when it has none.</param>
    public static Diagnostic UnknownPeriod(SourceLocation at, string period, string plan, Sentence periods) => Error("CC0015", at, period, plan, periods);

    /// <param name="plans">The site's plan ids, or what to say when it has none.</param>
    public static Diagnostic UnknownPlan(SourceLocation at, string plan, Sentence plans) => Error("CC0016", at, plan, plans);

    public static Diagnostic DuplicateTaskNumber(SourceLocation at, int no, string firstFile) => Error("CC0017", at, no, firstFile);

    public static Diagnostic UnknownTaskNumber(SourceLocation at, int no, string plan, IEnumerable<int> numbers) =>
        Error("CC0019", at, no, plan, string.Join(", ", numbers));

    public static Diagnostic UnknownTarget(SourceLocation at, string id, string plan, string? nearest) => Error("CC0020", at, id, plan, DidYouMean(nearest));

    /// <summary>The source was committed after its translation (git times, Unix seconds).</summary>
    public static Diagnostic StaleTranslation(string translation, string source, long sourceTime, long translationTime) =>
        Warning("CC0031", new(translation), source, Stamp(sourceTime), Stamp(translationTime));

    public static Diagnostic DocumentNotInStatic(SourceLocation at, string document) => Warning("CC0033", at, document);

    public static Diagnostic TwoReportsForPeriod(SourceLocation at, string period, string firstFile, string secondFile) =>
        Error("CC0038", at, period, $"{firstFile}, {secondFile}");

    // ── revised: moved deadlines and goals (issue 36) ────────────────────────────────────────────────────────────────

    /// <summary>An entry of <c>revised:</c> dated before the entry above it.</summary>
    public static Diagnostic RevisionsOutOfOrder(SourceLocation at, DateOnly on, DateOnly above) =>
        Error("CC0080", at, VnDate.Short(on, "vi"), VnDate.Short(above, "vi"));

    public static Diagnostic RevisionOutsidePlan(SourceLocation at, DateOnly on, string plan, DateOnly from, DateOnly to) =>
        Error("CC0081", at, VnDate.Short(on, "vi"), plan, VnDate.Short(from, "vi"), VnDate.Short(to, "vi"));

    /// <summary>An earlier deadline or goal that is the current one.</summary>
    public static Diagnostic RevisionSameAsCurrent(SourceLocation at, string earlier, string current) => Warning("CC0082", at, earlier, current);

    /// <summary>A deadline that differs from its value in a commit after the plan's first report, with no revised: entry for it.</summary>
    /// <param name="committed">The date of the last commit that still had the earlier value.</param>
    public static Diagnostic SilentDeadlineMove(SourceLocation at, string earlier, DateOnly committed, string current) =>
        Warning("CC0083", at, earlier, Iso(committed), current);

    /// <summary>A target's goal changed as in <see cref="SilentDeadlineMove"/>.</summary>
    public static Diagnostic SilentGoalMove(SourceLocation at, string earlier, DateOnly committed, string current) =>
        Warning("CC0084", at, earlier, Iso(committed), current);
    /// <summary>A report signed after <c>as_of</c>: it has a page, but no figure counts it (CC0091).</summary>
    public static Diagnostic ReportAfterAsOf(SourceLocation at, DateOnly issued, DateOnly asOf) =>
        Warning("CC0091", at, VnDate.Short(issued, "vi"), VnDate.Short(asOf, "vi"));

    /// <summary>Text left as <c>cchc new</c> wrote it (a task's "(sửa tên nhiệm vụ)", a report's template bullets).</summary>
    /// <param name="what">What holds it ("Tên nhiệm vụ", "Nội dung báo cáo").</param><param name="text">The sample text.</param>
    public static Diagnostic ScaffoldPlaceholder(SourceLocation at, Sentence what, string text) => Warning("CC0092", at, what, text);

    public static Diagnostic StaleAsOf(SourceLocation at, DateOnly asOf, DateOnly today, int daysBehind, int periodDays) =>
        Warning("CC0039", at, Iso(asOf), Iso(today), daysBehind, periodDays);

    // ── The Front's supervision ──────────────────────────────────────────────────────────────────────────────────────

    /// <param name="monitors">The site's monitoring units, or what to say when it has none.</param>
    public static Diagnostic NotAMonitor(SourceLocation at, string unit, Sentence monitors) => Error("CC0070", at, unit, monitors);

    public static Diagnostic UnknownSupervisedTask(SourceLocation at, int no, string plan, IEnumerable<int> numbers) =>
        Error("CC0071", at, no, plan, string.Join(", ", numbers));

    /// <param name="plans">The site's plan ids, or what to say when it has none.</param>
    public static Diagnostic TasksWithoutPlan(SourceLocation at, Sentence plans) => Error("CC0072", at, plans);

    public static Diagnostic AnswerBeforeSupervision(SourceLocation at, DateOnly answer, DateOnly issued) =>
        Error("CC0073", at, Iso(answer), Iso(issued));

    /// <param name="firstLine">The line of the first recommendation with that number.</param>
    public static Diagnostic DuplicateRecommendation(SourceLocation at, int no, int firstLine) => Error("CC0074", at, no, firstLine);

    /// <param name="unit">The unit asked, by name.</param>
    public static Diagnostic RecommendationOverdue(SourceLocation at, int no, string unit, int days, DateOnly due) =>
        Warning("CC0075", at, no, unit, days, Iso(due));

    // ── site.yaml ────────────────────────────────────────────────────────────────────────────────────────────────────

    public static Diagnostic NoSiteYaml(string folder) => Error("CC0023", new("site.yaml"), folder);

    public static Diagnostic NotAnOrigin(SourceLocation at, string written, string? origin) =>
        Error("CC0041", at, written, DidYouMeanSentence(origin));

    /// <param name="card">The progress card's address.</param><param name="allowed">Who may frame it now.</param>
    /// <param name="example">An example origin for <c>embed_origins:</c>, from the site's own address.</param>
    public static Diagnostic EmbedHint(string card, Sentence allowed, Sentence example) => Info("CC0042", new("site.yaml"), card, allowed, example);

    public static Diagnostic InvalidRepo(SourceLocation at, string repo, string example) => Error("CC0052", at, repo, example);

    public static Diagnostic InvalidBranch(SourceLocation at, string branch) => Error("CC0053", at, branch);

    // ── A province's roll-up: communes: in site.yaml, cchc fetch, the copies in communes/ ───────────────────────────────

    public static Diagnostic NotACommuneAddress(SourceLocation at, string written, string? suggestion) =>
        Error("CC0100", at, written, DidYouMeanSentence(suggestion));

    public static Diagnostic CommuneListedTwice(SourceLocation at, string url, int firstLine) => Warning("CC0101", at, url, firstLine);

    /// <param name="reason">What went wrong (no answer, HTTP 503, too slow...).</param><param name="kept">Which copy the roll-up keeps.</param>
    public static Diagnostic CommuneUnreachable(SourceLocation at, string name, string url, Sentence reason, Sentence kept) =>
        Warning("CC0102", at, name, url, reason, kept);

    public static Diagnostic CommuneInvalid(SourceLocation at, string name, string url, Sentence reason, Sentence kept) =>
        Warning("CC0103", at, name, url, reason, kept);

    public static Diagnostic CommuneTooLarge(SourceLocation at, string name, string url, long limitMb, Sentence kept) =>
        Warning("CC0104", at, name, url, limitMb, kept, limitMb * 2);

    public static Diagnostic CommuneNotFetched(SourceLocation at, string url) => Warning("CC0105", at, url);

    public static Diagnostic CommuneCopyDamaged(SourceLocation at, Sentence reason) => Error("CC0106", at, at.File, reason);

    // ── Theme: strings and layouts ───────────────────────────────────────────────────────────────────────────────────

    public static Diagnostic NoUiStrings(string language, IEnumerable<string> available) => Error("CC0030", new("site.yaml"), language, List(available));

    public static Diagnostic UiStringMissing(string file, string key, string presentIn, string missingFrom) =>
        Warning("CC0034", new(file), key, presentIn, missingFrom);

    public static Diagnostic LayoutError(SourceLocation at, string message) => Error("CC0035", at, message);

    // ── Markdown bodies ──────────────────────────────────────────────────────────────────────────────────────────────

    public static Diagnostic ImageWithoutAlt(SourceLocation at, string url) => Warning("CC0050", at, url);

    /// <param name="staticPath">Where under static/ the file would be.</param>
    public static Diagnostic MissingFile(SourceLocation at, bool image, string url, string staticPath) =>
        Warning("CC0051", at, image ? new Sentence("Ảnh", "An image") : new Sentence("Liên kết", "A link"), url, staticPath);

    // ── cchc import: the row's label ("Dòng STT 7") comes first in a row's message ───────────────────────────────────

    /// <param name="columns">The headings looked for.</param><param name="detail">What the file has instead (starts with a space).</param>
    public static Diagnostic NoAppendixTable(string file, Sentence columns, Sentence detail) => Error("CC0040", new(file), columns, detail);

    /// <summary>The area of a row: a group row naming no area or two, or a task above every group row.</summary>
    public static Diagnostic ImportRowArea(SourceLocation at, Sentence row, Sentence problem, Sentence areas) => Error("CC0043", at, row, problem, areas);

    /// <summary>A cell of a task row empty or not understood.</summary>
    public static Diagnostic ImportCell(SourceLocation at, Sentence row, string column, Sentence problem) => Error("CC0044", at, row, column, problem);

    public static Diagnostic ImportWouldOverwrite(string file, string existing) => Error("CC0045", new(file), existing);

    /// <param name="why">Why the file does not give it (starts with a space).</param>
    public static Diagnostic ImportWithoutPlanFile(string file, string plan, string planFile, Sentence why) => Error("CC0046", new(file), plan, planFile, why);

    public static Diagnostic CsvNotUtf8(string file, int line, int column) => Error("CC0047", new(file, line, column), line, column);

    /// <param name="why">What is wrong with the numbers ("bắt đầu lại từ 1 ở mỗi nhóm").</param>
    public static Diagnostic ImportRenumbered(string file, Sentence why, int tasks) => Warning("CC0048", new(file), why, tasks);

    /// <summary>The appendix's tasks are already in the plan (imported twice): one error, instead of two per task.</summary>
    /// <param name="numbers">The numbers already there ("1 – 11" or "3, 5").</param><param name="folder">The plan's tasks folder.</param>
    public static Diagnostic ImportTasksExist(string file, string plan, int count, string numbers, string folder) =>
        Error("CC0093", new(file), plan, count, numbers, folder);

    public static Diagnostic ImportCannotRead(string file, Sentence reason) => Error("CC0049", new(file), reason);

    // ── cchc export report ───────────────────────────────────────────────────────────────────────────────────────────

    /// <param name="withReport">The periods that have a report, or what to say when none has.</param>
    public static Diagnostic PeriodWithoutReport(SourceLocation at, string period, string label, string plan, Sentence withReport) =>
        Error("CC0060", at, period, label, plan, withReport);

    public static Diagnostic CannotWrite(string file, string reason) => Error("CC0061", new(file), file, reason);

    public static Diagnostic BadTemplate(string file, string reason) => Error("CC0062", new(file), file, reason);

    public static Diagnostic NoReportYet(SourceLocation at, string plan) => Error("CC0063", at, plan);

    public static Diagnostic SearchAbbreviationNotText(string file, int line, int column, string abbreviation) =>
        Warning("CC0110", new(file, line, column), abbreviation);

    // ── helpers ──────────────────────────────────────────────────────────────────────────────────────────────────────

    private static Diagnostic Error(string code, SourceLocation at, params object?[] args) => new(Severity.Error, code, at, Texts(args));
    private static Diagnostic Warning(string code, SourceLocation at, params object?[] args) => new(Severity.Warning, code, at, Texts(args));
    private static Diagnostic Info(string code, SourceLocation at, params object?[] args) => new(Severity.Info, code, at, Texts(args));

    /// <summary>The arguments as text in both languages: numbers invariant ("12"), a <see cref="Sentence"/> as it is.</summary>
    private static Sentence[] Texts(object?[] args) => args.Select(a => a switch
    {
        null => "",
        Sentence l => l,
        _ => (Sentence)(Convert.ToString(a, CultureInfo.InvariantCulture) ?? ""),
    }).ToArray();

    private static readonly Sentence None = new("", "");
    private static Sentence DidYouMean(string? nearest) =>
        nearest is null ? None : new($" (có phải \"{nearest}\"?)", $" (did you mean \"{nearest}\"?)");
    private static Sentence DidYouMeanSentence(string? nearest) =>
        nearest is null ? None : new($" Có phải ý bạn là \"{nearest}\"?", $" Did you mean \"{nearest}\"?");
    private static string List(IEnumerable<string> items) => string.Join(", ", items);
    private static string MonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Stamp(long unixSeconds) =>
        DateTimeOffset.FromUnixTimeSeconds(unixSeconds).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
