#pragma once
// Completion records (ECMA-262 6.2.4), reduced to the two kinds promise code produces: a normal
// completion carrying a value, and a throw completion carrying the thrown value. JavaScript
// exceptions never travel as C++ exceptions.
#include "reference/value.hpp"

namespace pc::es {

struct Completion {
  enum class Type { Normal, Throw };
  Type type = Type::Normal;
  Value value;

  static Completion normal(Value v = Undefined{}) { return {Type::Normal, std::move(v)}; }
  static Completion throwing(Value v) { return {Type::Throw, std::move(v)}; }
  bool isAbrupt() const { return type == Type::Throw; }
};

}  // namespace pc::es
