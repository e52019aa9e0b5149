'use strict';
// The promise library as a parameter: a program uses the constructor it is handed, run.js installs
// one from a prelude, and a library that is not V8's gives traces of its own.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const {spawnSync} = require('node:child_process');
const {translate, promiseNames} = require('../../translate.js');
const {runCase} = require('../../runtime.js');

const RUN = path.join(__dirname, '..', '..', 'run.js');
const SYNCHRONOUS = path.join(__dirname, '..', 'fixtures', 'libraries', 'synchronous.js');

// Runs a case in this process on the promise constructor `Library`.
function run(testCase, Library) {
  const program = vm.runInThisContext(translate(testCase));
  return new Promise((done) => runCase(program, promiseNames(testCase), Library, done));
}

// What the runner writes and the harness reads.
const asJson = (x) => JSON.parse(JSON.stringify(x));

// Runs run.js with `args` on the cases (given on stdin, as the harness does); its status, whether it
// announced {"ready": true} before its answers, and the answer lines.
function runJs(args, cases) {
  const out = spawnSync(process.execPath, [RUN, ...args], {input: JSON.stringify(cases), encoding: 'utf8'});
  const lines = out.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  const ready = lines.length > 0 && lines[0].ready === true;
  return {status: out.status, stderr: out.stderr, ready, lines: ready ? lines.slice(1) : lines};
}

test('every promise a program makes comes from the constructor it is handed', async () => {
  const used = new Set();
  class Watched extends Promise {
    then(onFulfilled, onRejected) {
      used.add('then');
      return super.then(onFulfilled, onRejected);
    }
  }
  const statics = ['resolve', 'reject', 'all', 'allSettled', 'race', 'any', 'try', 'withResolvers'];
  for (const name of statics) {
    Watched[name] = function (...args) {
      used.add(name);
      return Promise[name].apply(this, args);  // `this` is Watched: the result is one of its promises
    };
  }
  const testCase = {id: 'every-maker', program: [
    {new: 'n', executor: [{resolve: 1}]},
    {deferred: 'd'},
    {resolve: 2, of: 'd'},
    {resolved: 3, as: 'r'},
    {rejected: 'no', as: 'j'},
    {then: 'n', onFulfilled: [{log: 'then'}], as: 't'},
    {catch: 'j', onRejected: [{log: 'catch'}], as: 'c'},
    {finally: 'r', onFinally: [{log: 'finally'}], as: 'f'},
    {all: [{promise: 'n'}, {promise: 'd'}], as: 'all'},
    {allSettled: [{promise: 'j'}], as: 'settled'},
    {race: [{promise: 'r'}], as: 'race'},
    {any: [{promise: 'j'}, {promise: 'r'}], as: 'any'},
    {try: [{return: 4}], as: 'try'},
  ]};
  const watched = await run(testCase, Watched);
  assert.deepEqual([...used].sort(), [...statics, 'then'].sort());
  // A subclass that only watches is V8's Promise in all but name: the same trace.
  const native = await run(testCase, Promise);
  assert.deepEqual(asJson(watched), asJson(native));
  assert.equal(native.trace.length, 3, JSON.stringify(native.trace));
});

test('await is V8\'s own: it takes a library\'s promise for a thenable, so libraries do not offer async', async () => {
  // A counter chain beside an `await` of an already fulfilled promise. V8 awaits its own promise in
  // one job; a subclass's promise is a foreign thenable to `await`, which costs two jobs more.
  const testCase = {id: 'await', program: [
    {resolved: 'v', as: 'p'},
    {async: [{await: {promise: 'p'}}, {log: 'awaited'}], as: 'a'},
    {then: 'p', onFulfilled: [{log: 'tick 1'}], as: 't1'},
    {then: 't1', onFulfilled: [{log: 'tick 2'}], as: 't2'},
    {then: 't2', onFulfilled: [{log: 'tick 3'}]},
  ]};
  const labels = (out) => out.trace.map(([label]) => label);
  assert.deepEqual(labels(await run(testCase, Promise)), ['awaited', 'tick 1', 'tick 2', 'tick 3']);
  class Subclassed extends Promise {}
  assert.deepEqual(labels(await run(testCase, Subclassed)), ['tick 1', 'tick 2', 'awaited', 'tick 3']);
});

