#include "charts/display_list.h"

#include <cstring>

namespace jv::charts {
namespace {

// Appends raw bytes of numbers and length-prefixed strings; the item index in the variant
// separates kinds, so different lists cannot run together into the same bytes.
class FingerprintWriter {
 public:
  void Number(double v) { Raw(&v, sizeof v); }
  void Int(uint64_t v) { Raw(&v, sizeof v); }
  void String(const std::string& s) {
    Int(s.size());
    out_ += s;
  }
  void Colour(Color c) { out_ += {static_cast<char>(c.r), static_cast<char>(c.g), static_cast<char>(c.b)}; }
  void Points(const std::vector<std::pair<double, double>>& points) {
    Int(points.size());
    for (const auto& [x, y] : points) Number(x), Number(y);
  }
  void operator()(const Rect& r) { Number(r.x), Number(r.y), Number(r.width), Number(r.height), Colour(r.fill); }
  void operator()(const Polyline& p) { Points(p.points), Colour(p.stroke), Number(p.stroke_width), Int(p.dashed); }
  void operator()(const Arc& a) {
    Number(a.cx), Number(a.cy), Number(a.outer_radius), Number(a.inner_radius);
    Number(a.start_angle), Number(a.end_angle), Colour(a.fill);
  }
  void operator()(const Circle& c) { Number(c.cx), Number(c.cy), Number(c.radius), Colour(c.fill); }
  void operator()(const Text& t) {
    Number(t.x), Number(t.y), String(t.text), Number(t.font_size), Int(t.bold);
    Int(static_cast<uint64_t>(t.anchor)), Colour(t.fill);
  }
  void operator()(const Polygon& p) {
    Int(p.rings.size());
    for (const auto& ring : p.rings) Points(ring);
    Colour(p.fill), Colour(p.stroke), Number(p.stroke_width);
  }
  std::string Take() { return std::move(out_); }

 private:
  void Raw(const void* p, size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

}  // namespace

std::string Fingerprint(const DisplayList& list) {
  FingerprintWriter out;
  out.String(list.id), out.Number(list.width), out.Number(list.height);
  out.String(list.font_family), out.String(list.title), out.String(list.description);
  out.Int(list.items.size());
  for (const Item& item : list.items) {
    out.Int(item.index());
    std::visit(out, item);
  }
  return out.Take();
}

std::string Color::Hex() const {
  // Written by hand rather than with printf so the result never depends on the C locale.
  static const char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (uint8_t channel : {r, g, b}) {
    out += kDigits[channel >> 4];
    out += kDigits[channel & 0x0f];
  }
  return out;
}

}  // namespace jv::charts
