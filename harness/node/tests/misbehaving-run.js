'use strict';
// The runner of the node subject's robustness tests (NodeOptions::runner): run.js, except that it
// hangs (without using the CPU) when it reaches a case with the id "hangs", loops forever on the CPU
// at "spins", and exits with status 70 when it reaches one with the id "dies", having answered every case before it. The C++ side's
// time bound and crash handling are tested with it; run.js itself knows nothing of tests.
const {parseArguments, loadLibrary, readInputs, caseId, runOne, announceReady} = require('../run.js');

const args = parseArguments(process.argv.slice(2));
const library = loadLibrary(args.library);
const inputs = readInputs(args.files);
announceReady();

const next = (i) => {
  if (i === inputs.length) return;
  const id = caseId(inputs[i]);
  if (id === 'hangs') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  if (id === 'spins') for (;;);
  if (id === 'dies') process.exit(70);
  runOne(inputs[i], library, (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    setImmediate(() => next(i + 1));
  });
};
next(0);
