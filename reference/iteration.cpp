#include "reference/iteration.hpp"

namespace pc::es {
namespace {

// The code points of a string, each a string of its own, as %StringIteratorPrototype%.next yields them.
std::vector<Value> codePointsOf(const std::string& s) {
  std::vector<Value> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    const std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
    out.emplace_back(s.substr(i, length));
    i += length;
  }
  return out;
}

// Whether GetMethod(obj, %Symbol.iterator%) finds the built-in %Array.prototype.values% or
// %String.prototype%[%Symbol.iterator%]: a string, or an array when neither it nor %Array.prototype%
// has had its own put in (the realm keeps the built-in one implicit).
bool hasBuiltInIterator(const Realm& realm, const Value& obj) {
  if (obj.isString()) return true;
  return obj.isObject() && obj.asObject()->kind() == ObjectKind::Array && !obj.asObject()->findOwn(kSymbolIterator) &&
         !realm.arrayPrototype->findOwn(kSymbolIterator);
}

// 7.1.2 ToBoolean ( argument ) — https://tc39.es/ecma262/2025/#sec-toboolean
bool ToBoolean(const Value& argument) {
  if (argument.isUndefined() || argument.isNull()) return false;
  if (argument.isBoolean()) return argument.asBoolean();
  if (argument.isNumber()) return argument.asNumber() != 0 && argument.asNumber() == argument.asNumber();
  if (argument.isString()) return !argument.asString().empty();
  return true;
}

// 7.3.11 GetMethod ( V, P ) — https://tc39.es/ecma262/2025/#sec-getmethod
Completion GetMethod(Realm& realm, const Value& v, std::string_view key) {
  // 1. Let func be ? GetV(V, P).
  Completion func = Get(realm, v, key);
  if (func.isAbrupt()) return func;
  // 2. If func is either undefined or null, return undefined.
  if (func.value.isUndefined() || func.value.isNull()) return Completion::normal();
  // 3. If IsCallable(func) is false, throw a TypeError exception.
  if (!IsCallable(func.value)) return realm.throwTypeError("the method is not callable");
  // 4. Return func.
  return func;
}

// 7.4.2 GetIteratorFromMethod ( obj, method ) — https://tc39.es/ecma262/2025/#sec-getiteratorfrommethod
Completion GetIteratorFromMethod(Realm& realm, const Value& obj, const Value& method, IteratorRecord& record) {
  // 1. Let iterator be ? Call(method, obj).
  Completion iterator = Call(realm, method, obj);
  if (iterator.isAbrupt()) return iterator;
  // 2. If iterator is not an Object, throw a TypeError exception.
  if (!iterator.value.isObject()) return realm.throwTypeError("the iterator is not an object");
  // 3. Let nextMethod be ? Get(iterator, "next").
  Completion nextMethod = Get(realm, iterator.value, "next");
  if (nextMethod.isAbrupt()) return nextMethod;
  // 4-5. Return the Iterator Record { [[Iterator]]: iterator, [[NextMethod]]: nextMethod, [[Done]]: false }.
  record.iterator = iterator.value;
  record.nextMethod = nextMethod.value;
  return Completion::normal();
}

// 7.4.6 IteratorNext ( iteratorRecord ) — https://tc39.es/ecma262/2025/#sec-iteratornext
Completion IteratorNext(Realm& realm, IteratorRecord& record) {
  // 1. Let result be Completion(Call(iteratorRecord.[[NextMethod]], iteratorRecord.[[Iterator]])).
  Completion result = Call(realm, record.nextMethod, record.iterator);
  // 3. If result is a throw completion, set iteratorRecord.[[Done]] to true. 4. Set result to ? result.
  if (result.isAbrupt()) {
    record.done = true;
    return result;
  }
  // 5. If result is not an Object, set iteratorRecord.[[Done]] to true and throw a TypeError exception.
  if (!result.value.isObject()) {
    record.done = true;
    return realm.throwTypeError("the iterator result is not an object");
  }
  // 6. Return result.
  return result;
}

// The built-in iterators' next: the next value, or done once the list is used up.
void builtInStep(IteratorRecord& record, std::optional<Value>& next) {
  if (record.builtInNext == record.builtInValues.size()) {
    record.done = true;
    return;
  }
  next = record.builtInValues[record.builtInNext++];
}

}  // namespace

