// Choropleths: the areas' own outlines (ChartSpec::shapes, longitude/latitude), projected into
// the plot area and filled by value on the same ramp as the tile map. Labels sit inside their
// area or are left out; the legend and the page's table carry every value anyway.

#include <algorithm>
#include <cmath>

#include "charts/layout_map.h"
#include "charts/palette.h"

namespace jv::charts {
namespace {

using Ring = std::vector<std::pair<double, double>>;
constexpr double kPi = 3.14159265358979323846;

struct Bounds {
  double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
  void Add(double x, double y) {
    min_x = std::min(min_x, x), max_x = std::max(max_x, x);
    min_y = std::min(min_y, y), max_y = std::max(max_y, y);
  }
};

// Equirectangular with the longitudes shrunk by cos(latitude) at the map's centre: within a
// city the distortion is far below what a reader can see. y grows southwards, as on screen.
std::vector<Shape> Project(const std::vector<Shape>& shapes, Bounds* bounds) {
  Bounds geo;
  for (const Shape& shape : shapes) {
    for (const Ring& ring : shape) {
      for (const auto& [lon, lat] : ring) geo.Add(lon, lat);
    }
  }
  double k = std::cos((geo.min_y + geo.max_y) / 2 * kPi / 180);
  std::vector<Shape> out = shapes;
  for (Shape& shape : out) {
    for (Ring& ring : shape) {
      for (auto& [x, y] : ring) {
        x *= k;
        y = -y;
        bounds->Add(x, y);
      }
    }
  }
  return out;
}

double SignedArea(const Ring& r) {
  double a = 0;
  for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    a += r[j].first * r[i].second - r[i].first * r[j].second;
  }
  return a / 2;
}

// Even-odd over all rings, like the painters' fill rule.
bool Inside(const Shape& shape, double x, double y) {
  bool in = false;
  for (const Ring& r : shape) {
    for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
      auto [xi, yi] = r[i];
      auto [xj, yj] = r[j];
      if ((yi > y) != (yj > y) && x < xi + (y - yi) * (xj - xi) / (yj - yi)) in = !in;
    }
  }
  return in;
}

// The centroid of the largest ring; when that falls outside the area (a crescent, a hole),
// the middle of the widest inside stretch of the horizontal line through it.
std::pair<double, double> LabelPoint(const Shape& shape) {
  const Ring* largest = &shape[0];
  for (const Ring& r : shape) {
    if (std::abs(SignedArea(r)) > std::abs(SignedArea(*largest))) largest = &r;
  }
  const Ring& r = *largest;
  double area = SignedArea(r), cx = 0, cy = 0;
  for (size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
    double cross = r[j].first * r[i].second - r[i].first * r[j].second;
    cx += (r[j].first + r[i].first) * cross;
    cy += (r[j].second + r[i].second) * cross;
  }
  cx /= 6 * area;
  cy /= 6 * area;
  if (Inside(shape, cx, cy)) return {cx, cy};
  std::vector<double> xs;
  for (const Ring& ring : shape) {
    for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
      auto [xi, yi] = ring[i];
      auto [xj, yj] = ring[j];
      if ((yi > cy) != (yj > cy)) xs.push_back(xi + (cy - yi) * (xj - xi) / (yj - yi));
    }
  }
  std::sort(xs.begin(), xs.end());
  double best = -1;
  for (size_t i = 0; i + 1 < xs.size(); i += 2) {
    if (xs[i + 1] - xs[i] > best) best = xs[i + 1] - xs[i], cx = (xs[i] + xs[i + 1]) / 2;
  }
  return {cx, cy};
}

// True when `box`, with a small margin, lies inside the area, judged by its corners and edge
// midpoints (enough for the convex-ish outlines of city districts).
bool BoxInside(const Shape& shape, const Box& box) {
  constexpr double m = 2;
  double xs[] = {box.x - m, box.x + box.width / 2, box.right() + m};
  double ys[] = {box.y - m, box.y + box.height / 2, box.bottom() + m};
  for (double x : xs) {
    for (double y : ys) {
      if (!Inside(shape, x, y)) return false;
    }
  }
  return true;
}

// Lines centred on (x, y): the boxes they would take, in order.
struct LabelBlock {
  std::vector<std::pair<std::string, TextStyle>> lines;
  std::vector<Box> boxes;
  std::vector<double> baselines;
};

