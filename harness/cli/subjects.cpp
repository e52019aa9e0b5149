#include "harness/cli/subjects.hpp"

#include <exception>
#include <utility>

#include "harness/core/reference_subject.hpp"
#include "harness/node/node_subject.hpp"

namespace pc::cli {
namespace {

Opened openReference() { return {std::make_unique<ReferenceSubject>(), {}}; }

// V8 running the cases on `library` (a JavaScript promise library becomes a subject by an entry
// that opens it here with its prelude and features; harness/node/README.md, "The library").
Opened openNode(const std::filesystem::path& home, NodeLibrary library) {
  NodeOptions options;
  options.home = home;
  options.library = std::move(library);
  try {
    return {std::make_unique<NodeSubject>(std::move(options)), {}};
  } catch (const std::exception& e) {
    return {nullptr, e.what()};
  }
}

}  // namespace

SubjectRegistry builtinSubjects(const std::filesystem::path& nodeHome) {
  return {
      {"reference", "the C++ model of ECMA-262 promises in reference/", Level::Exact, openReference},
      {"node", "V8 through the pinned Node.js 24 (harness/node), the oracle", Level::Exact,
       [nodeHome] { return openNode(nodeHome, NodeLibrary{}); }},
  };
}

SubjectEntry libraryEntry(LibraryVariant variant) {
  SubjectEntry e;
  e.name = variant.about.name;
  e.description = std::move(variant.about.description);
  e.required = Level::Causal;
  e.library = std::move(variant.about.library);
  e.isolate = true;
  e.deterministic = variant.about.deterministic;
  e.open = [open = std::move(variant.open)] { return Opened{open(), {}}; };
  return e;
}

SubjectRegistry isolateEntries(const SubjectRegistry& inProcess, const std::vector<std::string>& workerPrefix,
                               std::chrono::milliseconds caseTimeout) {
  SubjectRegistry out = inProcess;
  for (SubjectEntry& entry : out) {
    if (!entry.isolate) continue;
    entry.open = [inner = entry.open, name = entry.name, workerPrefix, caseTimeout] {
      Opened opened = inner();  // only to learn its features, or why it is unavailable
      if (!opened.subject) return opened;
      std::vector<std::string> argv = workerPrefix;
      argv.push_back(name);
      ChildCommand worker{std::move(argv), {}, "the " + name + " worker"};
      return Opened{std::make_unique<IsolatedSubject>(name, opened.subject->features(), std::move(worker), caseTimeout),
                    {}};
    };
  }
  return out;
}

}  // namespace pc::cli
