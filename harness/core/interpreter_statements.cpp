// The statements of the case language, each run as its JavaScript meaning (spec/case-language.md).
#include <algorithm>
#include <stdexcept>

#include "harness/core/grammar.hpp"
#include "harness/core/interpreter_run.hpp"
#include "reference/promise_builtins.hpp"

namespace pc::interp {
namespace {

Step stepOf(const Completion& c) { return c.isAbrupt() ? Step::thrown(c.value) : Step::next(); }

}  // namespace

Completion Run::runBody(const Json& body, const Env& env) {
  Env local = env;
  for (const Json& statement : body) {
    Step step = runStatement(statement, local);
    if (step.kind == Step::Kind::Throw) return Completion::throwing(step.value);
    if (step.kind == Step::Kind::Return) return Completion::normal(step.value);
  }
  return Completion::normal();
}

// An async function body from `index` on. At an await it hands the rest of the body to the runtime
// as the continuation; at its end it settles the async function's promise.
void Run::runAsync(const Json* body, Env env, std::size_t index, es::PromiseCapability capability) {
  for (; index < body->size(); ++index) {
    const Json& statement = (*body)[index];
    const grammar::Verb* verb = grammar::verbOf(statement);
    if (verb && verb->statement == grammar::Statement::Await) {
      Completion operand = evaluate(statement["await"], env);
      if (operand.isAbrupt()) return rt_.completeAsyncFunction(capability, operand);
      rt_.await(operand.value, [this, body, env, index, capability](Completion resumed) {
        if (resumed.isAbrupt()) return rt_.completeAsyncFunction(capability, resumed);
        Env after = env;
        after.argument = resumed.value;
        runAsync(body, after, index + 1, capability);
      });
      return;
    }
    Step step = runStatement(statement, env);
    if (step.kind == Step::Kind::Throw) return rt_.completeAsyncFunction(capability, Completion::throwing(step.value));
    if (step.kind == Step::Kind::Return) return rt_.completeAsyncFunction(capability, Completion::normal(step.value));
  }
  rt_.completeAsyncFunction(capability, Completion::normal());
}

// An async generator's body from `index` on, once next has resumed it. At an await or a yield it
// hands the rest of the body on as the continuation; a return awaits its value (14.10.1); at its
// end, or at a throw or return completion, the generator completes its requests.
void Run::runGenerator(const Json* body, Env env, std::size_t index, es::AsyncGeneratorObject* generator) {
  const auto ended = [this, generator](Completion result) { es::AsyncGeneratorBodyEnded(realm_, generator, result); };
  for (; index < body->size(); ++index) {
    const Json& statement = (*body)[index];
    const grammar::Verb* verb = grammar::verbOf(statement);
    const grammar::Statement kind = verb ? verb->statement : grammar::Statement::Log;
    if (kind == grammar::Statement::Await || kind == grammar::Statement::Yield || kind == grammar::Statement::Return) {
      Completion operand = evaluate(statement[verb->name], env);
      if (operand.isAbrupt()) return ended(operand);
      // The rest of the body: the statement after this one, with the expression's value as argument.
      const auto goOn = [this, body, env, index, generator, ended](Completion resumed) {
        if (resumed.isAbrupt()) return ended(resumed);
        Env after = env;
        after.argument = resumed.value;
        runGenerator(body, after, index + 1, generator);
      };
      if (kind == grammar::Statement::Await) return es::Await(realm_, operand.value, goOn);
      if (kind == grammar::Statement::Yield)
        return es::AsyncGeneratorYieldExpression(realm_, generator, operand.value, goOn);
      return es::AsyncGeneratorReturnStatement(realm_, operand.value, ended);
    }
    Step step = runStatement(statement, env);
    if (step.kind == Step::Kind::Throw) return ended(Completion::throwing(step.value));
  }
  ended(Completion::normal());
}

// Dispatch goes through the grammar's table: the loader has validated the statement's shape, and
// a statement without a known verb is our own fault, never run as something else.
Step Run::runStatement(const Json& s, Env& env) {
  const grammar::Verb* verb = grammar::verbOf(s);
  if (!verb) throw std::logic_error("the interpreter met a statement with no verb it knows: " + s.dump());
  const std::string_view name = verb->name;
  switch (verb->statement) {
    case grammar::Statement::Log: return log(s, env);
    case grammar::Statement::Return:
    case grammar::Statement::Throw: return returnOrThrow(s, env, verb->statement == grammar::Statement::Return);
    case grammar::Statement::Resolve:
    case grammar::Statement::Reject: return callResolver(s, env, name);
    case grammar::Statement::New: return newPromise(s, env);
    case grammar::Statement::Deferred: return deferred(s, env);
    case grammar::Statement::Then:
    case grammar::Statement::Catch:
    case grammar::Statement::Finally: return promiseMethod(s, env, name);
    case grammar::Statement::Resolved:
    case grammar::Statement::Rejected:
    case grammar::Statement::All:
    case grammar::Statement::AllSettled:
    case grammar::Statement::Race:
    case grammar::Statement::Any:
    case grammar::Statement::Try: return staticMethod(s, env, verb->statement);
    case grammar::Statement::Async: return asyncCall(s, env);
    // Only valid directly in an async body, where runAsync handles it.
    case grammar::Statement::Await: return Step::thrown(realm_.makeError("SyntaxError", std::nullopt, true));
    case grammar::Statement::Timer: return scheduleTimer(s, env);
    case grammar::Statement::ClearTimer: return clearTimer(s);
    case grammar::Statement::Microtask: return queueMicrotask(s, env);
    case grammar::Statement::Let: return let(s, env);
    case grammar::Statement::Set: return setProperty(s, env);
    case grammar::Statement::Define: return defineProperty(s, env);
    case grammar::Statement::Constructor: return defineConstructor(s, env);
    case grammar::Statement::Call: return callFunction(s, env);
    case grammar::Statement::CallPrototype: return callPrototype(s, env);
    case grammar::Statement::AsyncGenerator: return asyncGenerator(s, env);
    // Only valid directly in an asyncGenerator body, where runGenerator handles it.
    case grammar::Statement::Yield: return Step::thrown(realm_.makeError("SyntaxError", std::nullopt, true));
    case grammar::Statement::Resume: return resume(s, env);
    case grammar::Statement::Subclass: return defineSubclass(s, env);
  }
  throw std::logic_error("unhandled statement kind for verb " + std::string(name));
}

Step Run::returnOrThrow(const Json& s, Env& env, bool isReturn) {
  Completion v = evaluate(s[isReturn ? "return" : "throw"], env);
  if (v.isAbrupt()) return Step::thrown(v.value);
  return isReturn ? Step::returned(v.value) : Step::thrown(v.value);
}

Step Run::let(const Json& s, Env& env) {
  Completion v = evaluate(s["value"], env);
  if (!v.isAbrupt()) bind(s["let"].get<std::string>(), v.value, false);
  return stepOf(v);
}

Step Run::log(const Json& s, Env& env) {
  Completion v = s.contains("value") ? evaluate(s["value"], env) : Completion::normal(env.argument);
  if (v.isAbrupt()) return Step::thrown(v.value);
  record(Json::array({s["log"], encode(v.value)}));
  return Step::next();
}

// `resolve`/`reject`: the enclosing executor's or then's function, or those of the promise "of" names.
Step Run::callResolver(const Json& s, Env& env, std::string_view verb) {
  std::optional<std::pair<Value, Value>> resolvers = env.resolvers;
  if (s.contains("of")) {
    const std::string name = s["of"].get<std::string>();
    auto found = resolvers_.find(name);
    if (found == resolvers_.end()) return stepOf(referenceError(name));
    resolvers = found->second;
  }
  if (!resolvers) return stepOf(referenceError(std::string(verb)));
  Completion v = evaluate(s[verb], env);
  if (v.isAbrupt()) return Step::thrown(v.value);
  const Value args[] = {v.value};
  return stepOf(es::Call(realm_, verb == "resolve" ? resolvers->first : resolvers->second, Undefined{}, args));
}

Step Run::newPromise(const Json& s, Env& env) {
  const std::string name = s["new"].get<std::string>();
  // A non-body executor is passed as-is: `new Promise(5)` throws a TypeError.
  Completion executor = s["executor"].is_array()
                            ? Completion::normal(makeFunction(s["executor"], env, Params::Resolvers, name))
                            : evaluate(s["executor"], env);
  if (executor.isAbrupt()) return Step::thrown(executor.value);
  Completion c = rt_.construct(executor.value);
  if (!c.isAbrupt()) bind(name, c.value, true);
  if (!c.isAbrupt() && s["executor"].is_array()) releaseUnusedResolvers(name, &s["executor"], c.value);
  return stepOf(c);
}

Step Run::deferred(const Json& s, const Env& env) {
  Completion c = Completion::normal();
  if (s.contains("on")) {
    Completion C = evaluate(s["on"], env);
    c = C.isAbrupt() ? C : es::PromiseWithResolvers(realm_, C.value);
  } else {
    c = rt_.withResolvers();
  }
  if (c.isAbrupt()) return Step::thrown(c.value);
  const es::Object* record = c.value.asObject();
  const std::string name = s["deferred"].get<std::string>();
  resolvers_[name] = {record->findOwn("resolve")->value, record->findOwn("reject")->value};
  bind(name, record->findOwn("promise")->value, true);
  releaseUnusedResolvers(name, nullptr, record->findOwn("promise")->value);
  return Step::next();
}

namespace {

// A resolve or reject statement anywhere in `j` that calls the enclosing resolvers (no "of"), or
// with "of" naming `name`. Conservative: any such key counts, even inside a nested executor.
bool callsResolvers(const Json& j, const std::string* name) {
  if (j.is_array()) return std::any_of(j.begin(), j.end(), [&](const Json& x) { return callsResolvers(x, name); });
  if (!j.is_object()) return false;
  if (j.contains("resolve") || j.contains("reject")) {
    const auto of = j.find("of");
    if (of == j.end() ? name == nullptr : name != nullptr && of->is_string() && of->get<std::string>() == *name)
      return true;
  }
  return std::any_of(j.begin(), j.end(), [&](const Json& x) { return callsResolvers(x, name); });
}

}  // namespace

// After an executor (or a deferred's creation), the resolvers stay reachable only through the
// executor's own body or a statement naming them with "of" anywhere in the case.
void Run::releaseUnusedResolvers(const std::string& name, const Json* executor, const Value& promise) {
  if (executor != nullptr && callsResolvers(*executor, nullptr)) return;
  if (program_ != nullptr && callsResolvers(*program_, &name)) return;
  rt_.releaseResolvers(promise);
}

// then, catch and finally on a named receiver.
Step Run::promiseMethod(const Json& s, Env& env, std::string_view verb) {
  Completion receiver = lookup(s[verb].get<std::string>());
  if (receiver.isAbrupt()) return Step::thrown(receiver.value);
  if (verb == "then") {
    Completion onFulfilled = handler(s, "onFulfilled", env);
    if (onFulfilled.isAbrupt()) return Step::thrown(onFulfilled.value);
    Completion onRejected = handler(s, "onRejected", env);
    if (onRejected.isAbrupt()) return Step::thrown(onRejected.value);
    return bindResult(s, rt_.then(receiver.value, onFulfilled.value, onRejected.value));
  }
  Completion h = handler(s, verb == "catch" ? "onRejected" : "onFinally", env);
  if (h.isAbrupt()) return Step::thrown(h.value);
  return bindResult(
      s, verb == "catch" ? rt_.catchRejection(receiver.value, h.value) : rt_.finally(receiver.value, h.value));
}

// Promise.resolve, reject, all, allSettled, race, any and try.
Step Run::staticMethod(const Json& s, Env& env, grammar::Statement statement) {
  using grammar::Statement;
  if (s.contains("on")) return staticMethodOn(s, env, statement);
  if (statement == Statement::Try) {
    // Promise.try(callback, ...args): the callback, then each argument.
    const Value callback = makeFunction(s["try"], env, Params::AllArguments);
    std::vector<Value> args;
    if (Completion list = argumentList(s, env, args); list.isAbrupt()) return Step::thrown(list.value);
    return bindResult(s, rt_.tryCall(callback, args));
  }
  Completion operand = evaluate(s[grammar::verbOf(s)->name], env);
  if (operand.isAbrupt()) return Step::thrown(operand.value);
  const Value& v = operand.value;
  switch (statement) {
    case Statement::Resolved: return bindResult(s, rt_.resolved(v));
    case Statement::Rejected: return bindResult(s, rt_.rejected(v));
    case Statement::All: return bindResult(s, rt_.all(v));
    case Statement::AllSettled: return bindResult(s, rt_.allSettled(v));
    case Statement::Race: return bindResult(s, rt_.race(v));
    case Statement::Any: return bindResult(s, rt_.any(v));
    default: throw std::logic_error("not a static method: " + s.dump());
  }
}

// Promise.resolve.call(C, v) and its siblings: the this value is evaluated first, as the member
// expression is, then the argument, and the method is read from %Promise% (a program may have
// replaced Promise.resolve). Only JavaScript's subjects run these (feature constructors), so they
// call the reference's algorithms on the realm directly.
Step Run::staticMethodOn(const Json& s, Env& env, grammar::Statement statement) {
  using grammar::Statement;
  Completion C = evaluate(s["on"], env);
  if (C.isAbrupt()) return Step::thrown(C.value);
  const std::string_view verb = grammar::verbOf(s)->name;
  Completion operand = statement == Statement::Try
                           ? Completion::normal(makeFunction(s["try"], env, Params::AllArguments))
                           : evaluate(s[verb], env);
  if (operand.isAbrupt()) return Step::thrown(operand.value);
  std::vector<Value> args{operand.value};
  if (Completion list = argumentList(s, env, args); list.isAbrupt()) return Step::thrown(list.value);
  // The statement's verb is the method's name but for resolved and rejected.
  const std::string_view method = statement == Statement::Resolved   ? "resolve"
                                  : statement == Statement::Rejected ? "reject"
                                                                     : verb;
  Completion f = es::Get(realm_, realm_.promiseConstructor, method);
  if (f.isAbrupt()) return Step::thrown(f.value);
  return bindResult(s, es::Call(realm_, f.value, C.value, args));
}

// function C(executor) { B }: a constructor whose body sees the executor as its argument.
Step Run::defineConstructor(const Json& s, const Env& env) {
  const Json* code = &s["body"];
  const auto resolvers = env.resolvers;
  const Value C = realm_.makeConstructor([this, code, resolvers](const Value& receiver, std::span<const Value> args) {
    return runBody(*code, Env{args.empty() ? Value(Undefined{}) : args[0], resolvers, receiver});
  });
  bind(s["customConstructor"].get<std::string>(), C, false);
  return Step::next();
}

// C = class extends Promise { constructor(...args) { before; super(...args); after } }: the reference
// models the class and its super call; `before` and `after` are the program's code around it.
Step Run::defineSubclass(const Json& s, const Env& env) {
  const auto part = [this, &s, resolvers = env.resolvers](const char* key) -> es::Behaviour {
    if (!s.contains(key)) return [](const Value&, std::span<const Value>) { return Completion::normal(); };
    const Json* code = &s[key];
    return [this, code, resolvers](const Value& thisValue, std::span<const Value> args) {
      return runBody(*code, Env{args.empty() ? Value(Undefined{}) : args[0], resolvers, thisValue});
    };
  };
  bind(s["subclass"].get<std::string>(), realm_.makePromiseSubclass(part("before"), part("after")), false);
  return Step::next();
}

// f(...args): the function, then each argument, are evaluated, then called with this undefined.
Step Run::callFunction(const Json& s, Env& env) {
  Completion f = evaluate(s["call"], env);
  if (f.isAbrupt()) return Step::thrown(f.value);
  std::vector<Value> args;
  if (Completion list = argumentList(s, env, args); list.isAbrupt()) return Step::thrown(list.value);
  return stepOf(es::Call(realm_, f.value, Undefined{}, args));
}

// The values of "args", in order (none when absent), after those `out` holds.
Completion Run::argumentList(const Json& s, Env& env, std::vector<Value>& out) {
  if (!s.contains("args")) return Completion::normal();
  Completion list = evaluate(s["args"], env);
  if (list.isAbrupt()) return list;
  const std::vector<Value>& elements = static_cast<const es::ArrayObject*>(list.value.asObject())->elements;
  out.insert(out.end(), elements.begin(), elements.end());
  return list;
}

// Promise.prototype.M.call(receiver, ...args): the built-in method, whatever the receiver and its own
// then. Only JavaScript's subjects run these (feature constructors), so they call the reference's
// algorithms on the realm directly.
Step Run::callPrototype(const Json& s, Env& env) {
  Completion receiver = evaluate(s["receiver"], env);
  if (receiver.isAbrupt()) return Step::thrown(receiver.value);
  std::vector<Value> args;
  if (Completion list = argumentList(s, env, args); list.isAbrupt()) return Step::thrown(list.value);
  // Promise.prototype[method], as the member expression reads it: a program may have replaced then.
  Completion f = es::Get(realm_, realm_.promisePrototype, s["callPrototype"].get<std::string>());
  if (f.isAbrupt()) return Step::thrown(f.value);
  return bindResult(s, es::Call(realm_, f.value, receiver.value, args));
}

// g = (async function* () { B })(): only JavaScript's subjects run these (feature async-generators),
// so they call the reference's algorithms on the realm directly.
Step Run::asyncGenerator(const Json& s, const Env& env) {
  const Json* body = &s["body"];
  const Env start{Undefined{}, env.resolvers, Undefined{}};
  es::AsyncGeneratorObject* generator = es::CreateAsyncGenerator(
      realm_, [this, body, start](es::AsyncGeneratorObject* self) { runGenerator(body, start, 0, self); });
  bind(s["asyncGenerator"].get<std::string>(), generator, false);
  return Step::next();
}

// q = %AsyncGeneratorPrototype%[with].call(receiver, value): the built-in method, whatever the
// receiver; it never throws, for a receiver that is no generator rejects the promise it returns.
Step Run::resume(const Json& s, Env& env) {
  Completion receiver = evaluate(s["resume"], env);
  if (receiver.isAbrupt()) return Step::thrown(receiver.value);
  Completion value = s.contains("value") ? evaluate(s["value"], env) : Completion::normal();
  if (value.isAbrupt()) return Step::thrown(value.value);
  const std::string method = s["with"].get<std::string>();
  const Value promise = method == "next"     ? es::AsyncGeneratorPrototypeNext(realm_, receiver.value, value.value)
                        : method == "return" ? es::AsyncGeneratorPrototypeReturn(realm_, receiver.value, value.value)
                                             : es::AsyncGeneratorPrototypeThrow(realm_, receiver.value, value.value);
  return bindResult(s, Completion::normal(promise));
}

Step Run::asyncCall(const Json& s, Env& env) {
  const es::PromiseCapability capability = rt_.startAsyncFunction();
  runAsync(&s["async"], Env{Undefined{}, env.resolvers, Undefined{}}, 0, capability);
  return bindResult(s, Completion::normal(capability.promise));
}

Step Run::scheduleTimer(const Json& s, Env& env) {
  const Value callback = makeFunction(s["do"], env, Params::None);
  const std::uint64_t sequence = timers_.schedule(s["timer"].get<double>(), journal_.current(), journal_.events(),
                                                  [this, callback] { callReportingUncaught(callback); });
  if (s.contains("id")) timerIds_[s["id"].get<std::string>()] = sequence;
  return Step::next();
}

Step Run::clearTimer(const Json& s) {
  if (auto found = timerIds_.find(s["clearTimer"].get<std::string>()); found != timerIds_.end())
    timers_.cancel(found->second);
  return Step::next();
}

Step Run::queueMicrotask(const Json& s, Env& env) {
  const Value callback = makeFunction(s["microtask"], env, Params::None);
  rt_.queueMicrotask("queueMicrotask callback", [this, callback] { callReportingUncaught(callback); });
  return Step::next();
}

// Binds the statement's "as" name to what the call returned; a throw propagates.
Step Run::bindResult(const Json& s, const Completion& c) {
  if (!c.isAbrupt() && s.contains("as")) bind(s["as"].get<std::string>(), c.value, true);
  // Nothing can name a promise no statement bound: the program has dropped it.
  if (!c.isAbrupt() && !s.contains("as") && rt_.isPromise(c.value)) rt_.release(c.value);
  return stepOf(c);
}

// What set assigns, or what define's getter yields: the method (a function made once, whose
// resolve/reject are its first two arguments), the value, or undefined.
Completion Run::propertyValue(const Json& s, const Env& env) {
  if (s.contains("method")) return Completion::normal(makeFunction(s["method"], env, Params::Resolvers));
  if (s.contains("value")) return evaluate(s["value"], env);
  return Completion::normal();
}

// name[key] = value: the object is looked up, then the value evaluated, then [[Set]] runs.
Step Run::setProperty(const Json& s, Env& env) {
  Completion target = lookupTarget(s["set"].get<std::string>());
  if (target.isAbrupt()) return Step::thrown(target.value);
  Completion v = propertyValue(s, env);
  if (v.isAbrupt()) return Step::thrown(v.value);
  return stepOf(es::Set(realm_, target.value, s["key"].get<std::string>(), v.value));
}

// Object.defineProperty(name, key, {get, set, enumerable: true, configurable: true}).
Step Run::defineProperty(const Json& s, Env& env) {
  Completion target = lookupTarget(s["define"].get<std::string>());
  if (target.isAbrupt()) return Step::thrown(target.value);
  Completion yields = propertyValue(s, env);
  if (yields.isAbrupt()) return Step::thrown(yields.value);
  es::Object* getter = nullptr;
  es::Object* setter = nullptr;
  if (s.contains("getter")) {
    const Json* body = &s["getter"];
    const auto resolvers = env.resolvers;
    getter = realm_.makeFunction([this, body, resolvers, yields](const Value& receiver, std::span<const Value>) {
      Completion c = runBody(*body, Env{Undefined{}, resolvers, receiver});
      return c.isAbrupt() ? c : Completion::normal(yields.value);  // the body's return value is ignored
    });
  }
  if (s.contains("setter")) {
    const Json* body = &s["setter"];
    const auto resolvers = env.resolvers;
    setter = realm_.makeFunction([this, body, resolvers](const Value& receiver, std::span<const Value> args) {
      Completion c = runBody(*body, Env{args.empty() ? Value(Undefined{}) : args[0], resolvers, receiver});
      return c.isAbrupt() ? c : Completion::normal();
    });
  }
  // Object.defineProperty throws a TypeError when its first argument is not an object.
  if (!target.value.isObject()) return Step::thrown(realm_.throwTypeError("defineProperty on a primitive").value);
  target.value.asObject()->defineAccessor(s["key"].get<std::string>(), getter, setter);
  return Step::next();
}

// A body as a JavaScript function. Executors and thenable `then` methods take (resolve, reject);
// handlers take their argument; other nested bodies take nothing. All close over `outer`.
Value Run::makeFunction(const Json& body, const Env& outer, Params params, std::string resolversOf) {
  const Json* code = &body;
  return realm_.makeFunction(
      [this, code, outer, params, resolversOf](const Value& receiver, std::span<const Value> args) {
        auto arg = [&](std::size_t i) { return i < args.size() ? args[i] : Value(Undefined{}); };
        const bool sloppy = params == Params::SloppyArgumentAndResolvers;
        // OrdinaryCallBindThis (10.2.1.2) step 6 for a non-strict function. No statement calls a
        // function with a primitive this, whose wrapper object (ToObject) the model does not have.
        Env env{Undefined{}, outer.resolvers,
                sloppy && (receiver.isUndefined() || receiver.isNull()) ? Value(realm_.globalObject) : receiver};
        if (params == Params::Argument) env.argument = arg(0);
        if (params == Params::Resolvers || params == Params::ArgumentAndResolvers || sloppy)
          env.resolvers = std::pair{arg(0), arg(1)};
        if (params == Params::ArgumentAndResolvers || params == Params::AllArguments || sloppy) env.argument = arg(0);
        if (params == Params::AllArguments) env.arguments = realm_.makeArray({args.begin(), args.end()});
        if (!resolversOf.empty()) resolvers_[resolversOf] = *env.resolvers;
        return runBody(*code, env);
      });
}

}  // namespace pc::interp
