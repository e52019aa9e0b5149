#pragma once
// Escaping for XML 1.0 text and attribute values. Our strings come from case files and subject
// output, so they may hold anything: markup characters, control characters XML cannot carry at all
// (not even as character references), and bytes that are not UTF-8. The result is always well-formed.
#include <string>
#include <string_view>

namespace pc {

// For element content. Markup characters become entities; tab, newline and carriage return are kept
// (carriage return as &#13; so parsers do not fold it); other characters XML forbids become the
// visible text \uXXXX; invalid UTF-8 bytes become U+FFFD.
std::string xmlText(std::string_view s);

// For attribute values (always written in double quotes): as xmlText, and tab and newline become
// character references so attribute-value normalisation does not turn them into spaces.
std::string xmlAttribute(std::string_view s);

// Appends code point `cp` to `out` as UTF-8.
void appendUtf8(std::string& out, char32_t cp);

}  // namespace pc
