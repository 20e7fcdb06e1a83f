// PaintPng and PaintPdf: the display list drawn by Cairo, text set by Pango with the same font
// and font options the layout measured with (see pango_setup.h and shaped_text.h).

#include <cairo-pdf.h>
#include <cairo.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "charts/png_encoder.h"
#include "charts/render.h"
#include "charts/shaped_text.h"

namespace jv::charts {
namespace {

constexpr double kPi = 3.141592653589793;

// PDF metadata date written instead of "now", so equal input gives equal bytes.
constexpr const char* kFixedPdfDate = "2000-01-01T00:00:00Z";

void SetColor(cairo_t* cr, Color c) {
  cairo_set_source_rgb(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0);
}

class CairoWriter {
 public:
  explicit CairoWriter(cairo_t* cr, const std::string& family) : cr_(cr), family_(family) {}

  void operator()(const Rect& r) {
    cairo_rectangle(cr_, r.x, r.y, r.width, r.height);
    SetColor(cr_, r.fill);
    cairo_fill(cr_);
  }
  void operator()(const Polyline& p) {
    if (p.points.size() < 2) return;
    cairo_move_to(cr_, p.points[0].first, p.points[0].second);
    for (size_t i = 1; i < p.points.size(); ++i) cairo_line_to(cr_, p.points[i].first, p.points[i].second);
    SetColor(cr_, p.stroke);
    cairo_set_line_width(cr_, p.stroke_width);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    // The same dash pattern as the SVG painter's stroke-dasharray.
    double dashes[] = {4 * p.stroke_width, 3 * p.stroke_width};
    cairo_set_dash(cr_, dashes, p.dashed ? 2 : 0, 0);
    cairo_stroke(cr_);
    cairo_set_dash(cr_, nullptr, 0, 0);
  }
  void operator()(const Arc& a) {
    // Our angles start at 12 o'clock; Cairo's at 3 o'clock. Both run clockwise on screen.
    double start = a.start_angle - kPi / 2, end = a.end_angle - kPi / 2;
    cairo_new_path(cr_);
    cairo_arc(cr_, a.cx, a.cy, a.outer_radius, start, end);
    if (a.inner_radius > 0) {
      cairo_arc_negative(cr_, a.cx, a.cy, a.inner_radius, end, start);
    } else {
      cairo_line_to(cr_, a.cx, a.cy);
    }
    cairo_close_path(cr_);
    SetColor(cr_, a.fill);
    // Even-odd keeps the hole of a lone full ring empty.
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
    cairo_fill(cr_);
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_WINDING);
  }
  void operator()(const Polygon& p) {
    cairo_new_path(cr_);
    for (const auto& ring : p.rings) {
      for (size_t i = 0; i < ring.size(); ++i) {
        if (i == 0) cairo_move_to(cr_, ring[i].first, ring[i].second);
        else cairo_line_to(cr_, ring[i].first, ring[i].second);
      }
      cairo_close_path(cr_);
    }
    cairo_set_fill_rule(cr_, CAIRO_FILL_RULE_EVEN_ODD);
    SetColor(cr_, p.fill);
    if (p.stroke_width > 0) {
      cairo_fill_preserve(cr_);
      cairo_set_line_width(cr_, p.stroke_width);
      SetColor(cr_, p.stroke);
      cairo_stroke(cr_);
    } else {
      cairo_fill(cr_);
    }
  }
  void operator()(const Circle& c) {
    cairo_new_path(cr_);
    cairo_arc(cr_, c.cx, c.cy, c.radius, 0, 2 * kPi);
    SetColor(cr_, c.fill);
    cairo_fill(cr_);
  }
  void operator()(const Text& t) {
    const ShapedLine& line = ShapeLine(family_, {t.font_size, t.bold}, t.text);
    double shift = t.anchor == TextAnchor::kStart ? 0 : t.anchor == TextAnchor::kMiddle ? 0.5 : 1;
    SetColor(cr_, t.fill);
    ShowLine(cr_, line, t.x - line.width * shift, t.y);
  }

  /// The items only: the caller has laid down the white background.
  void Paint(const DisplayList& list) {
    for (const Item& item : list.items) std::visit(*this, item);
  }

 private:
  cairo_t* cr_;
  const std::string& family_;
};

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

Status CairoError(const DisplayList& list, const char* what, cairo_status_t status) {
  return Status::Error({}, "chart '" + list.id + "': " + what + ": " +
                               cairo_status_to_string(status));
}

}  // namespace

constexpr uint32_t kWhite = 0xFFFFFFFF;  // opaque white, premultiplied ARGB

