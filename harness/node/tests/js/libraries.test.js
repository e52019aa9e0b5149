'use strict';
// The JavaScript libraries as subjects (libraries/*.js, README.md "The library"): each prelude
// installs the library's own promise, not V8's, on microtasks; run.js offers what a library has
// (--features) and takes adapters; run-aplus.js runs promises-aplus-tests on a prelude.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const {spawnSync} = require('node:child_process');
const {loadLibrary, libraryFeatures} = require('../../run.js');

const HOME = path.join(__dirname, '..', '..');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'libraries');
const NAMED = ['bluebird', 'when', 'es6-promise', 'promise', 'lie', 'pinkie', 'native-promise-only', 'core-js', 'q1',
  'q2'];
const prelude = (name) => path.join(HOME, 'libraries', `${name}.js`);

function runNode(args) {
  return spawnSync(process.execPath, args, {encoding: 'utf8', cwd: HOME});
}

for (const name of NAMED) {
  test(`${name}: its prelude installs its own promise, scheduled before the next macrotask`, async () => {
    const {Promise: P} = loadLibrary({name, prelude: prelude(name)});
    assert.notEqual(P, Promise);
    assert.equal(globalThis.Promise.prototype.then.toString().includes('[native code]'), true,
      'the global Promise is left as it was');
    const order = [];
    setImmediate(() => order.push('macrotask'));
    const p = new P((resolve) => resolve(1));
    assert.ok(p instanceof P);
    assert.ok(!(p instanceof Promise), 'not a V8 promise');
    // The handler runs after the code that registered it, and before a macrotask queued earlier:
    // in the microtask checkpoint, as the host loop needs (a library on setImmediate would not).
    p.then((v) => order.push(`then ${v}`));
    order.push('sync');
    await new Promise((done) => setImmediate(done));
    assert.deepEqual(order, ['sync', 'then 1', 'macrotask']);
    const features = libraryFeatures(P);
    for (const f of ['executor', 'thenables', 'async', 'timers', 'microtask']) assert.ok(features.includes(f), f);
    assert.ok(!features.includes('rejection-tracking'), 'Node tracks V8 promises only');
  });
}

test('a library has the features it has under the ES names, no more', () => {
  const sync = loadLibrary({name: 's', prelude: path.join(FIXTURES, 'synchronous.js')}).Promise;
  assert.deepEqual(libraryFeatures(sync),
    ['executor', 'resolved-rejected', 'catch', 'async', 'thenables', 'timers', 'microtask']);
  assert.ok(libraryFeatures(Promise).includes('rejection-tracking'));
  const pinkie = loadLibrary({name: 'pinkie', prelude: prelude('pinkie')}).Promise;
  assert.ok(!libraryFeatures(pinkie).includes('finally'));
  assert.ok(!libraryFeatures(pinkie).includes('deferred'));
});

test('run.js --features prints them; a prelude that is not a library fails saying so', () => {
  const ok = runNode(['run.js', '--library', 'pinkie', '--prelude', prelude('pinkie'), '--features']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stdout, 'executor resolved-rejected catch all race async thenables timers microtask\n');
  const bad = runNode(['run.js', '--library', 'x', '--prelude', path.join(HOME, 'libraries', 'support.js'), '--features']);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /must export a promise constructor .* or an adapter/);
});

test('an adapter ({resolved, rejected, deferred}) becomes a constructor', async () => {
  const {Promise: P} = loadLibrary({name: 'adapter', prelude: path.join(FIXTURES, 'adapter.js')});
  assert.deepEqual(libraryFeatures(P).slice(0, 3), ['executor', 'deferred', 'resolved-rejected']);
  assert.equal(await new P((resolve) => resolve(7)), 7);
  await assert.rejects(new P(() => { throw new Error('boom'); }), /boom/);
  assert.equal(await P.resolve(8), 8);
  const d = P.withResolvers();
  d.resolve(9);
  assert.equal(await d.promise, 9);
  assert.ok(P.resolve(1) instanceof P);
});

// promises-aplus-tests, one test file, through run-aplus.js.
function aplus(preludeFile, file) {
  const args = ['--unhandled-rejections=none', 'aplus/run-aplus.js', file];
  if (preludeFile) args.splice(2, 0, '--library', 'lib', '--prelude', preludeFile);
  const out = runNode(args);
  assert.equal(out.status, 0, out.stderr);
  const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.at(-1), {done: true});
  return lines.slice(0, -1);
}

test('run-aplus.js: V8 passes 2.2.4, the synchronous library fails it, on clause 2.2.4', () => {
  const v8 = aplus(null, '2.2.4.js');
  assert.ok(v8.length > 10);
  assert.ok(v8.every((t) => t.passed && t.clause === '2.2.4'));
  const sync = aplus(path.join(FIXTURES, 'synchronous.js'), '2.2.4.js');
  assert.ok(sync.some((t) => !t.passed));
  assert.ok(sync.every((t) => t.clause === '2.2.4'));
});
