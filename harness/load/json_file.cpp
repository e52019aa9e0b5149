#include "harness/load/json_file.hpp"

#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "harness/load/json_pointer.hpp"

namespace pc::load {
namespace {

// Thrown by the watcher below to stop at the first array or object nested too deep.
struct TooDeep {
  std::string pointer;
};

// Follows the parser's events (a SAX pass, which builds nothing) to know the pointer of every key,
// reports keys seen twice, and stops at the first array or object deeper than the limit. The DOM is
// built by a second, plain parse: nlohmann's parser with a callback scans the whole parent after
// every object it closes, which made a script of n statements cost n squared.
class Watcher : public nlohmann::json_sax<Json> {
 public:
  Watcher(Diagnostics& out, int maxNesting) : out_(out), maxNesting_(maxNesting) {}

  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool string(string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool start_object(std::size_t) override { return open(false); }
  bool key(string_t& k) override {
    noteKey(k);
    return true;
  }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(true); }
  bool end_array() override { return close(); }
  // A syntax error, or a number too large for a double (1e400), which nlohmann reports as an
  // out_of_range error without a position: kept here with the position the parser had reached.
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) override {
    error = {position, e.what()};
    return false;
  }

  std::pair<std::size_t, std::string> error;  // the byte and nlohmann's message

 private:
  struct Frame {
    explicit Frame(bool isArray) : array(isArray) {}
    bool array = false;
    std::size_t index = 0;       // in an array: the element being read
    std::string key;             // in an object: the member being read
    std::set<std::string> keys;  // in an object: the keys read so far
  };

  bool value() {
    elementDone();
    return true;
  }

  bool close() {
    frames_.pop_back();
    elementDone();
    return true;
  }

  bool open(bool isArray) {
    if (frames_.size() >= static_cast<std::size_t>(maxNesting_)) throw TooDeep{pointerOfNext()};
    frames_.push_back(Frame{isArray});
    return true;
  }

  void noteKey(const std::string& k) {
    Frame& top = frames_.back();
    if (!top.keys.insert(k).second)
      out_.add(child(pointerOfTop(), k),
               fmt::format("the key '{}' appears twice in this object; only the last one would count", k));
    top.key = k;
  }

  void elementDone() {
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }

  // The pointer of the innermost object or array being read.
  std::string pointerOfTop() const { return pointerThrough(frames_.size() - 1); }
  // The pointer of the element about to be read inside it.
  std::string pointerOfNext() const { return pointerThrough(frames_.size()); }

  std::string pointerThrough(std::size_t frames) const {
    std::string p;
    for (std::size_t i = 0; i < frames; ++i)
      p = frames_[i].array ? child(p, frames_[i].index) : child(p, frames_[i].key);
    return p;
  }

  Diagnostics& out_;
  int maxNesting_;
  std::vector<Frame> frames_;
};

// nlohmann's message without its "[json.exception...] parse error at line L, column C: " prefix,
// since we print the position ourselves.
std::string reasonOf(const std::string& what) {
  const auto column = what.find("column ");
  const auto colon = column == std::string::npos ? what.find(": ") : what.find(": ", column);
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

// Line and column (both from 1) of a byte offset as nlohmann counts it (the byte it failed on).
std::pair<std::size_t, std::size_t> lineAndColumn(const std::string& text, std::size_t byte) {
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return {line, column};
}

}  // namespace

ParsedFile readJsonFile(const std::filesystem::path& file, int maxNesting) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    Diagnostics out(file);
    out.add("", "cannot open the file");
    return {std::nullopt, out.take()};
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return parseJsonText(buffer.str(), file, maxNesting);
}

ParsedFile parseJsonText(const std::string& text, const std::filesystem::path& file, int maxNesting) {
  Diagnostics out(file);
  try {
    Watcher watcher(out, maxNesting);
    if (Json::sax_parse(text, &watcher)) return {Json::parse(text), out.take()};
    Diagnostics syntax(file);  // duplicate keys seen before the syntax error would only add noise
    const auto [line, column] = lineAndColumn(text, watcher.error.first);
    syntax.add("", fmt::format("not valid JSON: line {}, column {}: {}", line, column, reasonOf(watcher.error.second)));
    return {std::nullopt, syntax.take()};
  } catch (const TooDeep& e) {
    Diagnostics tooDeep(file);  // the parse stopped here, so nothing else it found is complete
    tooDeep.add(e.pointer, fmt::format("nested deeper than {} arrays and objects, the most a case file may nest "
                                       "(spec/case-language.md, \"Limits\")",
                                       maxNesting));
    return {std::nullopt, tooDeep.take()};
  }
}

}  // namespace pc::load
