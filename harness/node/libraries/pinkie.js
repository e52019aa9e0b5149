'use strict';
// pinkie 2.0.4, whose scheduler is setImmediate: loaded with a microtask one in its place.
const {requireOnMicrotasks} = require('./support.js');
module.exports = requireOnMicrotasks('pinkie');
