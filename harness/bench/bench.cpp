#include "harness/bench/bench.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <stdexcept>

#include "harness/bench/workloads.hpp"

namespace pc::bench {
namespace {

// The fastest of a subject's runs so far, with the largest peak RSS among them; or its first failure,
// after which it is not run again.
class Fastest {
 public:
  bool failed() const { return measured_ && !best_.ok; }
  void add(const Measurement& m) {
    if (!measured_ || !m.ok) {
      const long peak = best_.peakRssKiB;
      best_ = m;
      best_.peakRssKiB = std::max(peak, m.peakRssKiB);
    } else {
      const long peak = std::max(best_.peakRssKiB, m.peakRssKiB);
      if (m.seconds < best_.seconds) best_ = m;
      best_.peakRssKiB = peak;
    }
    measured_ = true;
  }
  const Measurement& best() const { return best_; }

 private:
  bool measured_ = false;
  Measurement best_;
};

[[noreturn]] void execNode(const BenchOptions& options, const std::string& workload) {
  const std::string node = options.node->string(), script = options.nodeScript.string(), n = std::to_string(options.n);
  execl(node.c_str(), node.c_str(), script.c_str(), workload.c_str(), n.c_str(), static_cast<char*>(nullptr));
  std::printf("error: cannot run %s\n", node.c_str());
  std::fflush(stdout);
  _exit(1);
}

std::string opsPerSecond(const Measurement& m, std::size_t n) {
  if (!m.ok) return "failed";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f M/s", static_cast<double>(n) / m.seconds / 1e6);
  return text;
}

std::string megabytes(const Measurement& m) {
  if (!m.ok) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.0f MB", static_cast<double>(m.peakRssKiB) / 1024);
  return text;
}

std::string ratio(const Row& row) {
  if (!row.node || !row.node->ok || !row.reference.ok) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2fx", row.node->seconds / row.reference.seconds);
  return text;
}

}  // namespace

std::vector<std::string> chosenWorkloads(const BenchOptions& options) {
  std::vector<std::string> names = options.workloads;
  if (names.empty())
    for (const Workload& w : workloads()) names.emplace_back(w.name);
  for (const std::string& name : names)
    if (!findWorkload(name)) throw std::invalid_argument("no workload named " + name);
  return names;
}

Row runWorkload(const BenchOptions& options, const std::string& workload) {
  Row row;
  row.workload = workload;
  // The subjects take turns, run by run, so that both meet the same moments of a machine whose
  // speed changes over a few seconds (a busy neighbour, a core slower than the other).
  Fastest reference, node;
  for (int run = 0; run < std::max(options.repeat, 1); ++run) {
    if (!reference.failed()) reference.add(measureInChild([&] { referenceChild(workload, options.n); }));
    if (options.node && !node.failed()) node.add(measureInChild([&] { execNode(options, workload); }));
  }
  row.reference = reference.best();
  if (options.node) row.node = node.best();
  return row;
}

constexpr const char* kRowFormat = "%-9s %12s %12s %15s %14s %10s\n";

void printHeader(std::ostream& out) {
  char line[200];
  std::snprintf(line, sizeof line, kRowFormat, "workload", "reference", "node", "reference/node", "reference RSS",
                "node RSS");
  out << line;
}

bool printRow(const Row& row, std::size_t n, std::ostream& out) {
  const Measurement none;
  const Measurement& node = row.node ? *row.node : none;
  char line[200];
  std::snprintf(line, sizeof line, kRowFormat, row.workload.c_str(), opsPerSecond(row.reference, n).c_str(),
                row.node ? opsPerSecond(node, n).c_str() : "-", ratio(row).c_str(), megabytes(row.reference).c_str(),
                row.node ? megabytes(node).c_str() : "-");
  out << line;
  if (!row.reference.ok) out << "  reference failed: " << row.reference.failure << '\n';
  if (row.node && !node.ok) out << "  node failed: " << node.failure << '\n';
  return row.reference.ok && (!row.node || node.ok);
}

}  // namespace pc::bench
