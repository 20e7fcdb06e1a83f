#include "site/edition_charts.h"

namespace jv::site {

EditionCharts::EditionCharts(const model::Edition& edition,
                             std::function<Result<RenderedChart>(const model::Chart&)> lay_out)
    : folder_(edition.year_folder), lay_out_(std::move(lay_out)) {
  for (const model::Chart& chart : edition.charts) {
    charts_[chart.id] = std::make_unique<Entry>();
    charts_[chart.id]->chart = &chart;
  }
}

std::string EditionCharts::Path(const std::string& id) const { return folder_ + "/charts/" + id; }

std::string EditionCharts::ReadKey(const std::string& id) const { return kChartReadPrefix + Path(id); }

std::vector<std::string> EditionCharts::Ids() const {
  std::vector<std::string> ids;
  for (const auto& [id, chart] : charts_) ids.push_back(id);
  return ids;
}

Result<const RenderedChart*> EditionCharts::Get(const std::string& id) const {
  Entry& entry = *charts_.at(id);
  std::lock_guard<std::mutex> lock(entry.mutex);
  if (!entry.laid_out) {
    derive::ReadSet reads;
    Result<RenderedChart> chart = RenderedChart();
    {
      derive::RecordReads recording(&reads);  // the chart's own reads, not the caller's
      chart = lay_out_(*entry.chart);
    }
    if (!chart.ok()) return chart.status();
    chart->reads = std::move(reads);
    entry.laid_out = std::make_unique<const RenderedChart>(std::move(*chart));
  }
  derive::NoteRead(ReadKey(id));
  return entry.laid_out.get();
}

}  // namespace jv::site
