#include <catch2/catch.hpp>

#include "derive/figures.h"
#include "derive/reads.h"

using namespace jv;

static model::Indicator Count() {
  model::Indicator i;
  i.id = "themabijeenkomsten";
  i.unit = model::Unit::kCount;
  i.direction = model::Direction::kHigher;
  i.change = model::ChangeKind::kRelative;
  return i;
}

static model::Indicator Share() {
  model::Indicator i;
  i.id = "aandeel-preventie";
  i.unit = model::Unit::kPercent;
  i.direction = model::Direction::kHigher;
  i.change = model::ChangeKind::kPoints;
  i.targets.push_back({30, false, 0, 0});
  return i;
}

TEST_CASE("Relative change rounds to whole percents and reports unchanged", "[derive]") {
  auto up = derive::CompareValues(Count(), 141, 72, 2022);
  REQUIRE(up);
  CHECK(derive::RoundHalfAwayFromZero(up->amount, 0) == 96);
  CHECK_FALSE(up->unchanged);
  CHECK(up->judgement == 1);
  auto same = derive::CompareValues(Count(), 73, 73, 2022);
  REQUIRE(same);
  CHECK(same->unchanged);
  CHECK(same->judgement == 0);
  auto tiny = derive::CompareValues(Count(), 1001, 1000, 2022);  // +0,1% shows as "gelijk"
  CHECK(tiny->unchanged);
  CHECK_FALSE(derive::CompareValues(Count(), 5, 0, 2022));
}

TEST_CASE("Percentages change in points at the indicator's precision", "[derive]") {
  auto change = derive::CompareValues(Share(), 27, 28, 2021);
  REQUIRE(change);
  CHECK(change->kind == model::ChangeKind::kPoints);
  CHECK(change->amount == Approx(-1));
  CHECK(change->judgement == -1);
}

TEST_CASE("Lower-is-better indicators judge a fall as better", "[derive]") {
  model::Indicator waiting = Count();
  waiting.direction = model::Direction::kLower;
  CHECK(derive::CompareValues(waiting, 80, 100, 2022)->judgement == 1);
}

TEST_CASE("Targets respect direction and the shown precision", "[derive]") {
  model::Indicator share = Share();
  model::Target target = *derive::TargetFor(share, 2023);
  CHECK(derive::AssessTarget(share, 27, target) == derive::TargetStatus::kNotMet);
  CHECK(derive::AssessTarget(share, 30, target) == derive::TargetStatus::kMet);
  CHECK(derive::AssessTarget(share, 29.6, target) == derive::TargetStatus::kMet);  // shows as 30%
  model::Indicator lower = share;
  lower.direction = model::Direction::kLower;
  CHECK(derive::AssessTarget(lower, 27, target) == derive::TargetStatus::kMet);
  model::Indicator neutral = share;
  neutral.direction = model::Direction::kNeutral;
  CHECK(derive::AssessTarget(neutral, 27, target) == derive::TargetStatus::kNoTarget);
}

TEST_CASE("Targets can apply to a range of years", "[derive]") {
  model::Indicator reach = Count();
  reach.targets = {{18500, false, 2015, 2016}, {16000, false, 2017, 2022}};
  CHECK(derive::TargetFor(reach, 2016)->value == 18500);
  CHECK(derive::TargetFor(reach, 2017)->value == 16000);
  CHECK_FALSE(derive::TargetFor(reach, 2023));
}

TEST_CASE("Complement and lookups by indicator area and year", "[derive]") {
  CHECK(derive::Complement(27) == 73);
  model::Project project;
  project.indicators = {Count()};
  project.areas = {{{}, "amsterdam", "Amsterdam", model::AreaKind::kTotal, "", {}, {}}};
  model::Value v2022, v2023;
  v2022.indicator = v2023.indicator = "themabijeenkomsten";
  v2022.area = v2023.area = "amsterdam";
  v2022.year = 2022;
  v2022.value = 72;
  v2023.year = 2023;
  v2023.value = 141;
  project.values = {v2023, v2022};
  derive::Figures figures(project);
  CHECK(figures.TotalArea()->id == "amsterdam");
  CHECK(figures.Years("themabijeenkomsten", "amsterdam") == std::vector<int>{2022, 2023});
  auto change = derive::ChangeFromPreviousYear(figures, project.indicators[0], "amsterdam", 2023);
  REQUIRE(change);
  CHECK(change->base_year == 2022);
  CHECK_FALSE(derive::ChangeFromPreviousYear(figures, project.indicators[0], "amsterdam", 2022));
}

