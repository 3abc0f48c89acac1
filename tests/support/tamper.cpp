#include "support/tamper.hpp"

#include "support/run.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace stet::test {

namespace fs = std::filesystem;

std::string git(const fs::path& store, const std::vector<std::string>& args, const std::string& input,
                const std::map<std::string, std::string>& env) {
  std::vector<std::string> argv = {"git", "-C", store.string()};
  argv.insert(argv.end(), args.begin(), args.end());
  RunResult r = run_program(argv, input, {}, env);
  if (r.code != 0) {
    throw std::runtime_error("git failed: " + r.err);
  }
  return r.out;
}

std::string git(const fs::path& store, const std::vector<std::string>& args) { return git(store, args, "", {}); }

std::string path_of(const fs::path& store, const std::string& doc, const std::string& file) {
  std::istringstream paths(git(store, {"ls-tree", "-r", "--name-only", "HEAD"}));
  std::string line;
  while (std::getline(paths, line)) {
    if (line.find("/" + doc + "/_versions/") != std::string::npos && line.ends_with(file)) {
      return line;
    }
  }
  throw std::runtime_error("no " + file + " for " + doc);
}

fs::path loose_file(const fs::path& store, const std::string& id) {
  return store / "objects" / id.substr(0, 2) / id.substr(2, 38);
}

void flip_byte(const fs::path& file, long offset) {
  fs::permissions(file, fs::perms::owner_write, fs::perm_options::add);
  std::fstream f(file, std::ios::in | std::ios::out | std::ios::binary);
  auto size = static_cast<long>(fs::file_size(file));
  long at = offset < 0 ? size + offset : offset;
  f.seekg(at);
  char c = 0;
  f.get(c);
  f.seekp(at);
  f.put(static_cast<char>(c ^ 0x5A));
}

void commit_change(const fs::path& store, const std::string& path, const std::string& content, bool remove) {
  fs::path index = store / "tamper.index";
  std::map<std::string, std::string> env = {{"GIT_INDEX_FILE", index.string()}};
  git(store, {"read-tree", "HEAD"}, "", env);
  if (remove) {
    std::istringstream files(git(store, {"ls-files", "--", path}, "", env));
    std::string info;
    std::string line;
    while (std::getline(files, line)) {
      info += "0 0000000000000000000000000000000000000000\t" + line + "\n";
    }
    git(store, {"update-index", "--index-info"}, info, env);
  } else {
    std::string blob = git(store, {"hash-object", "-w", "--stdin"}, content, {});
    blob.pop_back();
    git(store, {"update-index", "--index-info"}, "100644 " + blob + "\t" + path + "\n", env);
  }
  std::string tree = git(store, {"write-tree"}, "", env);
  tree.pop_back();
  std::map<std::string, std::string> who = {{"GIT_AUTHOR_NAME", "x"},
                                            {"GIT_AUTHOR_EMAIL", "x@x"},
                                            {"GIT_COMMITTER_NAME", "x"},
                                            {"GIT_COMMITTER_EMAIL", "x@x"}};
  std::string commit = git(store, {"commit-tree", tree, "-p", "HEAD", "-m", "edit"}, "", who);
  commit.pop_back();
  git(store, {"update-ref", "refs/heads/main", commit});
  fs::remove(index);
}

}  // namespace stet::test
