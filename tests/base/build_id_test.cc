// The build ID decides whether a previous build's pictures may be reused, so it must be the one
// the linker wrote into the program, not some other note or an empty string.
#include <catch2/catch.hpp>
#include <unistd.h>

#include <cstdio>
#include <string>

#include "base/build_id.h"

namespace {

// The notes of this test program, as binutils reads them from its file.
std::string ReadelfNotes() {
  char self[4096];
  ssize_t length = readlink("/proc/self/exe", self, sizeof self - 1);
  REQUIRE(length > 0);
  std::string out;
  FILE* pipe = popen(("readelf -n '" + std::string(self, static_cast<size_t>(length)) + "' 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  for (size_t n; (n = fread(buffer, 1, sizeof buffer, pipe)) > 0;) out.append(buffer, n);
  pclose(pipe);
  return out;
}

}  // namespace

TEST_CASE("ProgramBuildId is the build ID the linker wrote into the program", "[base]") {
  std::string id = jv::ProgramBuildId();
  REQUIRE(id.size() >= 16);
  CHECK(id.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(ReadelfNotes().find("Build ID: " + id) != std::string::npos);
}
