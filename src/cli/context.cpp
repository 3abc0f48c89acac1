#include "cli/context.hpp"
#include "render/visible.hpp"

#include "store/timestamp.hpp"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

namespace stet::cli {

namespace fs = std::filesystem;

Environment process_environment() {
  Environment env;
  env.now = [] { return std::chrono::system_clock::now(); };
  env.getenv = [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    return value ? std::optional<std::string>(value) : std::nullopt;
  };
  env.in = &std::cin;
  env.out_is_terminal = ::isatty(STDOUT_FILENO) != 0;
  env.err_is_terminal = ::isatty(STDERR_FILENO) != 0;
  return env;
}

fs::path Context::store_path() const {
  if (!store_option.empty()) {
    return store_option;
  }
  if (auto from_env = env->getenv("STET_STORE"); from_env && !from_env->empty()) {
    return *from_env;
  }
  return ".stet";
}

store::ContentStore Context::open_store() const { return store::ContentStore::open(store_path()); }

store::ContentStore Context::open_or_create_store() const {
  fs::path path = store_path();
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) {
    auto created = store::ContentStore::create(path, now_utc());
    *err << "stet: created a new store at " << visible(created.path().string()) << "\n";
    return created;
  }
  return store::ContentStore::open(path);
}

std::string Context::now_utc() const { return store::format_utc(env->now()); }

}  // namespace stet::cli
