#include "site/pages.h"

#include <algorithm>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "base/content_hash.h"
#include "base/parallel.h"
#include "base/text.h"
#include "charts/render.h"
#include "derive/reads.h"
#include "site/blocks.h"
#include "site/downloads.h"
#include "site/edition_charts.h"
#include "site/file_jobs.h"
#include "site/incremental.h"
#include "site/search_index.h"

namespace jv::site {
namespace {

using templates::Context;

// "style.css" -> "style.<hash>.css".
std::string HashedName(const std::string& name, const std::string& bytes) {
  std::string hash = ContentHash(bytes).substr(0, 10);
  size_t dot = name.rfind('.');
  if (dot == std::string::npos) return name + "." + hash;
  return name.substr(0, dot) + "." + hash + name.substr(dot);
}

// A page whose templates are still to be filled: its data is complete, so it can be rendered
// on any thread. Pages are rendered after the site is planned, with the other pages.
struct RenderJob {
  std::string path;
  std::string body_template;
  Context body, page;
};

// Editions with more chapters than this get a compact main navigation: a link to the
// edition's table of contents (the chapter list on its home page), the current chapter, the
// dashboard and search, instead of every chapter. A long list of links in every page's header
// is unusable (it wraps into a wall of links, and keyboard users tab through all of it on every
// page) and makes the site grow with chapters². Annual reports rarely have more than 15
// chapters, so those keep the full list; chapter pages always link to their previous and next
// chapter as well.
constexpr size_t kFullNavigationChapters = 15;

class SitePlanner {
 public:
  SitePlanner(const SiteInput& input, BuildRecord* record)
      : in_(input),
        record_(record),
        incremental_(input.previous, input.reuse_outputs, *input.figures, input.published_dir, record),
        fixed_texts_(input.text->fixed_texts()),
        own_pool_(input.pool ? nullptr : std::make_unique<WorkerPool>(input.jobs)),
        pool_(input.pool ? input.pool : own_pool_.get()) {}
  // No job may outlive what it uses; a pool kept by the caller goes back with none queued.
  ~SitePlanner() { pool_->Cancel(); }

  Result<publish::SitePlan> Run() {
    PlanAssets();
    PlanOpenData("data/cijfers.csv", "data/cijfers.json", 0);
    const model::Edition& latest = in_.project->editions.back();
    for (const model::Edition& edition : in_.project->editions) {
      JV_RETURN_IF_ERROR(PlanEdition(edition));
    }
    // The latest edition's home page also stands at the root of the site.
    JV_RETURN_IF_ERROR(PlanHome(latest, "index.html", ""));
    JV_RETURN_IF_ERROR(PlanNotFound(latest));
    JV_RETURN_IF_ERROR(PlanAccessibility(latest));
    JV_RETURN_IF_ERROR(PlanSearch(latest));
    JV_RETURN_IF_ERROR(RenderPages());
    JV_RETURN_IF_ERROR(files_.Finish(&plan_.files, &record_->files));
    incremental_.Finish();
    PlanSiteFiles();
    return std::move(plan_);
  }

 private:
  void PlanAssets() {
    for (const auto& [name, bytes] : in_.assets) {
      std::string published = "assets/" + HashedName(name, bytes);
      asset_paths_[name] = published;
      plan_.files[published] = bytes;
    }
    font_regular_ = "assets/fonts/" + HashedName("inter-regular.otf", in_.font_regular);
    font_bold_ = "assets/fonts/" + HashedName("inter-bold.otf", in_.font_bold);
    plan_.files[font_regular_] = in_.font_regular;
    plan_.files[font_bold_] = in_.font_bold;
  }

  // Plans the pictures at `paths`, painted together from `source` (everything that decides
  // their pixels). The previous build's files are kept when they were painted from the same
  // source by the same generator; otherwise `paint` is queued for the worker threads.
  void PlanPictures(const std::vector<std::string>& paths, const std::string& source, FileJobs::Make paint) {
    if (incremental_.KeepPictures(paths, ContentHash(in_.generator_id + '\0' + source), &plan_.kept)) return;
    files_.Add(paths, std::move(paint));
  }
  template <typename PaintOne>
  void PlanPicture(const std::string& path, const std::string& source, PaintOne paint) {
    PlanPictures({path}, source, [paint]() -> Result<std::vector<std::string>> {
      Result<std::string> painted = paint();
      if (!painted.ok()) return painted.status();
      return std::vector<std::string>{std::move(*painted)};
    });
  }

  void Progress(const char* stage, size_t done, size_t total) {
    if (!in_.progress) return;
    std::lock_guard<std::mutex> lock(progress_mutex_);
    in_.progress(stage, done, total);
  }

