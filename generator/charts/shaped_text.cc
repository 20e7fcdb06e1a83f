#include "charts/shaped_text.h"

#include <cstring>
#include <memory>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "charts/pango_setup.h"

namespace jv::charts {
namespace {

double FromPango(int units) { return static_cast<double>(units) / PANGO_SCALE; }

// The lines set in one Pango context, made for one kind of surface at one transformation.
class TargetLines {
 public:
  explicit TargetLines(cairo_t* cr) : context_(pango_cairo_create_context(cr)) { ConfigurePangoContext(context_); }
  ~TargetLines() {
    Clear();
    g_object_unref(context_);
  }
  TargetLines(const TargetLines&) = delete;
  TargetLines& operator=(const TargetLines&) = delete;

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
    line.left = FromPango(logical.x);
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

// What a context made from a cairo_t depends on: the kind of surface (its font options) and
// the transformation without translation.
using TargetKey = std::tuple<int, double, double, double, double>;

TargetKey KeyOf(cairo_t* cr) {
  cairo_matrix_t m;
  cairo_get_matrix(cr, &m);
  return {static_cast<int>(cairo_surface_get_type(cairo_get_target(cr))), m.xx, m.yx, m.xy, m.yy};
}

}  // namespace

const ShapedLine& ShapeLine(cairo_t* cr, const std::string& family, TextStyle style, const std::string& text) {
  // Per thread, as the default Cairo font map is (Pango >= 1.32.6). Charts are drawn on a few
  // kinds of target (PNG at 2×, PDF), so a plain list is the quickest lookup.
  thread_local std::vector<std::pair<TargetKey, std::unique_ptr<TargetLines>>> targets;
  TargetKey key = KeyOf(cr);
  for (auto& target : targets) {
    if (target.first == key) return target.second->Get(family, style, text);
  }
  targets.emplace_back(key, std::make_unique<TargetLines>(cr));
  return targets.back().second->Get(family, style, text);
}

}  // namespace jv::charts