namespace {

// Noord 10, Zuid 30, Oost 20 of a total of 60, over two years for the trend.
model::Project DistrictProject(model::Direction direction) {
  model::Project project;
  model::Indicator count = Count();
  count.direction = direction;
  project.indicators = {count};
  project.areas = {{{}, "amsterdam", "Amsterdam", model::AreaKind::kTotal, "", {}, {}},
                   {{}, "noord", "Noord", model::AreaKind::kDistrict, "", {}, {}},
                   {{}, "zuid", "Zuid", model::AreaKind::kDistrict, "", {}, {}},
                   {{}, "oost", "Oost", model::AreaKind::kDistrict, "", {}, {}}};
  auto add = [&](const std::string& area, int year, double v) {
    model::Value value;
    value.indicator = count.id;
    value.area = area;
    value.year = year;
    value.value = v;
    project.values.push_back(value);
  };
  add("amsterdam", 2021, 50);
  add("amsterdam", 2022, 55);
  add("amsterdam", 2023, 60);
  add("noord", 2023, 10);
  add("zuid", 2023, 30);
  add("oost", 2023, 20);
  return project;
}

}  // namespace

TEST_CASE("Share of the total and rank among districts", "[derive]") {
  model::Project project = DistrictProject(model::Direction::kHigher);
  derive::Figures figures(project);
  const model::Indicator& indicator = project.indicators[0];
  CHECK(*derive::ShareOfTotal(figures, indicator, "zuid", 2023) == Approx(50));
  CHECK_FALSE(derive::ShareOfTotal(figures, indicator, "zuid", 2022));
  auto rank = derive::RankAmongDistricts(figures, indicator, "noord", 2023);
  REQUIRE(rank);
  CHECK(rank->place == 3);
  CHECK(rank->of == 3);
  CHECK_FALSE(derive::RankAmongDistricts(figures, indicator, "amsterdam", 2023));

  model::Project lower = DistrictProject(model::Direction::kLower);
  derive::Figures lower_figures(lower);
  CHECK(derive::RankAmongDistricts(lower_figures, lower.indicators[0], "noord", 2023)->place == 1);
}

TEST_CASE("A trend runs over the years with values up to the given year", "[derive]") {
  model::Project project = DistrictProject(model::Direction::kHigher);
  derive::Figures figures(project);
  auto trend = derive::TrendUpTo(figures, project.indicators[0], "amsterdam", 2023);
  REQUIRE(trend);
  CHECK(trend->first_year == 2021);
  CHECK(trend->last == 60);
  CHECK(trend->slope == Approx(5));
  CHECK(trend->direction == 1);
  CHECK_FALSE(derive::TrendUpTo(figures, project.indicators[0], "noord", 2023));
}

TEST_CASE("A trend up to a year is not made from the figures after it", "[derive]") {
  // An earlier edition's page showing the trend must not be rendered again when a later
  // figure is corrected (site/incremental.h keeps outputs by the figures they read).
  model::Project project = DistrictProject(model::Direction::kHigher);
  derive::Figures figures(project);
  derive::ReadSet reads;
  {
    derive::RecordReads recording(&reads);
    REQUIRE(derive::TrendUpTo(figures, project.indicators[0], "amsterdam", 2022));
  }
  CHECK(reads.count("value/" + project.indicators[0].id + "/amsterdam/2022") == 1);
  for (const std::string& key : reads) CHECK(key.find("/2023") == std::string::npos);
}

TEST_CASE("An area's own target wins over the general one", "[derive]") {
  model::Indicator indicator = Share();
  indicator.targets = {{30, false, 0, 0, ""}, {35, false, 0, 0, "zuidoost"}};
  CHECK(derive::TargetFor(indicator, 2023, "zuidoost")->value == 35);
  CHECK(derive::TargetFor(indicator, 2023, "noord")->value == 30);
  CHECK(derive::TargetFor(indicator, 2023)->value == 30);
}

TEST_CASE("The total has no share of itself", "[derive]") {
  model::Project project = DistrictProject(model::Direction::kHigher);
  derive::Figures figures(project);
  CHECK_FALSE(derive::ShareOfTotal(figures, project.indicators[0], "amsterdam", 2023));
}
