// Chart benchmark: renders the same 8-bar chart (bench/chart_data.json) many times with the
// jaarverslag chart stage and prints charts per second as machine-readable lines, in the same
// format as bench/vega_bench.mjs and bench/mpl_bench.py:
//
//   RESULT renderer=jaarverslag output=svg n=300 seconds=0.1234 charts_per_second=2431.2
//
// Modes (every iteration starts from the same ChartSpec, built once, as Vega-Lite's spec is
// compiled once):
//   svg      Layout + PaintSvg
//   png+svg  Layout + PaintSvg + PaintPng(2x)
//   both     svg, then png+svg (what run_charts.sh uses)
//   parts    not a comparison: Layout and each painter timed alone (ms per chart)
//
// Usage: chart_bench [--n N] [--warmup W] [--mode svg|png+svg|both|parts] [--data FILE]
//                    [--write DIR]
// --write DIR writes one sample chart.svg and chart@2x.png to DIR (for a look) and exits.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "charts/render.h"

namespace {

using jv::charts::ChartKind;
using jv::charts::ChartSpec;
using jv::charts::DisplayList;
using jv::charts::Series;
using jv::charts::Theme;

/// 165968 -> "165.968" (Dutch thousands separator); ticks are whole numbers here.
std::string DutchInteger(double value) {
  long long v = std::llround(value);
  bool negative = v < 0;
  std::string digits = std::to_string(negative ? -v : v);
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count > 0 && count % 3 == 0) out.insert(out.begin(), '.');
    out.insert(out.begin(), *it);
    ++count;
  }
  return negative ? "-" + out : out;
}

ChartSpec LoadSpec(const std::string& path, double* width) {
  std::ifstream in(path);
  if (!in) {
    std::cerr << "chart_bench: cannot read " << path << "\n";
    std::exit(2);
  }
  nlohmann::json data = nlohmann::json::parse(in);
  ChartSpec spec;
  spec.id = data.at("id").get<std::string>();
  spec.kind = ChartKind::kBar;
  spec.title = data.at("title").get<std::string>();
  spec.description = data.at("description").get<std::string>();
  spec.categories = data.at("categories").get<std::vector<std::string>>();
  Series series;
  series.label = "Inwoners";
  for (double v : data.at("values").get<std::vector<double>>()) series.values.push_back(v);
  series.value_labels = data.at("labels").get<std::vector<std::string>>();
  spec.series.push_back(std::move(series));
  spec.format_tick = DutchInteger;
  *width = data.at("width").get<double>();
  return spec;
}

void Die(const jv::Status& status) {
  std::cerr << "chart_bench: " << status.ToString() << "\n";
  std::exit(1);
}

/// The spec of iteration `i`: the same chart with slightly different figures (and value
/// labels), as vega_bench.mjs does, so neither side times one chart over and over (the layout
/// caches text measurements).
ChartSpec SpecForIteration(const ChartSpec& base, int i) {
  ChartSpec spec = base;
  for (Series& series : spec.series) {
    series.value_labels.clear();
    for (std::optional<double>& v : series.values) {
      if (!v) { series.value_labels.emplace_back(); continue; }
      v = std::round(*v * (1 + 0.001 * (i % 500)));
      series.value_labels.push_back(DutchInteger(*v));
    }
  }
  return spec;
}

/// One iteration; returns the bytes produced so the work cannot be optimised away.
size_t RenderOnce(const ChartSpec& base, const Theme& theme, bool png, int i) {
  ChartSpec spec = SpecForIteration(base, i);
  jv::Result<DisplayList> list = jv::charts::Layout(spec, theme);
  if (!list.ok()) Die(list.status());
  std::string svg = jv::charts::PaintSvg(*list);
  size_t bytes = svg.size();
  if (png) {
    jv::Result<std::string> png_bytes = jv::charts::PaintPng(*list, 2.0);
    if (!png_bytes.ok()) Die(png_bytes.status());
    bytes += png_bytes->size();
  }
  return bytes;
}

void Run(const ChartSpec& spec, const Theme& theme, bool png, int n, int warmup) {
  size_t sink = 0;
  for (int i = 0; i < warmup; ++i) sink += RenderOnce(spec, theme, png, i);
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) sink += RenderOnce(spec, theme, png, warmup + i);
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("RESULT renderer=jaarverslag output=%s n=%d seconds=%.6f charts_per_second=%.2f "
              "bytes=%zu\n",
              png ? "png2x+svg" : "svg", n, seconds, n / seconds, sink);
  std::fflush(stdout);
}

/// Where the time of one chart goes: Layout and each painter timed alone.
void Parts(const ChartSpec& spec, const Theme& theme, int n, int warmup) {
  jv::Result<DisplayList> list = jv::charts::Layout(spec, theme);
  if (!list.ok()) Die(list.status());
  size_t sink = 0;
  auto time = [&](const char* stage, auto&& fn) {
    for (int i = 0; i < warmup; ++i) sink += fn();
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < n; ++i) sink += fn();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("PART renderer=jaarverslag stage=%s n=%d ms_per_chart=%.3f\n", stage, n,
                1000 * seconds / n);
  };
  int iteration = 0;
  time("layout", [&] { return jv::charts::Layout(SpecForIteration(spec, ++iteration), theme)->items.size(); });
  time("paint_svg", [&] { return jv::charts::PaintSvg(*list).size(); });
  time("paint_png_2x", [&] { return jv::charts::PaintPng(*list, 2.0)->size(); });
  time("paint_png_1x", [&] { return jv::charts::PaintPng(*list, 1.0)->size(); });
  time("paint_png_2x_and_1x", [&] { return jv::charts::PaintPng2xAnd1x(*list)->second.size(); });
  time("paint_pdf", [&] { return jv::charts::PaintPdf(*list)->size(); });
  if (sink == 0) std::printf("nothing painted\n");
}

}  // namespace

int main(int argc, char** argv) {
  int n = 300;
  int warmup = 5;
  std::string mode = "both";
  std::string data = JV_BENCH_DATA;
  std::string write_dir;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << "chart_bench: " << arg << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--n") n = std::atoi(next().c_str());
    else if (arg == "--warmup") warmup = std::atoi(next().c_str());
    else if (arg == "--mode") mode = next();
    else if (arg == "--data") data = next();
    else if (arg == "--write") write_dir = next();
    else {
      std::cerr << "usage: chart_bench [--n N] [--warmup W] [--mode svg|png+svg|both|parts] "
                   "[--data FILE] [--write DIR]\n";
      return 2;
    }
  }

  Theme theme;
  ChartSpec spec = LoadSpec(data, &theme.width);

  if (!write_dir.empty()) {
    jv::Result<DisplayList> list = jv::charts::Layout(spec, theme);
    if (!list.ok()) Die(list.status());
    std::ofstream(write_dir + "/chart.svg", std::ios::binary) << jv::charts::PaintSvg(*list);
    jv::Result<std::string> png = jv::charts::PaintPng(*list, 2.0);
    if (!png.ok()) Die(png.status());
    std::ofstream(write_dir + "/chart@2x.png", std::ios::binary) << *png;
    std::printf("SIZE renderer=jaarverslag width=%g height=%g\n", list->width, list->height);
    return 0;
  }

  if (mode == "parts") {
    Parts(spec, theme, n, warmup);
    return 0;
  }
  if (mode == "svg" || mode == "both") Run(spec, theme, false, n, warmup);
  if (mode == "png+svg" || mode == "both") Run(spec, theme, true, n, warmup);
  return 0;
}
