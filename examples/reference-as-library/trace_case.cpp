// trace-case FILE.json: runs one case file of the corpus on the reference model of ECMA-262 promises
// and prints what happened, event by event, with the job each event ran in, then the final states.
#include <fstream>
#include <iostream>

#include "harness/core/case.hpp"
#include "harness/core/reference_subject.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: trace-case CASE.json\n";
    return 2;
  }
  std::ifstream file(argv[1]);
  const pc::Json json = pc::Json::parse(file, nullptr, /*allow_exceptions=*/false);
  if (!file.is_open() || !json.is_object() || !json.contains("program")) {
    std::cerr << "trace-case: " << argv[1] << " is not a readable case file (a JSON object with a \"program\")\n";
    return 1;
  }
  pc::Case c;
  c.id = json.value("id", std::string(argv[1]));
  c.program = json["program"];

  const pc::Trace trace = pc::ReferenceSubject().runOne(c);
  if (trace.failure) {
    std::cerr << "trace-case: " << *trace.failure << '\n';
    return 1;
  }
  std::cout << c.id << '\n';
  for (std::size_t i = 0; i < trace.events.size(); ++i) {
    std::cout << "event " << i + 1 << ": " << trace.events[i].dump();
    for (const pc::JobRecord& job : trace.jobs)
      if (trace.hasCausality() && job.id == trace.eventJob[i])
        std::cout << "  (in " << job.kind << (job.description.empty() ? "" : ": " + job.description) << ')';
    std::cout << '\n';
  }
  std::cout << "final: " << trace.final.dump() << '\n';
  return 0;
}
