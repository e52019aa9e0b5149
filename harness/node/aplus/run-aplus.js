'use strict';
// Runs promises-aplus-tests 2.1.2's tests (from node_modules, never copied here) on one library as
// the node subject installs it (its prelude: a constructor or an adapter), and writes one JSON line
// per test as it ends, then one when the run is over:
//   {"clause": "2.3.3", "title": "...", "passed": true}    or  ..., "passed": false, "error": "..."}
//   {"done": true}
// `clause` is the A+ section a test is filed under (its top-level describe, "2.3.3: ..."). A library
// can starve the event loop (q 1.5.1 on self-resolution loops in its queue): then the lines stop
// before "done", and aplus/side-by-side.js, which runs one test file per process with a time bound,
// says so.
//
//   node --unhandled-rejections=none aplus/run-aplus.js [--bail] [--timeout MS] [--library NAME --prelude FILE]
//        [FILE.js ...]
//
// --bail stops at the first failing test (then "done" follows it): enough to know that the suite
// kills a mutant (../mutants/run-mutants.js), without waiting out the timeouts of every test after.
// --timeout is how long a test may wait for its promises (promises-aplus-tests' own 200 ms by
// default; a loaded machine can miss that bound).
// FILE.js are test files of promises-aplus-tests/lib/tests (default: all). Without
// --unhandled-rejections=none modern Node fails 14 tests on the suite's deliberate unhandled
// rejections. The adapter's `deferred` is the library constructor's executor, the way the cases of
// ours make a promise; `resolved` and `rejected` are made from `deferred`, as promises-aplus-tests'
// own runner does.
const fs = require('fs');
const path = require('path');
const Mocha = require('mocha');  // promises-aplus-tests' own (its dependency)
const {parseArguments, loadLibrary} = require('../run.js');

const TESTS = path.join(path.dirname(require.resolve('promises-aplus-tests')), 'tests');

function adapterOf(P) {
  const deferred = () => {
    let resolve;
    let reject;
    const promise = new P((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return {promise, resolve, reject};
  };
  return {
    deferred,
    resolved(value) {
      const d = deferred();
      d.resolve(value);
      return d.promise;
    },
    rejected(reason) {
      const d = deferred();
      d.reject(reason);
      return d.promise;
    },
  };
}

// The clause of a test: the "N.N.N" its outermost describe starts with.
function clauseOf(test) {
  let suite = test.parent;
  while (suite && suite.parent && !suite.parent.root) suite = suite.parent;
  const m = /^(\d+(?:\.\d+)*)/.exec((suite && suite.title) || '');
  return m ? m[1] : '?';
}

function main(argv) {
  const bail = argv.includes('--bail');
  const t = argv.indexOf('--timeout');
  const timeout = t >= 0 ? Number(argv[t + 1]) : 200;
  const args = Number.isFinite(timeout) && timeout > 0 ?
    parseArguments(argv.filter((a, i) => a !== '--bail' && (t < 0 || (i !== t && i !== t + 1)))) : null;
  if (!args) {
    process.stderr.write('usage: node --unhandled-rejections=none aplus/run-aplus.js [--bail] [--timeout MS] [--library NAME --prelude FILE] ' +
      '[FILE.js ...]\n');
    process.exit(2);
  }
  const {name, prelude} = args.library;  // no prelude: V8's own Promise
  const library = loadLibrary({name, prelude: prelude === undefined ? undefined : path.resolve(prelude)});
  const files = args.files.length > 0 ? args.files : fs.readdirSync(TESTS).filter((f) => f.endsWith('.js')).sort();
  const write = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
  function Reporter(runner) {
    runner.on('pass', (test) => write({clause: clauseOf(test), title: test.fullTitle(), passed: true}));
    runner.on('fail', (test, err) =>
      write({clause: clauseOf(test), title: test.fullTitle(), passed: false, error: String(err && err.message)}));
  }
  const mocha = new Mocha({timeout, slow: Infinity, reporter: Reporter, bail});
  for (const f of files) mocha.addFile(path.join(TESTS, path.basename(f)));
  global.adapter = adapterOf(library.Promise);
  mocha.run(() => {
    write({done: true});
    process.exit(0);
  });
}

main(process.argv.slice(2));
