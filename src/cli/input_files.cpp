#include "cli/input_files.hpp"

#include "analysis/text_form.hpp"
#include "store/document_id.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <sstream>

namespace stet::cli {

namespace fs = std::filesystem;

namespace {

bool is_separator(std::string_view line) {
  std::size_t equals = 0;
  for (char c : line) {
    if (c == '=') {
      ++equals;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      return false;
    }
  }
  return equals >= 5;
}

std::string too_large(const std::string& name) {
  return name + ": is larger than " + std::to_string(k_max_input_bytes >> 20) +
         " MiB, the largest document stet records";
}

bool only_space(std::string_view text) { return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

std::string read_path(const std::string& path, const Environment& env) {
  if (path == "-") {
    // Read in chunks so an endless or huge stream stops at the limit
    // instead of exhausting memory.
    std::string content;
    char chunk[1 << 16];
    while (env.in->read(chunk, sizeof chunk) || env.in->gcount() > 0) {
      content.append(chunk, static_cast<std::size_t>(env.in->gcount()));
      if (content.size() > k_max_input_bytes) {
        throw UsageError(too_large("standard input"));
      }
    }
    return content;
  }
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (!fs::exists(status)) {
    throw UsageError(path + ": no such file");
  }
  if (fs::is_directory(status)) {
    throw UsageError(path + ": is a folder, not a file");
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw UsageError(path + ": cannot be read (" + std::strerror(errno) + ")");
  }
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) &&
      static_cast<std::uint64_t>(info.st_size) > k_max_input_bytes) {
    ::close(fd);
    throw UsageError(too_large(path));
  }
  std::string content;
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      int saved = errno;
      ::close(fd);
      throw UsageError(path + ": cannot be read (" + std::strerror(saved) + ")");
    }
    if (n == 0) {
      break;
    }
    content.append(buffer, static_cast<std::size_t>(n));
    if (content.size() > k_max_input_bytes) {  // a device or a file still growing
      ::close(fd);
      throw UsageError(too_large(path));
    }
  }
  ::close(fd);
  return content;
}

std::string stem_id(const std::string& path) {
  if (path == "-") {
    return "stdin";
  }
  return store::document_id_from_stem(fs::path(path).stem().string()).value_or("");
}

}  // namespace

std::vector<std::string> split_parts(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    std::size_t next = end == std::string::npos ? text.size() : end + 1;
    std::string_view line(text.data() + pos, (end == std::string::npos ? text.size() : end) - pos);
    if (is_separator(line)) {
      parts.push_back(std::move(current));
      current.clear();
    } else {
      current.append(text, pos, next - pos);
    }
    pos = next;
  }
  parts.push_back(std::move(current));
  std::erase_if(parts, [](const std::string& part) { return only_space(part); });
  return parts;
}

std::vector<InputDocument> read_input(const std::string& path, bool split, const Environment& env,
                                      capture::TextMode mode) {
  std::string content = read_path(path, env);
  std::string name = path == "-" ? "standard input" : path;
  if (content.empty()) {
    throw UsageError(name + ": is empty (0 bytes); an empty capture is not recorded");
  }
  CapturedText captured = capture_text(name, content, "", mode);
  // A recorded text must be whole UTF-8 (a cut sequence is fine for check,
  // not for the record's normalized form).
  if (auto problem = analysis::text_problem(captured.text)) {
    throw UsageError(name + ": " + *problem);
  }
  std::string stem = stem_id(path);
  std::vector<InputDocument> inputs;
  if (!split) {
    inputs.push_back({name, stem, std::move(content), std::move(captured), std::nullopt});
    return inputs;
  }
  if (captured.capture.has_text_form) {
    throw UsageError(name + ": is " + captured.capture.media.description +
                     " with a derived text form; --split cuts only plain UTF-8 text");
  }
  auto parts = split_parts(content);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    std::string suffix = "-" + std::to_string(i + 1);
    std::string part_stem =
        stem.empty() ? "" : stem.substr(0, store::k_max_document_id_length - suffix.size()) + suffix;
    CapturedText part{captured.capture, parts[i]};
    inputs.push_back(
        {name + "#" + std::to_string(i + 1), part_stem, std::move(parts[i]), std::move(part), std::nullopt});
  }
  return inputs;
}

std::vector<InputDocument> read_inputs(const std::vector<std::string>& paths, bool split, const Environment& env,
                                       capture::TextMode mode) {
  std::vector<InputDocument> inputs;
  std::vector<std::string> problems;
  for (const std::string& path : paths) {
    try {
      for (InputDocument& input : read_input(path, split, env, mode)) {
        inputs.push_back(std::move(input));
      }
    } catch (const UsageError& e) {
      problems.emplace_back(e.what());
    }
  }
  if (problems.size() == 1) {
    throw UsageError(problems.front());
  }
  if (!problems.empty()) {
    std::string all =
        std::to_string(problems.size()) + " of " + std::to_string(paths.size()) + " inputs are bad, nothing recorded: ";
    for (std::size_t i = 0; i < problems.size(); ++i) {
      all += (i == 0 ? "" : "; ") + problems[i];
    }
    throw UsageError(all);
  }
  return inputs;
}

}  // namespace stet::cli