// This thread's pixel buffer, which only ever grows: charts differ in height (a title on two
// lines, more categories), and a fresh multi-megabyte surface for each costs page faults and
// zeroing. It knows which of its pixels are white already: laying the white background over a
// whole 2× chart costs about as much as encoding it, while PaintPng2xAnd1x whitens each row
// again right after reading it, when the row is still in cache.
class Canvas {
 public:
  static Canvas& ForThisThread() {
    thread_local Canvas canvas;
    return canvas;
  }
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;
  ~Canvas() {
    if (surface_ != nullptr) cairo_surface_destroy(surface_);
  }

  /// An all-white surface of `width` × `height` over the buffer (an error surface when Cairo
  /// cannot make one that size); the one handed out before is destroyed.
  cairo_surface_t* WhiteSurface(int width, int height) {
    if (surface_ != nullptr) cairo_surface_destroy(surface_);
    surface_ = nullptr;
    constexpr int kMaxSide = 32767;  // Cairo's limit: beyond it, let Cairo report the error
    if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide) {
      return surface_ = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    }
    const int stride = cairo_format_stride_for_width(CAIRO_FORMAT_ARGB32, width);
    const size_t words = static_cast<size_t>(stride / 4) * static_cast<size_t>(height);
    if (pixels_.size() < words) pixels_.resize(words);
    std::fill(pixels_.begin(), pixels_.begin() + static_cast<std::ptrdiff_t>(lent_), kWhite);
    if (words > white_) {
      std::fill(pixels_.begin() + static_cast<std::ptrdiff_t>(white_),
                pixels_.begin() + static_cast<std::ptrdiff_t>(words), kWhite);
    }
    white_ = std::max(white_, words);
    lent_ = words;
    return surface_ = cairo_image_surface_create_for_data(reinterpret_cast<unsigned char*>(pixels_.data()),
                                                          CAIRO_FORMAT_ARGB32, width, height, stride);
  }

  /// The caller has made every pixel of the surface last handed out white again.
  void Rewhitened() { lent_ = 0; }

 private:
  Canvas() = default;

  std::vector<uint32_t> pixels_;
  cairo_surface_t* surface_ = nullptr;
  size_t lent_ = 0;   // pixels_[0, lent_) may hold a chart
  size_t white_ = 0;  // pixels_[lent_, white_) are white
};

// Paints `list` at `scale` into this thread's canvas, flushed and ready to read.
static Result<cairo_surface_t*> PaintPixels(const DisplayList& list, double scale) {
  if (!(scale > 0 && scale <= 8)) return Status::Error({}, "PNG scale must be in (0, 8]");
  int width = static_cast<int>(std::ceil(list.width * scale));
  int height = static_cast<int>(std::ceil(list.height * scale));
  cairo_surface_t* surface = Canvas::ForThisThread().WhiteSurface(width, height);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, scale, scale);
  {
    CairoWriter writer(cr, list.font_family);
    writer.Paint(list);
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (status != CAIRO_STATUS_SUCCESS) return CairoError(list, "PNG painting failed", status);
  cairo_surface_flush(surface);
  return surface;
}

static std::string EncodeSurface(cairo_surface_t* surface) {
  return EncodeOpaquePng(cairo_image_surface_get_data(surface), cairo_image_surface_get_width(surface),
                         cairo_image_surface_get_height(surface), cairo_image_surface_get_stride(surface));
}

// The rounded mean of four pixels, the channels summed two at a time in the 16-bit lanes of a
// 32-bit word, where four 8-bit values cannot overflow.
static inline uint32_t Mean(uint32_t a, uint32_t b, uint32_t c, uint32_t d) {
  constexpr uint32_t kLanes = 0x00FF00FFu, kHalf = 0x00020002u;  // +2: rounds the quarter to nearest
  uint32_t even = (a & kLanes) + (b & kLanes) + (c & kLanes) + (d & kLanes) + kHalf;
  uint32_t odd = (a >> 8 & kLanes) + (b >> 8 & kLanes) + (c >> 8 & kLanes) + (d >> 8 & kLanes) + kHalf;
  return (even >> 2 & kLanes) | (odd >> 2 & kLanes) << 8;
}

