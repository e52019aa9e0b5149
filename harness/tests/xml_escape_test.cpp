#include <gtest/gtest.h>

#include "harness/report/xml_escape.hpp"
#include "harness/tests/xml_check.hpp"

namespace pc {
namespace {

TEST(XmlEscape, MarkupCharactersBecomeEntities) {
  EXPECT_EQ(xmlText("a<b&c>\"d'"), "a&lt;b&amp;c&gt;&quot;d&apos;");
  EXPECT_EQ(xmlText("]]>"), "]]&gt;");
}

TEST(XmlEscape, TextKeepsTabAndNewlineButProtectsCarriageReturn) { EXPECT_EQ(xmlText("a\tb\nc\rd"), "a\tb\nc&#13;d"); }

TEST(XmlEscape, AttributesProtectEveryWhitespaceCharacter) {
  EXPECT_EQ(xmlAttribute("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
}

// XML 1.0 cannot carry these at all, not even as &#1;: they must become visible text.
TEST(XmlEscape, ForbiddenControlCharactersBecomeVisibleEscapes) {
  EXPECT_EQ(xmlText(std::string("a\x01z", 3)), "a\\u0001z");
  EXPECT_EQ(xmlText(std::string("\x00", 1)), "\\u0000");
  EXPECT_EQ(xmlText("\x1b[31m"), "\\u001B[31m");
  EXPECT_EQ(xmlAttribute("\x1f"), "\\u001F");
  EXPECT_EQ(xmlText("\xEF\xBF\xBE"), "\\uFFFE");  // U+FFFE, a non-character XML forbids
}

TEST(XmlEscape, NonAsciiTextPassesThrough) {
  EXPECT_EQ(xmlText("é 日本 \xF0\x9F\x8E\x89 \xE2\x80\xA8"), "é 日本 \xF0\x9F\x8E\x89 \xE2\x80\xA8");
}

TEST(XmlEscape, BytesThatAreNotUtf8BecomeReplacementCharacters) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(xmlText("a\xFFz"), "a" + fffd + "z");
  EXPECT_EQ(xmlText("\xC3"), fffd) << "a sequence cut off at the end";
  EXPECT_EQ(xmlText("\xC0\xAF"), fffd + fffd) << "an overlong form";
  EXPECT_EQ(xmlText("\xED\xA0\x80"), fffd + fffd + fffd) << "a UTF-16 surrogate";
}

TEST(XmlEscape, EveryByteValueYieldsAWellFormedDocument) {
  std::string all;
  for (int b = 0; b < 256; ++b) all += static_cast<char>(b);
  const std::string doc = "<r a=\"" + xmlAttribute(all) + "\">" + xmlText(all) + "</r>";
  EXPECT_NO_THROW(tests::parseXml(doc));
}

TEST(XmlEscape, LegalTextSurvivesARoundTripThroughAParser) {
  const std::string s = "line1\nline2\r\n\ttab \"quoted\" 'single' <tag> & é \xF0\x9F\x8E\x89";
  const tests::XmlElement e = tests::parseXml("<r a=\"" + xmlAttribute(s) + "\">" + xmlText(s) + "</r>");
  EXPECT_EQ(e.attributes.at("a"), s);
  EXPECT_EQ(e.text, s);
}

}  // namespace
}  // namespace pc
