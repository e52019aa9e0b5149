#pragma once
// AsyncGenerator objects (27.6), and the yield and return of an async generator's body (27.5.3.7, 14.10.1). The
// reference has no execution contexts to suspend, so a generator's body is a GeneratorContext the caller supplies:
// resumed with a completion, it runs until it awaits or yields, passing the rest of itself on as a continuation, or
// until it ends, when it calls AsyncGeneratorBodyEnded.
#include <cstdint>
#include <deque>
#include <functional>

#include "reference/async_function.hpp"
#include "reference/completion.hpp"
#include "reference/realm.hpp"

namespace pc::es {

// AsyncGeneratorRequest Record (27.6.3.1) — https://tc39.es/ecma262/2025/#sec-asyncgeneratorrequest-records
struct AsyncGeneratorRequest {
  Completion completion;         // [[Completion]]: normal (next), return (return) or throw (throw)
  PromiseCapability capability;  // [[Capability]]
};

// [[AsyncGeneratorState]] (27.6.2)
enum class AsyncGeneratorState : std::uint8_t { SuspendedStart, SuspendedYield, Executing, DrainingQueue, Completed };

// [[AsyncGeneratorContext]]: the suspended evaluation of the body, resumed with a completion.
using GeneratorContext = std::function<void(Completion)>;

// An instance of an async generator function (27.6.2): an ordinary object with the internal slots of
// Table 75. [[GeneratorBrand]] is always empty, the brand of every async generator a program writes.
class AsyncGeneratorObject final : public Object {
 public:
  AsyncGeneratorObject() : Object(ObjectKind::Ordinary) {}
  AsyncGeneratorState state = AsyncGeneratorState::SuspendedStart;  // [[AsyncGeneratorState]]
  GeneratorContext context;                                         // [[AsyncGeneratorContext]]
  std::deque<AsyncGeneratorRequest> queue;                          // [[AsyncGeneratorQueue]]
};

// The evaluation of a generator's FunctionBody, for the generator it belongs to.
using AsyncGeneratorBody = std::function<void(AsyncGeneratorObject*)>;

// 15.6.2 EvaluateAsyncGeneratorBody, steps 2-4 with 27.6.3.2 AsyncGeneratorStart: what calling an
// async generator function returns, in suspended-start. `body` runs at the first resumption.
AsyncGeneratorObject* CreateAsyncGenerator(Realm& realm, AsyncGeneratorBody body);

// 27.6.1.2 %AsyncGeneratorPrototype%.next ( value ), with `generator` as its this value
Value AsyncGeneratorPrototypeNext(Realm& realm, const Value& generator, const Value& value);
// 27.6.1.3 %AsyncGeneratorPrototype%.return ( value )
Value AsyncGeneratorPrototypeReturn(Realm& realm, const Value& generator, const Value& value);
// 27.6.1.4 %AsyncGeneratorPrototype%.throw ( exception )
Value AsyncGeneratorPrototypeThrow(Realm& realm, const Value& generator, const Value& exception);

// 27.5.3.7 Yield ( value ) in an async generator: AsyncGeneratorYield(? Await(value)). `rest` is the
// body after the yield expression; it is resumed with what the expression evaluates to (the value
// next sends), or with a throw or return completion that ends the body.
void AsyncGeneratorYieldExpression(Realm& realm, AsyncGeneratorObject* generator, const Value& value,
                                   GeneratorContext rest);

// 14.10.1 Evaluation of a ReturnStatement, step 3, in an async generator: `return value` awaits value
// first; `rest` gets a return completion with the awaited value, or the throw of the Await.
void AsyncGeneratorReturnStatement(Realm& realm, const Value& value, GeneratorContext rest);

// 27.6.3.2 AsyncGeneratorStart, steps 4.f-4.l: the body ended with `result`, a normal completion
// (it ran to its end), a return completion or a throw completion.
void AsyncGeneratorBodyEnded(Realm& realm, AsyncGeneratorObject* generator, Completion result);

}  // namespace pc::es
