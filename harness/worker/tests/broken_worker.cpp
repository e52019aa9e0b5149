// Workers that fail the harness in the ways a user's worker can, chosen at build time by
// BROKEN_WORKER: "crash" dies at start, "babble" answers --describe with something else than the
// protocol, "garble" describes itself well and then answers cases with text that is not JSON.
#include <cstdlib>
#include <iostream>
#include <string_view>

int main(int argc, char** argv) {
  const std::string_view how = BROKEN_WORKER;
  const bool describe = argc > 1 && std::string_view(argv[1]) == "--describe";
  if (how == "crash") {
    std::cerr << "broken worker: cannot find my library\n";
    std::abort();
  }
  if (how == "babble") {
    std::cout << "hello, I am a worker\n";
    return 0;
  }
  if (describe) {
    std::cout << R"({"protocol": "promise-conformance-worker/1", "variants": [{"name": "garble/one", )"
              << R"("library": "garble", "description": "answers cases with noise", "deterministic": true, )"
              << R"("features": ["executor", "deferred", "resolved-rejected"]}]})" << '\n';
    return 0;
  }
  std::cout << "this is not JSON\n";
  return 0;
}
