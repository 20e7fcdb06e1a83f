// libFuzzer target: the chart stage. The input bytes are decoded into a ChartSpec of any kind,
// with extreme values (NaN, infinities, the largest and smallest doubles, negative numbers),
// empty and mismatched series, very long and unusual labels, odd tile positions and outlines,
// then laid out (Pango metrics) and painted as SVG, and when the input asks for it also as PNG
// and PDF (Cairo). Tick labels are formatted by the format stage, as on the site.

#include <fuzzer/FuzzedDataProvider.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "charts/render.h"
#include "format/number_format.h"

namespace {

using jv::charts::ChartSpec;

const jv::format::NumberFormat& Numbers() {
  static const jv::format::NumberFormat* numbers =
      new jv::format::NumberFormat(jv::format::NumberFormat::Create("nl-NL").value());
  return *numbers;
}

double Extreme(FuzzedDataProvider& in) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  switch (in.ConsumeIntegralInRange<int>(0, 15)) {
    case 0: return 0;
    case 1: return std::numeric_limits<double>::quiet_NaN();
    case 2: return kInf;
    case 3: return -kInf;
    case 4: return std::numeric_limits<double>::max();
    case 5: return std::numeric_limits<double>::lowest();
    case 6: return std::numeric_limits<double>::denorm_min();
    case 7: return -std::numeric_limits<double>::min();
    case 8: return std::numeric_limits<double>::epsilon();
    case 9: return 1e15 + 0.5;
    case 10: return -1e9;
    case 11: return in.ConsumeFloatingPoint<double>();
    case 12: return in.ConsumeFloatingPointInRange<double>(-1e6, 1e6);
    case 13: return in.ConsumeProbability<double>() * 100;
    default: return in.ConsumeIntegralInRange<int>(-100, 1000);
  }
}

std::string Label(FuzzedDataProvider& in) {
  static const char* const kPieces[] = {
      "Noord", "Nieuw-West", "Zuidoost", "2019", "2019/20", "2015-2022", "€ 35.402.800",
      "98,8%", "−1 procentpunt", "Weesp", " ", "\n", "<&\"'>", "ë", "ï", "—", "…",
      "Donaudampfschiffahrtsgesellschaftskapitänsmützenabzeichen", "👪", "e\xCC\x81",
      "\xD8\xB9\xD8\xB1\xD8\xA8\xD9\x8A", "\xE4\xB8\xAD\xE6\x96\x87", "\t", "a b c d e f g h",
      "\xE2\x80\x8B"};
  constexpr size_t kCount = sizeof(kPieces) / sizeof(kPieces[0]);
  switch (in.ConsumeIntegralInRange<int>(0, 7)) {
    case 0: return "";
    case 1: return in.ConsumeRandomLengthString(64);  // any bytes, also invalid UTF-8
    case 2: {  // very long
      std::string piece = kPieces[in.ConsumeIntegralInRange<size_t>(0, kCount - 1)];
      std::string out;
      size_t times = in.ConsumeIntegralInRange<size_t>(1, 400);
      for (size_t i = 0; i < times; ++i) out += piece;
      return out;
    }
    default: {
      std::string out;
      size_t pieces = in.ConsumeIntegralInRange<size_t>(1, 4);
      for (size_t i = 0; i < pieces; ++i) out += kPieces[in.ConsumeIntegralInRange<size_t>(0, kCount - 1)];
      return out;
    }
  }
}

std::optional<double> Value(FuzzedDataProvider& in) {
  if (in.ConsumeIntegralInRange<int>(0, 7) == 0) return std::nullopt;
  return Extreme(in);
}

int TileCoordinate(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 5)) {
    case 0: return std::numeric_limits<int>::max();
    case 1: return std::numeric_limits<int>::min();
    case 2: return in.ConsumeIntegral<int>();
    default: return in.ConsumeIntegralInRange<int>(-2, 8);
  }
}

jv::charts::Shape MakeShape(FuzzedDataProvider& in) {
  jv::charts::Shape shape(in.ConsumeIntegralInRange<size_t>(0, 3));
  for (auto& ring : shape) {
    size_t points = in.ConsumeIntegralInRange<size_t>(0, 8);
    bool plain = in.ConsumeBool();
    for (size_t i = 0; i < points; ++i) {
      if (plain) {
        ring.emplace_back(in.ConsumeFloatingPointInRange<double>(4.7, 5.1),
                          in.ConsumeFloatingPointInRange<double>(52.2, 52.5));
      } else {
        ring.emplace_back(Extreme(in), Extreme(in));
      }
    }
  }
  return shape;
}

std::function<std::string(double)> TickFormat(FuzzedDataProvider& in) {
  switch (in.ConsumeIntegralInRange<int>(0, 4)) {
    case 0: return [](double v) { return Numbers().Percent(v, 0); };
    case 1: return [](double v) { return Numbers().Euro(v, 0); };
    case 2: return [](double v) { return Numbers().Number(v, 2); };
    case 3: return [](double v) { return std::string(200, 'W') + Numbers().Number(v, 0); };
    default: return [](double v) { return Numbers().Number(v, 0); };
  }
}

