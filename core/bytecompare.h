#pragma once

#include "bytesearch.h"

#include <cstdint>

// Comparison of two equally long runs of raw bytes, vectorized (the kernels behind
// MapPair, mappair.h). Every kernel reads only the bytes [0, n) of both runs.
namespace hexmap::compare {

using search::Kernel;

// What a seek looks for: a byte that differs between the runs, or one that is equal.
enum class Seek { Difference, Equal };

// The lowest i < n where a[i] and b[i] differ (Seek::Equal: are equal), or -1.
[[nodiscard]] std::int64_t next(const std::uint8_t *a, const std::uint8_t *b, std::size_t n,
    Seek seek = Seek::Difference, Kernel kernel = search::bestKernel());
// The highest such i, or -1.
[[nodiscard]] std::int64_t previous(const std::uint8_t *a, const std::uint8_t *b, std::size_t n,
    Seek seek = Seek::Difference, Kernel kernel = search::bestKernel());

// The differing bytes of [0, n) and the ranges of them (maximal runs of differing bytes)
// that start there: a run that begins at 0 counts only when the byte before (outside the
// runs) was equal, !previousDiffered.
struct Tally
{
    std::int64_t bytes = 0;
    std::int64_t ranges = 0;
};
[[nodiscard]] Tally count(const std::uint8_t *a, const std::uint8_t *b, std::size_t n,
    bool previousDiffered, Kernel kernel = search::bestKernel());

} // namespace hexmap::compare
