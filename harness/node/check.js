'use strict';
// `run.js --check`: compares what V8 did with a case's "expect" and says where they differ, in a
// form a person writing the case can act on. Equality is JSON equality with object key order
// ignored (array order matters: it is the order of events).

// A canonical JSON text: object keys sorted, so equal values give equal strings.
function canon(x) {
  if (Array.isArray(x)) return `[${x.map(canon).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    return `{${Object.keys(x).sort().map((k) => `${JSON.stringify(k)}:${canon(x[k])}`).join(',')}}`;
  }
  return JSON.stringify(x);
}

const show = (x) => (x === undefined ? '(absent)' : JSON.stringify(x));

// A line diff of two event lists (longest common subsequence; traces are short).
function diffEvents(expected, actual) {
  const a = expected.map(canon);
  const b = actual.map(canon);
  const n = a.length;
  const m = b.length;
  if (n * m > 4e6) return ['  (traces too long to diff)'];
  const lcs = Array.from({length: n + 1}, () => new Int32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const lines = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      lines.push(`      ${show(expected[i++])}`);
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      lines.push(`    + ${show(actual[j++])}`);
    } else {
      lines.push(`    - ${show(expected[i++])}`);
    }
  }
  return lines;
}

// Own properties only: a promise may well be called "constructor" or "__proto__".
const own = (o, k) => (Object.hasOwn(o, k) ? o[k] : undefined);

function diffFinal(expected, actual) {
  const lines = [];
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])];
  for (const name of names) {
    const e = own(expected, name);
    const a = own(actual, name);
    if (e === undefined || a === undefined || canon(e) !== canon(a)) {
      lines.push(`    ${JSON.stringify(name)}: expected ${show(e)}, V8 gives ${show(a)}`);
    }
  }
  return lines;
}

const isObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

// testCase: the case as parsed (may be anything); result: a run.js result line as an object.
function checkResult(testCase, result) {
  const label = result.id === undefined ? '(no id)' : result.id;
  if (result.failure !== undefined) return {pass: false, text: `FAIL ${label}\n  could not run: ${result.failure}\n`};
  const expect = isObject(testCase) ? testCase.expect : undefined;
  if (!isObject(expect) || !Array.isArray(expect.trace) || !isObject(expect.final)) {
    return {pass: false, text: `FAIL ${label}\n  the case has no "expect" with a "trace" array and a "final" object\n`};
  }
  const problems = [];
  if (canon(expect.trace) !== canon(result.trace)) {
    problems.push('  trace differs (- expected only, + V8 only):', ...diffEvents(expect.trace, result.trace));
  }
  if (canon(expect.final) !== canon(result.final)) {
    problems.push('  final states differ:', ...diffFinal(expect.final, result.final));
  }
  if (problems.length === 0) return {pass: true, text: `PASS ${label}\n`};
  return {pass: false, text: `FAIL ${label}\n${problems.join('\n')}\n`};
}

module.exports = {checkResult, canon};
