#pragma once
// The HTTP side of `jaarverslag serve` (cpp-httplib): serves the output folder on a loopback
// address, adds the live-reload script and the error overlay to HTML responses, and streams the
// build state to open pages (see live_reload.h for the protocol).

#include <memory>
#include <string>

#include "base/status.h"

namespace jv::serve {

class PreviewServer {
 public:
  /// Serves the files below `root` (the output folder; it may not exist yet).
  explicit PreviewServer(std::string root);
  ~PreviewServer();  ///< stops, as Stop()
  PreviewServer(const PreviewServer&) = delete;
  PreviewServer& operator=(const PreviewServer&) = delete;

  /// Binds to `host`:`port` (0: a free port chosen by the system) and returns the port bound.
  /// Connections wait in the backlog until Run(). Error when the port is taken.
  Result<int> Bind(const std::string& host, int port);
  /// Starts answering requests on a background thread.
  void Run();
  /// A build succeeded: pages served from now on carry a new token, so open pages reload; the
  /// overlay goes away.
  void BuildSucceeded();
  /// A build failed: the site on disk is the last good one and is served as before; pages show
  /// `overlay` (from RenderOverlay) on top, open ones at once.
  void BuildFailed(std::string overlay);
  /// Ends the event streams, stops accepting requests and waits for the server's threads.
  /// Safe to call twice.
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace jv::serve
