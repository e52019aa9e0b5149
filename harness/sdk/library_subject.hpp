#pragma once
// LibrarySubject<Adapter, Options...>: a subject that runs each case on a fresh adapter (a variant
// is an adapter with other options) in this process. Registries wrap it in an IsolatedSubject
// (harness/isolate) so that a crash or hang of the library is contained to its case.
#include <functional>
#include <string>
#include <tuple>
#include <utility>

#include "harness/core/interpreter.hpp"
#include "harness/core/subject.hpp"
#include "harness/sdk/library_runtime.hpp"

namespace pc::sdk {

// One case on a fresh runtime. The script and every handler run under the case's lock; the trace
// becomes a failure when something went wrong that the case cannot express (see Host::fault).
template <LibraryAdapter A, class... Args>
Trace runLibraryCase(const Case& c, const Options& options, const Args&... args) {
  try {
    LibraryRuntime<A> runtime(options, args...);
    Trace trace;
    {
      std::unique_lock lock(runtime.host().mutex());
      trace = interpret(c.program, runtime);
    }
    trace.brokeRunToCompletion = runtime.host().brokeRunToCompletion();
    runtime.close();
    if (auto fault = runtime.host().recordedFault()) {
      trace.failure = fault->message;
      trace.failureKind = fault->kind;
    }
    return trace;
  } catch (...) {
    // Building or tearing down the adapter is the library's code.
    Trace broken;
    broken.failure = "threw " + describeCurrentException();
    broken.failureKind = FailureKind::LibraryError;
    return broken;
  }
}

template <LibraryAdapter A, class... Args>
class LibrarySubject final : public Subject {
 public:
  LibrarySubject(std::string name, Options options, Args... args)
      : name_(std::move(name)), options_(options), args_(std::move(args)...) {}

  std::string name() const override { return name_; }
  FeatureSet features() const override { return featuresOf<A>(); }
  std::vector<Trace> run(std::span<const Case* const> cases) override {
    return runScheduled(cases, Schedule::AsScheduled);
  }
  std::vector<Trace> runScheduled(std::span<const Case* const> cases, Schedule schedule) override {
    Options options = options_;
    options.libraryThreadsFirst = schedule == Schedule::LibraryThreadsFirst;
    std::vector<Trace> out;
    out.reserve(cases.size());
    for (const Case* c : cases)
      out.push_back(std::apply([&](const Args&... a) { return runLibraryCase<A>(*c, options, a...); }, args_));
    return out;
  }

 private:
  std::string name_;
  Options options_;
  std::tuple<Args...> args_;
};

}  // namespace pc::sdk
