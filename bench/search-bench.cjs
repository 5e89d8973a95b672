// Times the search of themes/default/assets/search.js on a built site's index, as a resident types.
// Usage: node bench/search-bench.cjs [SITE_OUTPUT_DIR] [lang-prefix]
//   e.g. dotnet run --project src/CchcPortal.Cli -- build --source . --output /tmp/out && node bench/search-bench.cjs /tmp/out
// Measures, per query: tokenise + fold, pick shards, rank, and find highlights in the 50 shown titles and texts.
// Files are read before timing (the browser caches them after the first fetch); network time is not included.
'use strict';
const fs = require('fs');
const path = require('path');
const search = require('../themes/default/assets/search.js');

const out = process.argv[2] || 'public';
const dir = path.join(out, process.argv[3] || '', 'search', 'index');
const read = (name) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
const meta = read('meta.json');
const shards = {};
for (const [key, file] of Object.entries(meta.shards)) shards[key] = read(file);
const fragments = [];
for (let n = 0; n * meta.fragment < meta.docs.length; n++) fragments.push(read(`f-${n}.json`));

// What residents type, letter by letter (each prefix is a query, as the page runs one per pause in typing).
const typed = ['ho so dung han', 'dua vao van hanh', 'so hoa', 'dang ky khai sinh', 'cai cach thu tuc', 'hồ sơ đúng hạn',
  'truc tuyen', 'chinh quyen so', 'sổ theo dõi', 'mot cua', 'ubnd', '45/KH-UBND'];
const queries = [];
for (const q of typed) for (let i = 2; i <= q.length && queries.length < 100; i += 2) queries.push(q.slice(0, i));
while (queries.length < 100) queries.push(typed[queries.length % typed.length]);

function once(q) {
  const words = search.tokens(q);
  const keys = search.shardsFor(meta, words);
  const loaded = {};
  for (const k of keys) loaded[k] = shards[k];
  let hits = search.rank(meta, loaded, words, {});
  // The page's final order: the shown results re-ranked by the phrase bonus, with their text.
  const fragmentOf = (doc) => fragments[Math.floor(doc / meta.fragment)][doc % meta.fragment];
  if (search.order) hits = search.order(meta, hits, words, fragmentOf);
  for (const h of hits.slice(0, 50)) {
    const f = fragments[Math.floor(h.doc / meta.fragment)][h.doc % meta.fragment];
    search.matches(f[0], words);
    search.matches(f[3], words);
  }
  return hits.length;
}

for (const q of queries) once(q); // warm up the JIT
const times = [];
let results = 0;
for (const q of queries) {
  const t0 = process.hrtime.bigint();
  results += once(q);
  times.push(Number(process.hrtime.bigint() - t0) / 1e6);
}
times.sort((a, b) => a - b);
const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(3);
console.log(`${queries.length} queries on ${meta.docs.length} documents (${Object.keys(meta.shards).length} shards): ` +
  `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms; ${results} results in all`);
