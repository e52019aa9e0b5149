#include "reference/iteration.hpp"

namespace pc::es {

// 7.4.16 IteratorToList ( GetIterator ( iterable, sync ) ) — https://tc39.es/ecma262/2025/#sec-iteratortolist
// For the iterables a case can build: arrays and strings (by code point). NON-SPEC: the values are
// read up front, which is unobservable because neither iterator can be changed by user code here.
Completion IterableToList(Realm& realm, const Value& iterable, std::vector<Value>& out) {
  if (iterable.isString()) {
    const std::string& s = iterable.asString();
    for (std::size_t i = 0; i < s.size();) {
      std::size_t len = 1;
      const auto lead = static_cast<unsigned char>(s[i]);
      if (lead >= 0xF0)
        len = 4;
      else if (lead >= 0xE0)
        len = 3;
      else if (lead >= 0xC0)
        len = 2;
      out.emplace_back(s.substr(i, len));
      i += len;
    }
    return Completion::normal();
  }
  if (iterable.isObject() && iterable.asObject()->kind() == ObjectKind::Array) {
    out = static_cast<ArrayObject*>(iterable.asObject())->elements;
    return Completion::normal();
  }
  return realm.throwTypeError("object is not iterable");
}

}  // namespace pc::es
