#pragma once
// The output of chart layout: absolute shapes and measured text in CSS pixels. Painters only
// draw what is here; they never decide positions themselves.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace jv::charts {

struct Color {
  uint8_t r = 0, g = 0, b = 0;
  /// "#rrggbb".
  std::string Hex() const;
};

struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
  Color fill;
};

/// An open polyline (axis, grid line, data line, target line).
struct Polyline {
  std::vector<std::pair<double, double>> points;
  Color stroke;
  double stroke_width = 1;
  bool dashed = false;
};

/// A ring segment (donut slice); angles in radians, 0 = 12 o'clock, clockwise.
struct Arc {
  double cx = 0, cy = 0, outer_radius = 0, inner_radius = 0;
  double start_angle = 0, end_angle = 0;
  Color fill;
};

/// A filled circle (line-chart markers).
struct Circle {
  double cx = 0, cy = 0, radius = 0;
  Color fill;
};

/// A filled outline of one or more rings, drawn with the even-odd rule (map areas).
struct Polygon {
  std::vector<std::vector<std::pair<double, double>>> rings;
  Color fill;
  Color stroke;
  double stroke_width = 0;  ///< 0: no outline
};

enum class TextAnchor { kStart, kMiddle, kEnd };

/// One line of text; (x, y) is the anchor point on the baseline.
struct Text {
  double x = 0, y = 0;
  std::string text;
  double font_size = 13;
  bool bold = false;
  TextAnchor anchor = TextAnchor::kStart;
  Color fill;
  /// Measured ink box, for overlap and bounds checks (CSS pixels, absolute).
  double box_x = 0, box_y = 0, box_width = 0, box_height = 0;
};

using Item = std::variant<Rect, Polyline, Arc, Circle, Text, Polygon>;

/// Where category `category` is drawn, for a page that lays links over the chart (a tile map's
/// tiles lead to the areas' pages). Painters draw nothing for it.
struct Hotspot {
  size_t category = 0;
  double x = 0, y = 0, width = 0, height = 0;
};

struct DisplayList {
  std::string id;           ///< the chart id (prefix for SVG ids)
  double width = 0, height = 0;
  std::string font_family;  ///< the family Pango resolved and measured with
  std::string title;        ///< becomes <title>
  std::string description;  ///< becomes <desc>
  std::vector<Item> items;  ///< painted in order
  std::vector<Hotspot> hotspots;
};

/// Every drawn detail of `list` as bytes, numbers at full precision: equal fingerprints give
/// equal pictures from every painter, so a build may reuse a picture painted before.
std::string Fingerprint(const DisplayList& list);

}  // namespace jv::charts
