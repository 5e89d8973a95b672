#!/usr/bin/env python3
"""Regenerates the invalid test sites: a small valid base site, and one copy per case with ONE kind of mistake.
Run from this folder: python3 make-cases.py. Then UPDATE_GOLDEN=1 dotnet test --filter InvalidSite rewrites each
expected.txt; read every diff before committing it. seven-mistakes is made from tests/sites/seed-000."""
import os, shutil, unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))

BASE = {
"site.yaml": """title: Cải cách hành chính xã Bình Tân
commune: Xã Bình Tân
province: Tỉnh Đồng Nai
base_url: https://binhtan.example.gov.vn/cchc/
languages: [vi, en]
as_of: 2025-12-20
theme: default
""",
"content/units/vh-xh.md": """---
name: Phòng Văn hóa - Xã hội
short: VH-XH
role: standing
---
""",
"content/units/vp-ubnd.md": """---
name: Văn phòng HĐND và UBND
role: office
---
""",
"content/plans/2025/index.md": """---
number: 05/KH-UBND
title: Kế hoạch cải cách hành chính xã Bình Tân năm 2025
issuer: UBND xã Bình Tân
issued: 2025-08-11
period: { from: 2025-01-01, to: 2025-12-31 }
status: active
reporting:
  - { id: q3, label: Quý III/2025, from: 2025-06-15, to: 2025-09-14, due: 2025-09-15 }
  - { id: q4, label: Quý IV/2025, from: 2025-09-15, to: 2025-12-14, due: 2025-12-15 }
---
Kế hoạch dùng để kiểm thử các lỗi nội dung.
""",
"content/plans/2025/targets/ho-so-dung-han.md": """---
area: thu-tuc-hanh-chinh
title: Tỷ lệ hồ sơ TTHC giải quyết đúng hạn
metric: percent
goal: ">= 98"
lead: vh-xh
---
""",
"content/plans/2025/tasks/01.md": """---
no: 1
area: chi-dao-dieu-hanh
title: Ban hành Kế hoạch tự kiểm tra công tác cải cách hành chính
product: Kế hoạch
lead: vh-xh
cooperating: [vp-ubnd]
deadline: "Tháng 9/2025"
---
""",
"content/plans/2025/tasks/02.md": """---
no: 2
area: the-che
title: Rà soát văn bản quy phạm pháp luật
product: Báo cáo
lead: vp-ubnd
deadline: "Quý IV/2025"
---
""",
"content/plans/2025/reports/q3.md": """---
period: q3
number: 120/BC-UBND
issued: 2025-09-15
tasks:
  "1": { status: done, progress: 100, evidence: "Kế hoạch số 50/KH-UBND ngày 20/8/2025" }
  "2": { status: in-progress, progress: 40, note: Đang rà soát }
targets:
  ho-so-dung-han: { value: "98,6" }
---
Kết quả quý III.
""",
}

REPORT_MAP = """tasks:
  "1": { status: done, progress: 100, evidence: "Kế hoạch số 50/KH-UBND ngày 20/8/2025" }
  "2": { status: in-progress, progress: 40, note: Đang rà soát }
targets:
  ho-so-dung-han: { value: "98,6" }
"""
REPORT_LIST = """tasks:
  - no: 1
    status: done
    progress: 100
    evidence: "Kế hoạch số 50/KH-UBND ngày 20/8/2025"
  - no: 2
    status: in-progress
    progress: 40
    note: Đang rà soát
targets:
  - id: ho-so-dung-han
    value: "98,6"
"""

def sub(path, old, new):
    def f(files):
        assert old in files[path], (path, old)
        files[path] = files[path].replace(old, new, 1)
    return f

def add(path, text):
    def f(files): files[path] = text
    return f

