#pragma once
// `DOC[@REV]` arguments: a document id and an optional revision (see
// cli/revision.hpp for the spellings).

#include "store/content_store.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stet::cli {

struct DocRef {
  std::string doc;
  std::string rev;  // empty: the latest version
};

// Splits at the last '@'. Throws UsageError for an invalid id.
[[nodiscard]] DocRef parse_doc_ref(const std::string& text);

// The version `rev` names among `versions` (empty `rev`: the latest state,
// see resolve_revision_index). Throws UsageError when it names none or is ambiguous.
[[nodiscard]] const store::Version& resolve_revision(const std::vector<store::Version>& versions,
                                                     const std::string& doc, const std::string& rev);

// The versions of `doc`; throws UsageError for an unknown document.
[[nodiscard]] std::vector<store::Version> require_history(const store::ContentStore& store, const std::string& doc);

// The bytes of `version` of `doc`; throws store::Error when unreadable.
[[nodiscard]] std::string require_content(const store::ContentStore& store, const std::string& doc,
                                          const store::Version& version);

}  // namespace stet::cli
