#pragma once
// Tampering with a real store the way an intruder or a failing disk would:
// plain git commands and byte edits on object files (fault-injection tests).

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace stet::test {

// Runs `git -C store args...`; throws when git fails. Returns stdout.
std::string git(const std::filesystem::path& store, const std::vector<std::string>& args);

// The path (in HEAD's tree) of the first file below `doc`'s folder whose
// name is `file` ("content", or ".json" for the first record).
std::string path_of(const std::filesystem::path& store, const std::string& doc, const std::string& file);

// The loose object file of `id`.
std::filesystem::path loose_file(const std::filesystem::path& store, const std::string& id);

// Flips one byte of `file` at `offset` (negative: from the end).
void flip_byte(const std::filesystem::path& file, long offset);

// Commits on the branch a tree that is HEAD's with `path` set to `content`
// (or removed when `remove`), like a plain-git user would.
void commit_change(const std::filesystem::path& store, const std::string& path, const std::string& content,
                   bool remove = false);

}  // namespace stet::test