  // Lays out one chart: its content from the figures, the display list and its SVG.
  Result<RenderedChart> LayOutChart(const model::Chart& chart) const {
    charts::Theme theme;
    theme.font_family = in_.font_family;
    RenderedChart rendered;
    rendered.content = BuildChart(chart, *in_.figures, *in_.text);
    Result<charts::DisplayList> layout = charts::Layout(rendered.content.spec, theme);
    if (!layout.ok()) return Status(layout.status()).WithContext("while drawing chart '" + chart.id + "' (" + chart.where.ToString() + ")");
    rendered.layout = std::make_shared<const charts::DisplayList>(std::move(*layout));
    rendered.svg = charts::PaintSvg(*rendered.layout);
    rendered.frame = {rendered.layout->width, rendered.layout->height, rendered.layout->hotspots};
    return rendered;
  }

  // A kept chart as a page shows it, without laying it out: its SVG is the published file and
  // its frame comes from the record. Laid out after all when the file cannot be read.
  Result<RenderedChart> KeptChart(const model::Chart& chart, const std::string& base) const {
    std::optional<std::string> svg = incremental_.ReadPublished(base + ".svg");
    const ChartFrame* frame = incremental_.PreviousChart(base);
    if (!svg || frame == nullptr) return LayOutChart(chart);
    RenderedChart kept;
    kept.content = BuildChart(chart, *in_.figures, *in_.text);
    kept.svg = std::move(*svg);
    kept.frame = *frame;
    return kept;
  }

  static std::vector<std::string> ChartFiles(const std::string& base) { return {base + ".svg", base + ".csv"}; }
  // 2× first: sharp on every screen and in print.
  static std::vector<std::string> ChartPictures(const std::string& base) {
    return {base + ".png", base + "-1x.png", base + ".pdf"};
  }

  // Plans every chart's files (SVG, CSV, PNG 2× and 1×, PDF): kept from the previous build when
  // nothing the chart shows changed, else laid out now, on in_.jobs threads.
  Status PlanCharts(const model::Edition& edition) {
    auto kept = std::make_shared<std::map<std::string, std::string>>();  // chart id -> path without extension
    charts_ = std::make_unique<EditionCharts>(edition, [this, kept](const model::Chart& chart) {
      auto base = kept->find(chart.id);
      return base == kept->end() ? LayOutChart(chart) : KeptChart(chart, base->second);
    });
    std::vector<const model::Chart*> to_draw;
    for (const model::Chart& chart : edition.charts) {
      std::string base = charts_->Path(chart.id);
      const ChartFrame* frame = incremental_.PreviousChart(base);
      if (frame != nullptr && incremental_.Keep(base, ChartFiles(base), ChartPictures(base), &plan_.kept)) {
        record_->charts[base] = *frame;
        (*kept)[chart.id] = base;
      } else {
        to_draw.push_back(&chart);
      }
    }
    // Laid out side by side; their files enter the plan in chart order.
    std::vector<Result<const RenderedChart*>> drawn(to_draw.size(), nullptr);
    pool_->ParallelFor(to_draw.size(), [&](size_t i) { drawn[i] = charts_->Get(to_draw[i]->id); });
    for (size_t i = 0; i < to_draw.size(); ++i) {
      if (!drawn[i].ok()) return drawn[i].status();
      const RenderedChart& rendered = **drawn[i];
      std::string base = charts_->Path(to_draw[i]->id);
      incremental_.Record(base, rendered.reads);
      record_->charts[base] = rendered.frame;
      std::shared_ptr<const charts::DisplayList> list = rendered.layout;
      std::string source = charts::Fingerprint(*list);
      std::vector<std::string> files = ChartFiles(base), pictures = ChartPictures(base);
      PlanPictures({pictures[0], pictures[1]}, source + "png", [list]() -> Result<std::vector<std::string>> {
        Result<std::pair<std::string, std::string>> png = charts::PaintPng2xAnd1x(*list);
        if (!png.ok()) return png.status();
        return std::vector<std::string>{std::move(png->first), std::move(png->second)};
      });
      PlanPicture(pictures[2], source + "pdf", [list] { return charts::PaintPdf(*list); });
      plan_.files[files[0]] = rendered.svg;
      plan_.files[files[1]] = rendered.content.csv;
    }
    return Status();
  }

  // Whether `edition` has a page at `page` (a path inside an edition's folder): the dashboard
  // and district pages exist in every edition, a chapter only where one has that slug.
  static bool HasPage(const model::Edition& edition, const std::string& page) {
    if (page == "index.html" || page.compare(0, 8, "cijfers/") == 0) return true;
    static const std::string kIndex = "/index.html";
    if (page.size() <= kIndex.size() || !EndsWith(page, kIndex)) return false;
    for (const model::Chapter& chapter : edition.chapters) {
      if (page.size() == chapter.slug.size() + kIndex.size() && page.compare(0, chapter.slug.size(), chapter.slug) == 0) return true;
    }
    return false;
  }

