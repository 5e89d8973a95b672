using System.Globalization;

namespace CchcPortal.Core.Diagnostics;

/// <summary>
/// A sentence the tool says to a person, in Vietnamese and English side by side; <c>{0}</c>… are filled by
/// <see cref="In"/>. Messages with a diagnostic code live in <see cref="Messages"/>; every other sentence the command
/// line prints is one of these, declared in <see cref="Sentences"/>, so no caller writes <c>lang == "vi" ? … : …</c>.
/// </summary>
public sealed record Sentence(string Vi, string En)
{
    /// <summary>A text that is the same in both languages (a name, an id, a list of ids), as a message's argument.</summary>
    public static implicit operator Sentence(string text) => new(text, text);

    public override string ToString() => Vi;

    /// <summary>The text in <paramref name="lang"/> as it is (Vietnamese for "vi", English otherwise).</summary>
    public string In(string lang) => lang == "vi" ? Vi : En;

    /// <summary>The text in <paramref name="lang"/> with <c>{0}</c>… filled; an argument that is a sentence is taken in that language.</summary>
    public string In(string lang, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture, In(lang), args.Select(a => a is Sentence s ? s.In(lang) : a).ToArray());

    /// <summary>The sentence with <c>{0}</c>… filled in both languages (numbers and dates invariant).</summary>
    public Sentence With(params object?[] args) => new(In("vi", args), In("en", args));
}

/// <summary>The command line's sentences (not diagnostics): progress, results, usage and its errors.</summary>
public static class Sentences
{
    // ---- the command line itself --------------------------------------------------------------------------------
    public static readonly Sentence Tool = new("cổng thông tin cải cách hành chính", "administrative-reform portal generator");
    public static readonly Sentence UsageHeading = new("Cách dùng", "Usage");
    public static readonly Sentence CommandsHeading = new("Lệnh", "Commands");
    public static readonly Sentence OptionsHeading = new("Tùy chọn", "Options");
    /// <summary>The word standing for a sub-command in a usage line (cchc new COMMAND).</summary>
    public static readonly Sentence CommandWord = new("LỆNH", "COMMAND");
    public static readonly Sentence MoreHelp = new("Xem tùy chọn của từng lệnh: cchc LỆNH --help", "Each command's options: cchc COMMAND --help");
    public static readonly Sentence UnknownOption = new("cchc {0}: không có tùy chọn \"{1}\".{2} Các tùy chọn của lệnh này: {3}.",
        "cchc {0}: unknown option \"{1}\".{2} This command's options: {3}.");
    public static readonly Sentence UnknownCommand = new("cchc{0}: không có lệnh \"{1}\".{2} Các lệnh: {3}.",
        "cchc{0}: unknown command \"{1}\".{2} Commands: {3}.");
    public static readonly Sentence MissingCommand = new("cchc {0}: cần cho biết lệnh tiếp theo: {1}.", "cchc {0}: say which: {1}.");
    public static readonly Sentence UnexpectedWord = new("cchc {0}: không hiểu \"{1}\" (lệnh này không nhận thêm từ nào).",
        "cchc {0}: unexpected \"{1}\" (this command takes no more words).");
    public static readonly Sentence DidYouMean = new(" Có phải ý bạn là \"{0}\"?", " Did you mean \"{0}\"?");
    public static readonly Sentence MissingValue = new("cchc {0}: thiếu giá trị cho {1}, ví dụ {1} {2}.", "cchc {0}: {1} needs a value, e.g. {1} {2}.");
    public static readonly Sentence RepeatedOption = new("cchc {0}: tùy chọn {1} được ghi nhiều lần; hãy ghi một lần.",
        "cchc {0}: option {1} is given more than once; give it once.");
    public static readonly Sentence BadToday = new("cchc: --today phải là một ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2025-12-21, không phải \"{0}\".",
        "cchc: --today must be a date YYYY-MM-DD, e.g. 2025-12-21, not \"{0}\".");
    public static readonly Sentence BadPort = new("cchc serve: --port phải là một số cổng từ 0 đến 65535, ví dụ 8080, không phải \"{0}\".",
        "cchc serve: --port must be a port number from 0 to 65535, e.g. 8080, not \"{0}\".");
    public static readonly Sentence BadWholeNumber = new("cchc {0}: {1} phải là một số nguyên dương, ví dụ {1} 30, không phải \"{2}\".",
        "cchc {0}: {1} must be a positive whole number, e.g. {1} 30, not \"{2}\".");
    public static readonly Sentence BadLang = new("cchc: --lang là vi hoặc en, không phải \"{0}\".", "cchc: --lang is vi or en, not \"{0}\".");
    public static readonly Sentence OtherParseError = new("cchc{0}: {1}", "cchc{0}: {1}");
    public static readonly Sentence InternalError = new("cchc: lỗi nội bộ: {0}: {1}\nHãy báo lỗi này kèm nội dung gây lỗi.",
        "cchc: internal error: {0}: {1}\nPlease report this with the content that caused it.");

