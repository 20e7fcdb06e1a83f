#pragma once
// The markdown stage: CommonMark (with GFM tables, strikethrough, autolinks and footnotes) to
// HTML through cmark-gfm, plus the project's own syntax:
//   - figure references `{{indicator words…}}`, replaced by text the caller resolves;
//   - directive blocks: fenced code blocks whose info string starts with a directive name
//     (chart, kpi, table, story, quote, video, link), replaced by HTML the caller renders;
//   - links to `<chapter>.md#anchor`, rewritten by the caller.
// This stage knows nothing of the data model: the caller supplies the hooks.

#include <functional>
#include <string>
#include <vector>

#include "base/status.h"

namespace jv::markdown {

/// A fenced directive block: ```name argument\nbody```.
struct Directive {
  std::string name;      ///< "chart"
  std::string argument;  ///< the rest of the info string, trimmed: "preventie-tijd"
  std::string body;      ///< the block's content
  Location where;        ///< the fence line
  Location body_start;   ///< the first line of the body
};

struct Hooks {
  /// Resolves the text inside `{{ }}` to plain text (escaped by this stage).
  std::function<Result<std::string>(const std::string& reference, const Location& where)> figure;
  /// Renders a directive to trusted HTML.
  std::function<Result<std::string>(const Directive& directive)> directive;
  /// Rewrites a link that points at a Markdown file ("x.md#a") to the page URL.
  std::function<Result<std::string>(const std::string& url, const Location& where)> link;
};

struct Options {
  bool allow_raw_html = false;      ///< copy raw HTML from the Markdown (off: it is dropped)
  std::string footnote_prefix;      ///< makes footnote ids unique when documents share a page
  std::string footnote_back_label;  ///< aria-label of footnote back-links, in the site language
};

struct Heading {
  int level = 2;
  std::string text;    ///< plain text
  std::string anchor;  ///< unique within the document
};

struct Document {
  std::string html;
  std::string text;  ///< the same content as plain text, for the search index
  std::vector<Heading> headings;
};

/// Names that start a directive block.
const std::vector<std::string>& DirectiveNames();

/// The anchor of a heading text: lower case, runs of other characters than letters and digits
/// become one hyphen ("A. Preventie" -> "a-preventie"; letters with accents are kept).
std::string Slug(const std::string& text);

/// Renders `source`, whose first line is at `start`. Every figure reference, directive and link
/// is resolved; all errors are collected and returned together. Safe to call from several
/// threads at once (with hooks that are).
Result<Document> Render(const std::string& source, const Location& start, const Hooks& hooks,
                        const Options& options);

}  // namespace jv::markdown
