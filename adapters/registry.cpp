#include "adapters/registry.hpp"

// Each adapter's header, when its library was found (adapters/CMakeLists.txt, pc_adapter).
#ifdef PC_ADAPTER_STD
#include "adapters/std/std_future_adapter.hpp"
#endif
#ifdef PC_ADAPTER_BOOST
#include "adapters/boost/boost_adapter.hpp"
#endif
#ifdef PC_ADAPTER_KJ
#include "adapters/kj/kj_adapter.hpp"
#endif
#ifdef PC_ADAPTER_QT
#include "adapters/qt/qt_adapter.hpp"
#endif
#ifdef PC_ADAPTER_PPLX
#include "adapters/pplx/pplx_adapter.hpp"
#endif

namespace pc::adapters {

LibraryVariants adapterSubjects() {
  LibraryVariants registry;
#ifdef PC_ADAPTER_STD
  addStdFutureSubjects(registry);
#endif
#ifdef PC_ADAPTER_BOOST
  addBoostSubjects(registry);
#endif
#ifdef PC_ADAPTER_KJ
  addKjSubjects(registry);
#endif
#ifdef PC_ADAPTER_QT
  addQtSubjects(registry);
#endif
#ifdef PC_ADAPTER_PPLX
  addPplxSubjects(registry);
#endif
  return registry;
}

}  // namespace pc::adapters
