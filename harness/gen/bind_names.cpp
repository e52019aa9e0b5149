#include "harness/gen/bind_names.hpp"

#include <string>
#include <vector>

#include "harness/core/grammar.hpp"

namespace pc::gen {
namespace {

// Statements whose result the generator names with "as": every verb that takes one.
bool makesPromise(const Json& s) {
  const grammar::Verb* verb = grammar::verbOf(s);
  return verb && verb->takes(grammar::Slot::BindPromise);
}

bool isPlaceholder(const Json& v) { return v.is_string() && v.get<std::string>().starts_with('#'); }

// "#k" is the k-th of `visible` counted from the latest; nullptr when there is none.
const std::string* pick(const Json& placeholder, const std::vector<std::string>& visible) {
  if (visible.empty()) return nullptr;
  const std::size_t k = std::stoul(placeholder.get<std::string>().substr(1));
  return &visible[visible.size() - 1 - k % visible.size()];
}

// Replaces every {"promise": "#k"} inside `v` (values, nested bodies) by a visible name.
void bindReferences(Json& v, const std::vector<std::string>& visible) {
  if (v.is_object() && v.size() == 1 && v.contains("promise") && isPlaceholder(v["promise"])) {
    const std::string* name = pick(v["promise"], visible);
    v = name ? Json{{"promise", *name}} : Json("none");
    return;
  }
  if (v.is_structured())
    for (Json& child : v) bindReferences(child, visible);
}

class Binder {
 public:
  Json statement(Json s) {
    if (settlementCall(s)) return settle(std::move(s));
    // A set whose value is the latest custom constructor (p.constructor = C, C[Symbol.species] = C):
    // undefined while there is none.
    if (s.contains("value") && s["value"] == Json{{"ref", "#ctor"}})
      s["value"] = constructors_.empty() ? Json{{"undefined", true}} : Json{{"ref", constructors_.back()}};
    if (s.contains("asyncGenerator")) {
      generators_.push_back("G" + std::to_string(generators_.size()));
      s["asyncGenerator"] = generators_.back();
    }
    if (s.contains("resume") && s["resume"] == Json{{"ref", "#gen"}}) {
      if (generators_.empty()) return Json{{"log", "a"}};
      s["resume"] = Json{{"ref", generators_.back()}};
    }
    if (Json* c = constructorPlaceholder(s)) {
      if (s.contains("customConstructor") || s.contains("subclass"))
        constructors_.push_back("C" + std::to_string(constructors_.size()));
      if (constructors_.empty()) {
        if (s.contains("set")) return Json{{"log", "a"}};
        s.erase("on");  // no constructor yet: the static method runs on Promise
      } else {
        *c = constructors_.back();
        bindReferences(s, names_);
        return s;  // the result of a static method on C is what C made, not a promise to name
      }
    }
    // A receiver or target placeholder gets a bound name; a built-in target ("%Promise%") stays.
    if (const grammar::Verb* verb = grammar::verbOf(s);
        verb && (verb->slot == grammar::Slot::Receiver || verb->slot == grammar::Slot::Target) &&
        isPlaceholder(s[verb->name])) {
      const std::string* receiver = pick(s[verb->name], names_);
      if (!receiver) return Json{{"log", "a"}};
      s[verb->name] = *receiver;
    }
    bindReferences(s, names_);
    if (s.contains("deferred") || s.contains("new")) {
      const std::string name = fresh();
      s[s.contains("deferred") ? "deferred" : "new"] = name;
      settleable_.push_back({name, names_.size() - 1});
      return s;
    }
    if (makesPromise(s)) s["as"] = fresh();
    return s;
  }

 private:
  struct Settleable {
    std::string name;
    std::size_t boundAfter;  // how many names were bound before it (its own index)
  };

  // The resolve/reject "of" call of a settlement, bare or inside a timer or microtask body.
  static Json* settlementCall(Json& s) {
    if (s.contains("of")) return &s;
    for (const char* wrapper : {"do", "microtask"})
      if (s.contains(wrapper) && s[wrapper].size() == 1 && s[wrapper][0].contains("of")) return &s[wrapper][0];
    return nullptr;
  }

  // The value may only name promises bound before the deferred, so no outcome depends on itself.
  Json settle(Json s) {
    if (settleable_.empty()) return Json{{"log", "a"}};
    Json& call = *settlementCall(s);
    const std::size_t k = std::stoul(call["of"].get<std::string>().substr(1));
    const Settleable& target = settleable_[settleable_.size() - 1 - k % settleable_.size()];
    call["of"] = target.name;
    const std::vector<std::string> before(names_.begin(), names_.begin() + static_cast<long>(target.boundAfter));
    bindReferences(s, before);
    return s;
  }

  // Where a statement names the latest custom constructor "#ctor": a constructor's own name, the
  // target of a set (C.resolve), or the "on" of a static method.
  static Json* constructorPlaceholder(Json& s) {
    for (const char* key : {"customConstructor", "subclass", "set"})
      if (s.contains(key) && s[key] == "#ctor") return &s[key];
    if (s.contains("on") && s["on"].is_object() && s["on"].contains("ref")) return &s["on"]["ref"];
    return nullptr;
  }

  std::string fresh() {
    names_.push_back("p" + std::to_string(names_.size()));
    return names_.back();
  }

  std::vector<std::string> names_;
  std::vector<Settleable> settleable_;
  std::vector<std::string> constructors_;
  std::vector<std::string> generators_;
};

}  // namespace

Json bindNames(const Json& rawProgram) {
  Binder binder;
  Json program = Json::array();
  for (const Json& s : rawProgram) program.push_back(binder.statement(s));
  return program;
}

}  // namespace pc::gen