  // Links to every edition; each leads to the same page there (`page_in_edition`) when that
  // edition has it, else to its home.
  Context EditionSwitcher(const model::Edition& current, const std::string& to_root,
                          const std::string& page_in_edition) const {
    Context list = Context::List();
    for (const model::Edition& edition : in_.project->editions) {
      std::string page = HasPage(edition, page_in_edition) ? page_in_edition : "index.html";
      list.Push(Context()
                    .Set("label", edition.year_folder)
                    .Set("href", to_root + edition.year_folder + "/" + page)
                    .Set("current", &edition == &current));
    }
    return list;
  }

  // Navigation and the parts every page shares. `to_root` leads from the page to the site root;
  // `page_in_edition` is the page's path inside the edition folder (the site-wide pages use the
  // edition's home), for the edition switcher.
  Context PageContext(const model::Edition& edition, const std::string& to_root,
                      const std::string& title, const std::string& current,
                      const std::string& page_in_edition = "index.html", Context breadcrumbs = false) const {
    Context nav = Context::List();
    std::string edition_root = to_root + edition.year_folder + "/";
    if (edition.chapters.size() <= kFullNavigationChapters) {
      for (const model::Chapter& chapter : edition.chapters) {
        nav.Push(Context()
                     .Set("title", chapter.title)
                     .Set("href", edition_root + chapter.slug + "/index.html")
                     .Set("current", chapter.slug == current));
      }
    } else {
      nav.Push(Context()
                   .Set("title", in_.text->T("all_chapters"))
                   .Set("href", edition_root + "index.html#hoofdstukken")
                   .Set("current", false));
      for (const model::Chapter& chapter : edition.chapters) {
        if (chapter.slug != current) continue;
        nav.Push(Context()
                     .Set("title", chapter.title)
                     .Set("href", edition_root + chapter.slug + "/index.html")
                     .Set("current", true));
      }
    }
    nav.Push(Context()
                 .Set("title", in_.text->T("dashboard"))
                 .Set("href", edition_root + "cijfers/index.html")
                 .Set("current", current == "cijfers"));
    nav.Push(Context()
                 .Set("title", in_.text->T("search"))
                 .Set("href", to_root + "zoeken/index.html")
                 .Set("current", current == "zoeken"));
    Context page;  // built in place: a chained Context().Set(...) would be copied on return
    page.Set("lang", in_.project->site.locale.substr(0, 2))
        .Set("page_title", title)
        .Set("organisation", in_.project->site.organisation)
        .Set("edition_title", edition.title)
        .Set("home_href", edition_root + "index.html")
        .Set("css_href", to_root + asset_paths_.at("style.css"))
        .Set("font_regular_href", to_root + font_regular_)
        .Set("font_bold_href", to_root + font_bold_)
        .Set("font_family", in_.font_family)
        .Set("nav", nav)
        .Set("breadcrumbs", std::move(breadcrumbs))
        .Set("has_editions", in_.project->editions.size() > 1)
        .Set("editions", EditionSwitcher(edition, to_root, page_in_edition))
        .Set("accessibility_href", to_root + "toegankelijkheid/index.html")
        .Set("csv_href", to_root + FiguresPath(edition, "csv"))
        .Set("json_href", to_root + FiguresPath(edition, "json"))
        .Set("t", fixed_texts_);
    return page;
  }

  // The edition's figures as open data: every value up to its year.
  static std::string FiguresPath(const model::Edition& edition, const std::string& extension) {
    return edition.year_folder + "/data/cijfers-" + edition.year_folder + "." + extension;
  }

  // The way back from a page to the edition's home: every step but the page itself is a link.
  static Context Breadcrumbs(std::vector<std::pair<std::string, std::string>> steps, const std::string& here) {
    Context list = Context::List();
    for (auto& [title, href] : steps) list.Push(Context().Set("title", title).Set("href", href));
    return Context().Set("steps", list).Set("here", here);
  }

  // Plans a page that will stand at `path` (from the site root), with its Open Graph tags and
  // preview image (social/<path>.png, titled `title`); absolute URLs need the site's base_url.
  // Its templates are filled later, by RenderPages.
  void RenderPage(const model::Edition& edition, const std::string& path, const std::string& title,
                  const std::string& body_template, Context body, Context page) {
    const model::Site& site = in_.project->site;
    std::string folder = FolderOf(path);
    std::string card = SocialCard(path);
    if (!card.empty()) {
      charts::Theme theme;
      theme.font_family = in_.font_family;
      std::string subtitle = site.organisation + " \u00b7 " + edition.title;
      PlanPicture(card, title + '\n' + subtitle + '\n' + theme.font_family,
                  [title, subtitle, theme] { return charts::PaintSocialCard(title, subtitle, theme); });
    }
    page.Set("og_url", site.base_url.empty() ? "" : site.base_url + folder)
        .Set("og_image", card.empty() ? "" : site.base_url + card)
        .Set("og_locale", site.locale.substr(0, 2) + "_" + site.locale.substr(3));
    render_jobs_.push_back({path, body_template, std::move(body), std::move(page)});
  }

