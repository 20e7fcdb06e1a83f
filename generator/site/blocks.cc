#include "site/blocks.h"

#include <cstdio>

#include "base/text.h"
#include "charts/render.h"
#include "site/figure_reference.h"

namespace jv::site {
namespace {

using templates::Context;

// The template fields of a shown value: text, marker (+ its title) and remark.
Context ShownValue(const ValueDisplay& shown) {
  return Context()
      .Set("text", shown.text)
      .Set("marker", shown.marker)
      .Set("marker_title", shown.marker_title)
      .Set("remark", shown.remark);
}

Status ErrorAt(const Location& where, const std::string& message) {
  return Status::Error(where, message);
}

Result<std::string> KpiBlock(const EditionScope& scope, const markdown::Directive& block) {
  Context tiles = Context::List();
  int line = block.body_start.line;
  for (const std::string& raw : Split(block.body, '\n')) {
    std::vector<std::string> words;
    for (const std::string& w : Split(std::string(Trim(raw)), ' ')) {
      if (!w.empty()) words.push_back(w);
    }
    Location where{block.where.file, line++, 1};
    if (words.empty()) continue;
    const model::Indicator* indicator = scope.figures->Indicator(words[0]);
    if (indicator == nullptr) {
      std::vector<std::string> ids;
      for (const auto& i : scope.figures->project().indicators) ids.push_back(i.id);
      std::string suggestion = ClosestMatch(words[0], ids);
      return ErrorAt(where, "unknown indicator '" + words[0] + "' in kpi block" +
                                (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
    }
    std::string area = words.size() > 1 ? words[1] : "";
    if (!area.empty() && scope.figures->Area(area) == nullptr) {
      return ErrorAt(where, "unknown area '" + area + "' in kpi block");
    }
    std::string area_id = area.empty() ? scope.figures->TotalArea()->id : area;
    if (scope.figures->Find(indicator->id, area_id, scope.edition->year) == nullptr) {
      return ErrorAt(where, "no value for " + indicator->id + " / " + area_id + " / " +
                                std::to_string(scope.edition->year) + " in data/values");
    }
    tiles.Push(KpiTile(scope, *indicator, area));
  }
  return scope.templates->Render("blocks/kpi.mustache", Context().Set("tiles", tiles));
}

Result<std::string> TableBlock(const EditionScope& scope, const markdown::Directive& block) {
  const model::Table* table = nullptr;
  for (const auto& t : scope.edition->tables) {
    if (t.id == block.argument) table = &t;
  }
  if (table == nullptr) return ErrorAt(block.where, "unknown table '" + block.argument + "'");
  const derive::Figures& figures = *scope.figures;
  bool by_year = table->first_year != 0;
  Context columns = Context::List();
  std::vector<std::pair<std::string, int>> keys;  // area, year per column
  if (by_year) {
    for (int y = table->first_year; y <= table->last_year; ++y) {
      columns.Push(Context().Set("label", std::to_string(y)));
      keys.push_back({table->area.empty() ? figures.TotalArea()->id : table->area, y});
    }
  } else {
    for (const auto& area : table->areas) {
      columns.Push(Context().Set("label", figures.Area(area)->name));
      keys.push_back({area, table->year});
    }
  }
  Context groups = Context::List();
  std::string current_group = "\x01";
  Context rows = Context::List();
  Context group;
  auto flush = [&] {
    if (!rows.empty_list()) groups.Push(Context(group).Set("rows", rows));
    rows = Context::List();
  };
  for (const std::string& id : table->indicators) {
    const model::Indicator& indicator = *figures.Indicator(id);
    if (indicator.group != current_group) {
      flush();
      current_group = indicator.group;
      group = Context()
                  .Set("group", indicator.group)
                  .Set("has_group", !indicator.group.empty())
                  .Set("span", std::to_string(keys.size() + 2));  // label, norm, values
    }
    Context cells = Context::List();
    for (const auto& [area, year] : keys) {
      const model::Value* value = figures.Find(id, area, year);
      auto target = derive::TargetFor(indicator, year, area);
      bool below = value && value->Computable() && target &&
                   derive::AssessTarget(indicator, value->value, *target) == derive::TargetStatus::kNotMet;
      cells.Push(ShownValue(value ? scope.text->Display(indicator, *value) : ValueDisplay{"–", "", "", ""})
                     .Set("below_norm", below));
    }
    auto target = derive::TargetFor(indicator, by_year ? table->last_year : table->year);
    rows.Push(Context()
                  .Set("label", indicator.label)
                  .Set("norm", target ? scope.text->Target(indicator, target->value) : "")
                  .Set("cells", cells));
  }
  flush();
  Context notes = Context::List();
  for (const std::string& note : table->notes) notes.Push(Context().Set("text", note));
  return scope.templates->Render(
      "blocks/table.mustache",
      Context()
          .Set("id", table->id)
          .Set("title", table->title)
          .Set("columns", columns)
          .Set("groups", groups)
          .Set("notes", notes)
          .Set("has_notes", !table->notes.empty())
          .Set("t", scope.text->fixed_texts()));
}

// `story Title`: optional "kicker:" and "signature:" lines, a blank line, then Markdown.
Result<std::string> StoryBlock(const EditionScope& scope, const markdown::Directive& block,
                               const std::string& to_root) {
  std::string kicker, signature;
  std::vector<std::string> lines = Split(block.body, '\n');
  size_t first_body_line = 0;
  for (; first_body_line < lines.size(); ++first_body_line) {
    std::string_view line = Trim(lines[first_body_line]);
    if (line.rfind("kicker:", 0) == 0) kicker = Trim(line.substr(7));
    else if (line.rfind("signature:", 0) == 0) signature = Trim(line.substr(10));
    else break;
  }
  std::string body;
  for (size_t i = first_body_line; i < lines.size(); ++i) body += lines[i] + "\n";
  markdown::Options options;
  options.footnote_prefix = "story-";
  options.allow_raw_html = scope.figures->project().site.allow_raw_html;
  JV_ASSIGN_OR_RETURN(markdown::Document doc,
                      markdown::Render(body, {block.where.file, block.body_start.line + static_cast<int>(first_body_line), 1},
                                       MakeHooks(scope, to_root), options));
  return scope.templates->Render("blocks/story.mustache", Context()
                                                              .Set("title", block.argument)
                                                              .Set("kicker", kicker)
                                                              .Set("signature", signature)
                                                              .Set("body", doc.html));
}

Result<std::string> QuoteBlock(const EditionScope& scope, const markdown::Directive& block,
                               const std::string& to_root) {
  markdown::Options options;
  options.allow_raw_html = scope.figures->project().site.allow_raw_html;
  JV_ASSIGN_OR_RETURN(markdown::Document doc,
                      markdown::Render(block.body, block.body_start, MakeHooks(scope, to_root), options));
  return scope.templates->Render("blocks/quote.mustache",
                                 Context().Set("body", doc.html).Set("attribution", block.argument));
}

Result<std::string> MediaBlock(const EditionScope& scope, const markdown::Directive& block) {
  const std::string& url = block.argument;
  if (url.rfind("https://", 0) != 0 && url.rfind("http://", 0) != 0) {
    return ErrorAt(block.where, block.name + " block needs a web address starting with https://, found '" + url + "'");
  }
  return scope.templates->Render("blocks/media.mustache",
                                 Context()
                                     .Set("url", url)
                                     .Set("caption", std::string(Trim(block.body)))
                                     .Set("is_video", block.name == "video")
                                     .Set("t", scope.text->fixed_texts()));
}

Result<std::string> RenderBlock(const EditionScope& scope, const markdown::Directive& block,
                                const std::string& to_root) {
  if (block.name == "chart") {
    if (!scope.charts->Has(block.argument)) {
      std::string suggestion = ClosestMatch(block.argument, scope.charts->Ids());
      return ErrorAt(block.where, "unknown chart '" + block.argument + "'" +
                                      (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"));
    }
    JV_ASSIGN_OR_RETURN(Context chart, ChartBlock(scope, block.argument, to_root));
    return scope.templates->Render("blocks/chart.mustache", chart);
  }
  if (block.name == "kpi") return KpiBlock(scope, block);
  if (block.name == "table") return TableBlock(scope, block);
  if (block.name == "story") return StoryBlock(scope, block, to_root);
  if (block.name == "quote") return QuoteBlock(scope, block, to_root);
  return MediaBlock(scope, block);
}


// A small line of the indicator's course up to the edition's year, when there are at least
// three years to show; "" otherwise. Decorative: the tile states the value and the change.
std::string Sparkline(const EditionScope& scope, const model::Indicator& indicator,
                      const std::string& area_id) {
  const derive::Figures& figures = *scope.figures;
  charts::ChartSpec spec;
  spec.kind = charts::ChartKind::kSparkline;
  spec.id = "spark-" + std::to_string(++*scope.sparklines);
  spec.title = indicator.label;
  spec.format_tick = [&](double v) { return scope.text->Tick(indicator, v); };
  charts::Series series;
  for (int year : figures.Years(indicator.id, area_id)) {
    if (year > scope.edition->year) break;  // not looked up: later figures must not count as read
    const model::Value* value = figures.Find(indicator.id, area_id, year);
    if (!value->Computable()) continue;
    spec.categories.push_back(std::to_string(year));
    series.values.push_back(value->value);
    series.value_labels.push_back(scope.text->Value(indicator, value->value));
  }
  if (spec.categories.size() < 3) return "";
  spec.description = indicator.label + ": " + spec.categories.front() + " " + series.value_labels.front() +
                     " … " + spec.categories.back() + " " + series.value_labels.back();
  spec.series.push_back(std::move(series));
  if (auto target = derive::TargetFor(indicator, scope.edition->year, area_id)) spec.target = target->value;
  charts::Theme theme;
  theme.width = 160;
  Result<charts::DisplayList> layout = charts::Layout(spec, theme);
  // A sparkline that cannot be laid out is left out rather than failing the page: the tile
  // already states the value and its change in words.
  return layout.ok() ? charts::PaintSvg(*layout) : "";
}

}  // namespace

Context KpiTile(const EditionScope& scope, const model::Indicator& indicator,
                const std::string& area) {
  const derive::Figures& figures = *scope.figures;
  const FigureText& text = *scope.text;
  std::string area_id = area.empty() ? figures.TotalArea()->id : area;
  int year = scope.edition->year;
  const model::Value* value = figures.Find(indicator.id, area_id, year);
  Context tile = ShownValue(value ? text.Display(indicator, *value) : ValueDisplay{"–", "", "", ""});
  tile.Set("label", indicator.label).Set("area", area.empty() ? "" : figures.Area(area)->name);
  tile.Set("sparkline", Sparkline(scope, indicator, area_id));
  auto change = derive::ChangeFromPreviousYear(figures, indicator, area_id, year);
  tile.Set("has_change", change.has_value())
      .Set("change", change ? text.ChangeSince(*change) : "")
      .Set("change_class", !change ? "" : change->judgement > 0 ? "better" : change->judgement < 0 ? "worse" : "same");
  auto target = derive::TargetFor(indicator, year, area_id);
  auto status = target && value && value->Computable() ? derive::AssessTarget(indicator, value->value, *target)
                                : derive::TargetStatus::kNoTarget;
  tile.Set("has_target", target.has_value())
      .Set("target", target ? text.T(target->is_norm ? "norm" : "target") + " " + text.Target(indicator, target->value) : "")
      .Set("target_status", status == derive::TargetStatus::kMet ? text.T("target_met")
                            : status == derive::TargetStatus::kNotMet ? text.T("target_not_met") : "")
      .Set("target_class", status == derive::TargetStatus::kMet ? "met"
                           : status == derive::TargetStatus::kNotMet ? "not-met" : "");
  return tile;
}

// Links laid over a map's tiles to the districts' pages, placed in percent of the chart so they
// follow it when the SVG scales with the page. The chart image itself stays one role="img".
Context AreaLinks(const EditionScope& scope, const RenderedChart& chart, const std::string& to_root) {
  Context links = Context::List();
  auto percent = [](double part, double whole) {
    char text[16];
    std::snprintf(text, sizeof text, "%.3f", 100 * part / whole);
    return std::string(text);
  };
  for (const charts::Hotspot& spot : chart.frame.hotspots) {
    if (spot.category >= chart.content.category_areas.size()) continue;
    const model::Area* area = scope.figures->Area(chart.content.category_areas[spot.category]);
    if (area == nullptr || area->kind != model::AreaKind::kDistrict) continue;
    links.Push(Context()
                   .Set("href", to_root + scope.edition->year_folder + "/cijfers/" + area->id + "/index.html")
                   .Set("label", scope.text->T("area_link", "area", area->name))
                   .Set("left", percent(spot.x, chart.frame.width))
                   .Set("top", percent(spot.y, chart.frame.height))
                   .Set("width", percent(spot.width, chart.frame.width))
                   .Set("height", percent(spot.height, chart.frame.height)));
  }
  return links;
}

Result<Context> ChartBlock(const EditionScope& scope, const std::string& chart_id, const std::string& to_root) {
  JV_ASSIGN_OR_RETURN(const RenderedChart* laid_out, scope.charts->Get(chart_id));
  const RenderedChart& chart = *laid_out;
  const FigureTable& table = chart.content.table;
  Context columns = Context::List();
  for (const auto& column : table.columns) columns.Push(Context().Set("label", column));
  Context rows = Context::List();
  for (const auto& row : table.rows) {
    Context cells = Context::List();
    for (size_t i = 1; i < row.size(); ++i) cells.Push(Context().Set("text", row[i]));
    rows.Push(Context().Set("label", row[0]).Set("cells", cells));
  }
  std::string base = to_root + scope.edition->year_folder + "/charts/" + chart_id;
  const FigureText& text = *scope.text;
  Context block;
  block.Set("id", chart_id)
      .Set("title", chart.content.spec.title)
      .Set("subtitle", chart.content.spec.subtitle)
      .Set("svg", chart.svg)
      .Set("links", AreaLinks(scope, chart, to_root))
      .Set("alt", chart.content.spec.description)
      .Set("corner", table.corner)
      .Set("columns", columns)
      .Set("rows", rows)
      .Set("csv_href", base + ".csv")
      .Set("png_href", base + ".png")
      .Set("svg_href", base + ".svg")
      .Set("pdf_href", base + ".pdf")
      .Set("t", text.fixed_texts());
  return block;
}

markdown::Hooks MakeHooks(const EditionScope& scope, const std::string& to_root) {
  markdown::Hooks hooks;
  hooks.figure = [scope](const std::string& reference, const Location& where) {
    return ResolveFigureReference(reference, where, *scope.figures, *scope.text, scope.edition->year);
  };
  hooks.directive = [scope, to_root](const markdown::Directive& block) {
    return RenderBlock(scope, block, to_root);
  };
  hooks.link = [scope, to_root](const std::string& url, const Location& where) -> Result<std::string> {
    size_t hash = url.find('#');
    std::string file = url.substr(0, hash);
    std::string slug = file.substr(0, file.size() - 3);
    for (const auto& chapter : scope.edition->chapters) {
      if (chapter.slug == slug) {
        if (hash != std::string::npos) scope.section_links->push_back({slug, url.substr(hash + 1), where});
        return to_root + scope.edition->year_folder + "/" + slug + "/index.html" +
               (hash == std::string::npos ? "" : url.substr(hash));
      }
    }
    return Status::Error(where, "link to chapter '" + file + "', which is not in this edition");
  };
  return hooks;
}

}  // namespace jv::site
