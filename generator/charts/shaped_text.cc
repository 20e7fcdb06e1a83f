#include "charts/shaped_text.h"

#include <cstring>
#include <unordered_map>

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
    line.left = FromPango(logical.x);
    line.width = FromPango(logical.width);
    line.baseline = FromPango(pango_layout_get_baseline(line.layout));
    return line;
  }

  void Clear() {
    for (auto& entry : lines_) g_object_unref(entry.second.layout);
    lines_.clear();
  }

  PangoContext* context_ = nullptr;
  std::unordered_map<std::string, ShapedLine> lines_;
};

}  // namespace

const ShapedLine& ShapeLine(const std::string& family, TextStyle style, const std::string& text) {
  thread_local LineCache cache;
  return cache.Get(family, style, text);
}

}  // namespace jv::charts
