'use strict';
// What the programs made by translate.js call, and the host around them.
//
// The host is Node's own: the main script and every virtual timer callback run each in a real
// macrotask (setImmediate), so Node itself drains the microtask queue and emits
// 'unhandledRejection' / 'rejectionHandled' between them, exactly as it would for any script.
// Only time is virtual: timers wait in our queue instead of libuv's, and no case ever sleeps.
//
// The promise library under test is a parameter: runCase hands its constructor to the program
// (translate.js), recognises its promises in values (as native promises or instances of it) and
// reads the final states through its `then` (the native one for native promises). With the
// native Promise as the library, everything is as it would be without the parameter.
//
// Calls a program makes on `rt`:
//   log(label, v)               record ["label", v]
//   bind(name, promise)         name a promise (for the trace and the final states); returns it
//   let(name, v)                bind anything; objects bound this way show in the trace as {"ref"}
//   get(name)                   what a name is bound to; ReferenceError when unbound
//   keep(name, res, rej)        remember an executor's functions for {"resolve": v, "of": name}
//   deferred(name, {promise, resolve, reject})
//   resolveOf(name, v) / rejectOf(name, v)
//   error(ctor, message?)       an error made by the case (keeps its message in the trace)
//   setTimeout(fn, ms)          a virtual timer
//   guard(fn)                   fn, recording a throw that escapes it as {"uncaught": v}
const util = require('util');
const sloppy = require('./sloppy.js');

const ERRORS = {Error, TypeError, RangeError, ReferenceError, SyntaxError};
const TIMEOUT_MAX = 2 ** 31 - 1;     // Node's bound; longer or invalid delays become 1 ms
const MAX_EVENTS = 100000;           // a runaway case stops being recorded and fails
const MAX_TIMERS_RUN = 100000;
const MAX_DEPTH = 64;                // encoding depth bound (values are trees, but be safe)

// Progress, for the runner's watchdog (run.js): a counter in shared memory that every call a
// program makes on `rt` and every turn of the host loop (a timer callback, the final inspection)
// moves on. A library that spins on its own queue forever moves it no more, and the watchdog, on
// another thread, stops the case long before a case that keeps working would be stopped.
let progress = null;  // an Int32Array over a SharedArrayBuffer, or null: nobody watches
function setProgressCounter(counter) {
  progress = counter;
}
function tick() {
  if (progress !== null) Atomics.add(progress, 0, 1);
}

// The one case being recorded. Process-wide listeners consult it, so that an event Node emits
// for a case that is over (or during the final inspection) is never recorded anywhere.
let active = null;

// Node's own reports only: a library may emit these events for its own promises (bluebird does),
// which are not the host's rejection tracking (README.md, "The library").
process.on('unhandledRejection', (reason, promise) => {
  if (!util.types.isPromise(promise)) return;
  if (active && active.recording) active.push({unhandled: active.promiseName(promise), reason: active.encode(reason)});
});
process.on('rejectionHandled', (promise) => {
  if (!util.types.isPromise(promise)) return;
  if (active && active.recording) active.push({handled: active.promiseName(promise)});
});

class Recorder {
  constructor(promiseNames, Library) {
    this.declared = promiseNames;       // names of the case's promises, for the final states
    this.Library = Library;             // the promise constructor under test
    this.events = [];
    this.recording = true;
    this.failure = null;
    this.bindings = new Map();          // name -> value
    this.names = new WeakMap();         // promise -> first name it was bound to
    this.refs = new WeakMap();          // object bound by let -> name
    this.resolvers = new Map();         // name -> {resolve, reject}
    this.caseErrors = new WeakMap();    // error made by the case -> its form in the trace
    this.clock = 0;
    this.timers = [];                   // {due, seq, fn}, kept sorted by (due, seq)
    this.timerIds = new Map();          // a timer's id (from the case) -> the timer, for clearTimer
    this.timerSeq = 0;
    this.timersRun = 0;
    this.rt = this.makeApi();
  }

  // Stops recording for good; the case ends as a failure. Never throws: it is also called from
  // Node's process events, where a throw would be a real uncaught exception.
  fail(message) {
    if (!this.failure) this.failure = message;
    this.recording = false;
  }

  push(event) {
    if (this.events.length >= MAX_EVENTS) {
      this.runaway = true;  // a hang, as the harness counts failures: the case would never end
      return this.fail(`more than ${MAX_EVENTS} events: a runaway case`);
    }
    this.events.push(event);
  }

  promiseName(p) {
    return this.names.has(p) ? this.names.get(p) : null;
  }

  // A promise of the engine (async functions make those whatever the library) or of the library.
  isPromise(v) {
    return util.types.isPromise(v) || v instanceof this.Library;
  }

