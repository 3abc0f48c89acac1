#pragma once
// What sets two texts apart when their words are the same: a byte-order
// mark, line endings or other white space, said in words for the diff's
// output (otherwise such a difference shows as nothing at all).

#include <optional>
#include <string>
#include <string_view>

namespace stet::diff {

// A sentence naming what alone differs between `a` and `b` ("only the line
// endings differ: A uses LF, B uses CRLF"), or nullopt when the texts are
// byte-identical or differ in anything but a leading UTF-8 byte-order mark,
// line endings (LF, CRLF, CR) and runs of ASCII white space.
[[nodiscard]] std::optional<std::string> layout_difference(std::string_view a, std::string_view b);

}  // namespace stet::diff
