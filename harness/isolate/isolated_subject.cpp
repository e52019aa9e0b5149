#include "harness/isolate/isolated_subject.hpp"

#include <atomic>
#include <cstdlib>
#include <istream>
#include <iterator>
#include <memory>
#include <optional>
#include <ostream>
#include <thread>

#include "harness/core/thread_states.hpp"

namespace pc {

namespace {

// A library can deadlock the worker's main thread inside its own code (a blocking wait for a result
// nobody will produce), where the SDK's drain never gets to look. While a case runs, this watch
// samples the threads of the process; when none of them has been running for kDeadlockWindow, nothing
// will ever wake them, so it ends the worker with kDeadlockedExit, which the harness records as that
// case's hang, instead of letting it sit out the case timeout.
class DeadlockWatch {
 public:
  DeadlockWatch() : thread_([this] { watch(); }) {}
  ~DeadlockWatch() {
    stop_ = true;
    thread_.join();
  }
  void arm(bool on) { armed_ = on; }

 private:
  static constexpr auto kSample = std::chrono::milliseconds(5);
  static constexpr int kIdleSamples = kDeadlockWindow / kSample;

  void watch() {
    for (int idle = 0; !stop_; std::this_thread::sleep_for(kSample)) {
      const std::optional<bool> running = armed_ ? otherThreadsRunning() : std::nullopt;
      idle = running == false ? idle + 1 : 0;
      if (idle >= kIdleSamples) std::_Exit(kDeadlockedExit);
    }
  }

  std::atomic<bool> stop_{false}, armed_{false};
  std::thread thread_;
};

}  // namespace

int runWorker(Subject& subject, std::istream& in, std::ostream& out, std::ostream& err) {
  std::vector<BatchItem> items;
  try {
    items = parseBatchInput(std::string(std::istreambuf_iterator<char>(in), {}));
  } catch (const std::exception& e) {
    err << "worker: " << e.what() << '\n';
    return 2;
  }
  DeadlockWatch deadlocks;
  const Schedule schedule =
      std::getenv(kLibraryThreadsFirstVariable) ? Schedule::LibraryThreadsFirst : Schedule::AsScheduled;
  for (const BatchItem& item : items) {
    Case c;
    c.id = item.id;
    c.program = item.program;
    const Case* one[] = {&c};
    deadlocks.arm(true);
    std::vector<Trace> traces = subject.runScheduled(one, schedule);
    deadlocks.arm(false);
    out << answerLine(item.id, traces.empty() ? Trace{} : traces.front()) << '\n' << std::flush;
  }
  if (const char* linger = std::getenv(kLingerVariable))
    std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(linger)));
  return 0;
}

}  // namespace pc
