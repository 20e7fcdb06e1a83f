#include "charts/text_measure.h"

#include <algorithm>
#include <cmath>

#include <map>
#include <tuple>
#include <utility>

#include "charts/pango_setup.h"
#include "charts/shaped_text.h"

namespace jv::charts {
namespace {

double FromPango(int units) { return static_cast<double>(units) / PANGO_SCALE; }

std::string TrimLine(std::string line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\n' || line.back() == '\r')) {
    line.pop_back();
  }
  return line;
}

// Loads the font Pango would use for `style` and returns its family, or "" when nothing loads.
std::string ResolvedFamily(PangoContext* context, const std::string& family, TextStyle style) {
  PangoFontDescription* desc = NewFontDescription(family, style);
  PangoFont* font = pango_context_load_font(context, desc);
  pango_font_description_free(desc);
  if (font == nullptr) return "";
  PangoFontDescription* described = pango_font_describe(font);
  const char* name = pango_font_description_get_family(described);
  std::string resolved = name != nullptr ? name : "";
  pango_font_description_free(described);
  g_object_unref(font);
  return resolved;
}

}  // namespace

void ConfigurePangoContext(PangoContext* context) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
}

PangoFontDescription* NewFontDescription(const std::string& family, TextStyle style) {
  PangoFontDescription* desc = pango_font_description_new();
  pango_font_description_set_family(desc, family.c_str());
  pango_font_description_set_weight(desc, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  // Absolute size: CSS pixels, independent of the context's DPI.
  pango_font_description_set_absolute_size(desc, style.size * PANGO_SCALE);
  return desc;
}

struct TextMeasurer::Impl {
  std::string family;
  PangoContext* context = nullptr;
  PangoLayout* layout = nullptr;
  // Charts repeat the same strings (years, area names, tick labels) at the same sizes, and a
  // Pango layout pass costs far more than a lookup.
  using Key = std::tuple<std::string, double, bool>;  // text, size, bold
  std::map<Key, TextExtents> measured;
  std::map<std::pair<Key, double>, std::vector<std::string>> wrapped;  // by max width
  std::map<Key, double> min_wrap_widths;

  ~Impl() {
    if (layout != nullptr) g_object_unref(layout);
    if (context != nullptr) g_object_unref(context);
  }

  // Prepares the shared layout for `text` in `style`; wrapping off unless max_width > 0.
  void Set(std::string_view text, TextStyle style, double max_width,
           PangoWrapMode wrap = PANGO_WRAP_WORD_CHAR) {
    PangoFontDescription* desc = NewFontDescription(family, style);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_single_paragraph_mode(layout, max_width <= 0);
    pango_layout_set_width(layout, max_width > 0 ? static_cast<int>(max_width * PANGO_SCALE) : -1);
    pango_layout_set_wrap(layout, wrap);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  }
};

TextMeasurer::TextMeasurer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TextMeasurer::TextMeasurer(TextMeasurer&&) noexcept = default;
TextMeasurer& TextMeasurer::operator=(TextMeasurer&&) noexcept = default;
TextMeasurer::~TextMeasurer() = default;

Result<TextMeasurer> TextMeasurer::Create(const std::string& family) {
  auto impl = std::make_unique<Impl>();
  // The default Cairo font map is per thread (Pango >= 1.32.6), so this is safe across threads.
  impl->context = pango_font_map_create_context(pango_cairo_font_map_get_default());
  ConfigurePangoContext(impl->context);
  for (bool bold : {false, true}) {
    std::string resolved = ResolvedFamily(impl->context, family, {13, bold});
    if (resolved.empty() || g_ascii_strcasecmp(resolved.c_str(), family.c_str()) != 0) {
      return Status::Error({}, "font family '" + family + "'" + (bold ? " (bold)" : "") +
                                   " is not installed; it resolves to '" + resolved +
                                   "'. Install it (e.g. the Debian package fonts-inter) or "
                                   "choose an installed family");
    }
    if (!bold) impl->family = resolved;
  }
  impl->layout = pango_layout_new(impl->context);
  return TextMeasurer(std::move(impl));
}

const std::string& TextMeasurer::family() const { return impl_->family; }

TextExtents TextMeasurer::Measure(std::string_view text, TextStyle style) const {
  auto key = std::make_tuple(std::string(text), style.size, style.bold);
  auto cached = impl_->measured.find(key);
  if (cached != impl_->measured.end()) return cached->second;
  // Set by this thread's cache of lines, where the painters on this thread then find it.
  const ShapedLine& line = ShapeLine(impl_->family, style, std::string(text));
  PangoRectangle ink, logical;
  pango_layout_get_extents(line.layout, &ink, &logical);
  double baseline = line.baseline;
  TextExtents e;
  e.width = FromPango(logical.width);
  e.ascent = baseline - FromPango(logical.y);
  e.descent = FromPango(logical.y + logical.height) - baseline;
  e.ink_left = FromPango(ink.x - logical.x);
  e.ink_right = FromPango(ink.x + ink.width - logical.x);
  e.ink_top = FromPango(ink.y) - baseline;
  e.ink_bottom = FromPango(ink.y + ink.height) - baseline;
  impl_->measured.emplace(std::move(key), e);
  return e;
}

std::vector<std::string> TextMeasurer::Wrap(std::string_view text, TextStyle style,
                                            double max_width) const {
  std::vector<std::string> lines;
  if (text.empty()) return lines;
  auto key = std::make_pair(std::make_tuple(std::string(text), style.size, style.bold), max_width);
  auto cached = impl_->wrapped.find(key);
  if (cached != impl_->wrapped.end()) return cached->second;
  impl_->Set(text, style, std::max(max_width, 1.0));
  for (GSList* it = pango_layout_get_lines_readonly(impl_->layout); it != nullptr;
       it = it->next) {
    auto* line = static_cast<PangoLayoutLine*>(it->data);
    std::string piece = TrimLine(std::string(text.substr(line->start_index, line->length)));
    // Blank lines (two newlines in a row) would only add vertical space; drop them.
    if (!piece.empty()) lines.push_back(std::move(piece));
  }
  if (lines.empty()) lines.emplace_back(text);
  impl_->wrapped.emplace(std::move(key), lines);
  return lines;
}

double TextMeasurer::MinWrapWidth(std::string_view text, TextStyle style) const {
  if (text.empty()) return 0;
  auto key = std::make_tuple(std::string(text), style.size, style.bold);
  auto cached = impl_->min_wrap_widths.find(key);
  if (cached != impl_->min_wrap_widths.end()) return cached->second;
  // With word wrapping only and a tiny width, every line is one unbreakable piece.
  impl_->Set(text, style, 1, PANGO_WRAP_WORD);
  double widest = 0;
  for (GSList* it = pango_layout_get_lines_readonly(impl_->layout); it != nullptr;
       it = it->next) {
    PangoRectangle logical;
    pango_layout_line_get_extents(static_cast<PangoLayoutLine*>(it->data), nullptr, &logical);
    widest = std::max(widest, FromPango(logical.width));
  }
  impl_->min_wrap_widths.emplace(std::move(key), widest);
  return widest;
}

double TextMeasurer::LineAdvance(TextStyle style) const {
  TextExtents e = Measure("Hg", style);
  // 1.25 em is a comfortable leading for labels; never less than the logical height.
  return std::max(style.size * 1.25, std::ceil((e.ascent + e.descent) * 100) / 100);
}

}  // namespace jv::charts
