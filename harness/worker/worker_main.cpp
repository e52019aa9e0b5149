// main() of a worker (PromiseConformance::worker_main): the variants come from the adapter it is
// linked with, which defines pc::worker::subjects() (worker.hpp).
#include <iostream>

#include "harness/worker/worker.hpp"

int main(int argc, char** argv) {
  return pc::worker::serveWorker(argc, argv, pc::worker::subjects(), std::cin, std::cout, std::cerr);
}
