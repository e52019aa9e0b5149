#include "harness/cli/subjects.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <string_view>
#include <utility>

#include "harness/core/reference_subject.hpp"
#include "harness/gen/faulty_host.hpp"
#include "harness/node/node_subject.hpp"
#include "harness/worker/worker_client.hpp"

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

// The JavaScript promise libraries pinned in harness/node/package.json, each installed by its prelude
// harness/node/libraries/FILE.js. What each offers is what its prelude's constructor has under the
// ES names (run.js --features; harness/node/README.md, "The library").
struct JsLibrary {
  std::string_view name;     // js:NAME, and the prelude libraries/NAME.js
  std::string_view library;  // package and version
};
constexpr std::array kJsLibraries{
    JsLibrary{"bluebird", "bluebird 3.7.2"},
    JsLibrary{"when", "when 3.7.8"},
    JsLibrary{"es6-promise", "es6-promise 4.2.8"},
    JsLibrary{"promise", "promise 8.3.0"},
    JsLibrary{"lie", "lie 3.3.0"},
    JsLibrary{"pinkie", "pinkie 2.0.4"},
    JsLibrary{"native-promise-only", "native-promise-only 0.8.1"},
    JsLibrary{"core-js", "core-js 3.39.0"},
    JsLibrary{"q1", "q 1.5.1"},
    JsLibrary{"q2", "q 2.0.3"},
};

// A JavaScript library as a subject: the node subject on its prelude, required to reach causal, which
// is what Promises/A+ asks of a library (exact is ECMA-262's own job order, which no library
// scheduling on its own queue keeps).
SubjectEntry jsEntry(std::string name, std::string description, std::string library, std::filesystem::path prelude,
                     const std::filesystem::path& nodeHome) {
  SubjectEntry e;
  e.open = [nodeHome, name, prelude = std::move(prelude)] {
    NodeLibrary lib;
    lib.name = name;
    lib.prelude = prelude;
    lib.featuresFromRunner = true;
    return openNode(nodeHome, std::move(lib));
  };
  e.name = std::move(name);
  e.description = std::move(description);
  e.required = Level::Causal;
  e.library = std::move(library);
  e.group = "js";
  return e;
}

// Every subject name on the command line: the values of --subject, alone or comma-separated (and,
// harmlessly, any other argument).
std::vector<std::string> subjectArguments(int argc, const char* const* argv) {
  std::vector<std::string> names;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg.starts_with("--subject=")) arg.remove_prefix(std::string_view("--subject=").size());
    while (!arg.empty()) {
      const auto comma = arg.find(',');
      names.emplace_back(arg.substr(0, comma));
      arg = comma == std::string_view::npos ? std::string_view() : arg.substr(comma + 1);
    }
  }
  return names;
}

bool known(const SubjectRegistry& registry, const std::string& name) {
  return std::any_of(registry.begin(), registry.end(), [&](const SubjectEntry& e) { return selects(e, name); });
}

// `worker:PATH[:VARIANT]` split: PATH is the whole rest when that is a file, else what precedes the
// last ':' (variant names have '/' but no ':').
std::pair<std::filesystem::path, std::string> workerPathAndVariant(const std::string& rest) {
  std::error_code ec;
  const auto colon = rest.rfind(':');
  if (std::filesystem::exists(rest, ec) || colon == std::string::npos) return {rest, {}};
  return {rest.substr(0, colon), rest.substr(colon + 1)};
}

SubjectEntry unavailableWorker(const std::string& spec, std::string why) {
  SubjectEntry e;
  e.name = spec;
  e.description = "a worker named on the command line";
  e.required = Level::Causal;
  e.open = [why = std::move(why)] { return Opened{nullptr, why}; };
  return e;
}

SubjectEntry workerVariantEntry(const std::filesystem::path& worker, worker::DescribedVariant variant,
                                const std::string& spec) {
  SubjectEntry e;
  e.name = variant.about.name;
  e.description = std::move(variant.about.description);
  e.required = Level::Causal;
  e.library = std::move(variant.about.library);
  e.deterministic = variant.about.deterministic;
  const std::string all = "worker:" + worker.string();
  e.selectors = {spec, all, all + ":" + e.name};
  e.open = [worker, name = e.name, features = variant.features] {
    ChildCommand command{{worker.string(), "--subject", name}, {}, "the " + name + " worker (" + worker.string() + ")"};
    return Opened{std::make_unique<IsolatedSubject>(name, features, std::move(command), kWorkerCaseTimeout), {}};
  };
  return e;
}

// The reference on the host of a `fuzz --break` fault, as `break:NAME` (group "break"): the suite's
// own measure of what it catches (harness/node/mutants/README.md). It is held to what every library
// is held to, causal.
SubjectEntry breakEntry(const gen::NamedHostFault& f) {
  SubjectEntry e;
  e.name = "break:" + std::string(f.name);
  e.description = "the reference on the deliberately faulty host of `fuzz --break " + std::string(f.name) + "`";
  e.required = Level::Causal;
  e.group = "break";
  e.open = [fault = f.fault, name = e.name] {
    return Opened{std::make_unique<ReferenceSubject>(name, [fault] { return gen::faultyHost(fault); }), {}};
  };
  return e;
}

}  // namespace

