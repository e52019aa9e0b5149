// A worker whose subject misbehaves on purpose, chosen by the case id: "hang/..." never answers
// (asleep: a deadlock), "spin/..." never answers (busy), "segfault/..." dies of SIGSEGV, "abort/..."
// aborts, "throw/..." lets a C++ exception escape everything, "exit/..." exits mid-batch,
// "leaves/..." answers but leaves a thread that kills the process with SIGTRAP 50 ms later,
// "dies-late/..." answers but makes the process die of SIGTRAP as it exits (a library's teardown),
// "slow/..." keeps busy for 300 ms first, an id with "liberror/" in it answers a library error that
// also broke run to completion, "asan/..." ends as AddressSanitizer ends a process it stopped (its report on
// stderr, then exit status 1). Any other case runs on the reference. With MISBEHAVING_STARTS set
// to a file, each start appends the ids of its batch to it, one line per worker.
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
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
    std::vector<pc::Trace> traces = reference_.run(cases);
    for (std::size_t i = 0; i < cases.size(); ++i) {
      if (cases[i]->id.find("liberror/") == std::string::npos) continue;
      traces[i].failure = "threw std::logic_error: broken";
      traces[i].failureKind = pc::FailureKind::LibraryError;
      traces[i].brokeRunToCompletion = "a handler ran inside then()";
    }
    return traces;
  }

 private:
  static void spinFor(std::chrono::milliseconds busy) {
    const auto until = std::chrono::steady_clock::now() + busy;
    while (std::chrono::steady_clock::now() < until) {
    }
  }

  static void misbehaveFor(const std::string& id) {
    if (id.starts_with("hang/")) std::this_thread::sleep_for(std::chrono::hours(1));
    if (id.starts_with("spin/")) spinFor(std::chrono::hours(1));
    if (id.starts_with("slow/")) spinFor(std::chrono::milliseconds(300));
    if (id.starts_with("leaves/"))
      std::thread([] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::raise(SIGTRAP);
      }).detach();
    if (id.starts_with("dies-late/")) std::atexit([] { std::raise(SIGTRAP); });
    if (id.starts_with("segfault/")) std::raise(SIGSEGV);
    if (id.starts_with("abort/")) std::abort();
    if (id.starts_with("throw/")) throw std::runtime_error("the library lost its way");
    if (id.starts_with("exit/")) std::exit(3);
    if (id.starts_with("asan/")) {
      std::cerr << "==42==ERROR: AddressSanitizer: heap-use-after-free on address 0x602000000010\n"
                << "    #0 0x55 in pc::sdk::Host::call host.cpp:90\n"
                << "SUMMARY: AddressSanitizer: heap-use-after-free host.cpp:90 in pc::sdk::Host::call\n"
                << "==42==ABORTING\n"
                << std::flush;
      std::_Exit(1);
    }
  }

  pc::ReferenceSubject reference_;
};

}  // namespace

int main() {
  MisbehavingSubject subject;
  if (const char* starts = std::getenv("MISBEHAVING_STARTS")) {
    const std::string input(std::istreambuf_iterator<char>(std::cin), {});
    std::string ids;
    for (const pc::BatchItem& item : pc::parseBatchInput(input)) ids += item.id + ' ';
    std::ofstream(starts, std::ios::app) << ids << '\n';
    std::istringstream again(input);
    return pc::runWorker(subject, again, std::cout, std::cerr);
  }
  return pc::runWorker(subject, std::cin, std::cout, std::cerr);
}
