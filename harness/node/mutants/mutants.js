'use strict';
// The mutants of Plain (plain.js): each is one fault, made by one textual patch of plain.js that
// must apply exactly once. `load(name)` runs the patched text as a module and returns its
// constructor, so a mutant is a library like any other (a prelude of `js:PATH`, README.md).
const fs = require('fs');
const path = require('path');
const {requireSource} = require('../libraries/support.js');

const PLAIN = path.join(__dirname, 'plain.js');

// name: what the matrix calls it; fault: one sentence; find / replace: the patch.
const MUTANTS = [
  {name: 'sync-then', fault: '`then` on a settled promise runs the handler at once, inside `then`, instead of in a later job.',
    find: 'else schedule(() => runReaction(reaction, this._state, this._value));',
    replace: 'else runReaction(reaction, this._state, this._value);'},
  {name: 'sync-settle', fault: 'settling a pending promise runs its handlers at once, inside resolve or reject.',
    find: 'for (const reaction of reactions) schedule(() => runReaction(reaction, state, value));',
    replace: 'for (const reaction of reactions) runReaction(reaction, state, value);'},
  {name: 'no-single-resolution-guard',
    fault: 'resolve and reject keep no record of having been called, so a later call settles the promise again.',
    find: '    if (called) return;\n', replace: ''},
  {name: 'lifo-handlers', fault: 'the handlers of a pending promise run last registered first.',
    find: 'this._reactions.push(reaction);', replace: 'this._reactions.unshift(reaction);'},
  {name: 'then-read-twice',
    fault: 'a thenable\'s `then` is read again when it is called, instead of calling the function read once.',
    find: 'then.call(thenable, resolve, reject);', replace: 'thenable.then(resolve, reject);'},
  {name: 'no-self-resolution-error',
    fault: 'resolving a promise with itself is not rejected with a TypeError: the promise adopts itself and stays pending.',
    find: 'if (x === promise) {', replace: 'if (false) {'},
  {name: 'no-rejection-pass-through',
    fault: 'a `then` without onRejected leaves its promise pending when the original rejects, instead of rejecting it.',
    find: '    else reaction.reject(value);\n', replace: ''},
  {name: 'handlers-called-with-this',
    fault: 'handlers are called with the promise they settle as `this`, instead of as plain functions.',
    find: 'result = handler(value);', replace: 'result = handler.call(reaction.promise, value);'},
  {name: 'swallowed-handler-exception',
    fault: 'a handler that throws fulfils its promise with undefined instead of rejecting it with the exception.',
    find: '    reaction.reject(e);\n    return;\n', replace: ''},
  {name: 'sync-thenable-adoption',
    fault: 'a thenable\'s `then` is called at once, inside resolve, instead of in a job of its own.',
    find: 'schedule(() => adoptThenable(promise, x, then));', replace: 'adoptThenable(promise, x, then);'},
  {name: 'unguarded-thenable-then',
    fault: 'an exception thrown by a thenable\'s `then` is not caught: it escapes the job (and is lost) and the promise stays pending.',
    find: '  try {\n    then.call(thenable, resolve, reject);\n  } catch (e) {\n    reject(e);\n  }\n',
    replace: '  then.call(thenable, resolve, reject);\n'},
  {name: 'throw-after-resolve-rejects',
    fault: 'a thenable\'s `then` that throws after calling back still rejects the promise, bypassing the guard.',
    find: 'then.call(thenable, resolve, reject);\n  } catch (e) {\n    reject(e);',
    replace: 'then.call(thenable, resolve, reject);\n  } catch (e) {\n    settle(promise, REJECTED, e);'},
  {name: 'throwing-then-getter-fulfils',
    fault: 'a `then` getter that throws fulfils the promise with the object instead of rejecting it with the exception.',
    find: '    settle(promise, REJECTED, e);\n    return;\n  }\n  if (typeof then',
    replace: '    settle(promise, FULFILLED, x);\n    return;\n  }\n  if (typeof then'},
  {name: 'only-own-promises-adopted',
    fault: 'only promises of this library are adopted; any other thenable fulfils the promise as a plain value.',
    find: 'if (typeof then !== \'function\') {', replace: 'if (typeof then !== \'function\' || !(x instanceof Plain)) {'},
  {name: 'non-function-handler-called',
    fault: 'a fulfilment handler that is not a function is called anyway (and throws) instead of being ignored.',
    find: '{onFulfilled: callable(onFulfilled),', replace: '{onFulfilled,'},
  {name: 'then-returns-this', fault: '`then` returns the promise it was called on instead of a new one.',
    find: '    return promise;\n  }\n\n  catch(', replace: '    return this;\n  }\n\n  catch('},
  {name: 'executor-throw-escapes',
    fault: 'an executor that throws makes the constructor throw instead of rejecting the promise.',
    find: '    try {\n      executor(resolve, reject);\n    } catch (e) {\n      reject(e);\n    }\n',
    replace: '    executor(resolve, reject);\n'},
  {name: 'catch-as-then', fault: '`catch(f)` registers f as the fulfilment handler instead of the rejection one.',
    find: 'return this.then(undefined, onRejected);', replace: 'return this.then(onRejected);'},
  {name: 'finally-passes-its-own-value',
    fault: 'the promise `finally` returns fulfils with what onFinally returned instead of the original value.',
    find: '(value) => Plain.resolve(onFinally()).then(() => value),', replace: '(value) => Plain.resolve(onFinally()),'},
  {name: 'finally-passes-an-argument', fault: 'onFinally is called with the value instead of with no argument.',
    find: '(value) => Plain.resolve(onFinally()).then(() => value),',
    replace: '(value) => Plain.resolve(onFinally(value)).then(() => value),'},
  {name: 'finally-swallows-rejection',
    fault: '`finally` on a rejected promise fulfils with the reason instead of rejecting with it again.',
    find: 'throw reason;', replace: 'return reason;'},
  {name: 'all-resolves-early',
    fault: '`all` counts its inputs from zero instead of one, so it fulfils when all but one have (and never when there are none).',
    find: 'const values = [];\n      let remaining = 1;', replace: 'const values = [];\n      let remaining = 0;'},
  {name: 'all-values-in-settlement-order',
    fault: '`all` lists the values in the order the inputs fulfil instead of the order of the inputs.',
    find: 'values[index] = v;', replace: 'values.push(v);'},
  {name: 'race-empty-resolves', fault: '`race([])` fulfils with undefined instead of staying pending forever.',
    find: 'each((next) => next.then(resolve, reject));', replace: 'if (each((next) => next.then(resolve, reject)) === 0) resolve();'},
  {name: 'race-ignores-rejections', fault: '`race` settles only on a fulfilment: a rejection that comes first is ignored.',
    find: 'each((next) => next.then(resolve, reject));', replace: 'each((next) => next.then(resolve));'},
  {name: 'any-rejects-with-first-reason',
    fault: '`any` rejects with the first reason as soon as one input rejects, instead of with an AggregateError once all have.',
    find: 'errors[index] = reason;\n          if (--remaining === 0) allRejected();', replace: 'reject(reason);'},
];

