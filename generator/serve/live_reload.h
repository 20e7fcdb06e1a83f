#pragma once
// What the preview server adds to the pages it serves (never to the files on disk): a small
// script that listens for finished builds and reloads the page, and, while the latest build
// failed, an overlay listing the errors. Pure functions over strings, so they are testable
// without a server.
//
// Protocol: every served page carries the token of the build it came from. The script opens
// an EventSource on kEventsPath; the server sends a "state" event at once and after every
// build: {"build": token of the site being served, "overlay": HTML or ""}. A token that
// differs from the page's means a newer site: the page reloads. Otherwise the overlay is
// replaced by the one sent (removed when ""), so a failed build shows its errors without a
// reload and the previous site stays readable underneath.

#include <map>
#include <string>
#include <vector>

#include "base/status.h"

namespace jv::serve {

/// The Server-Sent Events endpoint the script listens on.
extern const char kEventsPath[];

/// The overlay's fixed texts, in the site's language.
struct OverlayTexts {
  std::string heading;      ///< "Bouwen mislukt"
  std::string explanation;  ///< that the last good site is shown and reloads by itself
  std::string error;        ///< label of an error
  std::string warning;      ///< label of a warning
  std::string close;        ///< the button that hides the overlay

  /// From the keys serve_* of a translation table (templates/i18n/<locale>.json). Keys that
  /// are missing keep the built-in English text, so a broken table can still be reported.
  static OverlayTexts FromTranslations(const std::map<std::string, std::string>& texts);
};

/// The overlay listing `diagnostics` (file:line:col, severity, message), everything
/// HTML-escaped; "" when there are none. Styled inline so that no site style sheet is needed.
std::string RenderOverlay(const std::vector<Diagnostic>& diagnostics, const OverlayTexts& texts);

/// `html` with `overlay` and the live-reload script for `build_token` inserted before the
/// last </body> (appended when there is none).
std::string InjectLiveReload(const std::string& html, const std::string& build_token, const std::string& overlay);

/// One Server-Sent Events message "state" carrying the token and the overlay.
std::string StateEvent(const std::string& build_token, const std::string& overlay);

}  // namespace jv::serve
