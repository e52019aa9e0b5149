#include "harness/tests/xml_check.hpp"

#include "harness/report/xml_escape.hpp"

#include <cctype>
#include <cstdint>

#include <fmt/format.h>

namespace pc::tests {
namespace {

bool legalChar(std::uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

class Reader {
 public:
  explicit Reader(const std::string& doc) : s_(doc) { checkEncoding(); }

  XmlElement document() {
    if (s_.starts_with("<?xml")) {
      const std::size_t end = s_.find("?>");
      if (end == std::string::npos) fail("unterminated XML declaration");
      i_ = end + 2;
    }
    skipSpace();
    XmlElement root = element();
    skipSpace();
    if (i_ != s_.size()) fail("content after the root element");
    return root;
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw XmlError(fmt::format("not well-formed at byte {}: {}", i_, what));
  }

  // Strict UTF-8 and XML's character range over the whole document, before anything else.
  void checkEncoding() {
    for (std::size_t k = 0; k < s_.size();) {
      const auto b = static_cast<unsigned char>(s_[k]);
      std::size_t n = b < 0x80 ? 0 : (b & 0xE0) == 0xC0 ? 1 : (b & 0xF0) == 0xE0 ? 2 : (b & 0xF8) == 0xF0 ? 3 : 9;
      if (n == 9 || k + n >= s_.size()) {
        i_ = k;
        fail("invalid UTF-8");
      }
      std::uint32_t cp = n == 0 ? b : b & (0x3F >> n);
      for (std::size_t m = 1; m <= n; ++m) {
        const auto c = static_cast<unsigned char>(s_[k + m]);
        if ((c & 0xC0) != 0x80) {
          i_ = k;
          fail("invalid UTF-8");
        }
        cp = (cp << 6) | (c & 0x3F);
      }
      const bool overlong = (n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000);
      if (overlong || !legalChar(cp)) {
        i_ = k;
        fail(fmt::format("character U+{:04X} is not allowed in XML", cp));
      }
      k += n + 1;
    }
  }

  bool at(char c) const { return i_ < s_.size() && s_[i_] == c; }
  void expect(char c) {
    if (!at(c)) fail(fmt::format("expected '{}'", c));
    ++i_;
  }
  void skipSpace() {
    while (at(' ') || at('\n') || at('\t') || at('\r')) ++i_;
  }

  std::string name() {
    const std::size_t start = i_;
    while (i_ < s_.size() && (std::isalnum(static_cast<unsigned char>(s_[i_])) || s_[i_] == '_' || s_[i_] == '-' ||
                              s_[i_] == ':' || s_[i_] == '.'))
      ++i_;
    if (start == i_) fail("expected a name");
    return s_.substr(start, i_ - start);
  }

  // One entity or character reference, after its '&'.
  void reference(std::string& out) {
    const std::size_t end = s_.find(';', i_);
    if (end == std::string::npos || end - i_ > 10) fail("'&' that starts no reference");
    const std::string ref = s_.substr(i_, end - i_);
    static const std::map<std::string, std::string> named = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}};
    if (auto it = named.find(ref); it != named.end()) {
      out += it->second;
    } else if (ref.size() > 1 && ref[0] == '#') {
      const bool hex = ref[1] == 'x';
      const std::string digits = ref.substr(hex ? 2 : 1);
      if (digits.empty() ||
          digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") != std::string::npos)
        fail("malformed character reference");
      const auto cp = static_cast<std::uint32_t>(std::stoul(digits, nullptr, hex ? 16 : 10));
      if (!legalChar(cp)) fail(fmt::format("character reference to U+{:04X}, which XML forbids", cp));
      appendUtf8(out, static_cast<char32_t>(cp));
    } else {
      fail("unknown entity &" + ref + ";");
    }
    i_ = end + 1;
  }

  std::string attributeValue() {
    const char quote = at('"') ? '"' : at('\'') ? '\'' : 0;
    if (quote == 0) fail("attribute value without quotes");
    ++i_;
    std::string value;
    while (!at(quote)) {
      if (i_ >= s_.size()) fail("unterminated attribute value");
      const char c = s_[i_++];
      if (c == '<') fail("'<' in an attribute value");
      if (c == '&') reference(value);
      // Attribute-value normalisation: literal whitespace characters become spaces.
      else if (c == '\n' || c == '\t' || c == '\r')
        value += ' ';
      else
        value += c;
    }
    ++i_;
    return value;
  }

  void text(XmlElement& e) {
    while (i_ < s_.size() && !at('<')) {
      if (s_.compare(i_, 3, "]]>") == 0) fail("']]>' in text");
      const char c = s_[i_++];
      if (c == '&') {
        reference(e.text);
      } else if (c == '\r') {  // line-end handling: CR LF and lone CR become LF
        if (at('\n')) ++i_;
        e.text += '\n';
      } else {
        e.text += c;
      }
    }
  }

  XmlElement element() {
    expect('<');
    XmlElement e;
    e.name = name();
    for (skipSpace(); !at('>') && !at('/'); skipSpace()) {
      const std::string key = name();
      skipSpace();
      expect('=');
      skipSpace();
      if (!e.attributes.emplace(key, attributeValue()).second) fail("attribute " + key + " given twice");
    }
    if (at('/')) {
      ++i_;
      expect('>');
      return e;
    }
    expect('>');
    for (;;) {
      text(e);
      if (i_ >= s_.size()) fail("element <" + e.name + "> is not closed");
      if (s_.compare(i_, 2, "</") == 0) break;
      e.children.push_back(element());
    }
    i_ += 2;
    if (name() != e.name) fail("closing tag does not match <" + e.name + ">");
    skipSpace();
    expect('>');
    return e;
  }

  const std::string& s_;
  std::size_t i_ = 0;
};

}  // namespace

std::vector<const XmlElement*> XmlElement::childrenNamed(const std::string& n) const {
  std::vector<const XmlElement*> out;
  for (const XmlElement& c : children)
    if (c.name == n) out.push_back(&c);
  return out;
}

XmlElement parseXml(const std::string& document) { return Reader(document).document(); }

}  // namespace pc::tests
