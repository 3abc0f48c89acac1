#pragma once
// End matter: the lines that legitimately close a document without a
// sentence (a letter's closing, a footer, a form field) and the labels whose
// content is missing when they come last ("Source", "Read more").

#include <string_view>

namespace stet::analysis {

// A letter's closing formula alone on its line ("Regards,", "Thank you,",
// "Mit freundlichen Grüßen", "Cordialement", "С уважением", ...).
[[nodiscard]] bool is_closing_formula(std::string_view line);

// A sign-off or footer line: "-- Name <mail> date", copyright, "All rights
// reserved", "Last updated ...", a line ending with a year or date, a
// "— END ... —" marker, a line wholly in parentheses.
[[nodiscard]] bool is_footer_line(std::string_view line);

// A form field waiting to be filled: "Date:", "Signature: ______",
// "Datum ..........." (at most four words before blanks; before a bare
// colon, at most three words starting with a field name such as date,
// signature, name, place, title, in the eight languages).
[[nodiscard]] bool is_form_field(std::string_view line);

// An attribution or navigation label whose target is missing: "Source",
// "Source:", "Read more", "Continued on", "Quelle", "Lire la suite", ...
[[nodiscard]] bool is_dangling_label(std::string_view line);

}  // namespace stet::analysis
