#pragma once
// The subject registry of the command: the built-in subjects, then every adapter variant that was
// built (adapters/registry.cpp lists them; adapters/README.md says what adding one touches). An entry
// adds what only the command decides: the level a subject must reach and whether it runs in a worker.
#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "harness/core/result.hpp"
#include "harness/core/subject.hpp"
#include "harness/isolate/isolated_subject.hpp"
#include "harness/sdk/registry.hpp"

namespace pc::cli {

// Opening a subject either yields it or says, for a person, why it is not available here.
struct Opened {
  std::unique_ptr<Subject> subject;
  std::string unavailable;  // set when subject is null: what is missing and how to get it
};

struct SubjectEntry {
  SubjectEntry() = default;
  SubjectEntry(std::string name, std::string description, Level required, std::function<Opened()> open)
      : name(std::move(name)), description(std::move(description)), required(required), open(std::move(open)) {}

  std::string name;               // "boost/then-async": library, '/', variant
  std::string description;        // one line for `list --subjects` and reports
  Level required = Level::Exact;  // what a case must reach to pass, unless --level says otherwise
  std::function<Opened()> open;   // in this process
  std::string library;            // "Boost.Thread 1.74"; reports group variants by it. Empty for
                                  // the reference and node
  bool isolate = false;           // run in a worker process, one crash or hang per case at most
  bool deterministic = true;      // false: the library's threads decide the order of some events
  // Non-empty: the entry is left out of `--subject all` and run by `--subject GROUP:all` instead
  // ("js": the JavaScript libraries, which the committed reports do not cover; "break": the
  // reference on faulty hosts).
  std::string group;
  // Other names that select the entry in --subject: a worker's `worker:PATH` (all its variants) and
  // `worker:PATH:VARIANT`.
  std::vector<std::string> selectors;
};

using SubjectRegistry = std::vector<SubjectEntry>;

// reference (the C++ model), node (V8 through the pinned Node.js; `nodeHome` is harness/node),
// js:NAME for each JavaScript promise library pinned in harness/node/package.json (group "js"), and
// break:NAME, the reference on each deliberately faulty host of `fuzz --break` (group "break").
SubjectRegistry builtinSubjects(const std::filesystem::path& nodeHome);

// A user's own JavaScript library: `js:PATH` where PATH (absolute, or relative to the working folder,
// containing a '/' or ending in .js) is a CommonJS module exporting a promise constructor or
// promises-aplus-tests' adapter shape. nullopt when `name` is not of that form.
std::optional<SubjectEntry> jsModuleEntry(const std::string& name, const std::filesystem::path& nodeHome);

// Adds a jsModuleEntry for every `js:PATH` among the command-line arguments (alone or in a
// comma-separated list) that the registry does not have yet.
void addJsModuleEntries(SubjectRegistry& registry, int argc, const char* const* argv,
                        const std::filesystem::path& nodeHome);

// The subjects of a worker built outside this program (harness/worker/worker.hpp), named on the
// command line as `worker:PATH` (every variant it offers) or `worker:PATH:VARIANT` (one). Each
// variant is an entry named as the worker names it, isolated in that worker. A worker that cannot say
// what it offers (missing, dies at start, answers something else) is one entry named `spec` that is
// unavailable, saying why. nullopt when `spec` is not of that form.
std::optional<SubjectRegistry> workerEntries(const std::string& spec);

// Adds the workerEntries for every `worker:...` among the command-line arguments that the registry
// does not select yet, and the entries of `reportWorkers` (workers this build reports on as if they
// were built in: PC_REPORT_WORKERS, CMakeLists.txt).
void addWorkerEntries(SubjectRegistry& registry, int argc, const char* const* argv,
                      const std::vector<std::filesystem::path>& reportWorkers = {});

// Whether `entry` is the one `name` asks for: its name or one of its selectors.
bool selects(const SubjectEntry& entry, const std::string& name);

// A library variant as the command runs it: required to reach causal, which is what Promises/A+
// asks of a library (exact is JavaScript's own order), and isolated in a worker.
SubjectEntry libraryEntry(LibraryVariant variant);

// The command line of the worker that runs an isolated entry, before the entry's name.
using WorkerPrefix = std::function<std::vector<std::string>(const std::string& entryName)>;

// The registry as the command uses it: every entry with `isolate` set opens an IsolatedSubject whose
// worker is `workerPrefix(name)` followed by the entry's name. The others are unchanged.
SubjectRegistry isolateEntries(const SubjectRegistry& inProcess, WorkerPrefix workerPrefix,
                               std::chrono::milliseconds caseTimeout = kWorkerCaseTimeout);

// The worker of an in-tree adapter's variant `library/variant`: its own `workersDir/worker-<library>
// --subject` when that was built, else the command itself, `program worker --subject`.
WorkerPrefix adapterWorkers(const std::filesystem::path& program, const std::filesystem::path& workersDir);

}  // namespace pc::cli