ChartSpec Decode(FuzzedDataProvider& in) {
  ChartSpec spec;
  spec.id = "fuzz";
  spec.kind = static_cast<jv::charts::ChartKind>(in.ConsumeIntegralInRange<int>(0, 6));
  spec.pie = in.ConsumeBool();
  spec.stacked = in.ConsumeBool();
  spec.percent_stacked = in.ConsumeBool();
  spec.color_scale = in.ConsumeBool() ? jv::charts::ColorScale::kDiverging : jv::charts::ColorScale::kSequential;
  bool mismatch = in.ConsumeIntegralInRange<int>(0, 15) == 0;
  spec.title = Label(in);
  spec.subtitle = Label(in);
  spec.description = Label(in);
  size_t categories = in.ConsumeIntegralInRange<size_t>(0, 14);
  size_t series = in.ConsumeIntegralInRange<size_t>(0, 5);
  for (size_t i = 0; i < categories; ++i) spec.categories.push_back(Label(in));
  for (size_t s = 0; s < series; ++s) {
    jv::charts::Series one;
    one.label = Label(in);
    size_t values = mismatch ? in.ConsumeIntegralInRange<size_t>(0, 15) : categories;
    bool labels = in.ConsumeBool();
    for (size_t i = 0; i < values; ++i) {
      one.values.push_back(Value(in));
      if (labels) one.value_labels.push_back(Label(in));
    }
    spec.series.push_back(std::move(one));
  }
  if (in.ConsumeBool()) spec.target = Extreme(in);
  spec.target_label = Label(in);
  spec.highlight = in.ConsumeIntegralInRange<int>(-2, static_cast<int>(categories) + 1);
  if (in.ConsumeBool()) spec.target_band = std::make_pair(Extreme(in), Extreme(in));
  spec.target_band_label = Label(in);
  if (spec.kind == jv::charts::ChartKind::kTileMap) {
    for (size_t i = 0; i < categories; ++i) {
      if (in.ConsumeIntegralInRange<int>(0, 5) == 0) spec.tiles.push_back(std::nullopt);
      else spec.tiles.push_back(jv::charts::Tile{TileCoordinate(in), TileCoordinate(in)});
    }
  }
  if (spec.kind == jv::charts::ChartKind::kChoropleth) {
    size_t shapes = mismatch ? in.ConsumeIntegralInRange<size_t>(0, 15) : categories;
    for (size_t i = 0; i < shapes; ++i) spec.shapes.push_back(MakeShape(in));
  }
  if (in.ConsumeBool()) spec.scale_midpoint = Extreme(in);
  spec.missing_label = Label(in);
  if (in.ConsumeIntegralInRange<int>(0, 31) != 0) spec.format_tick = TickFormat(in);
  return spec;
}

// With JV_FUZZ_DUMP set, prints the decoded spec, to see what a crashing input means.
void Dump(const ChartSpec& spec, const jv::charts::Theme& theme) {
  auto value = [](const std::optional<double>& v) {
    char text[32] = "gap";
    if (v) std::snprintf(text, sizeof text, "%g", *v);
    return std::string(text);
  };
  std::fprintf(stderr, "kind %d width %g pie %d stacked %d percent %d diverging %d tick %d\n",
               static_cast<int>(spec.kind), theme.width, spec.pie, spec.stacked, spec.percent_stacked,
               spec.color_scale == jv::charts::ColorScale::kDiverging, bool(spec.format_tick));
  std::fprintf(stderr, "title '%s' subtitle '%s'\n", spec.title.c_str(), spec.subtitle.c_str());
  for (const std::string& c : spec.categories) std::fprintf(stderr, "category '%s'\n", c.c_str());
  for (const auto& series : spec.series) {
    std::fprintf(stderr, "series '%s':", series.label.c_str());
    for (const auto& v : series.values) std::fprintf(stderr, " %s", value(v).c_str());
    std::fprintf(stderr, " (%zu labels)\n", series.value_labels.size());
  }
  std::fprintf(stderr, "target %s band %s..%s midpoint %s highlight %d\n", value(spec.target).c_str(),
               spec.target_band ? value(spec.target_band->first).c_str() : "-",
               spec.target_band ? value(spec.target_band->second).c_str() : "-",
               value(spec.scale_midpoint).c_str(), spec.highlight);
  for (const auto& tile : spec.tiles) {
    std::fprintf(stderr, "tile %s\n", tile ? (std::to_string(tile->col) + "," + std::to_string(tile->row)).c_str() : "-");
  }
  for (const auto& shape : spec.shapes) {
    std::fprintf(stderr, "shape:");
    for (const auto& ring : shape) {
      std::fprintf(stderr, " [");
      for (const auto& [x, y] : ring) std::fprintf(stderr, " %g,%g", x, y);
      std::fprintf(stderr, " ]");
    }
    std::fprintf(stderr, "\n");
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8 * 1024) return -1;  // larger inputs only slow the search down
  FuzzedDataProvider in(data, size);
  unsigned paint = in.ConsumeIntegral<uint8_t>();
  jv::charts::Theme theme;
  static const double kWidths[] = {640, 375, 320, 160, 1280, 100};
  theme.width = kWidths[in.ConsumeIntegralInRange<size_t>(0, 5)];
  ChartSpec spec = Decode(in);
  static const bool dump = std::getenv("JV_FUZZ_DUMP") != nullptr;
  if (dump) Dump(spec, theme);
  jv::Result<jv::charts::DisplayList> list = jv::charts::Layout(spec, theme);
  if (!list.ok()) {
    (void)list.status().ToString();
    return 0;
  }
  (void)jv::charts::PaintSvg(*list);
  // PNG and PDF go through Cairo and cost more: only for some inputs.
  if ((paint & 7) == 1) (void)jv::charts::PaintPng(*list, paint & 8 ? 2.0 : 1.0);
  if ((paint & 7) == 2) (void)jv::charts::PaintPdf(*list);
  return 0;
}
