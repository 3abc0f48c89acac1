#include "repo/git_pack_writer.hpp"

#include "crypto/sha1.hpp"
#include "store/error.hpp"

#include <zlib.h>

#include <atomic>
#include <exception>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace stet::store::git {

namespace {

struct PackObject {
  git_object_t type;
  git_odb_object_ptr data;
};

struct OidLess {
  bool operator()(const git_oid& a, const git_oid& b) const { return git_oid_cmp(&a, &b) < 0; }
};

// The objects to pack, each once (equal subtrees and blobs recur).
struct Collected {
  std::vector<PackObject> objects;
  std::set<git_oid, OidLess> seen;
};

// No refresh: a miss would otherwise rescan the pack folder every time.
bool present(git_odb* odb, const git_oid& id) { return git_odb_exists_ext(odb, &id, GIT_ODB_LOOKUP_NO_REFRESH) != 0; }

git_odb_object_ptr read_object(git_odb* odb, const git_oid& id) {
  git_odb_object* raw = nullptr;
  check(git_odb_read(&raw, odb, &id), "cannot read a new object");
  return git_odb_object_ptr(raw);
}

// Collects `id` (a tree) and everything below it that `target` lacks.
void collect_tree(git_repository* repo, git_odb* source, git_odb* target, const git_oid& id, Collected& out) {
  if (!out.seen.insert(id).second) {
    return;
  }
  auto tree_data = read_object(source, id);
  git_tree* raw = nullptr;
  check(git_tree_lookup(&raw, repo, &id), "cannot read a new tree");
  git_tree_ptr tree(raw);
  out.objects.push_back({GIT_OBJECT_TREE, std::move(tree_data)});
  for (std::size_t i = 0; i < git_tree_entrycount(tree.get()); ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(tree.get(), i);
    const git_oid* child = git_tree_entry_id(entry);
    if (present(target, *child)) {
      continue;
    }
    if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
      collect_tree(repo, source, target, *child, out);
    } else if (out.seen.insert(*child).second) {
      out.objects.push_back({GIT_OBJECT_BLOB, read_object(source, *child)});
    }
  }
}

std::string entry_header(git_object_t type, std::size_t size) {
  std::string header;
  auto byte = static_cast<unsigned char>((static_cast<unsigned>(type) << 4U) | (size & 0x0FU));
  size >>= 4U;
  while (size != 0) {
    header.push_back(static_cast<char>(byte | 0x80U));
    byte = static_cast<unsigned char>(size & 0x7FU);
    size >>= 7U;
  }
  header.push_back(static_cast<char>(byte));
  return header;
}

std::string deflate_bytes(const void* data, std::size_t size) {
  uLongf bound = compressBound(static_cast<uLong>(size));
  std::string out(bound, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &bound, static_cast<const Bytef*>(data), static_cast<uLong>(size),
                Z_BEST_SPEED) != Z_OK) {
    throw Error("cannot compress an object");
  }
  out.resize(bound);
  return out;
}

std::string big_endian32_bytes(std::uint32_t value) {
  std::string out(4, '\0');
  for (int i = 3; i >= 0; --i) {
    out[static_cast<std::size_t>(i)] = static_cast<char>(value & 0xFFU);
    value >>= 8U;
  }
  return out;
}

}  // namespace

namespace {

// Reading back the objects just written to memory need not hash them
// again (a tenth of the batch's time for large captures); reads of the
// store itself are checked as before once this ends.
class HashCheckPaused {
 public:
  HashCheckPaused() { (void)git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0); }
  ~HashCheckPaused() { (void)git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 1); }
  HashCheckPaused(const HashCheckPaused&) = delete;
  HashCheckPaused& operator=(const HashCheckPaused&) = delete;
};

// Deflates every object, on two threads when there is more than one
// large object (each is independent; the pack keeps their order).
std::vector<std::string> deflate_all(const std::vector<PackObject>& objects) {
  std::vector<std::string> out(objects.size());
  auto one = [&](std::size_t i) {
    out[i] = deflate_bytes(git_odb_object_data(objects[i].data.get()), git_odb_object_size(objects[i].data.get()));
  };
  std::size_t total = 0;
  for (const PackObject& object : objects) {
    total += git_odb_object_size(object.data.get());
  }
  if (total < (std::size_t{1} << 20) || std::thread::hardware_concurrency() < 2) {
    for (std::size_t i = 0; i < objects.size(); ++i) {
      one(i);
    }
    return out;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < objects.size(); i = next++) {
      try {
        one(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        failure = std::current_exception();
      }
    }
  };
  std::thread helper(work);
  work();
  helper.join();
  if (failure) {
    std::rethrow_exception(failure);
  }
  return out;
}

}  // namespace

std::size_t write_missing_objects_as_pack(git_repository* repo, git_odb* target, const git_oid& commit) {
  HashCheckPaused paused;
  git_odb* raw_source = nullptr;
  check(git_repository_odb(&raw_source, repo), "cannot open the object database");
  git_odb_ptr source_owner(raw_source);
  git_odb* source = raw_source;
  Collected collected;
  std::vector<PackObject>& objects = collected.objects;
  auto commit_data = read_object(source, commit);
  git_commit* raw_commit = nullptr;
  check(git_commit_lookup(&raw_commit, repo, &commit), "cannot read the new commit");
  git_commit_ptr parsed(raw_commit);
  objects.push_back({GIT_OBJECT_COMMIT, std::move(commit_data)});
  if (!present(target, *git_commit_tree_id(parsed.get()))) {
    collect_tree(repo, source, target, *git_commit_tree_id(parsed.get()), collected);
  }
  std::string pack = "PACK" + big_endian32_bytes(2) + big_endian32_bytes(static_cast<std::uint32_t>(objects.size()));
  std::vector<std::string> deflated = deflate_all(objects);
  std::size_t packed_size = pack.size() + 20;
  for (const std::string& d : deflated) {
    packed_size += d.size() + 10;
  }
  pack.reserve(packed_size);
  for (std::size_t i = 0; i < objects.size(); ++i) {
    pack += entry_header(objects[i].type, git_odb_object_size(objects[i].data.get()));
    pack += deflated[i];
    std::string().swap(deflated[i]);
  }
  Sha1 checksum;
  checksum.update(pack);
  auto trailer = checksum.finish();
  pack.append(reinterpret_cast<const char*>(trailer.data()), trailer.size());

  git_odb_writepack* raw_writer = nullptr;
  check(git_odb_write_pack(&raw_writer, target, nullptr, nullptr), "cannot write a pack");
  git_odb_writepack_ptr writer(raw_writer);
  git_indexer_progress progress{};
  check(writer->append(writer.get(), pack.data(), pack.size(), &progress), "cannot write a pack");
  check(writer->commit(writer.get(), &progress), "cannot write a pack");
  check(git_odb_refresh(target), "cannot refresh the object database");
  return objects.size();
}

}  // namespace stet::store::git
