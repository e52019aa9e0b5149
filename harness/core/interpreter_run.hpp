#pragma once
// Private to the interpreter: the state of one run, shared by interpreter.cpp (the event loop),
// interpreter_statements.cpp and interpreter_values.cpp.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "harness/core/grammar.hpp"
#include "harness/core/job_journal.hpp"
#include "harness/core/promise_names.hpp"
#include "harness/core/promise_runtime.hpp"
#include "harness/core/run_budget.hpp"
#include "harness/core/timer_queue.hpp"
#include "harness/core/trace.hpp"
#include "harness/core/value_encoding.hpp"
#include "reference/async_generator.hpp"

namespace pc::interp {

using es::Completion;
using es::Undefined;
using es::Value;

// What a running body sees: its argument, and the resolve/reject functions of the nearest
// enclosing executor or thenable `then`.
struct Env {
  Value argument;
  std::optional<std::pair<Value, Value>> resolvers;
  Value receiver;                 // the `this` the body was called with ({"this": true}; handlers only)
  Value arguments = Undefined{};  // an array of every argument ({"arguments": true}; try bodies only)
};

// How a body, made into a function, binds its parameters.
// ArgumentAndResolvers: a function value, whose first argument is both its argument and its resolve.
// AllArguments: try's callback, whose argument is its first and {"arguments": true} all of them.
// SloppyArgumentAndResolvers: ArgumentAndResolvers in a non-strict function, whose this is the global
// object when it is called with undefined or null.
enum class Params { None, Argument, Resolvers, ArgumentAndResolvers, AllArguments, SloppyArgumentAndResolvers };

// The outcome of one statement: go on, return from the body, or throw.
struct Step {
  enum class Kind { Next, Return, Throw };
  Kind kind = Kind::Next;
  Value value;

  static Step next() { return {}; }
  static Step thrown(Value v) { return {Kind::Throw, std::move(v)}; }
  static Step returned(Value v) { return {Kind::Return, std::move(v)}; }
};

class Run {
 public:
  Run(PromiseRuntime& runtime, const Budgets& budgets);
  Trace execute(const Json& program);

 private:
  // The event loop (interpreter.cpp).
  void macrotask(std::string_view kind, std::string description, double time, int enqueuedBy, std::size_t afterEvents,
                 std::vector<int> after, const std::function<void()>& work);
  void checkpoint(int macrotaskJob);
  void reportRejections(const std::vector<es::RejectionReport>& reports);
  void callReportingUncaught(const Value& function);
  void record(Json event);
  Json encode(const Value& v) const { return encodeValue(v, names_); }
  Json finalStates();

  // Bodies and statements (interpreter_statements.cpp).
  Completion runBody(const Json& body, const Env& env);
  void runAsync(const Json* body, Env env, std::size_t index, es::PromiseCapability capability);
  void runGenerator(const Json* body, Env env, std::size_t index, es::AsyncGeneratorObject* generator);
  Step runStatement(const Json& statement, Env& env);
  Value makeFunction(const Json& body, const Env& outer, Params params, std::string resolversOf = {});
  Step log(const Json& s, Env& env);
  Step returnOrThrow(const Json& s, Env& env, bool isReturn);
  Step let(const Json& s, Env& env);
  Step callResolver(const Json& s, Env& env, std::string_view verb);
  Step newPromise(const Json& s, Env& env);
  Step deferred(const Json& s, const Env& env);
  Step promiseMethod(const Json& s, Env& env, std::string_view verb);
  Step staticMethod(const Json& s, Env& env, grammar::Statement statement);
  Step asyncCall(const Json& s, Env& env);
  Step scheduleTimer(const Json& s, Env& env);
  Step clearTimer(const Json& s);
  Step queueMicrotask(const Json& s, Env& env);
  Step bindResult(const Json& s, const Completion& c);
  Step setProperty(const Json& s, Env& env);
  Step defineProperty(const Json& s, Env& env);
  Step defineConstructor(const Json& s, const Env& env);
  Step defineSubclass(const Json& s, const Env& env);
  Step callFunction(const Json& s, Env& env);
  Step callPrototype(const Json& s, Env& env);
  Step asyncGenerator(const Json& s, const Env& env);
  Step resume(const Json& s, Env& env);
  Completion argumentList(const Json& s, Env& env, std::vector<Value>& out);
  Step staticMethodOn(const Json& s, Env& env, grammar::Statement statement);
  Completion propertyValue(const Json& s, const Env& env);
  void releaseUnusedResolvers(const std::string& name, const Json* executor, const Value& promise);

  // Values and names (interpreter_values.cpp).
  Completion evaluate(const Json& value, const Env& env);
  Completion evaluateTagged(const Json& value, const Env& env);
  Completion makeThenable(const Json& spec, const Env& env);
  Completion sameValue(const Json& pair, const Env& env);
  Completion handler(const Json& s, const char* key, const Env& env);
  Completion lookup(const std::string& name);
  // What set and define change: a name bound earlier, or a built-in ("%Promise.prototype%").
  Completion lookupTarget(const std::string& target);
  Completion referenceError(const std::string& name);
  void bind(const std::string& name, const Value& value, bool namesAPromise);

  PromiseRuntime& rt_;
  es::Realm& realm_;
  VirtualTimerQueue timers_;
  int lastTimerJob_ = -1;
  std::map<int, double> macrotaskTime_;            // job id -> the virtual clock it ran at
  std::map<std::string, std::uint64_t> timerIds_;  // "id" of a timer statement -> its sequence
  std::map<std::string, Value> bindings_;
  std::map<std::string, std::pair<Value, Value>> resolvers_;
  std::set<std::string> promiseNames_;  // names bound by new, deferred or "as"
  const Json* program_ = nullptr;       // the whole case, to tell which resolvers it can still call
  ObjectNames names_;
  PromiseNames describePromises_{realm_.heap, names_};  // for job descriptions
  JobJournal journal_;                                  // every job of the run, macrotasks and the runtime's microtasks
  Trace trace_;
  RunBudget budget_;  // reads trace_, declared before it
};

}  // namespace pc::interp
