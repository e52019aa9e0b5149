#include "harness/isolate/piped_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace pc {
namespace {

constexpr std::size_t kErrTailBytes = 4000;
// How often readLine looks at a child's CPU time when it has a CPU limit.
constexpr std::chrono::milliseconds kCpuCheckInterval{20};

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what + ": " + std::strerror(errno)); }

void closeFd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

void setNonBlocking(int fd) {
  int flags = ::fcntl(fd, F_GETFL);
  if (flags < 0 || ::fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) fail("fcntl");
}

// This process's environment with `extra` ("NAME=value") replacing entries of the same name.
std::vector<std::string> mergedEnvironment(const std::vector<std::string>& extra) {
  auto nameOf = [](const std::string& entry) { return entry.substr(0, entry.find('=')); };
  std::vector<std::string> env;
  for (char** e = environ; e && *e; ++e) {
    std::string entry(*e);
    bool overridden = false;
    for (const auto& x : extra) overridden = overridden || nameOf(x) == nameOf(entry);
    if (!overridden) env.push_back(std::move(entry));
  }
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> cStrings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Owns a posix_spawn_file_actions_t for the length of one spawn.
struct FileActions {
  posix_spawn_file_actions_t fa;
  FileActions() { posix_spawn_file_actions_init(&fa); }
  ~FileActions() { posix_spawn_file_actions_destroy(&fa); }
};

// "SIGSEGV (Segmentation fault)": the name people search for, then what it means.
std::string signalName(int sig) {
  const char* abbrev = ::sigabbrev_np(sig);
  const std::string description = ::strsignal(sig);
  if (abbrev == nullptr) return "signal " + std::to_string(sig) + " (" + description + ")";
  return std::string("SIG") + abbrev + " (" + description + ")";
}

}  // namespace

PipedProcess::PipedProcess(const std::vector<std::string>& argv, std::string input,
                           const std::vector<std::string>& extraEnv)
    : input_(std::move(input)) {
  if (argv.empty()) throw std::runtime_error("PipedProcess: no program given");
  // stdin is a socket, not a pipe, so that writing to a child that died can use MSG_NOSIGNAL
  // instead of raising SIGPIPE in the whole harness.
  int inPair[2], outPipe[2], errPipe[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, inPair) < 0) fail("socketpair");
  if (::pipe2(outPipe, O_CLOEXEC) < 0) fail("pipe2");
  if (::pipe2(errPipe, O_CLOEXEC) < 0) fail("pipe2");

  FileActions actions;
  posix_spawn_file_actions_adddup2(&actions.fa, inPair[1], 0);
  posix_spawn_file_actions_adddup2(&actions.fa, outPipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions.fa, errPipe[1], 2);

  std::vector<std::string> args = argv;
  std::vector<std::string> env = mergedEnvironment(extraEnv);
  std::vector<char*> cargs = cStrings(args);
  std::vector<char*> cenv = cStrings(env);
  int rc = ::posix_spawn(&pid_, cargs[0], &actions.fa, nullptr, cargs.data(), cenv.data());

  ::close(inPair[1]);
  ::close(outPipe[1]);
  ::close(errPipe[1]);
  in_ = inPair[0];
  out_ = outPipe[0];
  err_ = errPipe[0];
  if (rc != 0) {
    closeFd(in_);
    closeFd(out_);
    closeFd(err_);
    pid_ = -1;
    errno = rc;
    fail("cannot start " + argv[0]);
  }
  setNonBlocking(in_);
  setNonBlocking(out_);
  setNonBlocking(err_);
  if (input_.empty()) closeInput();
}

PipedProcess::~PipedProcess() {
  if (pid_ > 0 && !exited_) {
    kill();
    wait();
  }
  closeFd(in_);
  closeFd(out_);
  closeFd(err_);
}

void PipedProcess::closeInput() { closeFd(in_); }

void PipedProcess::writeSome() {
  ssize_t n = ::send(in_, input_.data() + written_, input_.size() - written_, MSG_NOSIGNAL | MSG_DONTWAIT);
  if (n > 0) written_ += static_cast<std::size_t>(n);
  // A child that stopped reading (or died) gets no more input; its output tells the rest.
  if ((n < 0 && errno != EAGAIN && errno != EINTR) || written_ == input_.size()) closeInput();
}

