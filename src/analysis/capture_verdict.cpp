#include "analysis/capture_verdict.hpp"

#include "text/tokens.hpp"

#include <array>
#include <cctype>

namespace stet::analysis {

namespace {

struct Pattern {
  std::string_view phrase;  // lowercase (ASCII folding only; other scripts as written)
  const char* kind;
};

// Phrases of error, challenge, consent and login pages, in the languages of
// the corpora's sites. A title or the first lines must contain one.
constexpr std::array<Pattern, 71> k_patterns{{
    {"404", "an error page"},
    {"error response", "an error page"},
    {"not found", "an error page"},
    {"page not found", "an error page"},
    {"page cannot be found", "an error page"},
    {"no longer available", "an error page"},
    {"internal server error", "an error page"},
    {"service unavailable", "an error page"},
    {"bad gateway", "an error page"},
    {"gateway timeout", "an error page"},
    {"server error", "an error page"},
    {"an error occurred", "an error page"},
    {"error 50", "an error page"},
    {"temporarily unavailable", "an error page"},
    {"too many requests", "an error page"},
    {"could not be found", "an error page"},
    {"down for maintenance", "an error page"},
    {"under maintenance", "an error page"},
    {"seite nicht gefunden", "an error page"},
    {"nicht gefunden", "an error page"},
    {"page introuvable", "an error page"},
    {"page non trouv", "an error page"},
    {"gina no encontrada", "an error page"},
    {"gina non trovata", "an error page"},
    {"gina não encontrada", "an error page"},
    {"gina nao encontrada", "an error page"},
    {"pagina niet gevonden", "an error page"},
    {"sidan hittades inte", "an error page"},
    {"страница не найдена", "an error page"},
    {"ошибка 404", "an error page"},
    {"页面不存在", "an error page"},
    {"找不到页面", "an error page"},
    {"ページが見つかりません", "an error page"},
    {"access denied", "an access-denied page"},
    {"forbidden", "an access-denied page"},
    {"you don't have permission", "an access-denied page"},
    {"zugriff verweigert", "an access-denied page"},
    {"accès refusé", "an access-denied page"},
    {"acceso denegado", "an access-denied page"},
    {"доступ запрещен", "an access-denied page"},
    {"just a moment", "a bot challenge"},
    {"request blocked", "a bot challenge"},
    {"request unsuccessful", "a bot challenge"},
    {"pardon our interruption", "a bot challenge"},
    {"access to this page has been denied", "a bot challenge"},
    {"one more step", "a bot challenge"},
    {"unusual traffic", "a bot challenge"},
    {"robot check", "a bot challenge"},
    {"attention required", "a bot challenge"},
    {"checking your browser", "a bot challenge"},
    {"verify you are human", "a bot challenge"},
    {"are you a robot", "a bot challenge"},
    {"captcha", "a bot challenge"},
    {"ddos protection", "a bot challenge"},
    {"please enable javascript and cookies", "a bot challenge"},
    {"enable javascript and cookies to continue", "a bot challenge"},
    {"before you continue", "a consent wall"},
    {"we value your privacy", "a consent wall"},
    {"cookie consent", "a consent wall"},
    {"your privacy choices", "a consent wall"},
    {"bevor sie fortfahren", "a consent wall"},
    {"avant de continuer", "a consent wall"},
    {"sign in to continue", "a login page"},
    {"log in to continue", "a login page"},
    {"please log in", "a login page"},
    {"please sign in", "a login page"},
    {"login required", "a login page"},
    {"anmelden", "a login page"},
    {"iniciar sesión", "a login page"},
    {"se connecter", "a login page"},
    {"subscribe to continue reading", "a login page"},
}};

// Pages this short with a matching title are not articles about errors.
constexpr std::size_t k_title_words = 400;
// Phrases found only in the text (no title) need an even shorter page.
constexpr std::size_t k_text_words = 150;

// ASCII and Cyrillic capitals folded to lowercase (enough for the phrases).
std::string fold(std::string_view text) {
  std::string out(text.substr(0, 4096));
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      out[i] = static_cast<char>(std::tolower(c));
    } else if (c == 0xD0 && i + 1 < out.size()) {
      auto n = static_cast<unsigned char>(out[i + 1]);
      if (n >= 0x90 && n <= 0x9F) {
        out[i + 1] = static_cast<char>(n + 0x20);  // А-П -> а-п
      } else if (n >= 0xA0 && n <= 0xAF) {
        out[i] = static_cast<char>(0xD1);  // Р-Я -> р-я
        out[i + 1] = static_cast<char>(n - 0x20);
      }
      ++i;
    }
  }
  return out;
}

// In a text without the title, only phrases of several words count: a
// lone "404" or "forbidden" in a page's first lines is too common.
const Pattern* find_pattern(std::string_view folded, bool phrases_only = false) {
  for (const Pattern& p : k_patterns) {
    if (phrases_only && p.phrase.find(' ') == std::string_view::npos) {
      continue;
    }
    if (folded.find(p.phrase) != std::string_view::npos) {
      // "404" must stand alone, not be part of a longer number.
      if (p.phrase == "404") {
        std::size_t at = folded.find("404");
        bool alone = (at == 0 || !std::isdigit(static_cast<unsigned char>(folded[at - 1]))) &&
                     (at + 3 >= folded.size() || !std::isdigit(static_cast<unsigned char>(folded[at + 3])));
        if (!alone) {
          continue;
        }
      }
      return &p;
    }
  }
  return nullptr;
}

std::string quoted(std::string_view text) {
  std::string s(text.substr(0, 60));
  return "'" + s + (text.size() > 60 ? "...'" : "'");
}

}  // namespace

std::optional<std::string> capture_error(const CaptureFacts& facts) {
  if (facts.http_status && *facts.http_status >= 400) {
    return "HTTP " + std::to_string(*facts.http_status);
  }
  std::size_t words = text::word_count(facts.text);
  if (words <= k_title_words) {
    if (const Pattern* p = find_pattern(fold(facts.title))) {
      return std::string(p->kind) + " (" + quoted(facts.title) + ")";
    }
  }
  if (words <= k_text_words) {
    std::string head = fold(facts.text.substr(0, 600));
    if (const Pattern* p = find_pattern(head, true)) {
      return std::string(p->kind) + " (the text says '" + std::string(p->phrase) + "')";
    }
  }
  return std::nullopt;
}

}  // namespace stet::analysis