    // ---- descriptions of commands and options, for --help -------------------------------------------------------
    public static readonly Sentence BuildHelp = new("tạo trang (mặc định: . → public/)", "build the portal (default: . → public/)");
    public static readonly Sentence CheckHelp = new("kiểm tra nội dung, liệt kê mọi lỗi", "check the content, list every problem");
    public static readonly Sentence ServeHelp = new("xem trước tại http://localhost:CỔNG, tự cập nhật khi lưu", "preview at http://localhost:PORT, rebuilt on save");
    public static readonly Sentence NewHelp = new("tạo tệp mẫu với đúng các khóa", "create a file with the right keys");
    public static readonly Sentence NewSiteHelp = new("một trang mới, tạo được ngay", "a new site that builds at once");
    public static readonly Sentence NewPlanHelp = new("một kế hoạch mới", "a new plan");
    public static readonly Sentence NewTaskHelp = new("một nhiệm vụ của kế hoạch", "a task of a plan");
    public static readonly Sentence NewTargetHelp = new("một chỉ tiêu của kế hoạch", "a target of a plan");
    public static readonly Sentence NewReportHelp = new("báo cáo kỳ tiếp theo, điền sẵn từ báo cáo trước", "the next period's report, pre-filled from the last one");
    public static readonly Sentence NewUnitHelp = new("một cơ quan, đơn vị", "a unit (office, centre, the Front committee)");
    public static readonly Sentence NewPageHelp = new("một trang tự do (giới thiệu, liên hệ…)", "a free page (about, contact…)");
    public static readonly Sentence NewSupervisionHelp = new("một cuộc giám sát của Mặt trận và các kiến nghị", "a supervision by the Front and its recommendations");
    public static readonly Sentence ImportHelp = new("nhập phụ lục kế hoạch (.docx, .xlsx, .csv) thành các tệp nhiệm vụ", "import a plan's appendix (.docx, .xlsx, .csv) as task files");
    public static readonly Sentence ExportHelp = new("xuất ra Word", "export to Word");
    public static readonly Sentence ExportReportHelp = new("báo cáo một kỳ ra Word để trình ký", "a period's report as a Word draft for signature");
    public static readonly Sentence FetchHelp = new("trang tổng hợp của tỉnh: tải dữ liệu mở của các xã vào communes/", "a province's roll-up: copy each commune's open data into communes/");

