#pragma once
// Test support: how many of a map's pages are in memory (for a file's map, in the page
// cache: mincore).

#include "memorymap.h"

#include <algorithm>
#include <cstdint>

inline std::int64_t residentPages(const hexmap::MemoryMap &map)
{
    const hexmap::Bytes pages = map.residency(0, map.length());
    return std::count_if(pages.begin(), pages.end(), [](std::uint8_t page) { return page & 1; });
}
