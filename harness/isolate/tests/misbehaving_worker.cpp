// A worker whose subject misbehaves on purpose, chosen by the case id: "hang/..." never answers,
// "segfault/..." dies of SIGSEGV, "abort/..." aborts, "throw/..." lets a C++ exception escape
// everything, "exit/..." exits mid-batch. Any other case runs on the reference.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "harness/core/reference_subject.hpp"
#include "harness/isolate/isolated_subject.hpp"

namespace {

class MisbehavingSubject final : public pc::Subject {
 public:
  std::string name() const override { return "misbehaving"; }
  pc::FeatureSet features() const override { return pc::FeatureSet::all(); }
  std::vector<pc::Trace> run(std::span<const pc::Case* const> cases) override {
    for (const pc::Case* c : cases) misbehaveFor(c->id);
    return reference_.run(cases);
  }

 private:
  static void misbehaveFor(const std::string& id) {
    if (id.starts_with("hang/")) std::this_thread::sleep_for(std::chrono::hours(1));
    if (id.starts_with("segfault/")) std::raise(SIGSEGV);
    if (id.starts_with("abort/")) std::abort();
    if (id.starts_with("throw/")) throw std::runtime_error("the library lost its way");
    if (id.starts_with("exit/")) std::exit(3);
  }

  pc::ReferenceSubject reference_;
};

}  // namespace

int main() {
  MisbehavingSubject subject;
  return pc::runWorker(subject, std::cin, std::cout, std::cerr);
}
