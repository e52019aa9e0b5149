#pragma once
// Await and the completion of async functions (27.7.5). The reference has no execution contexts to
// suspend, so the caller passes the rest of the async function as a continuation.
#include <functional>

#include "reference/completion.hpp"
#include "reference/realm.hpp"

namespace pc::es {

// What resumes the suspended async function: a normal completion with the awaited value, or a throw.
using Resumption = std::function<void(Completion)>;

// 27.7.5.3 Await ( value )
void Await(Realm& realm, const Value& value, Resumption resume);

// 27.7.5.1 AsyncFunctionStart / 27.7.5.2 AsyncBlockStart, the last steps: the async function's
// body finished with `result` (a return value or a throw); settle its promise capability.
void AsyncFunctionComplete(Realm& realm, const PromiseCapability& capability, const Completion& result);

}  // namespace pc::es
