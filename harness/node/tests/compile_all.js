'use strict';
// Translates every case file under the given directories and has V8 parse the result without
// running it (what `node --check` does). Exits 1 naming each file that does not translate or parse.
//   node compile_all.js DIR...
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const {translate} = require('../translate.js');

function* jsonFiles(dir) {
  if (!fs.existsSync(dir)) return;
  for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* jsonFiles(p);
    else if (entry.name.endsWith('.json')) yield p;
  }
}

let checked = 0;
let bad = 0;
for (const dir of process.argv.slice(2)) {
  for (const file of jsonFiles(dir)) {
    checked++;
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
      for (const c of Array.isArray(parsed) ? parsed : [parsed]) new vm.Script(translate(c), {filename: file});
    } catch (e) {
      bad++;
      process.stdout.write(`${file}: ${e.message}\n`);
    }
  }
}
process.stdout.write(`${checked} case files, ${bad} did not translate to a valid program\n`);
process.exitCode = bad || checked === 0 ? 1 : 0;