LabelBlock PlaceBlock(const LayoutBuilder& b, std::vector<std::pair<std::string, TextStyle>> lines,
                      double x, double y) {
  LabelBlock block;
  block.lines = std::move(lines);
  double advance = b.measurer().LineAdvance(block.lines[0].second);
  double height = b.BlockHeight(block.lines.size(), block.lines[0].second);
  double baseline = y - height / 2 + b.Ascent(block.lines[0].second);
  for (const auto& [text, style] : block.lines) {
    block.baselines.push_back(baseline);
    block.boxes.push_back(b.TextBox(x, baseline, text, style, TextAnchor::kMiddle));
    baseline += advance;
  }
  return block;
}

// Name and value, else the value alone, in the label or the tick size: the first that fits
// inside the area without touching an earlier label. Nothing when none does.
void AddAreaLabel(LayoutBuilder& b, const Shape& shape, size_t i, Color color) {
  auto [x, y] = LabelPoint(shape);
  std::string value = MapValueLabel(b.spec(), i);
  for (TextStyle style : {b.LabelStyle(), b.TickStyle()}) {
    TextStyle bold{style.size, true};
    std::vector<std::vector<std::pair<std::string, TextStyle>>> candidates;
    std::vector<std::pair<std::string, TextStyle>> full;
    for (const std::string& line : b.measurer().Wrap(b.spec().categories[i], style, 110)) {
      full.emplace_back(line, style);
    }
    if (!value.empty()) full.emplace_back(value, bold);
    candidates.push_back(full);
    if (!value.empty()) candidates.push_back({{value, bold}});
    for (const auto& lines : candidates) {
      LabelBlock block = PlaceBlock(b, lines, x, y);
      bool fits = std::all_of(block.boxes.begin(), block.boxes.end(), [&](const Box& box) {
        return BoxInside(shape, box) && !b.Collides(box);
      });
      if (!fits) continue;
      for (size_t k = 0; k < block.lines.size(); ++k) {
        b.AddText(x, block.baselines[k], block.lines[k].first, block.lines[k].second,
                  TextAnchor::kMiddle, color);
      }
      return;
    }
  }
}

}  // namespace

double LayoutChoropleth(LayoutBuilder& b) {
  const ChartSpec& spec = b.spec();
  double top = b.AddHeader();
  Bounds bounds;
  std::vector<Shape> shapes = Project(spec.shapes, &bounds);
  double w = std::max(bounds.max_x - bounds.min_x, 1e-9);
  double h = std::max(bounds.max_y - bounds.min_y, 1e-9);
  // One scale for both axes keeps the aspect ratio; the height is capped so that a tall city
  // does not push the legend off the screen.
  double max_height = std::clamp(b.list().width * 0.75, 160.0, 600.0);
  double scale = std::min(b.content_width() / w, max_height / h);
  double left = b.left() + (b.content_width() - w * scale) / 2;
  for (Shape& shape : shapes) {
    for (Ring& ring : shape) {
      for (auto& [x, y] : ring) {
        x = left + (x - bounds.min_x) * scale;
        y = top + (y - bounds.min_y) * scale;
      }
    }
  }
  ColorRamp ramp = ColorRamp::ForSpec(spec);
  std::vector<Color> text_colors;
  for (size_t i = 0; i < shapes.size(); ++i) {
    if (IsMissing(spec, i)) {
      // A grey outline rather than white, or the light area would not show on the page.
      AddNoDataShape(b, shapes[i]);
      text_colors.push_back(ui::kText);
      continue;
    }
    Polygon p;
    p.rings = shapes[i];
    p.fill = ramp(*spec.series[0].values[i]);
    p.stroke = ui::kBackground;  // thin white outlines separate neighbours
    p.stroke_width = 1;
    text_colors.push_back(MapTextColor(p.fill));
    b.list().items.emplace_back(std::move(p));
  }
  // Larger areas first: they have the room, so more labels fit.
  std::vector<size_t> order(shapes.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t c) {
    return std::abs(SignedArea(shapes[a][0])) > std::abs(SignedArea(shapes[c][0]));
  });
  for (size_t i : order) AddAreaLabel(b, shapes[i], i, text_colors[i]);
  return AddScaleLegend(b, ramp, top + h * scale + 16);
}

}  // namespace jv::charts
