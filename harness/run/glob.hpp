#pragma once
// Case-id filters for `run --filter`: `*` matches any run of characters (slashes included, so
// `es/*` selects a whole family), `?` exactly one character; everything else matches itself.
#include <string_view>

namespace pc {

bool globMatch(std::string_view pattern, std::string_view text);

}  // namespace pc
