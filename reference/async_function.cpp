#include "reference/async_function.hpp"

#include "reference/promise_abstract_operations.hpp"

namespace pc::es {
namespace {

Value argumentOf(std::span<const Value> args) { return args.empty() ? Value(Undefined{}) : args[0]; }

class AwaitRejectedClosure;

// The fulfilledClosure of Await (steps 3-4): resumes the suspended async function, its asyncContext,
// with NormalCompletion(v). It holds that asyncContext for rejectedClosure too.
class AwaitFulfilledClosure final : public FunctionObject {
 public:
  AwaitFulfilledClosure(Resumption asyncContext, PromiseObject* madeByAwait)
      : asyncContext(std::move(asyncContext)), madeByAwait(madeByAwait) {}
  Completion call(Realm& realm, const Value&, std::span<const Value> args) override {
    resume(realm, Completion::normal(argumentOf(args)));
    return Completion::normal();
  }
  // NON-SPEC, allocation only: once one closure runs, the two closures are garbage, and so is the
  // promise of step 2 if Await made it for a value that is not an object (it was fulfilled at once,
  // and no code but these steps ever held it); their places are reused after this job.
  void resume(Realm& realm, Completion completion);
  Resumption asyncContext;
  PromiseObject* madeByAwait;  // the promise of step 2 when it is garbage once the function resumes
  AwaitRejectedClosure* sibling = nullptr;
};

// The rejectedClosure of Await (steps 5-6): resumes the same asyncContext with ThrowCompletion(reason).
class AwaitRejectedClosure final : public FunctionObject {
 public:
  explicit AwaitRejectedClosure(AwaitFulfilledClosure* sibling) : sibling(sibling) {}
  Completion call(Realm& realm, const Value&, std::span<const Value> args) override {
    sibling->resume(realm, Completion::throwing(argumentOf(args)));
    return Completion::normal();
  }
  AwaitFulfilledClosure* sibling;  // whose asyncContext this closure captures as well
};

void AwaitFulfilledClosure::resume(Realm& realm, Completion completion) {
  realm.heap.discard(this);
  realm.heap.discard(sibling);
  if (madeByAwait) realm.heap.discard(madeByAwait);
  asyncContext(std::move(completion));
}

}  // namespace

// 27.7.5.3 Await ( value ) — https://tc39.es/ecma262/2025/#sec-await
void Await(Realm& realm, const Value& value, Resumption resume) {
  // 2. Let promise be ? PromiseResolve(%Promise%, value). An abrupt completion (a "constructor"
  // getter that throws) is what the await expression evaluates to: the function resumes with it now.
  const Completion resolved = PromiseResolve(realm, realm.promiseConstructor, value);
  if (resolved.isAbrupt()) return resume(resolved);
  auto* promise = asPromise(resolved.value);
  // 3-4. fulfilledClosure resumes with NormalCompletion(v).
  auto* onFulfilled = realm.heap.make<AwaitFulfilledClosure>(std::move(resume), value.isObject() ? nullptr : promise);
  // 5-6. rejectedClosure resumes with ThrowCompletion(reason).
  auto* onRejected = realm.heap.make<AwaitRejectedClosure>(onFulfilled);
  onFulfilled->sibling = onRejected;
  // 7. Perform PerformPromiseThen(promise, onFulfilled, onRejected).
  PerformPromiseThen(realm, promise, onFulfilled, onRejected, std::nullopt);
}

// 27.7.5.2 AsyncBlockStart ( promiseCapability, asyncBody, asyncContext ), its last steps — https://tc39.es/ecma262/2025/#sec-asyncblockstart
void AsyncFunctionComplete(Realm& realm, const PromiseCapability& capability, const Completion& result) {
  const Value args[] = {result.value};
  Call(realm, result.isAbrupt() ? capability.reject : capability.resolve, Undefined{}, args);
}

}  // namespace pc::es
