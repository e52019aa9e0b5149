// scale_bench: the cost of loading (validate) and running (reference) a case as it grows, to show
// that both are linear in its size: a long script of `then` statements, and bodies nested ever
// deeper. Each shape runs at doubling sizes; a linear cost keeps the time per unit flat across a
// row and the memory (the heap in use while the case is loaded and has run) growing by the same step.
//
//   build/default/harness/load/scale_bench          # the figures quoted in harness/README.md
//   build/default/harness/load/scale_bench --quick  # tiny sizes, to keep it working (ctest)
#include <malloc.h>
#include <pthread.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <variant>
#include <vector>

#include "harness/core/interpreter.hpp"
#include "harness/core/reference_runtime.hpp"
#include "harness/load/json_file.hpp"
#include "harness/load/loader.hpp"

namespace {

std::string repeat(std::string_view part, int times) {
  std::string out;
  out.reserve(part.size() * static_cast<std::size_t>(times));
  for (int i = 0; i < times; ++i) out += part;
  return out;
}

std::string caseAround(const std::string& program, const std::string& trace, const std::string& final = "") {
  return R"({"id": "bench/case", "title": "scale", "rules": ["es.PerformPromiseThen"], "program": [)" + program +
         R"(], "expect": {"trace": [)" + trace + R"(], "final": {)" + final + "}}}";
}

// `n` then statements on one resolved promise, each handler logging once.
std::string longScript(int n) {
  std::string program = R"({"resolved": 1, "as": "p"})";
  std::string trace;
  for (int i = 0; i < n; ++i) {
    program += R"(, {"then": "p", "onFulfilled": [{"log": "h", "value": )" + std::to_string(i) + "}]}";
    trace += (i == 0 ? "" : ", ") + std::string(R"(["h", )") + std::to_string(i) + "]";
  }
  return caseAround(program, trace, R"("p": ["fulfilled", 1])");
}

// `n` nested microtask bodies, the innermost logging.
std::string nestedBodies(int n) {
  return caseAround(repeat(R"({"microtask": [)", n) + R"({"log": "deepest", "value": 1})" + repeat("]}", n),
                    R"(["deepest", 1])");
}

// What the heap holds now, in MB: measured while the case, its run and its text are alive, this is
// what one row costs (peak RSS would keep the largest row before it).
double heapInUseMb() { return static_cast<double>(mallinfo2().uordblks) / (1024.0 * 1024.0); }

void measure(const char* shape, const char* unit, int n, const std::string& text, int maxNesting) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  auto loaded = pc::loadCaseText(text, "bench/case.json", "bench/case", nullptr, maxNesting);
  const auto loadedAt = Clock::now();
  const auto* c = std::get_if<pc::Case>(&loaded);
  if (c == nullptr) {
    std::printf("%s %d: %s\n", shape, n, pc::formatError(std::get<std::vector<pc::LoadError>>(loaded).at(0)).c_str());
    return;
  }
  pc::ReferenceRuntime runtime;
  pc::Budgets roomy;  // the largest script runs 200k jobs, past the defaults
  roomy.jobs = roomy.promises = roomy.traceEvents = 10'000'000;
  const pc::Trace trace = pc::interpret(c->program, runtime, roomy);
  const auto ranAt = Clock::now();
  const double load = std::chrono::duration<double>(loadedAt - start).count();
  const double run = std::chrono::duration<double>(ranAt - loadedAt).count();
  std::printf("%-14s %8d %-10s load %8.3f s (%6.2f us/%s)  run %8.3f s (%6.2f us/%s)  %zu events  heap %7.1f MB%s\n",
              shape, n, unit, load, load * 1e6 / n, unit, run, run * 1e6 / n, unit, trace.events.size(), heapInUseMb(),
              trace.failure ? (" FAILED: " + *trace.failure).c_str() : "");
}

bool quick = false;

void* allRows(void*) {
  const std::vector<int> lengths =
      quick ? std::vector<int>{100, 200} : std::vector<int>{25'000, 50'000, 100'000, 200'000};
  for (int n : lengths) measure("then-script", "statement", n, longScript(n), pc::load::kMaxNesting);
  // Up to the limit, and then past it: how memory and time grow with depth shows only at depths
  // the limit refuses, which this thread's large stack can take.
  const std::vector<int> depths = quick ? std::vector<int>{10, 20} : std::vector<int>{62, 124, 248, 1000, 2000, 4000};
  for (int n : depths) measure("nested-bodies", "body", n, nestedBodies(n), 2 * n + 10);
  return nullptr;
}

}  // namespace

int main(int argc, char** argv) {
  quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  pthread_attr_t attributes;
  pthread_attr_init(&attributes);
  pthread_attr_setstacksize(&attributes, std::size_t{1} << 30);
  pthread_t thread;
  if (pthread_create(&thread, &attributes, allRows, nullptr) != 0) return 1;
  pthread_join(thread, nullptr);
  return 0;
}
