#include "serve/serve.h"

#include <pthread.h>
#include <signal.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include "load/load.h"
#include "serve/live_reload.h"
#include "serve/preview_server.h"
#include "serve/watcher.h"

namespace jv::serve {
namespace {

namespace fs = std::filesystem;

constexpr char kHost[] = "127.0.0.1";

// SIGINT and SIGTERM as a file descriptor. They are blocked in this thread and so in every
// thread started after (the server's), and the descriptor is readable while one is pending:
// the watch loop waits for a change or a stop request in one poll, and no handler runs in
// the middle of a build.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set_, &previous_mask_);
    fd_ = signalfd(-1, &set_, SFD_CLOEXEC | SFD_NONBLOCK);
    // A browser closing a connection mid-response must not end the process.
    previous_pipe_ = signal(SIGPIPE, SIG_IGN);
  }
  ~StopSignals() {
    // Consume the signal that stopped us before unblocking, or it would be delivered now.
    signalfd_siginfo info;
    while (fd_ >= 0 && read(fd_, &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
    }
    if (fd_ >= 0) close(fd_);
    pthread_sigmask(SIG_SETMASK, &previous_mask_, nullptr);
    signal(SIGPIPE, previous_pipe_);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  int fd() const { return fd_; }

 private:
  sigset_t set_;
  sigset_t previous_mask_;
  void (*previous_pipe_)(int) = SIG_DFL;
  int fd_ = -1;
};

// Whether `inner` is `outer` or lies below it (paths need not exist).
bool IsInside(const std::string& inner, const std::string& outer) {
  std::error_code ec;
  fs::path a = fs::weakly_canonical(fs::absolute(inner), ec);
  fs::path b = fs::weakly_canonical(fs::absolute(outer), ec);
  return std::mismatch(a.begin(), a.end(), b.begin(), b.end()).second == b.end();
}

Status CheckFolders(const site::BuildOptions& build) {
  for (const std::string& watched : {build.data_dir, build.templates_dir}) {
    if (IsInside(build.out_dir, watched)) {
      return Status::Error({build.out_dir, 0, 0}, "the output folder lies inside the watched folder " + watched +
                                                      "; every build would start the next one");
    }
  }
  return Status();
}

// The overlay's texts in the site's language. The data or the templates may be exactly what
// is broken, so the locale falls back to the last one read (at first the model's default)
// and the texts to the last ones read.
class OverlayLanguage {
 public:
  OverlayTexts Load(const site::BuildOptions& build) {
    Result<model::Project> project = load::LoadProject(build.data_dir);
    if (project.ok()) locale_ = project->site.locale;
    Result<load::TemplateFiles> files = load::LoadTemplates(build.templates_dir);
    if (files.ok()) {
      Result<std::map<std::string, std::string>> table = load::LoadTranslations(*files, locale_);
      if (table.ok()) texts_ = OverlayTexts::FromTranslations(*table);
    }
    return texts_ ? *texts_ : OverlayTexts::FromTranslations({});
  }

 private:
  std::string locale_ = model::Site().locale;
  std::optional<OverlayTexts> texts_;
};

// Milliseconds below ten seconds: a rebuild after a corrected figure takes a few of them.
std::string Took(std::chrono::steady_clock::duration elapsed) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count();
  char buffer[32];
  if (ms < 10000) std::snprintf(buffer, sizeof buffer, "%lld ms", static_cast<long long>(ms));
  else std::snprintf(buffer, sizeof buffer, "%.1f s", ms / 1000.0);
  return buffer;
}

// One build, reported on the terminal and to the pages.
void Build(const site::BuildOptions& build, PreviewServer* server, OverlayLanguage* language, std::ostream& out,
           std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  Result<site::BuildSummary> result = site::BuildSite(build);
  std::string took = Took(std::chrono::steady_clock::now() - start);
  if (!result.ok()) {
    for (const Diagnostic& d : result.status().diagnostics()) err << d.ToString() << "\n";
    err << "build failed after " << took << "; still serving the last good site" << std::endl;
    server->BuildFailed(RenderOverlay(result.status().diagnostics(), language->Load(build)));
    return;
  }
  for (const Diagnostic& d : result->warnings) err << d.ToString() << "\n";
  err.flush();
  out << "built " << build.out_dir << "/ in " << took << ": " << result->pages << " pages; "
      << result->files.written << " files written, " << result->files.removed << " removed\n"
      << site::FormatChanges(result->changes) << std::flush;
  server->BuildSucceeded();
}

std::string Join(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ", ") + item;
  return joined;
}

}  // namespace

Status Serve(const ServeOptions& options) {
  std::ostream& out = options.out ? *options.out : std::cout;
  std::ostream& err = options.err ? *options.err : std::cerr;
  JV_RETURN_IF_ERROR(CheckFolders(options.build));
  StopSignals signals;  // before any thread starts, so that all of them inherit the mask
  // Watch before the first build, so that a save during it is not missed.
  JV_ASSIGN_OR_RETURN(std::unique_ptr<Watcher> watcher,
                      Watcher::Create({options.build.data_dir, options.build.templates_dir}));
  PreviewServer server(options.build.out_dir);
  JV_ASSIGN_OR_RETURN(int port, server.Bind(kHost, options.port));
  OverlayLanguage language;
  // What each build keeps for the next: the inputs that did not change are not parsed again.
  site::BuildMemo memo;
  site::BuildOptions build = options.build;
  build.memo = &memo;
  Build(build, &server, &language, out, err);
  server.Run();
  out << "serving " << options.build.out_dir << "/ at http://" << kHost << ":" << port
      << "/ (rebuilds on every save; Ctrl+C stops)" << std::endl;
  std::vector<std::string> changed;
  while (watcher->WaitForChanges(signals.fd(), std::chrono::milliseconds(options.quiet_ms),
                                 std::chrono::milliseconds(options.max_delay_ms),
                                 &changed) == Watcher::Wake::kChanged) {
    out << "changed: " << Join(changed) << std::endl;
    Build(build, &server, &language, out, err);
  }
  server.Stop();
  out << "stopped" << std::endl;
  return Status();
}

}  // namespace jv::serve
