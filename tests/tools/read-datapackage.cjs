// Reads every resource of a Data Package with the Frictionless JavaScript libraries: the descriptor with `datapackage`
// (validated against its profile), each CSV with `tableschema`, every cell cast to its declared type.
// Prints one line per resource and every error; exits 1 on any error, 2 when it cannot run.
// Usage: node tests/tools/read-datapackage.cjs <path to datapackage.json>
//
// Our CSV files start with a UTF-8 byte-order mark (for Excel). Node keeps U+FEFF when it decodes UTF-8, so the
// libraries would read the first column's name as "\uFEFFas_of"; `bom: true` (csv-parse's option, which tableschema's
// Table.load passes on) is how a JavaScript reader skips it. Python's frictionless skips it by itself.
'use strict';
const fs = require('fs');
const path = require('path');
const { Package } = require('datapackage');
const { Table } = require('tableschema');

async function main() {
  const file = path.resolve(process.argv[2] || 'datapackage.json');
  const pkg = await Package.load(file, { basePath: path.dirname(file), strict: false });
  let errors = 0;
  const fail = (where, message) => { console.log(`${where}: ${message}`); errors++; };
  for (const e of pkg.errors) fail('package', e.message);
  if (pkg.resources.length === 0) fail('package', 'no resources');
  for (const resource of pkg.resources) {
    const d = resource.descriptor;
    for (const e of resource.errors) fail(resource.name, e.message);
    if (!resource.tabular) { fail(resource.name, 'not a tabular resource'); continue; }
    if (d.encoding !== 'utf-8') fail(resource.name, `encoding "${d.encoding}" is not "utf-8"`);
    try {
      const dialect = d.dialect || {};
      const table = await Table.load(resource.source, {
        schema: d.schema, encoding: d.encoding, bom: true,
        delimiter: dialect.delimiter, quote: dialect.quoteChar,
      });
      const rows = await table.read({ cast: true, keyed: true });
      const fields = table.schema.fieldNames;
      if (JSON.stringify(table.headers) !== JSON.stringify(fields))
        fail(resource.name, `header ${JSON.stringify(table.headers)} is not the schema's ${JSON.stringify(fields)}`);
      const bytes = fs.statSync(resource.source).size;
      if (d.bytes !== undefined && d.bytes !== bytes) fail(resource.name, `bytes ${d.bytes} declared, ${bytes} on disk`);
      console.log(`${resource.name}: ${rows.length} rows, ${fields.length} fields cast`);
    } catch (e) {
      const inner = e.errors && e.errors.length ? e.errors.map(x => x.message).join('; ') : '';
      fail(resource.name, `${e.message}${inner ? ' — ' + inner : ''}`);
    }
  }
  console.log(`${pkg.resources.length} resources, ${errors} errors`);
  process.exit(errors === 0 ? 0 : 1);
}
main().catch(e => { console.log(`error: ${e.stack || e}`); process.exit(2); });
