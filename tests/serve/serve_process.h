#pragma once
// Runs `jaarverslag serve` as a child process and talks HTTP to it over a plain socket, so that
// requests go out byte for byte as written (no client library normalising "..").

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "test_util.h"

extern char** environ;

namespace jv::testing {

/// Polls `condition` every 200 ms until it holds or `limit` passed; whether it held. Limits are
/// generous: a build of the example takes seconds, more on a loaded machine.
template <typename Condition>
bool Eventually(Condition condition, std::chrono::seconds limit) {
  auto end = std::chrono::steady_clock::now() + limit;
  while (true) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() > end) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

class ServeProcess {
 public:
  /// Starts the generator with `arguments` (e.g. {"serve", "--port", "0"}); its stdout and
  /// stderr go to files in `log_dir`.
  ServeProcess(const std::vector<std::string>& arguments, const fs::path& log_dir)
      : out_(log_dir / "serve.out"), err_(log_dir / "serve.err") {
    std::vector<std::string> args = {JV_BINARY};
    args.insert(args.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (posix_spawn(&pid_, args[0].c_str(), &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
  }
  ~ServeProcess() {
    if (pid_ > 0 && !exited_) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  /// The port from the line "serving … at http://127.0.0.1:<port>/", once printed; 0 when the
  /// process ended or `limit` passed first.
  int WaitForPort(std::chrono::seconds limit) {
    static const std::regex kUrl("at http://127\\.0\\.0\\.1:([0-9]+)/");
    int port = 0;
    Eventually(
        [&] {
          std::smatch m;
          std::string out = ReadFile(out_);
          if (std::regex_search(out, m, kUrl)) port = std::stoi(m[1]);
          return port != 0 || !Running();
        },
        limit);
    return port;
  }

  /// Sends SIGTERM and waits for the exit code; -1 when it did not exit within `limit`.
  int Terminate(std::chrono::seconds limit) {
    if (pid_ <= 0) return -1;
    if (!exited_) kill(pid_, SIGTERM);
    if (!Eventually([&] { return !Running(); }, limit)) return -1;
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }

  /// Everything printed so far, stdout then stderr.
  std::string Output() const { return ReadFile(out_) + ReadFile(err_); }

 private:
  bool Running() {
    if (pid_ <= 0 || exited_) return false;
    if (waitpid(pid_, &status_, WNOHANG) == pid_) exited_ = true;
    return !exited_;
  }

  fs::path out_, err_;
  pid_t pid_ = -1;
  int status_ = 0;
  bool exited_ = false;
};

struct HttpResponse {
  int status = 0;  ///< 0: no answer
  std::string headers;
  std::string body;
};

/// Sends "GET <target>" exactly as given to 127.0.0.1:<port> and reads the whole answer.
inline HttpResponse HttpGet(int port, const std::string& target, const std::string& host = "127.0.0.1") {
  HttpResponse response;
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  if (sock < 0) return response;
  timeval timeout{60, 0};
  setsockopt(sock, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(sock, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(sock);
    return response;
  }
  std::string request = "GET " + target + " HTTP/1.1\r\nHost: " + host + ":" + std::to_string(port) +
                        "\r\nConnection: close\r\n\r\n";
  if (send(sock, request.data(), request.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(request.size())) {
    close(sock);
    return response;
  }
  std::string raw;
  char buffer[16384];
  ssize_t n;
  while ((n = recv(sock, buffer, sizeof buffer, 0)) > 0) raw.append(buffer, static_cast<size_t>(n));
  close(sock);
  size_t end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.1 ", 0) != 0 || end == std::string::npos) return response;
  response.status = std::stoi(raw.substr(9, 3));
  response.headers = raw.substr(0, end);
  response.body = raw.substr(end + 4);
  return response;
}

}  // namespace jv::testing
