#pragma once
// Putting arbitrary strings (case titles, messages from subjects, rule statements) into Markdown
// without them turning into markup: they come from files and libraries we do not control.
#include <cstddef>
#include <string>
#include <string_view>

namespace pc::markdown {

// Prose: line breaks and control characters become spaces, Markdown punctuation is escaped.
std::string text(std::string_view s);
// An inline code span that holds `s` literally, whatever backticks it contains.
std::string code(std::string_view s);
// A fenced code block holding `s`, with a fence longer than any backtick run inside.
std::string fenced(std::string_view s);
// A table cell: `markdown` (already escaped prose or code) with its pipes escaped for GFM tables.
std::string cell(std::string_view markdown);
// "1 case", "2 cases": a count with its noun, for sentences a person reads.
std::string count(std::size_t n, std::string_view noun);
// A link to a relative path whose characters need no escaping (see subjectPagePath).
std::string link(std::string_view label, std::string_view path);

}  // namespace pc::markdown
