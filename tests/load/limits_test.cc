// Limits of the load stage that keep memory and time bounded on huge or odd input, and the
// UTF-8 check; each limit gives an error naming file, line and column.

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "base/text.h"
#include "load/csv.h"
#include "load/file_system.h"
#include "load/json_document.h"
#include "test_util.h"

using namespace jv;
using namespace jv::testing;

TEST_CASE("JSON deeper than the limit is refused where the limit is passed", "[load][huge]") {
  std::string ok = std::string(load::kMaxJsonDepth, '[') + std::string(load::kMaxJsonDepth, ']');
  CHECK(load::JsonDocument::Parse("a.json", ok).ok());
  std::string deep = "{\"a\": \n" + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto doc = load::JsonDocument::Parse("a.json", deep);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().ToString() == "a.json:2:64: error: JSON nested more than 64 levels deep\n");
  // Brackets inside strings do not count.
  std::string text = "[\"" + std::string(1000, '[') + "\\\"" + std::string(1000, '{') + "\"]";
  CHECK(load::JsonDocument::Parse("a.json", text).ok());
}

TEST_CASE("JSON with more values than the limit is refused before parsing", "[load][huge]") {
  std::string many = "[";
  for (size_t i = 0; i < load::kMaxJsonValues + 10; ++i) many += "0,";
  many += "0]";
  auto doc = load::JsonDocument::Parse("a.json", many);
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.status().ToString().find("a.json:1:") == 0);
  CHECK(doc.status().ToString().find("more than 1000000 values in one JSON file") != std::string::npos);
}

TEST_CASE("CSV lines and files past the limits are refused at their line", "[load][huge]") {
  std::string wide;
  for (size_t i = 0; i <= load::kMaxCsvFields; ++i) wide += "x,";
  auto rows = load::ParseCsv("v.csv", "a,b\n1,2\n" + wide + "\n", ',');
  REQUIRE_FALSE(rows.ok());
  CHECK(rows.status().ToString().find("v.csv:3:") == 0);
  CHECK(rows.status().ToString().find("more than 1000 fields on one line") != std::string::npos);
  std::string wide_ok;
  for (size_t i = 1; i < load::kMaxCsvFields; ++i) wide_ok += "x,";
  CHECK(load::ParseCsv("v.csv", wide_ok + "x\n", ',').ok());
}

TEST_CASE("Invalid UTF-8 is found at its first bad byte", "[load][huge]") {
  CHECK(FindInvalidUtf8("gewoon ë € 𝄞 tekst") == std::string_view::npos);
  CHECK(FindInvalidUtf8("ab\xff") == 2);
  CHECK(FindInvalidUtf8("a\xc3") == 1);              // cut off
  CHECK(FindInvalidUtf8("a\xc0\xaf") == 1);          // overlong '/'
  CHECK(FindInvalidUtf8("a\xe0\x80\xaf") == 1);      // overlong
  CHECK(FindInvalidUtf8("a\xed\xa0\x80") == 1);      // a UTF-16 surrogate
  CHECK(FindInvalidUtf8("a\xf4\x90\x80\x80") == 1);  // above U+10FFFF
  CHECK(FindInvalidUtf8("a\xe2\x82") == 1);
  CHECK(FindInvalidUtf8("\x80") == 0);
}

TEST_CASE("A folder reads only regular files inside it up to its size limit", "[load][confinement]") {
  TempDir dir;
  WriteFile(dir.path() / "data/klein.txt", "klein");
  WriteFile(dir.path() / "data/groot.txt", std::string(2048, 'x'));
  WriteFile(dir.path() / "buiten.txt", "geheim");
  fs::create_symlink(dir.path() / "buiten.txt", dir.path() / "data/link.txt");
  fs::create_directory(dir.path() / "data/map");
  REQUIRE(mkfifo((dir.path() / "data/pijp").c_str(), 0644) == 0);
  auto folder = load::Folder::Open(dir.str("data"), 1024);
  REQUIRE(folder.ok());
  CHECK(*folder->Read("klein.txt") == "klein");
  auto message = [&](const std::string& relative) {
    auto read = folder->Read(relative);
    return read.ok() ? std::string("read: ") + *read : read.status().ToString();
  };
  std::string root = dir.str("data");
  CHECK(message("groot.txt") == root + "/groot.txt: error: file is larger than 1024 bytes, the most this program "
                                       "reads from one file; split it or leave out what the report does not show\n");
  CHECK(message("../buiten.txt") == root + "/../buiten.txt: error: refusing a path that leads outside " + root +
                                        "/ (files must be inside that folder)\n");
  CHECK(message(dir.str("buiten.txt")) == dir.str("buiten.txt") + ": error: refusing an absolute path: name a file "
                                                                  "inside " + root + "/ with a path relative to that folder\n");
  CHECK(message("link.txt") == root + "/link.txt: error: refusing a symbolic link that points outside " + root +
                                   "/ (files must be inside that folder)\n");
  CHECK(message("map") == root + "/map: error: not a regular file\n");
  CHECK(message("pijp") == root + "/pijp: error: not a regular file\n");
  CHECK(message("weg.txt") == root + "/weg.txt: error: file not found\n");
  // Exists answers for what Read would refuse, so optional files are never skipped silently.
  CHECK(folder->Exists("link.txt"));
  CHECK(folder->Exists("../buiten.txt"));
  CHECK_FALSE(folder->Exists("weg.txt"));
}
