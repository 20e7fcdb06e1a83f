#pragma once
// Fills a chart from the data model: the chart spec for the painters, the same figures as a
// table for the page, a CSV download and an alt text written from the data.

#include <string>
#include <vector>

#include "charts/chart.h"
#include "site/figure_text.h"

namespace jv::site {

/// The figures behind a chart, shown as an HTML table beside it.
struct FigureTable {
  std::string corner;                           ///< header of the label column
  std::vector<std::string> columns;             ///< one per series
  std::vector<std::vector<std::string>> rows;   ///< label, then one formatted cell per column
};

struct ChartContent {
  charts::ChartSpec spec;
  FigureTable table;
  std::string csv;  ///< machine-readable: decimal point, no grouping
  /// Charts by area: the area id of each category (empty for other charts).
  std::vector<std::string> category_areas;
};

/// Builds the content of `chart` from `figures`. Missing values become gaps.
ChartContent BuildChart(const model::Chart& chart, const derive::Figures& figures,
                        const FigureText& text);

}  // namespace jv::site
