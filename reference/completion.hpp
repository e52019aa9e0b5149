#pragma once
// Completion records (ECMA-262 6.2.4), reduced to the kinds promise code produces: a normal
// completion carrying a value, a throw completion carrying the thrown value, and the return
// completion that resumes an async generator from `return(value)` (its [[Target]] is always empty).
// JavaScript exceptions never travel as C++ exceptions.
#include "reference/value.hpp"

namespace pc::es {

struct Completion {
  enum class Type { Normal, Throw, Return };
  Type type = Type::Normal;
  Value value;

  static Completion normal(Value v = Undefined{}) { return {Type::Normal, std::move(v)}; }
  static Completion throwing(Value v) { return {Type::Throw, std::move(v)}; }
  static Completion returning(Value v) { return {Type::Return, std::move(v)}; }
  bool isAbrupt() const { return type != Type::Normal; }
  bool isThrow() const { return type == Type::Throw; }
};

}  // namespace pc::es