CASES = {
    "unknown-key": sub("content/plans/2025/tasks/01.md", "product:", "prodcut:"),
    "missing-required-key": sub("content/plans/2025/tasks/02.md", "lead: vp-ubnd\n", ""),
    "unknown-unit": sub("content/plans/2025/tasks/02.md", "lead: vp-ubnd", "lead: vp-ubdn"),
    "unknown-area": sub("content/plans/2025/targets/ho-so-dung-han.md", "area: thu-tuc-hanh-chinh", "area: thu-tuc-hanh-chin"),
    "unknown-period": sub("content/plans/2025/reports/q3.md", "period: q3", "period: quy3"),
    "unknown-plan": sub("content/plans/2025/index.md", "status: active\n", "status: replaced\nreplaced_by: 2026\n"),
    "duplicate-task-number": add("content/plans/2025/tasks/03.md", BASE["content/plans/2025/tasks/02.md"].replace("Rà soát", "Kiểm tra")),
    "impossible-date": sub("content/plans/2025/index.md", "issued: 2025-08-11", "issued: 2025-02-30"),
    "bad-goal": sub("content/plans/2025/targets/ho-so-dung-han.md", 'goal: ">= 98"', 'goal: "tối thiểu 98%"'),
    "bad-deadline": sub("content/plans/2025/tasks/02.md", 'deadline: "Quý IV/2025"', 'deadline: "Cuối năm nay"'),
    "tcvn3-mojibake": sub("content/plans/2025/tasks/02.md", "title: Rà soát văn bản quy phạm pháp luật",
                          "title: C¶i c¸ch hµnh chÝnh"),
    "vni-mojibake": sub("content/plans/2025/tasks/02.md", "title: Rà soát văn bản quy phạm pháp luật",
                        "title: Caûi caùch haønh chính"),
    "yaml-unclosed-quote": sub("content/plans/2025/tasks/02.md", 'deadline: "Quý IV/2025"', 'deadline: "Quý IV/2025'),
    "yaml-bad-indentation": sub("content/plans/2025/reports/q3.md", '  "2": {', '   "2": {'),
    "report-unknown-task": sub("content/plans/2025/reports/q3.md", '  "2": {', '  "9": {'),
    "report-unknown-target": sub("content/plans/2025/reports/q3.md", "  ho-so-dung-han:", "  ho-so-dung-hn:"),
    # A report written as lists (the form the web editor writes): the same checks, located in the file.
    "report-list-unknown-task": sub("content/plans/2025/reports/q3.md", REPORT_MAP, REPORT_LIST.replace("- no: 2", "- no: 9")),
    "report-list-duplicate-task": sub("content/plans/2025/reports/q3.md", REPORT_MAP, REPORT_LIST.replace("- no: 2", "- no: 1")),
    "report-list-unknown-target": sub("content/plans/2025/reports/q3.md", REPORT_MAP, REPORT_LIST.replace("- id: ho-so-dung-han", "- id: ho-so-dung-hn")),
    "report-list-missing-number": sub("content/plans/2025/reports/q3.md", REPORT_MAP, REPORT_LIST.replace("- no: 2\n    status", "- status")),
    "progress-out-of-range": sub("content/plans/2025/reports/q3.md", "progress: 40", "progress: 140"),
    "file-outside-structure": add("content/plans/2025/ghi-chu.md", "---\ntitle: Ghi chú\n---\nGhi chú nội bộ.\n"),
    "translation-data-key": add("content/plans/2025/tasks/01.en.md",
                                "---\ntitle: Issue the reform self-inspection plan\nlead: vh-xh\n---\n"),
    # Images and links in a body (issue 25): warnings only, the pages still build (and pass the W3C checker).
    "image-without-alt": lambda files: (
        add("static/files/so-do.svg", '<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"><rect width="8" height="8"/></svg>\n')(files),
        sub("content/plans/2025/tasks/02.md", 'deadline: "Quý IV/2025"\n---\n',
            'deadline: "Quý IV/2025"\n---\nSơ đồ quy trình rà soát:\n\n<img src="/files/so-do.svg" onerror="alert(1)">\n')(files)),
    "link-to-missing-file": sub("content/plans/2025/tasks/02.md", 'deadline: "Quý IV/2025"\n---\n',
                                'deadline: "Quý IV/2025"\n---\nKết quả rà soát: xem [báo cáo đã ký](/files/bao-cao-ra-soat.pdf).\n'),
    "embed-origin-path": sub("site.yaml", "theme: default\n", "theme: default\nembed_origins: [https://binhtan.example.gov.vn/tin-tuc/the-tien-do.html]\n"),
    # revised: (issue 36): earlier deadlines and goals, validated like the current ones; these also have expected.en.txt.
    "revised-bad-deadline": sub("content/plans/2025/tasks/02.md", 'deadline: "Quý IV/2025"\n',
                                'deadline: "Quý IV/2025"\nrevised:\n  - { deadline: "Cuối quý III", on: 2025-10-02, by: "Quyết định số 88/QĐ-UBND ngày 02/10/2025" }\n'),
    "revised-bad-goal": sub("content/plans/2025/targets/ho-so-dung-han.md", 'goal: ">= 98"\n',
                            'goal: ">= 98"\nrevised:\n  - { goal: "tối thiểu 95", on: 2025-10-02, by: "Quyết định số 88/QĐ-UBND ngày 02/10/2025" }\n'),
    "revised-out-of-order": sub("content/plans/2025/tasks/02.md", 'deadline: "Quý IV/2025"\n',
                                'deadline: "Quý IV/2025"\nrevised:\n  - { deadline: "Tháng 9/2025", on: 2025-10-02, by: "Quyết định số 88/QĐ-UBND ngày 02/10/2025" }\n'
                                '  - { deadline: "Tháng 10/2025", on: 2025-07-01, by: "Quyết định số 61/QĐ-UBND ngày 01/7/2025" }\n'),
    "revised-outside-plan": sub("content/plans/2025/tasks/02.md", 'deadline: "Quý IV/2025"\n',
                                'deadline: "Quý IV/2025"\nrevised:\n  - { deadline: "Tháng 9/2025", on: 2026-01-15, by: "Quyết định số 88/QĐ-UBND ngày 15/01/2026" }\n'),
    "revised-unknown-key": sub("content/plans/2025/targets/ho-so-dung-han.md", 'goal: ">= 98"\n',
                               'goal: ">= 98"\nrevised:\n  - { goal: ">= 95", on: 2025-10-02, bi: "Quyết định số 88/QĐ-UBND ngày 02/10/2025" }\n'),
    # Issue 38: a day that does not exist in an accepted form; a misspelled status; a report signed after as_of.
    "impossible-deadline-day": sub("content/plans/2025/tasks/02.md", 'deadline: "Quý IV/2025"', 'deadline: "Trước ngày 31/02/2025"'),
    "report-bad-status": sub("content/plans/2025/reports/q3.md", '"2": { status: in-progress', '"2": { status: dang-lam'),
    "report-after-as-of": add("content/plans/2025/reports/q4.md", """---
period: q4
number: 15/BC-UBND
issued: 2026-03-15
tasks:
  "2": { status: done, progress: 100 }
---
Kết quả quý IV.
"""),
    "nfd-file": lambda files: files.__setitem__("content/plans/2025/tasks/02.md",
                                                unicodedata.normalize("NFD", files["content/plans/2025/tasks/02.md"])),
}