    public static readonly Sentence SourceOption = new("thư mục của trang (có site.yaml); mặc định: .", "the site's folder (with site.yaml); default: .");
    public static readonly Sentence OutputOption = new("thư mục ghi trang; mặc định: public/ trong thư mục trang", "where to write the site; default: public/ in the site's folder");
    public static readonly Sentence ServeOutputOption = new("ghi trang vào thư mục này (mặc định: một thư mục tạm)", "write the site into this folder (default: a temporary one)");
    public static readonly Sentence LangOption = new("ngôn ngữ thông báo: vi (mặc định) hoặc en", "language of the messages: vi (default) or en");
    public static readonly Sentence TodayOption = new("coi hôm nay là ngày này (mặc định: ngày ở Việt Nam; as_of trong site.yaml vẫn được ưu tiên)",
        "take this day as today (default: the date in Vietnam; as_of in site.yaml still wins)");
    public static readonly Sentence HelpOption = new("cách dùng lệnh này", "how to use this command");
    public static readonly Sentence VersionOption = new("phiên bản của cchc", "cchc's version");
    public static readonly Sentence PortOption = new("cổng; mặc định 1313 (0: một cổng còn trống)", "the port; default 1313 (0: any free port)");
    public static readonly Sentence PlanOption = new("mã kế hoạch (tên thư mục trong content/plans/)", "the plan's id (its folder in content/plans/)");
    public static readonly Sentence PeriodOption = new("mã kỳ báo cáo của kế hoạch (mục reporting)", "a reporting period's id (the plan's reporting list)");
    public static readonly Sentence IdOption = new("mã của tệp mới (chữ thường không dấu, số, gạch ngang)", "the new file's id (lower-case ASCII, digits, hyphens)");
    public static readonly Sentence NoOption = new("số thứ tự nhiệm vụ trong phụ lục", "the task's row number in the appendix");
    public static readonly Sentence DryRunOption = new("chỉ kiểm tra và cho biết sẽ tạo gì, không ghi tệp", "check and say what would be written, write nothing");
    public static readonly Sentence ExportOutputOption = new("tệp .docx ghi ra; mặc định KẾ-HOẠCH-KỲ.docx", "the .docx to write; default PLAN-PERIOD.docx");
    public static readonly Sentence RollupOption = new("trang tổng hợp nhiều xã của một tỉnh (communes: trong site.yaml)", "a province's roll-up of many communes (communes: in site.yaml)");
    public static readonly Sentence TimeoutOption = new("thời gian chờ tối đa cho mỗi xã, tính bằng giây", "the time limit per commune, in seconds");
    public static readonly Sentence MaxSizeOption = new("dung lượng tối đa tải về của mỗi xã, tính bằng MB", "the size limit per commune, in MB");
    public static readonly Sentence ParallelOption = new("số xã tải cùng lúc", "how many communes are fetched at once");
    public static readonly Sentence CommuneOption = new("tên xã, phường, ví dụ \"Xã Bình Tân\" (mặc định: một tên mẫu để sửa trong site.yaml)",
        "the commune's name, e.g. \"Xã Bình Tân\" (default: a sample name to correct in site.yaml)");
    public static readonly Sentence DirArgument = new("thư mục của trang mới", "the new site's folder");
    public static readonly Sentence FileArgument = new("tệp phụ lục: .docx, .xlsx hoặc .csv", "the appendix file: .docx, .xlsx or .csv");

    // ---- build, check, export -------------------------------------------------------------------------------------
    public static readonly Sentence CannotWrite = new(
        "cchc: không ghi được trang vào {0}: {1}\nHãy kiểm tra chỗ trống trên đĩa và quyền ghi thư mục. Trang cũ (nếu có) được giữ nguyên.",
        "cchc: cannot write the site into {0}: {1}\nCheck the free disk space and that the folder is writable. The previous output (if any) is untouched.");
    public static readonly Sentence Failed = new("Thất bại: {0} lỗi, {1} cảnh báo.", "Failed: {0} error(s), {1} warning(s).");
    public static readonly Sentence PreviousKept = new(" Trang cũ (nếu có) được giữ nguyên.", " The previous output (if any) is untouched.");
    public static readonly Sentence NothingWritten = new(" Không ghi tệp nào.", " Nothing was written.");
    public static readonly Sentence Built = new("Đã tạo {0} trang ({1} tệp, {2} KB) vào {3} trong {4} ms; {5} cảnh báo.",
        "Built {0} pages ({1} files, {2} KB) into {3} in {4} ms; {5} warning(s).");
    public static readonly Sentence Valid = new("Nội dung hợp lệ: 0 lỗi, {0} cảnh báo.", "Content is valid: 0 errors, {0} warning(s).");
    public static readonly Sentence Exported = new("Đã xuất báo cáo {0} vào {1} ({2} KB); {3} cảnh báo.", "Exported the report for {0} to {1} ({2} KB); {3} warning(s).");

