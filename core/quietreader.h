#pragma once
// Reading a map's bytes without paging the file in: the pages this process has not
// mapped are read from the file (pread, read-ahead off) instead of faulted in, so a
// sampler leaves the process's RSS as it was and the page cache holding only the pages
// it asked for (a fault reads ahead, often 128 KiB or more around each page).

#include "mapholes.h"

#include <cstdint>
#include <functional>
#include <mutex>

namespace hexmap::detail {

class QuietReader
{
public:
    QuietReader() = default;
    QuietReader(const QuietReader &) = delete;
    QuietReader &operator=(const QuietReader &) = delete;
    ~QuietReader() { close(); }

    // Copies the map's bytes [begin, begin + count) into to: the pages not mapped here
    // (nor swapped) of a file's map from the file, every other part through copyMapped
    // (from, count, to), which also gets what the file cannot give (past its end, or
    // when /proc/self/pagemap cannot be read). Thread-safe.
    void read(const MapHoles::Mapping &mapping, std::int64_t begin, std::int64_t count,
        std::uint8_t *to,
        const std::function<void(std::int64_t, std::int64_t, std::uint8_t *)> &copyMapped) const;
    // Closes the descriptor it reads through (when the map closes).
    void close() noexcept;

private:
    // Opens, once, a description of the file of its own with read-ahead off
    // (POSIX_FADV_RANDOM), which the user's descriptor does not share; or none.
    void open(int fd) const;
    // Reads the whole of [offset, offset + count) of the file, or returns false.
    bool readFile(std::int64_t offset, std::int64_t count, std::uint8_t *to) const;

    mutable std::once_flag m_opened;
    mutable int m_fd = -1;
};

} // namespace hexmap::detail
