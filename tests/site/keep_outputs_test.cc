// What a build keeps of the previous one (site/incremental.h), on a project of one figure.

#include <catch2/catch.hpp>

#include "site/incremental.h"

namespace jv::site {
namespace {

model::Project OneFigure(double value) {
  model::Project project;
  model::Area area;
  area.id = "amsterdam";
  area.kind = model::AreaKind::kTotal;
  project.areas.push_back(area);
  model::Indicator indicator;
  indicator.id = "bereik";
  project.indicators.push_back(indicator);
  model::Value figure;
  figure.indicator = "bereik";
  figure.area = "amsterdam";
  figure.year = 2023;
  figure.value = value;
  project.values.push_back(figure);
  return project;
}

// The record a build leaves after making "page.html" from what `look_up` reads.
BuildRecord MadeFrom(const model::Project& project, const std::function<void(const derive::Figures&)>& look_up) {
  derive::Figures figures(project);
  BuildRecord record;
  Incremental incremental(nullptr, false, figures, "", &record);
  derive::ReadSet reads;
  {
    derive::RecordReads recording(&reads);
    look_up(figures);
  }
  incremental.Record("page.html", reads);
  incremental.Finish();
  record.files["page.html"] = {"0123456789abcdef", 10};
  return record;
}

bool Kept(const BuildRecord& previous, const model::Project& project) {
  derive::Figures figures(project);
  BuildRecord record;
  Incremental incremental(&previous, true, figures, "", &record);
  std::set<std::string> kept;
  bool keep = incremental.Keep("page.html", {"page.html"}, {}, &kept);
  CHECK(keep == (kept.count("page.html") == 1));
  incremental.Finish();
  if (keep) CHECK(record.reads.at("page.html") == previous.reads.at("page.html"));
  if (keep) CHECK(record.read_hashes == previous.read_hashes);
  return keep;
}

TEST_CASE("An output is kept while the figures it looked up are unchanged", "[site][incremental]") {
  auto shows_2023 = [](const derive::Figures& f) { CHECK(f.Find("bereik", "amsterdam", 2023) != nullptr); };
  BuildRecord previous = MadeFrom(OneFigure(98.8), shows_2023);
  CHECK(previous.reads.at("page.html") == std::vector<std::string>{"value/bereik/amsterdam/2023"});
  CHECK(Kept(previous, OneFigure(98.8)));
  CHECK_FALSE(Kept(previous, OneFigure(98.9)));
  // A lookup that found nothing is a source too: the figure appearing changes the page.
  auto shows_2024 = [](const derive::Figures& f) { CHECK(f.Find("bereik", "amsterdam", 2024) == nullptr); };
  BuildRecord before_2024 = MadeFrom(OneFigure(98.8), shows_2024);
  CHECK(Kept(before_2024, OneFigure(50)));
  model::Project with_2024 = OneFigure(98.8);
  with_2024.values.push_back(with_2024.values.back());
  with_2024.values.back().year = 2024;
  CHECK_FALSE(Kept(before_2024, with_2024));
}

TEST_CASE("An output is not kept with other inputs a key it cannot check or its file gone", "[site][incremental]") {
  auto shows_2023 = [](const derive::Figures& f) { f.Find("bereik", "amsterdam", 2023); };
  BuildRecord previous = MadeFrom(OneFigure(1), shows_2023);
  model::Project same = OneFigure(1);
  derive::Figures figures(same);
  BuildRecord record;
  std::set<std::string> kept;
  CHECK_FALSE(Incremental(&previous, false, figures, "", &record).Keep("page.html", {"page.html"}, {}, &kept));
  CHECK_FALSE(Incremental(nullptr, true, figures, "", &record).Keep("page.html", {"page.html"}, {}, &kept));

  BuildRecord unknown_key = previous;
  unknown_key.reads["page.html"] = {"no such key"};
  unknown_key.read_hashes["no such key"] = "?";
  CHECK_FALSE(Kept(unknown_key, same));

  BuildRecord file_gone = previous;
  file_gone.files.clear();
  CHECK_FALSE(Kept(file_gone, same));
  CHECK(kept.empty());
}

}  // namespace
}  // namespace jv::site
