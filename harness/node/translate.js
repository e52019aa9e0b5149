'use strict';
// Translates one case (spec/case-language.md) into the source text of a JavaScript program,
// statement by statement, so that a reader can see what the case means and V8 can run it.
//
// Safety: every string that comes from the case reaches the source only through `lit`, which
// JSON-encodes it and escapes the characters JSON leaves alone but that still matter in a
// JavaScript source (U+2028, U+2029) or in a page embedding it (`<`). Case names are never
// turned into identifiers: bindings live in the runtime's maps, keyed by name. The only
// identifiers the program uses are our own: `rt`, `Promise`, `arg`, `resolve`, `reject`.
//
// The result is a function expression `(function (rt, Promise) { ... })`; its body is the main
// script. The runner supplies both parameters: `rt` (runtime.js; see its header for the calls the
// program makes) and `Promise`, the constructor of the promise library under test, which shadows
// the global one (for the native library it is the global one). Every promise the program makes
// itself comes from it; `async` functions, `await` and the host's functions are the engine's own
// and use the native Promise whatever the parameter is (harness/node/README.md, "The library").

const ERROR_NAMES = new Set(['Error', 'TypeError', 'RangeError', 'ReferenceError', 'SyntaxError']);
const COMBINATORS = ['all', 'allSettled', 'race', 'any'];
const NON_FINITE = {NaN: 'NaN', Infinity: 'Infinity', '-Infinity': '-Infinity'};

// Which keys each verb allows besides itself; the verb is the one key of a statement found here.
const VERBS = {
  log: ['value'], return: [], throw: [], resolve: ['of'], reject: ['of'],
  new: ['executor'], deferred: ['on'], resolved: ['as', 'on'], rejected: ['as', 'on'],
  then: ['onFulfilled', 'onRejected', 'as'], catch: ['onRejected', 'as'], finally: ['onFinally', 'as'],
  all: ['as', 'on'], allSettled: ['as', 'on'], race: ['as', 'on'], any: ['as', 'on'],
  try: ['args', 'as', 'on'], async: ['as'], await: [], timer: ['do', 'id'], clearTimer: [], microtask: [], let: ['value'],
  set: ['key', 'value', 'method'], define: ['key', 'getter', 'setter', 'value', 'method'],
  customConstructor: ['body'], call: ['args'], callPrototype: ['receiver', 'args', 'as'],
  asyncGenerator: ['body'], yield: [], resume: ['with', 'value', 'as'], subclass: ['before', 'after'],
};
// The methods of Promise.prototype callPrototype may call (grammar.hpp, prototypeMethods).
const PROTOTYPE_METHODS = ['then', 'catch', 'finally'];
// The methods of %AsyncGeneratorPrototype% resume may call (grammar.hpp, generatorMethods), and the
// expression that reaches that object.
const GENERATOR_METHODS = ['next', 'return', 'throw'];
const ASYNC_GENERATOR_PROTOTYPE = 'Object.getPrototypeOf(async function* () {}).prototype';
// The built-ins set and define may change (harness/core/grammar.cpp): the expression each stands
// for, and the one key a case may change on it.
const BUILTIN_TARGETS = {
  '%Promise%': {expression: 'Promise', key: 'resolve'},
  '%Promise.prototype%': {expression: 'Promise.prototype', key: 'then'},
  '%Array.prototype%': {expression: 'Array.prototype', key: 'then'},
};
// The keys set and define take: identifiers, except those whose meaning the language does not model
// (harness/core/grammar.hpp, reservedPropertyKeys).
const PROPERTY_KEY = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED_KEYS = new Set(['__proto__', 'prototype', 'length', 'name', 'message', 'stack', 'caller',
  'arguments']);
// Well-known symbols a key may name (grammar.hpp, symbolPropertyKeys), written as JavaScript names them.
const SYMBOL_KEYS = new Set(['Symbol.iterator', 'Symbol.species']);
// Verbs that bind a promise under a name (the key holding the name): new and deferred by their own
// key, every verb that takes "as" by it.
const PROMISE_BINDERS = Object.fromEntries(Object.entries(VERBS).flatMap(([verb, keys]) =>
  verb === 'new' || verb === 'deferred' ? [[verb, verb]] : keys.includes('as') ? [[verb, 'as']] : []));