    // ---- what a build wrote besides the pages (its summary), the repository of a new site, an import's columns ------
    public static readonly Sentence GitStarted = new("Đã tạo kho git trong {0} với lần lưu (commit) đầu tiên: trình soạn thảo ở /admin/ (cchc serve) làm việc trên kho này.",
        "Started a git repository in {0} with a first commit: the editor at /admin/ (cchc serve) works on it.");
    public static readonly Sentence GitMissing = new("Chưa tạo kho git: máy chưa cài git ({1}). Trang vẫn dùng được; để sửa bằng biểu mẫu ở /admin/ (cchc serve), hãy cài git (https://git-scm.com) rồi chạy trong thư mục {0}: git init && git add -A && git commit -m \"Trang CCHC\".",
        "No git repository started: git is not installed ({1}). The site works; to edit with the forms at /admin/ (cchc serve), install git (https://git-scm.com) and run in {0}: git init && git add -A && git commit -m \"CCHC site\".");
    public static readonly Sentence GitFailed = new("Chưa tạo được kho git trong {0}: {1}. Trang vẫn dùng được; để sửa bằng biểu mẫu ở /admin/, hãy chạy trong thư mục đó: git init && git add -A && git commit -m \"Trang CCHC\".",
        "Could not start a git repository in {0}: {1}. The site works; to edit with the forms at /admin/, run in that folder: git init && git add -A && git commit -m \"CCHC site\".");
    public static readonly Sentence LayoutsLine = new("bố cục: {0}",
        "layouts: {0}");
    public static readonly Sentence OpenDataLine = new("dữ liệu mở: {0} tệp, {1} KB",
        "open data: {0} files, {1} KB");
    public static readonly Sentence SearchIndexLine = new("chỉ mục tìm kiếm ({0}): {1} (nén gzip) cho một lần tìm (\"{2}\"), tổng {3} chưa nén; {4} mục, {5} từ, {6} tệp",
        "search index ({0}): {1} gzip for a query (\"{2}\"), {3} total uncompressed; {4} documents, {5} terms, {6} files");
    public static readonly Sentence TimingsLine = new("thời gian (ms): {0}",
        "timings (ms): {0}");
    public static readonly Sentence ImportColumns = new("Đã đọc các cột: {0}.",
        "Columns read: {0}.");
    public static readonly Sentence ImportNotes = new("Các cột không ứng với khóa nào được giữ làm ghi chú trong phần nội dung của nhiệm vụ: {0}.",
        "Columns that map to no key are kept as notes in the task's body: {0}.");

    // ---- fetch (a province's roll-up) ----
    public static readonly Sentence FetchNotRollup = new("cchc fetch: site.yaml không có danh sách communes: nên đây không phải cổng tổng hợp của tỉnh. Thêm \"communes:\" với địa chỉ cổng của từng xã.",
            "cchc fetch: site.yaml lists no communes:, so this is not a province's roll-up. Add \"communes:\" with each commune's portal address.");
    public static readonly Sentence FetchFetched = new("[{0}/{1}] {2}: {3} tệp, {4} KB", "[{0}/{1}] {2}: {3} files, {4} KB");
    public static readonly Sentence FetchNotFetched = new("[{0}/{1}] {2}: không lấy được ({3})", "[{0}/{1}] {2}: not fetched ({3})");
    public static readonly Sentence FetchSummary = new("Đã lấy {0}/{1} xã, {2} cảnh báo, trong {3:0.0} giây.", "Fetched {0}/{1} communes, {2} warning(s), in {3:0.0} s.");

