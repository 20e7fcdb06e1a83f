#pragma once
// Content hashes: how builds tell whether an input or an output changed.

#include <string>
#include <string_view>

namespace jv {

/// 16 hex digits of XXH3 over `bytes`. Not cryptographic: it detects changes, not tampering.
std::string ContentHash(std::string_view bytes);

}  // namespace jv
