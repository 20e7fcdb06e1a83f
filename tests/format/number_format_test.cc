#include <catch2/catch.hpp>

#include "format/number_format.h"

using jv::format::NumberFormat;

static NumberFormat Dutch() { return NumberFormat::Create("nl-NL").value(); }

TEST_CASE("Dutch numbers use a point for thousands and a comma for decimals", "[format]") {
  NumberFormat nl = Dutch();
  CHECK(nl.Number(1137, 0) == "1.137");
  CHECK(nl.Number(443680, 0) == "443.680");
  CHECK(nl.Percent(98.8, 1) == "98,8%");
  CHECK(nl.Number(4.4, 1) == "4,4");
  CHECK(nl.Euro(35402800, 0) == "\u20ac\u00a035.402.800");
}

TEST_CASE("Rounding is half away from zero on the decimal value", "[format]") {
  NumberFormat nl = Dutch();
  CHECK(nl.Number(2.5, 0) == "3");
  CHECK(nl.Number(-2.5, 0) == "\u22123");
  CHECK(nl.Number(98.85, 1) == "98,9");  // the double is 98.8499…, the typed value is 98.85
  CHECK(nl.Number(0.125, 2) == "0,13");
  CHECK(nl.Number(1.005, 2) == "1,01");
}

TEST_CASE("Signed changes carry a plus or a real minus and no sign at zero", "[format]") {
  NumberFormat nl = Dutch();
  CHECK(nl.Signed(95.83, 0) == "+96");
  CHECK(nl.Signed(-2.01, 0) == "\u22122");
  CHECK(nl.Signed(0.2, 0) == "0");
  CHECK(nl.Signed(-0.04, 1) == "0,0");
  CHECK(NumberFormat::RoundsToZero(0.49, 0));
  CHECK_FALSE(NumberFormat::RoundsToZero(0.5, 0));
}

TEST_CASE("English locale formats the British way", "[format]") {
  NumberFormat en = NumberFormat::Create("en-GB").value();
  CHECK(en.Number(1137, 0) == "1,137");
  CHECK(en.Percent(98.8, 1) == "98.8%");
  CHECK(en.Euro(31000000, 0) == "\u20ac31,000,000");
}

TEST_CASE("An unsupported locale is an error", "[format]") {
  auto result = NumberFormat::Create("xx-YY");
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().ToString().find("unsupported locale 'xx-YY'") != std::string::npos);
}
