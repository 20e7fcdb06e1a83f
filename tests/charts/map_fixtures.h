#pragma once
// Sample maps and sparklines for the chart tests (header only, like chart_fixtures.h).

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "chart_fixtures.h"

namespace jv::charts::testing {

/// The eight districts of Amsterdam on a 4 x 3 grid, Weesp without a value.
inline ChartSpec TileMapSpec() {
  ChartSpec spec = BaseSpec("stadsdelen-kaart", ChartKind::kTileMap);
  spec.title = "Vaccinatiegraad per stadsdeel";
  spec.subtitle = "BMR, kinderen van 2 jaar, 2023";
  spec.categories = {"Centrum", "Nieuw-West", "Noord", "Oost",
                     "West",    "Zuid",       "Zuidoost", "Weesp"};
  spec.series = {MakeSeries("Vaccinatiegraad", {88.1, 79.4, 83.0, 90.2, 86.5, 91.7, 76.8,
                                                std::nullopt})};
  spec.tiles = {Tile{1, 1}, Tile{0, 1}, Tile{2, 0}, Tile{2, 1},
                Tile{1, 0}, Tile{1, 2}, Tile{2, 2}, Tile{3, 1}};
  spec.missing_label = "geen gegevens";
  return spec;
}

/// A 3 x 2 block of made-up square districts around Amsterdam's latitude; squares on the
/// ground, so narrower in degrees of latitude than of longitude. The last has no value.
inline ChartSpec ChoroplethSpec() {
  ChartSpec spec = BaseSpec("wijken-kaart", ChartKind::kChoropleth);
  spec.title = "Overgewicht per wijk";
  spec.subtitle = "Kinderen van 5 jaar";
  spec.categories = {"Noordwest", "Noordmidden", "Noordoost", "Zuidwest", "Zuidmidden",
                     "Zuidoost"};
  spec.series = {MakeSeries("Overgewicht", {8.5, 12.0, 15.2, 6.1, 10.4, std::nullopt})};
  const double lat0 = 52.36, side = 0.02, k = std::cos(lat0 * 3.14159265358979 / 180);
  for (int row = 0; row < 2; ++row) {
    for (int col = 0; col < 3; ++col) {
      double lon = 4.85 + col * side / k, lat = lat0 - row * side;
      spec.shapes.push_back(
          {{{lon, lat}, {lon + side / k, lat}, {lon + side / k, lat - side}, {lon, lat - side}}});
    }
  }
  spec.missing_label = "geen gegevens";
  return spec;
}

inline ChartSpec SparklineSpec() {
  ChartSpec spec = BaseSpec("bereik-trend", ChartKind::kSparkline);
  spec.format_tick = nullptr;  // a sparkline has no ticks
  spec.categories = {"2017", "2018", "2019", "2020", "2021", "2022", "2023"};
  spec.series = {MakeSeries("Bereik", {94.1, 95.0, std::nullopt, 93.2, 96.4, 97.0, 96.1})};
  return spec;
}

/// Writes `bytes` to $JV_CHART_PNG_DIR/name when that variable is set (for looking at the
/// output by eye); does nothing otherwise.
inline void MaybeWrite(const std::string& name, const std::string& bytes) {
  const char* dir = std::getenv("JV_CHART_PNG_DIR");
  if (dir == nullptr) return;
  std::ofstream(std::string(dir) + "/" + name, std::ios::binary) << bytes;
}

}  // namespace jv::charts::testing
