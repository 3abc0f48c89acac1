#pragma once
// Text and JSON output of `stet match` (and the nearest-version lines of
// `stet verify --file`).

#include "cli/match_store.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace stet::cli {

// "doc@3", or "doc@3..5" for a run of versions with the same matching text.
[[nodiscard]] std::string candidate_name(const MatchCandidate& c);

// One line: "truncated-copy of nac@1: 100.0% of the query's 207 words, ...".
[[nodiscard]] std::string candidate_summary(const MatchCandidate& c);

// The candidates of `query` (named `name`) as text, best first.
void print_match_text(std::ostream& out, const std::string& name, std::string_view query,
                      const std::vector<MatchCandidate>& candidates);

// The same as one JSON object: {"query", "verdict", "candidates": [...]}.
[[nodiscard]] nlohmann::json match_json(const std::string& name, std::string_view query,
                                        const std::vector<MatchCandidate>& candidates);

// The JSON of one candidate (offsets are bytes; `query` gives the texts of changes).
[[nodiscard]] nlohmann::json candidate_json(const MatchCandidate& c, std::string_view query);

}  // namespace stet::cli
