#pragma once
// The objects promise semantics can observe: ordinary objects (with data or accessor properties,
// which is all a thenable needs), arrays, errors, built-in functions and promises.
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "reference/completion.hpp"
#include "reference/value.hpp"

namespace pc::es {

enum class ObjectKind : std::uint8_t { Ordinary, Array, Error, Function, Promise, Global };

// A property is a data property, or an accessor when it has a getter or a setter (6.1.7.1). Every
// property is writable and configurable, so those attributes are left out; [[Enumerable]] is false
// only on the methods of the built-ins (ECMA-262 18), which Object.keys does not list.
struct Property {
  std::string key;
  Value value;
  Object* getter = nullptr;  // [[Get]] of an accessor
  Object* setter = nullptr;  // [[Set]] of an accessor
  bool enumerable = true;    // [[Enumerable]]
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
  // [[Set]] of a data property: a new one is enumerable (CreateDataProperty), an existing one keeps
  // its attributes.
  void set(std::string key, Value value);
  // A method of a built-in object, as ECMA-262 18 defines them: not enumerable.
  void defineBuiltinMethod(std::string key, Object* method);
  // An accessor of a built-in object with only a getter (get [ %Symbol.species% ]): not enumerable.
  void defineBuiltinGetter(std::string key, Object* getter);
  void defineGetter(std::string key, Object* getter);
  // Object.defineProperty(o, key, {get, set, enumerable: true}) with the functions given (null:
  // absent from the descriptor, so an existing accessor keeps that function).
  void defineAccessor(std::string key, Object* getter, Object* setter);
  const std::vector<Property>& properties() const;

 private:
  Property& ownSlot(std::string&& key);  // the existing property named `key`, or a new one at the end

