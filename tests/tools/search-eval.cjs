// Measures search quality: runs the graded judgments (tests/CchcPortal.Tests/Search/judgments.json) against built
// sites' search indexes with the client's own code (themes/default/assets/search.js, as the page runs it) and reports
// precision@k, nDCG@5 and recall per query, per class and overall.
//
// Usage: node tests/tools/search-eval.cjs JUDGMENTS SITE=OUTPUT_DIR... [--json] [--verbose]
//   e.g. node tests/tools/search-eval.cjs tests/CchcPortal.Tests/Search/judgments.json sample=/tmp/out search=/tmp/s
// Judgments for a site not given are skipped. --json prints one JSON object (the tests read it).
//
// A judgment: { site, lang, class, q, filters?, docs?: {url: grade}, where?: [{...fields, grade}], contains?: {...} }
// - docs: documents by their address from the site root (without the language prefix), graded 1 (relevant) or
//   2 (what must come first).
// - where: every task/target whose state on as_of (from the site's open data, data/tasks.csv and targets.csv — the
//   model, not the search index) has the given field values: type (task|target), status, overdue, no_report, result.
// - contains: { phrases: [...], grade?: n, types?: [...] }: every document whose title, number or text has one of the
//   phrases (whole words, case and Unicode form ignored, diacritics kept): grade 2 when in the title or number, else 1
//   (or the given grade); restricted to the given types.
// Metrics: P@k = relevant among the first k results, k = min(5, number of relevant documents) (so a query with one
// right answer scores 1 when it comes first); nDCG@5 with gains 2^grade - 1; recall = relevant found / relevant.
'use strict';
const fs = require('fs');
const path = require('path');
// The client code of each built site (assets/search.<hash>.js), so a site built before a change is measured with the
// code it shipped; the theme's when a site has none.
const clients = {};
function client(root) {
  if (!clients[root]) {
    const assets = path.join(root, 'assets');
    const own = fs.existsSync(assets) && fs.readdirSync(assets).find((f) => /^search\.[^.]*\.?js$/.test(f));
    clients[root] = require(own ? path.resolve(assets, own) : '../../themes/default/assets/search.js');
  }
  return clients[root];
}

const args = process.argv.slice(2);
const judgmentsFile = args.find((a) => !a.includes('=') && !a.startsWith('--'));
const outputs = Object.fromEntries(args.filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]));
const asJson = args.includes('--json');
const verbose = args.includes('--verbose');
const judgments = JSON.parse(fs.readFileSync(judgmentsFile, 'utf8')).judgments;

// ---- one site's index, loaded as the browser would (all files read up front; the client fetches them lazily) ----
const indexes = {};
function index(site, lang) {
  const key = site + '/' + lang;
  if (indexes[key]) return indexes[key];
  const root = outputs[site];
  const prefix = lang === 'vi' ? '' : lang + '/';
  const dir = path.join(root, prefix, 'search', 'index');
  const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
  const meta = read('meta.json');
  const shards = {};
  for (const [k, file] of Object.entries(meta.shards)) shards[k] = read(file);
  const docs = [];
  for (let n = 0; n * meta.fragment < meta.docs.length; n++)
    read(`f-${n}.json`).forEach((f, i) => docs.push({ id: n * meta.fragment + i, type: meta.docs[n * meta.fragment + i][0],
      title: f[0], number: f[1], url: f[2].startsWith(prefix) ? f[2].slice(prefix.length) : f[2], text: f[3] }));
  return (indexes[key] = { meta, shards, docs, state: state(root), search: client(root) });
}

