#pragma once
// Value axes: "nice" tick values (steps of 1, 2 or 5 times a power of ten) and the linear
// mapping from data values to pixels.

#include <vector>

namespace jv::charts {

/// Tick values covering [min, max] with about `desired` intervals. The first tick is <= min,
/// the last >= max, and the step is 1, 2 or 5 times a power of ten. Values are computed as
/// k * step from integers, so 0.1 steps give 0.3 rather than 0.30000000000000004 where the
/// double allows. min == max still gives two ticks.
std::vector<double> NiceTicks(double min, double max, int desired);

/// Maps [domain_min, domain_max] linearly onto [range_min, range_max] (either may be reversed,
/// as for a y axis that grows upwards).
class LinearScale {
 public:
  LinearScale(double domain_min, double domain_max, double range_min, double range_max);
  double operator()(double value) const;

 private:
  double domain_min_, range_min_, factor_;
};

}  // namespace jv::charts
