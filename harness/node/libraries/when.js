'use strict';
// when 3.7.8: its ES-style constructor when.Promise (a fresh scheduler on process.nextTick in Node),
// with when.defer as withResolvers.
const when = require('when');
const {withResolversFromDefer} = require('./support.js');
const P = when.Promise;
P.withResolvers = withResolversFromDefer(() => when.defer());
module.exports = P;