  // "2023/in-cijfers/index.html" -> "2023/in-cijfers/"; other files stay as they are.
  static std::string FolderOf(const std::string& path) {
    return EndsWith(path, "index.html") ? path.substr(0, path.size() - 10) : path;
  }

  // The preview image of the page at `path`; "" when it has none. 404.html is shown for other
  // addresses and has no preview of its own. Without a base_url no page can point to a preview
  // (og:image must be an absolute URL), so none is painted.
  std::string SocialCard(const std::string& path) const {
    std::string folder = FolderOf(path);
    if (folder == path || in_.project->site.base_url.empty()) return "";
    std::string name = folder.empty() ? "index" : folder.substr(0, folder.size() - 1);
    std::replace(name.begin(), name.end(), '/', '-');
    return "social/" + name + ".png";
  }

  // Plans the page at `path` with `plan`, which reads figures and ends in RenderPage, unless
  // the previous build's page can be kept as it is. Records what `plan` read as the page's
  // sources.
  Status PlanPage(const std::string& path, const std::function<Status()>& plan) {
    if (KeepPage(path)) return Status();
    derive::ReadSet reads;
    Status planned;
    {
      derive::RecordReads recording(&reads);
      planned = plan();
    }
    if (planned.ok()) incremental_.Record(path, reads);
    return planned;
  }

  // Keeps the previous build's page at `path` (with its preview image) when it would come out
  // the same.
  bool KeepPage(const std::string& path) {
    std::string card = SocialCard(path);
    std::vector<std::string> pictures;
    if (!card.empty()) pictures.push_back(card);
    return incremental_.Keep(path, {path}, pictures, &plan_.kept);
  }

  // Fills the templates of every page planned, on up to in_.jobs threads. Each job writes only
  // its own result, and results enter the plan in the order the pages were planned, so the
  // output (and the order of error messages) does not depend on the thread count.
  Status RenderPages() {
    std::vector<Result<std::string>> results(render_jobs_.size(), Result<std::string>(std::string()));
    std::atomic<size_t> done{0};
    pool_->ParallelFor(render_jobs_.size(), [&](size_t i) {
      RenderJob& job = render_jobs_[i];
      Result<std::string> content = in_.templates->Render(job.body_template, job.body);
      if (!content.ok()) {
        results[i] = std::move(content);
      } else {
        job.page.Set("content", std::move(*content));
        results[i] = in_.templates->Render("page.mustache", job.page);
      }
      job.body = job.page = Context();  // free the page's data early
      Progress("pages", ++done, render_jobs_.size());
    });
    // A mistake in a template fails every page that uses it: report each message once.
    std::vector<Diagnostic> problems;
    std::set<std::string> reported;
    for (size_t i = 0; i < render_jobs_.size(); ++i) {
      if (!results[i].ok()) {
        for (const Diagnostic& problem : results[i].status().diagnostics()) {
          if (reported.insert(problem.ToString()).second) problems.push_back(problem);
        }
        continue;
      }
      plan_.files[render_jobs_[i].path] = std::move(*results[i]);
    }
    render_jobs_.clear();
    if (!problems.empty()) return Status::FromDiagnostics(std::move(problems));
    return Status();
  }

  Context ChapterList(const model::Edition& edition, const std::string& edition_root) const {
    Context list = Context::List();
    int number = 0;
    for (const model::Chapter& chapter : edition.chapters) {
      list.Push(Context()
                    .Set("title", chapter.title)
                    .Set("summary", chapter.summary)
                    .Set("number", chapter.numbered ? std::to_string(++number) : "")
                    .Set("href", edition_root + chapter.slug + "/index.html"));
    }
    return list;
  }

  Context Tiles(const EditionScope& scope, const model::Edition& edition) const {
    Context tiles = Context::List();
    for (const auto& [where, id] : edition.dashboard_tiles) {
      tiles.Push(KpiTile(scope, *in_.figures->Indicator(id), ""));
    }
    return tiles;
  }

  Result<std::string> RenderKpis(const EditionScope& scope, const model::Edition& edition) const {
    return in_.templates->Render("blocks/kpi.mustache", Context().Set("tiles", Tiles(scope, edition)));
  }

