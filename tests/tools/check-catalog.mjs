// Reads a site's DCAT-AP catalog with real RDF libraries and checks it:
// - data/catalog.jsonld turned into quads by `jsonld` (toRDF), data/catalog.ttl parsed by `n3`: the same graph;
// - the DCAT-AP 2.1.1 SHACL shapes (tests/tools/dcat-ap/, a copy of ../shared/standards/dcat-ap; or $DCAT_AP_SHAPES) by `rdf-validate-shacl`: no violation;
// - what a harvester needs: one catalog, its datasets (printed one line each with their distributions), the required
//   properties present.
// Prints a summary and every problem; exits 1 on any problem, 2 when it cannot run.
// Usage: node tests/tools/check-catalog.mjs <site output folder> [shapes.ttl]
import fs from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';
import { Parser, Store } from 'n3';
import rdf from '@zazuko/env';
import SHACLValidator from 'rdf-validate-shacl';

const out = path.resolve(process.argv[2] || 'public');
const shapesFile = process.argv[3] || process.env.DCAT_AP_SHAPES ||
  path.resolve(path.dirname(new URL(import.meta.url).pathname), 'dcat-ap', 'dcat-ap_2.1.1_shacl_shapes.ttl');

const DCAT = 'http://www.w3.org/ns/dcat#', DCT = 'http://purl.org/dc/terms/', FOAF = 'http://xmlns.com/foaf/0.1/';
const RDF_TYPE = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#type';
let problems = 0;
const fail = (m) => { console.log('PROBLEM ' + m); problems++; };

const key = (q) => `${q.subject.value} ${q.predicate.value} ${q.object.termType}:${q.object.value}@${q.object.language || ''}^${q.object.datatype ? q.object.datatype.value : ''}`;

async function main() {
  const doc = JSON.parse(fs.readFileSync(path.join(out, 'data', 'catalog.jsonld'), 'utf8'));
  const fromJsonLd = await jsonld.toRDF(doc);
  const fromTurtle = new Parser({ format: 'text/turtle' }).parse(fs.readFileSync(path.join(out, 'data', 'catalog.ttl'), 'utf8'));
  console.log(`jsonld: ${fromJsonLd.length} quads; turtle: ${fromTurtle.length} quads`);
  const a = new Set(fromJsonLd.map(key)), b = new Set(fromTurtle.map(key));
  for (const k of a) if (!b.has(k)) { fail('only in JSON-LD: ' + k); break; }
  for (const k of b) if (!a.has(k)) { fail('only in Turtle: ' + k); break; }

  const store = new Store(fromTurtle);
  const objects = (s, p) => store.getObjects(s, p, null);
  const ofType = (t) => store.getSubjects(RDF_TYPE, t, null);
  const catalogs = ofType(DCAT + 'Catalog');
  if (catalogs.length !== 1) fail(`${catalogs.length} catalogs`);
  const catalog = catalogs[0];
  for (const p of ['title', 'description', 'publisher', 'license', 'issued', 'modified', 'language'])
    if (objects(catalog, DCT + p).length === 0) fail(`catalog without dct:${p}`);
  const langs = (s, p) => objects(s, p).map(o => o.language).sort().join(',');
  if (langs(catalog, DCT + 'title') !== 'en,vi') fail('catalog title not in vi and en');
  const publisher = objects(catalog, DCT + 'publisher')[0];
  if (!publisher || objects(publisher, FOAF + 'name').length === 0) fail('publisher without foaf:name');
  else console.log(`publisher: ${objects(publisher, FOAF + 'name')[0].value}`);
  const datasets = objects(catalog, DCAT + 'dataset');
  for (const d of datasets) {
    for (const p of ['title', 'description', 'publisher', 'issued', 'modified', 'license'].filter(p => p !== 'license'))
      if (objects(d, DCT + p).length === 0) fail(`${d.value} without dct:${p}`);
    if (langs(d, DCT + 'title') !== 'en,vi') fail(`${d.value}: title not in vi and en`);
    if (objects(d, DCAT + 'contactPoint').length === 0) fail(`${d.value} without dcat:contactPoint`);
    const dists = objects(d, DCAT + 'distribution');
    if (dists.length === 0) fail(`${d.value} without distributions`);
    const formats = [];
    for (const x of dists) {
      for (const p of [DCAT + 'accessURL', DCAT + 'downloadURL', DCAT + 'mediaType', DCT + 'format', DCT + 'license', DCAT + 'byteSize'])
        if (objects(x, p).length === 0) fail(`${x.value} without ${p}`);
      const file = objects(x, DCAT + 'downloadURL')[0]?.value || '';
      formats.push(`${file.split('/').pop()}=${objects(x, DCAT + 'mediaType')[0]?.value.split('/media-types/')[1]}`);
    }
    console.log(`dataset ${d.value.split('#').pop()}: ${objects(d, DCT + 'title').find(t => t.language === 'vi')?.value} | ${formats.sort().join(' ')}`);
  }
  console.log(`datasets: ${datasets.length}`);

  if (!fs.existsSync(shapesFile)) { console.log('shapes not found: ' + shapesFile); process.exit(2); }
  const shapes = rdf.dataset(new Parser({ format: 'text/turtle' }).parse(fs.readFileSync(shapesFile, 'utf8')));
  for (const [name, quads] of [['turtle', fromTurtle], ['jsonld', fromJsonLd]]) {
    const validator = new SHACLValidator(shapes, { factory: rdf });
    const report = await validator.validate(rdf.dataset(quads.map(q => rdf.quad(
      rdf.namedNode(q.subject.value), rdf.namedNode(q.predicate.value),
      q.object.termType === 'NamedNode' ? rdf.namedNode(q.object.value)
        : q.object.termType === 'BlankNode' ? rdf.blankNode(q.object.value)
        : rdf.literal(q.object.value, q.object.language || rdf.namedNode(q.object.datatype.value))))));
    const violations = report.results.filter(r => r.severity?.value?.endsWith('Violation'));
    console.log(`shacl ${name}: conforms=${report.conforms}, ${violations.length} violations`);
    for (const r of violations.slice(0, 20)) fail(`shacl ${name}: ${r.focusNode?.value} ${r.path?.value}: ${r.message.map(m => m.value).join('; ')}`);
  }
  console.log(`${problems} problems`);
  process.exit(problems ? 1 : 0);
}

main().catch(e => { console.log('cannot run: ' + (e.stack || e)); process.exit(2); });
