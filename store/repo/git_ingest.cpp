// ContentStore::ingest: one commit per call, all or nothing, safe against
// concurrent writers and crashes (see docs/reliability.md).

#include "format/layout.hpp"
#include "format/record_codec.hpp"
#include "repo/crash_hook.hpp"
#include "repo/git_pack_writer.hpp"
#include "repo/git_store_impl.hpp"
#include "repo/git_tree_ops.hpp"
#include "repo/store_lock.hpp"
#include "store/document_id.hpp"
#include "store/error.hpp"
#include "store/timeline.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <thread>

namespace stet::store {

using git::check;

namespace {

constexpr auto k_lock_timeout = std::chrono::seconds(120);
constexpr int k_max_attempts = 200;
// Up to this many inputs, objects are written loose (each fsynced); above
// it, into one pack fsynced once, because per-object syncs dominate.
constexpr std::size_t k_loose_item_limit = 8;

// A second handle on the store whose writes collect in memory until
// flush() writes them as one pack. Keeping it separate from the store's
// own handle means the in-memory backend never outlives the batch.
class PackedWriter {
 public:
  explicit PackedWriter(const std::filesystem::path& path) {
    git_repository* raw_repo = nullptr;
    check(git_repository_open_bare(&raw_repo, path.c_str()), "cannot open the store");
    m_repo.reset(raw_repo);
    git_odb* raw_odb = nullptr;
    check(git_repository_odb(&raw_odb, m_repo.get()), "cannot open the object database");
    m_odb.reset(raw_odb);
    check(git_mempack_new(&m_backend), "cannot create an in-memory object store");
    // The object database owns the backend from here on.
    check(git_odb_add_backend(m_odb.get(), m_backend, 999), "cannot attach an in-memory object store");
  }

  [[nodiscard]] git_repository* repo() const { return m_repo.get(); }

  // Writes the objects of `commit` that the store lacks as one pack, then
  // drops the in-memory copies.
  void flush(git_repository* store_repo, const git_oid& commit) {
    git_odb* raw = nullptr;
    check(git_repository_odb(&raw, store_repo), "cannot open the object database");
    git::git_odb_ptr target(raw);
    (void)git::write_missing_objects_as_pack(m_repo.get(), target.get(), commit);
    check(git_mempack_reset(m_backend), "cannot reset the in-memory object store");
  }

