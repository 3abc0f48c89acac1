#include "cli/index_sync.hpp"

#include "cli/capture_input.hpp"
#include "cli/doc_ref.hpp"
#include "cli/match_store.hpp"
#include "match/fingerprint.hpp"

#include <system_error>
#include <utility>

namespace stet::cli {

namespace {

using StoreHistory = std::vector<std::pair<std::string, std::vector<store::Version>>>;
using IndexedMap = std::map<std::string, std::vector<index::IndexedVersion>>;

StoreHistory match_store_history(const store::ContentStore& store) {
  StoreHistory out;
  for (const store::DocumentSummary& doc : store.documents()) {
    out.emplace_back(doc.id, store.history(doc.id).value_or(std::vector<store::Version>{}));
  }
  return out;
}

// Whether every indexed version is still the same version of the store.
bool index_agrees(const IndexedMap& indexed, const StoreHistory& history) {
  std::size_t matched_docs = 0;
  for (const auto& [doc, versions] : history) {
    auto it = indexed.find(doc);
    if (it == indexed.end()) {
      continue;
    }
    ++matched_docs;
    if (it->second.size() > versions.size()) {
      return false;
    }
    for (std::size_t i = 0; i < it->second.size(); ++i) {
      if (it->second[i].number != versions[i].number || it->second[i].sha256 != versions[i].sha256.hex()) {
        return false;
      }
    }
  }
  return matched_docs == indexed.size();
}

std::size_t index_missing_versions(index::MatchIndex& index, const store::ContentStore& store, const std::string& doc,
                                   const std::vector<store::Version>& versions, std::size_t have) {
  std::vector<std::uint64_t> previous;
  if (have > 0) {
    previous = text_fingerprints(version_text(store, doc, versions[have - 1]));
  }
  for (std::size_t i = have; i < versions.size(); ++i) {
    const store::Version& v = versions[i];
    std::vector<std::uint64_t> hashes = text_fingerprints(version_text(store, doc, v));
    index.add_version(doc, {v.number, v.sha256.hex(), v.ingest.normalized_sha256.hex()}, hashes, previous);
    previous = std::move(hashes);
  }
  return versions.size() - have;
}

}  // namespace

std::vector<std::uint64_t> text_fingerprints(std::string_view text) {
  return match::distinct_hashes(match::winnow(match::gram_hashes(match::text_words(text))));
}

void remove_index(const store::ContentStore& store) {
  std::error_code ignored;
  std::filesystem::path path = index_path(store);
  std::filesystem::remove(path, ignored);
  std::filesystem::remove(path.string() + "-journal", ignored);
}

index::MatchIndex open_index(const store::ContentStore& store) {
  try {
    return index::MatchIndex::open(index_path(store));
  } catch (const index::IndexError&) {
    remove_index(store);
  }
  try {
    return index::MatchIndex::open(index_path(store));
  } catch (const index::IndexError&) {
    return index::MatchIndex::open(":memory:");
  }
}

std::size_t sync_index(index::MatchIndex& index, const store::ContentStore& store, bool rebuild) {
  std::string head = store.head();
  if (!rebuild && index.head() == head) {
    return 0;
  }
  index.begin_write();
  try {
    if (!rebuild && index.head() == head) {  // another process brought it up to date meanwhile
      index.rollback();
      return 0;
    }
    StoreHistory history = match_store_history(store);
    IndexedMap indexed = rebuild ? IndexedMap{} : index.versions();
    if (rebuild || !index_agrees(indexed, history)) {
      index.clear();
      indexed.clear();
    }
    std::size_t added = 0;
    for (const auto& [doc, versions] : history) {
      auto it = indexed.find(doc);
      added += index_missing_versions(index, store, doc, versions, it == indexed.end() ? 0 : it->second.size());
    }
    index.set_head(head);
    index.commit();
    return added;
  } catch (...) {
    index.rollback();
    throw;
  }
}

}  // namespace stet::cli
