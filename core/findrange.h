#pragma once

#include <cstdint>
#include <optional>

namespace hexmap {

// The bytes [start, end) that Python's find/rfind(sub, start, end) searches: start
// defaults to the position and end to the length; negative values count from the end
// and are then clamped to [0, length]. A start past the end stays there, so that it
// finds nothing (CPython 3.15). end < start means nothing to search.
struct FindRange
{
    std::int64_t start;
    std::int64_t end;
};

[[nodiscard]] FindRange resolveFindRange(std::optional<std::int64_t> start,
    std::optional<std::int64_t> end, std::int64_t position, std::int64_t length);

} // namespace hexmap
