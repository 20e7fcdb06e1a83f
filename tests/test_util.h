#pragma once
// Helpers shared by the tests: temporary folders, files and running the generator binary.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sys/wait.h>
#include <sstream>
#include <stdexcept>
#include <string>

namespace jv::testing {

namespace fs = std::filesystem;

/// A fresh folder under the system temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "jv-test-XXXXXX").string();
    path_ = mkdtemp(pattern.data());
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string str(const std::string& relative = "") const {
    return relative.empty() ? path_.string() : (path_ / relative).string();
  }

 private:
  fs::path path_;
};

inline void WriteFile(const fs::path& path, const std::string& text) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// The repository's example data and templates.
inline fs::path SourceDir() { return fs::path(JV_SOURCE_DIR); }

/// The latest edition named in a data folder's site.json (the last of "editions").
inline std::string LatestEdition(const fs::path& data) {
  std::string site = ReadFile(data / "site.json");
  size_t close = site.rfind('"', site.find(']', site.find("\"editions\"")));
  size_t open = site.rfind('"', close - 1);
  return site.substr(open + 1, close - open - 1);
}

/// Copies the example data folder to `target`.
inline void CopyExampleData(const fs::path& target) {
  fs::copy(SourceDir() / "data", target, fs::copy_options::recursive);
}

struct CommandResult {
  int exit_code;
  std::string output;  ///< stdout and stderr together
};

/// Runs the jaarverslag binary with `arguments` (already shell-quoted).
inline CommandResult RunGenerator(const std::string& arguments) {
  std::string command = std::string(JV_BINARY) + " " + arguments + " 2>&1";
  CommandResult result{0, ""};
  FILE* pipe = popen(command.c_str(), "r");
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

/// The example site, built once per test program into a temporary folder (a build takes a
/// second or two, and many tests only read it).
inline const fs::path& ExampleSiteOnce() {
  static TempDir dir;
  static bool built = false;
  if (!built) {
    CommandResult result = RunGenerator("build --data " + (SourceDir() / "data").string() +
                                        " --templates " + (SourceDir() / "templates").string() +
                                        " --out " + dir.str("site"));
    if (result.exit_code != 0) throw std::runtime_error("building the example failed:\n" + result.output);
    built = true;
  }
  static fs::path site = dir.path() / "site";
  return site;
}

/// Every file below `root` with its bytes, for comparing whole trees.
inline std::map<std::string, std::string> Snapshot(const fs::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files[fs::relative(entry.path(), root).string()] = ReadFile(entry.path());
  }
  return files;
}

}  // namespace jv::testing
