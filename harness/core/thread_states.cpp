#include "harness/core/thread_states.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <dirent.h>
#include <fcntl.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

namespace pc {

char threadStateOf(const std::string& statLine) {
  // "tid (comm) S ...": comm is whatever the thread named itself, so look after its last ')'.
  const std::size_t close = statLine.rfind(')');
  if (close == std::string::npos || close + 2 >= statLine.size()) return '?';
  return statLine[close + 2];
}

namespace {

// The /proc/self/task entries of the calling thread's polls, kept open between polls: a drain polls
// every few dozen microseconds, and a pool of forty threads then cost 120 opens, reads and closes per
// poll (most of a threaded run's time went to the kernel). Now a poll re-reads the directory and
// pread()s each thread's stat file, which the kernel regenerates on every read from offset 0.
class TaskStats {
 public:
  TaskStats() : tasks_(::opendir("/proc/self/task")), self_(static_cast<long>(::syscall(SYS_gettid))) {}
  TaskStats(const TaskStats&) = delete;
  TaskStats& operator=(const TaskStats&) = delete;
  ~TaskStats() {
    for (const auto& [tid, fd] : open_) ::close(fd);
    if (tasks_ != nullptr) ::closedir(tasks_);
  }

  std::optional<bool> othersRunning() {
    if (tasks_ == nullptr) return std::nullopt;
    const std::vector<long> tids = list();
    forgetThreadsNotIn(tids);
    for (long tid : tids)
      if (tid != self_ && runningState(threadStateOf(readStat(tid)))) return true;
    return false;
  }

 private:
  static bool runningState(char state) { return state == 'R' || state == 'D'; }

  std::vector<long> list() {
    ::rewinddir(tasks_);
    std::vector<long> tids;
    while (const dirent* task = ::readdir(tasks_))
      if (task->d_name[0] != '.') tids.push_back(std::strtol(task->d_name, nullptr, 10));
    return tids;
  }

  void forgetThreadsNotIn(const std::vector<long>& tids) {
    std::erase_if(open_, [&](const auto& entry) {
      if (std::find(tids.begin(), tids.end(), entry.first) != tids.end()) return false;
      ::close(entry.second);
      return true;
    });
  }

  // The stat line of one thread, or "" when it ended meanwhile (read() then fails with ESRCH).
  std::string readStat(long tid) {
    auto at = open_.find(tid);
    if (at == open_.end()) {
      const std::string path = std::to_string(tid) + "/stat";
      const int fd = ::openat(::dirfd(tasks_), path.c_str(), O_RDONLY | O_CLOEXEC);
      if (fd < 0) return {};
      at = open_.emplace(tid, fd).first;
    }
    char buf[512];
    const ssize_t n = ::pread(at->second, buf, sizeof buf, 0);
    return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
  }

  DIR* tasks_;
  long self_;
  std::map<long, int> open_;  // thread id -> its stat file
};

}  // namespace

std::optional<bool> otherThreadsRunning() {
  thread_local TaskStats stats;
  return stats.othersRunning();
}

bool IdleWatch::observe(std::uint64_t callbacksStarted, std::optional<bool> othersRunning) {
  const bool progressed = lastCount_ && *lastCount_ != callbacksStarted;
  lastCount_ = callbacksStarted;
  const bool idleNow = othersRunning.has_value() && !*othersRunning && !progressed;
  streak_ = idleNow ? streak_ + 1 : 0;
  return streak_ >= kPolls;
}

}  // namespace pc