    // ---- serve --------------------------------------------------------------------------------------------------
    public static readonly Sentence PortInUse = new("cchc serve: không mở được cổng {0} ({1}). Hãy chọn cổng khác: cchc serve --port 8080",
        "cchc serve: cannot open port {0} ({1}). Choose another: cchc serve --port 8080");
    public static readonly Sentence Serving = new("Đang phục vụ tại {0}  (Ctrl+C để dừng)", "Serving at {0}  (Ctrl+C to stop)");
    public static readonly Sentence EditorAt = new("Soạn thảo bằng biểu mẫu: {0}admin/  (Chrome, Edge, Cốc Cốc)", "Web editor on these files: {0}admin/  (Chrome, Edge)");
    public static readonly Sentence Stopped = new("Đã dừng.", "Stopped.");

    // ---- new (scaffold) -------------------------------------------------------------------------------------------
    public static readonly Sentence NewWhichKind = new("cchc new: cần cho biết loại tệp: {0}", "cchc new: say what to create: {0}");
    public static readonly Sentence NewExists = new("cchc new: tệp {0} đã có; không ghi đè. Hãy sửa tệp đó, hoặc chọn mã khác (--id).",
        "cchc new: {0} already exists; not overwritten. Edit it, or choose another id (--id).");
    public static readonly Sentence Created = new("Đã tạo {0}", "Created {0}");
    public static readonly Sentence NewSiteDone = new("Xong. Tiếp theo: cd {0} && cchc serve   (xem trước), cchc build   (tạo trang vào public/)",
        "Done. Next: cd {0} && cchc serve   (preview), cchc build   (writes public/)");
    public static readonly Sentence NewRequired = new("cchc new {0}: cần --{1}, ví dụ --{1} {2}", "cchc new {0}: --{1} is required, e.g. --{1} {2}");
    public static readonly Sentence NewBadId = new("cchc new: mã \"{0}\" không hợp lệ — chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ \"{1}\".",
        "cchc new: \"{0}\" is not a valid id — use lower-case ASCII letters, digits and hyphens, e.g. \"{1}\".");
    public static readonly Sentence NewSiteFolder = new("cchc new site: cần tên thư mục, ví dụ: cchc new site cchc-xa-binh-tan",
        "cchc new site: give a folder, e.g. cchc new site cchc-binh-tan");
    public static readonly Sentence NewNoSite = new("cchc new: không tìm thấy site.yaml trong \"{0}\". Hãy chạy lệnh trong thư mục của trang, hoặc thêm --source THƯ_MỤC.",
        "cchc new: no site.yaml in \"{0}\". Run it in the site's folder, or add --source DIR.");
    public static readonly Sentence NewNoSuchPlan = new("cchc new: không có kế hoạch \"{0}\". Các kế hoạch: {1}.", "cchc new: no plan \"{0}\". Plans: {1}.");
    public static readonly Sentence NewNoPlan = new("cchc new: trang chưa có kế hoạch nào. Hãy tạo trước: cchc new plan --id 2026",
        "cchc new: the site has no plan yet. Create one first: cchc new plan --id 2026");
    public static readonly Sentence NewNoUnit = new("cchc new: trang chưa có đơn vị nào. Hãy tạo trước: cchc new unit --id vh-xh",
        "cchc new: the site has no unit yet. Create one first: cchc new unit --id vh-xh");
    public static readonly Sentence NewNoSuchPeriod = new("cchc new report: kế hoạch \"{0}\" không có kỳ báo cáo \"{1}\". Các kỳ: {2}.",
        "cchc new report: plan \"{0}\" has no reporting period \"{1}\". Periods: {2}.");
    public static readonly Sentence NewPeriodReported = new("cchc new report: kỳ \"{0}\" đã có báo cáo ({1}); hãy sửa tệp đó.",
        "cchc new report: period \"{0}\" already has a report ({1}); edit that file.");
    public static readonly Sentence NewAllReported = new("cchc new report: mọi kỳ báo cáo của kế hoạch \"{0}\" đã có báo cáo. Thêm kỳ mới vào mục reporting: trong {1}.",
        "cchc new report: every reporting period of plan \"{0}\" has a report. Add a period under reporting: in {1}.");
    public static readonly Sentence NewBadTaskNo = new("cchc new task: --no phải là số từ 1 đến 9999, không phải \"{0}\".",
        "cchc new task: --no must be a number from 1 to 9999, not \"{0}\".");
    public static readonly Sentence NewTaskNoTaken = new("cchc new task: kế hoạch \"{0}\" đã có nhiệm vụ số {1} ({2}).",
        "cchc new task: plan \"{0}\" already has task {1} ({2}).");
    public static readonly Sentence NewNoMonitor = new("cchc new supervision: trang chưa có đơn vị giám sát (role: monitor). Hãy tạo trước: cchc new unit --id ub-mttq, rồi ghi role: monitor.",
        "cchc new supervision: the site has no monitoring unit (role: monitor). Create one first: cchc new unit --id ub-mttq, then set role: monitor.");

