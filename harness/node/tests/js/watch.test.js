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
