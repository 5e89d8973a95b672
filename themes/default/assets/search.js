// Search for the portal's /search/ page: no dependencies, no inline script, no eval (the pages' CSP allows 'self' only).
// The index is built by CchcPortal.Site/Index/SearchIndex.cs; this file mirrors its Query() exactly:
// words are folded like TextFold.Fold (NFD, drop marks, đ→d, lower case), all words must match (AND), the last one
// may match as a prefix, and words typed with diacritics rank documents that have the same
// diacritics first ("sổ" before "sở").
(function () {
  'use strict';
  var FILTERS = ['type', 'status', 'plan', 'area', 'unit'];
  var TYPES = ['plan', 'target', 'task', 'report', 'unit', 'page'];
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

  function keep(doc, f) {
    // doc: [type, status, overdue, plan, area, lead]
    if (f.type && doc[0] !== f.type) return false;
    if (f.status && (f.status === 'overdue' ? doc[2] !== 1 : doc[1] !== f.status)) return false;
    if (f.plan && doc[3] !== f.plan) return false;
    if (f.area && doc[4] !== f.area) return false;
    if (f.unit && doc[5] !== f.unit) return false;
    return true;
  }

  // Ranked hits [{doc, exact, score}] for the words, given the shards they need. Mirrors SearchIndex.Query.
  function rank(meta, shards, words, f) {
    var acc = null;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      var prefix = i === words.length - 1;
      var marked = w.exact !== w.folded;
      var key = shardKey(w.folded);
      var found = new Map();
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
            var p = postings[j], doc = p >> 1;
            var score = (p & 1 ? 3 : 1) * (whole ? 2 : 1);
            var prev = found.get(doc);
            found.set(doc, prev ? { exact: Math.max(prev.exact, exact), score: Math.max(prev.score, score) } : { exact: exact, score: score });
          }
        }
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
    hits.sort(function (a, b) {
      return b.exact - a.exact || b.score - a.score ||
        TYPES.indexOf(meta.docs[a.doc][0]) - TYPES.indexOf(meta.docs[b.doc][0]) || a.doc - b.doc;
    });
    return hits;
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
  function matches(s, words) {
    var fm = foldMap(s), ranges = [];
    words.forEach(function (w, n) {
      var prefix = n === words.length - 1;
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
    if (typeof module === 'object') module.exports = { fold: fold, tokens: tokens, shardsFor: shardsFor, rank: rank, matches: matches };
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
    var ranges = words.length ? matches(s, words) : [];
    var center = ranges.length ? ranges[0][0] : 0;
    var from = Math.max(0, center - 70), to = Math.min(s.length, from + 220);
    if (from > 0) { var sp = s.indexOf(' ', from); if (sp !== -1 && sp < center) from = sp + 1; }
    if (to < s.length) { var sp2 = s.lastIndexOf(' ', to); if (sp2 > center) to = sp2; }
    if (from > 0) p.appendChild(document.createTextNode('… '));
    highlight(p, s, ranges, from, to);
    if (to < s.length) p.appendChild(document.createTextNode(' …'));
    return p;
  }

  function render(meta, hits, fragments, words) {
    out.textContent = '';
    var count = document.createElement('p');
    count.className = 'search-count';
    if (!hits.length) { count.textContent = text('data-none'); out.appendChild(count); return; }
    count.textContent = hits.length > MAX ? format(text('data-count-more'), hits.length, MAX) : format(text('data-count'), hits.length);
    out.appendChild(count);
    var list = document.createElement('ol');
    list.className = 'results';
    hits.slice(0, MAX).forEach(function (h) {
      var doc = meta.docs[h.doc];
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
      highlight(a, title, words.length ? matches(title, words) : [], 0, title.length);
      heading.appendChild(a);
      if (doc[0] !== 'task' && frag[1]) heading.appendChild(document.createTextNode(' (' + frag[1] + ')'));
      li.appendChild(heading);
      var snip = snippet(frag[3], words);
      if (snip) li.appendChild(snip);
      var facts = [];
      if (doc[1]) facts.push(label('status', doc[1]));
      if (doc[2] === 1) facts.push(label('status', 'overdue'));
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
        hits.slice(0, MAX).forEach(function (h) { var n = Math.floor(h.doc / meta.fragment); if (need.indexOf(n) === -1) need.push(n); });
        return Promise.all(need.map(function (n) { return load('f-' + n + '.json'); })).then(function (frags) {
          if (my !== seq) return;
          var fragments = {};
          need.forEach(function (n, i) { fragments[n] = frags[i]; });
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
