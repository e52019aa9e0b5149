#include "reference/async_function.hpp"

#include "reference/promise_abstract_operations.hpp"

namespace pc::es {
namespace {

Value argumentOf(std::span<const Value> args) { return args.empty() ? Value(Undefined{}) : args[0]; }

class AwaitFulfilledClosure;

// The rejectedClosure of Await (steps 5-6): resumes the suspended async function, its asyncContext,
// with ThrowCompletion(reason). It reaches asyncContext through fulfilledClosure, which holds it.
class AwaitRejectedClosure final : public FunctionObject {
 public:
  explicit AwaitRejectedClosure(AwaitFulfilledClosure* sibling) : sibling(sibling) {}
  Completion call(Realm& realm, const Value&, std::span<const Value> args) override;
  AwaitFulfilledClosure* sibling;  // whose asyncContext this closure captures as well
};

// The fulfilledClosure of Await (steps 3-4): resumes asyncContext with NormalCompletion(v).
// NON-SPEC, allocation only: the two closures of one Await are made together and are garbage
// together once one of them runs, so rejectedClosure is made in fulfilledClosure's place, and
// their place is reused after that job, with that of the promise of step 2 if Await made it for a
// value that is not an object (it was fulfilled at once, and no code but these steps ever held it).
class AwaitFulfilledClosure final : public FunctionObject {
 public:
  AwaitFulfilledClosure(Resumption asyncContext, PromiseObject* madeByAwait)
      : asyncContext(std::move(asyncContext)), madeByAwait(madeByAwait), rejectedClosure(this) {}
  Completion call(Realm& realm, const Value&, std::span<const Value> args) override {
    resume(realm, Completion::normal(argumentOf(args)));
    return Completion::normal();
  }
  void resume(Realm& realm, Completion&& completion) {
    realm.heap.discard(this);
    if (madeByAwait) realm.heap.discard(madeByAwait);
    asyncContext(std::move(completion));
  }
  Resumption asyncContext;
  PromiseObject* madeByAwait;  // the promise of step 2 when it is garbage once the function resumes
  AwaitRejectedClosure rejectedClosure;
};

Completion AwaitRejectedClosure::call(Realm& realm, const Value&, std::span<const Value> args) {
  sibling->resume(realm, Completion::throwing(argumentOf(args)));
  return Completion::normal();
}

}  // namespace

// 27.7.5.3 Await ( value ) — https://tc39.es/ecma262/2025/#sec-await
void Await(Realm& realm, const Value& value, Resumption resume) {
  // 2. Let promise be ? PromiseResolve(%Promise%, value). An abrupt completion (a "constructor"
  // getter that throws) is what the await expression evaluates to: the function resumes with it now.
  const Completion resolved = PromiseResolve(realm, realm.promiseConstructor, value);
  if (resolved.isAbrupt()) return resume(resolved);
  auto* promise = asPromise(resolved.value);
  // 3-4. fulfilledClosure resumes with NormalCompletion(v); 5-6. rejectedClosure, made with it,
  // resumes with ThrowCompletion(reason).
  auto* onFulfilled = realm.heap.make<AwaitFulfilledClosure>(std::move(resume), value.isObject() ? nullptr : promise);
  // 7. Perform PerformPromiseThen(promise, onFulfilled, onRejected).
  PerformPromiseThen(realm, promise, onFulfilled, &onFulfilled->rejectedClosure);
}

// 27.7.5.2 AsyncBlockStart ( promiseCapability, asyncBody, asyncContext ), its last steps — https://tc39.es/ecma262/2025/#sec-asyncblockstart
void AsyncFunctionComplete(Realm& realm, const PromiseCapability& capability, const Completion& result) {
  const Value args[] = {result.value};
  Call(realm, result.isAbrupt() ? capability.reject : capability.resolve, Undefined{}, args);
}

}  // namespace pc::es