  // --- value encoding (spec/case-language.md, "The trace") ----------------------------------

  encode(v, depth = 0) {
    if (depth > MAX_DEPTH) return {tooDeep: true};
    switch (typeof v) {
      case 'undefined': return {undefined: true};
      case 'string': case 'boolean': return v;
      case 'number':
        if (Number.isNaN(v)) return {number: 'NaN'};
        if (!Number.isFinite(v)) return {number: v > 0 ? 'Infinity' : '-Infinity'};
        return v;
      case 'function': return this.refs.has(v) ? {ref: this.refs.get(v)} : {function: true};
      case 'symbol': return {symbol: v.description === undefined ? '' : v.description};
      case 'object': break;
      default: return {unsupported: typeof v};
    }
    if (v === null) return null;
    if (v === globalThis) return {globalObject: true};
    if (this.isPromise(v)) return {promise: this.promiseName(v)};
    if (this.refs.has(v)) return {ref: this.refs.get(v)};
    if (this.caseErrors.has(v)) return this.caseErrors.get(v);
    if (util.types.isNativeError(v)) {
      const out = {error: typeof v.name === 'string' ? v.name : 'Error'};
      if (v instanceof AggregateError) out.errors = this.encode(v.errors, depth + 1);
      return out;
    }
    if (Array.isArray(v)) return Array.from(v, (e) => this.encode(e, depth + 1));
    // Own data properties only: reading an accessor would run case code (a thenable's getter).
    const fields = Object.create(null);  // so that a "__proto__" key is data, not the prototype
    for (const k of Object.keys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      fields[k] = 'value' in d ? this.encode(d.value, depth + 1) : {accessor: true};
    }
    return {object: fields};
  }

  // --- the API of generated programs --------------------------------------------------------

  makeApi() {
    const self = this;
    // Once a case has failed (a runaway), every call throws: that ends the loops that go
    // through the runtime (a thenable adopting itself forever) instead of spinning until killed.
    const live = () => {
      tick();
      if (self.failure) throw new Error(`case aborted: ${self.failure}`);
    };
    const lookup = (name) => {
      live();
      if (!self.bindings.has(name)) throw new ReferenceError(`${name} is not bound`);
      return self.bindings.get(name);
    };
    const resolversOf = (name) => {
      if (!self.resolvers.has(name)) throw new ReferenceError(`${name} is not bound`);
      return self.resolvers.get(name);
    };
    return Object.freeze({
      log(label, v) {
        live();
        if (self.recording) self.push([label, self.encode(v)]);
      },
      bind(name, p) {
        live();
        self.bindings.set(name, p);
        // An own then may return anything; only an object can carry a name.
        if (Object(p) === p && !self.names.has(p)) self.names.set(p, name);
        return p;
      },
      let(name, v) {
        live();
        self.bindings.set(name, v);
        if ((typeof v === 'object' && v !== null) || typeof v === 'function') {
          if (!self.isPromise(v) && !self.refs.has(v)) self.refs.set(v, name);
        }
        return v;
      },
      get: lookup,
      keep(name, resolve, reject) {
        live();
        self.resolvers.set(name, {resolve, reject});
      },
      deferred(name, d) {
        tick();
        self.resolvers.set(name, {resolve: d.resolve, reject: d.reject});
        return this.bind(name, d.promise);
      },
      resolveOf(name, v) {
        live();
        return resolversOf(name).resolve(v);
      },
      rejectOf(name, v) {
        live();
        return resolversOf(name).reject(v);
      },
      error(ctor, message) {
        tick();
        const e = message === undefined ? new ERRORS[ctor]() : new ERRORS[ctor](message);
        self.caseErrors.set(e, message === undefined ? {error: ctor} : {error: ctor, message});
        return e;
      },
      setTimeout(fn, ms, id) {
        live();
        let delay = Number(ms);
        if (!(delay >= 1 && delay <= TIMEOUT_MAX)) delay = 1;
        const timer = {due: self.clock + delay, seq: self.timerSeq++, fn};
        if (id !== undefined) self.timerIds.set(id, timer);
        self.addTimer(timer);
      },
      // clearTimeout: a timer that already ran, or an id never set, is left alone.
      clearTimeout(id) {
        live();
        const i = self.timers.indexOf(self.timerIds.get(id));
        if (i >= 0) self.timers.splice(i, 1);
      },
      guard(fn) {
        return () => self.runGuarded(fn);
      },
      sloppy,
    });
  }

  addTimer(t) {
    let i = this.timers.length;
    while (i > 0 && (this.timers[i - 1].due > t.due)) i--;
    this.timers.splice(i, 0, t);  // after every timer due no later: ties keep scheduling order
  }

