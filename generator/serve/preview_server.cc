#include "serve/preview_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "serve/live_reload.h"
#include "serve/static_files.h"

namespace jv::serve {
namespace {

// Every open page holds one event stream, each on a thread of the pool while it lasts.
constexpr size_t kThreads = 32;
// A comment line keeps idle streams alive and lets the server notice closed tabs.
constexpr std::chrono::seconds kKeepAlive{10};

bool ReadWholeFile(const std::string& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *bytes = buffer.str();
  return !in.bad();
}

// Only names of this machine: a page from elsewhere must not reach the server by making some
// host name resolve to 127.0.0.1 (DNS rebinding).
const char kEmptyPage[] =
    "<!DOCTYPE html>\n<html>\n<head><meta charset=\"utf-8\"><title>404</title></head>\n<body>\n</body>\n</html>\n";

bool IsLoopbackHost(const std::string& host_header) {
  std::string host = host_header.substr(0, host_header.rfind(':'));
  return host == "127.0.0.1" || host == "localhost";
}

}  // namespace

struct PreviewServer::Impl {
  explicit Impl(std::string root_dir) : root(std::move(root_dir)) {
    // Tells this server's pages apart from a previous run's, so they reload after a restart.
    instance = std::to_string(
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
            .count());
  }

  std::string root;
  std::string instance;
  httplib::Server http;
  std::thread thread;
  std::atomic<bool> finished{false};  ///< the server thread has returned

  std::mutex mutex;
  std::condition_variable changed;
  uint64_t generation = 0;  ///< successful builds
  uint64_t version = 0;     ///< any change of the state below, for the event streams
  std::string overlay;      ///< "" while the latest build succeeded
  bool stopping = false;

  std::string TokenLocked() const { return instance + "-" + std::to_string(generation); }

  void Setup();
  void ServeEvents(httplib::Response& res);
  void ServeFile(const httplib::Request& req, httplib::Response& res);
  /// Answers with `file` ("": an empty page), HTML with the script and overlay added; false
  /// when the file could not be read.
  bool SendPage(const std::string& file, int status, httplib::Response& res);
};

using httplib::Request;
using httplib::Response;

void PreviewServer::Impl::Setup() {
  http.new_task_queue = [] { return new httplib::ThreadPool(kThreads); };
  // Without the library's SO_REUSEPORT, a second server on the same port fails to bind
  // instead of silently sharing the port with the first.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  http.set_keep_alive_timeout(1);  // idle connections hold up Stop() at most this long
  http.set_pre_routing_handler([](const Request& req, Response& res) {
    if (IsLoopbackHost(req.get_header_value("Host"))) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 403;
    res.set_content("403 Forbidden: unknown host name\n", "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  http.Get(kEventsPath, [this](const Request&, Response& res) { ServeEvents(res); });
  http.Get(".*", [this](const Request& req, Response& res) { ServeFile(req, res); });
}

void PreviewServer::Impl::ServeEvents(Response& res) {
  res.set_header("Cache-Control", "no-store");
  auto sent = std::make_shared<uint64_t>(0);
  auto first = std::make_shared<bool>(true);
  res.set_chunked_content_provider("text/event-stream", [this, sent, first](size_t, httplib::DataSink& sink) {
    std::unique_lock<std::mutex> lock(mutex);
    if (!*first) changed.wait_for(lock, kKeepAlive, [&] { return stopping || version != *sent; });
    if (stopping) {
      sink.done();
      return true;
    }
    std::string message;
    if (*first) message = "retry: 1000\n";  // reconnect soon after a restart of the server
    if (*first || version != *sent) {
      message += StateEvent(TokenLocked(), overlay);
      *sent = version;
      *first = false;
    } else {
      message = ": keep-alive\n\n";
    }
    lock.unlock();
    return sink.write(message.data(), message.size());
  });
}

bool PreviewServer::Impl::SendPage(const std::string& file, int status, Response& res) {
  // The token is taken before the file is read: a build finishing in between then costs an
  // extra reload, never a missed one.
  std::string token;
  std::string current_overlay;
  {
    std::lock_guard<std::mutex> lock(mutex);
    token = TokenLocked();
    current_overlay = overlay;
  }
  std::string bytes = kEmptyPage;
  if (!file.empty() && !ReadWholeFile(file, &bytes)) return false;
  res.status = status;
  if (file.empty() || IsHtml(file)) {
    res.set_content(InjectLiveReload(bytes, token, current_overlay), "text/html; charset=utf-8");
  } else {
    res.set_content(bytes, MimeType(file));
  }
  return true;
}

void PreviewServer::Impl::ServeFile(const Request& req, Response& res) {
  res.set_header("Cache-Control", "no-store");
  // A build swaps the whole folder with one rename, so a file resolved just before is gone
  // when it is read; the second try finds the new one.
  for (int attempt = 0; attempt < 2; ++attempt) {
    Resolved resolved = ResolveRequestPath(root, req.path);
    switch (resolved.kind) {
      case Resolved::Kind::kForbidden:
        res.status = 403;
        res.set_content("403 Forbidden\n", "text/plain; charset=utf-8");
        return;
      case Resolved::Kind::kRedirect: {
        size_t query = req.target.find('?');
        std::string path = req.target.substr(0, query);
        res.set_redirect(path + "/" + (query == std::string::npos ? "" : req.target.substr(query)), 302);
        return;
      }
      case Resolved::Kind::kNotFound: {
        // The site's own 404 page when there is one, else an empty page that can carry the
        // overlay (before the first good build there is no site at all).
        Resolved page = ResolveRequestPath(root, "/404.html");
        if (SendPage(page.kind == Resolved::Kind::kFile ? page.file : "", 404, res)) return;
        break;
      }
      case Resolved::Kind::kFile:
        if (SendPage(resolved.file, 200, res)) return;
        break;
    }
  }
  res.status = 404;
}

PreviewServer::PreviewServer(std::string root) : impl_(std::make_unique<Impl>(std::move(root))) { impl_->Setup(); }

PreviewServer::~PreviewServer() { Stop(); }

Result<int> PreviewServer::Bind(const std::string& host, int port) {
  int bound = port == 0 ? impl_->http.bind_to_any_port(host) : (impl_->http.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    return Status::Error({}, "cannot listen on " + host + ":" + std::to_string(port) +
                                 " (is another server using that port? --port 0 picks a free one)");
  }
  return bound;
}

void PreviewServer::Run() {
  impl_->thread = std::thread([this] {
    impl_->http.listen_after_bind();
    impl_->finished = true;
  });
}

void PreviewServer::BuildSucceeded() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  ++impl_->generation;
  ++impl_->version;
  impl_->overlay.clear();
  impl_->changed.notify_all();
}

void PreviewServer::BuildFailed(std::string overlay) {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  ++impl_->version;
  impl_->overlay = std::move(overlay);
  impl_->changed.notify_all();
}

void PreviewServer::Stop() {
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->stopping = true;
    impl_->changed.notify_all();
  }
  if (!impl_->thread.joinable()) return;
  // stop() does nothing before the thread has entered its accept loop, and must be called
  // only once after (the library asserts so): wait for the loop to start.
  while (!impl_->finished && !impl_->http.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  if (!impl_->finished) impl_->http.stop();
  impl_->thread.join();
}

}  // namespace jv::serve
