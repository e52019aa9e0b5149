#include "harness/isolate/batch_protocol.hpp"

#include <chrono>
#include <optional>
#include <stdexcept>

#include "harness/isolate/piped_process.hpp"

namespace pc {
namespace {

// How long a child lingers after its last answer when we look for a crash from work left behind.
constexpr int kLingerMs = 150;

const char* kindName(FailureKind kind) {
  switch (kind) {
    case FailureKind::LibraryError: return "library-error";
    case FailureKind::Crash: return "crash";
    case FailureKind::Hang: return "hang";
    case FailureKind::HarnessError: break;
  }
  return "harness-error";
}

FailureKind kindFromName(const Json& name) {
  for (FailureKind k : {FailureKind::LibraryError, FailureKind::Crash, FailureKind::Hang})
    if (name == kindName(k)) return k;
  return FailureKind::HarnessError;
}

Trace failed(FailureKind kind, std::string message) {
  Trace t;
  t.failure = std::move(message);
  t.failureKind = kind;
  return t;
}

std::string batchInput(std::span<const Case* const> cases, std::size_t first) {
  Json batch = Json::array();
  for (std::size_t i = first; i < cases.size(); ++i)
    batch.push_back(Json{{"id", cases[i]->id}, {"program", cases[i]->program}});
  // Invalid UTF-8 in a case becomes U+FFFD rather than an exception: the child would reject it anyway.
  return batch.dump(-1, ' ', false, Json::error_handler_t::replace);
}

bool isReadyLine(const std::string& line) {
  const Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  return j.is_object() && j.size() == 1 && j.value("ready", false) == true;
}

// One answer line as a trace; throws std::runtime_error when it is not one.
Trace parseAnswer(const std::string& line, const std::string& expectedId) {
  Json j = Json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object()) throw std::runtime_error("not a JSON object: " + line.substr(0, 200));
  if (!j.contains("id") || j["id"] != expectedId)
    throw std::runtime_error("answer for another case (expected id \"" + expectedId + "\"): " + line.substr(0, 200));
  Trace t;
  if (auto broke = j.find("brokeRunToCompletion"); broke != j.end() && broke->is_string())
    t.brokeRunToCompletion = broke->get<std::string>();
  if (auto f = j.find("failure"); f != j.end()) {
    t.failure = f->is_string() ? f->get<std::string>() : f->dump();
    t.failureKind = kindFromName(j.value("failureKind", Json()));
    return t;
  }
  auto trace = j.find("trace");
  auto final = j.find("final");
  if (trace == j.end() || !trace->is_array() || final == j.end() || !final->is_object())
    throw std::runtime_error("no \"trace\" array and \"final\" object: " + line.substr(0, 200));
  t.events = trace->get<std::vector<Json>>();
  t.final = *final;
  return t;
}

// AddressSanitizer's and UBSan's one-line verdict ("SUMMARY: AddressSanitizer: heap-use-after-free
// ..."), when the child's stderr has one: it says more than the signal.
std::optional<std::string> sanitizerSummary(const std::string& tail) {
  std::size_t at = tail.starts_with("SUMMARY: ") ? 0 : tail.find("\nSUMMARY: ");
  if (at == std::string::npos) return std::nullopt;
  if (at > 0) ++at;
  return tail.substr(at, tail.find('\n', at) - at);
}

std::string withStderr(std::string message, const std::string& who, const std::string& tail) {
  if (tail.empty()) return message;
  return message + "; " + who + "'s stderr ends with: " + tail;
}

// The failure of the case a child was running when its output ended.
Trace endedDuringCase(PipedProcess& child, const ChildCommand& command) {
  const std::string how = child.wait();
  if (child.exitStatus() == kDeadlockedExit)
    return failed(FailureKind::Hang, "hung: every thread of " + command.who + " waited for " +
                                         std::to_string(kDeadlockWindow.count()) +
                                         " ms with this case unfinished (a deadlock), so it gave up");
  std::string message = command.who + " ended (" + how + ") while running this case";
  // A sanitizer's summary names the fault; the rest of its report (process ids, addresses, stacks)
  // changes from run to run and would make the verdict's words do so too.
  if (auto summary = sanitizerSummary(child.stderrTail()))
    message += ": " + *summary;
  else
    message = withStderr(std::move(message), command.who, child.stderrTail());
  // A child that says nothing and exits 0 broke the protocol; any other end is a crash, exit()
  // called by a library included.
  return failed(child.exitedCleanly() ? FailureKind::HarnessError : FailureKind::Crash, std::move(message));
}

// A sanitizer that has begun its report ("==12==ERROR: AddressSanitizer: SEGV ...", "WARNING:
// ThreadSanitizer: data race") ends the child once the report is written. Symbolising its stacks
// can take longer than a case may on a loaded machine, and the report says more than a timeout:
// the child gets this much longer to end.
constexpr std::chrono::seconds kSanitizerGrace{60};

// Whether the child ended within the grace a reporting sanitizer gets (false when none reports).
bool endedAfterSanitizerReport(PipedProcess& child) {
  if (child.stderrTail().find("Sanitizer") == std::string::npos) return false;
  const auto deadline = std::chrono::steady_clock::now() + kSanitizerGrace;
  std::string ignored;
  for (auto now = std::chrono::steady_clock::now(); now < deadline; now = std::chrono::steady_clock::now()) {
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
    if (child.readLine(ignored, left) == PipedProcess::Read::Eof) return true;
  }
  return false;
}

// What one child did with cases [first, end).
struct ChildRun {
  std::size_t next = 0;                         // the first case it did not finish
  std::optional<std::size_t> lost;              // the case it hung or died on, if any
  std::optional<std::string> diedAfterAnswers;  // how it ended, when it ended badly after answering all
};

// Runs cases [first, end) in one child, filling `out` until the batch ends or the child hangs or
// dies.
ChildRun runOneChild(std::span<const Case* const> cases, std::size_t first, const ChildCommand& command,
                     std::chrono::milliseconds caseTimeout, std::vector<Trace>& out) {
  PipedProcess child(command.argv, batchInput(cases, first), command.extraEnv);
  std::size_t i = first;
  std::string line;
  bool ready = false;  // CPU budgets count from the child's {"ready": true}, so start-up is not a case's
  const auto endedDuring = [&](std::size_t k) -> ChildRun {
    out[k] = endedDuringCase(child, command);
    return {k + 1, out[k].failureKind == FailureKind::Crash ? std::optional(k) : std::nullopt, {}};
  };
  while (i < cases.size()) {
    switch (child.readLine(line, caseTimeout, ready ? cpuBudgetFor(*cases[i], command) : std::nullopt)) {
      case PipedProcess::Read::Line:
        if (!ready && isReadyLine(line)) {
          ready = true;
          continue;
        }
        try {
          out[i] = parseAnswer(line, cases[i]->id);
          ++i;
          continue;
        } catch (const std::exception& e) {
          out[i] = failed(FailureKind::HarnessError, command.who + " protocol error: " + e.what());
          child.kill();
          child.wait();
          return {i + 1, {}, {}};
        }
      case PipedProcess::Read::Timeout:
        if (endedAfterSanitizerReport(child)) return endedDuring(i);
        child.kill();
        child.wait();
        out[i] = failed(FailureKind::Hang, "timed out: " + command.who + " finished nothing for " +
                                               std::to_string(caseTimeout.count()) + " ms, so it was killed");
        return {i + 1, i, {}};
      case PipedProcess::Read::Busy:
        if (endedAfterSanitizerReport(child)) return endedDuring(i);
        child.kill();
        child.wait();
        out[i] = failed(FailureKind::Hang, "busy: " + command.who + " spent " +
                                               std::to_string(cpuBudgetFor(*cases[i], command)->count()) +
                                               " ms of CPU time on this case without finishing it, so it was killed");
        return {i + 1, i, {}};
      case PipedProcess::Read::Eof: return endedDuring(i);
    }
  }
  // Every case has its answer; how the child ends after that matters only when we look for it.
  const std::string how = child.wait();
  return {i, {}, child.exitedCleanly() ? std::nullopt : std::optional(how)};
}

// One case alone in a fresh child that lingers after answering: what the case does by itself, a
// crash from work it left behind on a library thread included. Crashes charged after the fact are
// told by such a run, so that the case a crash is charged to, and the words, do not depend on where
// a batch happened to end or on which case came after it.
Trace runAlone(const Case* c, ChildCommand command, std::chrono::milliseconds caseTimeout) {
  command.extraEnv.push_back(std::string(kLingerVariable) + "=" + std::to_string(kLingerMs));
  const Case* one[] = {c};
  std::vector<Trace> out(1);
  const ChildRun run = runOneChild(one, 0, command, caseTimeout, out);
  if (run.diedAfterAnswers)
    return failed(FailureKind::Crash,
                  "crashed after the case finished, from work it left behind: " + *run.diedAfterAnswers);
  return std::move(out[0]);
}

bool endedTheChild(const Trace& t) {
  return t.failure && (t.failureKind == FailureKind::Crash || t.failureKind == FailureKind::Hang);
}

// Case i's result becomes `alone`, what it did in a child of its own, when that was a crash.
void chargeCrash(std::span<const Case* const> cases, std::size_t i, Trace alone, std::vector<Trace>& out,
                 CrashedAlone* crashedAlone) {
  if (!alone.failure || alone.failureKind != FailureKind::Crash) return;
  if (crashedAlone) crashedAlone->add(cases[i]->id);
  out[i] = std::move(alone);
}

// Case k hung or crashed its child, which had run other cases before it: the fault may be theirs
// (a library thread left running). k's own result is what it does alone; when that does not end a
// child, the case before it is run alone too, and a crash of its own is charged to it.
void attributeFault(std::span<const Case* const> cases, std::size_t k, const ChildCommand& command,
                    std::chrono::milliseconds caseTimeout, std::vector<Trace>& out, CrashedAlone* crashedAlone) {
  out[k] = runAlone(cases[k], command, caseTimeout);
  if (crashedAlone && out[k].failure && out[k].failureKind == FailureKind::Crash) crashedAlone->add(cases[k]->id);
  if (endedTheChild(out[k])) return;
  chargeCrash(cases, k - 1, runAlone(cases[k - 1], command, caseTimeout), out, crashedAlone);
}

}  // namespace

