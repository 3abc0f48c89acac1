#pragma once
// Text and JSON rendering of an audit report for `stet verify`.

#include "store/audit.hpp"

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>

namespace stet::cli {

// The one-line summary that ends the text report.
[[nodiscard]] std::string audit_summary(const store::AuditReport& report);

void write_audit_text(std::ostream& out, const store::AuditReport& report);

[[nodiscard]] nlohmann::json audit_json(const store::AuditReport& report);

}  // namespace stet::cli
