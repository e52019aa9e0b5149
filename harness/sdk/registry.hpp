#pragma once
// What an adapter registers: each variant of its library, what the variant says about itself, and
// how to open it in this process. The command (harness/cli/subjects.hpp) decides the rest: that a
// library is required to reach causal, and that it runs in a worker process.
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "harness/core/subject.hpp"
#include "harness/sdk/library_subject.hpp"

namespace pc {

// What a variant says about itself.
struct Variant {
  std::string name;           // "std/async"
  std::string library;        // "std::future (libstdc++ 12)"
  std::string description;    // how continuations run in this variant, in one line
  bool deterministic = true;  // false when threads decide the order of some events
};

struct LibraryVariant {
  Variant about;
  std::function<std::unique_ptr<Subject>()> open;  // a fresh subject in this process
};
using LibraryVariants = std::vector<LibraryVariant>;

// The variant `v` of adapter A, constructed with `args`: what adapters/*/ registers.
template <sdk::LibraryAdapter A, class... Args>
LibraryVariant librarySubject(Variant v, Args... args) {
  LibraryVariant out{std::move(v), {}};
  out.open = [name = out.about.name, args...]() -> std::unique_ptr<Subject> {
    return std::make_unique<sdk::LibrarySubject<A, Args...>>(name, sdk::Options{}, args...);
  };
  return out;
}

}  // namespace pc
