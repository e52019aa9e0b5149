#pragma once
// The objects promise semantics can observe: ordinary objects (with data or accessor properties,
// which is all a thenable needs), arrays, errors, built-in functions and promises.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reference/completion.hpp"
#include "reference/value.hpp"

namespace pc::es {

enum class ObjectKind { Ordinary, Array, Error, Function, Promise };

// A property is a data property, or an accessor when it has a getter or a setter (6.1.7.1). Every
// property a case can make is writable, enumerable and configurable, so the attributes are left out.
struct Property {
  std::string key;
  Value value;
  Object* getter = nullptr;  // [[Get]] of an accessor
  Object* setter = nullptr;  // [[Set]] of an accessor
  bool isAccessor() const { return getter != nullptr || setter != nullptr; }
};

class Object {
 public:
  explicit Object(ObjectKind kind) : kind_(kind) {}
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  virtual ~Object() = default;

  ObjectKind kind() const { return kind_; }
  const Property* findOwn(std::string_view key) const;
  void set(std::string key, Value value);  // CreateDataProperty
  void defineGetter(std::string key, Object* getter);
  // An accessor property with these functions (either may be null), replacing any property `key`.
  void defineAccessor(std::string key, Object* getter, Object* setter);
  const std::vector<Property>& properties() const { return properties_; }

 private:
  ObjectKind kind_;
  std::vector<Property> properties_;  // in creation order, as JavaScript enumerates them
};

class ArrayObject final : public Object {
 public:
  explicit ArrayObject(std::vector<Value> elements = {}) : Object(ObjectKind::Array), elements(std::move(elements)) {}
  std::vector<Value> elements;
};

// An Error instance. `engineMade` tells errors the engine created (whose message wording varies
// between engines) from errors a program created with its own message.
class ErrorObject final : public Object {
 public:
  ErrorObject(std::string name, std::optional<std::string> message, bool engineMade)
      : Object(ObjectKind::Error), name(std::move(name)), message(std::move(message)), engineMade(engineMade) {}
  std::string name;
  std::optional<std::string> message;
  bool engineMade;
};

// A built-in function object (10.3): its behaviour is a C++ closure.
using Behaviour = std::function<Completion(const Value& thisArgument, std::span<const Value> arguments)>;

class FunctionObject final : public Object {
 public:
  FunctionObject(Behaviour behaviour, std::string name)
      : Object(ObjectKind::Function), behaviour(std::move(behaviour)), name(std::move(name)) {}
  Behaviour behaviour;
  std::string name;
};

enum class PromiseState { Pending, Fulfilled, Rejected };
enum class ReactionType { Fulfill, Reject };

// JobCallback Record (9.5.1) — https://tc39.es/ecma262/2025/#sec-jobcallback-records
// [[HostDefined]] is left out: it is always empty for the hosts of this model.
struct JobCallback {
  Object* callback = nullptr;  // [[Callback]]
};

// PromiseCapability Record (27.2.1.1) — https://tc39.es/ecma262/2025/#sec-promisecapability-records
struct PromiseCapability {
  Object* promise = nullptr;
  Object* resolve = nullptr;
  Object* reject = nullptr;
};

// PromiseReaction Record (27.2.1.2) — https://tc39.es/ecma262/2025/#sec-promisereaction-records
// An empty handler is nullopt; Await's reactions have no capability.
struct PromiseReaction {
  std::optional<PromiseCapability> capability;  // [[Capability]]
  ReactionType type = ReactionType::Fulfill;    // [[Type]]
  std::optional<JobCallback> handler;           // [[Handler]]
};

// Properties of Promise Instances (27.2.6) — https://tc39.es/ecma262/2025/#sec-properties-of-promise-instances
class PromiseObject final : public Object {
 public:
  PromiseObject() : Object(ObjectKind::Promise) {}
  PromiseState state = PromiseState::Pending;     // [[PromiseState]]
  Value result;                                   // [[PromiseResult]]
  std::vector<PromiseReaction> fulfillReactions;  // [[PromiseFulfillReactions]]
  std::vector<PromiseReaction> rejectReactions;   // [[PromiseRejectReactions]]
  bool isHandled = false;                         // [[PromiseIsHandled]]
};

// Owns every object of a realm; objects are freed together when the heap dies.
class Heap {
 public:
  template <class T, class... Args>
  T* make(Args&&... args) {
    auto owned = std::make_unique<T>(std::forward<Args>(args)...);
    T* raw = owned.get();
    objects_.push_back(std::move(owned));
    return raw;
  }
  std::size_t size() const { return objects_.size(); }
  // The objects in the order they were made.
  const Object* at(std::size_t i) const { return objects_[i].get(); }

 private:
  std::vector<std::unique_ptr<Object>> objects_;
};

inline PromiseObject* asPromise(const Value& v) {
  if (!v.isObject() || v.asObject()->kind() != ObjectKind::Promise) return nullptr;
  return static_cast<PromiseObject*>(v.asObject());
}

}  // namespace pc::es
