#pragma once
// The names of one case: where each is bound and where each is used. Uses are checked once the
// whole case has been read, because a handler may name a promise bound later in the script (it
// runs later, so the name is bound by then).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "harness/load/json_pointer.hpp"
#include "harness/load/load_error.hpp"

namespace pc::load {

enum class NameKind {
  Promise,     // bound by "as"
  Resolvable,  // bound by new or deferred: a promise whose resolve/reject "of" can call
  Let,         // bound by let
};

enum class NameUse {
  Receiver,      // then / catch / finally
  PromiseValue,  // {"promise": n} in the program
  Ref,           // {"ref": n} in the program: anything bound
  ResolverOf,    // "of": n
  TracePromise,  // {"promise": n}, unhandled, handled in the expected trace
  TraceRef,      // {"ref": n} in the expected trace: a let binding
};

class Names {
 public:
  // Reports a name bound a second time at `pointer`.
  void bind(const std::string& name, NameKind kind, const Pointer& pointer, Diagnostics& out);
  void use(const std::string& name, NameUse use, const Pointer& pointer);

  // Reports every use of an unbound name or of a name of the wrong kind.
  void checkUses(Diagnostics& out) const;

  std::optional<NameKind> kindOf(const std::string& name) const;
  std::vector<std::string> promises() const;  // names bound by new, deferred or as; sorted

 private:
  struct Binding {
    NameKind kind;
    Pointer pointer;
  };
  struct Use {
    std::string name;
    NameUse use;
    Pointer pointer;
  };
  void checkUse(const Use& u, Diagnostics& out) const;

  std::map<std::string, Binding> bindings_;
  std::vector<Use> uses_;
};

}  // namespace pc::load
