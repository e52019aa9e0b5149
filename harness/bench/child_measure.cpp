#include "harness/bench/child_measure.hpp"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#include "harness/bench/workloads.hpp"

namespace pc::bench {
namespace {

std::string readAll(int fd) {
  std::string text;
  char buffer[4096];
  for (ssize_t got; (got = read(fd, buffer, sizeof buffer)) != 0;) {
    if (got < 0) break;
    text.append(buffer, static_cast<std::size_t>(got));
  }
  return text;
}

std::string howItEnded(int status) {
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "exit status " + std::to_string(WEXITSTATUS(status));
}

void writeAll(int fd, const std::string& text) {
  for (std::size_t done = 0; done < text.size();) {
    const ssize_t wrote = write(fd, text.data() + done, text.size() - done);
    if (wrote <= 0) return;
    done += static_cast<std::size_t>(wrote);
  }
}

}  // namespace

Measurement measureInChild(const std::function<void()>& child) {
  Measurement m;
  int pipeFds[2];
  if (pipe(pipeFds) != 0) return {false, "pipe failed", 0, 0};
  std::fflush(nullptr);  // nothing buffered here may be written twice by the child
  const pid_t pid = fork();
  if (pid < 0) return {false, "fork failed", 0, 0};
  if (pid == 0) {
    close(pipeFds[0]);
    dup2(pipeFds[1], STDOUT_FILENO);
    close(pipeFds[1]);
    child();
    _exit(127);  // child() must not return
  }
  close(pipeFds[1]);
  const std::string said = readAll(pipeFds[0]);
  close(pipeFds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  m.peakRssKiB = usage.ru_maxrss;
  char* end = nullptr;
  m.seconds = std::strtod(said.c_str(), &end);
  const bool onlyANumber = end != said.c_str() && std::string(end).find_first_not_of(" \n") == std::string::npos;
  m.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && onlyANumber && m.seconds > 0;
  if (!m.ok) m.failure = said.empty() ? howItEnded(status) : said.substr(0, said.find_last_not_of('\n') + 1);
  return m;
}

void referenceChild(const std::string& workload, std::size_t n) {
  try {
    const double seconds = runOnReference(workload, n);
    char text[64];
    std::snprintf(text, sizeof text, "%.9e\n", seconds);
    writeAll(STDOUT_FILENO, text);
    _exit(0);
  } catch (const std::exception& e) {
    writeAll(STDOUT_FILENO, std::string("error: ") + e.what() + "\n");
    _exit(1);
  }
}

}  // namespace pc::bench
