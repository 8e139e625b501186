#pragma once
// Where a map's bytes are provably zero without reading them: the holes of its file
// (lseek SEEK_HOLE / SEEK_DATA), on the file systems where that has been verified to
// see writes through a shared map at once, minus, for a private map, the pages it has
// written (its own copies, which the file knows nothing of: /proc/self/pagemap).

#include "sparsesearch.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace hexmap::detail {

// This process's page table, read from /proc/self/pagemap (one 64-bit entry per page).
namespace pagemap {
// Reads the entries of count pages from the page holding address; false when it cannot
// (no /proc, or the read failed).
[[nodiscard]] bool read(const void *address, std::size_t count, std::uint64_t *entries) noexcept;
// The page is mapped here (a page table entry is present).
[[nodiscard]] constexpr bool present(std::uint64_t entry)
{
    return (entry >> 63) & 1;
}
// The page is mapped and is the file's own page (page cache or shared memory), not a
// private copy.
[[nodiscard]] constexpr bool fileBacked(std::uint64_t entry)
{
    return present(entry) && ((entry >> 61) & 1);
}
// Not mapped and not in swap: reading it brings in the file's page.
[[nodiscard]] constexpr bool untouched(std::uint64_t entry)
{
    return ((entry >> 62) & 3) == 0;
}
} // namespace pagemap

// The holes of one map's file. Thread-safe; opened on first use.
class MapHoles
{
public:
    // The map as zeroRuns needs it.
    struct Mapping
    {
        const std::uint8_t *data; // the map's first byte (page-aligned)
        int fd; // the mapped file (a memfd for a shared anonymous map), or -1
        std::int64_t fileOffset; // where the map starts in the file
        bool isPrivate; // MAP_PRIVATE: written pages are the map's own
    };

    MapHoles() = default;
    MapHoles(const MapHoles &) = delete;
    MapHoles &operator=(const MapHoles &) = delete;
    ~MapHoles() { close(); }

    // Appends to runs the parts in the map's bytes [begin, end) (map offsets) of holes of
    // at least 64 KiB (or cut by begin or end), ascending, that hold zeros in the map now:
    // see
    // search::SparseSource. Nothing for a file system not known to report holes right,
    // for bytes past the file's end (which fault), or when a question fails; it asks the
    // file system a bounded number of times per call (once, inside data), and returns
    // how far it looked.
    std::int64_t zeroRuns(const Mapping &mapping, std::int64_t begin, std::int64_t end,
        std::vector<search::ByteRange> &runs) const;
    // Closes the descriptor it asks through (when the map closes).
    void close() noexcept;

private:
    // Opens the descriptor, once: a description of its own (lseek moves the offset that
    // the user's descriptor and its duplicates share), or none.
    void open(int fd) const;
    // Appends the pages of [begin, end) that the private map has not written.
    static void appendUnwritten(const Mapping &mapping, std::int64_t begin, std::int64_t end,
        std::vector<search::ByteRange> &runs);

    mutable std::once_flag m_opened;
    mutable int m_fd = -1;
};

} // namespace hexmap::detail