 private:
  git::git_repository_ptr m_repo;
  git::git_odb_ptr m_odb;
  git_odb_backend* m_backend = nullptr;  // owned by m_odb
};

// What one document looks like while a batch is being applied to it.
struct DocState {
  std::set<Digest> known;               // versions already stored or added by this batch
  std::optional<Digest> latest;         // the newest version so far
  std::optional<Digest> before_latest;  // the one before it
};

struct PreparedItem {
  Record record;
  git_oid content_blob{};
  std::optional<git_oid> text_blob;  // the derived text form, when there is one
};

DocState load_doc_state(git_repository* repo, const git_tree* root, const std::string& doc) {
  DocState state;
  if (auto versions = git::history_in(repo, root, doc)) {
    for (const Version& v : *versions) {
      state.known.insert(v.sha256);
    }
    // The latest state and the text seen before it, in timeline order.
    std::vector<Observation> seen = timeline(*versions);
    for (const Observation& o : seen) {
      const Digest& sha = (*versions)[o.version].sha256;
      if (state.latest != sha) {
        state.before_latest = state.latest;
        state.latest = sha;
      }
    }
  }
  return state;
}

struct BuiltCommit {
  git_oid commit{};
  std::vector<IngestOutcome> outcomes;
};

// Applies every item to the tree of `parent` and writes the commit (not yet
// referenced by the branch).
BuiltCommit build_commit(git_repository* repo, git_commit* parent, std::vector<PreparedItem> items) {
  auto root = git::commit_tree(parent);
  std::map<std::string, DocState> docs;
  std::vector<std::string> paths;  // owns the strings git_tree_update points at
  std::set<std::string> record_paths;
  paths.reserve(items.size() * 2);
  std::vector<git_tree_update> updates;
  std::vector<Record> records;
  std::vector<IngestStatus> statuses;
  BuiltCommit built;
  for (PreparedItem& item : items) {
    Record& record = item.record;
    auto found = docs.find(record.doc);
    if (found == docs.end()) {
      found = docs.emplace(record.doc, load_doc_state(repo, root.get(), record.doc)).first;
    }
    DocState& state = found->second;
    bool is_new = state.known.insert(record.sha256).second;
    // `previous` is the newest version other than this record's own: a
    // sighting of the latest version points at the one before it.
    record.previous = !is_new && state.latest == record.sha256 ? state.before_latest : state.latest;
    std::string version_dir = layout::versions_dir(record.doc) + "/" + record.sha256.hex();
    if (is_new) {
      paths.push_back(version_dir + "/" + std::string(layout::k_content_file));
      updates.push_back({GIT_TREE_UPDATE_UPSERT, item.content_blob, GIT_FILEMODE_BLOB, nullptr});
    }
    if (state.latest != record.sha256) {
      state.before_latest = state.latest;
      state.latest = record.sha256;
    }
    // A text form is named by its own hash, so the same text written again
    // (a sighting) changes nothing, and another extraction of the same
    // bytes adds a file beside the first.
    std::string text_path =
        record.text_sha256 ? version_dir + "/" + layout::text_file_name(*record.text_sha256) : std::string();
    if (item.text_blob && record.text_sha256 && record_paths.insert(text_path).second) {
      paths.push_back(std::move(text_path));
      updates.push_back({GIT_TREE_UPDATE_UPSERT, *item.text_blob, GIT_FILEMODE_BLOB, nullptr});
    }
    std::string json = codec::record_to_json(record);
    std::string record_path = version_dir + "/" + layout::record_name(record, json);
    // Records differ at least by their input index, so this only guards
    // against writing one path twice.
    if (record_paths.insert(record_path).second) {
      paths.push_back(std::move(record_path));
      updates.push_back({GIT_TREE_UPDATE_UPSERT, git::write_blob(repo, json), GIT_FILEMODE_BLOB, nullptr});
    }
    IngestStatus status = is_new ? IngestStatus::added : IngestStatus::unchanged;
    built.outcomes.push_back({record.doc, 0, record.sha256, status, record.previous});
    records.push_back(record);
    statuses.push_back(status);
  }
  for (std::size_t i = 0; i < updates.size(); ++i) {
    updates[i].path = paths[i].c_str();
  }
  git_oid tree_id;
  check(git_tree_create_updated(&tree_id, repo, root.get(), updates.size(), updates.data()),
        "cannot write the updated tree");
  git_tree* raw_tree = nullptr;
  check(git_tree_lookup(&raw_tree, repo, &tree_id), "cannot read the updated tree");
  git::git_tree_ptr tree(raw_tree);
  auto signature = git::make_signature(records.front().ingested_by, records.front().ingested_at);
  const git_commit* parents[] = {parent};
  std::string message = codec::commit_message(records, statuses);
  check(git_commit_create(&built.commit, repo, nullptr, signature.get(), signature.get(), nullptr, message.c_str(),
                          tree.get(), 1, parents),
        "cannot write the commit");
  return built;
}

void number_outcomes(git_repository* repo, std::vector<IngestOutcome>& outcomes) {
  auto commit = git::branch_commit(repo);
  auto root = git::commit_tree(commit->get());
  std::map<std::string, std::map<Digest, int>> numbers;
  for (IngestOutcome& outcome : outcomes) {
    auto found = numbers.find(outcome.doc);
    if (found == numbers.end()) {
      std::map<Digest, int> by_sha;
      for (const Version& v : git::history_in(repo, root.get(), outcome.doc).value_or(std::vector<Version>{})) {
        by_sha[v.sha256] = v.number;
      }
      found = numbers.emplace(outcome.doc, std::move(by_sha)).first;
    }
    outcome.version = found->second[outcome.sha256];
  }
}

}  // namespace

std::vector<IngestOutcome> ContentStore::ingest(const std::vector<IngestItem>& items,
                                                const std::function<std::string()>& clock) {
  if (items.empty()) {
    return {};
  }
  std::vector<PreparedItem> prepared;
  prepared.reserve(items.size());
  for (const IngestItem& item : items) {
    if (auto problem = document_id_problem(item.record.doc)) {
      throw InvalidInputError(*problem);
    }
    PreparedItem p{item.record, {}, std::nullopt};
    p.record.input_index = prepared.size();
    p.record.sha256 = sha256(item.content);
    p.record.bytes = item.content.size();
    p.record.text_sha256 = item.text ? std::optional<Digest>(sha256(*item.text)) : std::nullopt;
    prepared.push_back(std::move(p));
  }
  // Lock first so a read-only store fails before anything is written.
  StoreLock lock(m_impl->path, k_lock_timeout);
  std::optional<PackedWriter> packed;
  if (items.size() > k_loose_item_limit) {
    packed.emplace(m_impl->path);
  }
  git_repository* repo = packed ? packed->repo() : m_impl->repo.get();
  // Content is addressed by its hash: writing it before the commit is
  // harmless if the commit never happens.
  // Equal bytes make one blob: an input whose SHA-256 was seen earlier in
  // the batch (a page captured again unchanged) reuses that blob's id
  // instead of hashing and copying the bytes into the object store again.
  std::map<Digest, git_oid> blobs;
  auto blob_of = [&](const Digest& sha, std::string_view bytes) {
    auto found = blobs.find(sha);
    return found != blobs.end() ? found->second : blobs.emplace(sha, git::write_blob(repo, bytes)).first->second;
  };
  for (std::size_t i = 0; i < items.size(); ++i) {
    prepared[i].content_blob = blob_of(prepared[i].record.sha256, items[i].content);
    if (items[i].text) {
      prepared[i].text_blob = blob_of(*prepared[i].record.text_sha256, *items[i].text);
    }
  }
  crash_point("after-objects");
  for (int attempt = 0; attempt < k_max_attempts; ++attempt) {
    auto parent = git::branch_commit(repo);
    if (!parent) {
      throw Error("the store's branch is missing");
    }
    if (clock) {
      // Stamped under the lock, on every attempt: a writer that waited must
      // not record a time earlier than the versions committed meanwhile.
      std::string now = clock();
      for (PreparedItem& item : prepared) {
        item.record.ingested_at = now;
      }
    }
    BuiltCommit built = build_commit(repo, parent->get(), prepared);
    if (packed) {
      packed->flush(m_impl->repo.get(), built.commit);
    }
    crash_point("after-commit-object");
    if (git::compare_and_swap_branch(repo, m_impl->path, built.commit, *git_commit_id(parent->get()))) {
      crash_point("after-ref-update");
      number_outcomes(m_impl->repo.get(), built.outcomes);
      return built.outcomes;
    }
  }
  throw Error("the store's branch kept moving; gave up after " + std::to_string(k_max_attempts) + " attempts");
}

}  // namespace stet::store
