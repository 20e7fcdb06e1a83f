#pragma once
// What a build changed since the previous one: figures (old → new) and published files.

#include <string>
#include <vector>

#include "publish/publish.h"
#include "site/build_record.h"

namespace jv::site {

struct ValueChange {
  std::string indicator, area;
  int year = 0;
  std::string before, after;  ///< as shown; "" before: a new figure, "" after: a removed one
};

struct ChangeReport {
  bool first_build = false;  ///< no previous build to compare with
  std::vector<ValueChange> values;
  std::vector<std::string> written;  ///< files new or changed, sorted
  std::vector<std::string> removed;  ///< files gone, sorted
};

/// Compares the figures of two builds and takes the files from the publish report.
ChangeReport CompareBuilds(const BuildRecord& before, const BuildRecord& after,
                           const publish::PublishReport& files);

/// The report as lines for the terminal: figures one per line, files grouped into pages,
/// charts and other files; long lists are cut after `max_items` entries with a count.
std::string FormatChanges(const ChangeReport& report, size_t max_items = 12);

}  // namespace jv::site