// A handler, a promise shown as a value, a rejection caught, and the final states.
const ORDER = {id: 'order', program: [
  {resolved: 1, as: 'p'},
  {then: 'p', onFulfilled: [{log: 'handler'}], as: 'q'},
  {rejected: 'no', as: 'r'},
  {catch: 'r', onRejected: [{log: 'caught'}]},
  {log: 'p is', value: {promise: 'p'}},
  {log: 'script'},
]};
const ORDER_FINAL = {p: ['fulfilled', 1], q: ['fulfilled', {undefined: true}], r: ['rejected', 'no']};

test('without a library, run.js runs the cases on V8 under the name node', () => {
  for (const args of [[], ['--library', 'node']]) {
    const out = runJs(args, [ORDER]);
    assert.equal(out.status, 0, out.stderr);
    assert.equal(out.ready, true, 'the CPU budget per case counts from this line');
    assert.deepEqual(out.lines, [{id: 'order', final: ORDER_FINAL, trace: [
      ['p is', {promise: 'p'}], ['script', {undefined: true}], ['handler', 1], ['caught', 'no']]}]);
  }
});

test('run.js installs a library from its prelude; its promises need not be V8 ones', () => {
  const out = runJs(['--library', 'synchronous', '--prelude', SYNCHRONOUS], [ORDER, ORDER]);
  assert.equal(out.status, 0, out.stderr);
  // Handlers run inside `then`, before the script goes on; its promises are still named in values,
  // and their final states are read through its own `then`. Twice: the library stays loaded.
  const expected = {id: 'order', final: ORDER_FINAL, trace: [
    ['handler', 1], ['caught', 'no'], ['p is', {promise: 'p'}], ['script', {undefined: true}]]};
  assert.deepEqual(out.lines, [expected, expected]);
});

test('a prelude that does not give a promise constructor fails every case, naming the library', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-prelude-'));
  const preludes = [
    ['throws.js', "throw new Error('no such library here');", /failed to load: no such library here/],
    ['number.js', 'module.exports = 42;', /must export a promise constructor/],
    ['plain-function.js', 'module.exports = function () {};', /must export a promise constructor/],
  ];
  for (const [file, text, why] of preludes) {
    fs.writeFileSync(path.join(dir, file), text);
    const out = runJs(['--library', 'broken', '--prelude', path.join(dir, file)], [ORDER, {...ORDER, id: 'again'}]);
    assert.equal(out.status, 0, out.stderr);
    assert.deepEqual(out.lines.map((l) => l.id), ['order', 'again']);
    for (const line of out.lines) {
      assert.match(line.failure, /^library broken: its prelude /);
      assert.match(line.failure, why);
    }
  }
  fs.rmSync(dir, {recursive: true});
});

test('run.js refuses options it does not know and an option without its value', () => {
  for (const args of [['--prelude'], ['--library'], ['--check']]) {
    const out = runJs(args, []);
    assert.equal(out.status, 2, args.join(' '));
    assert.match(out.stderr, /^usage: /);
  }
});

test('the built-ins a case replaced are as they were once it ends, and its final states are read with the real then', async () => {
  const resolve = Promise.resolve;
  const then = Promise.prototype.then;
  const testCase = {id: 'replaces-built-ins', program: [
    {resolved: 1, as: 'p'},
    {set: '%Promise%', key: 'resolve', value: 'not callable'},
    {set: '%Promise.prototype%', key: 'then', method: [{log: 'replaced then'}]},
    {define: '%Array.prototype%', key: 'then', getter: [{log: 'Array.prototype.then read', value: 0}]},
  ]};
  const out = await run(testCase, Promise);
  assert.equal(out.failure, undefined);
  assert.deepEqual(asJson(out.final), {p: ['fulfilled', 1]}, 'read with the built-in then, not the replaced one');
  assert.equal(Promise.resolve, resolve);
  assert.equal(Promise.prototype.then, then);
  assert.equal(Object.getOwnPropertyDescriptor(Promise.prototype, 'then').enumerable, false);
  assert.equal(Object.hasOwn(Array.prototype, 'then'), false);
});
