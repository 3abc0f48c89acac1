#pragma once
// stet verify's re-derivation of text forms: each recorded text form is
// extracted again from its version's bytes and compared with its SHA-256.

#include "store/audit.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace stet::cli {

// Adds a finding to `report` for every text form of the documents `docs`
// (empty: all) that the current extractor no longer derives from the
// version's bytes, and a not-proven line when some text forms were written
// by another extractor version (their hash is checked by the audit only).
// Does nothing when the store cannot be opened (the audit has said why).
void add_text_form_findings(const std::filesystem::path& store, const std::vector<std::string>& docs,
                            store::AuditReport& report);

}  // namespace stet::cli
