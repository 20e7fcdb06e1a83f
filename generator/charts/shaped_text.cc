#include "charts/shaped_text.h"

#include <cstring>
#include <map>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "charts/pango_setup.h"

namespace jv::charts {
namespace {

double FromPango(int units) { return static_cast<double>(units) / PANGO_SCALE; }

class LineCache {
 public:
  LineCache() {
    // The default Cairo font map is per thread (Pango >= 1.32.6), as is this cache.
    context_ = pango_font_map_create_context(pango_cairo_font_map_get_default());
    ConfigurePangoContext(context_);
  }
  ~LineCache() {
    Clear();
    g_object_unref(context_);
  }
  LineCache(const LineCache&) = delete;
  LineCache& operator=(const LineCache&) = delete;

  const ShapedLine& Get(const std::string& family, TextStyle style, const std::string& text) {
    std::string key = Key(family, style, text);
    auto found = lines_.find(key);
    if (found != lines_.end()) return found->second;
    // A build's distinct labels number in the thousands; the bound only caps odd inputs.
    if (lines_.size() >= kMaxLines) Clear();
    return lines_.emplace(std::move(key), Shape(family, style, text)).first->second;
  }

 private:
  static constexpr size_t kMaxLines = 16384;

  static std::string Key(const std::string& family, TextStyle style, const std::string& text) {
    std::string key(sizeof style.size + 1, '\0');
    std::memcpy(&key[0], &style.size, sizeof style.size);
    key.back() = style.bold ? 'b' : 'r';
    return key.append(family).append(1, '\0').append(text);
  }

  ShapedLine Shape(const std::string& family, TextStyle style, const std::string& text) const {
    ShapedLine line;
    line.layout = pango_layout_new(context_);
    pango_layout_set_single_paragraph_mode(line.layout, TRUE);
    PangoFontDescription* desc = NewFontDescription(family, style);
    pango_layout_set_font_description(line.layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_text(line.layout, text.data(), static_cast<int>(text.size()));
    PangoRectangle logical;
    pango_layout_get_extents(line.layout, nullptr, &logical);
    line.width = FromPango(logical.width);
    line.baseline = FromPango(pango_layout_get_baseline(line.layout));
    return line;
  }

  void Clear() {
    for (auto& entry : lines_) g_object_unref(entry.second.layout);
    lines_.clear();
  }

  PangoContext* context_;
  std::unordered_map<std::string, ShapedLine> lines_;
};

// The fonts of one kind of target (a kind of surface at one transformation), loaded in a
// context made from a cairo_t drawing on it.
class TargetFonts {
 public:
  explicit TargetFonts(cairo_t* cr) : context_(pango_cairo_create_context(cr)) { ConfigurePangoContext(context_); }
  ~TargetFonts() {
    for (auto& entry : fonts_) g_object_unref(entry.first), g_object_unref(entry.second);
    g_object_unref(context_);
  }
  TargetFonts(const TargetFonts&) = delete;
  TargetFonts& operator=(const TargetFonts&) = delete;

  /// The target's font for what `font` (of the line cache's context) describes.
  PangoFont* For(PangoFont* font) {
    auto found = fonts_.find(font);
    if (found != fonts_.end()) return found->second;
    PangoFontDescription* desc = pango_font_describe_with_absolute_size(font);
    PangoFont* target = pango_context_load_font(context_, desc);
    pango_font_description_free(desc);
    if (target == nullptr) target = static_cast<PangoFont*>(g_object_ref(font));  // as measured, then
    // Held, so that no other font takes its address while it is a key here.
    return fonts_.emplace(static_cast<PangoFont*>(g_object_ref(font)), target).first->second;
  }

 private:
  PangoContext* context_;
  std::unordered_map<PangoFont*, PangoFont*> fonts_;
};

// What a context made from a cairo_t depends on: the kind of surface (its font options) and
// the transformation without translation.
using TargetKey = std::tuple<int, double, double, double, double>;

TargetFonts& FontsFor(cairo_t* cr) {
  cairo_matrix_t m;
  cairo_get_matrix(cr, &m);
  TargetKey key{static_cast<int>(cairo_surface_get_type(cairo_get_target(cr))), m.xx, m.yx, m.xy, m.yy};
  // Charts are drawn on a few kinds of target (PNG at 2×, PDF): a map this small is quick.
  thread_local std::map<TargetKey, std::unique_ptr<TargetFonts>> targets;
  std::unique_ptr<TargetFonts>& fonts = targets[key];
  if (fonts == nullptr) fonts = std::make_unique<TargetFonts>(cr);
  return *fonts;
}

}  // namespace

const ShapedLine& ShapeLine(const std::string& family, TextStyle style, const std::string& text) {
  thread_local LineCache cache;
  return cache.Get(family, style, text);
}

void ShowLine(cairo_t* cr, const ShapedLine& line, double x, double y) {
  TargetFonts& fonts = FontsFor(cr);
  const char* text = pango_layout_get_text(line.layout);
  PangoLayoutLine* first = pango_layout_get_line_readonly(line.layout, 0);
  if (first == nullptr) return;
  // As pango_renderer_draw_layout_line places the runs of a plain line: each at the end of the
  // one before, on the baseline.
  double run_x = x;
  for (GSList* it = first->runs; it != nullptr; it = it->next) {
    const auto* run = static_cast<const PangoGlyphItem*>(it->data);
    // A copy of the run's item (Pango keeps more than the public fields with it) in the
    // target's font.
    PangoItem* item = pango_item_copy(run->item);
    g_object_unref(item->analysis.font);
    item->analysis.font = static_cast<PangoFont*>(g_object_ref(fonts.For(run->item->analysis.font)));
    PangoGlyphItem drawn = *run;
    drawn.item = item;
    cairo_move_to(cr, run_x, y - FromPango(run->y_offset));
    pango_cairo_show_glyph_item(cr, text, &drawn);
    pango_item_free(item);
    run_x += FromPango(pango_glyph_string_get_width(run->glyphs));
  }
}

}  // namespace jv::charts
