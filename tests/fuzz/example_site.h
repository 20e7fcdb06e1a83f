#pragma once
// For the fuzz targets: the example report of data/ and templates/, loaded once, with what the
// site stage needs to render Markdown blocks and charts from it.

#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <string>

#include "derive/figures.h"
#include "format/number_format.h"
#include "load/load.h"
#include "site/blocks.h"
#include "site/chart_builder.h"
#include "site/figure_text.h"
#include "templates/templates.h"

namespace jv::fuzz {

class ExampleSite {
 public:
  /// The example loaded from the source tree; aborts when it does not load (not a finding).
  static const ExampleSite& Get() {
    static const ExampleSite* site = new ExampleSite();  // never destroyed: used until exit
    return *site;
  }

  const model::Project& project() const { return project_; }
  const model::Edition& edition() const { return project_.editions.back(); }
  const derive::Figures& figures() const { return *figures_; }
  const site::FigureText& text() const { return *text_; }
  const templates::TemplateSet& templates() const { return *templates_; }
  const site::Translations& translations() const { return translations_; }
  /// The charts of edition(), as the site stage keeps them (laid out without Pango: the SVG
  /// is left out).
  const site::EditionCharts& charts() const { return *charts_; }

 private:
  ExampleSite() {
    std::string source = JV_SOURCE_DIR;
    project_ = Must(load::LoadProject(source + "/data"));
    load::TemplateFiles files = Must(load::LoadTemplates(source + "/templates"));
    translations_ = Must(load::LoadTranslations(files, project_.site.locale));
    figures_ = std::make_unique<derive::Figures>(project_);
    text_ = std::make_unique<site::FigureText>(Must(format::NumberFormat::Create(project_.site.locale)),
                                               translations_);
    templates_ = std::make_unique<templates::TemplateSet>(files.root, files.files);
    charts_ = std::make_unique<site::EditionCharts>(edition(), [this](const model::Chart& chart) {
      site::RenderedChart rendered;
      rendered.content = site::BuildChart(chart, *figures_, *text_);
      rendered.svg = "<svg></svg>";
      return Result<site::RenderedChart>(std::move(rendered));
    });
  }

  template <typename T>
  static T Must(Result<T> result) {
    if (!result.ok()) {
      std::cerr << "cannot load the example site:\n" << result.status().ToString();
      std::abort();
    }
    return std::move(result).value();
  }

  model::Project project_;
  site::Translations translations_;
  std::unique_ptr<derive::Figures> figures_;
  std::unique_ptr<site::FigureText> text_;
  std::unique_ptr<templates::TemplateSet> templates_;
  std::unique_ptr<site::EditionCharts> charts_;
};

}  // namespace jv::fuzz