  // Corrected figures ("revised" values) the edition shows: every year up to its own, the
  // latest correction first.
  Context Corrections(const model::Edition& edition) const {
    std::vector<const model::Value*> revised;
    for (const model::Value* value : in_.figures->Revised()) {
      if (value->year <= edition.year) revised.push_back(value);
    }
    std::stable_sort(revised.begin(), revised.end(), [](const model::Value* a, const model::Value* b) {
      return a->revised_on > b->revised_on;
    });
    Context list = Context::List();
    for (const model::Value* value : revised) {
      const model::Indicator& indicator = *in_.figures->Indicator(value->indicator);
      list.Push(Context()
                    .Set("date", in_.text->Date(value->revised_on))
                    .Set("figure", indicator.label + ", " + in_.figures->Area(value->area)->name + ", " + std::to_string(value->year))
                    .Set("previous", in_.text->Value(indicator, *value->previous))
                    .Set("value", in_.text->Display(indicator, *value).text)
                    .Set("note", value->note));
    }
    return list;
  }

  Status PlanHome(const model::Edition& edition, const std::string& path, const std::string& to_root) {
    return PlanPage(path, [&] { return PlanHomeContent(edition, path, to_root); });
  }

  Status PlanHomeContent(const model::Edition& edition, const std::string& path, const std::string& to_root) {
    int sparklines = 0;
    EditionScope scope = Scope(edition, &sparklines);
    JV_ASSIGN_OR_RETURN(std::string kpis, RenderKpis(scope, edition));
    std::string edition_root = to_root + edition.year_folder + "/";
    Context corrections = Corrections(edition);
    Context body = Context()
                       .Set("title", edition.title)
                       .Set("subtitle", edition.subtitle)
                       .Set("chapters", ChapterList(edition, edition_root))
                       .Set("kpis", kpis)
                       .Set("dashboard_href", edition_root + "cijfers/index.html")
                       .Set("corrections", corrections)
                       .Set("has_corrections", !corrections.empty_list())
                       .Set("t", fixed_texts_);
    RenderPage(edition, path, edition.title, "home.mustache", body, PageContext(edition, to_root, edition.title, ""));
    return Status();
  }

  // A chapter's Markdown as HTML, with its blocks and figure references resolved in `scope`.
  // Safe to call from several threads at once, each with its own scope counters.
  Result<markdown::Document> ChapterMarkdown(const EditionScope& scope, const model::Chapter& chapter) const {
    markdown::Options options;
    options.footnote_back_label = in_.text->T("footnote_back");
    options.allow_raw_html = in_.project->site.allow_raw_html;
    return markdown::Render(chapter.markdown, {chapter.where.file, chapter.body_line, 1},
                            MakeHooks(scope, "../../"), options);
  }

  // A chapter page rendered (its Markdown, and the figures it read), or kept from the previous
  // build (then only its facts, from the record).
  struct ChapterDraft {
    bool kept = false;
    std::optional<Result<markdown::Document>> doc;
    ChapterFacts facts;
    derive::ReadSet reads;
  };

  static std::string ChapterPath(const model::Edition& edition, const model::Chapter& chapter) {
    return edition.year_folder + "/" + chapter.slug + "/index.html";
  }

  // Every chapter of `edition`, in chapter order: kept where the previous build's page would
  // come out the same, else its Markdown rendered on in_.jobs threads, each chapter with its own
  // section links, sparkline counter and record of the figures it reads.
  std::vector<ChapterDraft> ChapterDrafts(const model::Edition& edition) {
    std::vector<ChapterDraft> drafts(edition.chapters.size());
    std::vector<size_t> to_render;
    for (size_t i = 0; i < drafts.size(); ++i) {
      std::string path = ChapterPath(edition, edition.chapters[i]);
      std::optional<ChapterFacts> facts = incremental_.PreviousChapter(path);
      if (facts && KeepPage(path)) {
        drafts[i].kept = true;
        drafts[i].facts = std::move(*facts);
      } else {
        to_render.push_back(i);
      }
    }
    auto render = [&](size_t i) {
      ChapterDraft& draft = drafts[i];
      int sparklines = 0;
      EditionScope scope = Scope(edition, &sparklines);
      scope.section_links = &draft.facts.links;
      derive::RecordReads recording(&draft.reads);
      draft.doc = ChapterMarkdown(scope, edition.chapters[i]);
    };
    pool_->ParallelFor(to_render.size(), [&](size_t i) { render(to_render[i]); });
    return drafts;
  }

