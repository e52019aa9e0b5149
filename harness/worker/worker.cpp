#include "harness/worker/worker.hpp"

#include <iostream>
#include <string_view>

#include "harness/core/case.hpp"
#include "harness/isolate/isolated_subject.hpp"

namespace pc::worker {
namespace {

Json describe(const LibraryVariants& variants) {
  Json list = Json::array();
  for (const LibraryVariant& v : variants) {
    const std::unique_ptr<Subject> subject = v.open();
    list.push_back({{"name", v.about.name},
                    {"library", v.about.library},
                    {"description", v.about.description},
                    {"deterministic", v.about.deterministic},
                    {"features", subject->features().names()}});
  }
  return {{"protocol", kWorkerProtocol}, {"variants", std::move(list)}};
}

int usage(std::string_view program, std::ostream& err) {
  err << "usage: " << program << " --describe | --subject NAME\n"
      << "A promise-conformance worker: run it through the promise-conformance command, e.g.\n"
      << "  promise-conformance run --subject worker:" << program << '\n';
  return 2;
}

int serveVariant(const std::string& name, const LibraryVariants& variants, std::istream& in, std::ostream& out,
                 std::ostream& err) {
  for (const LibraryVariant& v : variants) {
    if (v.about.name != name) continue;
    const std::unique_ptr<Subject> subject = v.open();
    return runWorker(*subject, in, out, err);
  }
  err << "worker: no variant '" << name << "' here; this worker has:";
  for (const LibraryVariant& v : variants) err << ' ' << v.about.name;
  err << '\n';
  return 2;
}

}  // namespace

int serveWorker(int argc, const char* const* argv, const LibraryVariants& variants, std::istream& in, std::ostream& out,
                std::ostream& err) {
  const std::string_view program = argc > 0 ? argv[0] : "worker";
  const std::string_view option = argc > 1 ? argv[1] : "";
  if (argc == 2 && option == "--describe") {
    out << describe(variants).dump() << '\n' << std::flush;
    return 0;
  }
  if (argc == 3 && option == "--subject") return serveVariant(argv[2], variants, in, out, err);
  return usage(program, err);
}

}  // namespace pc::worker
