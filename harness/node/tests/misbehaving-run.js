'use strict';
// The runner of the node subject's robustness tests (NodeOptions::runner): run.js, whose worker
// thread misbehaves at some case ids. The harness's time bound and crash handling, and run.js's
// watch over its worker, are tested with it; run.js itself knows nothing of tests. At the id
//   hangs              it blocks (without using the CPU) forever;
//   spins              it loops forever on the CPU, moving the progress counter as a case that
//                      keeps calling into the runtime would (only the CPU budget stops it);
//   stalls             it loops forever on the CPU without progress, as a library spinning on its
//                      own queue does;
//   dies               it exits with status 70, having answered every case before it;
//   throws-later       it answers, and its next job throws (an uncaught exception, as q 1.5.1
//                      rethrows a handler's error);
//   leaves-a-timer     it answers, leaving a timer behind (which the runner clears once the next
//                      case has started, or after the last case);
//   dies-unless-first  it exits with status 71 unless it is the first case its worker runs.
const {isMainThread, workerData} = require('worker_threads');
const {main, runOne, serveCases, caseId} = require('../run.js');

if (isMainThread) {
  main(process.argv.slice(2), __filename);
} else {
  let ran = 0;
  let left = null;  // the timer a leaves-a-timer case left behind
  serveCases((input, library, done) => {
    const id = caseId(input);
    const first = ran++ === 0;
    clearTimeout(left);  // the case has started (run.js has looked at what was left behind)
    const last = ran === workerData.inputs.end - workerData.inputs.first;
    const answer = (result) => {
      if (last) clearTimeout(left);
      done(result);
    };
    if (id === 'hangs') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
    if (id === 'spins') for (;;) Atomics.add(workerData.progress, 0, 1);
    if (id === 'stalls') for (;;);
    if (id === 'dies') process.exit(70);
    if (id === 'dies-unless-first' && !first) process.exit(71);
    runOne(input, library, (result) => {
      if (id === 'throws-later') setImmediate(() => { throw new Error('thrown after the case answered'); });
      if (id === 'leaves-a-timer') left = setTimeout(() => {}, 60000);
      answer(result);
    });
  });
}