std::optional<std::chrono::milliseconds> cpuBudgetFor(const Case& c, const ChildCommand& command) {
  if (!command.cpuBudget) return std::nullopt;
  const auto kib = static_cast<long>(c.program.dump().size() / 1024);
  return *command.cpuBudget + kib * kCpuPerProgramKiB;
}

void CrashedAlone::add(const std::string& id) {
  std::lock_guard lock(mutex_);
  ids_.insert(id);
}

bool CrashedAlone::contains(const std::string& id) const {
  std::lock_guard lock(mutex_);
  return ids_.contains(id);
}

std::vector<Trace> runInChildProcesses(std::span<const Case* const> cases, const ChildCommand& command,
                                       std::chrono::milliseconds caseTimeout, CrashedAlone* crashedAlone) {
  const auto crashedBefore = [&](std::size_t i) { return crashedAlone && crashedAlone->contains(cases[i]->id); };
  std::vector<Trace> out(cases.size());
  std::size_t next = 0;
  while (next < cases.size()) {
    const std::size_t first = next;
    // A case known to crash runs alone, as it did when it was found; a batch ends before it.
    if (crashedBefore(first)) {
      out[first] = runAlone(cases[first], command, caseTimeout);
      next = first + 1;
      continue;
    }
    std::size_t end = first + 1;
    while (end < cases.size() && !crashedBefore(end)) ++end;
    const std::span<const Case* const> upTo = cases.first(end);
    const ChildRun run = runOneChild(upTo, first, command, caseTimeout, out);
    if (run.lost && *run.lost != first) attributeFault(upTo, *run.lost, command, caseTimeout, out, crashedAlone);
    if (crashedAlone && run.lost == first && out[first].failureKind == FailureKind::Crash)
      crashedAlone->add(cases[first]->id);  // the first case of a fresh child: its own crash
    // Every case answered and then the child died: work left behind, most likely by the last case.
    if (!run.lost && run.diedAfterAnswers)
      chargeCrash(cases, end - 1, runAlone(cases[end - 1], command, caseTimeout), out, crashedAlone);
    next = run.next;
  }
  return out;
}

std::vector<BatchItem> parseBatchInput(const std::string& input) {
  const Json batch = Json::parse(input, nullptr, /*allow_exceptions=*/false);
  if (!batch.is_array()) throw std::runtime_error("the batch is not a JSON array");
  std::vector<BatchItem> items;
  for (const Json& item : batch) {
    if (!item.is_object() || !item.contains("id") || !item["id"].is_string() || !item.contains("program"))
      throw std::runtime_error("a batch item is not {\"id\": string, \"program\": [...]}");
    items.push_back({item["id"].get<std::string>(), item["program"]});
  }
  return items;
}

std::string answerLine(const std::string& id, const Trace& trace) {
  Json answer{{"id", id}};
  if (trace.failure) {
    answer["failure"] = *trace.failure;
    answer["failureKind"] = kindName(trace.failureKind);
  } else {
    answer["trace"] = trace.events;
    answer["final"] = trace.final;
  }
  if (trace.brokeRunToCompletion) answer["brokeRunToCompletion"] = *trace.brokeRunToCompletion;
  return answer.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace pc