// 7.4.3 GetIterator ( obj, kind ), kind sync — https://tc39.es/ecma262/2025/#sec-getiterator
Completion GetIterator(Realm& realm, const Value& obj, IteratorRecord& record) {
  if (hasBuiltInIterator(realm, obj)) {
    record.builtIn = true;
    record.builtInValues =
        obj.isString() ? codePointsOf(obj.asString()) : static_cast<ArrayObject*>(obj.asObject())->elements;
    return Completion::normal();
  }
  // 2.a. Let method be ? GetMethod(obj, %Symbol.iterator%).
  Completion method = GetMethod(realm, obj, kSymbolIterator);
  if (method.isAbrupt()) return method;
  // 3. If method is undefined, throw a TypeError exception.
  if (method.value.isUndefined()) return realm.throwTypeError("object is not iterable");
  // 4. Return ? GetIteratorFromMethod(obj, method).
  return GetIteratorFromMethod(realm, obj, method.value, record);
}

// 7.4.10 IteratorStepValue ( iteratorRecord ) — https://tc39.es/ecma262/2025/#sec-iteratorstepvalue
// with 7.4.8 IteratorStep and 7.4.7 IteratorComplete folded in, as their [[Done]] updates allow.
Completion IteratorStepValue(Realm& realm, IteratorRecord& record, std::optional<Value>& next) {
  next.reset();
  if (record.builtIn) {
    builtInStep(record, next);
    return Completion::normal();
  }
  // IteratorStep 1. Let result be ? IteratorNext(iteratorRecord).
  Completion result = IteratorNext(realm, record);
  if (result.isAbrupt()) return result;
  // IteratorStep 2-4. Let done be Completion(IteratorComplete(result)), that is ToBoolean(? Get(result,
  // "done")); if it is a throw completion, set iteratorRecord.[[Done]] to true; ? done.
  Completion done = Get(realm, result.value, "done");
  if (done.isAbrupt()) {
    record.done = true;
    return done;
  }
  // IteratorStep 5. If done is true, set iteratorRecord.[[Done]] to true and return DONE.
  if (ToBoolean(done.value)) {
    record.done = true;
    return Completion::normal();
  }
  // 2-6. Let value be Completion(IteratorValue(result)), that is Get(result, "value"); if it is a
  // throw completion, set iteratorRecord.[[Done]] to true.
  Completion value = Get(realm, result.value, "value");
  if (value.isAbrupt()) {
    record.done = true;
    return value;
  }
  // 7. Return ? value.
  next = value.value;
  return Completion::normal();
}

// 7.4.11 IteratorClose ( iteratorRecord, completion ) — https://tc39.es/ecma262/2025/#sec-iteratorclose
Completion IteratorClose(Realm& realm, const IteratorRecord& record, Completion completion) {
  // The built-in array and string iterators have no "return" method: steps 4.b returns completion.
  if (record.builtIn) return completion;
  // 3. Let innerResult be Completion(GetMethod(iterator, "return")).
  Completion innerResult = GetMethod(realm, record.iterator, "return");
  // 4. If innerResult is a normal completion:
  if (!innerResult.isAbrupt()) {
    // a-b. Let return be innerResult.[[Value]]; if it is undefined, return ? completion.
    if (innerResult.value.isUndefined()) return completion;
    // c. Set innerResult to Completion(Call(return, iterator)).
    innerResult = Call(realm, innerResult.value, record.iterator);
  }
  // 5. If completion is a throw completion, return ? completion.
  if (completion.isAbrupt()) return completion;
  // 6. If innerResult is a throw completion, return ? innerResult.
  if (innerResult.isAbrupt()) return innerResult;
  // 7. If innerResult.[[Value]] is not an Object, throw a TypeError exception.
  if (!innerResult.value.isObject()) return realm.throwTypeError("the iterator's return did not give an object");
  // 8. Return ? completion.
  return completion;
}

// 7.4.16 IteratorToList ( GetIterator ( iterable, sync ) ) — https://tc39.es/ecma262/2025/#sec-iteratortolist
Completion IterableToList(Realm& realm, const Value& iterable, std::vector<Value>& out) {
  if (!hasBuiltInIterator(realm, iterable)) return realm.throwTypeError("object is not iterable");
  IteratorRecord record;
  GetIterator(realm, iterable, record);
  out = std::move(record.builtInValues);
  return Completion::normal();
}

}  // namespace pc::es
