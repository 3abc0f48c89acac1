#pragma once
// Errors raised by the store library. A missing document or version is not an
// error (functions return std::optional); these are real failures.

#include <stdexcept>
#include <string>

namespace stet::store {

// Base of every failure the store reports: I/O, a corrupt repository, a
// refused input. The message is one line meant for the user.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& what) : std::runtime_error(what) {}
};

// The path exists but is not a stet store (a file, an empty or foreign git
// repository, an unknown format version).
class NotAStoreError : public Error {
 public:
  explicit NotAStoreError(const std::string& what) : Error(what) {}
};

// The input cannot be stored as asked (an invalid document id, a malformed
// field). Nothing was written.
class InvalidInputError : public Error {
 public:
  explicit InvalidInputError(const std::string& what) : Error(what) {}
};

// A version's stored bytes no longer hash to the SHA-256 its record names:
// the store was altered outside stet or its disk failed. Nothing built on
// those bytes may be shown; `stet verify` reports the damage in full.
class CorruptContentError : public Error {
 public:
  explicit CorruptContentError(const std::string& what) : Error(what) {}
};

}  // namespace stet::store