const occurrences = (text, part) => text.split(part).length - 1;

// The text of plain.js with the mutant's patch applied; throws when the patch does not apply exactly
// once (plain.js changed under it).
function mutatedSource(name) {
  const m = MUTANTS.find((x) => x.name === name);
  if (!m) throw new Error(`no mutant named ${JSON.stringify(name)} (mutants.js lists them)`);
  const text = fs.readFileSync(PLAIN, 'utf8');
  const n = occurrences(text, m.find);
  if (n !== 1) throw new Error(`mutant ${name}: its patch matches ${n} places of plain.js, not one`);
  return text.replace(m.find, () => m.replace);
}

// Plain's jobs never throw: it guards every call of user code. A mutant's may (unguarded-thenable-then),
// and in Node an exception escaping a microtask ends the process, which the node subject charges to
// the case as a crash and pays for with a new process, hundreds of times over. So a mutant's jobs
// drop what escapes them: its promise stays pending, which the cases see as well.
function queueDroppingEscapes(job) {
  queueMicrotask(() => {
    try {
      job();
    } catch {
      // dropped: see above
    }
  });
}

// The constructor of the mutant `name`.
const load = (name) => requireSource(PLAIN, mutatedSource(name), {queueMicrotask: queueDroppingEscapes});

module.exports = {MUTANTS, PLAIN, mutatedSource, load};
