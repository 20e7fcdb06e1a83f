// ShowLine draws a line of chart text as Pango draws the whole layout in a context made for the
// target, which is how the painters drew text before lines were kept: the same pixels, whatever
// fonts the line needs (fallbacks for scripts Inter lacks, right-to-left runs).

#include <catch2/catch.hpp>

#include <cairo.h>

#include <string>
#include <vector>

#include "charts/pango_setup.h"
#include "charts/shaped_text.h"

namespace jv::charts {
namespace {

constexpr int kWidth = 800, kHeight = 120;

// `text` with the left end of its baseline at (10, 30) CSS px, at 2×, on white: by ShowLine, or
// by pango_cairo_show_layout.
std::vector<unsigned char> Draw(const std::string& text, bool show_line) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kWidth, kHeight);
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_scale(cr, 2, 2);
  cairo_set_source_rgb(cr, 0.1, 0.2, 0.3);
  const TextStyle style{13, false};
  if (show_line) {
    ShowLine(cr, ShapeLine("Inter", style, text), 10, 30);
  } else {
    PangoContext* context = pango_cairo_create_context(cr);
    ConfigurePangoContext(context);
    PangoLayout* layout = pango_layout_new(context);
    pango_layout_set_single_paragraph_mode(layout, TRUE);
    PangoFontDescription* desc = NewFontDescription("Inter", style);
    pango_layout_set_font_description(layout, desc);
    pango_font_description_free(desc);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
    PangoRectangle logical;
    pango_layout_get_extents(layout, nullptr, &logical);
    cairo_move_to(cr, 10 - static_cast<double>(logical.x) / PANGO_SCALE,
                  30 - static_cast<double>(pango_layout_get_baseline(layout)) / PANGO_SCALE);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
    g_object_unref(context);
  }
  cairo_surface_flush(surface);
  const unsigned char* data = cairo_image_surface_get_data(surface);
  std::vector<unsigned char> pixels(data, data + static_cast<size_t>(cairo_image_surface_get_stride(surface)) * kHeight);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return pixels;
}

TEST_CASE("ShowLine draws a line as Pango draws its layout", "[charts]") {
  const std::vector<unsigned char> blank = Draw("", true);
  for (const std::string text : {"Aantal gezinnen 2023", "12,5% · Ελλάδα ≥ 5", "Zuidoost مرحبا 7"}) {
    INFO(text);
    std::vector<unsigned char> ours = Draw(text, true);
    CHECK(ours != blank);
    CHECK(ours == Draw(text, false));
  }
}

}  // namespace
}  // namespace jv::charts
