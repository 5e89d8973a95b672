// Search for the portal's /search/ page: no dependencies, no inline script, no eval (the pages' CSP allows 'self' only).
// The index is built by CchcPortal.Site/Index/SearchIndex.cs; this file mirrors its Query() exactly:
// words are folded like TextFold.Fold (NFD, drop marks, đ→d, lower case), all words must match (AND), the last one
// may match as a prefix, and words typed with diacritics rank documents that have the same
// diacritics first ("sổ" before "sở").
(function () {
  'use strict';
  var FILTERS = ['type', 'status', 'plan', 'area', 'unit'];
  var TYPES = ['task', 'target', 'plan', 'report', 'unit', 'page']; // meta.types when the index has it
  var MAX = 50;
  var WORD = /[\p{L}\p{Nd}\p{M}]+/gu;
  var WORD_CHAR = /[\p{L}\p{Nd}\p{M}]/u;

  function fold(s) {
    return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
  }

  function tokens(s) {
    var words = s.normalize('NFC').match(WORD) || [];
    return words.map(function (w) { var exact = w.toLowerCase(); return { exact: exact, folded: fold(exact) }; });
  }

  function shardKey(folded) { return Array.from(folded).slice(0, 2).join(''); }

  // The shard keys a query needs: each word's own, and every shard under a one-letter last word.
  function shardsFor(meta, words) {
    var keys = [];
    words.forEach(function (w, i) {
      var key = shardKey(w.folded), letter = i === words.length - 1 && key.length === 1;
      Object.keys(meta.shards).forEach(function (k) {
        if ((k === key || (letter && k.startsWith(key))) && keys.indexOf(k) === -1) keys.push(k);
      });
    });
    return keys;
  }

  // Whether a document carries the label of an i18n key (meta.labelKeys, set by the page once meta is loaded).
  var labelKeys = [];
  function has(doc, key) {
    var i = labelKeys.indexOf(key);
    return i !== -1 && (doc[6] || []).indexOf(i) !== -1;
  }

  function keep(doc, f) {
    // doc: [type, status, overdue, plan, area, lead]
    if (f.type && doc[0] !== f.type) return false;
    if (f.status && (f.status === 'overdue' ? doc[2] !== 1 : f.status === 'no-report' ? !has(doc, 'status_no_report') : doc[1] !== f.status)) return false;
    if (f.plan && doc[3] !== f.plan) return false;
    if (f.area && doc[4] !== f.area) return false;
    if (f.unit && doc[5] !== f.unit) return false;
    return true;
  }

  var LABEL_SCORE = 8; // a query word found in a document's label (status, type): above a title word (3 × 2)
  var WINDOW = 50;     // the first results the phrase bonus re-ranks: those shown, whose text is fetched anyway

  function typeOrder(meta, type) {
    var types = meta.types || TYPES, i = types.indexOf(type);
    return i === -1 ? types.length : i;
  }

  function compare(meta) {
    return function (a, b) {
      return b.exact - a.exact || b.score - a.score ||
        typeOrder(meta, meta.docs[a.doc][0]) - typeOrder(meta, meta.docs[b.doc][0]) || a.doc - b.doc;
    };
  }

  // The labels' phrases as words, and the documents carrying each label (made once per meta).
  function labelData(meta) {
    if (meta._labels) return meta._labels;
    var words = (meta.labels || []).map(function (phrases) { return phrases.map(tokens); });
    var docs = words.map(function () { return []; });
    meta.docs.forEach(function (d, doc) { (d[6] || []).forEach(function (l) { docs[l].push(doc); }); });
    return (meta._labels = { words: words, docs: docs });
  }

  function labelWordMatches(label, word, last) {
    return word === label || word === label + 's' || (last && label.startsWith(word));
  }

  // The label phrases in the query, longest first from the left: by word, its group {start, length, labels: {label:
  // [exact forms by word]}} or null. Mirrors SearchIndex.LabelGroups.
  function labelGroups(meta, words) {
    var groups = words.map(function () { return null; });
    var data = labelData(meta);
    for (var i = 0; i < words.length;) {
      var best = 0, found = {};
      for (var l = 0; l < data.words.length; l++) {
        for (var p = 0; p < data.words[l].length; p++) {
          var phrase = data.words[l][p], k = 0;
          while (k < phrase.length && i + k < words.length && labelWordMatches(phrase[k].folded, words[i + k].folded, i + k === words.length - 1)) k++;
          if (k === 0 || (k < phrase.length && i + k < words.length) || k < best) continue;
          if (k > best) { best = k; found = {}; }
          if (!found[l]) { found[l] = []; for (var j = 0; j < k; j++) found[l].push([]); }
          for (var j2 = 0; j2 < k; j2++) found[l][j2].push(phrase[j2].exact);
        }
      }
      if (best === 0) { i++; continue; }
      var g = { start: i, length: best, labels: found };
      for (var n = i; n < i + best; n++) groups[n] = g;
      i += best;
    }
    return groups;
  }

  // Ranked hits [{doc, exact, score}] for the words, given the shards they need. Mirrors SearchIndex.Query (before
  // the phrase bonus, which needs the results' text: see order).
  function rank(meta, shards, words, f) {
    labelKeys = meta.labelKeys || [];
    var acc = null;
    var groups = labelGroups(meta, words), data = labelData(meta);
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var prefix = i === words.length - 1;
      var marked = w.exact !== w.folded;
      var key = shardKey(w.folded);
      var found = new Map();
      var add = function (doc, exact, score) {
        var prev = found.get(doc);
        found.set(doc, prev ? { exact: Math.max(prev.exact, exact), score: Math.max(prev.score, score) } : { exact: exact, score: score });
      };
      // A one-letter last word looks in every shard that starts with it.
      var terms = [];
      Object.keys(shards).forEach(function (k) {
        if (k === key || (prefix && key.length === 1 && k.startsWith(key))) for (var t in shards[k]) terms.push([t, shards[k][t]]);
      });
      for (var n = 0; n < terms.length; n++) {
        var term = terms[n][0];
        var whole = term === w.folded;
        if (!whole && !(prefix && term.startsWith(w.folded))) continue;
        var forms = terms[n][1];
        for (var written in forms) {
          var exact = marked && (whole ? written === w.exact : written.startsWith(w.exact)) ? 1 : 0;
          var postings = forms[written];
          for (var j = 0; j < postings.length; j++) {
            var p = postings[j];
            add(p >> 1, exact, (p & 1 ? 3 : 1) * (whole ? 2 : 1));
          }
        }
      }
      var g = groups[i];
      if (g) {
        // Every document with one of the group's labels has the word, as a label word.
        Object.keys(g.labels).forEach(function (l) {
          var ex = marked && g.labels[l][i - g.start].indexOf(w.exact) !== -1 ? 1 : 0;
          data.docs[l].forEach(function (doc) { add(doc, ex, LABEL_SCORE); });
        });
      }
      if (acc === null) { acc = found; continue; }
      var next = new Map();
      acc.forEach(function (v, doc) {
        var o = found.get(doc);
        if (o) next.set(doc, { exact: v.exact + o.exact, score: v.score + o.score });
      });
      acc = next;
    }
    var hits = [];
    if (acc === null) {
      // No words, only filters: every document that passes them, in index order.
      meta.docs.forEach(function (d, doc) { if (keep(d, f)) hits.push({ doc: doc, exact: 0, score: 0 }); });
      return hits;
    }
    acc.forEach(function (v, doc) { if (keep(meta.docs[doc], f)) hits.push({ doc: doc, exact: v.exact, score: v.score }); });
    hits.sort(compare(meta));
    return hits;
  }

  // ---- the phrase bonus: the first WINDOW results again, by whether the query's words stand together ----------

  // Folded abbreviation → the folded words of its first full form (meta.abbr), made once per meta.
  function abbrWords(meta) {
    if (meta._abbr) return meta._abbr;
    var map = {};
    Object.keys(meta.abbr || {}).forEach(function (k) {
      var t = tokens(k);
      if (t.length === 1 && !(t[0].folded in map)) map[t[0].folded] = tokens(meta.abbr[k][0]).map(function (x) { return x.folded; });
    });
    return (meta._abbr = map);
  }

  // A field's folded words, and again with each abbreviation as the words of its full form when it has one.
  var foldedWords = new Map(); // text → its sequences (the texts do not change)
  function wordsOf(meta, s) {
    var seqs = foldedWords.get(s);
    if (seqs) return seqs;
    var plain = tokens(s).map(function (t) { return t.folded; }), abbr = abbrWords(meta);
    seqs = [plain];
    if (plain.some(function (w) { return w in abbr; })) {
      var expanded = [];
      plain.forEach(function (w) { if (w in abbr) expanded.push.apply(expanded, abbr[w]); else expanded.push(w); });
      seqs.push(expanded);
    }
    if (foldedWords.size > 500) foldedWords.clear();
    foldedWords.set(s, seqs);
    return seqs;
  }

  function together(seqs, a, b, prefix) {
    for (var n = 0; n < seqs.length; n++) {
      var seq = seqs[n];
      for (var j = 0; j + 1 < seq.length; j++)
        if (seq[j] === a && (seq[j + 1] === b || (prefix && seq[j + 1].startsWith(b)))) return true;
    }
    return false;
  }

  // For each two query words next to each other: 2 when together in the title or number, or in one of the
  // document's labels; 1 when together in its text. Mirrors SearchIndex.PhraseBonus.
  function bonus(meta, doc, frag, words, groups) {
    if (words.length < 2) return 0;
    var title = wordsOf(meta, frag[0] + ' ' + frag[1]), text = null, b = 0;
    for (var i = 0; i + 1 < words.length; i++) {
      var prefix = i + 1 === words.length - 1, g = groups[i];
      if (g && g === groups[i + 1] && meta.docs[doc][6].some(function (l) { return g.labels[l] !== undefined; })) b += 2;
      else if (together(title, words[i].folded, words[i + 1].folded, prefix)) b += 2;
      else if (together(text || (text = wordsOf(meta, frag[3])), words[i].folded, words[i + 1].folded, prefix)) b += 1;
    }
    return b;
  }

  // The hits in their final order: the first WINDOW with the phrase bonus; fragmentOf(doc) gives a shown document's
  // [title, number, url, text].
  function order(meta, hits, words, fragmentOf) {
    if (!words.length) return hits;
    var groups = labelGroups(meta, words);
    var top = hits.slice(0, WINDOW).map(function (h) {
      return { doc: h.doc, exact: h.exact, score: h.score + bonus(meta, h.doc, fragmentOf(h.doc), words, groups) };
    });
    top.sort(compare(meta));
    return top.concat(hits.slice(WINDOW));
  }

  // ---- highlighting: fold the text code point by code point, remembering where each folded char came from ----

  var foldedChars = Object.create(null);
  function foldChar(ch) {
    var f = foldedChars[ch];
    if (f === undefined) f = foldedChars[ch] = fold(ch);
    return f;
  }

  function foldMap(s) {
    // Usual case (NFC text, each letter folds to one letter): positions are the same in both strings.
    var whole = fold(s);
    if (whole.length === s.length) return { folded: whole, map: null };
    var folded = '', map = [], i = 0;
    for (var ch of s) {
      var f = ch < '\u0080' ? ch.toLowerCase() : foldChar(ch);
      for (var k = 0; k < f.length; k++) { folded += f[k]; map.push(i); }
      i += ch.length;
    }
    map.push(s.length);
    return { folded: folded, map: map };
  }

  // Ranges [start, end) in s where a query word starts a word (the last word may end inside one).
  // extra: more words to mark, whole words only (what a query's abbreviation or full form stands for).
  function matches(s, words, extra) {
    var fm = foldMap(s), ranges = [];
    words.concat(extra || []).forEach(function (w, n) {
      var prefix = n === words.length - 1 && !w.whole;
      var at = 0;
      while ((at = fm.folded.indexOf(w.folded, at)) !== -1) {
        var end = at + w.folded.length;
        var startsWord = at === 0 || !WORD_CHAR.test(fm.folded[at - 1]);
        var endsWord = end >= fm.folded.length || !WORD_CHAR.test(fm.folded[end]);
        if (startsWord && (endsWord || prefix)) {
          if (!fm.map) ranges.push([at, end]);
          else ranges.push([fm.map[at], end < fm.map.length - 1 ? fm.map[end] : s.length]);
        }
        at = end;
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
    });
    return merged;
  }

  // Node (bench/search-bench.cjs) takes the pure functions; the page goes on below.
  if (typeof document === 'undefined') {
    if (typeof module === 'object') module.exports = { fold: fold, tokens: tokens, shardsFor: shardsFor, rank: rank, order: order, matches: matches, WINDOW: WINDOW };
    return;
  }

  var form = document.getElementById('search-form');
  var out = document.getElementById('search-results');
  if (!form || !out || !window.fetch || !window.URLSearchParams) return;

  var input = form.elements.q;
  var base = form.getAttribute('data-index');
  var root = form.getAttribute('data-root') || '';
  var cache = {};
  var seq = 0;

  function load(name) {
    if (!cache[name]) {
      cache[name] = fetch(base + name).then(function (r) {
        if (!r.ok) throw new Error(name + ': ' + r.status);
        return r.json();
      });
      cache[name].catch(function () { delete cache[name]; });
    }
    return cache[name];
  }

  function text(attr) { return form.getAttribute(attr) || ''; }
  function format(s) { var args = arguments; return s.replace(/\{(\d)\}/g, function (_, i) { return args[+i + 1]; }); }

  function label(filter, value) {
    var select = form.elements[filter];
    if (!select || !value) return '';
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return select.options[i].textContent;
    return '';
  }

  function readFilters() {
    var f = {};
    FILTERS.forEach(function (name) { var el = form.elements[name]; if (el && el.value) f[name] = el.value; });
    return f;
  }

  function highlight(parent, s, ranges, from, to) {
    var at = from;
    ranges.forEach(function (r) {
      var a = Math.max(r[0], from), b = Math.min(r[1], to);
      if (b <= a) return;
      if (a > at) parent.appendChild(document.createTextNode(s.slice(at, a)));
      var mark = document.createElement('mark');
      mark.textContent = s.slice(a, b);
      parent.appendChild(mark);
      at = b;
    });
    if (at < to) parent.appendChild(document.createTextNode(s.slice(at, to)));
  }

  function snippet(s, words) {
    if (!s) return null;
    var p = document.createElement('p');
    p.className = 'snippet';
    var ranges = words.length ? matches(s, words, extraWords) : [];
    var center = ranges.length ? ranges[0][0] : 0;
    var from = Math.max(0, center - 70), to = Math.min(s.length, from + 220);
    if (from > 0) { var sp = s.indexOf(' ', from); if (sp !== -1 && sp < center) from = sp + 1; }
    if (to < s.length) { var sp2 = s.lastIndexOf(' ', to); if (sp2 > center) to = sp2; }
    if (from > 0) p.appendChild(document.createTextNode('… '));
    highlight(p, s, ranges, from, to);
    if (to < s.length) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  // The words to mark besides the query's: an abbreviation's full form ("tthc" marks "thủ tục hành chính"), and the
  // abbreviation of a full form typed ("thu tuc hanh chinh" marks "TTHC").
  function alsoMark(meta, words) {
    var abbr = abbrWords(meta), folded = words.map(function (w) { return w.folded; }), extra = [];
    Object.keys(abbr).forEach(function (short) {
      var full = abbr[short];
      if (folded.indexOf(short) !== -1) full.forEach(function (f) { extra.push({ exact: f, folded: f }); });
      for (var i = 0; i + full.length <= folded.length; i++)
        if (full.every(function (f, k) { return folded[i + k] === f; })) { extra.push({ exact: short, folded: short }); break; }
    });
    return extra;
  }

  var extraWords = [];
  function render(meta, hits, fragments, words) {
    extraWords = alsoMark(meta, words);
    out.textContent = '';
    var count = document.createElement('p');
    count.className = 'search-count';
    if (!hits.length) { count.textContent = text('data-none'); out.appendChild(count); return; }
    count.textContent = hits.length > MAX ? format(text('data-count-more'), hits.length, MAX) : format(text('data-count'), hits.length);
    out.appendChild(count);
    var list = document.createElement('ol');
    list.className = 'results';
    var groups = labelGroups(meta, words);
    hits.slice(0, MAX).forEach(function (h) {
      var doc = meta.docs[h.doc];
      // Words a document has as a label (its status) are not marked in its text, where they may stand apart.
      var marked = words.filter(function (w, i) {
        var g = groups[i];
        return !(g && (doc[6] || []).some(function (l) { return g.labels[l] !== undefined; }));
      }).map(function (w, i, kept) {
        return { exact: w.exact, folded: w.folded, whole: i === kept.length - 1 && w !== words[words.length - 1] };
      });
      var frag = fragments[Math.floor(h.doc / meta.fragment)][h.doc % meta.fragment]; // [title, number, url, text]
      var li = document.createElement('li');
      var type = document.createElement('span');
      type.className = 'type';
      type.textContent = label('type', doc[0]);
      li.appendChild(type);
      var heading = document.createElement('p');
      heading.className = 'result-title';
      var a = document.createElement('a');
      a.href = /^https?:\/\//.test(frag[2]) ? frag[2] : root + frag[2]; // a roll-up's results are on each commune's portal
      var title = (doc[0] === 'task' && frag[1] ? frag[1] + '. ' : '') + frag[0];
      highlight(a, title, marked.length ? matches(title, marked, extraWords) : [], 0, title.length);
      heading.appendChild(a);
      if (doc[0] !== 'task' && frag[1]) heading.appendChild(document.createTextNode(' (' + frag[1] + ')'));
      li.appendChild(heading);
      var snip = snippet(frag[3], marked);
      if (snip) li.appendChild(snip);
      var facts = [];
      if (doc[1]) facts.push(label('status', doc[1]));
      if (doc[2] === 1) facts.push(label('status', 'overdue'));
      if (has(doc, 'status_no_report')) facts.push(label('status', 'no-report'));
      if (doc[3] && doc[0] !== 'plan') facts.push(label('plan', doc[3]));
      facts = facts.filter(Boolean);
      if (facts.length) {
        var facts_ = document.createElement('p');
        facts_.className = 'result-meta';
        facts_.textContent = facts.join(' · ');
        li.appendChild(facts_);
      }
      list.appendChild(li);
    });
    out.appendChild(list);
  }

  function run() {
    var my = ++seq;
    var words = tokens(input.value);
    var f = readFilters();
    if (!words.length && !Object.keys(f).length) { out.textContent = ''; return; }
    load('meta.json').then(function (meta) {
      var keys = shardsFor(meta, words);
      return Promise.all(keys.map(function (k) { return load(meta.shards[k]); })).then(function (loaded) {
        var shards = {};
        keys.forEach(function (k, i) { shards[k] = loaded[i]; });
        var hits = rank(meta, shards, words, f);
        var need = [];
        hits.slice(0, Math.max(MAX, WINDOW)).forEach(function (h) { var n = Math.floor(h.doc / meta.fragment); if (need.indexOf(n) === -1) need.push(n); });
        return Promise.all(need.map(function (n) { return load('f-' + n + '.json'); })).then(function (frags) {
          if (my !== seq) return;
          var fragments = {};
          need.forEach(function (n, i) { fragments[n] = frags[i]; });
          hits = order(meta, hits, words, function (doc) { return fragments[Math.floor(doc / meta.fragment)][doc % meta.fragment]; });
          render(meta, hits, fragments, words);
        });
      });
    }).catch(function () {
      if (my !== seq) return;
      out.textContent = '';
      var p = document.createElement('p');
      p.textContent = text('data-error');
      out.appendChild(p);
    });
  }

  function syncUrl() {
    var params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    FILTERS.forEach(function (name) { var el = form.elements[name]; if (el && el.value) params.set(name, el.value); });
    var qs = params.toString();
    history.replaceState(null, '', location.pathname + (qs ? '?' + qs : ''));
  }

  var timer = 0;
  function update() {
    clearTimeout(timer);
    timer = setTimeout(function () { syncUrl(); run(); }, 120);
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get('q') || '';
  FILTERS.forEach(function (name) { var el = form.elements[name]; if (el && params.get(name)) el.value = params.get(name); });
  input.addEventListener('input', update);
  FILTERS.forEach(function (name) { var el = form.elements[name]; if (el) el.addEventListener('change', update); });
  form.addEventListener('submit', function (e) { e.preventDefault(); clearTimeout(timer); syncUrl(); run(); });
  run();
})();
