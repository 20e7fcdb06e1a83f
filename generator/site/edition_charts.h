#pragma once
// The charts of one edition, each laid out once, when it is first needed: by its own files
// (SVG, CSV, pictures) or by a page that shows it. A chart whose files the previous build can
// keep and that no re-rendered page shows is never laid out at all.

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "charts/display_list.h"
#include "derive/reads.h"
#include "site/chart_builder.h"

namespace jv::site {

/// What a page needs of a laid-out chart besides its content and its SVG. The build record
/// keeps it, so that a page can show a kept chart without laying it out again.
struct ChartFrame {
  double width = 0, height = 0;           ///< CSS pixels of the SVG
  std::vector<charts::Hotspot> hotspots;  ///< from the layout, for links over the chart
};

/// A chart laid out: what its files and the pages showing it are made from.
struct RenderedChart {
  ChartContent content;
  std::shared_ptr<const charts::DisplayList> layout;  ///< for the PNG and PDF painters; null for a kept chart
  std::string svg;
  ChartFrame frame;
  derive::ReadSet reads;  ///< the figures it was made from
};

/// Read keys (derive/reads.h) of pages that show a chart: "chart/<its path without
/// extension>". Such a key stands for every figure the chart read (site/incremental.cc hashes it), so a
/// page showing hundreds of charts records hundreds of keys, not every figure behind them.
inline constexpr char kChartReadPrefix[] = "chart/";

class EditionCharts {
 public:
  /// `lay_out` turns one chart of `edition` into a RenderedChart (errors name the chart).
  EditionCharts(const model::Edition& edition, std::function<Result<RenderedChart>(const model::Chart&)> lay_out);

  bool Has(const std::string& id) const { return charts_.count(id) > 0; }
  std::vector<std::string> Ids() const;

  /// The chart `id` (which Has), laid out on first use. Adds the chart's read key to the reads
  /// recorded on the calling thread. Safe to call from several threads at once; different
  /// charts are laid out side by side.
  Result<const RenderedChart*> Get(const std::string& id) const;

  /// "2023/charts/<id>": where the chart's files go, without extension.
  std::string Path(const std::string& id) const;
  std::string ReadKey(const std::string& id) const;

 private:
  struct Entry {
    const model::Chart* chart;
    std::mutex mutex;  // guards laid_out; held while laying out
    std::unique_ptr<const RenderedChart> laid_out;
  };
  std::string folder_;
  std::map<std::string, std::unique_ptr<Entry>> charts_;  // fixed after construction
  std::function<Result<RenderedChart>(const model::Chart&)> lay_out_;
};

}  // namespace jv::site
