// Making a new store folder all at once: `stet init` and `stet clone` build
// the repository in a hidden sibling folder and rename it into place, so a
// crash leaves either no store or a complete one.

#include "repo/crash_hook.hpp"
#include "repo/git_store_impl.hpp"
#include "store/error.hpp"

#include <unistd.h>

#include <random>
#include <system_error>

namespace stet::store::git {

namespace fs = std::filesystem;

namespace {

fs::path temporary_sibling(const fs::path& path, const std::string& tag) {
  std::random_device random;
  // Appended piece by piece: `"." + std::string&&` makes g++ 12 at -O3 report
  // a false -Wrestrict inside std::string (GCC bug 105329).
  std::string name = ".";
  name.append(path.filename().string()).append(".").append(tag).append("-");
  name.append(std::to_string(::getpid())).append("-").append(std::to_string(random()));
  return path.parent_path() / name;
}

}  // namespace

git_repository_ptr init_store_repo(const fs::path& folder) {
  git_repository_init_options options;
  // The function, not the INIT macro: clang warns on the macro's partial
  // initializer list.
  check(git_repository_init_options_init(&options, GIT_REPOSITORY_INIT_OPTIONS_VERSION),
        "cannot set up the store options");
  options.flags = GIT_REPOSITORY_INIT_BARE | GIT_REPOSITORY_INIT_NO_REINIT | GIT_REPOSITORY_INIT_MKDIR;
  options.initial_head = "main";
  options.description = "stet store: see stet-store.json";
  git_repository* raw = nullptr;
  check(git_repository_init_ext(&raw, folder.c_str(), &options), "cannot create a store");
  return git_repository_ptr(raw);
}

fs::path build_then_rename(const fs::path& requested, const std::string& action, const std::string& tag,
                           const std::function<void(const fs::path&)>& build) {
  fs::path path = fs::absolute(requested).lexically_normal();
  if (path.filename().empty()) {
    path = path.parent_path();
  }
  std::error_code ec;
  if (fs::exists(fs::symlink_status(path, ec))) {
    throw Error("cannot " + action + " " + path.string() + ": it already exists");
  }
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    throw Error("cannot create " + path.parent_path().string() + ": " + ec.message());
  }
  fs::path temporary = temporary_sibling(path, tag);
  try {
    build(temporary);
    fsync_path(temporary);
    crash_point(tag + "-before-rename");
    fs::rename(temporary, path);
    fsync_path(path.parent_path());
    crash_point(tag + "-after-rename");
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(temporary, ec);
    throw Error("cannot " + action + " " + path.string() + ": " + e.code().message());
  } catch (...) {
    fs::remove_all(temporary, ec);
    throw;
  }
  return path;
}

}  // namespace stet::store::git
