'use strict';
// What the preludes of the JavaScript libraries share (README.md, "The library"): loading a module
// whose scheduler is Node's `setImmediate` with a microtask one in its place, turning a library's own
// deferred into `withResolvers`, and making a constructor of promises-aplus-tests' adapter shape.
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

// `setImmediate` as a microtask: a library's jobs then run in Node's microtask checkpoint, before
// the host loop's next timer, as the harness needs (README.md). A+ asks only that handlers run
// after the code that registered them has returned, which a microtask does.
function microtaskImmediate(callback, ...args) {
  queueMicrotask(() => callback(...args));
}

// Loads the CommonJS module `file` as `require` would, except that the free name `setImmediate`
// inside it (not inside the modules it requires) is microtaskImmediate, whether the module reads it
// when it loads or each time it schedules. Returns its module.exports.
function requireOnMicrotasks(file) {
  const filename = require.resolve(file);
  return requireSource(filename, fs.readFileSync(filename, 'utf8'), {setImmediate: microtaskImmediate});
}

// Runs `source` as the CommonJS module `filename` (its requires resolve from there), with the free
// names of `globals` bound to their values, and returns its module.exports. Nothing is cached: each
// call makes a new module (mutants/mutants.js loads patched texts of one file this way).
function requireSource(filename, source, globals = {}) {
  const m = new Module(filename, module);
  m.filename = filename;
  m.paths = Module._nodeModulePaths(path.dirname(filename));
  const body = vm.compileFunction(source.replace(/^#!.*/, ''),
    ['exports', 'require', 'module', '__filename', '__dirname', ...Object.keys(globals)], {filename});
  const localRequire = (id) => m.require(id);
  localRequire.resolve = (id) => Module._resolveFilename(id, m);
  body.call(m.exports, m.exports, localRequire, m, filename, path.dirname(filename), ...Object.values(globals));
  m.loaded = true;
  return m.exports;
}

// `withResolvers` from a library's own `defer()`, whose resolve and reject may be methods of the
// deferred rather than free functions.
function withResolversFromDefer(defer) {
  return function withResolvers() {
    const d = defer();
    return {promise: d.promise, resolve: (v) => d.resolve(v), reject: (r) => d.reject(r)};
  };
}

// promises-aplus-tests' adapter shape: {resolved(value), rejected(reason), deferred()}, each
// optional but deferred.
const isAdapter = (x) => x !== null && (typeof x === 'object' || typeof x === 'function') &&
  typeof x.deferred === 'function';

// A constructor from an adapter: `new P(executor)` calls the executor with a deferred's resolve and
// reject (an executor that throws rejects, as in ES and every A+ library with a constructor),
// `P.resolve` / `P.reject` are `resolved` / `rejected` when the adapter has them, and
// `P.withResolvers` is `deferred`. `x instanceof P` holds for the adapter's promises: those that
// share the prototype of a deferred's promise, or, when that is a plain object's, any object with a
// `then` method (the final states are then read with the promise's own `then`).
function fromAdapter(adapter) {
  const deferred = () => {
    const d = adapter.deferred();
    return {promise: d.promise, resolve: (v) => d.resolve(v), reject: (r) => d.reject(r)};
  };
  function AdapterPromise(executor) {
    const d = deferred();
    try {
      executor(d.resolve, d.reject);
    } catch (e) {
      d.reject(e);
    }
    return d.promise;
  }
  const sample = adapter.deferred().promise;
  const proto = Object.getPrototypeOf(sample);
  if (proto !== null && proto !== Object.prototype && typeof proto.then === 'function') {
    AdapterPromise.prototype = proto;
  } else {
    AdapterPromise.prototype = {then(onFulfilled, onRejected) { return this.then(onFulfilled, onRejected); }};
    Object.defineProperty(AdapterPromise, Symbol.hasInstance, {
      value: (v) => v !== null && typeof v === 'object' && typeof v.then === 'function' &&
        Object.getPrototypeOf(v) === proto,
    });
  }
  if (typeof adapter.resolved === 'function') AdapterPromise.resolve = (v) => adapter.resolved(v);
  if (typeof adapter.rejected === 'function') AdapterPromise.reject = (r) => adapter.rejected(r);
  AdapterPromise.withResolvers = deferred;
  return AdapterPromise;
}

// Runs load() while the global Promise is hidden, for a polyfill that would otherwise hand back V8's
// own Promise, and puts the global back as it was, whatever load() did to it. Returns what load
// returned, which must be a constructor other than V8's.
function withoutGlobalPromise(load) {
  const native = globalThis.Promise;
  let P;
  try {
    delete globalThis.Promise;
    P = load();
  } finally {
    globalThis.Promise = native;
  }
  if (P === native || typeof P !== 'function') throw new Error('the library did not build its own Promise');
  return P;
}

module.exports = {withoutGlobalPromise, microtaskImmediate, requireOnMicrotasks, requireSource, withResolversFromDefer, isAdapter, fromAdapter};
