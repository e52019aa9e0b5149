'use strict';
// translate.js: what a case cannot do to the generated source, and what it is told when it is wrong.
const test = require('node:test');
const assert = require('node:assert/strict');
const vm = require('node:vm');
const {translate, promiseNames} = require('../../translate.js');
const {runCase} = require('../../runtime.js');

// Runs a case in this process and resolves with {trace, final} or {failure}.
function run(testCase) {
  const program = vm.runInThisContext(translate(testCase));
  return new Promise((done) => runCase(program, promiseNames(testCase), Promise, done));
}

// What the runner writes and the harness reads.
const asJson = (x) => JSON.parse(JSON.stringify(x));

// Strings that would end a string literal, a comment, a template, a line or a script element.
const ATTACKS = [
  '"); globalThis.pwned = 1; ("',
  "'); globalThis.pwned = 1; ('",
  '`${globalThis.pwned = 1}`',
  '*/ globalThis.pwned = 1; /*',
  '\n globalThis.pwned = 1; //',
  '\u2028globalThis.pwned = 1;\u2029',
  '</script><script>globalThis.pwned = 1</script>',
  '\\", globalThis.pwned = 1, "\\',
];

test('no string of a case becomes code', async () => {
  for (const s of ATTACKS) {
    const testCase = {
      id: s,
      program: [
        {resolved: s, as: s},
        {then: s, onFulfilled: [{log: s}]},
        {log: s, value: {object: {[s]: {error: 'Error', message: s}}}},
        {let: `${s}t`, value: {thenable: {then: [{resolve: s}]}}},
      ],
    };
    const source = translate(testCase);
    assert.doesNotMatch(source, /[\u2028\u2029<]/, 'line separators and < are escaped');
    delete globalThis.pwned;
    const out = await run(testCase);
    assert.equal(globalThis.pwned, undefined, `injected by ${JSON.stringify(s)}`);
    assert.deepEqual(asJson(out.trace), [[s, {object: {[s]: {error: 'Error', message: s}}}], [s, s]]);
    assert.deepEqual(asJson(out.final), {[s]: ['fulfilled', s]});
  }
});

test('names that are special in JavaScript are just names', async () => {
  const names = ['constructor', '__proto__', 'toString', 'rt', 'arg', 'resolve', 'then', 'undefined'];
  const program = names.map((n, i) => ({resolved: i, as: n}));
  const out = await run({id: 'names', program});
  assert.deepEqual(Object.entries(out.final), names.map((n, i) => [n, ['fulfilled', i]]));
});

test('mistakes are reported with the JSON pointer of the statement or value', () => {
  const cases = [
    [[{lgo: 'x'}], /^\/program\/0: unknown statement/],
    [[{log: 'a', throw: 1}], /^\/program\/0: a statement has exactly one verb/],
    [[{log: 'a', as: 'p'}], /^\/program\/0\/as: "log" does not take the key "as"/],
    [[{timer: 1, do: [{await: 1}]}], /^\/program\/0\/do\/0\/await: "await" is only allowed/],
    [[{async: [{yield: 1}]}], /^\/program\/0\/async\/0\/yield: "yield" is only allowed directly in an "asyncGenerator"/],
    [[{resume: 1, with: 'then'}], /^\/program\/0\/with: names a method of an async generator/],
    [[{resolve: 1}], /^\/program\/0\/resolve: "resolve" without "of" needs/],
    [[{resolved: 1, as: 'p'}, {resolve: 1, of: 'p'}], /^\/program\/1\/of: "p" is not a promise made by/],
    [[{resolved: 1, as: 'p'}, {rejected: 1, as: 'p'}], /^\/program\/1\/as: the name "p" is already bound/],
    [[{log: 'a', value: {error: 'EvalError'}}], /^\/program\/0\/value\/error: unknown error constructor/],
    [[{log: 'a', value: {promise: 'p', ref: 'q'}}], /^\/program\/0\/value: a value object has exactly one form/],
    [[{log: 'a', value: {number: 'nan'}}], /^\/program\/0\/value\/number: must be "NaN"/],
    [[{new: 'p', executor: {}}], /^\/program\/0\/executor: a value object has exactly one form/],
    [[{clearTimer: 5}], /^\/program\/0\/clearTimer: names the id of a timer/],
    [[{then: 'p', onFulfilled: [{log: 1}]}], /^\/program\/0\/onFulfilled\/0\/log: a label must be a string/],
    [[{log: 'a', value: {object: {'a/b~': {x: 1}}}}], /^\/program\/0\/value\/object\/a~1b~0\/x: unknown value form/],
    [[{log: 'a', value: {this: true}}], /^\/program\/0\/value: \{"this": true\} is only allowed directly in a handler/],
    [[{log: 'a', value: {rejectFunction: true}}], /^\/program\/0\/value: \{"rejectFunction": true\} needs an enclosing/],
    [[{resolved: 1, as: 'p'}, {then: 'p', onFulfilled: [{timer: 1, do: [{log: 't', value: {this: true}}]}]}],
      /^\/program\/1\/onFulfilled\/0\/do\/0\/value: \{"this": true\} is only allowed/],
  ];
  const throwsWith = (testCase, message) => {
    assert.throws(() => translate(testCase), (e) => {
      assert.match(e.message, message, JSON.stringify(testCase));
      return true;
    });
  };
  for (const [program, message] of cases) throwsWith({id: 'bad', program}, message);
  throwsWith({id: 'bad'}, /^\/program: must be an array/);
  throwsWith([], /^\/: a case must be a JSON object/);
});

