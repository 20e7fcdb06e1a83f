#include "serve/live_reload.h"

#include <algorithm>
#include <cctype>

#include "base/text.h"

namespace jv::serve {

const char kEventsPath[] = "/__jaarverslag/events";

namespace {

// Closes the EventSource while the tab is hidden: browsers allow only six connections per
// host over HTTP/1.1, and every open tab would otherwise hold one. A tab that becomes visible
// again reconnects and gets the current state at once, so it still reloads if needed.
const char kScript[] = R"JS(
(function () {
  var build = BUILD_TOKEN, source = null;
  function showOverlay(html) {
    var old = document.getElementById('jv-live-overlay');
    if (old) old.parentNode.removeChild(old);
    if (html) document.body.insertAdjacentHTML('beforeend', html);
  }
  function connect() {
    if (source || !window.EventSource) return;
    source = new EventSource('EVENTS_PATH');
    source.addEventListener('state', function (event) {
      var state = JSON.parse(event.data);
      if (state.build !== build) location.reload();
      else showOverlay(state.overlay);
    });
  }
  document.addEventListener('click', function (event) {
    if (event.target && event.target.id === 'jv-live-overlay-close') showOverlay('');
  });
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) connect();
    else if (source) { source.close(); source = null; }
  });
  connect();
})();
)JS";

void ReplaceAll(std::string* text, const std::string& from, const std::string& to) {
  for (size_t at = text->find(from); at != std::string::npos; at = text->find(from, at + to.size())) {
    text->replace(at, from.size(), to);
  }
}

std::string Script(const std::string& build_token) {
  std::string script = kScript;
  ReplaceAll(&script, "BUILD_TOKEN", JsonString(build_token));
  ReplaceAll(&script, "EVENTS_PATH", kEventsPath);
  return "<script id=\"jv-live-reload\">" + script + "</script>\n";
}

// The position of the last "</body" in any letter case, or npos.
size_t FindBodyEnd(const std::string& html) {
  static const std::string kTag = "</body";
  if (html.size() < kTag.size()) return std::string::npos;
  for (size_t at = html.size() - kTag.size() + 1; at-- > 0;) {
    bool match = true;
    for (size_t i = 0; i < kTag.size() && match; ++i) {
      match = std::tolower(static_cast<unsigned char>(html[at + i])) == kTag[i];
    }
    if (match) return at;
  }
  return std::string::npos;
}

std::string Lookup(const std::map<std::string, std::string>& texts, const std::string& key, std::string fallback) {
  auto found = texts.find(key);
  return found == texts.end() ? fallback : found->second;
}

}  // namespace

OverlayTexts OverlayTexts::FromTranslations(const std::map<std::string, std::string>& texts) {
  OverlayTexts t;
  t.heading = Lookup(texts, "serve_build_failed", "The build failed");
  t.explanation = Lookup(texts, "serve_build_failed_explanation",
                         "You are seeing the last site that built. Fix the problems below and save: "
                         "the page reloads by itself.");
  t.error = Lookup(texts, "serve_error", "error");
  t.warning = Lookup(texts, "serve_warning", "warning");
  t.close = Lookup(texts, "serve_close", "Close");
  return t;
}

std::string RenderOverlay(const std::vector<Diagnostic>& diagnostics, const OverlayTexts& texts) {
  if (diagnostics.empty()) return "";
  std::string html =
      "<section id=\"jv-live-overlay\" role=\"alert\" aria-labelledby=\"jv-live-overlay-title\" "
      "style=\"position:fixed;left:0;right:0;bottom:0;z-index:2147483647;max-height:60vh;overflow:auto;"
      "box-sizing:border-box;margin:0;padding:1rem 1.25rem;background:#fff;color:#1a1a1a;"
      "border-top:6px solid #b00020;box-shadow:0 -4px 16px rgba(0,0,0,.35);font:16px/1.5 system-ui,sans-serif;"
      "text-align:left\">\n"
      "<h2 id=\"jv-live-overlay-title\" style=\"margin:0 0 .25rem;font-size:1.25rem;color:#b00020\">" +
      EscapeHtml(texts.heading) + "</h2>\n<p style=\"margin:0 0 .5rem\">" + EscapeHtml(texts.explanation) +
      "</p>\n<ol style=\"margin:0 0 .75rem;padding-left:1.5rem\">\n";
  for (const Diagnostic& d : diagnostics) {
    bool error = d.severity == Diagnostic::Severity::kError;
    std::string where = d.where.ToString();
    html += "<li data-severity=\"" + std::string(error ? "error" : "warning") + "\">";
    if (!where.empty()) html += "<code style=\"font-weight:700;word-break:break-all\">" + EscapeHtml(where) + "</code> ";
    html += "<strong>" + EscapeHtml(error ? texts.error : texts.warning) + ":</strong> " + EscapeHtml(d.message) +
            "</li>\n";
  }
  html +=
      "</ol>\n<button type=\"button\" id=\"jv-live-overlay-close\" style=\"font:inherit;padding:.25rem .75rem;"
      "border:2px solid #1a1a1a;border-radius:4px;background:#fff;color:#1a1a1a;cursor:pointer\">" +
      EscapeHtml(texts.close) + "</button>\n</section>\n";
  return html;
}

std::string InjectLiveReload(const std::string& html, const std::string& build_token, const std::string& overlay) {
  std::string addition = overlay + Script(build_token);
  size_t at = FindBodyEnd(html);
  if (at == std::string::npos) return html + addition;
  std::string out;
  out.reserve(html.size() + addition.size());
  out.append(html, 0, at).append(addition).append(html, at, std::string::npos);
  return out;
}

std::string StateEvent(const std::string& build_token, const std::string& overlay) {
  // JsonString keeps everything on one line (newlines become \n), as an SSE data line must be.
  return "event: state\ndata: {\"build\":" + JsonString(build_token) + ",\"overlay\":" + JsonString(overlay) +
         "}\n\n";
}

}  // namespace jv::serve