# The Front's supervision (issue 32): a monitoring unit and a valid supervision (with its English) are added, then one
# mistake is made in it. As of 2025-12-20 recommendation 1 is answered (done), 2 awaits an answer due 2026-01-15.
SUPERVISION = {
"content/units/mttq.md": """---
name: Ủy ban MTTQ Việt Nam xã Bình Tân
short: MTTQ
role: monitor
---
""",
"content/supervision/2025-tthc.md": """---
title: Giám sát việc giải quyết thủ tục hành chính tại Bộ phận Một cửa
by: mttq
number: 15/BC-MTTQ
issued: 2025-10-20
plan: 2025
tasks: [1, 2]
recommendations:
  - no: 1
    text: Niêm yết đầy đủ, công khai thủ tục hành chính tại Bộ phận Một cửa
    to: vp-ubnd
    due: 2025-11-20
    answer:
      date: 2025-11-10
      number: 210/UBND-VP
      result: done
      text: Đã niêm yết đủ thủ tục hành chính.
  - no: 2
    text: Bố trí thêm ghế chờ và máy lấy số thứ tự
    to: vh-xh
    due: 2026-01-15
---
Đoàn giám sát làm việc tại Bộ phận Một cửa ngày 15/10/2025.
""",
"content/supervision/2025-tthc.en.md": """---
title: Supervision of administrative procedures at the one-stop shop
recommendations:
  - no: 1
    text: Post every administrative procedure publicly at the one-stop shop
    answer:
      text: Every procedure is posted.
  - no: 2
    text: Add waiting seats and a queue-ticket machine
---
The team visited the one-stop shop on 15 October 2025.
""",
}

def supervision(*mutations):
    def f(files):
        files.update(SUPERVISION)
        for m in mutations: m(files)
    return f

