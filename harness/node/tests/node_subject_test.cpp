// The node subject end to end: strings travel through translation and back untouched, and a broken
// case fails alone.
#include <string>

#include "harness/node/tests/node_test_support.hpp"

namespace pc::node_tests {
namespace {

using namespace std::string_literals;

// Everything that could end a string, a comment, a template or a script element early, both
// JavaScript line terminators JSON leaves unescaped, a NUL, and text beyond ASCII and the BMP.
const std::string kNasty =
    "q'uo\"te `tick` \n \r\n \xE2\x80\xA8 \xE2\x80\xA9 </script><!-- \\ \\\\ ${globalThis.x} */ /* // "
    "\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 "s +
    std::string("nul:\0.", 6);

// Each slot gets its own variant, so that strings swapped between slots would show.
std::string nasty(const std::string& slot) { return slot + ":" + kNasty; }

class NodeSubjectStrings : public NodeSuite {};

TEST_F(NodeSubjectStrings, EveryStringOfACaseComesBackExactly) {
  const std::string fulfilledName = nasty("promise-name");
  const std::string rejectedName = nasty("rejected-name");
  const std::string unhandledName = nasty("unhandled-name");
  const Json errorValue = {{"error", "TypeError"}, {"message", nasty("message")}};
  const Json objectValue = {{"object", {{nasty("key"), nasty("inner")}, {"__proto__", nasty("proto")}}}};

  Json program = Json::array({
      {{"new", fulfilledName}, {"executor", Json::array({{{"resolve", nasty("value")}}})}},
      {{"then", fulfilledName}, {"onFulfilled", Json::array({{{"log", nasty("label-1")}}})}},
      {{"rejected", errorValue}, {"as", rejectedName}},
      {{"catch", rejectedName}, {"onRejected", Json::array({{{"log", nasty("label-2")}}})}},
      {{"rejected", nasty("reason")}, {"as", unhandledName}},
      {{"log", nasty("label-3")}, {"value", objectValue}},
  });
  Trace t = runOne(subject(), {{"id", nasty("id")}, {"program", program}});

  // The log in the script comes first; then the two reactions in the order they were registered;
  // then, once the microtasks are drained, the one rejection nobody handled.
  Json events = Json::array({
      Json::array({nasty("label-3"), objectValue}),
      Json::array({nasty("label-1"), nasty("value")}),
      Json::array({nasty("label-2"), errorValue}),
      {{"unhandled", unhandledName}, {"reason", nasty("reason")}},
  });
  Json final = {
      {fulfilledName, {"fulfilled", nasty("value")}},
      {rejectedName, {"rejected", errorValue}},
      {unhandledName, {"rejected", nasty("reason")}},
  };
  expectTrace(t, events, final);
}

TEST_F(NodeSubjectStrings, ABrokenCaseFailsAloneAndSaysWhere) {
  Json good = {{"id", "good"},
               {"program", Json::array({{{"resolved", 1}, {"as", "p"}},
                                        {{"then", "p"}, {"onFulfilled", Json::array({{{"log", "got"}}})}}})}};
  Json unknownVerb = {
      {"id", "unknown-verb"},
      {"program", Json::array({{{"log", "fine"}}, {{"timer", 1}, {"do", Json::array({{{"lgo", "typo"}}})}}})}};
  // An executor that is a statement rather than a body or a value cannot be translated.
  Json notABody = {{"id", "not-a-body"}, {"program", Json::array({{{"new", "p"}, {"executor", {{"log", "x"}}}}})}};

  std::vector<Case> cases = {makeCase(good), makeCase(unknownVerb), makeCase(good), makeCase(notABody), makeCase(good)};
  auto traces = runAll(subject(), cases);
  ASSERT_EQ(traces.size(), cases.size());

  for (std::size_t i : {0u, 2u, 4u}) {
    SCOPED_TRACE("case " + std::to_string(i));
    expectTrace(traces[i], Json::array({Json::array({"got", 1})}), {{"p", {"fulfilled", 1}}});
  }
  ASSERT_TRUE(traces[1].failure.has_value());
  EXPECT_NE(traces[1].failure->find("/program/1/do/0"), std::string::npos) << *traces[1].failure;
  EXPECT_NE(traces[1].failure->find("lgo"), std::string::npos) << *traces[1].failure;
  ASSERT_TRUE(traces[3].failure.has_value());
  EXPECT_NE(traces[3].failure->find("/program/0/executor"), std::string::npos) << *traces[3].failure;
}

}  // namespace
}  // namespace pc::node_tests
