#include "harness/core/value_encoding.hpp"

#include <cmath>
#include <cstdint>

#include "harness/core/subject_promise.hpp"
#include "reference/iteration.hpp"

namespace pc {
namespace {

Json encodeNumber(double d) {
  if (std::isnan(d)) return Json{{"number", "NaN"}};
  if (std::isinf(d)) return Json{{"number", d > 0 ? "Infinity" : "-Infinity"}};
  // Integral values are written as integers, as JSON.stringify does (and -0 as 0).
  if (d == std::trunc(d) && std::fabs(d) < 9007199254740992.0) return static_cast<std::int64_t>(d);
  return d;
}

Json encodeError(const es::ErrorObject& e, const ObjectNames& names) {
  Json out{{"error", e.name}};
  if (!e.engineMade && e.message) out["message"] = *e.message;
  if (const es::Property* errors = e.findOwn("errors"); errors && !errors->isAccessor())
    out["errors"] = encodeValue(errors->value, names);
  return out;
}

Json encodeOrdinary(const es::Object& o, const ObjectNames& names) {
  Json props = Json::object();
  for (const es::Property& p : o.properties()) {
    // As Object.keys, which lists enumerable string keys only.
    if (p.key == es::kSymbolIterator || p.key == es::kSymbolSpecies || !p.enumerable) continue;
    props[p.key] = p.isAccessor() ? Json{{"accessor", true}} : encodeValue(p.value, names);
  }
  return Json{{"object", props}};
}

Json encodeObject(const es::Object* o, const ObjectNames& names) {
  auto named = names.find(o);
  if (o->kind() == es::ObjectKind::Promise || isSubjectPromise(o))
    return Json{{"promise", named == names.end() ? Json(nullptr) : Json(named->second)}};
  if (named != names.end()) return Json{{"ref", named->second}};
  switch (o->kind()) {
    case es::ObjectKind::Array: {
      Json out = Json::array();
      for (const es::Value& e : static_cast<const es::ArrayObject*>(o)->elements) out.push_back(encodeValue(e, names));
      return out;
    }
    case es::ObjectKind::Error: return encodeError(*static_cast<const es::ErrorObject*>(o), names);
    case es::ObjectKind::Function: return Json{{"function", true}};
    case es::ObjectKind::Global: return Json{{"globalObject", true}};
    default: return encodeOrdinary(*o, names);
  }
}

}  // namespace

Json encodeValue(const es::Value& v, const ObjectNames& names) {
  if (v.isUndefined()) return Json{{"undefined", true}};
  if (v.isNull()) return nullptr;
  if (v.isBoolean()) return v.asBoolean();
  if (v.isNumber()) return encodeNumber(v.asNumber());
  if (v.isString()) return v.asString();
  if (v.isSymbol()) return Json{{"symbol", v.symbolDescription()}};
  return encodeObject(v.asObject(), names);
}

}  // namespace pc
