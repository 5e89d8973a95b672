using System.Globalization;
using System.Text;
using CchcPortal.Core.Diagnostics;
using CchcPortal.Core.Loading;
using CchcPortal.Core.Model;
using CchcPortal.Core.Text;

namespace CchcPortal.Office.Import;

/// <summary>The arguments of <c>cchc import FILE --plan ID [--source DIR] [--dry-run]</c>.</summary>
public sealed record ImportOptions(string? File, string? PlanId, string Source, bool DryRun, string Lang);

/// <summary>A task as imported, before it is written.</summary>
/// <param name="Body">The cells of columns that map to no key, as "Ghi chú: …" paragraphs, or null.</param>
public sealed record ImportedTask(int No, string Area, string Title, string? Product, string Lead, IReadOnlyList<string> Cooperating, string Deadline,
    string? Body = null);

/// <summary>What an appendix gives: its tasks, the units it names that the site lacks, and remarks for staff.</summary>
/// <param name="ColumnsRead">The headings of the columns read into keys, in table order.</param>
/// <param name="ColumnsKept">The headings of the columns that map to no key, whose cells became the tasks' body, and
/// how many tasks have such a note.</param>
public sealed record ImportResult(IReadOnlyList<ImportedTask> Tasks, IReadOnlyList<NewUnit> NewUnits, IReadOnlyList<Sentence> Notes)
{
    public IReadOnlyList<string> ColumnsRead { get; init; } = [];
    public IReadOnlyList<(string Heading, int Tasks)> ColumnsKept { get; init; } = [];
}

