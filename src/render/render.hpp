#pragma once
// Shared text and JSON rendering of store values for the commands.

#include "store/version.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <string_view>

namespace stet::cli {

// The --format values text and json (parsed by cli/format_option.hpp).
enum class Format { text, json };

[[nodiscard]] nlohmann::json record_json(const store::Record& record);
[[nodiscard]] nlohmann::json version_json(const store::Version& version);

// Writes `value` as indented JSON and a newline; invalid UTF-8 in strings
// is replaced, never thrown on.
void write_json(std::ostream& out, const nlohmann::json& value);

// The first `n` hex digits of a digest, for text output.
[[nodiscard]] std::string short_sha(const store::Digest& digest, std::size_t n = 12);

// "1 version", "3 versions": `n` and `word`, with an "s" unless n is 1.
[[nodiscard]] std::string plural(std::size_t n, const std::string& word);

// `value`, or "unknown" when empty.
[[nodiscard]] std::string or_unknown(const std::string& value);

}  // namespace stet::cli
