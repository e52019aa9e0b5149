#include "harness/load/load_error.hpp"

namespace pc {

std::string formatError(const LoadError& e) {
  std::string out = e.file.generic_string();
  out += ": ";
  if (!e.pointer.empty()) {
    out += e.pointer;
    out += ": ";
  }
  out += e.message;
  return out;
}

void Diagnostics::add(std::string pointer, std::string message) {
  errors_.push_back({file_, std::move(pointer), std::move(message)});
}

}  // namespace pc