    // ---- serve (rebuilds and the page shown while the content has an error) ----------------------------------------
    public static readonly Sentence RebuiltAfterSave = new("  ({0} ms từ lúc lưu tệp)", "  ({0} ms from the save)");
    public static readonly Sentence Updated = new("Đã cập nhật: {0} trang, {1} ms.", "Updated {0} pages in {1} ms.");
    public static readonly Sentence ServeErrors = new("Nội dung có {0} lỗi; trình duyệt hiện trang báo lỗi, trang cũ được giữ nguyên.",
        "{0} error(s); the browser shows them, the last good site is kept.");
    public static readonly Sentence ErrorPageTitle = new("Nội dung có lỗi", "The content has errors");
    public static readonly Sentence ErrorPageHeading = new("Nội dung có {0} lỗi", "The content has {0} error(s)");
    public static readonly Sentence ErrorPageHelp = new("Trang chưa được cập nhật. Sửa các lỗi dưới đây rồi lưu tệp: trang sẽ tự hiện lại.",
        "The site was not updated. Fix these and save: the page comes back by itself.");

    // ---- import ---------------------------------------------------------------------------------------------------
    public static readonly Sentence ImportUsage = new("cchc import: cần tệp và mã kế hoạch, ví dụ: cchc import ke-hoach.docx --plan 2026 [--dry-run]",
        "cchc import: give a file and a plan id, e.g. cchc import plan.docx --plan 2026 [--dry-run]");
    public static readonly Sentence ImportBadPlanId = new("cchc import: mã kế hoạch \"{0}\" không hợp lệ — chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ \"{1}\".",
        "cchc import: \"{0}\" is not a valid plan id — use lower-case ASCII letters, digits and hyphens, e.g. \"{1}\".");
    public static readonly Sentence ImportFailed = new("Không ghi tệp nào: {0} lỗi. Sửa bảng (hoặc xóa tệp đang chặn) rồi chạy lại lệnh.",
        "Nothing was written: {0} error(s). Fix the table (or remove the blocking files) and run the command again.");
    public static readonly Sentence ImportDryRun = new("Chạy thử: sẽ ghi {0} tệp ({1} nhiệm vụ, {2} đơn vị mới); chưa ghi tệp nào.",
        "Dry run: would write {0} files ({1} tasks, {2} new units); nothing written.");
    public static readonly Sentence ImportCannotWrite = new("cchc import: không ghi được tệp ({0}); không tệp nào được ghi. Hãy kiểm tra quyền ghi thư mục và chỗ trống trên đĩa.",
        "cchc import: cannot write ({0}); nothing was written. Check the folder's permissions and the free disk space.");
    public static readonly Sentence ImportCreated = new("Đã tạo {0} nhiệm vụ: {1}", "Created {0} tasks: {1}");
    public static readonly Sentence ImportNewUnits = new("{0} đơn vị chưa có trong content/units nên được tạo mới; hãy kiểm tra tên, thêm tên viết tắt (short) và vai trò (role):",
        "{0} unit(s) not in content/units are created; check each name, add its short name and role:");
    public static readonly Sentence ImportNext = new("Tiếp theo: cchc check (kiểm tra), cchc serve (xem trước).", "Next: cchc check, then cchc serve to preview.");
}
