#include "markdown/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <cctype>
#include <cstdlib>
#include <map>
#include <mutex>
#include <memory>

#include "base/text.h"
#include "markdown/figure_references.h"

namespace jv::markdown {
namespace {

using Diagnostics = std::vector<Diagnostic>;

struct NodeDeleter {
  void operator()(cmark_node* node) const { cmark_node_free(node); }
};
struct ParserDeleter {
  void operator()(cmark_parser* parser) const { cmark_parser_free(parser); }
};
using NodePtr = std::unique_ptr<cmark_node, NodeDeleter>;

std::string TakeString(char* text) {
  std::string out = text == nullptr ? "" : text;
  std::free(text);
  return out;
}

std::string PlainText(cmark_node* node) {
  std::string text;
  cmark_iter* iter = cmark_iter_new(node);
  cmark_event_type event;
  while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
    cmark_node* current = cmark_iter_get_node(iter);
    if (event != CMARK_EVENT_ENTER) continue;
    cmark_node_type type = cmark_node_get_type(current);
    if (type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE) {
      const char* literal = cmark_node_get_literal(current);
      if (literal != nullptr) text += literal;
    } else if (type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK) {
      text += ' ';
    }
  }
  cmark_iter_free(iter);
  return text;
}

// Whether a link or image target is safe to publish: a path within the site, an #anchor, or
// an address with the scheme http, https, mailto or tel. Any other scheme (javascript:,
// vbscript:, data:, file:, …) could run code in the reader's browser or reach their disk.
// Browsers ignore blanks and control characters inside a scheme, so this does too.
bool IsSafeUrl(const std::string& url) {
  std::string scheme;
  for (char c : url) {
    if (static_cast<unsigned char>(c) <= 0x20) continue;
    if (c == ':') return scheme == "http" || scheme == "https" || scheme == "mailto" || scheme == "tel";
    if (c == '/' || c == '?' || c == '#') return true;  // no scheme: a relative address
    scheme += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return true;
}

// Everything the walk over the tree needs; it collects nodes first and changes the tree after,
// because cmark's iterator must not see nodes being replaced.
class TreeRewriter {
 public:
  TreeRewriter(cmark_node* root, const Location& start, const Hooks& hooks, int render_options,
               cmark_llist* extensions, Diagnostics* diagnostics)
      : root_(root), start_(start), hooks_(hooks), render_options_(render_options),
        extensions_(extensions), diagnostics_(diagnostics) {}

  std::vector<Heading> Run() {
    std::vector<cmark_node*> blocks, headings, links, images;
    cmark_iter* iter = cmark_iter_new(root_);
    cmark_event_type event;
    while ((event = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
      if (event != CMARK_EVENT_ENTER) continue;
      cmark_node* node = cmark_iter_get_node(iter);
      switch (cmark_node_get_type(node)) {
        case CMARK_NODE_CODE_BLOCK: blocks.push_back(node); break;
        case CMARK_NODE_HEADING: headings.push_back(node); break;
        case CMARK_NODE_LINK: links.push_back(node); break;
        case CMARK_NODE_IMAGE: images.push_back(node); break;
        default: break;
      }
    }
    cmark_iter_free(iter);
    for (cmark_node* node : links) RewriteLink(node);
    for (cmark_node* node : images) DropUnsafeImage(node);
    for (cmark_node* node : blocks) RenderDirective(node);
    std::vector<Heading> result;
    for (cmark_node* node : headings) result.push_back(AnchorHeading(node));
    return result;
  }

 private:
  Location At(cmark_node* node) const {
    return {start_.file, start_.line + cmark_node_get_start_line(node) - 1,
            cmark_node_get_start_column(node)};
  }

  void Report(const Status& status) {
    for (const Diagnostic& d : status.diagnostics()) diagnostics_->push_back(d);
  }

  void Replace(cmark_node* node, const std::string& html) {
    cmark_node* custom = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
    cmark_node_set_on_enter(custom, html.c_str());
    cmark_node_replace(node, custom);
    cmark_node_free(node);
  }

  // A link whose target could run code (javascript:, …) keeps its text but loses the link.
  void RewriteLink(cmark_node* node) {
    const char* url = cmark_node_get_url(node);
    if (url != nullptr && !IsSafeUrl(url)) {
      while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
      cmark_node_free(node);  // unlinks it first
      return;
    }
    if (url == nullptr || !hooks_.link) return;
    std::string target = url;
    size_t hash = target.find('#');
    std::string path = target.substr(0, hash);
    bool is_markdown = path.size() > 3 && path.compare(path.size() - 3, 3, ".md") == 0 &&
                       path.find(':') == std::string::npos;
    if (!is_markdown) return;
    Result<std::string> rewritten = hooks_.link(target, At(cmark_node_parent(node)));
    if (!rewritten.ok()) return Report(rewritten.status());
    cmark_node_set_url(node, rewritten->c_str());
  }

  // An image with such a target (or data:, which may hide a document) is replaced by its
  // alt text.
  void DropUnsafeImage(cmark_node* node) {
    const char* url = cmark_node_get_url(node);
    if (url == nullptr || IsSafeUrl(url)) return;
    cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(text, PlainText(node).c_str());
    cmark_node_replace(node, text);
    cmark_node_free(node);
  }

  void RenderDirective(cmark_node* node) {
    const char* info = cmark_node_get_fence_info(node);
    std::string_view info_text = Trim(info == nullptr ? "" : info);
    size_t space = info_text.find_first_of(" \t");
    std::string name(info_text.substr(0, space));
    const auto& names = DirectiveNames();
    if (std::find(names.begin(), names.end(), name) == names.end()) return;
    Directive directive;
    directive.name = name;
    if (space != std::string_view::npos) directive.argument = Trim(info_text.substr(space));
    const char* body = cmark_node_get_literal(node);
    directive.body = body == nullptr ? "" : body;
    directive.where = At(node);
    directive.body_start = {start_.file, directive.where.line + 1, 1};
    Result<std::string> html = hooks_.directive(directive);
    if (!html.ok()) return Report(html.status());
    Replace(node, *html);
  }

  // cmark's HTML has no heading ids; render the heading ourselves with a unique anchor.
  Heading AnchorHeading(cmark_node* node) {
    Heading heading;
    heading.level = cmark_node_get_heading_level(node);
    heading.text = PlainText(node);
    std::string anchor = Slug(heading.text);
    int count = ++anchors_[anchor];
    heading.anchor = count == 1 ? anchor : anchor + "-" + std::to_string(count);
    // Move the inline children into a paragraph to render them with cmark, then drop <p>.
    NodePtr document(cmark_node_new(CMARK_NODE_DOCUMENT));
    cmark_node* paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH);
    cmark_node_append_child(document.get(), paragraph);
    while (cmark_node* child = cmark_node_first_child(node)) {
      cmark_node_append_child(paragraph, child);
    }
    std::string inner = TakeString(cmark_render_html(document.get(), render_options_, extensions_));
    if (inner.rfind("<p>", 0) == 0) inner = inner.substr(3);
    size_t end = inner.rfind("</p>");
    if (end != std::string::npos) inner = inner.substr(0, end);
    std::string level = std::to_string(heading.level);
    Replace(node, "<h" + level + " id=\"" + EscapeHtml(heading.anchor) + "\">" + inner + "</h" +
                      level + ">\n");
    return heading;
  }

  cmark_node* root_;
  Location start_;
  const Hooks& hooks_;
  int render_options_;
  cmark_llist* extensions_;
  Diagnostics* diagnostics_;
  std::map<std::string, int> anchors_;
};

cmark_parser* NewParser(int options) {
  // cmark-gfm registers its extensions in a global list on first use, unguarded: chapters are
  // rendered on several threads at once.
  static std::once_flag registered;
  std::call_once(registered, cmark_gfm_core_extensions_ensure_registered);
  cmark_parser* parser = cmark_parser_new(options);
  for (const char* name : {"table", "strikethrough", "autolink"}) {
    if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) {
      cmark_parser_attach_syntax_extension(parser, ext);
    }
  }
  return parser;
}

// cmark-gfm writes fixed footnote ids (fn-1, fnref-1) and an English back-link label.
std::string AdjustFootnotes(std::string html, const Options& options) {
  auto replace_all = [&html](const std::string& from, const std::string& to) {
    for (size_t pos = 0; (pos = html.find(from, pos)) != std::string::npos; pos += to.size()) {
      html.replace(pos, from.size(), to);
    }
  };
  if (!options.footnote_prefix.empty()) {
    replace_all("\"#fn-", "\"#" + options.footnote_prefix + "fn-");
    replace_all("\"fn-", "\"" + options.footnote_prefix + "fn-");
    replace_all("\"#fnref-", "\"#" + options.footnote_prefix + "fnref-");
    replace_all("\"fnref-", "\"" + options.footnote_prefix + "fnref-");
  }
  if (!options.footnote_back_label.empty()) {
    replace_all("aria-label=\"Back to content\"",
                "aria-label=\"" + EscapeHtml(options.footnote_back_label) + "\"");
  }
  return html;
}

// cmark-gfm 0.29 slows down quadratically on a paragraph with many emphasis marks before many
// links: each link walks back over the marks (40,000 marks before 20,000 links took 12 s).
// That is not prose, so such a paragraph is refused, naming its line, instead of the build
// appearing to hang. Counted per run of non-blank lines; escaped characters do not count.
constexpr long kMaxMarksTimesLinks = 4000000;

void CheckInlineWork(const std::string& source, const Location& start, Diagnostics* diagnostics) {
  long marks = 0, brackets = 0;
  int line = start.line, paragraph_line = start.line;
  bool blank = true, in_paragraph = false;
  auto end_paragraph = [&] {
    in_paragraph = false;
    if (marks * brackets > kMaxMarksTimesLinks) {
      diagnostics->push_back({Diagnostic::Severity::kError, {start.file, paragraph_line, 1},
                              "this paragraph has " + std::to_string(marks) + " emphasis marks and " +
                                  std::to_string(brackets) +
                                  " links, more than the Markdown library handles in reasonable time: "
                                  "split it with blank lines"});
    }
    marks = brackets = 0;
  };
  for (size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\n') {
      if (blank) end_paragraph();
      blank = true;
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') continue;
    blank = false;
    if (!in_paragraph) {
      paragraph_line = line;
      in_paragraph = true;
    }
    if (c == '\\') {
      ++i;  // an escaped character is plain text
    } else if ((c == '*' || c == '_') && (i == 0 || source[i - 1] != c)) {
      ++marks;
    } else if (c == '[') {
      ++brackets;
    }
  }
  end_paragraph();
}

}  // namespace