  // In creation order, as JavaScript enumerates them. Most objects (promises, functions) have none,
  // so the list exists only once the first property is made.
  std::unique_ptr<std::vector<Property>> properties_;
  ObjectKind kind_;  // last: a subclass's small fields (a promise's state) fill the rest of its word
  // The size of the whole object (its most derived class), which the heap sets so that it can walk
  // its objects one after another without a list of them. NON-SPEC, layout only.
  friend class Heap;
  std::uint16_t size_ = 0;
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

class Realm;

// A built-in function object (10.3). Its steps are `call`; its internal slots, if any, are the
// fields of a subclass (as the promise resolve functions have [[Promise]] and [[AlreadyResolved]]).
class FunctionObject : public Object {
 public:
  FunctionObject() : Object(ObjectKind::Function) {}
  // 10.3.1 [[Call]] ( thisArgument, argumentsList ): the steps of the function.
  virtual Completion call(Realm& realm, const Value& thisArgument, std::span<const Value> arguments) = 0;
  // Whether the function has a [[Construct]] internal method (7.2.4 IsConstructor).
  virtual bool isConstructor() const { return false; }
  // [[Construct]] ( argumentsList, newTarget ), with newTarget the function itself: only called when
  // isConstructor() is true.
  virtual Completion construct(Realm& realm, std::span<const Value> arguments);
};

// A built-in function whose steps are a C++ closure: what Realm::makeFunction makes.
using Behaviour = std::function<Completion(const Value& thisArgument, std::span<const Value> arguments)>;

class ClosureFunctionObject final : public FunctionObject {
 public:
  ClosureFunctionObject(Behaviour behaviour, const char* name) : behaviour(std::move(behaviour)), name(name) {}
  Completion call(Realm&, const Value& thisArgument, std::span<const Value> arguments) override {
    return behaviour(thisArgument, arguments);
  }
  Behaviour behaviour;
  const char* name;  // its "name" property
};

// A function written in the program (`function C(executor) { ... }`): an ordinary function object
// whose [[Construct]] is 10.2.2 for a base constructor. Its steps are a C++ closure, as a built-in's.
class ConstructorFunctionObject final : public FunctionObject {
 public:
  explicit ConstructorFunctionObject(Behaviour behaviour) : behaviour(std::move(behaviour)) {}
  Completion call(Realm&, const Value& thisArgument, std::span<const Value> arguments) override {
    return behaviour(thisArgument, arguments);
  }
  bool isConstructor() const override { return true; }
  Completion construct(Realm& realm, std::span<const Value> arguments) override;
  Behaviour behaviour;
};

// A class the program wrote, `class C extends Promise { constructor(...args) { before; super(...args);
// after } }`: its constructor is a derived constructor (10.2.2 with [[ConstructorKind]] derived), whose
// this is bound by the super call. `before` runs without a this (it gets Undefined) and never returns;
// `after` runs with the object the super call made. Both steps are C++ closures, as a built-in's.
class DerivedConstructorFunctionObject final : public FunctionObject {
 public:
  DerivedConstructorFunctionObject(Behaviour before, Behaviour after, Object* prototype)
      : before(std::move(before)), after(std::move(after)), prototype(prototype) {}
  Completion call(Realm& realm, const Value& thisArgument, std::span<const Value> arguments) override;
  bool isConstructor() const override { return true; }
  Completion construct(Realm& realm, std::span<const Value> arguments) override;
  Behaviour before, after;
  Object* prototype;  // C.prototype, which GetPrototypeFromConstructor reads (the key is not a case's to change)
};

// %Array% (23.1.1): a built-in constructor, reached only as an array's species.
class ArrayConstructorObject final : public FunctionObject {
 public:
  Completion call(Realm& realm, const Value&, std::span<const Value> arguments) override {
    return construct(realm, arguments);  // Array(...) and new Array(...) are the same (23.1.1.1 step 1)
  }
  bool isConstructor() const override { return true; }
  Completion construct(Realm& realm, std::span<const Value> arguments) override;
};

// %Promise% (27.2.3): a built-in constructor whose [[Construct]] is Promise ( executor ).
class PromiseConstructorObject final : public FunctionObject {
 public:
  Completion call(Realm& realm, const Value& thisArgument, std::span<const Value> arguments) override;
  bool isConstructor() const override { return true; }
  Completion construct(Realm& realm, std::span<const Value> arguments) override;
};

enum class PromiseState : std::uint8_t { Pending, Fulfilled, Rejected };
enum class ReactionType : std::uint8_t { Fulfill, Reject };

// JobCallback Record (9.5.1) — https://tc39.es/ecma262/2025/#sec-jobcallback-records
// [[HostDefined]] is left out: it is always empty for the hosts of this model.
struct JobCallback {
  Object* callback = nullptr;  // [[Callback]]
};

// PromiseCapability Record (27.2.1.1) — https://tc39.es/ecma262/2025/#sec-promisecapability-records
// Null resolve and reject: functions no code could see, whose steps the reaction job runs itself
// (NewPromiseCapabilityForReaction).
struct PromiseCapability {
  Object* promise = nullptr;
  Object* resolve = nullptr;
  Object* reject = nullptr;
};

// PromiseReaction Record (27.2.1.2) — https://tc39.es/ecma262/2025/#sec-promisereaction-records
// NON-SPEC, layout only: an undefined [[Capability]] (Await's reactions) is one whose promise is
// null, and an empty [[Handler]] one whose callback is null, as in a PromiseJob; a std::optional
// would cost a flag and a copy on every `then`.
struct PromiseReaction {
  PromiseCapability capability;               // [[Capability]]
  ReactionType type = ReactionType::Fulfill;  // [[Type]]
  JobCallback handler;                        // [[Handler]]
};

class Heap;

// [[PromiseFulfillReactions]] and [[PromiseRejectReactions]] of one promise. NON-SPEC, layout only:
// PerformPromiseThen appends to both lists at once (step 9), with the same [[Capability]], and
// FulfillPromise and RejectPromise empty both at once (steps 3-4), so the two records one `then`
// makes are kept in one link of a chain in the realm's heap, and each list is a view of one side of
// the links. The chain is a ring, reached through its last link (whose `next` is the first), so a
// promise holds one pointer for both lists. A view remembers the last link it saw: one taken
// before the lists are emptied still sees every record that was in them then, and no later one.
class PromiseReactionLists {
  struct Link {
    PromiseCapability capability;         // promise == nullptr: undefined (Await's reactions)
    JobCallback onFulfilled, onRejected;  // callback == nullptr: empty
    Link* next = nullptr;
  };

