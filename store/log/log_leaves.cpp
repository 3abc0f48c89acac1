// The log order of a store: its first-parent history, each commit appending
// the records its first parent lacked. Reads go through the audit's bounded
// reader, so a damaged store cannot hang the commands built on the log.

#include "audit/git_audit_impl.hpp"
#include "ed25519.hpp"
#include "format/layout.hpp"
#include "log_cache.hpp"
#include "repo/git_handles.hpp"
#include "store/error.hpp"
#include "store/log/log.hpp"

#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <tuple>

namespace stet::store::log {

namespace fs = std::filesystem;
using audit::TreeEntry;
using audit::TreePtr;

namespace {

struct Reader {
  git::Session session;
  git::git_repository_ptr repo;
  AuditOptions options;
  std::unique_ptr<audit::Auditor> auditor;
};

std::unique_ptr<Reader> open_reader(const fs::path& path) {
  auto reader = std::make_unique<Reader>();
  git_repository* raw = nullptr;
  if (git_repository_open_ext(&raw, path.c_str(), GIT_REPOSITORY_OPEN_NO_SEARCH, nullptr) < 0) {
    throw NotAStoreError("not a stet store: " + path.string() + " is not a git repository");
  }
  reader->repo.reset(raw);
  reader->auditor =
      std::make_unique<audit::Auditor>(raw, fs::path(git_repository_commondir(raw)) / "objects", reader->options);
  return reader;
}

void throw_on_log_findings(audit::Auditor& auditor) {
  if (!auditor.report().findings.empty()) {
    throw Error("the store is damaged (" + auditor.report().findings.front().message + "); run stet verify");
  }
}

struct Walk {
  audit::Auditor& auditor;
  std::vector<LogEntry> added;
};

const TreeEntry* find_entry(const audit::Tree* tree, const std::string& name) {
  if (tree == nullptr) {
    return nullptr;
  }
  auto it = std::lower_bound(tree->begin(), tree->end(), name,
                             [](const TreeEntry& e, const std::string& n) { return e.name < n; });
  if (it != tree->end() && it->name == name) {
    return &*it;
  }
  for (const TreeEntry& e : *tree) {  // git orders tree names with a '/' after folders
    if (e.name == name) {
      return &e;
    }
  }
  return nullptr;
}

// The record files under `now` that `before` (may be null) lacks.
void added_records(Walk& walk, const git_oid* before, const git_oid& now, const std::string& path) {
  if (before != nullptr && git_oid_equal(before, &now) != 0) {
    return;
  }
  TreePtr old_tree = before ? walk.auditor.tree(*before, path) : nullptr;
  TreePtr new_tree = walk.auditor.tree(now, path);
  for (const TreeEntry& e : new_tree ? *new_tree : audit::Tree{}) {
    const TreeEntry* old_entry = find_entry(old_tree.get(), e.name);
    std::string child = path.empty() ? e.name : path + "/" + e.name;
    if (e.is_tree()) {
      added_records(walk, old_entry && old_entry->is_tree() ? &old_entry->id : nullptr, e.id, child);
      continue;
    }
    auto where = audit::parse_version_path(child);
    if (!where || where->file.empty() || !where->file.ends_with(".json")) {
      continue;
    }
    if (old_entry != nullptr) {
      if (git_oid_equal(&old_entry->id, &e.id) == 0) {
        throw Error("commit history changed record " + child + "; run stet verify");
      }
      continue;
    }
    auto bytes = walk.auditor.blob(e.id, child);
    walk.added.push_back({where->doc, where->sha, where->file, bytes.value_or("")});
  }
}

// The first-parent chain ending at `head`, oldest first, starting after
// `stop` when the chain reaches it (`found` says whether it did).
std::vector<git_oid> first_parent_chain(audit::Auditor& auditor, const git_oid& head, const git_oid* stop,
                                        bool& found) {
  std::vector<git_oid> chain;
  found = false;
  for (git_oid id = head;;) {
    if (stop != nullptr && git_oid_equal(&id, stop) != 0) {
      found = true;
      break;
    }
    chain.push_back(id);
    auto info = auditor.commit(id);
    throw_on_log_findings(auditor);
    if (!info || info->parents.empty()) {
      break;
    }
    id = info->parents.front();
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::string stamp(const LogEntry& e) { return e.name.substr(0, e.name.find('Z')); }

// Appends to `log` what the commits of `chain` added after tree `previous`.
void extend(audit::Auditor& auditor, const std::vector<git_oid>& chain, std::optional<git_oid> previous,
            bool keep_bytes, StoreLog& log) {
  Walk walk{auditor, {}};
  std::vector<Digest> hashes;
  for (const git_oid& id : chain) {
    auto info = auditor.commit(id);
    throw_on_log_findings(auditor);
    walk.added.clear();
    added_records(walk, previous ? &*previous : nullptr, info->tree, "");
    throw_on_log_findings(auditor);
    std::sort(walk.added.begin(), walk.added.end(), [](const LogEntry& a, const LogEntry& b) {
      return std::make_tuple(stamp(a), std::cref(a.doc), std::cref(a.name)) <
             std::make_tuple(stamp(b), std::cref(b.doc), std::cref(b.name));
    });
    for (LogEntry& e : walk.added) {
      hashes.push_back(leaf_hash(e.bytes));
      if (!keep_bytes) {
        e.bytes.clear();
      }
      log.entries.push_back(std::move(e));
    }
    previous = info->tree;
  }
  log.tree.append(hashes);
}

std::optional<git_oid> branch_id(git_repository* repo) {
  git_oid head;
  int rc = git_reference_name_to_id(&head, repo, std::string(layout::k_branch).c_str());
  if (rc == GIT_ENOTFOUND) {
    return std::nullopt;
  }
  git::check(rc, "cannot read the store's branch");
  return head;
}

// Anchors of signed checkpoints (see read_log_for_signing): one line per
// signing key in `stet-log.anchors` beside the index:
//   <key name>+<key ID, 8 hex> <commit> <tree size> <root, hex> <HMAC, hex>
constexpr std::string_view k_anchor_file = "stet-log.anchors";

struct Anchor {
  std::string head;
  std::uint64_t size = 0;
  Digest root;
};

std::string anchor_label(const Signer& signer) {
  Vkey vkey = signer_vkey(signer);
  std::string id(8, '0');
  for (std::size_t i = 0; i < 8; ++i) {
    id[7 - i] = "0123456789abcdef"[(vkey.id >> (4 * i)) & 0xFU];
  }
  return vkey.name + "+" + id;
}

// The HMAC key: SHA-256 of a context string and the signer's seed, so the
// anchor's key is never the signing key itself.
std::string anchor_key(const Signer& signer) {
  Sha256 hasher;
  hasher.update(std::string_view("stet-log-anchor-key\0", 20));
  hasher.update(signer.seed);
  Digest d = hasher.finish();
  return {reinterpret_cast<const char*>(d.bytes().data()), Digest::k_size};
}

std::string anchor_mac(const std::string& key, const std::string& label, const Anchor& a) {
  std::string message =
      "stet-log-anchor 1\n" + label + "\n" + a.head + "\n" + std::to_string(a.size) + "\n" + a.root.hex() + "\n";
  std::string mac = hmac_sha256(key, message);
  Digest::Bytes bytes{};
  std::copy_n(mac.begin(), std::min(mac.size(), bytes.size()), bytes.begin());
  return Digest(bytes).hex();
}

std::vector<std::string> anchor_lines(const fs::path& store) {
  std::ifstream in(store / k_anchor_file, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// The anchor of `label` whose HMAC verifies; nullopt otherwise.
std::optional<Anchor> read_anchor(const fs::path& store, const std::string& label, const std::string& key) {
  for (const std::string& line : anchor_lines(store)) {
    std::istringstream fields(line);
    std::string name;
    std::string head;
    std::string size;
    std::string root;
    std::string mac;
    if (!(fields >> name >> head >> size >> root >> mac) || name != label || head.size() != 40 || !is_hex(head) ||
        size.empty() || size.size() > 19 || size.find_first_not_of("0123456789") != std::string::npos) {
      continue;
    }
    auto digest = Digest::from_hex(root);
    if (!digest) {
      continue;
    }
    Anchor anchor{head, std::stoull(size), *digest};
    std::string expected = anchor_mac(key, label, anchor);
    if (mac.size() == expected.size() && std::equal(mac.begin(), mac.end(), expected.begin())) {
      return anchor;
    }
  }
  return std::nullopt;
}

// Replaces the anchor of `label`; a failure to write is not thrown (the
// next signing then reads the log from the records).
void write_anchor(const fs::path& store, const std::string& label, const std::string& key, const Anchor& anchor) {
  std::string out;
  for (const std::string& line : anchor_lines(store)) {
    if (!line.starts_with(label + " ")) {
      out += line + "\n";
    }
  }
  out += label + " " + anchor.head + " " + std::to_string(anchor.size) + " " + anchor.root.hex() + " " +
         anchor_mac(key, label, anchor) + "\n";
  fs::path temp = store / (std::string(k_anchor_file) + "." + std::to_string(::getpid()));
  std::ofstream file(temp, std::ios::binary | std::ios::trunc);
  bool ok = static_cast<bool>(file << out) && static_cast<bool>(file.flush());
  file.close();
  std::error_code ec;
  if (ok) {
    fs::rename(temp, store / k_anchor_file, ec);
  }
  if (!ok || ec) {
    fs::remove(temp, ec);
  }
}

}  // namespace

StoreLog read_log(const fs::path& path) {
  auto reader = open_reader(path);
  StoreLog result;
  auto head = branch_id(reader->repo.get());
  if (!head) {
    return result;
  }
  result.head = audit::hex(*head);
  bool found = false;
  extend(*reader->auditor, first_parent_chain(*reader->auditor, *head, nullptr, found), std::nullopt, true, result);
  return result;
}

StoreLog read_log_index(const fs::path& path) {
  auto reader = open_reader(path);
  auto head = branch_id(reader->repo.get());
  if (!head) {
    return {};
  }
  StoreLog cached = load_log_cache(path);
  git_oid cached_head{};
  bool usable = !cached.head.empty() && git_oid_fromstrn(&cached_head, cached.head.data(), cached.head.size()) == 0;
  bool found = false;
  auto chain = first_parent_chain(*reader->auditor, *head, usable ? &cached_head : nullptr, found);
  std::optional<git_oid> previous;
  if (found) {
    auto info = reader->auditor->commit(cached_head);
    throw_on_log_findings(*reader->auditor);
    previous = info->tree;
  } else {
    cached = StoreLog{};  // not an ancestor (moved back, rewritten, absent): from the start
  }
  extend(*reader->auditor, chain, previous, false, cached);
  cached.head = audit::hex(*head);
  if (!chain.empty()) {
    save_log_cache(path, cached);
  }
  return cached;
}

StoreLog read_log_for_signing(const fs::path& path, const Signer& signer) {
  auto reader = open_reader(path);
  auto head = branch_id(reader->repo.get());
  if (!head) {
    return {};
  }
  std::string label = anchor_label(signer);
  std::string key = anchor_key(signer);
  StoreLog log = load_log_cache(path);
  std::string cached_head = log.head;
  std::uint64_t cached_size = log.tree.size();
  Digest cached_root = log.tree.root();
  auto anchor = read_anchor(path, label, key);
  bool anchored = false;
  git_oid anchor_head{};
  if (anchor && !log.head.empty() && anchor->size <= log.tree.size() && log.tree.root(anchor->size) == anchor->root &&
      git_oid_fromstrn(&anchor_head, anchor->head.data(), anchor->head.size()) == 0) {
    bool found = false;
    auto chain = first_parent_chain(*reader->auditor, *head, &anchor_head, found);
    if (found) {
      auto info = reader->auditor->commit(anchor_head);
      throw_on_log_findings(*reader->auditor);
      log.entries.resize(anchor->size);
      log.tree.truncate(anchor->size);
      extend(*reader->auditor, chain, info->tree, false, log);
      log.head = audit::hex(*head);
      anchored = true;
    }
  }
  if (!anchored) {
    reader.reset();
    log = read_log(path);
    for (LogEntry& e : log.entries) {
      e.bytes.clear();
      e.bytes.shrink_to_fit();
    }
  }
  if (log.head != cached_head || log.tree.size() != cached_size || log.tree.root() != cached_root) {
    save_log_cache(path, log);
  }
  write_anchor(path, label, key, Anchor{log.head, log.tree.size(), log.tree.root()});
  return log;
}

std::string read_entry_bytes(const fs::path& path, const std::string& commit, const LogEntry& entry) {
  auto reader = open_reader(path);
  git_oid id;
  if (git_oid_fromstrn(&id, commit.data(), commit.size()) < 0) {
    throw Error("not a commit id: " + commit);
  }
  auto info = reader->auditor->commit(id);
  throw_on_log_findings(*reader->auditor);
  std::string file = layout::versions_dir(entry.doc) + "/" + entry.sha256 + "/" + entry.name;
  git_oid at = info->tree;
  for (const std::string& part : audit::split_path(file)) {
    TreePtr tree = reader->auditor->tree(at, "");
    const TreeEntry* e = find_entry(tree.get(), part);
    if (e == nullptr) {
      throw Error("the log names " + file + ", which is not in the store; run stet verify");
    }
    at = e->id;
  }
  auto bytes = reader->auditor->blob(at, file);
  throw_on_log_findings(*reader->auditor);
  return bytes.value_or("");
}

}  // namespace stet::store::log
