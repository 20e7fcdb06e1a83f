#include "charts/scale.h"

#include <algorithm>
#include <cmath>

namespace jv::charts {
namespace {

// Returns the step as mantissa (1, 2 or 5) and decimal exponent, so that tick values can be
// built as integer * mantissa scaled by a power of ten (exactly representable where possible).
void NiceStep(double raw_step, int* mantissa, int* exponent) {
  int e = static_cast<int>(std::floor(std::log10(raw_step)));
  double fraction = raw_step / std::pow(10.0, e);
  // Round to the nearest of 1, 2, 5, 10 on a log scale (the geometric means of neighbours are
  // the thresholds), so the tick count stays close to the desired one in both directions.
  int m;
  if (fraction < 1.4142135623730951) {
    m = 1;
  } else if (fraction < 3.1622776601683795) {
    m = 2;
  } else if (fraction < 7.0710678118654755) {
    m = 5;
  } else {
    m = 1;
    ++e;
  }
  *mantissa = m;
  *exponent = e;
}

double TickValue(long long k, int mantissa, int exponent) {
  // Dividing by an exact power of ten rounds to the nearest double of the decimal value,
  // multiplying by 0.1 would not.
  double units = static_cast<double>(k * mantissa);
  return exponent >= 0 ? units * std::pow(10.0, exponent) : units / std::pow(10.0, -exponent);
}

}  // namespace

std::vector<double> NiceTicks(double min, double max, int desired) {
  if (min > max) std::swap(min, max);
  if (max - min < 1e-12) {
    // A flat domain still needs an axis: widen it around the value (or to 0..1 for zero, and
    // for values so close to zero that half of them has no usable step, e.g. 5e-324).
    double pad = std::abs(min) < 1e-12 ? 1 : std::abs(min) * 0.5;
    min = min >= 0 && min - pad < 0 ? 0 : min - pad;
    max += pad;
  }
  desired = std::max(desired, 1);
  int mantissa = 1, exponent = 0;
  NiceStep((max - min) / desired, &mantissa, &exponent);
  double step = TickValue(1, mantissa, exponent);
  // The small tolerance keeps a value like 30.000000001 from adding a whole extra tick.
  auto first = static_cast<long long>(std::floor(min / step + 1e-9));
  auto last = static_cast<long long>(std::ceil(max / step - 1e-9));
  std::vector<double> ticks;
  for (long long k = first; k <= last; ++k) ticks.push_back(TickValue(k, mantissa, exponent));
  return ticks;
}

LinearScale::LinearScale(double domain_min, double domain_max, double range_min,
                         double range_max)
    : domain_min_(domain_min), range_min_(range_min) {
  double span = domain_max - domain_min;
  factor_ = span == 0 ? 0 : (range_max - range_min) / span;
}

double LinearScale::operator()(double value) const {
  return range_min_ + (value - domain_min_) * factor_;
}

}  // namespace jv::charts
