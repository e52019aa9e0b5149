#include "reference/async_function.hpp"

#include <memory>

#include "reference/promise_abstract_operations.hpp"

namespace pc::es {

// 27.7.5.3 Await ( value ) — https://tc39.es/ecma262/2025/#sec-await
void Await(Realm& realm, const Value& value, Resumption resume) {
  // 2. Let promise be ? PromiseResolve(%Promise%, value).
  auto* promise = asPromise(PromiseResolve(realm, value));
  auto shared = std::make_shared<Resumption>(std::move(resume));
  // 3-4. fulfilledClosure resumes with NormalCompletion(v).
  Object* onFulfilled = realm.makeFunction(
      [shared](const Value&, std::span<const Value> args) {
        (*shared)(Completion::normal(args.empty() ? Value(Undefined{}) : args[0]));
        return Completion::normal();
      },
      "");
  // 5-6. rejectedClosure resumes with ThrowCompletion(reason).
  Object* onRejected = realm.makeFunction(
      [shared](const Value&, std::span<const Value> args) {
        (*shared)(Completion::throwing(args.empty() ? Value(Undefined{}) : args[0]));
        return Completion::normal();
      },
      "");
  // 7. Perform PerformPromiseThen(promise, onFulfilled, onRejected).
  PerformPromiseThen(realm, promise, onFulfilled, onRejected, std::nullopt);
}

// 27.7.5.2 AsyncBlockStart ( promiseCapability, asyncBody, asyncContext ), its last steps — https://tc39.es/ecma262/2025/#sec-asyncblockstart
void AsyncFunctionComplete(Realm& realm, const PromiseCapability& capability, const Completion& result) {
  const Value args[] = {result.value};
  Call(realm, result.isAbrupt() ? capability.reject : capability.resolve, Undefined{}, args);
}

}  // namespace pc::es