void PipedProcess::pump(int timeoutMs) {
  pollfd fds[3];
  nfds_t n = 0;
  int outAt = -1, errAt = -1, inAt = -1;
  if (out_ >= 0) fds[outAt = static_cast<int>(n++)] = {out_, POLLIN, 0};
  if (err_ >= 0) fds[errAt = static_cast<int>(n++)] = {err_, POLLIN, 0};
  if (in_ >= 0) fds[inAt = static_cast<int>(n++)] = {in_, POLLOUT, 0};
  if (n == 0) return;
  if (::poll(fds, n, timeoutMs) <= 0) return;  // timeout or EINTR: the caller checks its clock

  char buf[65536];
  if (inAt >= 0 && fds[inAt].revents != 0) writeSome();
  if (outAt >= 0 && fds[outAt].revents != 0) {
    ssize_t r = ::read(out_, buf, sizeof buf);
    if (r > 0) outBuf_.append(buf, static_cast<std::size_t>(r));
    if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) {
      closeFd(out_);
      outEof_ = true;
    }
  }
  if (errAt >= 0 && fds[errAt].revents != 0) {
    ssize_t r = ::read(err_, buf, sizeof buf);
    if (r > 0) {
      errTail_.append(buf, static_cast<std::size_t>(r));
      if (errTail_.size() > kErrTailBytes) errTail_.erase(0, errTail_.size() - kErrTailBytes);
    }
    if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR)) closeFd(err_);
  }
}

PipedProcess::Read PipedProcess::readLine(std::string& line, std::chrono::milliseconds timeout,
                                          std::optional<std::chrono::milliseconds> cpuLimit) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + timeout;
  const std::optional<std::chrono::milliseconds> cpuAtStart = cpuLimit ? cpuTime() : std::nullopt;
  for (;;) {
    if (auto nl = outBuf_.find('\n'); nl != std::string::npos) {
      line.assign(outBuf_, 0, nl);
      outBuf_.erase(0, nl + 1);
      return Read::Line;
    }
    if (outEof_) {
      if (outBuf_.empty()) return Read::Eof;
      line = std::move(outBuf_);
      outBuf_.clear();
      return Read::Line;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return Read::Timeout;
    if (cpuAtStart) {
      const auto now = cpuTime();
      if (now && *now - *cpuAtStart >= *cpuLimit) return Read::Busy;
      left = std::min(left, kCpuCheckInterval);  // a busy child writes nothing that would wake us
    }
    pump(static_cast<int>(std::min<long long>(left.count() + 1, 1'000'000)));
  }
}

std::optional<std::chrono::milliseconds> PipedProcess::cpuTime() const {
  if (pid_ <= 0 || exited_) return std::nullopt;
  std::ifstream stat("/proc/" + std::to_string(pid_) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  // Fields after the command name, which is in parentheses and may hold spaces: state is field 3,
  // utime and stime are fields 14 and 15 (proc(5)).
  const std::size_t close = text.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(text.substr(close + 2));
  std::string skip;
  for (int field = 3; field < 14; ++field) fields >> skip;
  unsigned long long utime = 0, stime = 0;
  if (!(fields >> utime >> stime)) return std::nullopt;
  static const long ticksPerSecond = ::sysconf(_SC_CLK_TCK);
  return std::chrono::milliseconds((utime + stime) * 1000 / static_cast<unsigned long long>(ticksPerSecond));
}

void PipedProcess::kill() {
  if (pid_ > 0 && !exited_) ::kill(pid_, SIGKILL);
}

std::string PipedProcess::wait() {
  closeInput();
  if (!exited_ && pid_ > 0) {
    // Drain stderr first: a child blocked writing its last words would otherwise never exit.
    // One that keeps it open for long after closing stdout is killed.
    const auto giveUp = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (err_ >= 0 && std::chrono::steady_clock::now() < giveUp) pump(100);
    if (err_ >= 0) kill();
    int st = 0;
    while (::waitpid(pid_, &st, 0) < 0 && errno == EINTR) {
    }
    exited_ = true;
    status_ = st;
  }
  if (WIFEXITED(status_)) return "exit status " + std::to_string(WEXITSTATUS(status_));
  if (WIFSIGNALED(status_)) return "killed by " + signalName(WTERMSIG(status_));
  return "unknown status";
}

int PipedProcess::exitStatus() const { return exited_ && WIFEXITED(status_) ? WEXITSTATUS(status_) : -1; }

}  // namespace pc
