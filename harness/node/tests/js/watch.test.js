'use strict';
// run.js runs its cases in a worker thread and watches it from the main thread: a library that ends
// the worker (an uncaught exception) or spins forever without progress fails the case in progress,
// and the next case runs in a fresh worker of the same process.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {spawnSync} = require('node:child_process');

const RUN = path.join(__dirname, '..', '..', 'run.js');

// Runs run.js on the library whose module text is `source` (a prelude), with `args`, on `cases`.
function runOn(source, args, cases) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-watch-'));
  try {
    const prelude = path.join(dir, 'library.js');
    fs.writeFileSync(prelude, source);
    const out = spawnSync(process.execPath, [RUN, '--library', 'watched', '--prelude', prelude, ...args],
      {input: JSON.stringify(cases), encoding: 'utf8'});
    const lines = out.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
    return {status: out.status, stderr: out.stderr, lines};
  } finally {
    fs.rmSync(dir, {recursive: true});
  }
}

const LOGS = {id: 'logs', program: [{log: 'ran'}]};
const LOGGED = {id: 'logs', trace: [['ran', {undefined: true}]], final: {}};

test('an exception a library rethrows out of its job fails that case as a crash; the next runs in the same process', () => {
  // As q 1.5.1 does on Node: a handler's error is rethrown asynchronously, which would end a process.
  const rethrowing = `module.exports = class Rethrowing extends Promise {
    then(f, r) {
      const wrap = (h) => typeof h !== 'function' ? h : (v) => {
        try { return h(v); } catch (e) { process.nextTick(() => { throw e; }); throw e; }
      };
      return super.then(wrap(f), wrap(r));
    }
  };`;
  const throwing = {id: 'throws', program: [
    {resolved: 1, as: 'p'},
    {then: 'p', onFulfilled: [{throw: 'boom'}], as: 'q'},
  ]};
  const out = runOn(rethrowing, [], [throwing, LOGS]);
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(out.lines.filter((l) => l.ready).length, 1, 'one process');
  const [crash, next] = out.lines.filter((l) => !l.ready);
  assert.equal(crash.id, 'throws');
  assert.equal(crash.failureKind, 'crash');
  assert.match(crash.failure, /an uncaught exception: boom/);
  assert.deepEqual(next, LOGGED);
});

test('a library that spins without progress is stopped after the stall budget, not the CPU budget', () => {
  // Promise.resolve loops forever, calling nothing of the runtime: no progress.
  const spinning = 'module.exports = class Spinning extends Promise { static resolve() { for (;;); } };';
  const spins = {id: 'spins', program: [{resolved: 1, as: 'p'}]};
  const out = runOn(spinning, ['--cpu-budget', '600000', '--stall-budget', '100'], [spins, LOGS]);
  assert.equal(out.status, 0, out.stderr);
  assert.deepEqual(out.lines.filter((l) => l.ready).length, 1, 'one process');
  const [hang, next] = out.lines.filter((l) => !l.ready);
  assert.equal(hang.id, 'spins');
  assert.equal(hang.failureKind, 'hang');
  assert.match(hang.failure, /^busy: node spent 100 ms of CPU time on this case without progress/);
  assert.deepEqual(next, LOGGED);
});

test('run.js refuses a budget that is not a positive number of milliseconds', () => {
  for (const args of [['--cpu-budget'], ['--cpu-budget', '0'], ['--stall-budget', 'soon']]) {
    const out = spawnSync(process.execPath, [RUN, ...args], {input: '[]', encoding: 'utf8'});
    assert.equal(out.status, 2, args.join(' '));
    assert.match(out.stderr, /^usage: /);
  }
});

// A worker that ends by itself once its last case is answered ends well with status 0, whether its
// exit comes before the main thread asks how it ended or after (under load it often comes before).
test('a worker that ended with status 0 before finish() was called ended well; another status did not', async () => {
  const {CaseWorker} = require(RUN);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-finish-'));
  try {
    const endsWith = async (code) => {
      const file = path.join(dir, `exits-${code}.js`);
      fs.writeFileSync(file, `require('worker_threads').parentPort.postMessage({ready: true});
        setImmediate(() => process.exit(${code}));`);
      const worker = new CaseWorker(file, {name: 'node'}, {shared: null, first: 0, end: 0});
      assert.equal(await worker.start(), null);
      // Node may deliver the ready message and the exit in one go, before this line runs: then the
      // exit is already over, and worker.end says how it went.
      if (worker.end === null) await new Promise((resolve) => worker.worker.once('exit', () => setImmediate(resolve)));
      return worker.finish();
    };
    assert.equal(await endsWith(0), null);
    assert.deepEqual(await endsWith(3), {code: 3});
  } finally {
    fs.rmSync(dir, {recursive: true});
  }
});

// An uncaught exception comes to the main thread on node's internal port and can overtake the answer
// the worker posted just before it threw; the answer still counts, and the exception is how it ended.
test('an answer posted just before the worker throws is not lost to the exception', async () => {
  const {CaseWorker} = require(RUN);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-order-'));
  try {
    const file = path.join(dir, 'answers-then-throws.js');
    fs.writeFileSync(file, `const {parentPort} = require('worker_threads');
      parentPort.postMessage({ready: true});
      setImmediate(() => { parentPort.postMessage({line: 'answered'}); throw new Error('after the answer'); });`);
    for (let k = 0; k < 20; k++) {
      const worker = new CaseWorker(file, {name: 'node'}, {shared: null, first: 0, end: 1});
      assert.equal(await worker.start(), null);
      const out = await worker.answer({id: 'x'}, {cpu: 60000, stall: 60000});
      assert.deepEqual(out, {line: 'answered'}, `try ${k}`);
      const end = await worker.finish();
      assert.equal(end && end.threw && end.error.message, 'after the answer');
    }
  } finally {
    fs.rmSync(dir, {recursive: true});
  }
});
