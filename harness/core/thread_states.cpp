#include "harness/core/thread_states.hpp"

#include <sys/syscall.h>
#include <unistd.h>

#include <dirent.h>
#include <fcntl.h>

#include <string>

namespace pc {

char threadStateOf(const std::string& statLine) {
  // "tid (comm) S ...": comm is whatever the thread named itself, so look after its last ')'.
  const std::size_t close = statLine.rfind(')');
  if (close == std::string::npos || close + 2 >= statLine.size()) return '?';
  return statLine[close + 2];
}

namespace {

// The stat line of one thread, or "" when it ended meanwhile. Plain POSIX calls: a thread that
// exits between listing and reading makes read() fail with ESRCH, which iostreams would throw.
std::string readStat(int taskDir, const char* tid) {
  const std::string path = std::string(tid) + "/stat";
  const int fd = ::openat(taskDir, path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return {};
  char buf[512];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  return n > 0 ? std::string(buf, static_cast<std::size_t>(n)) : std::string();
}

}  // namespace

std::optional<bool> otherThreadsRunning() {
  const std::string self = std::to_string(::syscall(SYS_gettid));
  DIR* tasks = ::opendir("/proc/self/task");
  if (tasks == nullptr) return std::nullopt;
  bool running = false;
  while (const dirent* task = ::readdir(tasks)) {
    if (task->d_name[0] == '.' || self == task->d_name) continue;
    const char state = threadStateOf(readStat(::dirfd(tasks), task->d_name));
    if (state == 'R' || state == 'D') {
      running = true;
      break;
    }
  }
  ::closedir(tasks);
  return running;
}

bool IdleWatch::observe(std::uint64_t callbacksStarted, std::optional<bool> othersRunning) {
  const bool progressed = lastCount_ && *lastCount_ != callbacksStarted;
  lastCount_ = callbacksStarted;
  const bool idleNow = othersRunning.has_value() && !*othersRunning && !progressed;
  streak_ = idleNow ? streak_ + 1 : 0;
  return streak_ >= kPolls;
}

}  // namespace pc
