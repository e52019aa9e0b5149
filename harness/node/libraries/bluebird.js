'use strict';
// bluebird 3.7.2, a copy of its own (its settings stay here), scheduling on microtasks: in Node it
// uses setImmediate, which the host loop cannot wait for (README.md, "The library").
const {withResolversFromDefer} = require('./support.js');
const P = require('bluebird').getNewLibraryCopy();
P.setScheduler((job) => queueMicrotask(job));
P.config({warnings: false, longStackTraces: false, cancellation: false, monitoring: false});
P.withResolvers = withResolversFromDefer(() => P.defer());
module.exports = P;
