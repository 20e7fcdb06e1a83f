#pragma once
// Locale-aware formatting of figures: "1.137", "98,8%", "+96%", "€ 35.402.800".
//
// Rounding rule: half away from zero, applied to the shortest decimal representation of the
// value (so 98.85 with one decimal is 98,9, as a printed report would have it, although the
// double nearest 98.85 lies just below it).

#include <memory>
#include <string>

#include "base/status.h"

namespace jv::format {

class NumberFormat {
 public:
  /// Supported locales: "nl-NL" and "en-GB". Error for any other.
  static Result<NumberFormat> Create(const std::string& locale);

  /// 1137 -> "1.137", (98.8, 1) -> "98,8". Negative numbers use U+2212 (−).
  std::string Number(double value, int decimals) const;
  /// (98.8, 1) -> "98,8%".
  std::string Percent(double value, int decimals) const;
  /// With an explicit sign: (96, 0) -> "+96", (-2, 0) -> "−2", and "0" for zero after rounding.
  std::string Signed(double value, int decimals) const;
  /// (35402800, 0) -> "€ 35.402.800" (nl) / "€35,402,800" (en).
  std::string Euro(double value, int decimals) const;
  /// True when `value` rounds to zero at `decimals`.
  static bool RoundsToZero(double value, int decimals);

  const std::string& locale() const { return locale_; }

 private:
  struct Impl;
  explicit NumberFormat(std::string locale, std::shared_ptr<const Impl> impl);
  std::string Format(double value, int decimals, bool always_sign) const;

  std::string locale_;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace jv::format
