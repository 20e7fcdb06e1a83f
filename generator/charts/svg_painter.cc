// PaintSvg: the display list as SVG with real <text> (selectable, read aloud, styled with the
// page's web font) instead of Cairo's glyph outlines. Output depends only on the list: numbers
// are printed locale-independently and nothing time- or address-dependent is written.

#include <charconv>
#include <cmath>
#include <string>

#include "base/text.h"
#include "charts/render.h"

namespace jv::charts {
namespace {

constexpr double kPi = 3.141592653589793;

// At most two decimals, trailing zeros dropped: "12", "12.5", "12.25", never "-0".
std::string Num(double value) {
  double rounded = std::round(value * 100) / 100;
  if (rounded == 0) rounded = 0;  // turns -0 into 0
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, rounded, std::chars_format::fixed, 2);
  std::string out(buffer, result.ptr);
  while (out.back() == '0') out.pop_back();
  if (out.back() == '.') out.pop_back();
  return out;
}


// The measured family first, then a generic fallback so text still renders without it.
std::string FontFamily(const std::string& family) {
  bool plain = family.find_first_of(" ,'\"") == std::string::npos;
  return (plain ? family : "'" + family + "'") + ", sans-serif";
}

// Point on a circle for our angle convention (0 = 12 o'clock, clockwise, y down).
std::string Point(double cx, double cy, double radius, double angle) {
  return Num(cx + radius * std::sin(angle)) + " " + Num(cy - radius * std::cos(angle));
}

// Two arcs per edge (through the middle angle) keep each below 180 degrees, which avoids the
// large-arc flag and makes a full circle drawable.
std::string ArcPath(const Arc& a) {
  double mid = (a.start_angle + a.end_angle) / 2;
  std::string r = Num(a.outer_radius);
  std::string d = "M" + Point(a.cx, a.cy, a.outer_radius, a.start_angle);
  d += "A" + r + " " + r + " 0 0 1 " + Point(a.cx, a.cy, a.outer_radius, mid);
  d += "A" + r + " " + r + " 0 0 1 " + Point(a.cx, a.cy, a.outer_radius, a.end_angle);
  if (a.inner_radius > 0) {
    std::string ri = Num(a.inner_radius);
    d += "L" + Point(a.cx, a.cy, a.inner_radius, a.end_angle);
    d += "A" + ri + " " + ri + " 0 0 0 " + Point(a.cx, a.cy, a.inner_radius, mid);
    d += "A" + ri + " " + ri + " 0 0 0 " + Point(a.cx, a.cy, a.inner_radius, a.start_angle);
  } else if (a.end_angle - a.start_angle < 2 * kPi - 1e-9) {
    d += "L" + Num(a.cx) + " " + Num(a.cy);
  }
  return d + "Z";
}

class SvgWriter {
 public:
  explicit SvgWriter(const DisplayList& list) : list_(list) {}

  void operator()(const Rect& r) {
    out_ += "<rect x=\"" + Num(r.x) + "\" y=\"" + Num(r.y) + "\" width=\"" + Num(r.width) +
            "\" height=\"" + Num(r.height) + "\" fill=\"" + r.fill.Hex() + "\"/>\n";
  }
  void operator()(const Polyline& p) {
    std::string points;
    for (const auto& [x, y] : p.points) points += (points.empty() ? "" : " ") + Num(x) + "," + Num(y);
    out_ += "<polyline points=\"" + points + "\" fill=\"none\" stroke=\"" + p.stroke.Hex() +
            "\" stroke-width=\"" + Num(p.stroke_width) + "\" stroke-linejoin=\"round\"";
    if (p.dashed) out_ += " stroke-dasharray=\"" + Num(4 * p.stroke_width) + " " + Num(3 * p.stroke_width) + "\"";
    out_ += "/>\n";
  }
  void operator()(const Arc& a) {
    out_ += "<path d=\"" + ArcPath(a) + "\" fill=\"" + a.fill.Hex() + "\"/>\n";
  }
  void operator()(const Polygon& p) {
    std::string d;
    for (const auto& ring : p.rings) {
      for (size_t i = 0; i < ring.size(); ++i) {
        d += (i == 0 ? "M" : "L") + Num(ring[i].first) + " " + Num(ring[i].second);
      }
      if (!ring.empty()) d += "Z";
    }
    out_ += "<path d=\"" + d + "\" fill=\"" + p.fill.Hex() + "\" fill-rule=\"evenodd\"";
    if (p.stroke_width > 0) {
      out_ += " stroke=\"" + p.stroke.Hex() + "\" stroke-width=\"" + Num(p.stroke_width) + "\"";
    }
    out_ += "/>\n";
  }
  void operator()(const Circle& c) {
    out_ += "<circle cx=\"" + Num(c.cx) + "\" cy=\"" + Num(c.cy) + "\" r=\"" + Num(c.radius) +
            "\" fill=\"" + c.fill.Hex() + "\"/>\n";
  }
  void operator()(const Text& t) {
    static const char* const kAnchors[] = {"start", "middle", "end"};
    out_ += "<text x=\"" + Num(t.x) + "\" y=\"" + Num(t.y) + "\" font-family=\"" +
            EscapeHtml(FontFamily(list_.font_family)) + "\" font-size=\"" + Num(t.font_size) + "\"";
    if (t.bold) out_ += " font-weight=\"bold\"";
    out_ += " text-anchor=\"" + std::string(kAnchors[static_cast<int>(t.anchor)]) +
            "\" fill=\"" + t.fill.Hex() + "\">" + EscapeHtml(t.text) + "</text>\n";
  }

  std::string Write() {
    const std::string& id = list_.id;
    out_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + Num(list_.width) + " " +
           Num(list_.height) + "\" width=\"" + Num(list_.width) + "\" height=\"" +
           Num(list_.height) + "\" role=\"img\" aria-labelledby=\"" + EscapeHtml(id) + "-title " +
           EscapeHtml(id) + "-desc\">\n";
    out_ += "<title id=\"" + EscapeHtml(id) + "-title\">" + EscapeHtml(list_.title) + "</title>\n";
    out_ += "<desc id=\"" + EscapeHtml(id) + "-desc\">" + EscapeHtml(list_.description) + "</desc>\n";
    out_ += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\" aria-hidden=\"true\"/>\n";
    WriteItems();
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  // Consecutive shapes go into one aria-hidden group (they repeat what the text and <desc>
  // say); text stays outside so that it remains selectable and searchable. Paint order is kept.
  void WriteItems() {
    bool in_shapes = false;
    for (const Item& item : list_.items) {
      bool is_text = std::holds_alternative<Text>(item);
      if (!is_text && !in_shapes) out_ += "<g aria-hidden=\"true\">\n";
      if (is_text && in_shapes) out_ += "</g>\n";
      in_shapes = !is_text;
      std::visit(*this, item);
    }
    if (in_shapes) out_ += "</g>\n";
  }

  const DisplayList& list_;
  std::string out_;
};

}  // namespace

std::string PaintSvg(const DisplayList& list) { return SvgWriter(list).Write(); }

}  // namespace jv::charts