// Each pixel of `out` (`width` pixels) is the mean of a 2 × 2 block of the rows `top` and
// `bottom` (`source_width` pixels), the last column repeated where `source_width` is odd.
static void HalveRow(const uint32_t* top, const uint32_t* bottom, int source_width, uint32_t* out, int width) {
  const int whole = std::min(width, source_width / 2);  // blocks with both columns inside
  int x = 0;
#if defined(__SSE2__)
  // Four result pixels per step: the channels widened to 16 bits, each pair of rows added,
  // then each pair of neighbouring pixels (the two halves of a register).
  const __m128i zero = _mm_setzero_si128(), half = _mm_set1_epi16(2);
  auto pair_sums = [&](int from) {  // the block sums of result pixels from / 2 and from / 2 + 1
    __m128i upper = _mm_loadu_si128(reinterpret_cast<const __m128i*>(top + from));
    __m128i lower = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bottom + from));
    __m128i first = _mm_add_epi16(_mm_unpacklo_epi8(upper, zero), _mm_unpacklo_epi8(lower, zero));
    __m128i second = _mm_add_epi16(_mm_unpackhi_epi8(upper, zero), _mm_unpackhi_epi8(lower, zero));
    return _mm_unpacklo_epi64(_mm_add_epi16(first, _mm_srli_si128(first, 8)),
                              _mm_add_epi16(second, _mm_srli_si128(second, 8)));
  };
  for (; x + 4 <= whole; x += 4) {
    __m128i means = _mm_packus_epi16(_mm_srli_epi16(_mm_add_epi16(pair_sums(2 * x), half), 2),
                                     _mm_srli_epi16(_mm_add_epi16(pair_sums(2 * x + 4), half), 2));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out + x), means);
  }
#endif
  for (; x < whole; ++x) out[x] = Mean(top[2 * x], top[2 * x + 1], bottom[2 * x], bottom[2 * x + 1]);
  for (x = whole; x < width; ++x) {
    int left = std::min(2 * x, source_width - 1), right = std::min(2 * x + 1, source_width - 1);
    out[x] = Mean(top[left], top[right], bottom[left], bottom[right]);
  }
}

Result<std::string> PaintPng(const DisplayList& list, double scale) {
  Result<cairo_surface_t*> surface = PaintPixels(list, scale);
  if (!surface.ok()) return surface.status();
  return EncodeSurface(*surface);
}

Result<std::pair<std::string, std::string>> PaintPng2xAnd1x(const DisplayList& list) {
  Result<cairo_surface_t*> surface = PaintPixels(list, 2);
  if (!surface.ok()) return surface.status();
  unsigned char* data = cairo_image_surface_get_data(*surface);
  const int stride = cairo_image_surface_get_stride(*surface);
  const int source_width = cairo_image_surface_get_width(*surface);
  const int source_height = cairo_image_surface_get_height(*surface);
  auto source_row = [&](int y) { return reinterpret_cast<uint32_t*>(data + static_cast<size_t>(y) * stride); };
  const int width = static_cast<int>(std::ceil(list.width)), height = static_cast<int>(std::ceil(list.height));

  // The 1× rows are made from each pair of 2× rows just written, while those are in cache; the
  // 1× writer keeps reading its previous row, so two rows alternate. A 2× row is whitened for
  // the next chart once neither writer reads it any more.
  thread_local std::vector<unsigned char> double_stream, single_stream;
  thread_local std::vector<uint32_t> single_rows;
  single_rows.resize(2 * static_cast<size_t>(width));
  PngWriter double_png(source_width, source_height, &double_stream);
  PngWriter single_png(width, height, &single_stream);
  int written = 0, whitened = 0;  // 2× rows
  auto whiten_before = [&](int end) {
    for (; whitened < end; ++whitened) std::fill_n(source_row(whitened), stride / 4, kWhite);
  };
  for (int y = 0; y < height; ++y) {
    const int top = std::min(2 * y, source_height - 1), bottom = std::min(2 * y + 1, source_height - 1);
    for (; written <= bottom; ++written) double_png.AddRow(source_row(written));
    uint32_t* single = single_rows.data() + static_cast<size_t>(y % 2) * width;
    HalveRow(source_row(top), source_row(bottom), source_width, single, width);
    single_png.AddRow(single);
    whiten_before(written - 1);  // the last row written is the next one's row above
  }
  for (; written < source_height; ++written) double_png.AddRow(source_row(written));
  whiten_before(source_height);
  cairo_surface_mark_dirty(*surface);
  Canvas::ForThisThread().Rewhitened();
  return std::make_pair(double_png.Finish(), single_png.Finish());
}

Result<std::string> PaintPdf(const DisplayList& list) {
  std::string pdf;
  // One CSS pixel becomes one PDF point: the page keeps the chart's proportions and the text
  // stays vector, so the absolute size only matters when printed unscaled.
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, &pdf, list.width, list.height);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, kFixedPdfDate);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, kFixedPdfDate);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, list.title.c_str());
  cairo_t* cr = cairo_create(surface);
  cairo_rectangle(cr, 0, 0, list.width, list.height);
  SetColor(cr, {255, 255, 255});
  cairo_fill(cr);
  {
    CairoWriter writer(cr, list.font_family);
    writer.Paint(list);
  }
  cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);  // writes the document into `pdf`
  if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) return CairoError(list, "PDF painting failed", status);
  return pdf;
}

}  // namespace jv::charts
