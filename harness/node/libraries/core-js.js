'use strict';
// core-js 3's own Promise, not V8's: core-js keeps a native Promise it judges correct, so it is
// loaded while the global Promise is hidden, which makes it build its polyfill (scheduling on
// process.nextTick in Node) and install it as the global, which is then put back as it was.
const {withoutGlobalPromise} = require('./support.js');
module.exports = withoutGlobalPromise(() => {
  require('core-js/es/promise');
  return globalThis.Promise;
});