 public:
  // One of the two lists: its PromiseReaction Records in the order they were appended.
  class List {
   public:
    class iterator {
     public:
      iterator(const Link* link, const Link* last, ReactionType type) : link_(link), last_(last), type_(type) {}
      PromiseReaction operator*() const { return reactionOf(*link_, type_); }
      iterator& operator++() {
        link_ = link_ == last_ ? nullptr : link_->next;
        return *this;
      }
      bool operator==(const iterator& other) const { return link_ == other.link_; }

     private:
      const Link* link_;
      const Link* last_;
      ReactionType type_;
    };

    List(const Link* last, ReactionType type) : last_(last), type_(type) {}
    iterator begin() const { return iterator(last_ ? last_->next : nullptr, last_, type_); }
    iterator end() const { return iterator(nullptr, last_, type_); }
    bool empty() const { return last_ == nullptr; }
    PromiseReaction at(std::size_t i) const;  // the i-th record; i must be in range

   private:
    const Link* last_;
    ReactionType type_;
  };

  void append(Heap& heap, const PromiseReaction& fulfillReaction, const PromiseReaction& rejectReaction);
  List fulfillReactions() const { return List(last_, ReactionType::Fulfill); }
  List rejectReactions() const { return List(last_, ReactionType::Reject); }
  void clear() { last_ = nullptr; }  // both lists become undefined

 private:
  static PromiseReaction reactionOf(const Link& link, ReactionType type);

  Link* last_ = nullptr;  // its next is the first link
};

// Properties of Promise Instances (27.2.6) — https://tc39.es/ecma262/2025/#sec-properties-of-promise-instances
class PromiseObject final : public Object {
 public:
  PromiseObject() : Object(ObjectKind::Promise) {}
  PromiseState state = PromiseState::Pending;  // [[PromiseState]]
  bool isHandled = false;                      // [[PromiseIsHandled]]
  Value result;                                // [[PromiseResult]]
  PromiseReactionLists reactions;              // [[PromiseFulfillReactions]], [[PromiseRejectReactions]]

  PromiseReactionLists::List fulfillReactions() const { return reactions.fulfillReactions(); }
  PromiseReactionLists::List rejectReactions() const { return reactions.rejectReactions(); }
};

// Owns every object of a realm; objects are freed together when the heap dies. NON-SPEC, layout
// only: objects are placed one after another in large blocks, not allocated one by one, and records
// (which have nothing to destroy) in blocks of their own, so that the heap finds every object to
// destroy by walking its blocks, each object's size telling where the next one starts.
// NON-SPEC, allocation only: the model has no collector, but the places of objects it knows to be
// garbage (what Await made, once the function resumed) are reused for new objects of their size.
class Heap {
 public:
  Heap() = default;
  Heap(const Heap&) = delete;
  Heap& operator=(const Heap&) = delete;
  ~Heap();