// ---- the model's state of tasks and targets on as_of, from the open data -------------------------------------
function csv(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') { if (c === '\r' && text[i + 1] === '\n') i++; row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  const head = rows.shift();
  return rows.filter((r) => r.length === head.length).map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

function state(root) {
  const local = (url) => url.replace(/^[a-z]+:\/\/[^/]+\/(.*?)(ke-hoach\/)/, '$2');
  const tasks = csv(path.join(root, 'data', 'tasks.csv')).map((r) => ({ type: 'task', url: local(r.url), status: r.status,
    overdue: r.overdue === 'true', no_report: r.no_report === 'true' }));
  const targets = csv(path.join(root, 'data', 'targets.csv')).filter((r) => r.latest !== 'false')
    .map((r) => ({ type: 'target', url: local(r.url), result: r.result }));
  return [...tasks, ...targets];
}

// ---- the relevant documents of a judgment: url → grade ----------------------------------------------------------
function phraseIn(text, phrase) {
  const t = text.normalize('NFC').toLowerCase(), p = phrase.normalize('NFC').toLowerCase();
  const word = /[\p{L}\p{Nd}\p{M}]/u;
  for (let at = t.indexOf(p); at !== -1; at = t.indexOf(p, at + 1))
    if ((at === 0 || !word.test(t[at - 1])) && (at + p.length >= t.length || !word.test(t[at + p.length]))) return true;
  return false;
}

function relevant(j, ix) {
  const grades = new Map();
  const give = (url, g) => grades.set(url, Math.max(grades.get(url) || 0, g));
  for (const [url, g] of Object.entries(j.docs || {})) give(url, g);
  for (const w of j.where || []) {
    for (const s of ix.state) {
      if (Object.entries(w).every(([k, v]) => k === 'grade' || s[k] === v)) give(s.url, w.grade || 2);
    }
  }
  if (j.contains) {
    for (const d of ix.docs) {
      if (j.contains.types && !j.contains.types.includes(d.type)) continue;
      const inTitle = j.contains.phrases.some((p) => phraseIn(d.title + ' ' + d.number, p));
      const inText = inTitle || j.contains.phrases.some((p) => phraseIn(d.text, p));
      if (inText) give(d.url, j.contains.grade || (inTitle ? 2 : 1));
    }
  }
  return grades;
}

// ---- a query, as the page runs it ---------------------------------------------------------------------------
function run(ix, q, filters) {
  const search = ix.search;
  const words = search.tokens(q);
  const keys = search.shardsFor(ix.meta, words);
  const loaded = {};
  for (const k of keys) loaded[k] = ix.shards[k];
  // The page fetches the fragments of what it shows; search.order (when there) ranks with their text.
  const hits = search.rank(ix.meta, loaded, words, filters || {});
  const ordered = search.order ? search.order(ix.meta, hits, words, (id) => {
    const d = ix.docs[id];
    return [d.title, d.number, d.url, d.text];
  }) : hits;
  return ordered.map((h) => ix.docs[h.doc].url);
}

const dcg = (gains) => gains.slice(0, 5).reduce((s, g, i) => s + (Math.pow(2, g) - 1) / Math.log2(i + 2), 0);

const rows = [];
let skipped = 0;
for (const j of judgments) {
  if (!outputs[j.site]) continue;
  const ix = index(j.site, j.lang);
  const rel = relevant(j, ix);
  // A site without the state or phrase asked for has nothing to find: not measured (counted as skipped).
  if (rel.size === 0) { skipped++; continue; }
  const got = run(ix, j.q, j.filters);
  const k = Math.min(5, rel.size);
  const p = k === 0 ? 0 : got.slice(0, k).filter((u) => rel.has(u)).length / k;
  const ideal = dcg([...rel.values()].sort((a, b) => b - a));
  const ndcg = ideal === 0 ? 0 : dcg(got.map((u) => rel.get(u) || 0)) / ideal;
  const recall = rel.size === 0 ? 0 : got.filter((u) => rel.has(u)).length / rel.size;
  rows.push({ site: j.site, lang: j.lang, class: j.class, q: j.q, relevant: rel.size, results: got.length, p, ndcg, recall,
    top: got.slice(0, 5).map((u) => (rel.get(u) || 0) + ' ' + u), urls: got.slice(0, 10) });
}

const mean = (xs) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
function summary(list) {
  return { queries: list.length, p: mean(list.map((r) => r.p)), ndcg: mean(list.map((r) => r.ndcg)), recall: mean(list.map((r) => r.recall)) };
}
const classes = [...new Set(rows.map((r) => r.class))];
const result = {
  all: summary(rows),
  skipped,
  classes: Object.fromEntries(classes.map((c) => [c, summary(rows.filter((r) => r.class === c))])),
  rows,
};

if (asJson) {
  process.stdout.write(JSON.stringify(result) + '\n');
} else {
  const f = (x) => x.toFixed(2);
  for (const r of rows) {
    console.log(`${f(r.p)}  ${f(r.ndcg)}  ${f(r.recall)}  ${r.site}/${r.lang} [${r.class}] "${r.q}" (${r.relevant} relevant, ${r.results} results)`);
    if (verbose) for (const t of r.top) console.log('              ' + t);
  }
  console.log('\nclass            queries  P@k   nDCG@5  recall');
  for (const [c, s] of Object.entries(result.classes)) console.log(`${c.padEnd(16)} ${String(s.queries).padStart(7)}  ${f(s.p)}  ${f(s.ndcg)}    ${f(s.recall)}`);
  console.log(`${'all'.padEnd(16)} ${String(result.all.queries).padStart(7)}  ${f(result.all.p)}  ${f(result.all.ndcg)}    ${f(result.all.recall)}`);
  console.log(`(${skipped} judgments skipped: nothing on their site to find)`);
}
