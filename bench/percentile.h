// Latency percentiles for the benchmarks.
#pragma once

#include <algorithm>
#include <vector>

// The value below which a share `p` (0..1) of `values` lies; 0 for no values.
inline double percentile(std::vector<double> values, double p) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[std::min(values.size() - 1,
                         static_cast<size_t>(p * static_cast<double>(values.size())))];
}