  // Plans a rendered chapter's page from `doc`, its Markdown, and completes the draft's facts.
  Status PlanChapter(const model::Edition& edition, size_t index, int number, markdown::Document doc,
                     ChapterDraft* draft) {
    const model::Chapter& chapter = edition.chapters[index];
    draft->facts.search_text = doc.text;
    for (const auto& heading : doc.headings) draft->facts.anchors.push_back(heading.anchor);
    const std::string to_root = "../../";
    Context toc = Context::List();
    for (const auto& heading : doc.headings) {
      if (heading.level == 2) toc.Push(Context().Set("text", heading.text).Set("anchor", heading.anchor));
    }
    auto neighbour = [&](int offset) {
      int i = static_cast<int>(index) + offset;
      if (i < 0 || i >= static_cast<int>(edition.chapters.size())) return Context(false);
      return Context().Set("title", edition.chapters[i].title).Set("href", "../" + edition.chapters[i].slug + "/index.html");
    };
    Context body;  // built in place: a chained Context().Set(...) would copy the page's HTML
    body.Set("title", chapter.title)
        .Set("number", number > 0 ? std::to_string(number) : "")
        .Set("has_toc", !toc.empty_list())
        .Set("toc", std::move(toc))
        .Set("html", std::move(doc.html))
        .Set("previous", neighbour(-1))
        .Set("next", neighbour(+1))
        .Set("t", fixed_texts_);
    RenderPage(edition, ChapterPath(edition, chapter), chapter.title, "chapter.mustache", std::move(body),
               PageContext(edition, to_root, chapter.title + " – " + edition.title, chapter.slug, chapter.slug + "/index.html",
                           Breadcrumbs({{edition.title, "../index.html"}}, chapter.title)));
    incremental_.Record(ChapterPath(edition, chapter), draft->reads);
    return Status();
  }

  // What every chapter, rendered or kept, gives the rest of the site: its search entry, its
  // anchors, its section links (checked once all are known), and its record for the next build.
  void AddChapterFacts(const model::Edition& edition, const model::Chapter& chapter, const ChapterFacts& facts) {
    std::string path = ChapterPath(edition, chapter);
    search_.push_back({chapter.title + " – " + edition.title, path, facts.search_text});
    anchors_[chapter.slug] = facts.anchors;
    section_links_.insert(section_links_.end(), facts.links.begin(), facts.links.end());
    record_->chapters[path] = facts;
  }

  // The dashboard's indicators side by side for the total and every district, in the edition's
  // year: only indicators with a figure for at least one district.
  Context AreaComparison(const model::Edition& edition) const {
    std::vector<const model::Indicator*> indicators;
    for (const auto& [where, id] : edition.dashboard_tiles) {
      for (const model::Area& area : in_.project->areas) {
        if (area.kind == model::AreaKind::kDistrict && in_.figures->Find(id, area.id, edition.year)) {
          indicators.push_back(in_.figures->Indicator(id));
          break;
        }
      }
    }
    Context columns = Context::List();
    for (const model::Indicator* indicator : indicators) columns.Push(Context().Set("label", indicator->label));
    Context rows = Context::List();
    for (const model::Area& area : in_.project->areas) {
      if (area.kind != model::AreaKind::kTotal && area.kind != model::AreaKind::kDistrict) continue;
      Context cells = Context::List();
      for (const model::Indicator* indicator : indicators) {
        const model::Value* value = in_.figures->Find(indicator->id, area.id, edition.year);
        ValueDisplay shown = value ? in_.text->Display(*indicator, *value) : ValueDisplay{"–", "", "", ""};
        cells.Push(Context().Set("text", shown.text + shown.marker));
      }
      bool total = area.kind == model::AreaKind::kTotal;
      rows.Push(Context()
                    .Set("name", area.name)
                    .Set("href", total ? "" : area.id + "/index.html")
                    .Set("total", total)
                    .Set("cells", cells));
    }
    return Context()
        .Set("caption", in_.text->T("area_comparison", "year", std::to_string(edition.year)))
        .Set("columns", columns)
        .Set("rows", rows);
  }

  Status PlanDashboard(const model::Edition& edition) {
    return PlanPage(edition.year_folder + "/cijfers/index.html", [&] { return PlanDashboardContent(edition); });
  }

  Status PlanDashboardContent(const model::Edition& edition) {
    const std::string to_root = "../../";
    int sparklines = 0;
    EditionScope scope = Scope(edition, &sparklines);
    JV_ASSIGN_OR_RETURN(std::string kpis, RenderKpis(scope, edition));
    std::string charts_html;
    for (const auto& [where, id] : edition.dashboard_charts) {
      JV_ASSIGN_OR_RETURN(Context block, ChartBlock(scope, id, to_root));
      JV_ASSIGN_OR_RETURN(std::string chart, in_.templates->Render("blocks/chart.mustache", block));
      charts_html += chart;
    }
    Context areas = Context::List();
    for (const model::Area& area : in_.project->areas) {
      if (area.kind != model::AreaKind::kDistrict) continue;
      areas.Push(Context().Set("name", area.name).Set("href", area.id + "/index.html"));
    }
    Context body = Context()
                       .Set("title", in_.text->T("dashboard"))
                       .Set("kpis", kpis)
                       .Set("charts", charts_html)
                       .Set("areas", areas)
                       .Set("comparison", AreaComparison(edition))
                       .Set("t", fixed_texts_);
    RenderPage(edition, edition.year_folder + "/cijfers/index.html", in_.text->T("dashboard"), "dashboard.mustache", body,
               PageContext(edition, to_root, in_.text->T("dashboard") + " – " + edition.title, "cijfers", "cijfers/index.html",
                           Breadcrumbs({{edition.title, "../index.html"}}, in_.text->T("dashboard"))));
    return Status();
  }

