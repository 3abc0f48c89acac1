#pragma once
// (private) Incremental SHA-1, only for the checksum that ends a git pack.
// Implemented in digest.cpp, the one file that includes OpenSSL.

#include <array>
#include <memory>
#include <string_view>

namespace stet::store {

class Sha1 {
 public:
  Sha1();
  ~Sha1();
  Sha1(const Sha1&) = delete;
  Sha1& operator=(const Sha1&) = delete;

  void update(std::string_view chunk);
  [[nodiscard]] std::array<unsigned char, 20> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace stet::store
