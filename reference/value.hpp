#pragma once
// ECMAScript language values (ECMA-262 6.1), reduced to what promise semantics can observe:
// undefined, null, booleans, numbers, strings, symbols and objects. Objects live in a Heap owned by the
// Realm and are referred to by plain pointers: every object of a run dies with its realm, so
// reference cycles (a promise whose reaction captures its own resolve function) cost nothing.
//
// A Value is two words: its type and a payload. Strings are immutable, so copies of one share its
// characters (NON-SPEC, layout only: a reference count, atomic because values cross the threads of
// the libraries under test).
#include <atomic>
#include <cmath>
#include <cstdint>
#include <string>

namespace pc::es {

class Object;

struct Undefined {
  bool operator==(const Undefined&) const = default;
};
struct Null {
  bool operator==(const Null&) const = default;
};

class Value {
 public:
  Value() = default;
  Value(Undefined) {}
  Value(Null) : type_(Type::Null) {}
  Value(bool b) : type_(Type::Boolean) { payload_.boolean = b; }
  Value(double d) : type_(Type::Number) { payload_.number = d; }
  Value(int i) : Value(static_cast<double>(i)) {}
  Value(std::string s) : type_(Type::String) { payload_.string = new SharedString{{1}, std::move(s)}; }
  Value(const char* s) : Value(std::string(s)) {}
  Value(Object* o) : type_(Type::Object) { payload_.object = o; }
  // A new Symbol value (6.1.5.1): Symbol(description), unlike every other symbol.
  static Value symbol(std::string description) {
    Value v;
    v.type_ = Type::Symbol;
    v.payload_.string = new SharedString{{1}, std::move(description)};
    return v;
  }

  Value(const Value& other) : type_(other.type_), payload_(other.payload_) { retain(); }
  Value(Value&& other) noexcept : type_(other.type_), payload_(other.payload_) { other.type_ = Type::Undefined; }
  Value& operator=(const Value& other) {
    other.retain();  // first: `other` may be this value
    release();
    type_ = other.type_;
    payload_ = other.payload_;
    return *this;
  }
  Value& operator=(Value&& other) noexcept {
    if (this == &other) return *this;
    release();
    type_ = other.type_;
    payload_ = other.payload_;
    other.type_ = Type::Undefined;
    return *this;
  }
  ~Value() { release(); }

  bool isUndefined() const { return type_ == Type::Undefined; }
  bool isNull() const { return type_ == Type::Null; }
  bool isBoolean() const { return type_ == Type::Boolean; }
  bool isNumber() const { return type_ == Type::Number; }
  bool isString() const { return type_ == Type::String; }
  bool isSymbol() const { return type_ == Type::Symbol; }
  bool isObject() const { return type_ == Type::Object; }

  bool asBoolean() const { return payload_.boolean; }
  double asNumber() const { return payload_.number; }
  const std::string& asString() const { return payload_.string->text; }
  const std::string& symbolDescription() const { return payload_.string->text; }  // [[Description]]
  Object* asObject() const { return payload_.object; }

  // 7.2.9 SameValue ( x, y ) — https://tc39.es/ecma262/2025/#sec-samevalue
  // Numbers compare as IEEE values except that NaN equals NaN and +0 differs from -0; objects
  // compare by identity.
  friend bool SameValue(const Value& a, const Value& b) {
    if (a.type_ != b.type_) return false;
    switch (a.type_) {
      case Type::Undefined:
      case Type::Null: return true;
      case Type::Boolean: return a.asBoolean() == b.asBoolean();
      case Type::String: return a.asString() == b.asString();
      case Type::Symbol: return a.payload_.string == b.payload_.string;  // each symbol is unique
      case Type::Object: return a.asObject() == b.asObject();
      case Type::Number: break;
    }
    const double x = a.asNumber(), y = b.asNumber();
    if (std::isnan(x) && std::isnan(y)) return true;
    if (x == 0 && y == 0) return std::signbit(x) == std::signbit(y);
    return x == y;
  }

 private:
  enum class Type : std::uint8_t { Undefined, Null, Boolean, Number, String, Symbol, Object };
  struct SharedString {
    std::atomic<std::uint32_t> count;
    const std::string text;
  };
  union Payload {
    bool boolean;
    double number;
    SharedString* string;  // a string's characters, or a symbol's description (its identity)
    Object* object;
  };

  bool shares() const { return type_ == Type::String || type_ == Type::Symbol; }
  void retain() const {
    if (shares()) payload_.string->count.fetch_add(1, std::memory_order_relaxed);
  }
  void release() {
    if (shares() && payload_.string->count.fetch_sub(1, std::memory_order_acq_rel) == 1) delete payload_.string;
  }

  Type type_ = Type::Undefined;
  Payload payload_{};
};

}  // namespace pc::es
