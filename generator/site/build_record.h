#pragma once
// What a build leaves for the next one, in the output folder's marker file: every published
// file (content hash and size), the source of every painted picture, what every page and chart
// was made from, and every figure as shown. The next build keeps the pages, charts and pictures
// whose sources are unchanged and reports what changed.

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "site/blocks.h"

namespace jv::site {

/// What a chapter page gives the rest of its edition, so that a kept chapter need not be
/// rendered: its text for the search index (not in the record: the published index has it), the
/// anchors of its headings, and its links to other chapters' sections (checked against those
/// chapters' anchors).
struct ChapterFacts {
  std::string search_text;
  std::vector<std::string> anchors;
  std::vector<SectionLink> links;
};

struct BuildRecord {
  struct File {
    std::string hash;  ///< ContentHash of its bytes
    size_t size = 0;
  };
  std::map<std::string, File> files;            ///< path -> what was published there
  std::map<std::string, std::string> pictures;  ///< path -> hash of what it was painted from
  /// Hash of every input but the figures: data files outside values/, templates, fonts and the
  /// generator itself. Pages and charts are only kept when it is unchanged.
  std::string inputs;
  /// Output (a page's path, or a chart's path without extension) -> the figures it read
  /// (derive/reads.h keys).
  std::map<std::string, std::vector<std::string>> reads;
  std::map<std::string, std::string> read_hashes;  ///< key -> derive::Figures::ReadHash then
  std::map<std::string, ChapterFacts> chapters;    ///< chapter page path -> its facts
  std::map<std::string, ChartFrame> charts;        ///< chart path without extension -> its frame
  /// (indicator, area, year) -> the figure as shown ("98,8%", "800–1.000", "–")
  std::map<std::tuple<std::string, std::string, int>, std::string> values;

  std::string Serialize() const;
  /// The record in `text`; an empty record when the text is not one (an older marker, or a
  /// damaged file), so the build then renders everything.
  static BuildRecord Parse(const std::string& text);
};

}  // namespace jv::site
