#include "reference/async_generator.hpp"

#include "reference/promise_abstract_operations.hpp"

namespace pc::es {
namespace {

using State = AsyncGeneratorState;

void AsyncGeneratorDrainQueue(Realm& realm, AsyncGeneratorObject* generator);

// 7.4.14 CreateIteratorResultObject ( value, done ) — https://tc39.es/ecma262/2025/#sec-createiterresultobject
Object* CreateIteratorResultObject(Realm& realm, const Value& value, bool done) {
  Object* obj = realm.makeObject();
  obj->set("value", value);
  obj->set("done", done);
  return obj;
}

// 27.6.3.3 AsyncGeneratorValidate ( generator, generatorBrand ) — https://tc39.es/ecma262/2025/#sec-asyncgeneratorvalidate
// The generator itself, or null after a TypeError: it has no [[AsyncGeneratorContext]].
AsyncGeneratorObject* AsyncGeneratorValidate(const Value& generator) {
  return generator.isObject() ? dynamic_cast<AsyncGeneratorObject*>(generator.asObject()) : nullptr;
}

// 27.6.1.2-4, steps 2-4: NewPromiseCapability(%Promise%), and a TypeError from AsyncGeneratorValidate
// rejects that promise (IfAbruptRejectPromise).
PromiseCapability StartRequest(Realm& realm, const Value& generator, AsyncGeneratorObject*& validated) {
  PromiseCapability promiseCapability = NewPromiseCapability(realm);
  validated = AsyncGeneratorValidate(generator);
  if (validated) return promiseCapability;
  const Value reason[] = {realm.throwTypeError("not an async generator").value};
  Call(realm, promiseCapability.reject, Undefined{}, reason);
  return promiseCapability;
}

// 27.6.3.4 AsyncGeneratorEnqueue ( generator, completion, promiseCapability ) — https://tc39.es/ecma262/2025/#sec-asyncgeneratorenqueue
void AsyncGeneratorEnqueue(AsyncGeneratorObject* generator, Completion completion,
                           const PromiseCapability& promiseCapability) {
  generator->queue.push_back({std::move(completion), promiseCapability});
}

// 27.6.3.5 AsyncGeneratorCompleteStep ( generator, completion, done [ , realm ] ) — https://tc39.es/ecma262/2025/#sec-asyncgeneratorcompletestep
// The realm argument is left out: a case has one realm.
void AsyncGeneratorCompleteStep(Realm& realm, AsyncGeneratorObject* generator, const Completion& completion,
                                bool done) {
  // 1. Assert: the queue is not empty. Only a host that breaks the contract of jobs (one that runs a
  // job twice, as the fuzzer's faulty hosts do) can resume a body with no request to answer.
  if (generator->queue.empty()) return;
  // 2-3. Remove the first request of the queue.
  const AsyncGeneratorRequest next = generator->queue.front();
  generator->queue.pop_front();
  // 6. A throw completion rejects its promise.
  if (completion.isThrow()) {
    const Value reason[] = {completion.value};
    Call(realm, next.capability.reject, Undefined{}, reason);
    return;
  }
  // 7. Otherwise it is resolved with CreateIteratorResultObject(value, done).
  const Value iteratorResult[] = {CreateIteratorResultObject(realm, completion.value, done)};
  Call(realm, next.capability.resolve, Undefined{}, iteratorResult);
}

// 27.6.3.6 AsyncGeneratorResume ( generator, completion ) — https://tc39.es/ecma262/2025/#sec-asyncgeneratorresume
void AsyncGeneratorResume(AsyncGeneratorObject* generator, Completion completion) {
  // 5. Set generator.[[AsyncGeneratorState]] to executing. 7. Resume genContext with completion;
  // it returns here when the body next awaits, yields or ends.
  generator->state = State::Executing;
  GeneratorContext genContext = std::move(generator->context);
  genContext(std::move(completion));
}

// 27.6.3.7 AsyncGeneratorUnwrapYieldResumption ( resumptionValue ) — https://tc39.es/ecma262/2025/#sec-asyncgeneratorunwrapyieldresumption
void AsyncGeneratorUnwrapYieldResumption(Realm& realm, Completion resumptionValue, GeneratorContext rest) {
  // 1. If resumptionValue is not a return completion, return ? resumptionValue.
  if (resumptionValue.type != Completion::Type::Return) return rest(std::move(resumptionValue));
  // 2. Let awaited be Completion(Await(resumptionValue.[[Value]])).
  Await(realm, resumptionValue.value, [rest = std::move(rest)](Completion awaited) {
    // 3. If awaited is a throw completion, return ? awaited.
    if (awaited.isThrow()) return rest(std::move(awaited));
    // 5. Return Completion Record { [[Type]]: return, [[Value]]: awaited.[[Value]], [[Target]]: empty }.
    rest(Completion::returning(awaited.value));
  });
}

// 27.6.3.8 AsyncGeneratorYield ( value ) — https://tc39.es/ecma262/2025/#sec-asyncgeneratoryield
void AsyncGeneratorYield(Realm& realm, AsyncGeneratorObject* generator, const Value& value, GeneratorContext rest) {
  // 5. Let completion be NormalCompletion(value). 9. Perform AsyncGeneratorCompleteStep(generator,
  // completion, false, previousRealm).
  AsyncGeneratorCompleteStep(realm, generator, Completion::normal(value), false);
  // 11. If the queue is not empty, execution continues without suspending the generator, with the
  // completion of the first request.
  if (!generator->queue.empty()) {
    Completion resumptionValue = generator->queue.front().completion;
    return AsyncGeneratorUnwrapYieldResumption(realm, std::move(resumptionValue), std::move(rest));
  }
  // 12. Else, set the state to suspended-yield and suspend; the next resumption goes on at step 12.f.
  generator->state = State::SuspendedYield;
  generator->context = [&realm, rest = std::move(rest)](Completion resumptionValue) {
    AsyncGeneratorUnwrapYieldResumption(realm, std::move(resumptionValue), rest);
  };
}

// 27.6.3.9 AsyncGeneratorAwaitReturn ( generator ) — https://tc39.es/ecma262/2025/#sec-asyncgeneratorawaitreturn
void AsyncGeneratorAwaitReturn(Realm& realm, AsyncGeneratorObject* generator) {
  // 4-6. The first request is a return completion.
  const Value value = generator->queue.front().completion.value;
  // 7. Let promiseCompletion be Completion(PromiseResolve(%Promise%, completion.[[Value]])).
  const Completion promiseCompletion = PromiseResolve(realm, realm.promiseConstructor, value);
  // 8. If promiseCompletion is an abrupt completion, complete the step with it and drain the queue.
  if (promiseCompletion.isAbrupt()) {
    AsyncGeneratorCompleteStep(realm, generator, promiseCompletion, true);
    return AsyncGeneratorDrainQueue(realm, generator);
  }
  // 11-12. fulfilledClosure completes the step with NormalCompletion(value) and drains the queue.
  FunctionObject* onFulfilled = realm.makeFunction([&realm, generator](const Value&, std::span<const Value> args) {
    AsyncGeneratorCompleteStep(realm, generator, Completion::normal(args.empty() ? Value() : args[0]), true);
    AsyncGeneratorDrainQueue(realm, generator);
    return Completion::normal();
  });
  // 13-14. rejectedClosure completes it with ThrowCompletion(reason) and drains the queue.
  FunctionObject* onRejected = realm.makeFunction([&realm, generator](const Value&, std::span<const Value> args) {
    AsyncGeneratorCompleteStep(realm, generator, Completion::throwing(args.empty() ? Value() : args[0]), true);
    AsyncGeneratorDrainQueue(realm, generator);
    return Completion::normal();
  });
  // 15. Perform PerformPromiseThen(promise, onFulfilled, onRejected).
  PerformPromiseThen(realm, asPromise(promiseCompletion.value), onFulfilled, onRejected);
}

// 27.6.3.10 AsyncGeneratorDrainQueue ( generator ) — https://tc39.es/ecma262/2025/#sec-asyncgeneratordrainqueue
void AsyncGeneratorDrainQueue(Realm& realm, AsyncGeneratorObject* generator) {
  // 3. If queue is empty, set the state to completed and return.
  if (generator->queue.empty()) {
    generator->state = State::Completed;
    return;
  }
  // 5. Repeat, while done is false:
  for (;;) {
    const Completion completion = generator->queue.front().completion;
    // c. A return completion: AsyncGeneratorAwaitReturn, which drains the rest when it settles.
    if (completion.type == Completion::Type::Return) return AsyncGeneratorAwaitReturn(realm, generator);
    // d.i-ii. A normal completion becomes NormalCompletion(undefined); complete the step, done.
    AsyncGeneratorCompleteStep(realm, generator, completion.isThrow() ? completion : Completion::normal(), true);
    // d.iii. If queue is empty, set the state to completed.
    if (generator->queue.empty()) {
      generator->state = State::Completed;
      return;
    }
  }
}

}  // namespace

// 15.6.2 EvaluateAsyncGeneratorBody, steps 2-4 — https://tc39.es/ecma262/2025/#sec-runtime-semantics-evaluateasyncgeneratorbody
AsyncGeneratorObject* CreateAsyncGenerator(Realm& realm, AsyncGeneratorBody body) {
  // 2. OrdinaryCreateFromConstructor(functionObject, "%AsyncGeneratorPrototype%", ...).
  auto* generator = realm.heap.make<AsyncGeneratorObject>();
  // 3. Set generator.[[AsyncGeneratorState]] to suspended-start. 4. AsyncGeneratorStart(generator,
  // FunctionBody): its genContext runs the body at the first resumption, whose value it ignores.
  generator->context = [generator, body = std::move(body)](Completion) { body(generator); };
  return generator;
}

// 27.6.3.2 AsyncGeneratorStart, steps 4.f-4.l — https://tc39.es/ecma262/2025/#sec-asyncgeneratorstart
void AsyncGeneratorBodyEnded(Realm& realm, AsyncGeneratorObject* generator, Completion result) {
  // g. Set acGenerator.[[AsyncGeneratorState]] to draining-queue.
  generator->state = State::DrainingQueue;
  // h-i. A normal completion becomes NormalCompletion(undefined), a return one NormalCompletion(value).
  if (result.type == Completion::Type::Normal) result = Completion::normal();
  if (result.type == Completion::Type::Return) result = Completion::normal(result.value);
  // j. Perform AsyncGeneratorCompleteStep(acGenerator, result, true).
  AsyncGeneratorCompleteStep(realm, generator, result, true);
  // k. Perform AsyncGeneratorDrainQueue(acGenerator).
  AsyncGeneratorDrainQueue(realm, generator);
}

// 27.5.3.7 Yield ( value ), step 2 for an async generator — https://tc39.es/ecma262/2025/#sec-yield
void AsyncGeneratorYieldExpression(Realm& realm, AsyncGeneratorObject* generator, const Value& value,
                                   GeneratorContext rest) {
  // Return ? AsyncGeneratorYield(? Await(value)).
  // The continuation is copied, not moved, out of the closure: a host that breaks the contract of
  // jobs (the fuzzer's faulty hosts) may run it twice, and it must still find the rest of the body.
  Await(realm, value, [&realm, generator, rest = std::move(rest)](Completion awaited) {
    if (awaited.isAbrupt()) return rest(std::move(awaited));
    AsyncGeneratorYield(realm, generator, awaited.value, rest);
  });
}

// 14.10.1 Runtime Semantics: Evaluation, ReturnStatement, step 3 — https://tc39.es/ecma262/2025/#sec-return-statement-runtime-semantics-evaluation
void AsyncGeneratorReturnStatement(Realm& realm, const Value& value, GeneratorContext rest) {
  // 3. If GetGeneratorKind() is async, set exprValue to ? Await(exprValue).
  Await(realm, value, [rest = std::move(rest)](Completion awaited) {
    // 4. Return ReturnCompletion(exprValue).
    rest(awaited.isAbrupt() ? std::move(awaited) : Completion::returning(awaited.value));
  });
}

// 27.6.1.2 %AsyncGeneratorPrototype%.next ( value ) — https://tc39.es/ecma262/2025/#sec-asyncgenerator-prototype-next
Value AsyncGeneratorPrototypeNext(Realm& realm, const Value& generatorValue, const Value& value) {
  AsyncGeneratorObject* generator = nullptr;
  const PromiseCapability promiseCapability = StartRequest(realm, generatorValue, generator);
  if (!generator) return promiseCapability.promise;
  // 5-6. If state is completed, resolve with CreateIteratorResultObject(undefined, true).
  const State state = generator->state;
  if (state == State::Completed) {
    const Value iteratorResult[] = {CreateIteratorResultObject(realm, Undefined{}, true)};
    Call(realm, promiseCapability.resolve, Undefined{}, iteratorResult);
    return promiseCapability.promise;
  }
  // 7-8. Enqueue NormalCompletion(value).
  const Completion completion = Completion::normal(value);
  AsyncGeneratorEnqueue(generator, completion, promiseCapability);
  // 9. If state is either suspended-start or suspended-yield, resume the generator.
  if (state == State::SuspendedStart || state == State::SuspendedYield) AsyncGeneratorResume(generator, completion);
  // 10. Else, it is executing or draining-queue: the request waits its turn.
  return promiseCapability.promise;
}

// 27.6.1.3 %AsyncGeneratorPrototype%.return ( value ) — https://tc39.es/ecma262/2025/#sec-asyncgenerator-prototype-return
Value AsyncGeneratorPrototypeReturn(Realm& realm, const Value& generatorValue, const Value& value) {
  AsyncGeneratorObject* generator = nullptr;
  const PromiseCapability promiseCapability = StartRequest(realm, generatorValue, generator);
  if (!generator) return promiseCapability.promise;
  // 5-6. Enqueue Completion Record { [[Type]]: return, [[Value]]: value, [[Target]]: empty }.
  const Completion completion = Completion::returning(value);
  AsyncGeneratorEnqueue(generator, completion, promiseCapability);
  const State state = generator->state;
  // 8. Suspended-start or completed: draining-queue, and AsyncGeneratorAwaitReturn.
  if (state == State::SuspendedStart || state == State::Completed) {
    generator->state = State::DrainingQueue;
    AsyncGeneratorAwaitReturn(realm, generator);
  } else if (state == State::SuspendedYield) {
    // 9. Suspended-yield: resume the generator with the return completion.
    AsyncGeneratorResume(generator, completion);
  }
  // 10. Else, it is executing or draining-queue: the request waits its turn.
  return promiseCapability.promise;
}

// 27.6.1.4 %AsyncGeneratorPrototype%.throw ( exception ) — https://tc39.es/ecma262/2025/#sec-asyncgenerator-prototype-throw
Value AsyncGeneratorPrototypeThrow(Realm& realm, const Value& generatorValue, const Value& exception) {
  AsyncGeneratorObject* generator = nullptr;
  const PromiseCapability promiseCapability = StartRequest(realm, generatorValue, generator);
  if (!generator) return promiseCapability.promise;
  State state = generator->state;
  // 6. If state is suspended-start, the generator is completed: its body never runs.
  if (state == State::SuspendedStart) {
    generator->state = State::Completed;
    state = State::Completed;
  }
  // 7. If state is completed, reject with exception.
  if (state == State::Completed) {
    const Value reason[] = {exception};
    Call(realm, promiseCapability.reject, Undefined{}, reason);
    return promiseCapability.promise;
  }
  // 8-9. Enqueue ThrowCompletion(exception).
  const Completion completion = Completion::throwing(exception);
  AsyncGeneratorEnqueue(generator, completion, promiseCapability);
  // 10. If state is suspended-yield, resume the generator with it.
  if (state == State::SuspendedYield) AsyncGeneratorResume(generator, completion);
  // 11. Else, it is executing or draining-queue: the request waits its turn.
  return promiseCapability.promise;
}

}  // namespace pc::es
