#include "site/chart_builder.h"

#include <algorithm>
#include <climits>
#include <cstdio>

namespace jv::site {
namespace {

struct Column {
  std::string label;
  const model::Indicator* indicator;
  std::vector<const model::Value*> values;  // one per category; null is a gap
};

std::string AreaOr(const std::string& area, const derive::Figures& figures) {
  if (!area.empty()) return area;
  return figures.TotalArea() ? figures.TotalArea()->id : "";
}

std::string LabelOf(const model::SeriesRef& ref, const model::Indicator& indicator) {
  return ref.label.empty() ? indicator.label : ref.label;
}

// Lays the chart's data out as categories × columns, whichever way the chart selects it.
void Collect(const model::Chart& chart, const derive::Figures& figures,
             std::vector<std::string>* categories, std::vector<Column>* columns,
             std::string* corner, const FigureText& text) {
  if (!chart.series.empty()) {  // over the years
    *corner = text.T("year");
    for (int year = chart.first_year; year <= chart.last_year; ++year) categories->push_back(std::to_string(year));
    for (const auto& ref : chart.series) {
      const model::Indicator& indicator = *figures.Indicator(ref.indicator);
      Column column{LabelOf(ref, indicator), &indicator, {}};
      for (int year = chart.first_year; year <= chart.last_year; ++year) {
        column.values.push_back(figures.Find(ref.indicator, AreaOr(ref.area, figures), year));
      }
      columns->push_back(std::move(column));
    }
  } else if (!chart.items.empty()) {  // one bar or slice per indicator
    *corner = "";
    const model::Indicator& first = *figures.Indicator(chart.items.front().indicator);
    Column column{std::to_string(chart.year), &first, {}};
    for (const auto& ref : chart.items) {
      const model::Indicator& indicator = *figures.Indicator(ref.indicator);
      categories->push_back(LabelOf(ref, indicator));
      column.values.push_back(figures.Find(ref.indicator, AreaOr(ref.area, figures), chart.year));
    }
    columns->push_back(std::move(column));
  } else {  // one bar per area
    *corner = text.T("area");
    const model::Indicator& indicator = *figures.Indicator(chart.indicator);
    Column column{indicator.label + " " + std::to_string(chart.year), &indicator, {}};
    for (const auto& area_id : chart.areas) {
      categories->push_back(figures.Area(area_id)->name);
      column.values.push_back(figures.Find(chart.indicator, area_id, chart.year));
    }
    columns->push_back(std::move(column));
  }
}

std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string PlainNumber(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", value);
  return buffer;
}

// A line over the years, said in words: "Stichting OKT: gedaald van 28% in 2017 naar 27% in
// 2023, onder de streefwaarde 30%." Empty when the series has fewer than two values.
std::string DescribeTrend(const charts::ChartSpec& spec, const charts::Series& series,
                          const FigureText& text) {
  int first = -1, last = -1;
  for (size_t i = 0; i < series.values.size(); ++i) {
    if (!series.values[i]) continue;
    if (first < 0) first = static_cast<int>(i);
    last = static_cast<int>(i);
  }
  if (first < 0 || first == last) return "";
  double from = *series.values[first], to = *series.values[last];
  const char* key = series.value_labels[first] == series.value_labels[last] ? "trend_level"
                    : to > from                                             ? "trend_up"
                                                                            : "trend_down";
  std::string sentence = series.label + ": " +
                         text.T(key, {{"from", series.value_labels[first]}, {"from_year", spec.categories[first]},
                                      {"to", series.value_labels[last]}, {"to_year", spec.categories[last]}});
  if (spec.target && to != *spec.target) {
    std::string reference = spec.target_label;
    if (!reference.empty()) reference[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reference[0])));
    sentence += ", " + text.T(to < *spec.target ? "below_reference" : "above_reference", "reference", reference);
  }
  return sentence + ".";
}

// The chart's text alternative, written from its data: trends for lines, every value otherwise
// ("Titel. Centrum 3,9%, Nieuw-West 5,2%, …").
std::string WriteAlt(const ChartContent& content, const FigureText& text) {
  const charts::ChartSpec& spec = content.spec;
  std::string alt = spec.title + ".";
  for (const auto& series : spec.series) {
    if (spec.kind == charts::ChartKind::kLine) {
      std::string trend = DescribeTrend(spec, series, text);
      if (!trend.empty()) {
        alt += " " + trend;
        continue;
      }
    }
    std::string part;
    for (size_t i = 0; i < spec.categories.size(); ++i) {
      if (series.value_labels[i].empty()) continue;
      part += (part.empty() ? " " : ", ") + spec.categories[i] + " " + series.value_labels[i];
    }
    if (spec.series.size() > 1) alt += " " + series.label + ":";
    alt += part + ".";
  }
  if (spec.target) alt += " " + spec.target_label + ".";
  if (spec.target_band) alt += " " + spec.target_band_label + ".";
  return alt;
}

charts::ChartKind KindOf(const model::Chart& chart) {
  switch (chart.type) {
    case model::ChartType::kBar: return charts::ChartKind::kBar;
    case model::ChartType::kHorizontalBar: return charts::ChartKind::kHorizontalBar;
    case model::ChartType::kLine: return charts::ChartKind::kLine;
    case model::ChartType::kDonut:
    case model::ChartType::kPie: return charts::ChartKind::kDonut;
    case model::ChartType::kMap:
      return chart.geojson.empty() ? charts::ChartKind::kTileMap : charts::ChartKind::kChoropleth;
  }
  return charts::ChartKind::kBar;
}

