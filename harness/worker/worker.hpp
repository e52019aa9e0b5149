#pragma once
// A worker: the executable that serves a C++ library's variants to the harness, built from an adapter
// outside this repository (the CMake function promise_conformance_add_subject, cmake/README.md) or in
// it. The harness speaks to it in two ways:
//
//   WORKER --describe          one JSON object on stdout: {"protocol": kWorkerProtocol, "variants":
//                              [{"name", "library", "description", "deterministic", "features": [..]}]}
//   WORKER --subject NAME      the batch protocol of harness/isolate/batch_protocol.hpp on stdin and
//                              stdout, running the cases on the variant NAME
//
// An adapter becomes a worker by defining pc::worker::subjects() and linking worker_main.cpp
// (PromiseConformance::worker_main), which calls serveWorker with it.
#include <iosfwd>

#include "harness/sdk/registry.hpp"

namespace pc::worker {

// Defined by the adapter a worker is built from: every variant it offers (adapters/README.md).
LibraryVariants subjects();

// What --describe answers with: names this version of the protocol.
inline constexpr const char* kWorkerProtocol = "promise-conformance-worker/1";

// The whole command line of a worker: --describe, --subject NAME, or a usage error (exit code 2).
int serveWorker(int argc, const char* const* argv, const LibraryVariants& variants, std::istream& in, std::ostream& out,
                std::ostream& err);

}  // namespace pc::worker
