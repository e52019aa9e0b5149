'use strict';
// promise 8.3.0 (then/promise), scheduling with asap (process.nextTick).
module.exports = require('promise');
