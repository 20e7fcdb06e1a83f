#pragma once
// Resolves a figure reference from the narrative, `{{indicator [year] [area] [word]}}`, to the
// text that replaces it. Words: verschil/change, doel/target, complement, vorig/previous.

#include <string>

#include "base/status.h"
#include "site/figure_text.h"

namespace jv::site {

/// The text for `reference` in an edition of `year`; an error names `where` and suggests the
/// closest id or word for a typo.
Result<std::string> ResolveFigureReference(const std::string& reference, const Location& where,
                                           const derive::Figures& figures, const FigureText& text,
                                           int year);

}  // namespace jv::site
