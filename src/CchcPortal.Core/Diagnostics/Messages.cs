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
        ["CC0021"] = ("Giá trị \"{0}\" của {1} không hợp lệ. Dùng một trong: {2}.",
                      "Value \"{0}\" of {1} is not valid. Use one of: {2}."),
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
        ["CC0110"] = ("Chữ viết tắt \"{0}\" không có dạng đầy đủ dùng được cho tìm kiếm: hãy viết một dòng như TTHC: thủ tục hành chính, hoặc nhiều dạng trong ngoặc vuông: UBND: [Ủy ban nhân dân, Uỷ ban nhân dân]. Dòng này được bỏ qua.",
                      "Abbreviation \"{0}\" has no full form search can use: write a line like TTHC: thủ tục hành chính, or several forms in brackets: UBND: [Ủy ban nhân dân, Uỷ ban nhân dân]. The line is skipped."),
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
        ["CC0042"] = ("Thẻ tiến độ {0} hiện chỉ hiển thị được trong khung (iframe) trên các trang của {1}. Để nhúng vào trang thông tin điện tử của xã, thêm vào site.yaml một dòng ghi địa chỉ trang đó, ví dụ: embed_origins: [{2}]. Đoạn mã để dán có ở trang \"Dữ liệu mở\".",
                      "The progress card {0} can only be shown in a frame (iframe) on pages of {1}. To show it on the commune's website, add a line with that site's address to site.yaml, e.g. embed_origins: [{2}]. The snippet to paste is on the \"Open data\" page."),
        ["CC0050"] = ("Ảnh \"{0}\" không có mô tả (alt) cho người không nhìn thấy ảnh. Hãy viết ![mô tả ngắn]({0}) hoặc <img src=\"{0}\" alt=\"mô tả ngắn\">; nếu ảnh chỉ để trang trí, ghi alt=\"\". Trang vẫn được tạo, ảnh được coi là trang trí.",
                      "Image \"{0}\" has no alt text for people who cannot see it. Write ![short description]({0}) or <img src=\"{0}\" alt=\"short description\">; for a purely decorative image write alt=\"\". The page still builds, treating the image as decorative."),
        ["CC0051"] = ("{0} trỏ tới \"{1}\" nhưng trang không có tệp này: hãy đặt tệp vào static/{2}, hoặc sửa đường dẫn (tệp trong static/ được viết từ gốc trang, ví dụ /files/ten-tep.pdf).",
                      "{0} points to \"{1}\", a file the site does not have: put the file at static/{2}, or correct the address (files under static/ are written from the site's root, e.g. /files/name.pdf)."),
        ["CC0052"] = ("Kho \"{0}\" của trình soạn thảo web (editor.repo) phải có dạng chủ-sở-hữu/tên-kho như trong địa chỉ kho, ví dụ \"{1}\".",
                      "The web editor's repository \"{0}\" (editor.repo) must be owner/name as in the repository's address, e.g. \"{1}\"."),
        ["CC0053"] = ("Nhánh \"{0}\" của trình soạn thảo web (editor.branch) không phải tên nhánh git hợp lệ (không dấu cách, không ~ ^ : ? * [ \\ hay ..); thường là main.",
                      "Branch \"{0}\" of the web editor (editor.branch) is not a valid git branch name (no spaces, ~ ^ : ? * [ \\ or ..); usually main."),
        // revised: (issue 36). CC0083/CC0084: a deadline or goal changed after the plan's first report was committed, with
        // no revised: entry for the earlier value ({0} the earlier value, {1} the date of the last commit that still had it).
        ["CC0080"] = ("Các lần điều chỉnh trong \"revised\" phải ghi theo thứ tự từ cũ đến mới: ngày {0} ở đây sớm hơn ngày {1} của mục phía trên. Hãy đổi chỗ các mục cho đúng thứ tự ngày.",
                      "The entries of \"revised\" must be written oldest first: {0} here is before {1} in the entry above. Reorder the entries by date."),
        ["CC0081"] = ("Ngày điều chỉnh {0} nằm ngoài thời gian thực hiện của kế hoạch {1} ({2} – {3}). Hãy kiểm tra ngày \"on\": ngày quyết định điều chỉnh có hiệu lực.",
                      "The change date {0} is outside the period of plan {1} ({2} – {3}). Check \"on\": the day the adjusting decision took effect."),
        ["CC0082"] = ("Giá trị cũ \"{0}\" trong \"revised\" giống giá trị hiện tại \"{1}\", nên không phải là một lần điều chỉnh. Hãy ghi giá trị trước khi điều chỉnh, hoặc xóa mục này.",
                      "The earlier value \"{0}\" in \"revised\" is the same as the current one \"{1}\", so it is not a change. Write the value before the change, or delete the entry."),
        ["CC0083"] = ("Thời hạn đã đổi mà không ghi lại: bản lưu ngày {1} (sau khi kế hoạch đã có báo cáo) ghi thời hạn \"{0}\", nay là \"{2}\". Nếu thời hạn được điều chỉnh theo văn bản, hãy thêm vào tệp (vào danh sách revised nếu đã có, theo thứ tự ngày): revised: [{{ deadline: \"{0}\", on: NĂM-THÁNG-NGÀY, by: \"Quyết định số …\" }}]. Nếu không có văn bản điều chỉnh, hãy trả lại thời hạn cũ.",
                      "The deadline changed without a record: the commit of {1} (after the plan's first report) says \"{0}\", now it is \"{2}\". If a decision moved it, add to the file (to the revised list if there is one, in date order): revised: [{{ deadline: \"{0}\", on: YYYY-MM-DD, by: \"Decision no. …\" }}]. If no decision moved it, put the earlier deadline back."),
        ["CC0084"] = ("Chỉ tiêu đã đổi mà không ghi lại: bản lưu ngày {1} (sau khi kế hoạch đã có báo cáo) ghi chỉ tiêu \"{0}\", nay là \"{2}\". Nếu chỉ tiêu được điều chỉnh theo văn bản, hãy thêm vào tệp (vào danh sách revised nếu đã có, theo thứ tự ngày): revised: [{{ goal: \"{0}\", on: NĂM-THÁNG-NGÀY, by: \"Quyết định số …\" }}]. Nếu không có văn bản điều chỉnh, hãy trả lại chỉ tiêu cũ.",
                      "The goal changed without a record: the commit of {1} (after the plan's first report) says \"{0}\", now it is \"{2}\". If a decision moved it, add to the file (to the revised list if there is one, in date order): revised: [{{ goal: \"{0}\", on: YYYY-MM-DD, by: \"Decision no. …\" }}]. If no decision moved it, put the earlier goal back."),
        // The Front's supervision (content/supervision/<id>.md): its references, recommendations and answers.
        ["CC0070"] = ("Đơn vị \"{0}\" không phải đơn vị giám sát: \"by\" phải là đơn vị có vai trò giám sát (role: monitor), thường là Ủy ban MTTQ xã. Hãy sửa \"by\", hoặc thêm dòng \"role: monitor\" vào content/units/{0}.md. Đơn vị giám sát hiện có: {1}.",
                      "Unit \"{0}\" is not a monitoring unit: \"by\" must be a unit with role monitor, usually the commune's Fatherland Front committee. Correct \"by\", or add \"role: monitor\" to content/units/{0}.md. Monitoring units: {1}."),
        ["CC0071"] = ("Cuộc giám sát nhắc tới nhiệm vụ số {0} nhưng kế hoạch {1} không có nhiệm vụ này. Các số có: {2}.",
                      "The supervision names task {0} but plan {1} has no such task. Task numbers: {2}."),
        ["CC0072"] = ("Có \"tasks\" nhưng thiếu \"plan\": số thứ tự nhiệm vụ chỉ có nghĩa trong một kế hoạch. Hãy thêm dòng \"plan: MÃ-KẾ-HOẠCH\"; các kế hoạch: {0}.",
                      "\"tasks\" is given without \"plan\": task numbers mean something only within a plan. Add a line \"plan: PLAN-ID\"; plans: {0}."),
        ["CC0073"] = ("Ngày trả lời {0} trước ngày giám sát {1} (issued): xã chỉ trả lời được sau khi nhận kiến nghị. Hãy kiểm tra lại ngày trả lời (answer.date) hoặc ngày ban hành văn bản giám sát.",
                      "Answer date {0} is before the supervision's date {1} (issued): the commune can only answer a recommendation it has received. Check the answer's date (answer.date) or the supervision's date."),
        ["CC0074"] = ("Kiến nghị số {0} bị trùng với kiến nghị ở dòng {1}. Mỗi kiến nghị của một cuộc giám sát phải có số \"no\" riêng.",
                      "Recommendation number {0} is also used by the recommendation on line {1}. Each recommendation of a supervision needs its own \"no\"."),
        ["CC0075"] = ("Kiến nghị số {0} gửi {1} chưa được trả lời, đã quá hạn trả lời {2} ngày (hạn {3}). Khi có văn bản trả lời, hãy thêm mục \"answer\" (date, number, result, text) vào kiến nghị này.",
                      "Recommendation {0} to {1} has no answer and is {2} day(s) overdue for one (due {3}). When the commune answers, add its \"answer\" (date, number, result, text) to this recommendation."),
        // Issue 38: what staff meet in their first hour.
        ["CC0090"] = ("Thời hạn \"{0}\": {1} không phải là một ngày có thật ({2}). Hãy sửa lại ngày, ví dụ \"{3}\".",
                      "Deadline \"{0}\": {1} is not a date ({2}). Correct the day, e.g. \"{3}\"."),
        ["CC0091"] = ("Báo cáo ký ngày {0}, sau ngày dùng để tính số liệu của trang ({1}, as_of trong site.yaml): báo cáo này chưa được tính ở trang chủ, trang kế hoạch, trang nhiệm vụ và thẻ tiến độ. Nếu báo cáo đã ký thật, hãy xóa dòng as_of trong site.yaml (hoặc đặt as_of từ ngày {0} trở đi); nếu ngày ký gõ nhầm, hãy sửa dòng issued.",
                      "The report was issued on {0}, after the date the portal's figures are judged on ({1}, as_of in site.yaml): it is not counted on the home, plan and task pages nor on the progress card. If it really is signed, delete the as_of line in site.yaml (or set as_of to {0} or later); if the date is a typing mistake, correct the issued line."),
        ["CC0092"] = ("{0} vẫn là chữ mẫu do cchc new tạo ra (\"{1}\") và sẽ hiện nguyên văn trên trang và trong báo cáo Word. Hãy thay bằng nội dung thật, hoặc xóa đi.",
                      "{0} is still the sample text cchc new wrote (\"{1}\") and would be published as it is, on the portal and in the Word report. Replace it with the real text, or delete it."),
        ["CC0093"] = ("Kế hoạch {0} đã có {1} nhiệm vụ cùng số với phụ lục này (số {2}): có lẽ phụ lục đã được nhập rồi. Không tệp nào được ghi. Để nhập lại thay cho các nhiệm vụ đã có, hãy xóa các tệp trong {3} (kể cả những tệp đã sửa tay) rồi chạy lại lệnh; để nhập vào kế hoạch khác, dùng --plan MÃ.",
                      "Plan {0} already has {1} task(s) with the numbers of this appendix ({2}): it was probably imported already. Nothing was written. To import it again in place of those tasks, delete the files in {3} (hand edits included) and run the command again; to import into another plan, use --plan ID."),
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

    /// <summary>
    /// Lines the commands print that are not diagnostics, by key: <c>cchc build</c>'s summary (what the build wrote
    /// besides the pages; the builder keeps each as a <see cref="Localised"/> line, the command prints it in the
    /// language asked for), and what <c>cchc new site</c> says of the git repository it starts.
    /// </summary>
    private static readonly Dictionary<string, (string Vi, string En)> Lines = new(StringComparer.Ordinal)
    {
        ["git-started"] = ("Đã tạo kho git trong {0} với lần lưu (commit) đầu tiên: trình soạn thảo ở /admin/ (cchc serve) làm việc trên kho này.",
                           "Started a git repository in {0} with a first commit: the editor at /admin/ (cchc serve) works on it."),
        ["git-missing"] = ("Chưa tạo kho git: máy chưa cài git ({1}). Trang vẫn dùng được; để sửa bằng biểu mẫu ở /admin/ (cchc serve), hãy cài git (https://git-scm.com) rồi chạy trong thư mục {0}: git init && git add -A && git commit -m \"Trang CCHC\".",
                           "No git repository started: git is not installed ({1}). The site works; to edit with the forms at /admin/ (cchc serve), install git (https://git-scm.com) and run in {0}: git init && git add -A && git commit -m \"CCHC site\"."),
        ["git-failed"] = ("Chưa tạo được kho git trong {0}: {1}. Trang vẫn dùng được; để sửa bằng biểu mẫu ở /admin/, hãy chạy trong thư mục đó: git init && git add -A && git commit -m \"Trang CCHC\".",
                          "Could not start a git repository in {0}: {1}. The site works; to edit with the forms at /admin/, run in that folder: git init && git add -A && git commit -m \"CCHC site\"."),
        ["layouts"] = ("bố cục: {0}", "layouts: {0}"),
        ["open data"] = ("dữ liệu mở: {0} tệp, {1} KB", "open data: {0} files, {1} KB"),
        ["search index"] = ("chỉ mục tìm kiếm ({0}): {1} (nén gzip) cho một lần tìm (\"{2}\"), tổng {3} chưa nén; {4} mục, {5} từ, {6} tệp",
                            "search index ({0}): {1} gzip for a query (\"{2}\"), {3} total uncompressed; {4} documents, {5} terms, {6} files"),
        ["timings (ms)"] = ("thời gian (ms): {0}", "timings (ms): {0}"),
    };

    /// <summary>A line in both languages (<see cref="Lines"/>); numbers invariant.</summary>
    public static Localised Line(string key, params object[] args)
    {
        var (vi, en) = Lines[key];
        var values = args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)).ToArray<object?>();
        return new(string.Format(CultureInfo.InvariantCulture, vi, values), string.Format(CultureInfo.InvariantCulture, en, values));
    }

    public static IReadOnlyCollection<string> Codes => Catalogue.Keys;

    /// <summary>
    /// What a command says when it has done its work (no diagnostic code): one sentence per key, Vietnamese and English,
    /// <c>{0}</c>… filled as in <see cref="Format"/>.
    /// </summary>
    private static readonly Dictionary<string, (string Vi, string En)> Sentences = new(StringComparer.Ordinal)
    {
        // {0}: the period as a sentence says it ("năm 2025", "Quý IV/2025"; a label "Báo cáo năm 2025" without its
        // "Báo cáo", which the sentence already says).
        ["export.done"] = ("Đã xuất báo cáo {0} vào {1} ({2} KB); {3} cảnh báo.",
                           "Exported the report for {0} to {1} ({2} KB); {3} warning(s)."),
        ["import.columns"] = ("Đã đọc các cột: {0}.",
                              "Columns read: {0}."),
        ["import.notes"] = ("Các cột không ứng với khóa nào được giữ làm ghi chú trong phần nội dung của nhiệm vụ: {0}.",
                            "Columns that map to no key are kept as notes in the task's body: {0}."),
    };

    /// <summary>Every key of the command sentences (a test checks both languages are written).</summary>
    public static IReadOnlyCollection<string> SentenceKeys => Sentences.Keys;

    /// <summary>A command's sentence (<see cref="Sentences"/>) in <paramref name="lang"/>.</summary>
    public static string Sentence(string key, string lang, params Localised[] args)
    {
        var (vi, en) = Sentences[key];
        return string.Format(CultureInfo.InvariantCulture, lang == "vi" ? vi : en, args.Select(a => (object?)(lang == "vi" ? a.Vi : a.En)).ToArray());
    }

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

    /// <summary>The text in <paramref name="lang"/>: Vietnamese for "vi", English otherwise (as every message).</summary>
    public string In(string lang) => lang == "vi" ? Vi : En;

    public override string ToString() => Vi;
}
