// Finding a top-level member of a JSON object in its text, to replace it without touching the rest.
// The scanner only skips: the text has been parsed already, so it trusts its shape and gives up
// (nullopt) at anything it does not expect.
#include <cctype>

#include "harness/load/case_layout.hpp"

namespace pc::load {
namespace {

class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  void spaces() {
    while (pos_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[pos_]))) ++pos_;
  }
  bool take(char c) {
    spaces();
    if (pos_ >= text_.size() || text_[pos_] != c) return false;
    ++pos_;
    return true;
  }
  bool peek(char c) {
    spaces();
    return pos_ < text_.size() && text_[pos_] == c;
  }
  // A string's contents, escapes kept as written (keys of a case file need none).
  std::optional<std::string_view> string() {
    if (!take('"')) return std::nullopt;
    const std::size_t start = pos_;
    for (; pos_ < text_.size() && text_[pos_] != '"'; ++pos_)
      if (text_[pos_] == '\\') ++pos_;
    if (pos_ >= text_.size()) return std::nullopt;
    return text_.substr(start, pos_++ - start);
  }
  // Skips one value; false when the text ends inside it.
  bool value() {
    spaces();
    if (pos_ >= text_.size()) return false;
    if (text_[pos_] == '"') return string().has_value();
    if (text_[pos_] == '[' || text_[pos_] == '{') return nested();
    const std::size_t start = pos_;  // a number, true, false or null
    while (pos_ < text_.size() && !std::isspace(static_cast<unsigned char>(text_[pos_])) &&
           std::string_view(",]}").find(text_[pos_]) == std::string_view::npos)
      ++pos_;
    return pos_ > start;
  }
  std::size_t pos() const { return pos_; }

 private:
  bool nested() {
    int depth = 0;
    while (pos_ < text_.size()) {
      const char c = text_[pos_];
      if (c == '"') {
        if (!string()) return false;
        continue;
      }
      if (c == '[' || c == '{') ++depth;
      if ((c == ']' || c == '}') && --depth == 0) {
        ++pos_;
        return true;
      }
      ++pos_;
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

struct Members {
  std::optional<MemberSpan> found;
  std::size_t lastValueEnd = 0;  // after the last member's value; 0 when the object is empty
};

std::optional<Members> scanMembers(std::string_view text, std::string_view key) {
  Scanner s(text);
  if (!s.take('{')) return std::nullopt;
  Members m;
  if (s.take('}')) return m;
  do {
    const auto name = s.string();
    if (!name || !s.take(':')) return std::nullopt;
    s.spaces();
    const std::size_t begin = s.pos();
    if (!s.value()) return std::nullopt;
    m.lastValueEnd = s.pos();
    if (*name == key) m.found = MemberSpan{begin, s.pos()};
  } while (s.take(','));
  if (!s.take('}')) return std::nullopt;
  return m;
}

}  // namespace

std::optional<MemberSpan> findTopLevelMember(std::string_view text, std::string_view key) {
  const auto members = scanMembers(text, key);
  return members ? members->found : std::nullopt;
}

std::optional<std::string> withTopLevelMember(std::string_view text, std::string_view key, std::string_view valueText) {
  const auto members = scanMembers(text, key);
  if (!members || members->lastValueEnd == 0) return std::nullopt;
  std::string out(text);
  if (members->found) return out.replace(members->found->begin, members->found->end - members->found->begin, valueText);
  return out.insert(members->lastValueEnd, ",\n  \"" + std::string(key) + "\": " + std::string(valueText));
}

}  // namespace pc::load
