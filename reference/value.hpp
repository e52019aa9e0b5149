#pragma once
// ECMAScript language values (ECMA-262 6.1), reduced to what promise semantics can observe:
// undefined, null, booleans, numbers, strings and objects. Objects live in a Heap owned by the
// Realm and are referred to by plain pointers: every object of a run dies with its realm, so
// reference cycles (a promise whose reaction captures its own resolve function) cost nothing.
#include <cstdint>
#include <string>
#include <variant>

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
  Value(Null n) : v_(n) {}
  Value(bool b) : v_(b) {}
  Value(double d) : v_(d) {}
  Value(int i) : v_(static_cast<double>(i)) {}
  Value(std::string s) : v_(std::move(s)) {}
  Value(const char* s) : v_(std::string(s)) {}
  Value(Object* o) : v_(o) {}

  bool isUndefined() const { return std::holds_alternative<Undefined>(v_); }
  bool isNull() const { return std::holds_alternative<Null>(v_); }
  bool isBoolean() const { return std::holds_alternative<bool>(v_); }
  bool isNumber() const { return std::holds_alternative<double>(v_); }
  bool isString() const { return std::holds_alternative<std::string>(v_); }
  bool isObject() const { return std::holds_alternative<Object*>(v_); }

  bool asBoolean() const { return std::get<bool>(v_); }
  double asNumber() const { return std::get<double>(v_); }
  const std::string& asString() const { return std::get<std::string>(v_); }
  Object* asObject() const { return std::get<Object*>(v_); }

  // 7.2.9 SameValue ( x, y ) — https://tc39.es/ecma262/2025/#sec-samevalue
  // Numbers compare as IEEE values except that NaN equals NaN and +0 differs from -0; objects
  // compare by identity.
  friend bool SameValue(const Value& a, const Value& b);

 private:
  std::variant<Undefined, Null, bool, double, std::string, Object*> v_;
};

}  // namespace pc::es