const std::vector<std::string>& DirectiveNames() {
  static const std::vector<std::string> names = {"chart", "kpi",   "table", "story",
                                                 "quote", "video", "link"};
  return names;
}

std::string Slug(const std::string& text) {
  std::string slug;
  bool pending_hyphen = false;
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    bool keep = std::isalnum(c) || c >= 0x80;  // bytes of UTF-8 letters such as ë, ï
    if (!keep) {
      pending_hyphen = !slug.empty();
      continue;
    }
    if (pending_hyphen) slug += '-';
    pending_hyphen = false;
    slug += static_cast<char>(std::tolower(c));
  }
  return slug.empty() ? "sectie" : slug;
}

Result<Document> Render(const std::string& source, const Location& start, const Hooks& hooks,
                        const Options& options) {
  Diagnostics diagnostics;
  CheckInlineWork(source, start, &diagnostics);
  if (!diagnostics.empty()) return Status::FromDiagnostics(std::move(diagnostics));
  std::string text = hooks.figure
                         ? ReplaceFigureReferences(source, start, hooks.figure, &diagnostics)
                         : source;
  int options_mask = CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8;
  if (options.allow_raw_html) options_mask |= CMARK_OPT_UNSAFE;
  std::unique_ptr<cmark_parser, ParserDeleter> parser(NewParser(options_mask));
  cmark_parser_feed(parser.get(), text.data(), text.size());
  NodePtr root(cmark_parser_finish(parser.get()));
  Document document;
  document.headings =
      TreeRewriter(root.get(), start, hooks, options_mask,
                   cmark_parser_get_syntax_extensions(parser.get()), &diagnostics).Run();
  if (!diagnostics.empty()) return Status::FromDiagnostics(std::move(diagnostics));
  document.text = TakeString(cmark_render_plaintext(root.get(), CMARK_OPT_DEFAULT, 0));
  document.html = AdjustFootnotes(
      TakeString(cmark_render_html(root.get(), options_mask,
                                   cmark_parser_get_syntax_extensions(parser.get()))),
      options);
  return document;
}

}  // namespace jv::markdown
