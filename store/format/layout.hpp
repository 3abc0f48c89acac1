#pragma once
// (private) Where things live inside a store's tree. See docs/store-format.md.

#include "store/digest.hpp"
#include "store/version.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace stet::store::layout {

inline constexpr std::string_view k_branch = "refs/heads/main";
inline constexpr std::string_view k_format_file = "stet-store.json";
inline constexpr std::string_view k_docs_dir = "docs";
inline constexpr std::string_view k_versions_dir = "_versions";
inline constexpr std::string_view k_content_file = "content";
inline constexpr std::string_view k_lock_file = "stet.lock";
// A derived text form is the file text-<sha256 of the text> in the version folder.
inline constexpr std::string_view k_text_prefix = "text-";
inline constexpr int k_format_version = 1;

// docs/<aa>/<bb>/<id>: aa and bb are the first four hex digits of the
// SHA-256 of the id, so no tree grows with the number of documents.
[[nodiscard]] std::string document_dir(std::string_view doc);

// <document_dir>/_versions
[[nodiscard]] std::string versions_dir(std::string_view doc);

// File name of one record inside its version folder: the ingest time as
// digits (so names sort by time) and 16 hex digits of the record's hash.
[[nodiscard]] std::string record_name(const Record& record, std::string_view record_json);

// The ingest time (RFC 3339 UTC) a record file name begins with, or empty
// when `name` is not a record name.
[[nodiscard]] std::string time_from_record_name(std::string_view name);

// text-<hex>: the file name of a derived text form with SHA-256 `text`.
[[nodiscard]] std::string text_file_name(const Digest& text);
// The SHA-256 a text-form file name carries; nullopt for other names.
[[nodiscard]] std::optional<Digest> text_file_digest(std::string_view name);

// The content of the format file written into a store's first commit.
[[nodiscard]] std::string format_file_content();

}  // namespace stet::store::layout
