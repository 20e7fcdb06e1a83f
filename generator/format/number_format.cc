#include "format/number_format.h"

#include <unicode/numberformatter.h>
#include <unicode/unistr.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <tuple>

namespace jv::format {

struct NumberFormat::Impl {
  icu::Locale locale;
  bool euro_space = true;  // "€ 1" in nl, "€1" in en
};

NumberFormat::NumberFormat(std::string locale, std::shared_ptr<const Impl> impl)
    : locale_(std::move(locale)), impl_(std::move(impl)) {}

Result<NumberFormat> NumberFormat::Create(const std::string& locale) {
  auto impl = std::make_shared<Impl>();
  if (locale == "nl-NL") {
    impl->locale = icu::Locale("nl", "NL");
  } else if (locale == "en-GB") {
    impl->locale = icu::Locale("en", "GB");
    impl->euro_space = false;
  } else {
    return Status::Error({}, "unsupported locale '" + locale + "' (supported: nl-NL, en-GB)");
  }
  return NumberFormat(locale, std::move(impl));
}

std::string NumberFormat::Format(double value, int decimals, bool always_sign) const {
  using namespace icu::number;
  if (!std::isfinite(value)) return "?";
  UErrorCode status = U_ZERO_ERROR;
  // Building an ICU formatter costs far more than formatting with it, and a site formats
  // thousands of figures in a handful of styles: keep one per style, per thread so that no
  // lock is needed.
  thread_local std::map<std::tuple<std::string, int, bool>, LocalizedNumberFormatter> formatters;
  auto key = std::make_tuple(locale_, decimals, always_sign);
  auto found = formatters.find(key);
  if (found == formatters.end()) {
    LocalizedNumberFormatter formatter = NumberFormatter::withLocale(impl_->locale)
                                             .precision(Precision::fixedFraction(decimals))
                                             .roundingMode(UNUM_ROUND_HALFUP)
                                             .sign(always_sign ? UNUM_SIGN_EXCEPT_ZERO : UNUM_SIGN_AUTO);
    found = formatters.emplace(key, std::move(formatter)).first;
  }
  icu::UnicodeString text = found->second.formatDouble(value, status).toString(status);
  if (U_FAILURE(status)) return "?";
  std::string out;
  text.toUTF8String(out);
  // A typographic minus reads as "min" in screen readers and does not break across lines.
  std::string result;
  for (char c : out) {
    if (c == '-') result += "\u2212";
    else result += c;
  }
  // ICU keeps the sign of -0.04 rounded to "-0,0"; a figure that rounds to zero has no sign.
  if (RoundsToZero(value, decimals) && result.rfind("\u2212", 0) == 0) result.erase(0, 3);
  return result;
}

bool NumberFormat::RoundsToZero(double value, int decimals) {
  // Same decimal-string route as the formatter, so both agree on ties such as 0.05.
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", std::fabs(value));
  double shortest = std::strtod(buffer, nullptr);
  double half_unit = 0.5 * std::pow(10.0, -decimals);
  return shortest < half_unit - 1e-12;
}

std::string NumberFormat::Number(double value, int decimals) const {
  return Format(value, decimals, false);
}

std::string NumberFormat::Percent(double value, int decimals) const {
  return Format(value, decimals, false) + "%";
}

std::string NumberFormat::Signed(double value, int decimals) const {
  return Format(value, decimals, true);
}

std::string NumberFormat::Euro(double value, int decimals) const {
  std::string number = Format(value, decimals, false);
  return impl_->euro_space ? "\u20ac\u00a0" + number : "\u20ac" + number;
}

}  // namespace jv::format
