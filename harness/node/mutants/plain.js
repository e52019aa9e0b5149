'use strict';
// Plain: a small, correct Promises/A+ promise, written for this project as the unmutated subject of
// the mutants (README.md). Its jobs are those of ECMA-262 (a reaction job per handler, one job to call
// a thenable's `then`), each a microtask, so on most cases it gives V8's trace job for job. It keeps
// no species, subclassing or rejection tracking. mutants.js derives each mutant from this text by one
// textual patch, so a change here may need a patch there: `node mutants/run-mutants.js --list` checks
// that every patch still applies exactly once.
const PENDING = 'pending';
const FULFILLED = 'fulfilled';
const REJECTED = 'rejected';

const schedule = (job) => queueMicrotask(job);

// A+ 2.2.7 / ES NewPromiseReactionJob: runs one handler on a settled promise's value and settles the
// promise then returned with what the handler gives.
function runReaction(reaction, state, value) {
  const handler = state === FULFILLED ? reaction.onFulfilled : reaction.onRejected;
  if (handler === undefined) {
    if (state === FULFILLED) reaction.resolve(value);
    else reaction.reject(value);
    return;
  }
  let result;
  try {
    result = handler(value);
  } catch (e) {
    reaction.reject(e);
    return;
  }
  reaction.resolve(result);
}

// A+ 2.1: a pending promise becomes fulfilled or rejected, and its handlers are queued in order.
function settle(promise, state, value) {
  const reactions = promise._reactions;
  promise._state = state;
  promise._value = value;
  promise._reactions = [];
  for (const reaction of reactions) schedule(() => runReaction(reaction, state, value));
}

// ES NewPromiseResolveThenableJob: calls a thenable's `then` with fresh resolving functions.
function adoptThenable(promise, thenable, then) {
  const {resolve, reject} = resolvingFunctions(promise);
  try {
    then.call(thenable, resolve, reject);
  } catch (e) {
    reject(e);
  }
}

// A+ 2.3, the Promise Resolution Procedure (ES Promise Resolve Functions, steps 7-16).
function resolvePromise(promise, x) {
  if (x === promise) {
    settle(promise, REJECTED, new TypeError('a promise cannot be resolved with itself'));
    return;
  }
  if (x === null || (typeof x !== 'object' && typeof x !== 'function')) {
    settle(promise, FULFILLED, x);
    return;
  }
  let then;
  try {
    then = x.then;
  } catch (e) {
    settle(promise, REJECTED, e);
    return;
  }
  if (typeof then !== 'function') {
    settle(promise, FULFILLED, x);
    return;
  }
  schedule(() => adoptThenable(promise, x, then));
}

// ES CreateResolvingFunctions: a resolve and a reject of which only the first call counts.
function resolvingFunctions(promise) {
  const first = firstCallOnly();
  return {resolve: first((x) => resolvePromise(promise, x)), reject: first((r) => settle(promise, REJECTED, r))};
}

// A guard shared by functions: `first(f)` does what f does if it is the first of them called, and
// nothing otherwise (ES's alreadyResolved and the combinators' alreadyCalled).
function firstCallOnly() {
  let called = false;
  return (f) => (x) => {
    if (called) return;
    called = true;
    f(x);
  };
}

const callable = (f) => (typeof f === 'function' ? f : undefined);

class Plain {
  constructor(executor) {
    if (typeof executor !== 'function') throw new TypeError('Plain needs an executor function');
    this._state = PENDING;
    this._value = undefined;
    this._reactions = [];
    const {resolve, reject} = resolvingFunctions(this);
    try {
      executor(resolve, reject);
    } catch (e) {
      reject(e);
    }
  }

  // A+ 2.2 / ES PerformPromiseThen.
  then(onFulfilled, onRejected) {
    if (!(this instanceof Plain)) throw new TypeError('Plain.prototype.then called on something else');
    const {promise, resolve, reject} = Plain.withResolvers();
    const reaction = {onFulfilled: callable(onFulfilled), onRejected: callable(onRejected), promise, resolve, reject};
    if (this._state === PENDING) this._reactions.push(reaction);
    else schedule(() => runReaction(reaction, this._state, this._value));
    return promise;
  }

  catch(onRejected) {
    return this.then(undefined, onRejected);
  }

  // ES Promise.prototype.finally: onFinally runs with no argument, and the promise it returns (if
  // any) is waited for; its value is dropped, a rejection or throw from it wins.
  finally(onFinally) {
    if (typeof onFinally !== 'function') return this.then(onFinally, onFinally);
    return this.then(
      (value) => Plain.resolve(onFinally()).then(() => value),
      (reason) => Plain.resolve(onFinally()).then(() => {
        throw reason;
      }));
  }

  static withResolvers() {
    let resolve;
    let reject;
    const promise = new Plain((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return {promise, resolve, reject};
  }

  // ES PromiseResolve: a promise of ours is returned as it is.
  static resolve(x) {
    if (x instanceof Plain && x.constructor === Plain) return x;
    return new Plain((resolve) => resolve(x));
  }

  static reject(r) {
    return new Plain((resolve, reject) => reject(r));
  }

  static try(f, ...args) {
    return new Plain((resolve) => resolve(f(...args)));
  }

  static all(iterable) {
    return combine(iterable, (each, resolve, reject) => {
      const values = [];
      let remaining = 1;
      each((next, index) => {
        remaining++;
        next.then(firstCallOnly()((v) => {
          values[index] = v;
          if (--remaining === 0) resolve(values);
        }), reject);
      });
      if (--remaining === 0) resolve(values);
    });
  }

  static allSettled(iterable) {
    return combine(iterable, (each, resolve) => {
      const results = [];
      let remaining = 1;
      each((next, index) => {
        remaining++;
        const first = firstCallOnly();
        const record = (result) => {
          results[index] = result;
          if (--remaining === 0) resolve(results);
        };
        next.then(first((value) => record({status: FULFILLED, value})),
          first((reason) => record({status: REJECTED, reason})));
      });
      if (--remaining === 0) resolve(results);
    });
  }

  static any(iterable) {
    return combine(iterable, (each, resolve, reject) => {
      const errors = [];
      let remaining = 1;
      const allRejected = () => reject(new AggregateError(errors, 'All promises were rejected'));
      each((next, index) => {
        remaining++;
        next.then(resolve, firstCallOnly()((reason) => {
          errors[index] = reason;
          if (--remaining === 0) allRejected();
        }));
      });
      if (--remaining === 0) allRejected();
    });
  }

  static race(iterable) {
    return combine(iterable, (each, resolve, reject) => {
      each((next) => next.then(resolve, reject));
    });
  }
}

// The frame of the ES combinators: a new promise, and `start(each, resolve, reject)`, where `each(f)`
// calls f(Plain.resolve(element), index) for each element of the iterable and returns their count.
// Whatever throws (a non-iterable, a `then` that throws) rejects the promise.
function combine(iterable, start) {
  const {promise, resolve, reject} = Plain.withResolvers();
  const each = (f) => {
    let index = 0;
    for (const x of iterable) f(Plain.resolve(x), index++);
    return index;
  };
  try {
    start(each, resolve, reject);
  } catch (e) {
    reject(e);
  }
  return promise;
}

module.exports = Plain;
