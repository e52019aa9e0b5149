#include "harness/isolate/isolated_subject.hpp"

#include <istream>
#include <iterator>
#include <memory>
#include <ostream>

namespace pc {

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

int runWorker(Subject& subject, std::istream& in, std::ostream& out, std::ostream& err) {
  std::vector<BatchItem> items;
  try {
    items = parseBatchInput(std::string(std::istreambuf_iterator<char>(in), {}));
  } catch (const std::exception& e) {
    err << "worker: " << e.what() << '\n';
    return 2;
  }
  for (const BatchItem& item : items) {
    Case c;
    c.id = item.id;
    c.program = item.program;
    const Case* one[] = {&c};
    std::vector<Trace> traces = subject.run(one);
    out << answerLine(item.id, traces.empty() ? Trace{} : traces.front()) << '\n' << std::flush;
  }
  return 0;
}

}  // namespace pc
