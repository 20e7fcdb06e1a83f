#include "validate/validate.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "base/text.h"

namespace jv::validate {
namespace {

using model::Project;

// A number as typed in the data: 127, 6.1 (messages quote the input, not the Dutch display).
std::string Plain(double number) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", number);
  return buffer;
}

class Checker {
 public:
  explicit Checker(const Project& project) : project_(project) {
    for (const auto& a : project.areas) area_ids_.push_back(a.id);
    for (const auto& i : project.indicators) indicator_ids_.push_back(i.id);
    for (const auto& s : project.sources) source_ids_.push_back(s.id);
  }

  std::vector<Diagnostic> Run() {
    CheckUnique("area", project_.areas);
    CheckUnique("indicator", project_.indicators);
    CheckUnique("source", project_.sources);
    CheckAreas();
    CheckIndicators();
    CheckValues();
    for (const auto& edition : project_.editions) CheckEdition(edition);
    for (Diagnostic& d : CheckSums(project_)) out_.push_back(std::move(d));
    std::stable_sort(out_.begin(), out_.end(), [](const Diagnostic& a, const Diagnostic& b) {
      return std::tie(a.where.file, a.where.line) < std::tie(b.where.file, b.where.line);
    });
    return std::move(out_);
  }

 private:
  void Error(const Location& where, std::string message) {
    out_.push_back({Diagnostic::Severity::kError, where, std::move(message)});
  }
  void Warning(const Location& where, std::string message) {
    out_.push_back({Diagnostic::Severity::kWarning, where, std::move(message)});
  }

  // "unknown area 'nieuwwest' (did you mean 'nieuw-west'?)".
  bool CheckReference(const Location& where, const std::string& kind, const std::string& id,
                      const std::vector<std::string>& known) {
    if (std::find(known.begin(), known.end(), id) != known.end()) return true;
    std::string message = "unknown " + kind + " '" + id + "'";
    std::string suggestion = ClosestMatch(id, known);
    if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
    Error(where, message);
    return false;
  }

  template <typename T>
  void CheckUnique(const std::string& kind, const std::vector<T>& items) {
    std::map<std::string, Location> seen;
    for (const T& item : items) {
      auto [it, inserted] = seen.emplace(item.id, item.where);
      if (!inserted) {
        Error(item.where, "duplicate " + kind + " id '" + item.id + "' (first defined at " +
                              it->second.ToString() + ")");
      }
    }
  }

  void CheckAreas() {
    int totals = static_cast<int>(std::count_if(project_.areas.begin(), project_.areas.end(),
        [](const model::Area& a) { return a.kind == model::AreaKind::kTotal; }));
    if (totals != 1 && !project_.areas.empty()) {
      Error(project_.areas.front().where,
            "exactly one area must have kind 'total' (the organisation as a whole), found " +
                std::to_string(totals));
    }
  }

  void CheckIndicators() {
    for (const auto& indicator : project_.indicators) {
      if (!indicator.source.empty()) {
        CheckReference(indicator.where, "source", indicator.source, source_ids_);
      }
      for (const model::Target& target : indicator.targets) {
        if (!target.area.empty()) CheckReference(indicator.where, "area", target.area, area_ids_);
      }
      if (indicator.unit == model::Unit::kScore && !indicator.scale) {
        Warning(indicator.where, "score indicator '" + indicator.id +
                                     "' has no 'scale' (the highest possible score)");
      }
    }
  }

  void CheckValues() {
    std::map<std::tuple<std::string, std::string, int>, Location> seen;
    for (const auto& value : project_.values) {
      bool known_indicator = CheckReference(value.where, "indicator", value.indicator, indicator_ids_);
      CheckReference(value.where, "area", value.area, area_ids_);
      if (!value.source.empty()) CheckReference(value.where, "source", value.source, source_ids_);
      auto [it, inserted] = seen.emplace(std::make_tuple(value.indicator, value.area, value.year),
                                         value.where);
      if (!inserted) {
        Error(value.where, "duplicate value for " + value.indicator + " / " + value.area + " / " +
                               std::to_string(value.year) + " (first given at " +
                               it->second.ToString() + ")");
      }
      // A new edition starts with its figures marked missing (`jaarverslag new`); list what
      // the team still has to fill in.
      if (value.status == model::ValueStatus::kMissing && !project_.editions.empty() &&
          value.year == project_.editions.back().year) {
        Warning(value.where, "figure " + value.indicator + " / " + value.area + " / " + std::to_string(value.year) +
                                 " of the latest edition is still missing (" + value.note + ")");
      }
      if (!known_indicator) continue;
      const model::Indicator& indicator = *std::find_if(
          project_.indicators.begin(), project_.indicators.end(),
          [&](const model::Indicator& i) { return i.id == value.indicator; });
      if (indicator.unit == model::Unit::kPercent && (value.value < 0 || value.value > 100)) {
        Error(value.where, "share " + value.indicator + " must be between 0 and 100, found " +
                               Plain(value.value));
      }
      if (indicator.scale && (value.value < 0 || value.value > *indicator.scale)) {
        Error(value.where, "score " + value.indicator + " must be between 0 and the scale's " +
                               Plain(*indicator.scale) + ", found " + Plain(value.value));
      }
    }
  }