  // One page per district with the dashboard's figures for that district.
  Status PlanAreaPage(const model::Edition& edition, const model::Area& area) {
    std::string path = edition.year_folder + "/cijfers/" + area.id + "/index.html";
    search_.push_back({area.name + " – " + in_.text->T("dashboard") + " " + edition.title, path, area.name + " " + area.note});
    return PlanPage(path, [&] { return PlanAreaPageContent(edition, area, path); });
  }

  Status PlanAreaPageContent(const model::Edition& edition, const model::Area& area, const std::string& path) {
    const std::string to_root = "../../../";
    int sparklines = 0;
    EditionScope scope = Scope(edition, &sparklines);
    Context tiles = Context::List();
    for (const auto& [where, id] : edition.dashboard_tiles) {
      if (in_.figures->Find(id, area.id, edition.year) == nullptr) continue;
      tiles.Push(KpiTile(scope, *in_.figures->Indicator(id), area.id));
    }
    bool has_tiles = !tiles.empty_list();
    JV_ASSIGN_OR_RETURN(std::string kpis, in_.templates->Render("blocks/kpi.mustache", Context().Set("tiles", tiles)));
    Context body = Context()
                       .Set("title", area.name)
                       .Set("note", area.note)
                       .Set("kpis", has_tiles ? kpis : "")
                       .Set("has_figures", has_tiles)
                       .Set("t", fixed_texts_);
    RenderPage(edition, path, area.name, "area.mustache", body,
               PageContext(edition, to_root, area.name + " – " + edition.title, "cijfers", "cijfers/" + area.id + "/index.html",
                           Breadcrumbs({{edition.title, "../../index.html"}, {in_.text->T("dashboard"), "../index.html"}},
                                       area.name)));
    return Status();
  }

  Status PlanNotFound(const model::Edition& edition) {
    return PlanPage("404.html", [&] { return PlanNotFoundContent(edition); });
  }

  Status PlanNotFoundContent(const model::Edition& edition) {
    // Lies at the site root; a server that shows it for a deeper missing path resolves its
    // relative links from there (a known limit, since absolute links would break sub-paths).
    Context body = Context().Set("title", in_.text->T("not_found_title")).Set("home_href", "index.html").Set("t", fixed_texts_);
    RenderPage(edition, "404.html", in_.text->T("not_found_title"), "not-found.mustache", body,
               PageContext(edition, "", in_.text->T("not_found_title"), ""));
    return Status();
  }

  // The accessibility statement (toegankelijkheidsverklaring) Dutch public bodies must publish.
  Status PlanAccessibility(const model::Edition& edition) {
    return PlanPage("toegankelijkheid/index.html", [&] { return PlanAccessibilityContent(edition); });
  }

  Status PlanAccessibilityContent(const model::Edition& edition) {
    const model::Site& site = in_.project->site;
    Context body = Context()
                       .Set("title", in_.text->T("accessibility_title"))
                       .Set("organisation", site.organisation)
                       .Set("contact_email", site.contact_email)
                       .Set("checked_on", site.accessibility_date.empty() ? "" : in_.text->Date(site.accessibility_date))
                       .Set("t", fixed_texts_);
    RenderPage(edition, "toegankelijkheid/index.html", in_.text->T("accessibility_title"), "accessibility.mustache", body,
               PageContext(edition, "../", in_.text->T("accessibility_title"), ""));
    return Status();
  }

  // The search page and its index: every chapter's text, the dashboard and the area pages,
  // as a script the page loads (a fetched JSON file would not load from file://).
  Status PlanSearch(const model::Edition& edition) {
    std::string index = SearchIndexScript(search_, in_.jobs);
    std::string index_path = kSearchFolder + HashedName(kSearchIndexName, index);
    plan_.files[index_path] = std::move(index);
    Context body = Context()
                       .Set("title", in_.text->T("search"))
                       .Set("to_root", "../")
                       .Set("index_href", index_path.substr(7))
                       .Set("script_href", "../" + asset_paths_.at("search.js"))
                       .Set("t", fixed_texts_);
    RenderPage(edition, "zoeken/index.html", in_.text->T("search"), "search.mustache", body,
               PageContext(edition, "../", in_.text->T("search"), "zoeken"));
    return Status();
  }

