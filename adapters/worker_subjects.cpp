// pc::worker::subjects() of an in-tree adapter's own worker (adapters/CMakeLists.txt, pc_adapter):
// registry.cpp compiled again with only that adapter's PC_ADAPTER_<LIBRARY> defined, so the worker
// loads one library instead of all of them and starts several times faster.
#include "adapters/registry.hpp"
#include "harness/worker/worker.hpp"

pc::LibraryVariants pc::worker::subjects() { return pc::adapters::adapterSubjects(); }
