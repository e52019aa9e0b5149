'use strict';
// q 1.5.1 (installed as q1): Q.Promise(resolver) as the constructor, whose promises' prototype is
// Q.makePromise.prototype; Q's statics under their ES names when Q has them (resolve is Q itself); Q.defer as
// withResolvers. Q schedules on its own queue flushed by process.nextTick.
const Q = require('q1');
const {withResolversFromDefer} = require('./support.js');
function QPromise(executor) {
  return Q.Promise(executor);
}
QPromise.prototype = Q.makePromise.prototype;
const statics = {resolve: (v) => Q(v), reject: Q.reject, all: Q.all, allSettled: Q.allSettled, race: Q.race,
  any: Q.any, try: Q.try};
for (const [name, f] of Object.entries(statics)) {
  if (typeof f === 'function') QPromise[name] = f;
}
QPromise.withResolvers = withResolversFromDefer(() => Q.defer());
module.exports = QPromise;