  // Every figure up to `year` (0: every figure) as CSV and JSON, kept while none of them changed;
  // else written on the worker threads while pages are planned.
  void PlanOpenData(const std::string& csv, const std::string& json, int year) {
    std::string output = csv.substr(0, csv.rfind('.'));
    if (incremental_.Keep(output, {csv, json}, {}, &plan_.kept)) return;
    const derive::Figures* figures = in_.figures;
    files_.Add({csv, json}, [figures, year]() -> Result<std::vector<std::string>> {
      return std::vector<std::string>{FiguresCsv(*figures, year), FiguresJson(*figures, year)};
    });
    incremental_.Record(output, {year ? "all-values/" + std::to_string(year) : "all-values"});
  }

  // sitemap.xml and robots.txt; the sitemap lists every page planned.
  void PlanSiteFiles() {
    const std::string& base_url = in_.project->site.base_url;
    plan_.files["robots.txt"] = Robots(base_url);
    if (base_url.empty()) return;
    std::set<std::string> pages;
    auto add = [&](const std::string& path) {
      if (EndsWith(path, ".html") && path != "404.html") pages.insert(path);
    };
    for (const auto& [path, bytes] : plan_.files) add(path);
    for (const std::string& path : plan_.kept) add(path);
    plan_.files["sitemap.xml"] = Sitemap(base_url, std::vector<std::string>(pages.begin(), pages.end()));
  }

  // A link to chapter#section must name a heading of that chapter; known only after every
  // chapter has been rendered.
  void CheckSectionLinks(std::vector<Diagnostic>* problems) {
    for (const SectionLink& link : section_links_) {
      const std::vector<std::string>& anchors = anchors_[link.chapter];
      if (std::find(anchors.begin(), anchors.end(), link.anchor) != anchors.end()) continue;
      std::string suggestion = ClosestMatch(link.anchor, anchors);
      problems->push_back({Diagnostic::Severity::kError, link.where,
                           "link to '" + link.chapter + ".md#" + link.anchor + "': that chapter has no section '" +
                               link.anchor + "'" + (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)")});
    }
    section_links_.clear();
  }

  Status PlanEdition(const model::Edition& edition) {
    JV_RETURN_IF_ERROR(PlanCharts(edition));
    anchors_.clear();  // section links stay inside their edition
    PlanOpenData(FiguresPath(edition, "csv"), FiguresPath(edition, "json"), edition.year);
    JV_RETURN_IF_ERROR(PlanHome(edition, edition.year_folder + "/index.html", "../"));
    // Every chapter is rendered even after one fails, so all mistakes are reported at once.
    std::vector<Diagnostic> problems;
    std::vector<ChapterDraft> drafts = ChapterDrafts(edition);
    int number = 0;
    for (size_t i = 0; i < edition.chapters.size(); ++i) {
      int shown = edition.chapters[i].numbered ? ++number : 0;
      ChapterDraft& draft = drafts[i];
      if (!draft.kept) {
        Status chapter =
            draft.doc->ok() ? PlanChapter(edition, i, shown, std::move(**draft.doc), &draft) : draft.doc->status();
        problems.insert(problems.end(), chapter.diagnostics().begin(), chapter.diagnostics().end());
      }
      AddChapterFacts(edition, edition.chapters[i], draft.facts);
    }
    CheckSectionLinks(&problems);
    if (!problems.empty()) return Status::FromDiagnostics(std::move(problems));
    JV_RETURN_IF_ERROR(PlanDashboard(edition));
    for (const model::Area& area : in_.project->areas) {
      if (area.kind == model::AreaKind::kDistrict) JV_RETURN_IF_ERROR(PlanAreaPage(edition, area));
    }
    return Status();
  }

  // What the blocks of one page of `edition` need; `sparklines` counts the page's sparklines.
  EditionScope Scope(const model::Edition& edition, int* sparklines) const {
    return EditionScope{&edition, in_.figures, in_.text, in_.templates, charts_.get(), sparklines, &section_links_};
  }

  const SiteInput& in_;
  BuildRecord* record_;
  Incremental incremental_;
  const Context fixed_texts_;  // every page's `t`, built once and shared
  publish::SitePlan plan_;
  std::mutex progress_mutex_;
  std::vector<RenderJob> render_jobs_;
  std::map<std::string, std::string> asset_paths_;
  std::string font_regular_, font_bold_;
  std::unique_ptr<EditionCharts> charts_;  // of the edition being planned
  std::vector<SearchEntry> search_;
  mutable std::vector<SectionLink> section_links_;              // of the edition being planned
  std::map<std::string, std::vector<std::string>> anchors_;     // of the edition being planned: chapter slug -> heading anchors
  std::unique_ptr<WorkerPool> own_pool_;  // when the caller keeps none
  WorkerPool* pool_;
  FileJobs files_{pool_, in_.staging, [this](size_t done, size_t total) { Progress("files", done, total); }};
};

}  // namespace

Result<publish::SitePlan> PlanSite(const SiteInput& input, BuildRecord* record) {
  return SitePlanner(input, record).Run();
}

}  // namespace jv::site
