using System.Globalization;

namespace CchcPortal.Core.Diagnostics;

/// <summary>
/// Every diagnostic code with its message in Vietnamese and English. The Vietnamese text is written for
/// staff who are not programmers: it says what is wrong and how to fix it.
/// </summary>
public static class Messages
{
    private static readonly Dictionary<string, (string Vi, string En)> Catalogue = new()
    {
        ["CC0001"] = ("Tệp không phải UTF-8 (byte không hợp lệ ở vị trí {0}). Hãy mở tệp và lưu lại với mã hóa UTF-8 (trong Notepad: Lưu thành → Mã hóa: UTF-8).",
                      "File is not UTF-8 (invalid byte at offset {0}). Open it and save it again as UTF-8."),
        ["CC0002"] = ("Văn bản có vẻ được gõ bằng bảng mã {0} cũ (ví dụ \"{1}\"), không phải Unicode. Hãy chuyển mã sang Unicode (Unikey: Công cụ chuyển mã, nguồn {0}, đích Unicode) rồi dán lại; có thể là: \"{2}\".",
                      "Text looks like legacy {0} encoding (e.g. \"{1}\"), not Unicode. Convert it to Unicode (Unikey's converter, source {0}, target Unicode); it may read: \"{2}\"."),
        ["CC0003"] = ("Không đọc được phần khóa (YAML): {0}. Kiểm tra dấu hai chấm, thụt lề và dấu ngoặc kép ở dòng này.",
                      "Invalid YAML: {0}. Check colons, indentation and quotes on this line."),
        ["CC0004"] = ("Thiếu phần đầu trang (front matter): tệp phải bắt đầu bằng dòng \"---\", sau đó là các khóa, rồi một dòng \"---\" nữa.",
                      "Missing front matter: the file must start with a \"---\" line, then the keys, then another \"---\" line."),
        ["CC0005"] = ("Khóa \"{0}\" không có trong định dạng nội dung.{1} Các khóa hợp lệ: {2}.",
                      "Unknown key \"{0}\".{1} Valid keys: {2}."),
        ["CC0006"] = ("Thiếu khóa bắt buộc \"{0}\". Hãy thêm dòng \"{0}: ...\" vào phần đầu trang.",
                      "Missing required key \"{0}\". Add a line \"{0}: ...\" to the front matter."),
        ["CC0007"] = ("Giá trị của \"{0}\" phải là {1}.",
                      "The value of \"{0}\" must be {1}."),
        ["CC0008"] = ("Tên tệp \"{0}\" không dùng được làm mã: chỉ dùng chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ \"{1}\").",
                      "File name \"{0}\" is not a valid id: use lower-case ASCII letters, digits and hyphens (e.g. \"{1}\")."),
        ["CC0009"] = ("Ngày \"{0}\" không hợp lệ. Viết ngày theo dạng NĂM-THÁNG-NGÀY, ví dụ 2025-08-14, và là ngày có thật.",
                      "Date \"{0}\" is not valid. Write dates as YYYY-MM-DD, e.g. 2025-08-14, and a day that exists."),
        ["CC0010"] = ("Số \"{0}\" không hợp lệ. Viết số với dấu chấm thập phân (98.4) hoặc dấu phẩy trong ngoặc kép (\"98,4\").",
                      "Number \"{0}\" is not valid. Write it with a decimal point (98.4) or a quoted decimal comma (\"98,4\")."),
        ["CC0011"] = ("Chỉ tiêu \"{0}\" không hiểu được. Viết dấu so sánh và một số, ví dụ \">= 98\", \"> 70\", \"<= 10\", \"= 100\".",
                      "Goal \"{0}\" not understood. Write a comparator and a number, e.g. \">= 98\", \"> 70\", \"<= 10\", \"= 100\"."),
        ["CC0012"] = ("Không hiểu thời hạn \"{0}\". Các dạng được chấp nhận: {1}.",
                      "Deadline \"{0}\" not understood. Accepted forms: {1}."),
        ["CC0013"] = ("Không có đơn vị \"{0}\"{1}. Hãy tạo tệp content/units/{0}.md hoặc dùng một mã đơn vị có sẵn: {2}.",
                      "Unknown unit \"{0}\"{1}. Create content/units/{0}.md or use an existing unit id: {2}."),
        ["CC0014"] = ("Không có lĩnh vực \"{0}\"{1}. Các lĩnh vực: {2}.",
                      "Unknown area \"{0}\"{1}. Areas: {2}."),
        ["CC0015"] = ("Kỳ báo cáo \"{0}\" không có trong mục \"reporting\" của kế hoạch {1}. Các kỳ: {2}.",
                      "Reporting period \"{0}\" is not in the \"reporting\" list of plan {1}. Periods: {2}."),
        ["CC0016"] = ("Không có kế hoạch \"{0}\". Các kế hoạch: {1}.",
                      "Unknown plan \"{0}\". Plans: {1}."),
        ["CC0017"] = ("Số thứ tự nhiệm vụ {0} bị trùng với {1}. Mỗi nhiệm vụ trong một kế hoạch phải có số \"no\" riêng.",
                      "Task number {0} is also used by {1}. Each task of a plan needs its own \"no\"."),
        ["CC0018"] = ("Mã \"{0}\" bị trùng với {1}.",
                      "Id \"{0}\" is also used by {1}."),
        ["CC0019"] = ("Báo cáo nhắc tới nhiệm vụ số {0} nhưng kế hoạch {1} không có nhiệm vụ này. Các số có: {2}.",
                      "The report names task {0} but plan {1} has no such task. Task numbers: {2}."),
        ["CC0020"] = ("Báo cáo nhắc tới chỉ tiêu \"{0}\" nhưng kế hoạch {1} không có chỉ tiêu này{2}.",
                      "The report names target \"{0}\" but plan {1} has no such target{2}."),
        ["CC0021"] = ("Giá trị \"{0}\" của \"{1}\" không hợp lệ. Dùng một trong: {2}.",
                      "Value \"{0}\" of \"{1}\" is not valid. Use one of: {2}."),
        ["CC0022"] = ("Bản dịch chỉ chứa phần chữ (tiêu đề, tên, ghi chú, nội dung); khóa \"{0}\" lấy từ tệp tiếng Việt nên bị bỏ qua ở đây.",
                      "A translation holds only text (title, name, note, body); key \"{0}\" comes from the Vietnamese file and is ignored here."),
        ["CC0023"] = ("Không tìm thấy site.yaml trong thư mục \"{0}\". Chạy lệnh trong thư mục của trang, hoặc dùng --source THƯ-MỤC.",
                      "No site.yaml in \"{0}\". Run the command in the site's folder, or pass --source DIR."),
        ["CC0024"] = ("Giá trị {0} của \"{1}\" phải nằm trong khoảng {2}.",
                      "Value {0} of \"{1}\" must be within {2}."),
        ["CC0025"] = ("Nhiệm vụ {0} có trạng thái \"cancelled\" nhưng không có ghi chú (note) giải thích lý do.",
                      "Task {0} is \"cancelled\" without a note saying why."),
        ["CC0026"] = ("Tệp rất lớn ({0} KB); trang vẫn được tạo nhưng nên chia nhỏ hoặc đưa tài liệu gốc vào static/.",
                      "Very large file ({0} KB); it still builds, but consider splitting it or putting the original document under static/."),
        ["CC0027"] = ("Tệp \"{0}\" nằm ngoài cấu trúc nội dung nên không được dùng. Vị trí hợp lệ: {1}.",
                      "File \"{0}\" is outside the content structure and is not used. Valid places: {1}."),
        ["CC0028"] = ("Ngày bắt đầu {0} sau ngày kết thúc {1}.",
                      "Start date {0} is after end date {1}."),
        ["CC0029"] = ("Chỉ tiêu tính điểm (metric: points) cần khóa \"max\" là số điểm tối đa của tiêu chí.",
                      "A points target (metric: points) needs \"max\", the criterion's maximum score."),
        ["CC0030"] = ("Ngôn ngữ \"{0}\" không có tệp chuỗi giao diện i18n/{0}.yaml trong giao diện; dùng: {1}.",
                      "Language \"{0}\" has no UI strings file i18n/{0}.yaml in the theme; available: {1}."),
        ["CC0031"] = ("Bản dịch có thể đã cũ: tệp gốc {0} được sửa ({1}) sau bản dịch ({2}).",
                      "Translation may be stale: its source {0} changed ({1}) after it ({2})."),
        ["CC0032"] = ("Bản dịch \"{0}\" không có tệp gốc tiếng Việt \"{1}\" bên cạnh.",
                      "Translation \"{0}\" has no Vietnamese source \"{1}\" beside it."),
        ["CC0033"] = ("Tài liệu \"{0}\" không có trong thư mục static/ nên đường dẫn sẽ hỏng.",
                      "Document \"{0}\" is not under static/, so the link will be broken."),
        ["CC0034"] = ("Chuỗi giao diện \"{0}\" có trong i18n/{1}.yaml nhưng thiếu trong i18n/{2}.yaml.",
                      "UI string \"{0}\" is in i18n/{1}.yaml but missing from i18n/{2}.yaml."),
        ["CC0035"] = ("Lỗi trong mẫu giao diện: {0}",
                      "Template error: {0}"),
        ["CC0036"] = ("Không đọc được tệp: {0}",
                      "Cannot read the file: {0}"),
        ["CC0037"] = ("Kế hoạch {0} không có tệp index.md. Hãy tạo content/plans/{0}/index.md.",
                      "Plan {0} has no index.md. Create content/plans/{0}/index.md."),
        ["CC0038"] = ("Có hai báo cáo cho cùng kỳ \"{0}\": {1}.",
                      "Two reports for the same period \"{0}\": {1}."),
        ["CC0052"] = ("Kho \"{0}\" của trình soạn thảo web (editor.repo) phải có dạng chủ-sở-hữu/tên-kho như trong địa chỉ kho, ví dụ \"{1}\".",
                      "The web editor's repository \"{0}\" (editor.repo) must be owner/name as in the repository's address, e.g. \"{1}\"."),
        ["CC0053"] = ("Nhánh \"{0}\" của trình soạn thảo web (editor.branch) không phải tên nhánh git hợp lệ (không dấu cách, không ~ ^ : ? * [ \\ hay ..); thường là main.",
                      "Branch \"{0}\" of the web editor (editor.branch) is not a valid git branch name (no spaces, ~ ^ : ? * [ \\ or ..); usually main."),
    };

    public static IReadOnlyCollection<string> Codes => Catalogue.Keys;

    public static string Format(string code, string lang, object?[] args)
    {
        var (vi, en) = Catalogue[code];
        var text = lang == "vi" ? vi : en;
        var strings = args.Select(a => (object?)Localise(a, lang)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, text, strings);
    }

    private static string Localise(object? arg, string lang) => arg switch
    {
        null => "",
        Localised l => lang == "vi" ? l.Vi : l.En,
        _ => Convert.ToString(arg, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>An argument of a message that itself differs by language (e.g. "a date" / "một ngày").</summary>
public sealed record Localised(string Vi, string En)
{
    public override string ToString() => Vi;
}
