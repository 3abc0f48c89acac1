#include "cli/commands.hpp"
#include "cli/format_option.hpp"
#include "render/render.hpp"
#include "render/visible.hpp"
#include "store/log/note.hpp"
#include "store/signing.hpp"

#include <CLI/CLI.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <ostream>
#include <system_error>

namespace stet::cli {

namespace {

struct KeygenOptions {
  std::string path;
  std::string name = "stet";
  std::string format = "text";
};

// Creates `path` with `mode`, refusing to replace anything.
void write_new_file(const std::string& path, const std::string& text, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    throw UsageError("cannot create " + path + ": " +
                     (errno == EEXIST ? std::string("it already exists")
                                      : std::error_code(errno, std::generic_category()).message()));
  }
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    throw UsageError("cannot write " + path);
  }
}

ExitCode run_keygen(Context& context, const KeygenOptions& options) {
  Format format = parse_format(options.format);
  std::string public_path = options.path + ".pub";
  std::string vkey_path = options.path + ".vkey";
  if (!store::log::valid_key_name(options.name)) {
    throw UsageError("invalid key name '" + options.name + "' (no spaces or '+')");
  }
  for (const std::string& p : {public_path, vkey_path}) {
    if (::access(p.c_str(), F_OK) == 0) {
      throw UsageError("cannot create " + p + ": it already exists");
    }
  }
  store::KeyPair pair = store::generate_ed25519_key();
  std::string vkey =
      store::log::format_vkey(store::log::signer_vkey(store::log::parse_signer(pair.private_pem, options.name)));
  write_new_file(options.path, pair.private_pem, 0600);
  write_new_file(public_path, pair.public_pem, 0644);
  write_new_file(vkey_path, vkey + "\n", 0644);
  if (format == Format::json) {
    write_json(*context.out, {{"private_key", options.path},
                              {"public_key", public_path},
                              {"verifier_key_file", vkey_path},
                              {"verifier_key", vkey}});
    return ExitCode::ok;
  }
  *context.out << "private key:  " << visible(options.path) << " (keep it secret)\n"
               << "public key:   " << visible(public_path) << " (PEM, for format 1 JSON checkpoints)\n"
               << "verifier key: " << visible(vkey_path) << " (give it to whoever checks your checkpoints and proofs)\n"
               << vkey << "\n";
  return ExitCode::ok;
}

}  // namespace

void add_keygen_command(CLI::App& app, CommandTable& table) {
  auto options = std::make_shared<KeygenOptions>();
  CLI::App* sub =
      app.add_subcommand("keygen", "Write a new Ed25519 key pair for signing checkpoints, and print its verifier key");
  sub->add_option("path", options->path, "The private key file to create; the public key goes to PATH.pub")->required();
  sub->add_option("--name", options->name,
                  "The key's name in signed notes, ideally a URL-like name of the log (default: stet)");
  sub->add_option("--format", options->format, "Output format: text or json");
  table.push_back({sub, [options](Context& context) { return run_keygen(context, *options); }});
}

}  // namespace stet::cli
