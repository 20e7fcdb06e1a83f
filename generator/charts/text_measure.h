#pragma once
// Text measurement for chart layout, with Pango. The painters draw with the same font and the
// same font options (no hinting, unrounded glyph positions), so what the layout measured is
// what PNG and PDF show, at any scale.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace jv::charts {

struct TextStyle {
  double size = 13;  ///< CSS pixels (Pango absolute size)
  bool bold = false;
};

/// Measurements of one line of text in CSS pixels. Vertical values are relative to the
/// baseline (positive = above for ascent, below for descent); ink values are relative to the
/// left end of the baseline, y growing downwards.
struct TextExtents {
  double width = 0;    ///< logical advance width, what text-anchor aligns
  double ascent = 0;   ///< baseline to the top of the logical box (font ascent)
  double descent = 0;  ///< baseline to the bottom of the logical box (font descent)
  double ink_left = 0, ink_top = 0, ink_right = 0, ink_bottom = 0;
};

/// Measures and wraps text in one font family. Not thread-safe; create one per thread.
class TextMeasurer {
 public:
  /// Error unless `family` resolves, in regular and bold, to a font of exactly that family
  /// (case-insensitive). Pango would otherwise fall back silently to another font and the
  /// charts would be measured and drawn in a font the web pages do not use.
  static Result<TextMeasurer> Create(const std::string& family);

  TextMeasurer(TextMeasurer&&) noexcept;
  TextMeasurer& operator=(TextMeasurer&&) noexcept;
  ~TextMeasurer();

  /// The resolved family name as fontconfig spells it.
  const std::string& family() const;

  /// Extents of `text` set on one line (newlines are not interpreted).
  TextExtents Measure(std::string_view text, TextStyle style) const;

  /// Splits `text` into lines no wider than `max_width`: at spaces and hyphens where possible,
  /// inside a word only when the word alone is wider. Explicit newlines start a new line.
  /// Never returns an empty vector for non-empty text; returns {} for empty text.
  std::vector<std::string> Wrap(std::string_view text, TextStyle style, double max_width) const;

  /// The widest piece of `text` that Wrap cannot break without breaking inside a word: the
  /// narrowest wrap width that keeps every word whole.
  double MinWrapWidth(std::string_view text, TextStyle style) const;

  /// Distance between baselines of wrapped lines; at least the logical line height, so that
  /// the measured boxes of consecutive lines never overlap.
  double LineAdvance(TextStyle style) const;

 private:
  struct Impl;
  explicit TextMeasurer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// One measurer per font family and thread, kept for the life of the thread (see layout.cc).
Result<const TextMeasurer*> SharedMeasurer(const std::string& family);

}  // namespace jv::charts
