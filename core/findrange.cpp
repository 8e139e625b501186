#include "findrange.h"

#include <algorithm>

namespace hexmap {

FindRange resolveFindRange(std::optional<std::int64_t> start, std::optional<std::int64_t> end,
    std::int64_t position, std::int64_t length)
{
    std::int64_t from = start.value_or(position);
    std::int64_t to = end.value_or(length);
    if (from < 0)
        from = std::max<std::int64_t>(from + length, 0);
    if (to < 0)
        to = std::max<std::int64_t>(to + length, 0);
    else if (to > length)
        to = length;
    return {from, to};
}

} // namespace hexmap
