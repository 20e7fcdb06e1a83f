#include "charts/display_list.h"

namespace jv::charts {

std::string Color::Hex() const {
  // Written by hand rather than with printf so the result never depends on the C locale.
  static const char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (uint8_t channel : {r, g, b}) {
    out += kDigits[channel >> 4];
    out += kDigits[channel & 0x0f];
  }
  return out;
}

}  // namespace jv::charts