class TranslateError extends Error {
  constructor(pointer, message) {
    super(`${pointer || '/'}: ${message}`);
    this.name = 'TranslateError';
    this.pointer = pointer;
  }
}

// A string literal that is safe anywhere in a script, even inside a <script> element.
function lit(s) {
  return JSON.stringify(String(s))
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
    .replace(/</g, '\\u003c');
}

function numberSource(n) {
  if (Object.is(n, -0)) return '-0';
  return String(n);  // also right for the non-finite numbers JSON.parse can yield (1e400)
}

// JSON pointer tokens escape `~` and `/` (RFC 6901).
function ptr(base, token) {
  return `${base}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

const isPlainObject = (x) => x !== null && typeof x === 'object' && !Array.isArray(x);

function indent(depth) {
  return '  '.repeat(depth);
}

// One body being generated: its indentation, what encloses it, and whether it reads `arg`.
class Scope {
  constructor({depth, isAsync = false, isGenerator = false, hasResolvers = false, ownsArg = false, isHandler = false,
    isTry = false}) {
    this.depth = depth;
    this.isAsync = isAsync;           // `await` is allowed directly in this body
    this.isGenerator = isGenerator;   // `yield` is allowed directly in this body (an async generator's)
    this.hasResolvers = hasResolvers; // an executor or a thenable's then encloses this body
    this.ownsArg = ownsArg;           // this body declares its own `arg` (not a handler parameter)
    this.isHandler = isHandler;       // {"this": true} is allowed directly in this body
    this.isTry = isTry;               // a try body: its parameters are `...args`, {"arguments": true} allowed
    this.usesArg = false;
    this.usesThis = false;
  }
  child(opts) {
    return new Scope({depth: this.depth + 1, hasResolvers: this.hasResolvers, ...opts});
  }
}

class Translator {
  constructor(testCase) {
    this.testCase = testCase;
    this.promiseNames = new Map();   // name -> pointer of the statement binding it
    this.allNames = new Map();       // every bound name -> pointer
    this.resolvable = new Set();     // names made by new/deferred: the ones `"of"` may name
  }

  program() {
    const c = this.testCase;
    if (!isPlainObject(c)) throw new TranslateError('', 'a case must be a JSON object');
    if (!Array.isArray(c.program)) throw new TranslateError('/program', 'must be an array of statements');
    this.collectNames(c.program, '/program');
    const scope = new Scope({depth: 1, ownsArg: true});
    const body = this.statements(c.program, '/program', scope);
    const head = [`// case ${lit(c.id === undefined ? '(no id)' : c.id)}, translated by harness/node/translate.js`,
      '(function (rt, Promise) {', '  "use strict";'];
    if (scope.usesArg) head.push('  let arg;');
    return `${head.join('\n')}\n${body}})\n`;
  }

  // First pass: every name bound anywhere in the case, so that `"of"` can be checked and the
  // runtime knows which names are promises (for the final states), whatever order bodies run in.
  collectNames(node, pointer) {
    if (Array.isArray(node)) {
      node.forEach((x, i) => this.collectNames(x, ptr(pointer, i)));
      return;
    }
    if (!isPlainObject(node)) return;
    const verb = Object.keys(node).find((k) => Object.hasOwn(VERBS, k));
    const bindKey = verb && PROMISE_BINDERS[verb];
    const bindsValue = ['let', 'customConstructor', 'asyncGenerator', 'subclass'].includes(verb);
    const name = bindKey ? node[bindKey] : bindsValue ? node[verb] : undefined;
    if (typeof name === 'string') {
      const where = ptr(pointer, bindKey || verb);
      if (this.allNames.has(name)) {
        throw new TranslateError(where, `the name ${JSON.stringify(name)} is already bound at ${this.allNames.get(name)}`);
      }
      this.allNames.set(name, where);
      if (bindKey) this.promiseNames.set(name, where);
      if (verb === 'new' || verb === 'deferred') this.resolvable.add(name);
    }
    for (const [k, v] of Object.entries(node)) this.collectNames(v, ptr(pointer, k));
  }

  // --- bodies -------------------------------------------------------------------------------

  statements(list, pointer, scope) {
    if (!Array.isArray(list)) throw new TranslateError(pointer, 'a body must be an array of statements');
    return list.map((s, i) => `${indent(scope.depth)}${this.statement(s, ptr(pointer, i), scope)}\n`).join('');
  }

  // `(arg) => { B }` for handlers (`function (arg) { B }` when B reads `this`); `() => { let arg; B }`
  // style for bodies without an argument.
  // `allowThis` lets a body that is not a handler (a method, a getter) read {"this": true}.
  // `asFunction` makes it a `function` even when it does not read `this` (a constructor).
  // `isGenerator` makes it an `async function*`.
  fn(body, pointer, scope, {params = '', isAsync = false, resolvers = false, handler = false, allowThis = false,
    asFunction = false, isTry = false, isGenerator = false} = {}) {
    const inner = scope.child({isAsync: isAsync || isGenerator, isGenerator, ownsArg: !handler,
      isHandler: handler || allowThis, isTry, ...(resolvers ? {hasResolvers: true} : {})});
    const text = this.statements(body, pointer, inner);
    const first = isTry ? ' = args[0]' : '';
    const decl = inner.usesArg && !handler ? `${indent(inner.depth)}let arg${first};\n` : '';
    const p = handler ? 'arg' : isTry ? '...args' : params;
    const head = isGenerator ? `async function* (${p}) {`
      : inner.usesThis || asFunction ? `function (${p}) {` : `(${p}) => {`;
    return `${isAsync ? 'async ' : ''}${head}\n${decl}${text}${indent(scope.depth)}}`;
  }

  handler(h, pointer, scope) {
    if (h === undefined) return 'undefined';
    if (Array.isArray(h)) return this.fn(h, pointer, scope, {handler: true});
    return this.value(h, pointer, scope);
  }

  statement(s, pointer, scope) {
    if (!isPlainObject(s)) throw new TranslateError(pointer, 'a statement must be a JSON object with one verb key');
    const verbs = Object.keys(s).filter((k) => Object.hasOwn(VERBS, k));
    if (verbs.length !== 1) {
      const keys = Object.keys(s).map((k) => JSON.stringify(k)).join(', ') || 'none';
      throw new TranslateError(pointer, verbs.length === 0
        ? `unknown statement: no verb among its keys (${keys})`
        : `a statement has exactly one verb, found ${verbs.join(', ')}`);
    }
    const verb = verbs[0];
    for (const k of Object.keys(s)) {
      if (k !== verb && !VERBS[verb].includes(k)) {
        throw new TranslateError(ptr(pointer, k), `"${verb}" does not take the key ${JSON.stringify(k)}`);
      }
    }
    const at = (k) => ptr(pointer, k);
    const v = (k) => this.value(s[k], at(k), scope);
    const bindAs = (expr) => (s.as === undefined ? `${expr};` : `rt.bind(${this.name(s.as, at('as'))}, ${expr});`);
    // Promise.m(...args), or Promise.m.call(on, ...args) when the case names the this value.
    const staticCall = (method, args) => (s.on === undefined
      ? `Promise.${method}(${args})`
      : `Promise.${method}.call(${[v('on'), ...(args === '' ? [] : [args])].join(', ')})`);

    switch (verb) {
      case 'log':
        this.name(s.log, at('log'), 'a label');
        return `rt.log(${lit(s.log)}, ${s.value === undefined ? this.arg(scope) : v('value')});`;
      case 'return':
        return `return ${v('return')};`;
      case 'throw':
        return `throw ${v('throw')};`;
      case 'resolve':
      case 'reject':
        if (s.of !== undefined) {
          this.name(s.of, at('of'));
          if (!this.resolvable.has(s.of)) {
            throw new TranslateError(at('of'), `${JSON.stringify(s.of)} is not a promise made by "new" or "deferred"`);
          }
          return `rt.${verb}Of(${lit(s.of)}, ${v(verb)});`;
        }
        if (!scope.hasResolvers) {
          throw new TranslateError(at(verb), `"${verb}" without "of" needs an enclosing executor or thenable "then"`);
        }
        return `${verb}(${v(verb)});`;
      case 'new': {
        const name = this.name(s.new, at('new'));
        // A non-body executor is passed as-is: `new Promise(5)` throws a TypeError.
        if (!Array.isArray(s.executor)) return `rt.bind(${name}, new Promise(${v('executor')}));`;
        const keep = `${indent(scope.depth + 1)}rt.keep(${name}, resolve, reject);\n`;
        const exec = this.fn(s.executor, at('executor'), scope, {params: 'resolve, reject', resolvers: true,
          allowThis: true})
          .replace('{\n', `{\n${keep}`);
        return `rt.bind(${name}, new Promise(${exec}));`;
      }
      case 'deferred':
        return `rt.deferred(${this.name(s.deferred, at('deferred'))}, ${staticCall('withResolvers', '')});`;
      case 'resolved':
        return bindAs(staticCall('resolve', v('resolved')));
      case 'rejected':
        return bindAs(staticCall('reject', v('rejected')));
      case 'then': {
        const recv = this.receiver(s.then, at('then'));
        const onF = this.handler(s.onFulfilled, at('onFulfilled'), scope);
        const args = s.onRejected === undefined ? onF : `${onF}, ${this.handler(s.onRejected, at('onRejected'), scope)}`;
        return bindAs(`${recv}.then(${s.onFulfilled === undefined && s.onRejected === undefined ? '' : args})`);
      }
      case 'catch':
        return bindAs(`${this.receiver(s.catch, at('catch'))}.catch(${this.optionalHandler(s.onRejected, at('onRejected'), scope)})`);
      case 'finally':
        return bindAs(`${this.receiver(s.finally, at('finally'))}.finally(${this.optionalHandler(s.onFinally, at('onFinally'), scope)})`);
      case 'all':
      case 'allSettled':
      case 'race':
      case 'any':
        return bindAs(staticCall(verb, v(verb)));
      case 'try': {
        // Promise.try(f, ...args): f, then each argument.
        const f = this.fn(this.body(s.try, at('try')), at('try'), scope, {isTry: true});
        return bindAs(staticCall('try', [f, this.argumentList(s, pointer, scope)].filter((a) => a !== '').join(', ')));
      }
      case 'async':
        return bindAs(`(${this.fn(this.body(s.async, at('async')), at('async'), scope, {isAsync: true})})()`);
      case 'await':
        if (!scope.isAsync) {
          throw new TranslateError(at('await'), '"await" is only allowed directly in an "async" or "asyncGenerator" body');
        }
        scope.usesArg = true;
        return `arg = await ${v('await')};`;
      case 'asyncGenerator': {
        const body = this.fn(this.body(s.body, at('body')), at('body'), scope, {isGenerator: true});
        return `rt.let(${this.name(s.asyncGenerator, at('asyncGenerator'))}, (${body})());`;
      }
      case 'yield':
        if (!scope.isGenerator) throw new TranslateError(at('yield'), '"yield" is only allowed directly in an "asyncGenerator" body');
        scope.usesArg = true;
        return `arg = yield ${v('yield')};`;
      case 'resume': {
        if (!GENERATOR_METHODS.includes(s.with)) {
          throw new TranslateError(at('with'), `names a method of an async generator: one of ${GENERATOR_METHODS.join(', ')}`);
        }
        if (s.resume === undefined) throw new TranslateError(at('resume'), '"resume" needs the generator');
        const args = [v('resume'), ...(s.value === undefined ? [] : [v('value')])];
        return bindAs(`${ASYNC_GENERATOR_PROTOTYPE}.${s.with}.call(${args.join(', ')})`);
      }
      case 'timer': {
        if (typeof s.timer !== 'number') throw new TranslateError(at('timer'), 'the delay must be a number of milliseconds');
        const cb = this.fn(this.body(s.do, at('do')), at('do'), scope);
        if (s.id !== undefined && typeof s.id !== 'string') throw new TranslateError(at('id'), 'a timer id is a string');
        const id = s.id === undefined ? '' : `, ${lit(s.id)}`;
        return `rt.setTimeout(${cb}, ${numberSource(s.timer)}${id});`;
      }
      case 'clearTimer':
        if (typeof s.clearTimer !== 'string') throw new TranslateError(at('clearTimer'), 'names the id of a timer');
        return `rt.clearTimeout(${lit(s.clearTimer)});`;
      case 'microtask':
        return `queueMicrotask(rt.guard(${this.fn(this.body(s.microtask, at('microtask')), at('microtask'), scope)}));`;
      case 'let':
        if (!Object.hasOwn(s, 'value')) throw new TranslateError(at('value'), '"let" needs a "value"');
        return `rt.let(${this.name(s.let, at('let'))}, ${v('value')});`;
      case 'set':
        return `${this.target(s.set, s.key, at('set'))}[${this.propertyKey(s.key, at('key'))}] = ` +
          `${this.propertyValue(s, pointer, scope, 'set')};`;
      case 'define':
        return this.define(s, pointer, scope);
      case 'customConstructor': {
        // A `function`, never an arrow: it must have [[Construct]].
        const body = this.fn(this.body(s.body, at('body')), at('body'), scope, {handler: true, asFunction: true});
        return `rt.let(${this.name(s.customConstructor, at('customConstructor'))}, ${body});`;
      }
      case 'subclass':
        return `rt.let(${this.name(s.subclass, at('subclass'))}, ${this.subclass(s, pointer, scope)});`;
      case 'call':
        // (0, f)(...): a plain call, with this undefined.
        return `(0, ${v('call')})(${this.argumentList(s, pointer, scope)});`;
      case 'callPrototype': {
        if (!PROTOTYPE_METHODS.includes(s.callPrototype)) {
          throw new TranslateError(at('callPrototype'), `names a method of Promise.prototype: one of ${PROTOTYPE_METHODS.join(', ')}`);
        }
        if (s.receiver === undefined) throw new TranslateError(at('receiver'), '"callPrototype" needs a "receiver"');
        const args = [v('receiver'), this.argumentList(s, pointer, scope)].filter((a) => a !== '');
        return bindAs(`Promise.prototype.${s.callPrototype}.call(${args.join(', ')})`);
      }
      default:
        throw new TranslateError(pointer, `unhandled verb ${verb}`);
    }
  }

  // class extends Promise { constructor(...args) { before; super(...args); after } }: both parts see the
  // first argument as theirs; only `after`, once super has bound this, may read this or return.
  subclass(s, pointer, scope) {
    const part = (key, opts) => {
      if (s[key] === undefined) return '';
      const at = ptr(pointer, key);
      const body = this.body(s[key], at);
      if (key === 'before' && body.some((x) => isPlainObject(x) && Object.hasOwn(x, 'return'))) {
        throw new TranslateError(at, '"before" runs before super(...) binds this: it cannot return');
      }
      return this.statements(body, at, scope.child({depth: scope.depth + 2, ownsArg: false, ...opts}));
    };
    const d = indent(scope.depth + 2);
    return `class extends Promise {\n${indent(scope.depth + 1)}constructor(...args) {\n${d}let arg = args[0];\n` +
      `${part('before', {})}${d}super(...args);\n${part('after', {isHandler: true})}` +
      `${indent(scope.depth + 1)}}\n${indent(scope.depth)}}`;
  }

  // The values of a statement's "args", joined for a call ('' when there are none).
  argumentList(s, pointer, scope) {
    if (s.args === undefined) return '';
    if (!Array.isArray(s.args)) throw new TranslateError(ptr(pointer, 'args'), '"args" must be an array of values');
    return s.args.map((a, i) => this.value(a, ptr(ptr(pointer, 'args'), i), scope)).join(', ');
  }

  propertyKey(k, pointer) {
    if (SYMBOL_KEYS.has(k)) return k;  // Symbol.iterator, the symbol itself
    if (typeof k !== 'string' || !PROPERTY_KEY.test(k) || RESERVED_KEYS.has(k)) {
      throw new TranslateError(pointer, `a property key is an identifier other than ${[...RESERVED_KEYS].join(', ')}, ` +
        `or ${[...SYMBOL_KEYS].join(', ')}`);
    }
    return lit(k);
  }

  // set's right-hand side, or what define's getter yields: a method, a value, or (define only) undefined.
  propertyValue(s, pointer, scope, verb) {
    if (s.value !== undefined && s.method !== undefined) {
      throw new TranslateError(pointer, `"${verb}" takes "value" or "method", not both`);
    }
    if (s.method !== undefined) {
      const at = ptr(pointer, 'method');
      return this.fn(this.body(s.method, at), at, scope, {params: 'resolve, reject', resolvers: true, allowThis: true});
    }
    if (s.value !== undefined) return this.value(s.value, ptr(pointer, 'value'), scope);
    if (verb === 'set') throw new TranslateError(pointer, '"set" needs "value" or "method"');
    return 'undefined';
  }

  // An accessor: the getter body runs on every read (a function of its own, so that its `return` is
  // ignored), then the read yields what was made once when the statement ran; the setter body gets
  // the value assigned as its argument. The object is looked up before the method or value is made.
  define(s, pointer, scope) {
    const at = (k) => ptr(pointer, k);
    if (s.getter === undefined && s.setter === undefined) {
      throw new TranslateError(pointer, '"define" needs "getter", "setter" or both');
    }
    if (s.getter === undefined && (s.value !== undefined || s.method !== undefined)) {
      throw new TranslateError(pointer, '"value" and "method" are what the getter yields: they need a "getter"');
    }
    const d = indent(scope.depth + 1);
    const inner = scope.child({});
    const parts = [];
    if (s.getter !== undefined) {
      const getter = this.fn(this.body(s.getter, at('getter')), at('getter'), inner, {allowThis: true});
      parts.push(`get: function () {\n${indent(inner.depth + 1)}(${getter}).call(this);\n` +
        `${indent(inner.depth + 1)}return yields;\n${d}}`);
    }
    if (s.setter !== undefined) parts.push(`set: ${this.fn(this.body(s.setter, at('setter')), at('setter'), inner, {handler: true})}`);
    parts.push('enumerable: true', 'configurable: true');
    const key = this.propertyKey(s.key, at('key'));
    return `{\n${d}const target = ${this.target(s.define, s.key, at('define'))};\n` +
      `${d}const yields = ${this.propertyValue(s, pointer, inner, 'define')};\n` +
      `${d}Object.defineProperty(target, ${key}, {\n${d}  ${parts.join(`,\n${d}  `)},\n${d}});\n${indent(scope.depth)}}`;
  }

  body(b, pointer) {
    if (!Array.isArray(b)) throw new TranslateError(pointer, 'must be a body (an array of statements)');
    return b;
  }

  optionalHandler(h, pointer, scope) {
    return h === undefined ? '' : this.handler(h, pointer, scope);
  }

  receiver(name, pointer) {
    return `rt.get(${this.name(name, pointer)})`;
  }

  // What set and define change: a bound name, or a built-in of the library under test (the
  // program's `Promise`) or of the engine (Array.prototype).
  target(name, key, pointer) {
    if (typeof name !== 'string' || !name.startsWith('%')) return this.receiver(name, pointer);
    const builtin = Object.hasOwn(BUILTIN_TARGETS, name) ? BUILTIN_TARGETS[name] : undefined;
    if (builtin === undefined) throw new TranslateError(pointer, `${name} names no built-in a case may change`);
    if (key !== builtin.key) throw new TranslateError(pointer, `on ${name} a case may change only "${builtin.key}"`);
    return builtin.expression;
  }

  name(n, pointer, what = 'a name') {
    if (typeof n !== 'string') throw new TranslateError(pointer, `${what} must be a string`);
    return lit(n);
  }

  arg(scope) {
    scope.usesArg = true;
    return 'arg';
  }

  // --- values -------------------------------------------------------------------------------

  value(x, pointer, scope) {
    if (x === undefined) throw new TranslateError(pointer, 'a value is required here');
    if (x === null || typeof x === 'boolean') return String(x);
    if (typeof x === 'number') return numberSource(x);
    if (typeof x === 'string') return lit(x);
    if (Array.isArray(x)) return `[${x.map((e, i) => this.value(e, ptr(pointer, i), scope)).join(', ')}]`;
    const keys = Object.keys(x);
    const only = (...allowed) => {
      for (const k of keys) {
        if (!allowed.includes(k)) throw new TranslateError(ptr(pointer, k), `unexpected key ${JSON.stringify(k)} in a ${keys[0]} value`);
      }
    };
    if (Object.hasOwn(x, 'error')) {
      only('error', 'message');
      if (!ERROR_NAMES.has(x.error)) {
        throw new TranslateError(ptr(pointer, 'error'), `unknown error constructor ${JSON.stringify(x.error)} (one of ${[...ERROR_NAMES].join(', ')})`);
      }
      if (x.message === undefined) return `rt.error(${lit(x.error)})`;
      if (typeof x.message !== 'string') throw new TranslateError(ptr(pointer, 'message'), 'must be a string');
      return `rt.error(${lit(x.error)}, ${lit(x.message)})`;
    }
    if (keys.length !== 1) throw new TranslateError(pointer, `a value object has exactly one form key, found ${keys.length}`);
    const [form] = keys;
    const arg = x[form];
    const at = ptr(pointer, form);
    switch (form) {
      case 'undefined':
        if (arg !== true) throw new TranslateError(at, 'must be true');
        return 'undefined';
      case 'number':
        if (!Object.hasOwn(NON_FINITE, arg)) throw new TranslateError(at, 'must be "NaN", "Infinity" or "-Infinity"');
        return NON_FINITE[arg];
      case 'argument':
        if (arg !== true) throw new TranslateError(at, 'must be true');
        return this.arg(scope);
      case 'arguments':
        if (arg !== true) throw new TranslateError(at, 'must be true');
        if (!scope.isTry) throw new TranslateError(pointer, '{"arguments": true} is only allowed directly in a try body');
        return 'args';
      case 'resolveFunction':
      case 'rejectFunction': {
        if (arg !== true) throw new TranslateError(at, 'must be true');
        const verb = form === 'resolveFunction' ? 'resolve' : 'reject';
        if (!scope.hasResolvers) throw new TranslateError(pointer, `{"${form}": true} needs an enclosing executor, thenable "then" or function`);
        return verb;
      }
      case 'this':
        if (arg !== true) throw new TranslateError(at, 'must be true');
        if (!scope.isHandler) throw new TranslateError(pointer, '{"this": true} is only allowed directly in a handler body');
        scope.usesThis = true;
        return 'this';
      case 'ref':
        if (typeof arg === 'string' && arg.startsWith('%')) {
          if (!Object.hasOwn(BUILTIN_TARGETS, arg)) throw new TranslateError(at, `${arg} names no built-in`);
          return BUILTIN_TARGETS[arg].expression;
        }
        return `rt.get(${this.name(arg, at)})`;
      case 'promise':
        return `rt.get(${this.name(arg, at)})`;
      case 'object': {
        if (!isPlainObject(arg)) throw new TranslateError(at, 'must be a JSON object');
        const props = Object.entries(arg).map(([k, val]) => `${this.key(k)}: ${this.value(val, ptr(at, k), scope)}`);
        return props.length ? `{ ${props.join(', ')} }` : '{}';
      }
      case 'thenable':
        return this.thenable(arg, at, scope);
      case 'function': {
        // An arrow, so not a constructor; its first argument is both `arg` and `resolve`.
        const inner = scope.child({ownsArg: true, hasResolvers: true});
        const text = this.statements(this.body(arg, at), at, inner);
        return `(resolve, reject) => {\n${indent(inner.depth)}const arg = resolve;\n${text}${indent(scope.depth)}}`;
      }
      case 'sloppyFunction': {
        // A non-strict `function`: rt.sloppy hands the strict body the this a sloppy function gets.
        const inner = scope.child({ownsArg: true, hasResolvers: true, isHandler: true});
        const text = this.statements(this.body(arg, at), at, inner);
        return `rt.sloppy(function (resolve, reject) {\n${indent(inner.depth)}const arg = resolve;\n${text}${indent(scope.depth)}})`;
      }
      case 'symbol':
        if (typeof arg !== 'string') throw new TranslateError(at, 'must be a string (the description)');
        return `Symbol(${lit(arg)})`;
      case 'sameValue':
        if (!Array.isArray(arg) || arg.length !== 2) throw new TranslateError(at, 'must be an array of two values');
        return `Object.is(${this.value(arg[0], ptr(at, 0), scope)}, ${this.value(arg[1], ptr(at, 1), scope)})`;
      default:
        throw new TranslateError(at, `unknown value form ${JSON.stringify(form)}`);
    }
  }

  // `{"__proto__": v}` in a literal would set the prototype; the computed form makes a property.
  key(k) {
    return k === '__proto__' ? `[${lit(k)}]` : lit(k);
  }

  thenable(t, pointer, scope) {
    if (!isPlainObject(t)) throw new TranslateError(pointer, 'must be a JSON object with "then"');
    for (const k of Object.keys(t)) {
      if (k !== 'then' && k !== 'getter') throw new TranslateError(ptr(pointer, k), `unexpected key ${JSON.stringify(k)} in a thenable`);
    }
    if (!Object.hasOwn(t, 'then')) throw new TranslateError(ptr(pointer, 'then'), 'a thenable needs "then"');
    const thenAt = ptr(pointer, 'then');
    const method = (at) => (Array.isArray(t.then)
      ? this.fn(t.then, thenAt, at, {params: 'resolve, reject', resolvers: true})
      : this.value(t.then, thenAt, at));
    if (t.getter === undefined) return `{ then: ${method(scope)} }`;
    // The getter body runs on every read of `then` (as a function of its own, so that a `return`
    // in it is ignored, as the case language says); the read then yields the method.
    const getterAt = ptr(pointer, 'getter');
    const inner = scope.child({});  // the object literal's level
    const getter = this.fn(t.getter, getterAt, inner);
    return `{\n${indent(inner.depth)}get then() {\n${indent(inner.depth + 1)}(${getter})();\n` +
      `${indent(inner.depth + 1)}return ${method(inner)};\n${indent(inner.depth)}},\n${indent(scope.depth)}}`;
  }
}

// The names of the promises a case binds, in the order their statements appear.
function promiseNames(testCase) {
  const t = new Translator(testCase);
  if (isPlainObject(testCase) && Array.isArray(testCase.program)) t.collectNames(testCase.program, '/program');
  return [...t.promiseNames.keys()];
}

function translate(testCase) {
  return new Translator(testCase).program();
}

// VERBS is exported for the test that holds it to spec/case.schema.json (tests/js/grammar.test.js).
module.exports = {translate, promiseNames, lit, TranslateError, VERBS, BUILTIN_TARGETS};

if (require.main === module) {
  const fs = require('fs');
  const file = process.argv[2];
  if (!file || process.argv.length > 3) {
    process.stderr.write('usage: node harness/node/translate.js CASE.json   (prints the JavaScript the case means)\n');
    process.exit(2);
  }
  try {
    process.stdout.write(translate(JSON.parse(fs.readFileSync(file, 'utf8'))));
  } catch (e) {
    process.stderr.write(`${file}: ${e.message}\n`);
    process.exit(1);
  }
}