test('the resolve and reject functions of a then method can be kept and called later', async () => {
  const out = await run({id: 'f', program: [
    {let: 't', value: {object: {then: {function: [{let: 'later', value: {rejectFunction: true}}]}}}},
    {resolved: {ref: 't'}, as: 'p'},
    {catch: 'p', onRejected: [{log: 'caught'}]},
    {timer: 1, do: [{call: {ref: 'later'}, args: ['late']}]},
  ]});
  assert.deepEqual(asJson(out.trace), [['caught', 'late']]);
  assert.deepEqual(asJson(out.final), {p: ['rejected', 'late']});
});

test('a non-strict function value gets the global object as this where a strict one gets undefined', async () => {
  const out = await run({id: 's', program: [
    {resolved: 1, as: 'p'},
    {then: 'p', onFulfilled: {sloppyFunction: [{log: 'sloppy', value: {this: true}}]}},
    {then: 'p', onFulfilled: [{log: 'strict', value: {this: true}}]},
  ]});
  assert.deepEqual(asJson(out.trace), [['sloppy', {globalObject: true}], ['strict', {undefined: true}]]);
});

test('an async generator runs its body at the first next, and resume calls the built-in method', async () => {
  const out = await run({id: 'g', program: [
    {asyncGenerator: 'g', body: [{log: 'body', value: 1}, {yield: 'a'}, {log: 'sent'}, {return: 'r'}]},
    {log: 'made', value: {ref: 'g'}},
    {set: 'g', key: 'next', value: 'not the method resume calls'},
    {resume: {ref: 'g'}, with: 'next', value: 'ignored', as: 'q1'},
    {resume: {ref: 'g'}, with: 'next', value: 'b', as: 'q2'},
    {resume: {object: {}}, with: 'throw', value: 'x', as: 'q3'},
    {catch: 'q3', onRejected: []},
  ]});
  assert.deepEqual(asJson(out.trace), [['made', {ref: 'g'}], ['body', 1], ['sent', 'b']]);
  assert.deepEqual(asJson(out.final).q1, ['fulfilled', {object: {value: 'a', done: false}}]);
  assert.deepEqual(asJson(out.final).q2, ['fulfilled', {object: {value: 'r', done: true}}]);
  assert.deepEqual(asJson(out.final).q3, ['rejected', {error: 'TypeError'}]);
});

