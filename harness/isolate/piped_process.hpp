#pragma once
// A child process we talk to through pipes: we feed its stdin and read its stdout line by line,
// with a time bound on each line, and keep the tail of its stderr for error messages. The node
// subject uses it to drive run.js and isolated subjects their workers; it knows neither.
#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pc {

class PipedProcess {
 public:
  // Starts argv[0] (a path, not searched on PATH) with the given arguments and the environment of
  // this process plus `extraEnv` ("NAME=value" entries, which win). `input` is written to the
  // child's stdin while its output is read; stdin is closed once all of it is written.
  // Throws std::runtime_error when the process cannot be started.
  PipedProcess(const std::vector<std::string>& argv, std::string input, const std::vector<std::string>& extraEnv = {});
  ~PipedProcess();  // kills the child if it is still running
  PipedProcess(const PipedProcess&) = delete;
  PipedProcess& operator=(const PipedProcess&) = delete;

  enum class Read { Line, Eof, Timeout, Busy };
  // Waits at most `timeout` for the next complete line of stdout (without its '\n'). At end of
  // output a last unterminated line is returned as a Line, then Eof. With a `cpuLimit`, Busy once
  // the child has spent that much CPU time (all its threads) since the call without a line.
  Read readLine(std::string& line, std::chrono::milliseconds timeout,
                std::optional<std::chrono::milliseconds> cpuLimit = std::nullopt);
  // CPU time the child has used so far (user + system, all threads), or nullopt when /proc cannot
  // tell (the child is gone).
  std::optional<std::chrono::milliseconds> cpuTime() const;

  void kill();  // SIGKILL; safe to call more than once
  // Waits for the child to end and describes how it ended ("exit status 3",
  // "killed by SIGSEGV (Segmentation fault)").
  std::string wait();
  bool exitedCleanly() const { return exited_ && status_ == 0; }
  int exitStatus() const;  // after wait(): the status it exited with, or -1 when killed
  const std::string& stderrTail() const { return errTail_; }

 private:
  void pump(int timeoutMs);  // one poll round: write input, read stdout and stderr
  void writeSome();
  void closeInput();

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;  // our ends
  std::string input_;
  std::size_t written_ = 0;
  std::string outBuf_;
  std::string errTail_;
  bool outEof_ = false;
  bool exited_ = false;
  int status_ = 0;
};

}  // namespace pc