  template <class T, class... Args>
  T* make(Args&&... args) {
    static_assert(std::is_base_of_v<Object, T> && alignof(T) == alignof(Object) && sizeof(T) <= UINT16_MAX);
    void* place = takeFreePlace<sizeof(T)>();
    const bool reused = place != nullptr;
    if (!reused) place = objects_.reserve(sizeof(T), alignof(T));
    T* object = nullptr;
    try {
      object = new (place) T(std::forward<Args>(args)...);
    } catch (...) {
      if (reused) makeFree(static_cast<Object*>(place), sizeof(T));  // the walk must still find an object there
      throw;
    }
    assert(static_cast<Object*>(object) == place);  // what the walk relies on
    if (!reused) objects_.commit(sizeof(T));        // only once constructed: a walk never meets a half-made object
    object->size_ = sizeof(T);
    ++made_[static_cast<std::size_t>(object->kind())];
    return object;
  }
  // `object` is garbage: no code can reach it any more. Its place is reused for a new object once
  // reuseDiscarded() runs, which only a host may call, and only between jobs: until its job ends,
  // a discarded object may still be on the stack (a closure that discards itself as it runs). A
  // host that never calls it keeps every object, as one that knows objects by address must. A
  // discarded object is destroyed then, and a FreePlace is made in its place, so that the heap's
  // walk always finds a whole object there.
  void discard(Object* object) { discarded_.push_back(object); }
  void reuseDiscarded() {
    if (!discarded_.empty()) reuseDiscardedPlaces();
  }
  // A record that is not an object (an [[AlreadyCalled]] record, a list's link): it lives as long
  // as the heap and has nothing to destroy.
  template <class T, class... Args>
  T* makeRecord(Args&&... args) {
    static_assert(std::is_trivially_destructible_v<T>);
    T* record = new (records_.reserve(sizeof(T), alignof(T))) T{std::forward<Args>(args)...};
    records_.commit(sizeof(T));
    return record;
  }
  // How many objects of that kind the heap has made.
  std::size_t made(ObjectKind kind) const { return made_[static_cast<std::size_t>(kind)]; }

  // Where a walk over the objects, in the order they were made, has got to.
  struct Position {
    std::size_t block = 0;
    std::size_t offset = 0;
  };
  // The object at `position`, which moves past it; nullptr once every object made so far is behind.
  const Object* next(Position& position) const;

 private:
  // Memory handed out one piece after another, in blocks of growing size.
  struct Arena {
    // room for `size` bytes at a power-of-two `alignment`, not yet taken
    void* reserve(std::size_t size, std::size_t alignment);
    void commit(std::size_t size) { free_ += size; }  // takes the room reserve returned

    struct FreeBlock {
      void operator()(std::byte* block) const;
    };
    using Block = std::unique_ptr<std::byte[], FreeBlock>;
    static Block allocate(std::size_t size);

    std::vector<std::pair<Block, std::byte*>> blocks_;  // each with its end in use
    std::byte* free_ = nullptr;                         // the unused rest of the last block
    std::byte* end_ = nullptr;
    std::size_t blockSize_ = 0;  // of the last block: each is twice the one before, up to a limit
  };

  static constexpr std::size_t kKinds = static_cast<std::size_t>(ObjectKind::Global) + 1;

  // What a reusable place holds from the end of the job that discarded its object until a new
  // object is made there: an object, which the walk steps over, linked to the next free place of
  // the same size. Places of up to kReusableSize bytes are reused, and only those large enough to
  // hold a FreePlace.
  class FreePlace final : public Object {
   public:
    explicit FreePlace(FreePlace* next) : Object(ObjectKind::Ordinary), next(next) {}
    FreePlace* next;
  };
  static constexpr std::size_t kReusableSize = 256;
  static constexpr bool reusable(std::size_t size) { return size >= sizeof(FreePlace) && size <= kReusableSize; }
  // The first free place of that size, taken from its list; nullptr when there is none.
  template <std::size_t size>
  void* takeFreePlace() {
    if constexpr (!reusable(size)) {
      return nullptr;
    } else {
      FreePlace*& first = free_[size / alignof(Object)];
      FreePlace* place = first;
      if (!place) return nullptr;
      first = place->next;
      place->~FreePlace();
      return place;
    }
  }
  void makeFree(Object* place, std::size_t size);  // the place of a destroyed object, or of none
  void reuseDiscardedPlaces();

  Arena objects_, records_;
  std::size_t made_[kKinds] = {};
  std::vector<Object*> discarded_;
  FreePlace* free_[kReusableSize / alignof(Object) + 1] = {};  // by size in units of alignof(Object)
};

inline PromiseObject* asPromise(const Value& v) {
  if (!v.isObject() || v.asObject()->kind() != ObjectKind::Promise) return nullptr;
  return static_cast<PromiseObject*>(v.asObject());
}

}  // namespace pc::es
