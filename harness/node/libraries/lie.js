'use strict';
// lie 3.3.0, scheduling with `immediate` (process.nextTick in Node).
module.exports = require('lie');
