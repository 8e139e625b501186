#pragma once

#include <cstdint>
#include <optional>

namespace hexmap {

// A Python slice, m[start:stop:step]; an empty member is Python's None.
struct Slice
{
    std::optional<std::int64_t> start;
    std::optional<std::int64_t> stop;
    std::optional<std::int64_t> step;
};

// A slice resolved against a sequence length, as PySlice_AdjustIndices does: the
// selected indexes are start, start+step, ... (count of them).
struct SliceRange
{
    std::int64_t start;
    std::int64_t step;
    std::int64_t count;
};

// Throws ValueError "slice step cannot be zero".
[[nodiscard]] SliceRange resolveSlice(const Slice &slice, std::int64_t length);

} // namespace hexmap
