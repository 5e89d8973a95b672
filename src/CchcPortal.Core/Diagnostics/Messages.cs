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
        ["CC0061"] = ("Không ghi được tệp \"{0}\": {1}. Hãy kiểm tra thư mục có tồn tại, còn chỗ trống và tệp không đang mở trong Word.",
                      "Cannot write \"{0}\": {1}. Check that the folder exists, has free space, and that the file is not open in Word."),
        ["CC0062"] = ("Mẫu báo cáo \"{0}\" không mở được như một tệp Word (.docx): {1}. Hãy lưu lại mẫu bằng Word với định dạng .docx, hoặc xóa tệp để dùng mẫu có sẵn.",
                      "The report template \"{0}\" cannot be opened as a Word (.docx) file: {1}. Save it again from Word as .docx, or delete it to use the built-in layout."),
        ["CC0063"] = ("Kế hoạch {0} chưa có báo cáo nào nên không xuất được. Hãy tạo báo cáo của kỳ đầu tiên (cchc new report --plan {0}) rồi xuất lại.",
                      "Plan {0} has no report yet, so there is nothing to export. Create the first period's report (cchc new report --plan {0}) and export again."),
        ["CC0060"] = ("Kỳ báo cáo \"{0}\" ({1}) của kế hoạch {2} chưa có báo cáo nên không xuất được. Hãy tạo báo cáo (cchc new report --plan {2} --period {0}) hoặc chọn kỳ đã có báo cáo: {3}.",
                      "Reporting period \"{0}\" ({1}) of plan {2} has no report, so there is nothing to export. Create it (cchc new report --plan {2} --period {0}) or pick a period that has one: {3}."),
        ["CC0039"] = ("as_of: {0} cũ hơn ngày tạo trang ({1}) {2} ngày, quá một kỳ báo cáo ({3} ngày): mọi trạng thái và số ngày quá hạn đang tính đến ngày {0}, không phải hôm nay. Nếu không cố ý giữ ngày này, hãy xóa dòng as_of để trang tự tính theo ngày hôm nay (giờ Việt Nam).",
                      "as_of: {0} is {2} days before the build date ({1}), more than a reporting period ({3} days): every status and overdue day is judged on {0}, not today. Unless that date is kept on purpose, delete the as_of line so the portal judges on today (Vietnam time)."),
        // cchc import (a plan's appendix from .docx/.xlsx/.csv): {0} of a row's message names the row ("Dòng STT 7").
        // CC0043: the area of a row (group row naming no area or two; a task above every group row). CC0044: a cell of a
        // task row empty or not understood.
        ["CC0040"] = ("Không tìm thấy bảng phụ lục nhiệm vụ: cần một bảng có dòng tiêu đề gồm các cột {0} (theo thứ tự bất kỳ, có dấu hay không dấu).{1}",
                      "No appendix table of tasks found: a table is needed whose heading row has the columns {0} (in any order, with or without diacritics).{1}"),
        ["CC0043"] = ("{0}: {1} Các lĩnh vực: {2}.",
                      "{0}: {1} Areas: {2}."),
        ["CC0044"] = ("{0}, cột \"{1}\": {2}",
                      "{0}, column \"{1}\": {2}"),
        ["CC0045"] = ("Tệp {0} đã có nên không ghi đè; không tệp nào được ghi. Hãy xóa hoặc đổi tên tệp đó (hoặc nhập vào kế hoạch khác: --plan MÃ).",
                      "{0} already exists and is not overwritten; nothing was written. Delete or rename it (or import into another plan: --plan ID)."),
        ["CC0046"] = ("Kế hoạch \"{0}\" chưa có tệp {1}{2}. Hãy tạo trước bằng lệnh: cchc new plan --id {0} (rồi sửa số, ngày, tên kế hoạch), hoặc nhập từ tệp .docx của cả kế hoạch.",
                      "Plan \"{0}\" has no {1}{2}. Create it first: cchc new plan --id {0} (then set its number, date and title), or import the whole plan's .docx."),
        ["CC0047"] = ("Tệp CSV không phải UTF-8 (byte không hợp lệ ở dòng {0}, cột {1}); có lẽ được lưu bằng bảng mã cũ của Windows. Trong Excel: Tệp → Lưu thành → Kiểu tệp: \"CSV UTF-8 (Comma delimited) (*.csv)\", rồi nhập tệp mới; hoặc nhập thẳng tệp .xlsx.",
                      "The CSV file is not UTF-8 (invalid byte at line {0}, column {1}); it was probably saved in an old Windows code page. In Excel: File → Save As → Save as type: \"CSV UTF-8 (Comma delimited) (*.csv)\", then import the new file; or import the .xlsx itself."),
        ["CC0048"] = ("Số thứ tự (STT) trong phụ lục {0}; các nhiệm vụ được đánh số lại từ 1 đến {1} theo thứ tự trong bảng. Báo cáo sau này dùng số mới.",
                      "The appendix's numbers (STT) {0}; the tasks are numbered 1 to {1} in table order. Later reports use the new numbers."),
        ["CC0049"] = ("Không đọc được tệp: {0}. Dùng tệp .docx (Word), .xlsx (Excel) hoặc .csv (UTF-8); tệp .doc, .xls cũ thì mở bằng Word/Excel và lưu lại thành .docx/.xlsx.",
                      "Cannot read the file: {0}. Use a .docx (Word), .xlsx (Excel) or .csv (UTF-8) file; open an old .doc or .xls in Word/Excel and save it as .docx/.xlsx."),
        ["CC0041"] = ("\"{0}\" trong embed_origins phải là địa chỉ gốc của một trang web: chỉ giao thức và tên miền (có thể thêm cổng), không có đường dẫn phía sau, ví dụ: https://binhtan.dongnai.gov.vn.{1}",
                      "\"{0}\" in embed_origins must be a website's origin: the scheme and host (and a port, if any) without a path, e.g. https://binhtan.dongnai.gov.vn.{1}"),
        ["CC0042"] = ("Thẻ tiến độ {0} hiện chỉ hiển thị được trong khung (iframe) trên các trang của {1}. Để nhúng vào trang thông tin điện tử của xã, thêm vào site.yaml một dòng ghi địa chỉ trang đó, ví dụ: embed_origins: [https://binhtan.dongnai.gov.vn]. Đoạn mã để dán có ở trang \"Dữ liệu mở\".",
                      "The progress card {0} can only be shown in a frame (iframe) on pages of {1}. To show it on the commune's website, add a line with that site's address to site.yaml, e.g. embed_origins: [https://binhtan.dongnai.gov.vn]. The snippet to paste is on the \"Open data\" page."),
        ["CC0050"] = ("Ảnh \"{0}\" không có mô tả (alt) cho người không nhìn thấy ảnh. Hãy viết ![mô tả ngắn]({0}) hoặc <img src=\"{0}\" alt=\"mô tả ngắn\">; nếu ảnh chỉ để trang trí, ghi alt=\"\". Trang vẫn được tạo, ảnh được coi là trang trí.",
                      "Image \"{0}\" has no alt text for people who cannot see it. Write ![short description]({0}) or <img src=\"{0}\" alt=\"short description\">; for a purely decorative image write alt=\"\". The page still builds, treating the image as decorative."),
        ["CC0051"] = ("{0} trỏ tới \"{1}\" nhưng trang không có tệp này: hãy đặt tệp vào static/{2}, hoặc sửa đường dẫn (tệp trong static/ được viết từ gốc trang, ví dụ /files/ten-tep.pdf).",
                      "{0} points to \"{1}\", a file the site does not have: put the file at static/{2}, or correct the address (files under static/ are written from the site's root, e.g. /files/name.pdf)."),
        ["CC0052"] = ("Kho \"{0}\" của trình soạn thảo web (editor.repo) phải có dạng chủ-sở-hữu/tên-kho như trong địa chỉ kho, ví dụ \"{1}\".",
                      "The web editor's repository \"{0}\" (editor.repo) must be owner/name as in the repository's address, e.g. \"{1}\"."),
        ["CC0053"] = ("Nhánh \"{0}\" của trình soạn thảo web (editor.branch) không phải tên nhánh git hợp lệ (không dấu cách, không ~ ^ : ? * [ \\ hay ..); thường là main.",
                      "Branch \"{0}\" of the web editor (editor.branch) is not a valid git branch name (no spaces, ~ ^ : ? * [ \\ or ..); usually main."),
        // CC0100-CC0109: a province's roll-up of communes (communes: in site.yaml, cchc fetch, the copies in communes/).
        ["CC0100"] = ("\"{0}\" trong communes phải là địa chỉ đầy đủ của cổng cải cách hành chính của một xã, bắt đầu bằng https:// (hoặc http://), ví dụ: https://binhtan.dongnai.gov.vn/cchc/.{1}",
                      "\"{0}\" in communes must be the full address of a commune's administrative-reform portal, starting with https:// (or http://), e.g. https://binhtan.dongnai.gov.vn/cchc/.{1}"),
        ["CC0101"] = ("Xã {0} được liệt kê hai lần trong communes (lần đầu ở dòng {1}); lần này bị bỏ qua. Hãy xóa dòng thừa.",
                      "Commune {0} is listed twice in communes (first on line {1}); this one is ignored. Delete the extra line."),
        ["CC0102"] = ("Không lấy được dữ liệu của xã {0} ({1}): {2}. {3} Hãy kiểm tra địa chỉ, hoặc hỏi xã xem cổng có đang hoạt động không, rồi chạy lại cchc fetch.",
                      "Could not fetch the data of commune {0} ({1}): {2}. {3} Check the address, or ask the commune whether its portal is up, then run cchc fetch again."),
        ["CC0103"] = ("Dữ liệu của xã {0} ({1}) không hợp lệ theo chính mô tả của nó: {2}. {3} Hãy báo cho xã (cchc check trên trang của xã sẽ chỉ ra lỗi).",
                      "The data of commune {0} ({1}) does not match its own description: {2}. {3} Tell the commune (cchc check on its site shows the mistake)."),
        ["CC0104"] = ("Dữ liệu của xã {0} ({1}) lớn hơn giới hạn {2} MB cho mỗi xã nên không được chép. {3} Nếu đúng là dữ liệu lớn như vậy, hãy chạy cchc fetch --max-size {4}.",
                      "The data of commune {0} ({1}) is larger than the limit of {2} MB per commune and was not copied. {3} If it really is that large, run cchc fetch --max-size {4}."),
        ["CC0105"] = ("Chưa có bản sao dữ liệu của xã {0} trong thư mục communes/: xã này chưa có trên cổng tổng hợp. Hãy chạy cchc fetch (cần mạng), rồi cchc build.",
                      "There is no copy of the data of commune {0} in communes/ yet: the roll-up leaves it out. Run cchc fetch (needs the network), then cchc build."),
        ["CC0106"] = ("Bản sao dữ liệu của xã trong {0} bị hỏng: {1}. Đừng sửa tay các tệp trong communes/; hãy xóa thư mục đó và chạy lại cchc fetch.",
                      "The copy of a commune's data in {0} is damaged: {1}. Do not edit the files under communes/ by hand; delete that folder and run cchc fetch again."),
    };

    public static IReadOnlyCollection<string> Codes => Catalogue.Keys;

    public static string Format(string code, string lang, IReadOnlyList<Localised> args)
    {
        var (vi, en) = Catalogue[code];
        var text = lang == "vi" ? vi : en;
        return string.Format(CultureInfo.InvariantCulture, text, args.Select(a => (object?)(lang == "vi" ? a.Vi : a.En)).ToArray());
    }
}

/// <summary>An argument of a message that itself differs by language (e.g. "a date" / "một ngày").</summary>
public sealed record Localised(string Vi, string En)
{
    /// <summary>A text that is the same in both languages (a name, an id, a list of ids).</summary>
    public static implicit operator Localised(string text) => new(text, text);

    public override string ToString() => Vi;
}
