#pragma once
// Iteration of the iterables a case can build.
#include <vector>

#include "reference/completion.hpp"
#include "reference/realm.hpp"

namespace pc::es {

// IteratorToList(GetIterator(iterable, sync)) (7.4.16, 7.4.4) for arrays and strings (by code
// point); a TypeError for anything else.
Completion IterableToList(Realm& realm, const Value& iterable, std::vector<Value>& out);

}  // namespace pc::es
