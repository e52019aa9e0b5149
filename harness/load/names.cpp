#include "harness/load/names.hpp"

#include <fmt/format.h>

namespace pc::load {

void Names::bind(const std::string& name, NameKind kind, const Pointer& pointer, Diagnostics& out) {
  const auto [it, fresh] = bindings_.emplace(name, Binding{kind, pointer});
  if (!fresh)
    out.add(pointer, fmt::format("'{}' is already bound at {}; a name is bound only once per case", name,
                                 it->second.pointer.str()));
}

void Names::use(const std::string& name, NameUse use, const Pointer& pointer) { uses_.push_back({name, use, pointer}); }

void Names::checkUses(Diagnostics& out) const {
  for (const Use& u : uses_) checkUse(u, out);
}

void Names::checkUse(const Use& u, Diagnostics& out) const {
  const auto kind = kindOf(u.name);
  if (!kind) {
    out.add(u.pointer, fmt::format("'{}' is not bound anywhere in this case; bind it with new, deferred, "
                                   "let or \"as\"",
                                   u.name));
    return;
  }
  const bool promise = *kind != NameKind::Let;
  switch (u.use) {
    case NameUse::Receiver:
      if (!promise)
        out.add(u.pointer, fmt::format("'{}' is bound by let, not to a promise; then, catch and finally "
                                       "need a promise",
                                       u.name));
      break;
    case NameUse::PromiseValue:
    case NameUse::TracePromise:
      if (!promise)
        out.add(u.pointer, fmt::format("'{}' is bound by let, not to a promise; a let binding is written "
                                       "{{\"ref\": \"{}\"}}",
                                       u.name, u.name));
      break;
    case NameUse::ResolverOf:
      if (*kind != NameKind::Resolvable)
        out.add(u.pointer, fmt::format("'of' needs a promise made by new or deferred, whose resolve and "
                                       "reject the case can call; '{}' is bound at {}",
                                       u.name, bindings_.at(u.name).pointer.str()));
      break;
    case NameUse::TraceRef:
      if (promise)
        out.add(u.pointer,
                fmt::format("'{}' is a promise: in a trace it is written {{\"promise\": \"{}\"}}", u.name, u.name));
      break;
    case NameUse::Ref: break;  // anything bound
  }
}

std::optional<NameKind> Names::kindOf(const std::string& name) const {
  const auto it = bindings_.find(name);
  if (it == bindings_.end()) return std::nullopt;
  return it->second.kind;
}

std::vector<std::string> Names::promises() const {
  std::vector<std::string> out;
  for (const auto& [name, b] : bindings_)
    if (b.kind != NameKind::Let) out.push_back(name);
  return out;
}

}  // namespace pc::load
