'use strict';
// run.js --check: verdicts, diffs and the exit status a case writer relies on.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const {spawnSync} = require('node:child_process');
const {checkResult} = require('../../check.js');

const RUN = path.join(__dirname, '..', '..', 'run.js');

test('equal results pass whatever the key order of objects', () => {
  const testCase = {expect: {trace: [['a', {object: {x: 1, y: 2}}]], final: {p: ['fulfilled', 1], q: ['pending']}}};
  const result = {id: 'c', trace: [['a', {object: {y: 2, x: 1}}]], final: {q: ['pending'], p: ['fulfilled', 1]}};
  assert.equal(checkResult(testCase, result).pass, true);
});

test('a differing trace fails with a diff naming both sides', () => {
  const testCase = {expect: {trace: [['a', 1], ['b', 2]], final: {}}};
  const verdict = checkResult(testCase, {id: 'c', trace: [['b', 2], ['a', 1]], final: {}});
  assert.equal(verdict.pass, false);
  assert.match(verdict.text, /^FAIL c\n/);
  assert.match(verdict.text, /\+ \["b",2\]/);
  assert.match(verdict.text, /- \["b",2\]/);
});

test('a differing or missing final state is named', () => {
  const testCase = {expect: {trace: [], final: {p: ['pending'], constructor: ['pending']}}};
  const verdict = checkResult(testCase, {id: 'c', trace: [], final: {p: ['fulfilled', 1]}});
  assert.equal(verdict.pass, false);
  assert.match(verdict.text, /"p": expected \["pending"\], V8 gives \["fulfilled",1\]/);
  assert.match(verdict.text, /"constructor": expected \["pending"\], V8 gives \(absent\)/);
});

test('a case that could not run, or has no expectation, fails', () => {
  assert.equal(checkResult({expect: {trace: [], final: {}}}, {id: 'c', failure: 'boom'}).pass, false);
  assert.equal(checkResult({}, {id: 'c', trace: [], final: {}}).pass, false);
});

test('run.js --check exits 1 when a case fails and 0 when all pass', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-check-'));
  const good = {id: 'good', program: [{log: 'x', value: 1}], expect: {trace: [['x', 1]], final: {}}};
  const bad = {id: 'bad', program: [{log: 'x', value: 1}], expect: {trace: [['x', 2]], final: {}}};
  fs.writeFileSync(path.join(dir, 'good.json'), JSON.stringify(good));
  fs.writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(bad));
  const ok = spawnSync(process.execPath, [RUN, '--check', path.join(dir, 'good.json')], {encoding: 'utf8'});
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  assert.match(ok.stdout, /^PASS good$/m);
  const ko = spawnSync(process.execPath, [RUN, '--check', path.join(dir, 'good.json'), path.join(dir, 'bad.json')],
    {encoding: 'utf8'});
  assert.equal(ko.status, 1, ko.stdout + ko.stderr);
  assert.match(ko.stdout, /^PASS good$/m);
  assert.match(ko.stdout, /^FAIL bad$/m);
  assert.match(ko.stdout, /1 passed, 1 failed/);
  fs.rmSync(dir, {recursive: true});
});
