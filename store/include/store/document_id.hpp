#pragma once
// Document ids: lowercase `[a-z0-9][a-z0-9._-]*` segments joined by `/`, at
// most 200 characters. They become git tree paths, so the rule is strict.

#include <optional>
#include <string>
#include <string_view>

namespace stet::store {

inline constexpr std::size_t k_max_document_id_length = 200;

// Returns nullopt when `id` is valid, else a one-line reason it is not.
[[nodiscard]] std::optional<std::string> document_id_problem(std::string_view id);

// Derives a valid id from a file name stem: lowercased, runs of characters
// outside the id alphabet become '-', trimmed to the length limit. Returns
// nullopt when nothing usable is left (e.g. a stem of only symbols).
[[nodiscard]] std::optional<std::string> document_id_from_stem(std::string_view stem);

}  // namespace stet::store
