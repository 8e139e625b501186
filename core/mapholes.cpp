#include "mapholes.h"

#include "constants.h"

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <string>

namespace hexmap::detail {

namespace {

// Holes shorter than this are read rather than asked about.
constexpr std::int64_t kMinimumHole = std::int64_t(64) << 10;
// lseek calls per zeroRuns call: a file fragmented into many small holes costs more to
// ask about than to read.
constexpr int kMaxQueries = 64;

// The file systems on which SEEK_DATA has been seen (tests/core/tst_sparsesearch) to
// report a page written through a shared map as data at once, before writeback: ext4
// (its delayed allocation reserves the block when the page is first written) and tmpfs
// (the page itself is the data). Others are read: ZFS, for one, reported such pages
// as holes until msync (openzfs/zfs#11900), and FUSE asks a daemon that has not seen
// them yet.
bool reportsHolesRight(int fd)
{
    struct statfs system = {};
    struct stat status = {};
    if (fstatfs(fd, &system) != 0 || fstat(fd, &status) != 0 || !S_ISREG(status.st_mode))
        return false;
    return system.f_type == EXT4_SUPER_MAGIC || system.f_type == TMPFS_MAGIC;
}

int pagemapDescriptor() noexcept
{
    static const int fd = ::open("/proc/self/pagemap", O_RDONLY | O_CLOEXEC);
    return fd;
}

} // namespace

bool pagemap::read(const void *address, std::size_t count, std::uint64_t *entries) noexcept
{
    const int fd = pagemapDescriptor();
    const auto page = static_cast<std::uintptr_t>(pageSize());
    auto at = static_cast<off_t>(reinterpret_cast<std::uintptr_t>(address) / page * 8);
    auto *to = reinterpret_cast<char *>(entries);
    std::size_t left = count * 8;
    while (fd >= 0 && left > 0) {
        const ssize_t got = pread(fd, to, left, at);
        if (got <= 0)
            return false;
        to += got;
        at += got;
        left -= static_cast<std::size_t>(got);
    }
    return fd >= 0;
}

void MapHoles::open(int fd) const
{
    if (fd < 0 || !reportsHolesRight(fd))
        return;
    m_fd = ::open(("/proc/self/fd/" + std::to_string(fd)).c_str(), O_RDONLY | O_CLOEXEC);
}

void MapHoles::close() noexcept
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

std::int64_t MapHoles::zeroRuns(const Mapping &mapping, std::int64_t begin, std::int64_t end,
    std::vector<search::ByteRange> &runs) const
{
    if (mapping.fd < 0 || begin >= end)
        return end;
    std::call_once(m_opened, [&] { open(mapping.fd); });
    if (m_fd < 0)
        return end;
    const std::int64_t base = mapping.fileOffset;
    std::int64_t at = begin;
    for (int queries = 0; at < end && queries < kMaxQueries; queries += 2) {
        const off_t hole = lseek(m_fd, base + at, SEEK_HOLE);
        if (hole < 0 || hole - base >= end) // ENXIO: at is past the file's end
            return end;
        off_t data = lseek(m_fd, hole, SEEK_DATA);
        if (data < 0) {
            // No data from the hole to the file's end (or this is the end itself): the
            // end bounds it, since past it the map's pages fault, and are never zeros.
            struct stat status = {};
            if (errno != ENXIO || fstat(m_fd, &status) != 0)
                return end;
            data = status.st_size;
        }
        const std::int64_t from = hole - base;
        const std::int64_t to = data - base;
        if (to <= at) // the file changed meanwhile
            return end;
        // A hole cut by the range's ends may be longer than it looks here.
        if (to - from >= kMinimumHole || from == begin || to >= end) {
            if (mapping.isPrivate)
                appendUnwritten(mapping, from, std::min(to, end), runs);
            else
                runs.push_back({from, std::min(to, end)});
        }
        at = to;
    }
    return std::min(at, end);
}

void MapHoles::appendUnwritten(const Mapping &mapping, std::int64_t begin, std::int64_t end,
    std::vector<search::ByteRange> &runs)
{
    // A page of a private map over a hole holds zeros while it is the file's: not
    // mapped and not swapped (reading it maps the file's page), or mapped from the page
    // cache. A page the map has written (its own copy, mapped or swapped) is read.
    const std::int64_t page = pageSize();
    std::array<std::uint64_t, 4096> entries {};
    std::int64_t runStart = -1;
    const auto close = [&](std::int64_t at) {
        if (runStart >= 0 && at > runStart)
            runs.push_back({runStart, at});
        runStart = -1;
    };
    for (std::int64_t first = begin / page; first * page < end;) {
        const auto count = static_cast<std::size_t>(
            std::min<std::int64_t>(entries.size(), (end - 1) / page + 1 - first));
        if (!pagemap::read(mapping.data + first * page, count, entries.data())) {
            close(std::max(begin, first * page));
            return;
        }
        for (std::size_t k = 0; k < count; ++k) {
            const std::int64_t pageStart = (first + std::int64_t(k)) * page;
            const bool zeros = pagemap::untouched(entries[k]) || pagemap::fileBacked(entries[k]);
            if (zeros && runStart < 0)
                runStart = std::max(begin, pageStart);
            else if (!zeros)
                close(std::max(begin, pageStart));
        }
        first += std::int64_t(count);
    }
    close(end);
}

} // namespace hexmap::detail
