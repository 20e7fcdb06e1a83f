// Golden tests: every chart kind and variant is laid out and painted, and the output is compared
// with files in tests/golden/charts/. SVG must match as text (after normalising line endings,
// so a checkout with CRLF does not fail); the 2x PNG is compared by pixels with a tolerance,
// because anti-aliasing may shift by a step between Cairo/pixman builds.
//
// JV_UPDATE_GOLDEN=1 (re)writes the goldens; otherwise a missing golden fails. After updating,
// look at the PNGs before committing them: a golden only proves that nothing changed.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "png_pixels.h"
#include "test_util.h"
#include "variant_fixtures.h"

namespace jv::charts {
namespace {

namespace fs = std::filesystem;

// At most 0.5% of the pixels may differ, each by more than 16 in some channel: enough for
// anti-aliasing differences, far too little for a moved label or a changed colour.
constexpr int kChannelTolerance = 16;
constexpr double kMaxDifferentShare = 0.005;

fs::path GoldenDir() { return fs::path(JV_SOURCE_DIR) / "tests" / "golden" / "charts"; }

bool Updating() {
  const char* value = std::getenv("JV_UPDATE_GOLDEN");
  return value != nullptr && std::string(value) == "1";
}

std::string WithoutCarriageReturns(std::string text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    out += text[i];
  }
  return out;
}

struct Rendered {
  std::string svg, png;
};

Rendered Render(const ChartSpec& spec) {
  Result<DisplayList> list = Layout(spec, Theme());
  INFO(list.status().ToString());
  REQUIRE(list.ok());
  Result<std::string> png = PaintPng(*list, 2);
  REQUIRE(png.ok());
  return {PaintSvg(*list), *png};
}

// Writes the goldens when updating; otherwise compares with them.
void CheckGolden(const ChartSpec& spec, const std::string& name) {
  Rendered out = Render(spec);
  fs::path svg_path = GoldenDir() / (name + ".svg");
  fs::path png_path = GoldenDir() / (name + ".png");
  if (Updating()) {
    jv::testing::WriteFile(svg_path, out.svg);
    jv::testing::WriteFile(png_path, out.png);
    WARN("updated golden " << name);
    return;
  }
  INFO("golden " << name << " in " << GoldenDir().string()
                 << " (JV_UPDATE_GOLDEN=1 rewrites it)");
  REQUIRE(fs::exists(svg_path));
  REQUIRE(fs::exists(png_path));
  CHECK(WithoutCarriageReturns(out.svg) ==
        WithoutCarriageReturns(jv::testing::ReadFile(svg_path)));

  testing::Pixels actual, expected;
  REQUIRE(testing::DecodePng(out.png, &actual));
  REQUIRE(testing::DecodePng(jv::testing::ReadFile(png_path), &expected));
  REQUIRE(actual.width == expected.width);
  REQUIRE(actual.height == expected.height);
  long different = testing::CountDifferentPixels(actual, expected, kChannelTolerance);
  double share = static_cast<double>(different) / (static_cast<double>(actual.width) * actual.height);
  INFO(different << " pixels differ");
  CHECK(share <= kMaxDifferentShare);
}

TEST_CASE("Golden bar chart", "[charts][golden]") { CheckGolden(testing::BarSpec(), "bar"); }

TEST_CASE("Golden grouped bar chart", "[charts][golden]") {
  CheckGolden(testing::GroupedBarSpec(), "grouped");
}

TEST_CASE("Golden stacked bar chart", "[charts][golden]") {
  CheckGolden(testing::StackedBarSpec(), "stacked");
}

TEST_CASE("Golden 100 percent stacked bar chart", "[charts][golden]") {
  CheckGolden(testing::PercentStackedBarSpec(), "stacked-percent");
}

TEST_CASE("Golden horizontal bar chart", "[charts][golden]") {
  CheckGolden(testing::HorizontalBarSpec(), "hbar");
}

TEST_CASE("Golden stacked horizontal bar chart with target", "[charts][golden]") {
  CheckGolden(testing::StackedHorizontalBarSpec(), "hbar-stacked");
}

TEST_CASE("Golden 100 percent stacked horizontal bar chart with band", "[charts][golden]") {
  CheckGolden(testing::PercentStackedHorizontalBarSpec(), "hbar-stacked-percent");
}

TEST_CASE("Golden bar chart with target band", "[charts][golden]") {
  CheckGolden(testing::BarBandSpec(), "bar-band");
}

TEST_CASE("Golden line chart with gaps and target and band", "[charts][golden]") {
  CheckGolden(testing::LineBandSpec(), "line-band");
}

TEST_CASE("Golden donut with highlight", "[charts][golden]") {
  CheckGolden(testing::DonutSpec(), "donut");
}

TEST_CASE("Golden donut with small slices", "[charts][golden]") {
  CheckGolden(testing::DonutSmallSlicesSpec(), "donut-small");
}

TEST_CASE("The pixel comparison notices a changed chart", "[charts][golden]") {
  // Guards the tolerance: a visibly different chart must exceed it.
  Rendered a = Render(testing::BarSpec());
  ChartSpec changed = testing::BarSpec();
  changed.series[0].values[1] = 60;
  Rendered b = Render(changed);
  testing::Pixels pa, pb;
  REQUIRE(testing::DecodePng(a.png, &pa));
  REQUIRE(testing::DecodePng(b.png, &pb));
  REQUIRE(pa.width == pb.width);
  long different = testing::CountDifferentPixels(pa, pb, kChannelTolerance);
  CHECK(static_cast<double>(different) / (static_cast<double>(pa.width) * pa.height) >
        kMaxDifferentShare);
  CHECK(testing::CountDifferentPixels(pa, pa, 0) == 0);
}

}  // namespace
}  // namespace jv::charts
