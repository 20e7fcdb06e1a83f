#pragma once
// `jaarverslag serve`: build, serve the site on this machine, rebuild on every save, and
// reload the open pages. Editors see their change a second or two after saving; when the data
// has an error the last good site stays up with the errors listed over it.
//
//   watch (inotify) ──change──▶ BuildSite ──ok──▶ new token: pages reload
//                                    └──failed──▶ overlay with the errors; site untouched

#include <iosfwd>
#include <string>

#include "base/status.h"
#include "site/build_site.h"

namespace jv::serve {

/// What to build and where to listen. The host is always 127.0.0.1: the preview is for the
/// person at this machine, not for the network.
struct ServeOptions {
  site::BuildOptions build;  ///< the folders; build.out_dir is the folder served
  int port = 8000;           ///< 0: a free port chosen by the system (printed)
  /// A burst of file events ends after this long without another (editors save in steps).
  int quiet_ms = 200;
  /// A burst is cut off after this long, so that a program writing continuously still
  /// gets rebuilds.
  int max_delay_ms = 2000;
  std::ostream* out = nullptr;  ///< progress and the URL; std::cout when null
  std::ostream* err = nullptr;  ///< build diagnostics; std::cerr when null
};

/// Builds the site, serves build.out_dir on http://127.0.0.1:<port>/ and rebuilds whenever a
/// file below build.data_dir or build.templates_dir changes, until SIGINT or SIGTERM arrives
/// (then it returns ok). A failed build is not an error here: it is printed and shown in the
/// pages. Errors: the port is taken, a folder is missing or cannot be watched, or the output
/// folder lies inside a watched folder (each build would trigger the next).
Status Serve(const ServeOptions& options);

}  // namespace jv::serve
