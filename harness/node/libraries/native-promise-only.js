'use strict';
// native-promise-only 0.8.1: it exports the global Promise when there is one, so it is loaded while
// that is hidden; its scheduler is setImmediate, so it is loaded with a microtask one in its place.
// Its promises carry `then` and `catch` as their own properties, none on the prototype: the
// prototype gets a `then` that calls the promise's own, as the runner needs (README.md).
const {requireOnMicrotasks, withoutGlobalPromise} = require('./support.js');
const P = withoutGlobalPromise(() => requireOnMicrotasks('native-promise-only'));
Object.defineProperty(P.prototype, 'then', {
  value: function then(onFulfilled, onRejected) {
    return Object.getOwnPropertyDescriptor(this, 'then').value.call(this, onFulfilled, onRejected);
  },
  writable: true, configurable: true,
});
module.exports = P;