/// <summary>
/// <c>cchc import</c>: a plan's appendix table (from the signed .docx, an .xlsx or a .csv) becomes task files, with new
/// unit files for names the site lacks and, from a whole plan's .docx, the plan's index.md. All or nothing: every
/// problem is listed at once, and nothing is written while any remains.
/// </summary>
public static class ImportCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static int Run(ImportOptions o, TextWriter stdout, TextWriter stderr)
    {
        if (o.File is null || o.PlanId is null)
        {
            stderr.WriteLine(Sentences.ImportUsage.In(o.Lang));
            return 2;
        }
        if (!Ids.IsValid(o.PlanId))
        {
            stderr.WriteLine(Sentences.ImportBadPlanId.In(o.Lang, o.PlanId, Ids.Suggest(o.PlanId)));
            return 2;
        }
        var bag = new DiagnosticBag();
        var files = Prepare(o, bag, out var result);
        foreach (var d in bag.All) stderr.WriteLine(d.ToString(o.Lang));
        var errors = bag.All.Count(d => d.Severity == Severity.Error);
        if (errors > 0 || files is null || result is null)
        {
            stderr.WriteLine(Sentences.ImportFailed.In(o.Lang, errors));
            return 1;
        }
        if (o.DryRun)
        {
            foreach (var (rel, text) in files)
            {
                stdout.WriteLine($"--- {rel}");
                stdout.Write(text);
            }
            stdout.WriteLine(Sentences.ImportDryRun.In(o.Lang, files.Count, result.Tasks.Count, result.NewUnits.Count));
            Columns(result, o.Lang, stdout);
        }
        else
        {
            try { Write(o.Source, files); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine(Sentences.ImportCannotWrite.In(o.Lang, e.Message));
                return 1;
            }
            var taskFiles = files.Where(f => f.Rel.Contains("/tasks/", StringComparison.Ordinal)).Select(f => f.Rel).ToList();
            var span = taskFiles.Count == 1 ? taskFiles[0] : $"{taskFiles[0]} … {Path.GetFileName(taskFiles[^1])}";
            stdout.WriteLine(Sentences.ImportCreated.In(o.Lang, result.Tasks.Count, span));
            foreach (var (rel, _) in files.Where(f => f.Rel.EndsWith("/index.md", StringComparison.Ordinal)))
                stdout.WriteLine(Sentences.Created.In(o.Lang, rel));
            Columns(result, o.Lang, stdout);
        }
        if (result.NewUnits.Count > 0)
        {
            stdout.WriteLine(Sentences.ImportNewUnits.In(o.Lang, result.NewUnits.Count));
            foreach (var u in result.NewUnits) stdout.WriteLine($"  content/units/{u.Id}.md  \"{u.Name}\"");
        }
        foreach (var note in result.Notes) stdout.WriteLine(note.In(o.Lang));
        if (!o.DryRun) stdout.WriteLine(Sentences.ImportNext.In(o.Lang));
        return 0;
    }

    /// <summary>Which columns were read, and which were kept as notes in the tasks' body (nothing is dropped silently).</summary>
    private static void Columns(ImportResult result, string lang, TextWriter stdout)
    {
        static string Quoted(IEnumerable<string> headings) => string.Join(", ", headings.Select(h => $"\"{h}\""));
        if (result.ColumnsRead.Count > 0) stdout.WriteLine(Sentences.ImportColumns.In(lang, Quoted(result.ColumnsRead)));
        if (result.ColumnsKept.Count == 0) return;
        var kept = new Sentence(
            string.Join(", ", result.ColumnsKept.Select(k => $"\"{k.Heading}\" ({k.Tasks.ToString(Inv)} nhiệm vụ)")),
            string.Join(", ", result.ColumnsKept.Select(k => $"\"{k.Heading}\" ({k.Tasks.ToString(Inv)} task{(k.Tasks == 1 ? "" : "s")})")));
        stdout.WriteLine(Sentences.ImportNotes.In(lang, kept));
    }

    /// <summary>The files to write (site-relative path → text), or null; every problem goes to the bag.</summary>
    private static List<(string Rel, string Text)>? Prepare(ImportOptions o, DiagnosticBag bag, out ImportResult? result)
    {
        result = null;
        var file = o.File!.Replace('\\', '/');
        var site = SiteLoader.Load(o.Source, new DiagnosticBag(), VnDate.Today());
        if (site is null) { bag.Add(Diagnostic.NoSiteYaml(o.Source)); return null; }
        var doc = ReadFile(o.File!, file, bag);
        if (doc is null || LegacyText(doc, file, bag)) return null;
        var plan = site.Plans.FirstOrDefault(p => p.Id == o.PlanId);
        result = Read(doc, file, site.Units, bag);
        if (result is null) return null;

        var files = new List<(string Rel, string Text)>();
        var planRel = $"content/plans/{o.PlanId}/index.md";
        if (!File.Exists(Path.Combine(o.Source, planRel)))
        {
            var facts = doc.IsWord ? PlanFirstPage.Read(doc.FirstPage) : null;
            if (facts?.Title is { } title)
                files.Add((planRel, ContentFiles.PlanHeader(title, facts.Number, facts.Issuer, facts.Issued, "",
                    $"Nhập từ {Path.GetFileName(file)}: hãy bổ sung kỳ báo cáo (reporting), thời gian thực hiện (period), căn cứ pháp lý và nội dung kế hoạch (sau dòng --- cuối).")));
            else
                bag.Add(Diagnostic.ImportWithoutPlanFile(file, o.PlanId!, planRel, doc.IsWord
                    ? new Sentence(" và trang đầu của tệp Word không có dòng \"KẾ HOẠCH\" và tên kế hoạch", " and the Word file's first page has no \"KẾ HOẠCH\" line with the plan's title")
                    : new Sentence(" (bảng tính, CSV không ghi số, ngày, tên kế hoạch)", " (a spreadsheet or CSV does not give the plan's number, date and title)")));
        }
        // A task already in the plan (by its number or its file): the appendix was most likely imported before. One
        // message for them all, saying how to import it again, rather than two for each task.
        var tasksFolder = $"content/plans/{o.PlanId}/tasks/";
        var clashes = new List<int>();
        foreach (var t in result.Tasks)
        {
            var rel = $"{tasksFolder}{t.No.ToString("00", Inv)}.md";
            files.Add((rel, ContentFiles.Task(t.No, t.Area, t.Title, t.Product, t.Lead, t.Cooperating, t.Deadline, t.Body)));
            if (plan?.Tasks.Any(x => x.No == t.No) == true || File.Exists(Path.Combine(o.Source, rel))) clashes.Add(t.No);
        }
        if (clashes.Count > 0)
            bag.Add(Diagnostic.ImportTasksExist(file, o.PlanId!, clashes.Count, Numbers(clashes), tasksFolder));
        foreach (var u in result.NewUnits)
            files.Add(($"content/units/{u.Id}.md", ContentFiles.Unit(u.Name, null, Role(u.Name), "",
                $"Tạo khi nhập phụ lục từ {Path.GetFileName(file)}: hãy kiểm tra tên, thêm tên viết tắt (short), vai trò (role) và địa chỉ liên hệ (sau dòng --- cuối).")));
        foreach (var (rel, _) in files)
            if (!rel.StartsWith(tasksFolder, StringComparison.Ordinal) && File.Exists(Path.Combine(o.Source, rel)))
                bag.Add(Diagnostic.ImportWouldOverwrite(file, rel));
        return files;
    }

    /// <summary>"1 – 11" for a run of numbers, else "3, 5, 9".</summary>
    private static string Numbers(List<int> numbers)
    {
        var sorted = numbers.Distinct().Order().ToList();
        return sorted.Count > 2 && sorted[^1] - sorted[0] == sorted.Count - 1
            ? $"{sorted[0].ToString(Inv)} – {sorted[^1].ToString(Inv)}"
            : string.Join(", ", sorted.Select(n => n.ToString(Inv)));
    }

    /// <summary>
    /// Text typed with an old Vietnamese font (TCVN3 ".VnTime", VNI) reads as mojibake ("C¶i c¸ch"): said, with what
    /// it may read and how to convert it, as <c>cchc check</c> says of a content file (CC0002).
    /// </summary>
    private static bool LegacyText(SourceDocument doc, string file, DiagnosticBag bag)
    {
        var text = string.Join("\n", doc.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Text).Distinct());
        if (LegacyEncodingDetector.Detect(text) is not { } legacy) return false;
        var sample = LegacyEncodingDetector.Sample(text) ?? "";
        bag.Add(Diagnostic.LegacyEncoded(new(file), legacy, sample));
        return true;
    }

    /// <summary>The Fatherland Front monitors; every other new unit is an office.</summary>
    private static string Role(string name)
    {
        var words = " " + string.Join(' ', AreaNames.Words(name)) + " ";
        return words.Contains(" mat tran to quoc ", StringComparison.Ordinal) || words.Contains(" mttq ", StringComparison.Ordinal) ? "monitor" : "office";
    }

    private static SourceDocument? ReadFile(string path, string shown, DiagnosticBag bag)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            switch (ext)
            {
                case ".docx":
                    using (var s = File.OpenRead(path)) return WordReader.Read(s);
                case ".xlsx":
                    using (var s = File.OpenRead(path)) return SheetReader.Read(s);
                case ".csv" or ".txt":
                    return CsvReader.Read(File.ReadAllBytes(path));
                default:
                    bag.Add(Diagnostic.ImportCannotRead(shown, new Sentence($"kiểu tệp \"{ext}\" không được hỗ trợ", $"file type \"{ext}\" is not supported")));
                    return null;
            }
        }
        catch (CsvEncodingException e) { bag.Add(Diagnostic.CsvNotUtf8(shown, e.Line, e.Column)); }
        catch (FileNotFoundException) { bag.Add(Diagnostic.ImportCannotRead(shown, new Sentence("không có tệp này", "no such file"))); }
        catch (DirectoryNotFoundException) { bag.Add(Diagnostic.ImportCannotRead(shown, new Sentence("không có tệp này", "no such file"))); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException
                                      or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or System.Xml.XmlException or FormatException)
        {
            bag.Add(Diagnostic.ImportCannotRead(shown, new Sentence($"tệp hỏng hoặc không đúng định dạng {ext} ({e.Message})", $"the file is damaged or not a real {ext} ({e.Message})")));
        }
        return null;
    }

    /// <summary>Reads the tasks of a document's appendix against the site's units; null when the appendix is missing or wrong.</summary>
    public static ImportResult? Read(SourceDocument doc, string file, IEnumerable<Unit> units, DiagnosticBag bag)
    {
        var rowBag = new RowDiagnostics();
        try { return Read(doc, file, units, bag, rowBag); }
        finally { rowBag.Into(bag); }
    }

    private static ImportResult? Read(SourceDocument doc, string file, IEnumerable<Unit> units, DiagnosticBag bag, RowDiagnostics rowBag)
    {
        var rows = Appendix.Read(doc, file, bag, rowBag);
        if (rows is null) return null;
        var rowsWithContent = rows.Where(r => r.Title.Length + r.Lead.Length + r.Deadline.Length + r.Product.Length > 0).ToList();
        if (rowsWithContent.Count == 0)
        {
            if (rowBag.Count == 0)
                bag.Add(Diagnostic.NoAppendixTable(file, "STT, Nội dung, Cơ quan chủ trì, Thời gian hoàn thành",
                    new Sentence(" Bảng có dòng tiêu đề nhưng không có dòng nhiệm vụ nào.", " The table has a heading row but no task rows.")));
            return null;
        }
        var matcher = new UnitMatcher(units);
        var notes = new List<Sentence>();
        var numbers = Numbering(rowsWithContent, file, bag);
        var tasks = new List<ImportedTask>();
        for (var i = 0; i < rowsWithContent.Count; i++)
        {
            var row = rowsWithContent[i];
            var p = row.Place;
            var ok = true;
            var title = TextFold.CollapseSpaces(row.Title.ReplaceLineEndings(" ")).Trim();
            if (title.Length == 0) { Missing(rowBag, p, AppendixColumn.Title, new("tên (nội dung) nhiệm vụ", "a title")); ok = false; }
            if (row.Area is null)
            {
                if (!row.AreaFailed)
                    rowBag.Add(p, Diagnostic.ImportRowArea(p.At(AppendixColumn.Title), p.Label(), new Sentence(
                        "nhiệm vụ nằm trước mọi dòng nhóm nên không biết thuộc lĩnh vực nào; thêm phía trên một dòng nhóm (ví dụ \"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\") hoặc một cột \"Lĩnh vực\".",
                        "the task comes before any group row, so its area is unknown; add a group row above it (e.g. \"I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\") or a \"Lĩnh vực\" (area) column."), Appendix.AreaList));
                ok = false;
            }
            var leads = Names(row.Lead);
            if (leads.Count == 0) { Missing(rowBag, p, AppendixColumn.Lead, new("một đơn vị chủ trì", "a lead unit")); ok = false; }
            var deadline = DeadlineText(row.Deadline);
            if (deadline.Length == 0) { Missing(rowBag, p, AppendixColumn.Deadline, new("thời gian hoàn thành", "a deadline")); ok = false; }
            else if (!DeadlineParser.TryParse(deadline, out _))
            {
                var forms = DeadlineParser.AcceptedFormsQuoted;
                rowBag.Add(p, Diagnostic.ImportCell(p.At(AppendixColumn.Deadline), p.Label(AppendixColumn.Deadline), p.Heading(AppendixColumn.Deadline), new Sentence(
                    $"không hiểu thời hạn \"{deadline}\". Các dạng được chấp nhận: {forms}.", $"deadline \"{deadline}\" not understood. Accepted forms: {forms}.")));
                ok = false;
            }
            if (!ok) continue;
            var cooperatingNames = Names(row.Cooperating);
            if (leads.Count > 1)
            {
                var whole = string.Join(" ", leads);
                if (matcher.IsKnown(whole)) leads = [whole];
                else
                {
                    notes.Add(new($"{p.Label().Vi}: cột \"{p.Heading(AppendixColumn.Lead)}\" có {leads.Count} đơn vị; \"{leads[0]}\" là đơn vị chủ trì, các đơn vị còn lại được ghi là phối hợp.",
                        $"{p.Label().En}: column \"{p.Heading(AppendixColumn.Lead)}\" names {leads.Count} units; \"{leads[0]}\" leads, the others are listed as cooperating."));
                    cooperatingNames = [.. leads.Skip(1), .. cooperatingNames];
                }
            }
            var lead = matcher.Resolve(leads[0]);
            var cooperating = cooperatingNames.Select(matcher.Resolve).Where(id => id != lead).Distinct(StringComparer.Ordinal).ToList();
            var product = string.Join(", ", Names(row.Product, splitSemicolon: false));
            tasks.Add(new ImportedTask(numbers[i], row.Area!.Id, title, product.Length > 0 ? product : null, lead, cooperating, deadline, Body(row)));
        }
        // Every column of the appendix is either read or kept: said once, in table order.
        var read = rowsWithContent.SelectMany(r => r.Place.Columns.Values).DistinctBy(c => c.Heading).OrderBy(c => c.Index).Select(c => c.Heading).ToList();
        var kept = rowsWithContent.SelectMany(r => r.Place.Extra ?? []).DistinctBy(c => c.Heading).OrderBy(c => c.Index)
            .Select(c => (c.Heading, Tasks: rowsWithContent.Count(r => r.Notes?.Any(n => n.Heading == c.Heading) == true))).ToList();
        return new ImportResult(tasks, matcher.Created, notes) { ColumnsRead = read, ColumnsKept = kept };
    }

    /// <summary>
    /// The row's cells of columns that map to no key, one paragraph each, "Ghi chú: …" (the column's heading), or null.
    /// </summary>
    private static string? Body(AppendixRow row) =>
        row.Notes is { Count: > 0 } notes
            ? string.Join("\n\n", notes.Select(n => $"{n.Heading}: {string.Join("\n", n.Text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))}"))
            : null;

    private static void Missing(RowDiagnostics bag, RowPlace p, AppendixColumn c, Sentence what) =>
        bag.Add(p, Diagnostic.ImportCell(p.At(c), p.Label(c), p.Heading(c), new Sentence(
            $"ô trống; mỗi nhiệm vụ cần {what.Vi}. Hãy điền vào bảng rồi nhập lại.", $"the cell is empty; every task needs {what.En}. Fill it in and import again.")));

    /// <summary>
    /// The tasks keep their STT when every row has a whole number and no two share one; otherwise (numbering restarted
    /// in each group, "1.1", a row without a number) they are numbered 1…n in table order, and the command says so.
    /// </summary>
    private static int[] Numbering(List<AppendixRow> rows, string file, DiagnosticBag bag)
    {
        var given = rows.Select(r => int.TryParse(r.No.Trim().TrimEnd('.'), NumberStyles.None, Inv, out var n) && n >= 1 ? n : (int?)null).ToList();
        if (given.All(n => n is not null) && given.Distinct().Count() == given.Count) return [.. given.Select(n => n!.Value)];
        var restarts = given.All(n => n is not null) && given.Skip(1).Any(n => n == 1);
        bag.Add(Diagnostic.ImportRenumbered(file,
            restarts ? new Sentence("bắt đầu lại từ 1 ở mỗi nhóm", "restart at 1 in each group")
                : given.Any(n => n is null) ? new Sentence("có dòng không ghi số nguyên", "include a row without a whole number")
                : new Sentence("có số bị trùng", "repeat a number"),
            rows.Count));
        return [.. Enumerable.Range(1, rows.Count)];
    }

    /// <summary>Names one per line or separated by ";" (never split on a comma: "Các cơ quan, đơn vị" is one name),
    /// without list bullets or trailing punctuation.</summary>
    internal static List<string> Names(string cell, bool splitSemicolon = true) =>
        cell.Split('\n').SelectMany(l => splitSemicolon ? l.Split(';') : [l])
            .Select(s => s.Trim().TrimStart('-', '+', '•', '–', '*', ' ').TrimEnd(',', '.', ';', ' ').Trim())
            .Where(s => s.Length > 0).ToList();

    /// <summary>
    /// A deadline cell as the contract writes it: milestones on separate lines or separated by ";" become "A, B" (or
    /// "A; B" when only that form reads); lines that are one milestone wrapped ("Trước ngày" / "31/8/2025") are joined.
    /// </summary>
    internal static string DeadlineText(string cell)
    {
        var parts = Names(cell);
        if (parts.Count <= 1) return parts.FirstOrDefault() ?? "";
        var wrapped = TextFold.CollapseSpaces(string.Join(" ", cell.Split('\n').Select(l => l.Trim())));
        var candidates = parts.All(p => DeadlineParser.TryParse(p, out _))
            ? new[] { string.Join(", ", parts), string.Join("; ", parts), wrapped }
            : [wrapped, string.Join(", ", parts), string.Join("; ", parts)];
        foreach (var candidate in candidates)
            if (DeadlineParser.TryParse(candidate, out _)) return candidate;
        return string.Join(", ", parts);
    }

    /// <summary>Writes every file, or none: a failure part-way removes what was written.</summary>
    private static void Write(string source, List<(string Rel, string Text)> files)
    {
        var written = new List<string>();
        try
        {
            foreach (var (rel, text) in files)
            {
                var full = Path.Combine(source, rel);
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(full))!);
                using (var stream = new FileStream(full, FileMode.CreateNew, FileAccess.Write))
                using (var w = new StreamWriter(stream, Utf8)) w.Write(text);
                written.Add(full);
            }
        }
        catch
        {
            foreach (var f in written) File.Delete(f);
            throw;
        }
    }
}
