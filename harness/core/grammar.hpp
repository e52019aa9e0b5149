#pragma once
// The case language of spec/case-language.md as data, defined once: every verb with the keys it
// takes and what each key holds, the tagged value forms, and the id patterns. The loader validates
// with these tables, the interpreter dispatches on them, and the generators and the shrinker read
// them; tests compare them with spec/case.schema.json and with harness/node/translate.js.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "harness/core/feature.hpp"

namespace pc::grammar {

// What the value of a key is.
enum class Slot {
  Label,            // a string (log)
  Value,            // a program value
  Handler,          // a body, or a non-array value passed as-is
  Body,             // a nested function body; sees the enclosing resolve/reject
  ExecutorBody,     // a body whose resolve/reject are its own (new), or a value passed as-is
  AsyncBody,        // a body where await is allowed (async)
  GeneratorBody,    // a body where await and yield are allowed (asyncGenerator); it runs at the first next
  TryBody,          // try's callback: called with try's "args", its argument the first, {"arguments": true} all
  Delay,            // a number of virtual milliseconds (timer)
  TimerId,          // names a timer, for clearTimer (a namespace of its own)
  BindPromise,      // binds a name to a promise (as)
  BindResolvable,   // binds a name to a promise with its resolve/reject kept (new, deferred)
  BindLet,          // binds a name to a value (let)
  Receiver,         // names a promise (then, catch, finally)
  ResolverOf,       // names a promise made by new or deferred (of)
  Target,           // names anything bound: the object whose property set or define changes
  PropertyKey,      // a property name (key of set, define)
  MethodBody,       // a method: resolve/reject are its first two arguments, {"this": true} its receiver
  GetterBody,       // runs on every read of an accessor; {"this": true} is the object read
  SetterBody,       // runs on every assignment to an accessor; its argument is the value assigned
  ConstructorBody,  // a constructor's body: its argument is the executor, {"this": true} the object made
  BeforeSuperBody,  // a subclass constructor's body before super: its argument is the first, no this, no return
  Arguments,        // an array of values a function is called with (call)
  PrototypeMethod,  // then, catch or finally: a method of Promise.prototype (callPrototype)
  GeneratorMethod,  // next, return or throw: a method of %AsyncGeneratorPrototype% (resume)
};

// One per verb, in the order of the statement table; the interpreter switches over it, so a verb
// added here and not interpreted fails to compile.
// clang-format off
enum class Statement {
  Log, Return, Throw, Resolve, Reject, New, Deferred, Resolved, Rejected, Then, Catch, Finally,
  All, AllSettled, Race, Any, Try, Async, Await, Timer, ClearTimer, Microtask, Let, Set, Define,
  Constructor, Call, CallPrototype, AsyncGenerator, Yield, Resume, Subclass,
};
// clang-format on

struct Key {
  std::string_view name;
  Slot slot;
  bool required;
};

struct Verb {
  Statement statement;
  std::string_view name;
  Slot slot;                            // what the verb key itself holds
  std::vector<Key> modifiers;           // the other keys the statement may have
  std::optional<Feature> feature;       // what a subject needs to run it
  bool onlyInAsyncBody = false;         // await (in an async or asyncGenerator body)
  bool usesEnclosingResolvers = false;  // resolve / reject without "of"
  std::string_view rule = {};           // the ES algorithm the statement calls, if it calls one
  bool onlyInGeneratorBody = false;     // yield (in an asyncGenerator body)

  bool takes(Slot modifier) const;  // whether one of its other keys holds that, e.g. BindPromise ("as")
};

std::span<const Verb> verbs();
const Verb* findVerb(std::string_view name);
// The verb of a statement: the first key of `statement` that is a verb; nullptr when it has none
// (or is not an object). The loader guarantees that a valid statement has exactly one.
const Verb* verbOf(const nlohmann::json& statement);
std::string verbList();  // "log, return, throw, ..." for messages

// Tagged value forms: an object value has exactly one of these keys.
std::span<const std::string_view> programValueForms();  // undefined, number, argument, error, ...
std::span<const std::string_view> traceValueForms();    // adds function; no argument or thenable
std::span<const std::string_view> nonFiniteNumbers();   // NaN, Infinity, -Infinity
std::span<const std::string_view> programErrorNames();  // the constructors a program may call
std::span<const std::string_view> traceErrorNames();    // adds AggregateError, which engines make
std::span<const std::string_view> traceEventKeys();     // unhandled, handled, uncaught

// The property keys set and define may not use: each names a property whose meaning the case
// language does not model (a prototype, a constructor, a function's or an error's own parts).
std::span<const std::string_view> reservedPropertyKeys();
std::string_view propertyKeyPattern();  // an identifier: ^[A-Za-z_$][A-Za-z0-9_$]*$
std::span<const std::string_view> symbolPropertyKeys();
std::span<const std::string_view> prototypeMethods();
std::span<const std::string_view> generatorMethods();  // next, return, throw: what resume calls
// The built-ins set and define may change, in ECMA-262's notation (%Promise.prototype%), each with
// the one property promise algorithms read from it by name: %Promise%.resolve (the combinators and
// Promise.resolve), %Promise.prototype%.then and %Array.prototype%.then (resolving with a promise
// or an array).
struct BuiltinTarget {
  std::string_view name;
  std::string_view key;
};
std::span<const BuiltinTarget> builtinTargets();
const BuiltinTarget* findBuiltinTarget(std::string_view name);
std::string builtinTargetList();  // "%Promise%, %Promise.prototype%, %Array.prototype%" for messages
// A set/define target written as a built-in (it starts with '%'), known or not.
bool isBuiltinTargetSpelling(std::string_view target);  // then, catch, finally: what callPrototype calls  //
                                                        // Symbol.iterator, written as JavaScript names it
bool isPropertyKey(std::string_view key);               // matches the pattern and is not reserved, or is a symbol key

bool contains(std::span<const std::string_view> list, std::string_view item);
std::string join(std::span<const std::string_view> list);  // "a, b, c"

// Ids. The patterns are ECMAScript regular expressions, as in the JSON schemas.
std::string_view caseIdPattern();
std::string_view ruleIdPattern();                                        // any family
std::optional<std::string_view> ruleIdPattern(std::string_view family);  // one family
std::span<const std::string_view> ruleFamilies();                        // aplus, es, host, seed
std::string_view ruleIdShape(std::string_view family);                   // "es.<AlgorithmOrBuiltin>[.<detail>]"
bool isCaseId(std::string_view id);
bool isRuleId(std::string_view id);
bool isRuleIdOf(std::string_view family, std::string_view id);
// A path under test262's test/ directory, as a case's "test262" field cites it.
std::string_view test262PathPattern();
bool isTest262Path(std::string_view path);

}  // namespace pc::grammar