  void CheckSeries(const std::vector<model::SeriesRef>& refs) {
    for (const auto& ref : refs) {
      CheckReference(ref.where, "indicator", ref.indicator, indicator_ids_);
      if (!ref.area.empty()) CheckReference(ref.where, "area", ref.area, area_ids_);
    }
  }

  void CheckChart(const model::Chart& chart) {
    CheckSeries(chart.series);
    CheckSeries(chart.items);
    if (!chart.indicator.empty()) CheckReference(chart.where, "indicator", chart.indicator, indicator_ids_);
    for (const auto& area : chart.areas) CheckReference(chart.where, "area", area, area_ids_);
    if (!chart.target.empty()) CheckReference(chart.where, "indicator", chart.target, indicator_ids_);
    bool by_year = !chart.series.empty();
    bool by_item = !chart.items.empty();
    bool by_area = !chart.indicator.empty();
    if (by_year + by_item + by_area != 1) {
      Error(chart.where, "chart '" + chart.id + "' needs exactly one of: 'series' with 'years', "
                         "'bars' or 'slices' with 'year', or 'indicator' with 'areas' and 'year'");
    } else if (by_year && chart.first_year == 0) {
      Error(chart.where, "chart '" + chart.id + "' has 'series' but no 'years' (e.g. \"2015-2022\")");
    } else if (!by_year && chart.year == 0) {
      Error(chart.where, "chart '" + chart.id + "' needs a 'year'");
    }
    bool round = chart.type == model::ChartType::kDonut || chart.type == model::ChartType::kPie;
    if (round && !by_item) {
      Error(chart.where, "donut or pie chart '" + chart.id + "' needs 'slices'");
    }
    CheckChartOptions(chart, by_area);
  }

  void CheckChartOptions(const model::Chart& chart, bool by_area) {
    bool bars = chart.type == model::ChartType::kBar || chart.type == model::ChartType::kHorizontalBar;
    if (chart.stacked && !bars) Error(chart.where, "chart '" + chart.id + "': only bar charts can be 'stacked'");
    if (chart.percent && !chart.stacked) Error(chart.where, "chart '" + chart.id + "': 'percent' needs \"stacked\": true");
    if (chart.band && !bars && chart.type != model::ChartType::kLine) {
      Error(chart.where, "chart '" + chart.id + "': a 'band' is drawn on bar and line charts only");
    }
    if (chart.type == model::ChartType::kMap && !by_area) {
      Error(chart.where, "map '" + chart.id + "' needs 'indicator', 'areas' and 'year'");
    }
    if (chart.type != model::ChartType::kMap && !chart.geojson.empty()) {
      Error(chart.where, "chart '" + chart.id + "': 'geojson' belongs to a chart of type 'map'");
    }
    if (chart.geojson.empty()) return;
    for (const auto& area : chart.areas) {
      if (!chart.shapes.count(area)) {
        Error(chart.where, "map '" + chart.id + "': area '" + area + "' has no outline in " + chart.geojson);
      }
    }
  }

  void CheckTable(const model::Table& table) {
    for (const auto& id : table.indicators) CheckReference(table.where, "indicator", id, indicator_ids_);
    for (const auto& area : table.areas) CheckReference(table.where, "area", area, area_ids_);
    if (!table.area.empty()) CheckReference(table.where, "area", table.area, area_ids_);
    bool by_year = table.first_year != 0, by_area = !table.areas.empty();
    if (by_year == by_area) {
      Error(table.where, "table '" + table.id + "' needs either 'years' (columns are years) or "
                         "'areas' with 'year' (columns are areas)");
    }
  }

  void CheckEdition(const model::Edition& edition) {
    std::vector<std::string> chart_ids;
    for (const auto& chart : edition.charts) {
      CheckChart(chart);
      chart_ids.push_back(chart.id);
    }
    CheckUnique("chart", edition.charts);
    CheckUnique("table", edition.tables);
    for (const auto& table : edition.tables) CheckTable(table);
    for (const auto& tile : edition.dashboard_tiles) {
      CheckReference(tile.where, "indicator", tile.id, indicator_ids_);
    }
    for (const auto& chart : edition.dashboard_charts) {
      CheckReference(chart.where, "chart", chart.id, chart_ids);
    }
    // These folders of an edition hold the dashboard, the charts and the downloads.
    for (const auto& chapter : edition.chapters) {
      if (chapter.slug == "cijfers" || chapter.slug == "charts" || chapter.slug == "data") {
        Error(chapter.where, "chapter name '" + chapter.slug + "' is taken by the site's own '" + chapter.slug +
                                 "/' folder; rename the file");
      }
    }
  }

  const Project& project_;
  std::vector<std::string> area_ids_, indicator_ids_, source_ids_;
  std::vector<Diagnostic> out_;
};

}  // namespace

std::vector<Diagnostic> Validate(const model::Project& project) { return Checker(project).Run(); }

bool HasErrors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::kError;
  });
}

}  // namespace jv::validate
