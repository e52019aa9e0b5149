#pragma once
// Iteration of the iterables a case can build (7.4): arrays and strings with their built-in
// iterators, and objects with a %Symbol.iterator% method of the program's own.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "reference/completion.hpp"
#include "reference/realm.hpp"

namespace pc::es {

// The property key of the well-known symbol %Symbol.iterator% (6.1.5.1). Property keys of the model
// are strings; this one cannot collide with a string key a case writes, which is an identifier.
inline constexpr std::string_view kSymbolIterator = "Symbol.iterator";

// Iterator Record (7.4.1) — https://tc39.es/ecma262/2025/#sec-iterator-records
// NON-SPEC, layout only: for an array or a string without a %Symbol.iterator% of its own, the
// iterator that %Array.prototype.values% or %String.prototype%[%Symbol.iterator%] would make is
// kept as the list of its values and a position. Neither can be observed or changed by a case, and
// an array's elements cannot change while it is iterated.
struct IteratorRecord {
  Value iterator;     // [[Iterator]]
  Value nextMethod;   // [[NextMethod]]
  bool done = false;  // [[Done]]
  bool builtIn = false;
  std::vector<Value> builtInValues;
  std::size_t builtInNext = 0;
};

// 7.4.3 GetIterator ( obj, sync )
Completion GetIterator(Realm& realm, const Value& obj, IteratorRecord& iteratorRecord);
// 7.4.10 IteratorStepValue ( iteratorRecord ): `next` is the value, or nullopt for DONE.
Completion IteratorStepValue(Realm& realm, IteratorRecord& iteratorRecord, std::optional<Value>& next);
// 7.4.11 IteratorClose ( iteratorRecord, completion )
Completion IteratorClose(Realm& realm, const IteratorRecord& iteratorRecord, Completion completion);

// IteratorToList(GetIterator(iterable, sync)) (7.4.16, 7.4.3) for arrays and strings (by code
// point); a TypeError for anything else. For the library runtime, whose cases build nothing else.
Completion IterableToList(Realm& realm, const Value& iterable, std::vector<Value>& out);

}  // namespace pc::es