// Tiles or outlines of the chart's areas, and the colour scale's midpoint.
void AddMap(const model::Chart& chart, const derive::Figures& figures, const FigureText& text,
            charts::ChartSpec* spec) {
  for (const std::string& id : chart.areas) {
    const model::Area& area = *figures.Area(id);
    if (area.tile_col && area.tile_row) spec->tiles.push_back(charts::Tile{*area.tile_col, *area.tile_row});
    else spec->tiles.push_back(std::nullopt);
    auto shape = chart.shapes.find(id);
    spec->shapes.push_back(shape == chart.shapes.end() ? charts::Shape{} : shape->second);
  }
  // Start the grid at the first used row and column, so the map has no empty margin.
  int min_col = INT_MAX, min_row = INT_MAX;
  for (const auto& tile : spec->tiles) {
    if (!tile) continue;
    min_col = std::min(min_col, tile->col);
    min_row = std::min(min_row, tile->row);
  }
  for (auto& tile : spec->tiles) {
    if (tile) *tile = charts::Tile{tile->col - min_col, tile->row - min_row};
  }
  if (!chart.diverging || figures.TotalArea() == nullptr) return;
  spec->color_scale = charts::ColorScale::kDiverging;
  const model::Value* total = figures.Find(chart.indicator, figures.TotalArea()->id, chart.year);
  if (total && total->Computable()) spec->scale_midpoint = total->value;
}

// "Norm 90–95%" unless the chart names its band.
std::string BandLabel(const model::Chart& chart, const model::Indicator& indicator, const FigureText& text) {
  if (!chart.band_label.empty()) return chart.band_label;
  std::string high = text.Target(indicator, chart.band->second);
  std::string low = text.Target(indicator, chart.band->first);
  if (indicator.unit == model::Unit::kPercent && low.back() == '%') low.pop_back();
  return text.T("norm") + " " + low + "\u2013" + high;
}

}  // namespace

ChartContent BuildChart(const model::Chart& chart, const derive::Figures& figures,
                        const FigureText& text) {
  std::vector<std::string> categories;
  std::vector<Column> columns;
  ChartContent content;
  Collect(chart, figures, &categories, &columns, &content.table.corner, text);

  charts::ChartSpec& spec = content.spec;
  spec.id = chart.id;
  spec.kind = KindOf(chart);
  spec.stacked = chart.stacked;
  spec.percent_stacked = chart.percent;
  spec.pie = chart.type == model::ChartType::kPie;
  spec.title = chart.title;
  spec.subtitle = chart.subtitle;
  spec.categories = categories;
  const model::Indicator* unit_indicator = columns.front().indicator;
  spec.format_tick = [&text, unit_indicator](double v) { return text.Tick(*unit_indicator, v); };
  for (const Column& column : columns) {
    charts::Series series;
    series.label = column.label;
    content.table.columns.push_back(column.label);
    for (const model::Value* value : column.values) {
      // Ranges and missing values are gaps in the chart; the table and alt text still show a
      // range ("800–1.000"), and a missing value as "–".
      bool point = value && value->has_value;
      series.values.push_back(point ? std::optional<double>(value->value) : std::nullopt);
      std::string label;
      if (value && value->status != model::ValueStatus::kMissing) {
        ValueDisplay shown = text.Display(*column.indicator, *value);
        label = shown.text + shown.marker;
      }
      series.value_labels.push_back(label);
    }
    spec.series.push_back(std::move(series));
  }
  // A donut of one share shows it against the rest of the whole (83% zelf doen, 17% overig).
  if (spec.kind == charts::ChartKind::kDonut && chart.items.size() == 1 &&
      unit_indicator->unit == model::Unit::kPercent && spec.series[0].values[0]) {
    double rest = derive::Complement(*spec.series[0].values[0]);
    spec.categories.push_back(text.T("remainder"));
    spec.series[0].values.push_back(rest);
    spec.series[0].value_labels.push_back(text.Value(*unit_indicator, rest));
  }
  for (size_t i = 0; i < chart.items.size(); ++i) {
    if (chart.items[i].indicator == chart.highlight) spec.highlight = static_cast<int>(i);
  }
  if (!chart.areas.empty()) content.category_areas = chart.areas;
  spec.missing_label = text.T("no_data");  // a chart without any figure yet says so
  if (chart.type == model::ChartType::kMap) AddMap(chart, figures, text, &spec);
  if (chart.band) {
    spec.target_band = chart.band;
    spec.target_band_label = BandLabel(chart, *unit_indicator, text);
  }
  if (!chart.target.empty()) {
    const model::Indicator& indicator = *figures.Indicator(chart.target);
    int year = chart.year != 0 ? chart.year : chart.last_year;
    if (auto target = derive::TargetFor(indicator, year)) {
      spec.target = target->value;
      spec.target_label = text.T(target->is_norm ? "norm" : "target") + " " + text.Target(indicator, target->value);
    }
  }

  content.csv = CsvField(content.table.corner.empty() ? text.T("category") : content.table.corner);
  for (const Column& column : columns) content.csv += "," + CsvField(column.label);
  content.csv += "\n";
  for (size_t i = 0; i < categories.size(); ++i) {
    std::vector<std::string> row{categories[i]};
    content.csv += CsvField(categories[i]);
    for (size_t c = 0; c < columns.size(); ++c) {
      row.push_back(spec.series[c].value_labels[i].empty() ? "–" : spec.series[c].value_labels[i]);
      const model::Value* value = columns[c].values[i];
      content.csv += "," + (value && value->has_value ? PlainNumber(value->value) : "");
    }
    content.csv += "\n";
    content.table.rows.push_back(std::move(row));
  }
  spec.description = chart.alt.empty() ? WriteAlt(content, text) : chart.alt;
  return content;
}

}  // namespace jv::site
