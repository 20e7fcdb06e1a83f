#pragma once
// The publish stage: writes a fully rendered site to the output folder atomically. The new site
// is written into a staging folder beside the output folder and then swapped in with one
// rename, so readers and a crashed build only ever see the complete old or the complete new site.

#include <map>
#include <string>

#include "base/status.h"

namespace jv::publish {

/// The whole site: path relative to the output folder ("2023/index.html") -> bytes.
struct SitePlan {
  std::map<std::string, std::string> files;
};

struct PublishReport {
  int written = 0;    ///< files whose bytes are new or changed
  int unchanged = 0;  ///< files carried over from the previous site untouched (same inode)
  int removed = 0;    ///< files of the previous site that are gone
};

/// Replaces `out_dir` with the plan's files. A file whose bytes equal the previous site's is
/// hard-linked, keeping its timestamp. Refuses to replace a non-empty folder that was not made
/// by this generator (it carries a marker file). Leftover staging folders of a killed build are
/// removed first.
Result<PublishReport> Publish(const SitePlan& plan, const std::string& out_dir);

/// The marker file written into every published site.
extern const char kMarkerFile[];

}  // namespace jv::publish
