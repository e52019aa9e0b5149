'use strict';
// es6-promise 4.2.8, the polyfill's own Promise (not installed as the global; process.nextTick).
module.exports = require('es6-promise').Promise;
