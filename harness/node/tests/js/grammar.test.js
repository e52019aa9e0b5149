'use strict';
// translate.js knows exactly the statements of spec/case.schema.json, each with the keys the schema
// gives it, and translates every one of them: a verb added to the schema and not to translate.js
// (or the other way round) fails here. The C++ grammar is held to the same schema by load_tests.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const {translate, VERBS, BUILTIN_TARGETS} = require('../../translate.js');

const SCHEMA = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../spec/case.schema.json'), 'utf8'));

// The schema's statements: verb -> the other keys its statement definition allows.
function schemaVerbs() {
  const out = {};
  for (const branch of SCHEMA.$defs.statement.allOf) {
    if (!branch.if) continue;
    const verb = branch.if.required[0];
    const definition = SCHEMA.$defs[branch.then.$ref.split('/').pop()];
    out[verb] = Object.keys(definition.properties).filter((k) => k !== verb);
  }
  return out;
}

const sorted = (keys) => [...keys].sort();

test('translate.js has the verbs of the schema, no more and no fewer', () => {
  assert.deepEqual(sorted(Object.keys(VERBS)), sorted(Object.keys(schemaVerbs())));
});

test('each verb takes the keys the schema gives it', () => {
  const schema = schemaVerbs();
  for (const verb of Object.keys(schema)) assert.deepEqual(sorted(VERBS[verb] || []), sorted(schema[verb]), verb);
});

// A statement of each verb inside an async body, where every verb (await too) may stand. Wrong
// operands may be refused, but never with "unhandled verb": the translator has a case for each.
test('every verb of the schema reaches its own translation', () => {
  for (const verb of Object.keys(schemaVerbs())) {
    const statement = {[verb]: 1};
    const testCase = {id: 't/grammar', program: [{async: [statement]}]};
    try {
      translate(testCase);
    } catch (e) {
      assert.doesNotMatch(e.message, /unhandled verb/, verb);
    }
  }
});

test('a statement with a verb the schema does not know is refused, naming it', () => {
  assert.throws(() => translate({id: 't/grammar', program: [{anyThing: 1}]}), /unknown statement/);
});

test('translate.js changes exactly the built-ins of the schema, and refuses any other key on them', () => {
  assert.deepEqual(sorted(Object.keys(BUILTIN_TARGETS)), sorted(SCHEMA.$defs.builtinTarget.enum));
  for (const [target, {key}] of Object.entries(BUILTIN_TARGETS)) {
    assert.doesNotThrow(() => translate({id: 'x', program: [{set: target, key, value: 1}]}), target);
    assert.throws(() => translate({id: 'x', program: [{set: target, key: 'other', value: 1}]}), /may change only/);
  }
  assert.throws(() => translate({id: 'x', program: [{set: '%Object.prototype%', key: 'then', value: 1}]}),
    /names no built-in/);
});
