#pragma once
// Colours of the chart stage. The series palette is based on Okabe & Ito's colour-blind safe
// palette, darkened where needed so every fill reaches 3:1 against white (WCAG 1.4.11, graphical
// objects) and every text variant reaches 4.5:1 (WCAG 1.4.3, normal text).

#include <cstddef>

#include "charts/display_list.h"

namespace jv::charts {

/// Number of distinct series colours before the palette repeats.
constexpr size_t kPaletteSize = 8;

/// Fill colour of series (or donut slice) `index`; repeats after kPaletteSize.
Color SeriesColor(size_t index);

/// A darker variant of SeriesColor(index) for text drawn in the series colour.
Color SeriesTextColor(size_t index);

/// Fixed interface colours. Text colours reach at least 4.5:1 against white.
namespace ui {
constexpr Color kBackground{255, 255, 255};
constexpr Color kTitle{26, 26, 26};        ///< #1a1a1a
constexpr Color kText{51, 51, 51};         ///< #333333, labels and value labels
constexpr Color kSubtleText{89, 89, 89};   ///< #595959, subtitles and axis ticks (7:1)
constexpr Color kGrid{224, 224, 224};      ///< #e0e0e0, decorative grid lines
constexpr Color kBaseline{51, 51, 51};     ///< #333333, the zero line
constexpr Color kTarget{26, 26, 26};       ///< #1a1a1a, the dashed target line
/// #e4ecf3, the target band behind the marks: light enough that grid lines, bars and black
/// text on it keep their contrast (decorative; its label carries the meaning).
constexpr Color kBand{228, 236, 243};
}  // namespace ui

/// WCAG 2.1 relative luminance, 0 (black) to 1 (white).
double RelativeLuminance(Color c);

/// WCAG 2.1 contrast ratio between two colours, 1 to 21.
double ContrastRatio(Color a, Color b);

/// The colour for text drawn on `fill`: white or ui::kTitle, whichever contrasts more (at least
/// 4.5:1 for every palette fill, checked by the palette tests).
Color TextColorOn(Color fill);

}  // namespace jv::charts
