#include "index/match_index.hpp"

#include "match/fingerprint.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <iterator>

namespace stet::index {

// Owners of the SQLite handles (named, not anonymous: MatchIndex::Impl holds them).
namespace sqlite_handles {
struct DbClose {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StmtFinalize {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using Db = std::unique_ptr<sqlite3, DbClose>;
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;
}  // namespace sqlite_handles

namespace {

using sqlite_handles::Db;
using sqlite_handles::Stmt;

// Names the layout and the fingerprint parameters: an index written with
// other ones is rebuilt, never misread.
const std::string k_format =
    "stet-match-index 2 k=" + std::to_string(match::k_gram) + " w=" + std::to_string(match::k_window);

constexpr const char* k_schema = R"(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS docs(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS versions(doc INTEGER NOT NULL, number INTEGER NOT NULL, sha256 TEXT NOT NULL,
  normalized TEXT NOT NULL, PRIMARY KEY(doc, number)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS versions_sha ON versions(sha256);
CREATE INDEX IF NOT EXISTS versions_normalized ON versions(normalized);
CREATE TABLE IF NOT EXISTS postings(hash INTEGER NOT NULL, doc INTEGER NOT NULL, first INTEGER NOT NULL,
  last INTEGER NOT NULL, PRIMARY KEY(hash, doc, first)) WITHOUT ROWID;
)";

void check_sqlite(sqlite3* db, int rc, const char* what) {
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE) {
    throw IndexError(std::string("match index: ") + what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
  }
}

}  // namespace

struct MatchIndex::Impl {
  sqlite_handles::Db db;
  sqlite_handles::Stmt get_postings;
  sqlite_handles::Stmt extend;
  sqlite_handles::Stmt insert_posting;
  sqlite_handles::Stmt insert_version;
  sqlite_handles::Stmt find_doc;
  sqlite_handles::Stmt insert_doc;
  sqlite_handles::Stmt doc_name;

  void exec(const char* sql) { check_sqlite(db.get(), sqlite3_exec(db.get(), sql, nullptr, nullptr, nullptr), sql); }

  sqlite_handles::Stmt prepare(const char* sql) const {
    sqlite3_stmt* raw = nullptr;
    check_sqlite(db.get(), sqlite3_prepare_v2(db.get(), sql, -1, &raw, nullptr), sql);
    return sqlite_handles::Stmt(raw);
  }

  // Runs `stmt` to its end (no rows expected) and resets it.
  void run(sqlite3_stmt* stmt, const char* what) const {
    int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    check_sqlite(db.get(), rc, what);
  }

