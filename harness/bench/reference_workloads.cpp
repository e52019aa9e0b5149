// The workloads on the reference, driven through its own C++ API as reference/tests/scale_test.cpp
// drives it: the default host (NodeHost), no interpreter and no journaling host on top.
#include <chrono>
#include <map>
#include <stdexcept>
#include <string>

#include "harness/bench/workloads.hpp"
#include "reference/async_function.hpp"
#include "reference/node_host.hpp"
#include "reference/promise_abstract_operations.hpp"
#include "reference/promise_builtins.hpp"

namespace pc::bench {
namespace {

using es::Completion;
using es::Value;

Value argumentOf(std::span<const Value> args) { return args.empty() ? Value(es::Undefined{}) : args[0]; }

Value then(es::Realm& realm, const Value& p, const Value& onFulfilled) {
  return es::PromisePrototypeThen(realm, p, onFulfilled, es::Undefined{}).value;
}

void resolve(es::Realm& realm, es::Object* resolveFunction, const Value& v) {
  const Value args[] = {v};
  es::Call(realm, resolveFunction, es::Undefined{}, args);
}

void expectFulfilledWith(const Value& promise, double expected, const char* workload) {
  const es::PromiseObject* p = es::asPromise(promise);
  if (!p || p->state != es::PromiseState::Fulfilled || !p->result.isNumber() || p->result.asNumber() != expected)
    throw std::runtime_error(std::string(workload) + ": the result promise is not fulfilled with the expected value");
}

void expectCount(std::size_t count, std::size_t n, const char* workload) {
  if (count != n)
    throw std::runtime_error(std::string(workload) + ": " + std::to_string(count) + " handlers ran instead of " +
                             std::to_string(n));
}

void chain(es::NodeHost& host, es::Realm& realm, std::size_t n) {
  es::PromiseCapability root = es::NewPromiseCapability(realm);
  es::Object* increment = realm.makeFunction(
      [](const Value&, std::span<const Value> args) { return Completion::normal(argumentOf(args).asNumber() + 1); });
  Value tail = root.promise;
  for (std::size_t i = 0; i < n; ++i) tail = then(realm, tail, increment);
  resolve(realm, root.resolve, 0);
  host.jobs.drain();
  expectFulfilledWith(tail, static_cast<double>(n), "chain");
}

void fanOut(es::NodeHost& host, es::Realm& realm, std::size_t n) {
  es::PromiseCapability root = es::NewPromiseCapability(realm);
  std::size_t count = 0;
  es::Object* handler = realm.makeFunction([&count](const Value&, std::span<const Value>) {
    ++count;
    return Completion::normal();
  });
  for (std::size_t i = 0; i < n; ++i) then(realm, root.promise, handler);
  resolve(realm, root.resolve, 1);
  host.jobs.drain();
  expectCount(count, n, "fan-out");
}

void all(es::NodeHost& host, es::Realm& realm, std::size_t n) {
  std::vector<Value> promises;
  promises.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    promises.push_back(es::PromiseResolveFunction(realm, static_cast<double>(i)).value);
  const Value result = es::PromiseAll(realm, realm.makeArray(std::move(promises))).value;
  host.jobs.drain();
  const es::PromiseObject* p = es::asPromise(result);
  const bool ok = p && p->state == es::PromiseState::Fulfilled && p->result.isObject() &&
                  p->result.asObject()->kind() == es::ObjectKind::Array;
  const auto* array = ok ? static_cast<const es::ArrayObject*>(p->result.asObject()) : nullptr;
  if (!array || array->elements.size() != n || (n > 0 && array->elements.back().asNumber() != n - 1.0))
    throw std::runtime_error("all: the result is not the array of the N values");
}

// async function f() { let sum = 0; for (let i = 0; i < n; i++) sum += await i; return sum; }
// Its body, from one await to the next: what each resumption runs.
struct AwaitLoop {
  es::Realm& realm;
  const es::PromiseCapability capability;
  const std::size_t n;
  double sum = 0;
  std::size_t i = 0;

  void runToNextAwait() {
    if (i == n) return es::AsyncFunctionComplete(realm, capability, Completion::normal(sum));
    es::Await(realm, static_cast<double>(i++), [this](Completion awaited) {
      sum += awaited.value.asNumber();
      runToNextAwait();  // one level deep, never more: it returns at the next Await
    });
  }
};

void awaitLoop(es::NodeHost& host, es::Realm& realm, std::size_t n) {
  AwaitLoop f{realm, es::NewPromiseCapability(realm), n};
  f.runToNextAwait();
  host.jobs.drain();
  const double nd = static_cast<double>(n);
  expectFulfilledWith(f.capability.promise, nd * (nd - 1) / 2, "await");
}

void deferred(es::NodeHost& host, es::Realm& realm, std::size_t n) {
  std::vector<es::Object*> resolvers;
  resolvers.reserve(n);
  es::Object* executor = realm.makeFunction([&resolvers](const Value&, std::span<const Value> args) {
    resolvers.push_back(args[0].asObject());
    return Completion::normal();
  });
  std::size_t count = 0;
  es::Object* handler = realm.makeFunction([&count](const Value&, std::span<const Value>) {
    ++count;
    return Completion::normal();
  });
  for (std::size_t i = 0; i < n; ++i) then(realm, es::PromiseConstructor(realm, executor).value, handler);
  for (std::size_t i = 0; i < n; ++i) resolve(realm, resolvers[i], static_cast<double>(i));
  host.jobs.drain();
  expectCount(count, n, "deferred");
}

using Body = void (*)(es::NodeHost&, es::Realm&, std::size_t);

Body bodyOf(std::string_view workload) {
  static const std::map<std::string_view, Body> bodies{
      {"chain", chain}, {"fan-out", fanOut}, {"all", all}, {"await", awaitLoop}, {"deferred", deferred}};
  auto it = bodies.find(workload);
  if (it == bodies.end()) throw std::runtime_error("no workload named " + std::string(workload));
  return it->second;
}

}  // namespace

double runOnReference(std::string_view workload, std::size_t n) {
  const Body body = bodyOf(workload);
  es::NodeHost host;
  es::Realm realm(host);
  const auto start = std::chrono::steady_clock::now();
  body(host, realm, n);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  return elapsed.count();  // the realm's teardown is not counted, as node's exit is not
}

}  // namespace pc::bench