std::optional<SubjectRegistry> workerEntries(const std::string& spec) {
  constexpr std::string_view prefix = "worker:";
  if (!spec.starts_with(prefix) || spec.size() == prefix.size()) return std::nullopt;
  std::error_code ec;
  auto [path, variant] = workerPathAndVariant(spec.substr(prefix.size()));
  const std::filesystem::path worker = std::filesystem::absolute(path, ec);
  worker::Description described = worker::describeWorker(ec ? path : worker);
  if (!described.problem.empty()) return SubjectRegistry{unavailableWorker(spec, described.problem)};
  SubjectRegistry out;
  std::string offered;
  for (worker::DescribedVariant& v : described.variants) {
    offered += (offered.empty() ? "" : ", ") + v.about.name;
    if (variant.empty() || v.about.name == variant) out.push_back(workerVariantEntry(worker, std::move(v), spec));
  }
  if (out.empty())
    out.push_back(unavailableWorker(
        spec, "worker " + path.string() + " has no variant '" + variant + "' (it offers: " + offered + ")"));
  return out;
}

void addWorkerEntries(SubjectRegistry& registry, int argc, const char* const* argv,
                      const std::vector<std::filesystem::path>& reportWorkers) {
  std::vector<std::string> specs;
  for (const std::filesystem::path& w : reportWorkers) {
    std::error_code ec;
    if (std::filesystem::exists(w, ec)) {
      specs.push_back("worker:" + w.string());
      continue;
    }
    registry.push_back(unavailableWorker("worker:" + w.string(),
                                         "not built yet (`cmake --build --preset default --target examples` builds "
                                         "it, and so does setup.sh)"));
  }
  for (std::string& name : subjectArguments(argc, argv))
    if (name.starts_with("worker:")) specs.push_back(std::move(name));
  for (const std::string& spec : specs) {
    if (known(registry, spec)) continue;
    if (auto entries = workerEntries(spec))
      for (SubjectEntry& e : *entries)
        if (!known(registry, e.name)) registry.push_back(std::move(e));
  }
}

bool selects(const SubjectEntry& entry, const std::string& name) {
  return entry.name == name || std::find(entry.selectors.begin(), entry.selectors.end(), name) != entry.selectors.end();
}

SubjectRegistry builtinSubjects(const std::filesystem::path& nodeHome) {
  SubjectRegistry registry{
      {"reference", "the C++ model of ECMA-262 promises in reference/", Level::Exact, openReference},
      {"node", "V8 through the pinned Node.js 24 (harness/node), the oracle", Level::Exact,
       [nodeHome] { return openNode(nodeHome, NodeLibrary{}); }},
  };
  for (const JsLibrary& js : kJsLibraries) {
    const std::string name(js.name);
    registry.push_back(jsEntry("js:" + name, std::string(js.library) + " on the pinned Node.js 24 (harness/node)",
                               std::string(js.library), nodeHome / "libraries" / (name + ".js"), nodeHome));
  }
  for (const gen::NamedHostFault& f : gen::hostFaults()) registry.push_back(breakEntry(f));
  return registry;
}

std::optional<SubjectEntry> jsModuleEntry(const std::string& name, const std::filesystem::path& nodeHome) {
  constexpr std::string_view prefix = "js:";
  if (!name.starts_with(prefix)) return std::nullopt;
  const std::string path = name.substr(prefix.size());
  if (path.find('/') == std::string::npos && !path.ends_with(".js")) return std::nullopt;
  std::error_code ec;
  std::filesystem::path module = std::filesystem::absolute(path, ec);
  if (ec) module = path;
  return jsEntry(name, "the JavaScript promise library " + path + " on the pinned Node.js 24 (harness/node)", path,
                 module, nodeHome);
}

void addJsModuleEntries(SubjectRegistry& registry, int argc, const char* const* argv,
                        const std::filesystem::path& nodeHome) {
  for (const std::string& name : subjectArguments(argc, argv))
    if (!known(registry, name))
      if (auto entry = jsModuleEntry(name, nodeHome)) registry.push_back(std::move(*entry));
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

SubjectRegistry isolateEntries(const SubjectRegistry& inProcess, WorkerPrefix workerPrefix,
                               std::chrono::milliseconds caseTimeout) {
  SubjectRegistry out = inProcess;
  for (SubjectEntry& entry : out) {
    if (!entry.isolate) continue;
    entry.open = [inner = entry.open, name = entry.name, workerPrefix, caseTimeout] {
      Opened opened = inner();  // only to learn its features, or why it is unavailable
      if (!opened.subject) return opened;
      std::vector<std::string> argv = workerPrefix(name);
      argv.push_back(name);
      ChildCommand worker{std::move(argv), {}, "the " + name + " worker"};
      return Opened{std::make_unique<IsolatedSubject>(name, opened.subject->features(), std::move(worker), caseTimeout),
                    {}};
    };
  }
  return out;
}

WorkerPrefix adapterWorkers(const std::filesystem::path& program, const std::filesystem::path& workersDir) {
  return [program, workersDir](const std::string& name) -> std::vector<std::string> {
    const std::filesystem::path own = workersDir / ("worker-" + name.substr(0, name.find('/')));
    std::error_code ec;
    if (std::filesystem::is_regular_file(own, ec)) return {own.string(), "--subject"};
    return {program.string(), "worker", "--subject"};
  };
}

}  // namespace pc::cli
