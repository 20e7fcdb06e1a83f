#include "base/content_hash.h"

#include <xxhash.h>

#include <cstdio>

namespace jv {

std::string ContentHash(std::string_view bytes) {
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(XXH3_64bits(bytes.data(), bytes.size())));
  return hex;
}

}  // namespace jv
