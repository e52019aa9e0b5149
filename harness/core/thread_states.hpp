#pragma once
// Whether the other threads of this process are doing anything, as the kernel sees it. A Threaded
// library whose due continuations have not run is merely waiting (for a future nobody will settle, a
// lock nobody will release) when none of its threads is runnable; the drain then stops at once
// instead of sitting out its timeout.
#include <cstdint>
#include <optional>
#include <string>

namespace pc {

// True when some thread of this process other than the caller is runnable ('R') or busy in the
// kernel ('D', uninterruptible) in /proc/self/task/*/stat; false when all of them sleep, are stopped
// or are zombies. Empty when /proc cannot be read: the caller must not conclude anything then.
std::optional<bool> otherThreadsRunning();

// The state letter of one /proc/<pid>/task/<tid>/stat line (the field after the command name,
// which may itself contain spaces and parentheses); '?' when the line is malformed.
char threadStateOf(const std::string& statLine);

// Watches a drain that is waiting for continuations: idle() is true once `kPolls` polls in a row
// saw no other thread running and no new callback started since the poll before.
class IdleWatch {
 public:
  static constexpr int kPolls = 3;
  // `callbacksStarted`: the host's count now; `othersRunning`: otherThreadsRunning() now (empty
  // when unknown, which never counts as idle).
  bool observe(std::uint64_t callbacksStarted, std::optional<bool> othersRunning);

 private:
  std::optional<std::uint64_t> lastCount_;
  int streak_ = 0;
};

}  // namespace pc
