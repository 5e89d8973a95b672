#!/usr/bin/env python3
"""Communes for the roll-up benchmark (issue 35).  Usage:
    gen-communes.py N OUTDIR TEMPLATE_DATA [BASE_URL] [--copied-only]
TEMPLATE_DATA is the data/ folder of one built commune site (e.g. bench/gen.py 2 /tmp/t && cchc build --source
/tmp/t/cchc: 2 plans of 30 tasks and 8 targets, 2 reports each, like a real commune). Writes
  OUTDIR/served/cNNNNN/data/...   N communes' published data (the template under a new commune name, figures varied),
                                  to serve with any static server at BASE_URL (default http://127.0.0.1:8765/)
  OUTDIR/rollup/site.yaml         a roll-up listing them
  OUTDIR/rollup-copied/           the same roll-up with communes/ already filled, as cchc fetch leaves it (to time a
                                  build without the network)."""
import json, os, random, shutil, sys

N, OUT, TEMPLATE = int(sys.argv[1]), sys.argv[2], sys.argv[3]
args = [a for a in sys.argv[4:] if not a.startswith("--")]
BASE = args[0] if args else "http://127.0.0.1:8765/"
COPIED_ONLY = "--copied-only" in sys.argv  # no served/ folder (3,300 communes: half the disk)
rnd = random.Random(35)
SYLLABLES = "An Bình Hòa Phú Tân Long Thạnh Mỹ Hưng Phước Lộc Thuận Đông Tây Nam Bắc Trung Xuân Hải Sơn Lâm Hiệp".split()


def name(i):
    r = random.Random(i)
    return f"Xã {r.choice(SYLLABLES)} {r.choice(SYLLABLES)} {i}"


def vary(rows_text):
    """plans.csv with the counts shuffled a little, so the table is not N times the same row."""
    lines = rows_text.split("\r\n")
    head = lines[0].lstrip("\ufeff").split(",")
    out = [lines[0]]
    for line in lines[1:]:
        if not line:
            out.append(line)
            continue
        cells = line.split(",")
        if len(cells) != len(head):  # a quoted comma: keep the row as it is
            out.append(line)
            continue
        total = int(cells[head.index("tasks_total")] or 0)
        done = rnd.randint(0, total)
        overdue = rnd.randint(0, total - done)
        cells[head.index("tasks_done")] = str(done)
        cells[head.index("tasks_overdue")] = str(overdue)
        cells[head.index("tasks_in_progress")] = str(total - done)
        cells[head.index("tasks_not_started")] = "0"
        out.append(",".join(cells))
    return "\r\n".join(out)


served = os.path.join(OUT, "served")
rollup = os.path.join(OUT, "rollup")
copied = os.path.join(OUT, "rollup-copied")
for d in (served, rollup, copied):
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
package = json.load(open(os.path.join(TEMPLATE, "datapackage.json"), encoding="utf-8"))
plans_csv = open(os.path.join(TEMPLATE, "plans.csv"), encoding="utf-8", newline="").read()
urls = []
for i in range(N):
    key = f"c{i:05d}"
    data = os.path.join(served, key, "data")
    shutil.copytree(TEMPLATE, data, ignore=shutil.ignore_patterns("*.json", "*.ics", "schema"))
    p = dict(package)
    p["x_commune"] = name(i)
    p["x_province"] = "Tỉnh Mẫu"
    p["title"] = "Cải cách hành chính " + name(i).lower()
    p["homepage"] = f"https://{key}.example.gov.vn/"
    with open(os.path.join(data, "datapackage.json"), "w", encoding="utf-8") as f:
        json.dump(p, f, ensure_ascii=False, indent=1)
    with open(os.path.join(data, "plans.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(vary(plans_csv))
    urls.append(BASE + key + "/")
    # As cchc fetch leaves it: communes/<id>/data/ and source.json.
    cid = "xa-" + "-".join(name(i).lower().split()[1:])
    import unicodedata
    cid = "".join(c for c in unicodedata.normalize("NFD", cid.replace("đ", "d")) if unicodedata.category(c) != "Mn")
    shutil.copytree(os.path.join(served, key, "data"), os.path.join(copied, "communes", cid, "data"))
    if COPIED_ONLY:
        shutil.rmtree(os.path.join(served, key))
    with open(os.path.join(copied, "communes", cid, "source.json"), "w") as f:
        json.dump({"url": BASE + key + "/"}, f)
site = ("title: Cải cách hành chính cấp xã tỉnh Mẫu (bench)\nprovince: Tỉnh Mẫu\nbase_url: https://cchc.example.gov.vn/\n"
        "languages: [vi, en]\nas_of: 2025-12-20\ncommunes:\n" + "".join(f"  - {u}\n" for u in urls))
for d in (rollup, copied):
    with open(os.path.join(d, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(site)
print(f"{N} communes under {served}, roll-ups in {rollup} (to fetch) and {copied} (fetched)")