SV = "content/supervision/2025-tthc.md"
CASES.update({
    "supervision-unknown-key": supervision(sub(SV, "    due: 2025-11-20", "    deu: 2025-11-20")),
    "supervision-not-monitor": supervision(sub(SV, "by: mttq", "by: vh-xh")),
    "supervision-unknown-unit": supervision(sub(SV, "to: vp-ubnd", "to: vp-ubdn")),
    "supervision-unknown-task": supervision(sub(SV, "tasks: [1, 2]", "tasks: [1, 5]")),
    "supervision-tasks-without-plan": supervision(sub(SV, "plan: 2025\n", "")),
    "supervision-bad-result": supervision(sub(SV, "result: done", "result: resolved")),
    "supervision-answer-before": supervision(sub(SV, "date: 2025-11-10", "date: 2025-10-10")),
    "supervision-duplicate-number": supervision(sub(SV, "  - no: 2", "  - no: 1")),
    "supervision-overdue-answer": supervision(sub(SV, "due: 2026-01-15", "due: 2025-12-05")),
})

def write(root, files, raw=None):
    if os.path.isdir(root): shutil.rmtree(root)
    for rel, text in files.items():
        p = os.path.join(root, rel); os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as fh: fh.write(text.encode("utf-8"))
    for rel, data in (raw or {}).items():
        with open(os.path.join(root, rel), "wb") as fh: fh.write(data)

for name, mutate in CASES.items():
    files = dict(BASE); mutate(files)
    kept = {}
    for golden in ("expected.txt", "expected.en.txt"):
        keep = os.path.join(HERE, name, golden)
        if os.path.exists(keep): kept[golden] = open(keep, "rb").read()
    write(os.path.join(HERE, name), files, kept)

# Non-UTF-8: a unit saved as Latin-1 (Windows-1252) by an old editor; "Phòng" survives, "ă" does not exist there.
files = dict(BASE)
keep = os.path.join(HERE, "non-utf8", "expected.txt")
expected = open(keep, "rb").read() if os.path.exists(keep) else None
write(os.path.join(HERE, "non-utf8"), files, {
    "content/units/vp-ubnd.md": "---\nname: Phòng Tài chính - Kế toán\nrole: office\n---\n".replace("ế", "e").replace("à", "à").encode("latin-1"),
    **({"expected.txt": expected} if expected is not None else {}),
})

# seven-mistakes: a copy of a real site (seed 000) with seven different kinds of mistake at once.
SEED = os.path.join(HERE, "..", "sites", "seed-000")
SEVEN = os.path.join(HERE, "seven-mistakes")
keep = os.path.join(SEVEN, "expected.txt")
expected = open(keep, "rb").read() if os.path.exists(keep) else None
if os.path.isdir(SEVEN): shutil.rmtree(SEVEN)
shutil.copytree(SEED, SEVEN)
if expected is not None: open(keep, "wb").write(expected)
P = os.path.join(SEVEN, "content", "plans", "cchc-6-thang-cuoi-2025")
def edit(path, old, new):
    text = open(path, encoding="utf-8").read(); assert old in text, (path, old)
    open(path, "w", encoding="utf-8").write(text.replace(old, new, 1))
edit(os.path.join(P, "tasks", "03.md"), "product: Báo cáo", "san_pham: Báo cáo")                       # 1 unknown key
edit(os.path.join(P, "tasks", "05.md"), "lead: phong-vh-xh", "lead: phong-vhxh")                       # 2 unknown unit
edit(os.path.join(P, "reports", "q3.md"), "issued: 2025-09-05", "issued: 2025-09-31")                  # 3 impossible date
edit(os.path.join(P, "tasks", "08.md"), 'deadline: "Tháng 9/2025 (Kế hoạch), Tháng 12/2025 (Báo cáo)"',
     'deadline: "Khi có kinh phí"')                                                                      # 4 deadline not understood
edit(os.path.join(P, "tasks", "09.md"), 'title: "Theo dõi, cập nhật', 'title: "Theo dâi, cËp nhËt')      # 5 TCVN3 mojibake
edit(os.path.join(P, "targets", "hai-long-tthc.md"), 'goal: ">= 90"', 'goal: ">= 90')                  # 6 invalid YAML
unit = os.path.join(SEVEN, "content", "units", "phong-kinh-te.md")                                      # 7 not UTF-8
text = open(unit, encoding="utf-8").read()
open(unit, "wb").write(text.replace("Phòng Kinh tế", "Phòng Kinh te")
                       .replace("Chủ trì lĩnh vực cải cách tài chính công; hướng dẫn lập dự toán, quản lý, sử dụng và quyết toán kinh phí cải cách hành chính.",
                                "Phòng chuyên môn.").encode("latin-1"))
