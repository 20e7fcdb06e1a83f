#include "site/edition_charts.h"

namespace jv::site {

EditionCharts::EditionCharts(const model::Edition& edition,
                             std::function<Result<RenderedChart>(const model::Chart&)> lay_out)
    : folder_(edition.year_folder), lay_out_(std::move(lay_out)) {
  for (const model::Chart& chart : edition.charts) charts_[chart.id] = &chart;
}

std::string EditionCharts::Path(const std::string& id) const { return folder_ + "/charts/" + id; }

std::string EditionCharts::ReadKey(const std::string& id) const { return kChartReadPrefix + Path(id); }

std::vector<std::string> EditionCharts::Ids() const {
  std::vector<std::string> ids;
  for (const auto& [id, chart] : charts_) ids.push_back(id);
  return ids;
}

Result<const RenderedChart*> EditionCharts::Get(const std::string& id) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto done = laid_out_.find(id);
  if (done == laid_out_.end()) {
    derive::ReadSet reads;
    Result<RenderedChart> chart = RenderedChart();
    {
      derive::RecordReads recording(&reads);  // the chart's own reads, not the caller's
      chart = lay_out_(*charts_.at(id));
    }
    if (!chart.ok()) return chart.status();
    chart->reads = std::move(reads);
    done = laid_out_.emplace(id, std::make_unique<const RenderedChart>(std::move(*chart))).first;
  }
  derive::NoteRead(ReadKey(id));
  return done->second.get();
}

}  // namespace jv::site
