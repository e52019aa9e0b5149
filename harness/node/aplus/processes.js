'use strict';
// Child processes for the generators of reports (side-by-side.js, ../mutants/run-mutants.js): run
// one and collect its output, or run many with a bound on how many at once.
const {spawn} = require('child_process');

// Runs `argv` and resolves {code, stdout, stderr, timedOut}; past `timeoutMs` (0: never) the child is
// killed.
function run(argv, timeoutMs) {
  return new Promise((resolve) => {
    const child = spawn(argv[0], argv.slice(1), {stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const timer = timeoutMs ? setTimeout(() => { timedOut = true; child.kill('SIGKILL'); }, timeoutMs) : null;
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({code, stdout, stderr, timedOut});
    });
  });
}

// Runs the jobs (functions returning promises) at most `n` at a time, results in order.
async function pool(jobs, n) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]();
    }
  };
  await Promise.all(Array.from({length: Math.min(n, jobs.length)}, worker));
  return results;
}

module.exports = {run, pool};
