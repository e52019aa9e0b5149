// The node side of `promise-conformance bench` (harness/bench/): one workload, run once, on V8's own
// Promise. Usage: node bench.js WORKLOAD N. Prints the seconds the workload took, measured from its
// first statement to the job that checks its result; anything else on stdout (or a non-zero exit)
// is a failure. The C++ twin of every workload is in harness/bench/reference_workloads.cpp.
'use strict';

function fail(message) {
  process.stdout.write(`error: ${message}\n`);
  process.exit(1);
}

const workloads = {
  chain(n, done) {
    let resolveRoot;
    const root = new Promise((resolve) => { resolveRoot = resolve; });
    const increment = (x) => x + 1;
    let tail = root;
    for (let i = 0; i < n; i++) tail = tail.then(increment);
    resolveRoot(0);
    tail.then((v) => done(v === n, `chain ended with ${v}`));
  },
  'fan-out'(n, done) {
    let resolveRoot;
    const root = new Promise((resolve) => { resolveRoot = resolve; });
    let count = 0;
    const handler = () => { count++; };
    for (let i = 0; i < n; i++) root.then(handler);
    resolveRoot(1);
    queueMicrotask(() => done(count === n, `${count} handlers ran`));  // after the N handler jobs
  },
  all(n, done) {
    const promises = [];
    for (let i = 0; i < n; i++) promises.push(Promise.resolve(i));
    Promise.all(promises).then((values) => done(values.length === n && (n === 0 || values[n - 1] === n - 1),
                                                 'the result is not the array of the N values'));
  },
  await(n, done) {
    async function f() {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += await i;
      return sum;
    }
    f().then((sum) => done(sum === n * (n - 1) / 2, `await summed ${sum}`));
  },
  deferred(n, done) {
    const resolvers = [];
    const executor = (resolve) => { resolvers.push(resolve); };
    let count = 0;
    const handler = () => { count++; };
    for (let i = 0; i < n; i++) new Promise(executor).then(handler);
    for (let i = 0; i < n; i++) resolvers[i](i);
    queueMicrotask(() => done(count === n, `${count} handlers ran`));  // after the N handler jobs
  },
};

const [name, nText] = process.argv.slice(2);
const n = Number(nText);
if (!Object.hasOwn(workloads, name)) fail(`no workload named ${name}`);
if (!Number.isSafeInteger(n) || n < 0) fail(`N must be a count, not ${nText}`);
const start = process.hrtime.bigint();
workloads[name](n, (ok, why) => {
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (!ok) fail(why);
  process.stdout.write(`${seconds}\n`);
});
