'use strict';
// q 2.0.3 (installed as q2): its constructor Q.Promise, with Q's statics under their ES names when Q
// has them (resolve is Q itself: Q.resolve is deprecated), and Q.defer as withResolvers.
const Q = require('q2');
const {withResolversFromDefer} = require('./support.js');
const P = Q.Promise;
const statics = {resolve: (v) => Q(v), reject: Q.reject, all: Q.all, allSettled: Q.allSettled, race: Q.race,
  any: Q.any, try: Q.try};
for (const [name, f] of Object.entries(statics)) {
  if (typeof f === 'function') P[name] = f;
}
P.withResolvers = withResolversFromDefer(() => Q.defer());
module.exports = P;
