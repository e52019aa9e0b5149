#pragma once
// A small, strict XML 1.0 reader for tests: it accepts only well-formed documents (valid UTF-8, only
// legal characters, balanced tags, quoted attributes, known entities, no "]]>" in text) and returns the
// element tree with text and attribute values decoded the way a real parser would (including
// attribute-value normalisation and line-end handling), so tests can compare them with what was escaped.
// No DTDs, comments, CDATA or processing instructions besides the XML declaration: we never write them.
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace pc::tests {

struct XmlElement {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  // all character data directly inside, concatenated
  std::vector<XmlElement> children;

  std::vector<const XmlElement*> childrenNamed(const std::string& n) const;
};

struct XmlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws XmlError, with the byte offset, on the first problem.
XmlElement parseXml(const std::string& document);

}  // namespace pc::tests
