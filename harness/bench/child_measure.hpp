#pragma once
// Measures one workload in a child process of its own, so that the peak resident set size the kernel
// reports for that child (wait4's rusage.ru_maxrss) belongs to that workload alone.
#include <functional>
#include <string>

namespace pc::bench {

struct Measurement {
  bool ok = false;
  std::string failure;  // why not ok: what the child said on stdout, or how it ended
  double seconds = 0;   // what the child reported: the workload's own time, without its startup
  long peakRssKiB = 0;  // the child's peak resident set size
};

// Runs `child` in a forked process whose stdout is a pipe back to us. `child` must print the seconds
// its workload took (a number alone on one line) and end the process, by exec or by _exit; anything
// else it prints makes the measurement a failure carrying that text.
Measurement measureInChild(const std::function<void()>& child);

// What `child` of measureInChild runs to measure the reference: the workload, its seconds on stdout
// (or "error: ..." and exit status 1), then _exit.
[[noreturn]] void referenceChild(const std::string& workload, std::size_t n);

}  // namespace pc::bench
