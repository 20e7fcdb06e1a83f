#pragma once
// The site's search index: every page's title and text as a script that the search page loads
// (a fetched JSON file would not load from file://). The index a build published is also where
// the next build finds the text of the chapters it keeps.

#include <map>
#include <string>
#include <vector>

namespace jv::site {

/// The index is published as kSearchFolder + "zoekindex.<hash>.js" beside the search page.
inline constexpr char kSearchFolder[] = "zoeken/";
inline constexpr char kSearchIndexName[] = "zoekindex.js";
/// Whether `path` (from the site root) is a published search index.
bool IsSearchIndexPath(const std::string& path);

struct SearchEntry {
  std::string title, href, text;  ///< href from the site root
};

/// The script "window.JV_SEARCH_INDEX = [...]", one entry a line; entries are escaped on up to
/// `jobs` threads (the index holds the text of every page).
std::string SearchIndexScript(const std::vector<SearchEntry>& entries, int jobs);

/// The text of every entry of a script SearchIndexScript wrote (href -> text); entries it cannot
/// read are left out.
std::map<std::string, std::string> SearchTexts(const std::string& script);

}  // namespace jv::site