  runGuarded(fn) {
    tick();
    try {
      fn();
    } catch (e) {
      if (this.recording) this.push({uncaught: this.encode(e)});
    }
  }

  result() {
    return {events: this.events, failure: this.failure};
  }
}

// The built-in properties a case may replace (spec/case-language.md, "Built-ins"): each one's
// descriptor before the case, or undefined where it had none, so that the next case finds them as
// they were. The library's own methods are read through these (its then, to read final states), so
// they are taken before the case starts as well.
const NATIVE_THEN = Promise.prototype.then;
const NATIVE_PROMISE = Promise;

// then.call(p, onFulfilled, onRejected) without running the case's code: the native then reads
// p.constructor at once (SpeciesConstructor), so a "constructor" the case gave p is shadowed by
// %Promise% for that call and put back after it.
function readState(then, p, onFulfilled, onRejected) {
  const own = util.types.isPromise(p) ? Object.getOwnPropertyDescriptor(p, 'constructor') : undefined;
  if (own) Object.defineProperty(p, 'constructor', {value: NATIVE_PROMISE, writable: true, configurable: true});
  try {
    then.call(p, onFulfilled, onRejected);
  } finally {
    if (own) Object.defineProperty(p, 'constructor', own);
  }
}

function saveBuiltins(Library) {
  return [[Library, 'resolve'], [Library.prototype, 'then'], [Array.prototype, 'then']]
    .filter(([object]) => Object(object) === object)  // a library constructor without a prototype object
    .map(([object, key]) => ({object, key, descriptor: Object.getOwnPropertyDescriptor(object, key)}));
}

function restoreBuiltins(saved) {
  for (const {object, key, descriptor} of saved) {
    try {
      if (descriptor) Object.defineProperty(object, key, descriptor);
      else delete object[key];
    } catch {}  // a library that froze its prototype: the case could not have changed it either
  }
}

// Runs one translated program (a function of `rt` and the promise constructor `Library`) and
// calls done({trace, final} | {failure}) once nothing is left to run and the final states have
// been read. `Library` is the global Promise for V8's own promises.
function runCase(program, promiseNames, Library, done) {
  if (active) throw new Error('runCase: a case is already running');
  const rec = new Recorder(promiseNames, Library);
  active = rec;
  const builtins = saveBuiltins(Library);
  const finish = (out) => {
    restoreBuiltins(builtins);
    active = null;
    done(out);
  };

  const step = () => {
    tick();
    if (rec.failure) return inspect();
    const next = rec.timers.shift();
    if (!next) return inspect();
    if (++rec.timersRun > MAX_TIMERS_RUN) {
      rec.failure = `more than ${MAX_TIMERS_RUN} timer callbacks: a runaway case`;
      rec.runaway = true;
      return inspect();
    }
    rec.clock = next.due;
    rec.runGuarded(next.fn);
    setImmediate(step);
  };

  // Attach a pair of handlers to every named promise with recording off, and read the states
  // one macrotask later, after Node has drained the reactions and emitted (to nobody) the
  // 'rejectionHandled' events that attaching them causes. A native promise (also one of a
  // library that subclasses Promise) is read with the native `then`, which no library can
  // change; any other with the library's. Either way, a library whose reactions wait for a later
  // macrotask would be read too early: its jobs must run in the microtask checkpoint.
  // The methods final states are read with, taken before the case could replace them.
  const nativeThen = NATIVE_THEN;
  const libraryThen = Library.prototype.then;
  const inspect = () => {
    tick();
    rec.recording = false;
    const final = Object.create(null);  // names are the case's: "__proto__" is one like any other
    for (const name of rec.declared) {
      if (!rec.bindings.has(name)) continue;  // its statement never ran: nothing was bound
      const p = rec.bindings.get(name);
      // "as" binds whatever the call returned: an own then may return a non-promise, which has no
      // final state (the interpreter skips it too).
      if (!util.types.isPromise(p) && !(p instanceof rec.Library)) continue;
      final[name] = ['pending'];
      const then = util.types.isPromise(p) ? nativeThen : libraryThen;
      readState(then, p,
        (v) => { final[name] = ['fulfilled', rec.encode(v)]; },
        (r) => { final[name] = ['rejected', rec.encode(r)]; });
    }
    setImmediate(() => setImmediate(() => {
      if (rec.failure) return finish(rec.runaway ? {failure: rec.failure, failureKind: 'hang'} : {failure: rec.failure});
      finish({trace: rec.events, final});
    }));
  };

  setImmediate(() => {
    rec.runGuarded(() => program(rec.rt, Library));
    setImmediate(step);
  });
}

module.exports = {runCase, setProgressCounter};
