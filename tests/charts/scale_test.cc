#include <catch2/catch.hpp>

#include "charts/scale.h"

namespace jv::charts {
namespace {

TEST_CASE("Nice ticks use steps of 1 2 or 5", "[charts]") {
  CHECK(NiceTicks(0, 98.8, 5) == std::vector<double>{0, 20, 40, 60, 80, 100});
  CHECK(NiceTicks(0, 10200, 5) == std::vector<double>{0, 2000, 4000, 6000, 8000, 10000, 12000});
  CHECK(NiceTicks(86.9, 95, 5) == std::vector<double>{86, 88, 90, 92, 94, 96});
  CHECK(NiceTicks(-30, 18, 5) == std::vector<double>{-30, -20, -10, 0, 10, 20});
}

TEST_CASE("Nice ticks of decimals are the decimal values", "[charts]") {
  std::vector<double> ticks = NiceTicks(0, 0.5, 5);
  REQUIRE(ticks.size() == 6);
  CHECK(ticks[3] == 0.3);  // not 0.30000000000000004
}

TEST_CASE("Nice ticks cover a flat domain", "[charts]") {
  std::vector<double> ticks = NiceTicks(0, 0, 5);
  REQUIRE(ticks.size() >= 2);
  CHECK(ticks.front() == 0);
  ticks = NiceTicks(7, 7, 5);
  CHECK(ticks.front() <= 7);
  CHECK(ticks.back() >= 7);
  CHECK(ticks.size() >= 2);
}

// Found by tests/fuzz/charts_fuzzer.cc: a line of values 5e-324 (the smallest double) made
// the flat-domain padding 0, the step 0 and log10(0) = -inf was cast to int (undefined).
TEST_CASE("Nice ticks cover a flat domain of values next to zero", "[charts]") {
  for (double v : {5e-324, -5e-324, 1e-310, -1e-300, 1e-13}) {
    INFO(v);
    std::vector<double> ticks = NiceTicks(v, v, 5);
    REQUIRE(ticks.size() >= 2);
    REQUIRE(ticks.size() <= 12);
    CHECK(ticks.front() <= v);
    CHECK(ticks.back() >= v);
    CHECK(ticks.back() > ticks.front());
  }
}

TEST_CASE("LinearScale maps and reverses ranges", "[charts]") {
  LinearScale y(0, 100, 300, 100);
  CHECK(y(0) == 300);
  CHECK(y(100) == 100);
  CHECK(y(25) == 250);
}

}  // namespace
}  // namespace jv::charts
