#include "reference/object.hpp"

#include <cmath>

namespace pc::es {

// 7.2.9 SameValue ( x, y ) — https://tc39.es/ecma262/2025/#sec-samevalue
bool SameValue(const Value& a, const Value& b) {
  if (a.isNumber() && b.isNumber()) {
    const double x = a.asNumber(), y = b.asNumber();
    if (std::isnan(x) && std::isnan(y)) return true;
    if (x == 0 && y == 0) return std::signbit(x) == std::signbit(y);
    return x == y;
  }
  return a.v_ == b.v_;
}

const Property* Object::findOwn(std::string_view key) const {
  for (const Property& p : properties_)
    if (p.key == key) return &p;
  return nullptr;
}

void Object::set(std::string key, Value value) {
  for (Property& p : properties_)
    if (p.key == key) {
      p.value = std::move(value);
      p.getter = nullptr;
      p.setter = nullptr;
      return;
    }
  properties_.push_back({std::move(key), std::move(value), nullptr});
}

void Object::defineGetter(std::string key, Object* getter) { defineAccessor(std::move(key), getter, nullptr); }

void Object::defineAccessor(std::string key, Object* getter, Object* setter) {
  for (Property& p : properties_)
    if (p.key == key) {
      p.value = Undefined{};
      p.getter = getter;
      p.setter = setter;
      return;
    }
  properties_.push_back({std::move(key), Undefined{}, getter, setter});
}

}  // namespace pc::es