  std::int64_t doc_id(const std::string& name) {
    sqlite3_bind_text(find_doc.get(), 1, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
    int rc = sqlite3_step(find_doc.get());
    std::int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(find_doc.get(), 0) : 0;
    sqlite3_reset(find_doc.get());
    check_sqlite(db.get(), rc, "find document");
    if (rc == SQLITE_ROW) {
      return id;
    }
    sqlite3_bind_text(insert_doc.get(), 1, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
    run(insert_doc.get(), "add document");
    return sqlite3_last_insert_rowid(db.get());
  }

  void check_format() {
    exec(k_schema);
    Stmt put = prepare("INSERT OR IGNORE INTO meta(key, value) VALUES('format', ?)");
    sqlite3_bind_text(put.get(), 1, k_format.c_str(), -1, SQLITE_STATIC);
    run(put.get(), "write format");
    Stmt get = prepare("SELECT value FROM meta WHERE key = 'format'");
    int rc = sqlite3_step(get.get());
    check_sqlite(db.get(), rc, "read format");
    const unsigned char* value = rc == SQLITE_ROW ? sqlite3_column_text(get.get(), 0) : nullptr;
    if (!value || k_format != reinterpret_cast<const char*>(value)) {
      throw IndexError("match index: written in another format");
    }
  }
};

MatchIndex MatchIndex::open(const std::filesystem::path& path) {
  auto impl = std::make_unique<Impl>();
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  impl->db.reset(raw);
  check_sqlite(raw, rc, "open");
  sqlite3_busy_timeout(raw, 30000);
  impl->exec("PRAGMA synchronous = NORMAL");
  impl->check_format();
  impl->get_postings = impl->prepare("SELECT doc, first, last FROM postings WHERE hash = ? LIMIT ?");
  impl->extend = impl->prepare("UPDATE postings SET last = ?1 WHERE hash = ?2 AND doc = ?3 AND last = ?4");
  impl->insert_posting = impl->prepare("INSERT INTO postings(hash, doc, first, last) VALUES(?, ?, ?, ?)");
  impl->insert_version = impl->prepare("INSERT INTO versions(doc, number, sha256, normalized) VALUES(?, ?, ?, ?)");
  impl->find_doc = impl->prepare("SELECT id FROM docs WHERE name = ?");
  impl->insert_doc = impl->prepare("INSERT INTO docs(name) VALUES(?)");
  impl->doc_name = impl->prepare("SELECT name FROM docs WHERE id = ?");
  return MatchIndex(std::move(impl));
}

MatchIndex::MatchIndex(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
MatchIndex::MatchIndex(MatchIndex&&) noexcept = default;
MatchIndex& MatchIndex::operator=(MatchIndex&&) noexcept = default;
MatchIndex::~MatchIndex() = default;

std::string MatchIndex::head() const {
  Stmt get = m_impl->prepare("SELECT value FROM meta WHERE key = 'head'");
  int rc = sqlite3_step(get.get());
  check_sqlite(m_impl->db.get(), rc, "read head");
  return rc == SQLITE_ROW ? reinterpret_cast<const char*>(sqlite3_column_text(get.get(), 0)) : "";
}

std::map<std::string, std::vector<IndexedVersion>> MatchIndex::versions() const {
  Stmt get = m_impl->prepare(
      "SELECT d.name, v.number, v.sha256, v.normalized FROM versions v JOIN docs d ON d.id = v.doc "
      "ORDER BY v.doc, v.number");
  std::map<std::string, std::vector<IndexedVersion>> out;
  int rc = 0;
  while ((rc = sqlite3_step(get.get())) == SQLITE_ROW) {
    auto text = [&](int col) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(get.get(), col)));
    };
    out[text(0)].push_back({sqlite3_column_int(get.get(), 1), text(2), text(3)});
  }
  check_sqlite(m_impl->db.get(), rc, "read versions");
  return out;
}

void MatchIndex::begin_write() { m_impl->exec("BEGIN IMMEDIATE"); }
void MatchIndex::commit() { m_impl->exec("COMMIT"); }
void MatchIndex::rollback() noexcept { sqlite3_exec(m_impl->db.get(), "ROLLBACK", nullptr, nullptr, nullptr); }

void MatchIndex::clear() {
  m_impl->exec("DELETE FROM postings; DELETE FROM versions; DELETE FROM docs; DELETE FROM meta WHERE key = 'head'");
}

void MatchIndex::add_version(const std::string& doc, const IndexedVersion& version,
                             const std::vector<std::uint64_t>& hashes, const std::vector<std::uint64_t>& previous) {
  Impl& m = *m_impl;
  std::int64_t id = m.doc_id(doc);
  sqlite3_stmt* v = m.insert_version.get();
  sqlite3_bind_int64(v, 1, id);
  sqlite3_bind_int(v, 2, version.number);
  sqlite3_bind_text(v, 3, version.sha256.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(v, 4, version.normalized.c_str(), -1, SQLITE_TRANSIENT);
  m.run(v, "add version");
  std::vector<std::uint64_t> gone;
  std::set_difference(previous.begin(), previous.end(), hashes.begin(), hashes.end(), std::back_inserter(gone));
  for (std::uint64_t h : gone) {
    sqlite3_stmt* e = m.extend.get();
    sqlite3_bind_int(e, 1, version.number - 1);
    sqlite3_bind_int64(e, 2, static_cast<std::int64_t>(h));
    sqlite3_bind_int64(e, 3, id);
    sqlite3_bind_int(e, 4, match::k_open_run);
    m.run(e, "close posting");
  }
  std::vector<std::uint64_t> fresh;
  std::set_difference(hashes.begin(), hashes.end(), previous.begin(), previous.end(), std::back_inserter(fresh));
  for (std::uint64_t h : fresh) {
    sqlite3_stmt* p = m.insert_posting.get();
    sqlite3_bind_int64(p, 1, static_cast<std::int64_t>(h));
    sqlite3_bind_int64(p, 2, id);
    sqlite3_bind_int(p, 3, version.number);
    sqlite3_bind_int(p, 4, match::k_open_run);
    m.run(p, "add posting");
  }
}

void MatchIndex::set_head(const std::string& head) {
  Stmt put = m_impl->prepare("INSERT OR REPLACE INTO meta(key, value) VALUES('head', ?)");
  sqlite3_bind_text(put.get(), 1, head.c_str(), -1, SQLITE_TRANSIENT);
  m_impl->run(put.get(), "write head");
}

std::vector<match::Posting> MatchIndex::postings(std::uint64_t hash) const {
  sqlite3_stmt* s = m_impl->get_postings.get();
  sqlite3_bind_int64(s, 1, static_cast<std::int64_t>(hash));
  sqlite3_bind_int64(s, 2, static_cast<std::int64_t>(match::k_common_postings + 1));
  std::vector<match::Posting> out;
  int rc = 0;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    out.push_back({sqlite3_column_int64(s, 0), sqlite3_column_int(s, 1), sqlite3_column_int(s, 2)});
  }
  sqlite3_reset(s);
  check_sqlite(m_impl->db.get(), rc, "read postings");
  return out;
}

std::optional<std::string> MatchIndex::doc_name(std::int64_t doc) const {
  sqlite3_stmt* s = m_impl->doc_name.get();
  sqlite3_bind_int64(s, 1, doc);
  int rc = sqlite3_step(s);
  std::optional<std::string> out;
  if (rc == SQLITE_ROW) {
    out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
  }
  sqlite3_reset(s);
  check_sqlite(m_impl->db.get(), rc, "read document");
  return out;
}

std::vector<VersionRef> MatchIndex::find_digest(const std::string& hex, bool normalized) const {
  Stmt s = m_impl->prepare(normalized ? "SELECT d.name, v.number FROM versions v JOIN docs d ON d.id = v.doc "
                                        "WHERE v.normalized = ? ORDER BY d.name, v.number"
                                      : "SELECT d.name, v.number FROM versions v JOIN docs d ON d.id = v.doc "
                                        "WHERE v.sha256 = ? ORDER BY d.name, v.number");
  sqlite3_bind_text(s.get(), 1, hex.c_str(), -1, SQLITE_TRANSIENT);
  std::vector<VersionRef> out;
  int rc = 0;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    out.push_back({reinterpret_cast<const char*>(sqlite3_column_text(s.get(), 0)), sqlite3_column_int(s.get(), 1)});
  }
  check_sqlite(m_impl->db.get(), rc, "find digest");
  return out;
}

}  // namespace stet::index