test('a subclass of Promise runs before and after super, and the static methods construct it', async () => {
  const out = await run({id: 'c', program: [
    {subclass: 'C', before: [{log: 'before', value: {argument: true}}], after: [{log: 'after', value: {this: true}}]},
    {resolved: 1, on: {ref: 'C'}, as: 'p'},
    {then: 'p', as: 'q'},
  ]});
  assert.deepEqual(asJson(out.trace), [['before', {function: true}], ['after', {promise: null}],
    ['before', {function: true}], ['after', {promise: null}]]);
  assert.deepEqual(asJson(out.final), {p: ['fulfilled', 1], q: ['fulfilled', 1]});
  assert.throws(() => translate({id: 'bad', program: [{subclass: 'C', before: [{return: 1}]}]}),
    /^TranslateError: \/program\/0\/before: "before" runs before super/);
});

test('sameValue is Object.is: one function is itself, NaN is NaN, and 0 is not -0', async () => {
  const out = await run({id: 'same', program: [
    {let: 'f', value: {function: []}},
    {log: 'f', value: {sameValue: [{ref: 'f'}, {ref: 'f'}]}},
    {log: 'other', value: {sameValue: [{ref: 'f'}, {function: []}]}},
    {log: 'NaN', value: {sameValue: [{number: 'NaN'}, {number: 'NaN'}]}},
    {log: 'zero', value: {sameValue: [0, -0]}},
  ]});
  assert.deepEqual(asJson(out.trace), [['f', true], ['other', false], ['NaN', true], ['zero', false]]);
});

test('a handler that is not a body is passed as it is', async () => {
  const out = await run({id: 'h', program: [
    {resolved: 'v', as: 'p'},
    {then: 'p', onFulfilled: 5, as: 'q'},
    {catch: 'p', onRejected: null, as: 'r'},
  ]});
  assert.deepEqual(asJson(out.final), {p: ['fulfilled', 'v'], q: ['fulfilled', 'v'], r: ['fulfilled', 'v']});
});

test('set and define change the named object; a key never becomes code', async () => {
  const out = await run({
    id: 't/properties',
    program: [
      {new: 'p', executor: []},
      {define: 'p', key: 'then', getter: [{log: 'get', value: {this: true}}], setter: [{log: 'set'}],
        method: [{log: 'then', value: {this: true}}]},
      {set: 'p', key: 'then', value: 1},
      {then: 'p'},
      {let: 'o', value: {object: {}}},
      {set: 'o', key: 'x', method: []},
      {log: 'o', value: {ref: 'o'}},
    ],
  });
  assert.deepEqual(asJson(out.trace), [['set', 1], ['get', {promise: 'p'}], ['then', {promise: 'p'}],
    ['o', {ref: 'o'}]]);
  for (const key of ['prototype', '__proto__', 'a"]; globalThis.pwned = 1; x["', '']) {
    assert.throws(() => translate({id: 't/k', program: [{let: 'o', value: 1}, {set: 'o', key, value: 1}]}),
      /\/program\/1\/key: a property key is an identifier/);
  }
  assert.equal(globalThis.pwned, undefined);
  assert.throws(() => translate({id: 't/k', program: [{let: 'o', value: 1}, {define: 'o', key: 'then'}]}),
    /\/program\/1: "define" needs "getter", "setter" or both/);
});

test('a custom constructor is a function, a function value an arrow, and "on" the this of a static method', async () => {
  const out = await run({
    id: 't/constructors',
    program: [
      {customConstructor: 'C', body: [{call: {argument: true}, args: [{function: [{log: 'resolve'}]}, {function: []}]}]},
      {set: 'C', key: 'resolve', value: {function: [{return: {argument: true}}]}},
      {all: [1, 2], on: {ref: 'C'}},
      {resolved: 3, on: {function: []}},
      {log: 'not reached', value: 1},
    ],
  });
  assert.deepEqual(asJson(out.trace), [{uncaught: {error: 'TypeError'}}]);
  const source = translate({id: 't/c', program: [{customConstructor: 'C', body: []}, {all: [], on: {ref: 'C'}}]});
  assert.match(source, /rt\.let\("C", function \(arg\) \{/);
  assert.match(source, /Promise\.all\.call\(rt\.get\("C"\), \[\]\)/);
  assert.throws(() => translate({id: 't/a', program: [{call: {function: []}, args: 5}]}),
    /\/program\/0\/args: "args" must be an array of values/);
});
