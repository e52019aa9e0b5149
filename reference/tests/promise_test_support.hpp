#pragma once
// Small helpers for driving the reference directly from C++ tests.
#include <span>
#include <string>
#include <vector>

#include "reference/node_host.hpp"
#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"
#include "reference/realm.hpp"

namespace pc::es::testing {

inline Value arg(std::span<const Value> args, std::size_t i) { return i < args.size() ? args[i] : Value(Undefined{}); }

// A handler that appends its argument (as a string or number) to `log` and returns it.
inline Object* recorder(Realm& realm, std::vector<std::string>& log, std::string label) {
  return realm.makeFunction([&log, label](const Value&, std::span<const Value> args) {
    const Value v = arg(args, 0);
    std::string text = label;
    if (v.isString()) text += ":" + v.asString();
    if (v.isNumber()) text += ":" + std::to_string(static_cast<long long>(v.asNumber()));
    log.push_back(text);
    return Completion::normal(v);
  });
}

inline Value then(Realm& realm, const Value& p, const Value& onFulfilled, const Value& onRejected = Undefined{}) {
  return PromisePrototypeThen(realm, p, onFulfilled, onRejected).value;
}

inline PromiseObject* promiseOf(const Completion& c) { return asPromise(c.value); }

}  // namespace pc::es::testing
