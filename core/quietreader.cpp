#include "quietreader.h"

#include "constants.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <string>

namespace hexmap::detail {

void QuietReader::open(int fd) const
{
    if (fd < 0)
        return;
    m_fd = ::open(("/proc/self/fd/" + std::to_string(fd)).c_str(), O_RDONLY | O_CLOEXEC);
    if (m_fd >= 0)
        posix_fadvise(m_fd, 0, 0, POSIX_FADV_RANDOM);
}

void QuietReader::close() noexcept
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

bool QuietReader::readFile(std::int64_t offset, std::int64_t count, std::uint8_t *to) const
{
    while (count > 0) {
        const ssize_t got = pread(m_fd, to, static_cast<std::size_t>(count), offset);
        if (got <= 0)
            return false; // an error, or the file ends before the map does
        to += got;
        offset += got;
        count -= got;
    }
    return true;
}

void QuietReader::read(const MapHoles::Mapping &mapping, std::int64_t begin, std::int64_t count,
    std::uint8_t *to,
    const std::function<void(std::int64_t, std::int64_t, std::uint8_t *)> &copyMapped) const
{
    if (mapping.fd >= 0)
        std::call_once(m_opened, [&] { open(mapping.fd); });
    if (m_fd < 0) {
        copyMapped(begin, count, to);
        return;
    }
    const std::int64_t page = pageSize();
    std::array<std::uint64_t, 256> entries {};
    const std::int64_t end = begin + count;
    std::int64_t at = begin;
    while (at < end) {
        const std::int64_t firstPage = at / page;
        const std::int64_t pages
            = std::min<std::int64_t>(std::ssize(entries), (end - 1) / page - firstPage + 1);
        if (!pagemap::read(
                mapping.data + firstPage * page, static_cast<std::size_t>(pages), entries.data())) {
            copyMapped(at, end - at, to + (at - begin));
            return;
        }
        for (std::int64_t k = 0; k < pages; ++k) {
            const std::int64_t stop = std::min(end, (firstPage + k + 1) * page);
            std::uint8_t *into = to + (at - begin);
            // An untouched page is the file's: the file gives it without mapping it.
            if (!pagemap::untouched(entries[k])
                || !readFile(mapping.fileOffset + at, stop - at, into))
                copyMapped(at, stop - at, into);
            at = stop;
        }
    }
}

} // namespace hexmap::detail
