// Layout(): validates a ChartSpec, measures with the theme's font and dispatches to the layout
// of its kind. The per-kind layouts live in layout_<kind>.cc.

#include <cmath>
#include <map>

#include "base/text.h"
#include "charts/layout_builder.h"
#include "charts/layout_map.h"
#include "charts/palette.h"
#include "charts/render.h"

namespace jv::charts {
namespace {

Status SpecError(const ChartSpec& spec, const std::string& message) {
  return Status::Error({}, "chart '" + spec.id + "': " + message);
}

// Pango would replace invalid bytes and the SVG would not be well-formed XML; the load stage
// should never produce such text, so this only guards the stage boundary.
bool IsUtf8(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    size_t extra = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2
                 : c >= 0xf0 && c <= 0xf4 ? 3 : 4;
    if (extra == 4 || i + extra >= text.size() + (extra == 0 ? 1 : 0)) return false;
    for (size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return false;
    }
    // Overlong forms, UTF-16 surrogates and code points above U+10FFFF.
    auto next = extra > 0 ? static_cast<unsigned char>(text[i + 1]) : 0;
    if ((c == 0xe0 && next < 0xa0) || (c == 0xed && next >= 0xa0) || (c == 0xf0 && next < 0x90) ||
        (c == 0xf4 && next >= 0x90)) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

Status ValidateText(const ChartSpec& spec) {
  std::vector<const std::string*> texts = {&spec.title, &spec.subtitle, &spec.description,
                                           &spec.target_label, &spec.target_band_label, &spec.missing_label};
  for (const std::string& c : spec.categories) texts.push_back(&c);
  for (const Series& series : spec.series) {
    texts.push_back(&series.label);
    for (const std::string& l : series.value_labels) texts.push_back(&l);
  }
  for (const std::string* text : texts) {
    if (!IsUtf8(*text)) return SpecError(spec, "text is not valid UTF-8: '" + *text + "'");
  }
  return Status();
}

// The largest magnitude a chart draws. Far beyond any figure of a report (€ 10^15), and small
// enough that axis steps, tick values and pixel positions stay ordinary doubles: near the largest
// double, max - min and the tick beyond max overflow to infinity.
constexpr double kMaxDrawable = 1e15;

bool Drawable(double value) { return std::isfinite(value) && std::abs(value) <= kMaxDrawable; }

Status ValidateSeries(const ChartSpec& spec) {
  size_t n = spec.categories.size();
  for (const Series& series : spec.series) {
    std::string name = "series '" + series.label + "'";
    if (series.values.size() != n) {
      return SpecError(spec, name + " has " + std::to_string(series.values.size()) +
                                 " values for " + std::to_string(n) + " categories");
    }
    if (!series.value_labels.empty() && series.value_labels.size() != n) {
      return SpecError(spec, name + " has " + std::to_string(series.value_labels.size()) +
                                 " value labels for " + std::to_string(n) + " categories");
    }
    for (const std::optional<double>& v : series.values) {
      if (v && !std::isfinite(*v)) return SpecError(spec, name + " has a value that is not finite");
      if (v && !Drawable(*v)) return SpecError(spec, name + " has a value too large to draw (beyond ±10^15)");
    }
  }
  return Status();
}

Status ValidateDonut(const ChartSpec& spec) {
  if (spec.series.size() != 1) return SpecError(spec, "a donut needs exactly one series");
  double sum = 0;
  for (const std::optional<double>& v : spec.series[0].values) {
    if (v && *v < 0) return SpecError(spec, "a donut cannot show negative values");
    if (v) sum += *v;
  }
  if (sum <= 0) return SpecError(spec, "a donut needs at least one value above zero");
  if (spec.highlight < -1 || spec.highlight >= static_cast<int>(spec.categories.size())) {
    return SpecError(spec, "highlight " + std::to_string(spec.highlight) + " is not a slice");
  }
  return Status();
}

// Stacks add up values, so a negative one has no meaningful place in its stack; the band needs
// an ordered pair of finite values. Both exist only where they are drawn.
Status ValidateStackAndBand(const ChartSpec& spec) {
  bool bars = spec.kind == ChartKind::kBar || spec.kind == ChartKind::kHorizontalBar;
  if ((spec.stacked || spec.percent_stacked) && !bars) {
    return SpecError(spec, "only bar charts can be stacked");
  }
  if (spec.percent_stacked && !spec.stacked) {
    return SpecError(spec, "percent_stacked needs stacked");
  }
  for (const Series& series : spec.series) {
    for (size_t i = 0; spec.stacked && i < series.values.size(); ++i) {
      if (series.values[i] && *series.values[i] < 0) {
        return SpecError(spec, "a stacked bar cannot show negative values (series '" +
                                   series.label + "', " + spec.categories[i] + ")");
      }
    }
  }
  if (spec.target_band) {
    auto [low, high] = *spec.target_band;
    if (!bars && spec.kind != ChartKind::kLine) {
      return SpecError(spec, "a target band needs a bar or line chart");
    }
    if (!Drawable(low) || !Drawable(high) || low > high) {
      return SpecError(spec, "the target band needs finite values (within ±10^15) with low <= high");
    }
  }
  return Status();
}

// True when no series has any value and the spec says how to call that: the chart is drawn as
// its header and spec.missing_label (a new edition before its figures are in), whatever its kind.
bool DrawnAsNoData(const ChartSpec& spec) {
  if (spec.kind == ChartKind::kSparkline || spec.missing_label.empty()) return false;
  for (const Series& series : spec.series) {
    for (const std::optional<double>& v : series.values) {
      if (v) return false;
    }
  }
  return true;
}

double LayoutNoData(LayoutBuilder& b) {
  double top = b.AddHeader() + 24;
  TextStyle style = b.LabelStyle();
  b.AddText(b.left() + b.content_width() / 2, top + b.Ascent(style), b.spec().missing_label, style,
            TextAnchor::kMiddle, ui::kText);
  return top + b.LineHeight(style) + 24;
}

// Everything Layout() relies on; errors name the chart so the caller's message is useful.
Status Validate(const ChartSpec& spec, const Theme& theme) {
  if (!IsIdentifier(spec.id)) {
    return SpecError(spec, "the id must be lower-case letters, digits and '-' (it prefixes SVG ids)");
  }
  // A sparkline sits in a line of text or a KPI tile, so it may be much narrower.
  double min_width = spec.kind == ChartKind::kSparkline ? 40 : 200;
  if (!(theme.width >= min_width && theme.width <= 4000)) {
    return SpecError(spec, "the width must be between " + std::to_string(int(min_width)) +
                               " and 4000 pixels");
  }
  if (!(theme.font_size >= 8 && theme.font_size <= 40)) {
    return SpecError(spec, "the font size must be between 8 and 40 pixels");
  }
  if (spec.categories.empty()) return SpecError(spec, "there are no categories");
  if (spec.series.empty()) return SpecError(spec, "there are no series");
  JV_RETURN_IF_ERROR(ValidateSeries(spec));
  JV_RETURN_IF_ERROR(ValidateText(spec));
  if (spec.target && !Drawable(*spec.target)) {
    return SpecError(spec, "the target is not finite or too large to draw (beyond ±10^15)");
  }
  if (spec.scale_midpoint && !Drawable(*spec.scale_midpoint)) {
    return SpecError(spec, "the scale midpoint is not finite or too large to draw (beyond ±10^15)");
  }
  JV_RETURN_IF_ERROR(ValidateStackAndBand(spec));
  if (DrawnAsNoData(spec)) return Status();
  if (spec.kind == ChartKind::kDonut) return ValidateDonut(spec);
  if (std::string problem = MapOrSparklineProblem(spec); !problem.empty()) {
    return SpecError(spec, problem);
  }
  if (spec.kind == ChartKind::kSparkline) return Status();  // no ticks to format
  if (!spec.format_tick) return SpecError(spec, "format_tick is required for bar and line charts");
  return Status();
}

// An alt text from the data when the spec has none: "A: 1; B: 2." per series. Only the
// formatted value labels are used, so numbers read the way the page shows them.
std::string DefaultDescription(const ChartSpec& spec) {
  std::string out = spec.title.empty() ? "" : spec.title + ". ";
  for (const Series& series : spec.series) {
    if (spec.series.size() > 1 && !series.label.empty()) out += series.label + ": ";
    std::string items;
    for (size_t i = 0; i < spec.categories.size(); ++i) {
      if (i >= series.value_labels.size() || series.value_labels[i].empty()) continue;
      if (!items.empty()) items += "; ";
      items += spec.categories[i] + " " + series.value_labels[i];
    }
    out += items.empty() ? "" : items + ". ";
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

// One measurer per font family and thread, kept for the life of the thread: creating a Pango
// context and checking the font costs more than laying out a whole chart, and its cache of
// measured strings pays off across the many charts of a site.
Result<const TextMeasurer*> SharedMeasurer(const std::string& family) {
  thread_local std::map<std::string, TextMeasurer> measurers;
  auto found = measurers.find(family);
  if (found == measurers.end()) {
    JV_ASSIGN_OR_RETURN(TextMeasurer measurer, TextMeasurer::Create(family));
    found = measurers.emplace(family, std::move(measurer)).first;
  }
  return &found->second;
}

Result<DisplayList> Layout(const ChartSpec& spec, const Theme& theme) {
  JV_RETURN_IF_ERROR(Validate(spec, theme));
  auto measurer = SharedMeasurer(theme.font_family);
  if (!measurer.ok()) {
    return Status(measurer.status()).WithContext("while laying out chart '" + spec.id + "'");
  }
  DisplayList list;
  list.id = spec.id;
  list.width = theme.width;
  list.font_family = (*measurer)->family();
  list.title = spec.title;
  list.description = spec.description.empty() ? DefaultDescription(spec) : spec.description;

  LayoutBuilder builder(spec, theme, **measurer, &list);
  double bottom = 0;
  if (DrawnAsNoData(spec)) bottom = LayoutNoData(builder);
  else switch (spec.kind) {
    case ChartKind::kBar: bottom = LayoutBarChart(builder); break;
    case ChartKind::kHorizontalBar: bottom = LayoutHorizontalBarChart(builder); break;
    case ChartKind::kLine: bottom = LayoutLineChart(builder); break;
    case ChartKind::kDonut: bottom = LayoutDonutChart(builder); break;
    case ChartKind::kTileMap: bottom = LayoutTileMap(builder); break;
    case ChartKind::kChoropleth: bottom = LayoutChoropleth(builder); break;
    case ChartKind::kSparkline: bottom = LayoutSparkline(builder); break;
  }
  // Whole pixels, so that the PNG covers the canvas exactly at any integer scale.
  list.height = std::ceil(bottom + kPadding);
  return list;
}

}  // namespace jv::charts
