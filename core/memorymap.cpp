#include "memorymap.h"

#include "bytesearch.h"
#include "errors.h"
#include "faultguard.h"
#include "findrange.h"
#include "mapstate.h"
#include "sparsesearch.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <exception>
#include <limits>
#include <vector>

namespace hexmap {

using detail::MapState;

namespace {

constexpr std::int64_t kMaxSize = std::numeric_limits<std::int64_t>::max();

using ReadLock = std::shared_lock<std::shared_mutex>;
using WriteLock = std::unique_lock<std::shared_mutex>;

void checkOpen(const MapState &state)
{
    if (state.closed)
        throw ValueError("mmap closed or invalid");
}

void checkWritable(const MapState &state)
{
    if (const std::exception_ptr refusal = writeRefusal(state.access))
        std::rethrow_exception(refusal);
}

// Locks the map for reading its bytes; "closed" is always the first check.
ReadLock lockOpen(const MapState &state)
{
    ReadLock lock(state.mapLock);
    checkOpen(state);
    return lock;
}

OSError errnoError()
{
    return OSError(errno);
}

// Names why touching mapped memory faulted.
OSError faultError(const MapState &state, const void *address)
{
    const auto at = static_cast<const std::uint8_t *>(address) - state.data;
    struct stat status = {};
    if (!state.anonymous && state.fd >= 0 && fstat(state.fd, &status) == 0
        && status.st_size <= state.offset + at) {
        return OSError(EFAULT,
            "the file was truncated underneath the map: map offset " + std::to_string(at)
                + " is past its end (file size " + std::to_string(status.st_size) + ")");
    }
    if (state.fd >= 0)
        return OSError(EIO,
            "the page at map offset " + std::to_string(at)
                + " could not be read or allocated (disk full or I/O error)");
    return OSError(EFAULT,
        "the page at map offset " + std::to_string(at)
            + " is no longer backed (file truncated, disk full or I/O error)");
}

// Runs fn, which touches mapped bytes, converting a SIGBUS into OSError.
template <typename Fn> void guarded(const MapState &state, Fn &&fn)
{
    if (const void *fault = detail::runGuarded(fn))
        throw faultError(state, fault);
}

void copyOut(const MapState &state, std::int64_t from, std::uint8_t *to, std::int64_t count)
{
    if (count == 0)
        return; // `to` may be null
    const std::uint8_t *source = state.data + from;
    guarded(state, [&] { std::memcpy(to, source, static_cast<std::size_t>(count)); });
}

// Write-faults the page holding `byte` without changing it (an atomic compare-exchange
// of the byte with itself), so that a page that cannot be written faults now.
void touchForWrite(std::uint8_t *byte) noexcept
{
    std::atomic_ref<std::uint8_t> ref(*byte);
    std::uint8_t value = ref.load(std::memory_order_relaxed);
    ref.compare_exchange_strong(value, value, std::memory_order_relaxed);
}

// From how many pages a write touch asks the kernel to fault them all in at once.
constexpr std::uintptr_t kPopulateFrom = 16;

// Touches every page that the selected bytes data[start + i * step], i < count, lie
// on, for writing or (when !write) for reading. Run inside guarded() before a copy, a
// page that would fault faults here, before any byte has changed: every write is done
// whole or not at all (unless the file shrinks again between touch and copy).
void touchPages(const MapState &state, std::int64_t start, std::int64_t step, std::int64_t count,
    bool write) noexcept
{
    if (count == 0)
        return;
    const auto touch = [write](std::uint8_t *byte) {
        if (write)
            touchForWrite(byte);
        else
            (void)*static_cast<volatile const std::uint8_t *>(byte);
    };
    const std::int64_t page = pageSize();
    if (step >= page || -step >= page) { // one selected byte per page
        for (std::int64_t i = 0; i < count; ++i)
            touch(state.data + start + i * step);
        return;
    }
    // Steps shorter than a page leave no page between the first and last byte untouched.
    const std::int64_t last = start + (count - 1) * step;
    const auto first = reinterpret_cast<std::uintptr_t>(state.data + std::min(start, last));
    const auto end = reinterpret_cast<std::uintptr_t>(state.data + std::max(start, last)) + 1;
    const auto pageMask = ~static_cast<std::uintptr_t>(page - 1);
    if (write && end - first > kPopulateFrom * static_cast<std::uintptr_t>(page)) {
        // One call faults the pages in writable, 10 to 20 times faster than a fault per
        // page (measured on a shared map of a clean ext4 file). A page already mapped for
        // reading would still take a write-protect fault of its own: on a shared map,
        // dropping the page-table entries first loses nothing (the pages stay in the
        // file's cache, the dirty ones marked so) and lets the one call map them all.
        // Where it fails (an old kernel, a page that cannot be had), the touches below
        // find out as before.
        auto *from = reinterpret_cast<void *>(first & pageMask);
        const std::size_t length = end - (first & pageMask);
        if ((state.flags & MAP_SHARED) != 0)
            (void)madvise(from, length, MADV_DONTNEED);
        (void)madvise(from, length, MADV_POPULATE_WRITE);
    }
    for (std::uintptr_t at = first; at < end; at = (at & pageMask) + page)
        touch(reinterpret_cast<std::uint8_t *>(at));
}

// Copies into the map, all of it or (on a fault) nothing.
void copyIn(const MapState &state, std::int64_t to, const std::uint8_t *from, std::int64_t count)
{
    if (count == 0)
        return; // `from` may be null
    std::uint8_t *target = state.data + to;
    guarded(state, [&] {
        touchPages(state, to, 1, count, true);
        std::memcpy(target, from, static_cast<std::size_t>(count));
    });
}

FindRange findRange(
    const MapState &state, std::optional<std::int64_t> start, std::optional<std::int64_t> end)
{
    std::int64_t position = 0;
    if (!start) {
        std::lock_guard lock(state.positionLock);
        position = state.position;
    }
    return resolveFindRange(start, end, position, state.length);
}

// Searches shorter than this read every byte; longer ones skip the file's holes.
// The holes of the map's file in [begin, end): see MapHoles::zeroRuns.
std::int64_t holesOf(const MapState &state, std::int64_t begin, std::int64_t end,
    std::vector<search::ByteRange> &runs)
{
    return state.holes.zeroRuns(
        {state.data, state.fd, state.anonymous ? 0 : state.offset, !(state.flags & MAP_SHARED)},
        begin, end, runs);
}

constexpr std::int64_t kSparseMinimum = std::int64_t(1) << 20;
// A long scan goes a chunk at a time, releasing behind it what it mapped (ScanReleaser).
constexpr std::int64_t kScanChunk = std::int64_t(8) << 20;

// The lowest (or highest) match of pattern in the bytes [begin, end), or -1.
std::int64_t scanGuarded(const MapState &state, const search::Pattern &pattern, std::int64_t begin,
    std::int64_t end, bool backward)
{
    const ByteView haystack(state.data + begin, static_cast<std::size_t>(end - begin));
    std::int64_t found = -1;
    guarded(state, [&] { found = pattern.findIn(haystack, backward); });
    return found < 0 ? -1 : begin + found;
}

// The pages that only a search mapped, unmapped again behind it (shared maps only: there
// MADV_DONTNEED loses nothing, a modified page stays in the page cache, dirty; a private
// map's written pages would be lost). The first kUntracked bytes a search reads are
// read as they are, so that a search that ends soon (Find All's next match) costs
// nothing more; past them, which pages this process had not mapped is noted (pagemap)
// ahead of the reads, a margin beyond the bytes about to be read, since a fault maps
// neighbouring cached pages too (fault-around, large folios), and those pages are
// unmapped once the search is a margin past them, the rest at its end. A search that
// went past kUntracked also unmaps, at its end, what it first read (and a margin
// around it), mapped before or not: a page there faults in again if needed.
class ScanReleaser
{
public:
    ScanReleaser(const MapState &state, bool backward)
        : m_state(state)
        , m_page(pageSize())
        , m_pages((state.length + m_page - 1) / m_page)
        , m_backward(backward)
    {
    }
    ScanReleaser(const ScanReleaser &) = delete;
    ScanReleaser &operator=(const ScanReleaser &) = delete;
    ~ScanReleaser()
    {
        release(m_low, m_low + std::int64_t(m_unmapped.size()));
        if (!m_tracking)
            return;
        // The pages of what was read untracked, with a margin, overlapping ones merged.
        std::vector<search::ByteRange> pages;
        for (const search::ByteRange &range : m_untracked)
            pages.push_back({std::max<std::int64_t>(range.begin - kMargin, 0) / m_page,
                std::min((range.end + kMargin + m_page - 1) / m_page, m_pages)});
        std::sort(
            pages.begin(), pages.end(), [](const search::ByteRange &a, const search::ByteRange &b) {
                return a.begin < b.begin;
            });
        for (std::size_t k = 0; k < pages.size();) {
            const std::int64_t first = pages[k].begin;
            std::int64_t end = pages[k].end;
            while (++k < pages.size() && pages[k].begin <= end)
                end = std::max(end, pages[k].end);
            if (first < end)
                (void)::madvise(m_state.data + first * m_page,
                    static_cast<std::size_t>((end - first) * m_page), MADV_DONTNEED);
        }
    }

    // How many more bytes may be read before the reads are tracked.
    [[nodiscard]] std::int64_t untrackedLeft() const
    {
        return m_tracking ? 0 : kUntracked - m_read;
    }

    // Before the bytes [from, to) are read.
    void before(std::int64_t from, std::int64_t to)
    {
        m_read += to - from;
        if (!m_tracking && m_read <= kUntracked) {
            m_untracked.push_back({from, to});
            return;
        }
        m_tracking = true;
        const std::int64_t low = std::max<std::int64_t>(from - kMargin, 0) / m_page;
        const std::int64_t high = std::min((to + kMargin + m_page - 1) / m_page, m_pages);
        std::int64_t noted = m_low + std::int64_t(m_unmapped.size());
        // Past a skipped hole: what was noted is all behind.
        if (m_backward ? high < m_low : low > noted) {
            release(m_low, noted);
            m_unmapped.clear();
        }
        if (m_unmapped.empty())
            m_low = noted = m_backward ? high : low;
        if (m_backward && low < m_low) {
            const std::vector<std::uint8_t> pages = unmappedPages(low, m_low);
            m_unmapped.insert(m_unmapped.begin(), pages.begin(), pages.end());
            m_low = low;
        } else if (!m_backward && high > noted) {
            const std::vector<std::uint8_t> pages = unmappedPages(noted, high);
            m_unmapped.insert(m_unmapped.end(), pages.begin(), pages.end());
        }
    }

    // After the bytes [from, to) were read: the pages a margin behind are done with.
    void after(std::int64_t from, std::int64_t to)
    {
        if (m_unmapped.empty())
            return;
        const std::int64_t high = m_low + std::int64_t(m_unmapped.size());
        if (m_backward) {
            const std::int64_t first = std::max((to + kMargin + m_page - 1) / m_page, m_low);
            if (first < high) {
                release(first, high);
                m_unmapped.resize(static_cast<std::size_t>(first - m_low));
            }
        } else {
            const std::int64_t last
                = std::min(std::max<std::int64_t>(from - kMargin, 0) / m_page, high);
            if (last > m_low) {
                release(m_low, last);
                m_unmapped.erase(m_unmapped.begin(), m_unmapped.begin() + (last - m_low));
                m_low = last;
            }
        }
    }

private:
    static constexpr std::int64_t kUntracked = std::int64_t(1) << 20;
    static constexpr std::int64_t kMargin = std::int64_t(4) << 20;

    // A byte per page of [first, end): 1 when this process has not mapped it (0 when that
    // cannot be known: such a page is left alone).
    [[nodiscard]] std::vector<std::uint8_t> unmappedPages(
        std::int64_t first, std::int64_t end) const
    {
        const auto count = static_cast<std::size_t>(end - first);
        std::vector<std::uint64_t> entries(count);
        std::vector<std::uint8_t> unmapped(count, 0);
        if (detail::pagemap::read(m_state.data + first * m_page, count, entries.data()))
            for (std::size_t k = 0; k < count; ++k)
                unmapped[k] = !detail::pagemap::present(entries[k]);
        return unmapped;
    }

    // Unmaps the noted pages of [first, end).
    void release(std::int64_t first, std::int64_t end) const
    {
        for (std::int64_t page = first; page < end;) {
            std::int64_t next = page;
            while (next < end && m_unmapped[std::size_t(next - m_low)])
                ++next;
            if (next > page)
                (void)::madvise(m_state.data + page * m_page,
                    static_cast<std::size_t>((next - page) * m_page), MADV_DONTNEED);
            page = next + 1;
        }
    }

    const MapState &m_state;
    const std::int64_t m_page;
    const std::int64_t m_pages;
    const bool m_backward;
    std::int64_t m_read = 0; // bytes read so far
    bool m_tracking = false; // past kUntracked
    std::vector<search::ByteRange> m_untracked; // what was read before
    std::vector<std::uint8_t> m_unmapped; // pages m_low, m_low + 1, ...
    std::int64_t m_low = 0;
};

// scanGuarded, a chunk at a time, telling releaser (if any) what it reads: the bytes it
// may read untracked first, then kScanChunk at a time.
std::int64_t scanMapped(const MapState &state, ScanReleaser *releaser,
    const search::Pattern &pattern, std::int64_t begin, std::int64_t end, bool backward)
{
    if (!releaser)
        return scanGuarded(state, pattern, begin, end, backward);
    const std::int64_t m = pattern.size();
    std::int64_t low = begin;
    std::int64_t high = end - m;
    while (low <= high) {
        const std::int64_t untracked = releaser->untrackedLeft() - (m - 1);
        const std::int64_t chunk = untracked > 0 ? std::min(untracked, kScanChunk) : kScanChunk;
        const std::int64_t first = backward ? std::max(low, high - chunk + 1) : low;
        const std::int64_t last = backward ? high : std::min(high, low + chunk - 1);
        releaser->before(first, last + m);
        const std::int64_t found = scanGuarded(state, pattern, first, last + m, backward);
        if (found >= 0)
            return found;
        releaser->after(first, last + m);
        if (backward)
            high = first - 1;
        else
            low = last + 1;
    }
    return -1;
}

// The map's bytes as one sparse search sees them (see search::SparseSource). On a
// shared map it unmaps, behind the search and when it goes, the pages that only the
// search mapped: a search leaves the process's RSS as it was, and the page cache to the
// kernel. A private map keeps what it mapped (MADV_DONTNEED would drop its own pages).
class MapSource final : public search::SparseSource
{
public:
    MapSource(const MapState &state, bool backward)
        : m_state(state)
    {
        if (state.flags & MAP_SHARED)
            m_releaser.emplace(state, backward);
    }

    std::int64_t zeroRuns(
        std::int64_t begin, std::int64_t end, std::vector<search::ByteRange> &runs) const override
    {
        return holesOf(m_state, begin, end, runs);
    }
    std::int64_t scan(const search::Pattern &pattern, std::int64_t begin, std::int64_t end,
        bool backward) const override
    {
        return scanMapped(m_state, releaser(), pattern, begin, end, backward);
    }
    void copy(std::int64_t begin, std::int64_t end, std::uint8_t *out) const override
    {
        if (ScanReleaser *releaser = this->releaser())
            releaser->before(begin, end);
        copyOut(m_state, begin, out, end - begin);
    }

private:
    [[nodiscard]] ScanReleaser *releaser() const { return m_releaser ? &*m_releaser : nullptr; }

    const MapState &m_state;
    mutable std::optional<ScanReleaser> m_releaser;
};

// The lowest (or highest) match of pattern in the map's bytes [begin, end), or -1. A
// long search skips the file's holes; a short one reads every byte.
std::int64_t searchBytes(const MapState &state, const search::Pattern &pattern, std::int64_t begin,
    std::int64_t end, bool backward)
{
    if (end < begin)
        return -1;
    if (pattern.size() == 0 || end - begin < kSparseMinimum)
        return scanGuarded(state, pattern, begin, end, backward);
    return search::sparseSearch(MapSource(state, backward), pattern, begin, end - pattern.size(),
        backward, std::numeric_limits<std::int64_t>::max())
        .found;
}

std::int64_t findIn(const MapState &state, ByteView sub, std::optional<std::int64_t> start,
    std::optional<std::int64_t> end, bool backward)
{
    const FindRange range = findRange(state, start, end);
    return searchBytes(state, {sub, {}}, range.start, range.end, backward);
}

struct MapMode
{
    int flags;
    int prot;
    Access access;
};

// Python's access/flags/prot rules (CPython's new_mmap_object).
MapMode resolveMode(int flags, int prot, Access access)
{
    if (access != Access::Default && (flags != MAP_SHARED || prot != (PROT_READ | PROT_WRITE)))
        throw ValueError("mmap can't specify both access and flags, prot.");
    switch (access) {
    case Access::Read:
        return {MAP_SHARED, PROT_READ, access};
    case Access::Write:
        return {MAP_SHARED, PROT_READ | PROT_WRITE, access};
    case Access::Copy:
        return {MAP_PRIVATE, PROT_READ | PROT_WRITE, access};
    case Access::Default:
        if ((prot & PROT_READ) && (prot & PROT_WRITE))
            return {flags, prot, access};
        return {flags, prot, (prot & PROT_WRITE) ? Access::Write : Access::Read};
    default:
        throw ValueError("mmap invalid access parameter.");
    }
}

// For a regular file, Python's length checks; returns the length to map.
std::int64_t fileMapLength(int fd, std::int64_t length, std::int64_t offset)
{
    struct stat status = {};
    if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode))
        return length;
    if (length == 0) {
        if (status.st_size == 0)
            throw ValueError("cannot mmap an empty file");
        if (offset >= status.st_size)
            throw ValueError("mmap offset is greater than file size");
        return status.st_size - offset;
    }
    if (offset > status.st_size || status.st_size - offset < length)
        throw ValueError("mmap length is greater than file size");
    return length;
}

// A shared anonymous map lives in a memfd, so that resize can grow it.
int anonymousSharedFile(std::int64_t length)
{
    const int fd = memfd_create("hexmap-anonymous", MFD_CLOEXEC);
    if (fd < 0)
        throw errnoError();
    if (ftruncate(fd, length) != 0) {
        const int error = errno;
        ::close(fd);
        throw OSError(error);
    }
    return fd;
}

std::int64_t fileSize(int fd)
{
    struct stat status = {};
    if (fstat(fd, &status) != 0)
        throw errnoError();
    return status.st_size;
}

} // namespace

Access effectiveAccess(const MapOptions &options)
{
    return resolveMode(options.flags, options.prot, options.access).access;
}

std::exception_ptr writeRefusal(Access access)
{
    if (access == Access::Read)
        return std::make_exception_ptr(TypeError("mmap can't modify a readonly memory map."));
    return {};
}

std::exception_ptr resizeRefusal(
    Access access, bool trackfd, std::int64_t offset, std::optional<std::int64_t> newsize)
{
    if (!trackfd)
        return std::make_exception_ptr(ValueError("mmap can't resize with trackfd=False."));
    if (access != Access::Write && access != Access::Default)
        return std::make_exception_ptr(
            TypeError("mmap can't resize a readonly or copy-on-write memory map."));
    if (newsize && (*newsize < 0 || kMaxSize - *newsize < offset))
        return std::make_exception_ptr(ValueError("new size out of range"));
    return {};
}

void MapState::release() noexcept
{
    if (data)
        munmap(data, static_cast<std::size_t>(length));
    if (fd >= 0)
        ::close(fd);
    holes.close();
    quiet.close();
    data = nullptr;
    fd = -1;
}

MemoryMap::MemoryMap(int fileno, std::int64_t length, const MapOptions &options)
    : m_state(std::make_shared<MapState>())
{
    MapState &state = *m_state;
    if (length < 0)
        throw OverflowError("memory mapped length must be positive");
    if (options.offset < 0)
        throw OverflowError("memory mapped offset must be positive");
    const MapMode mode = resolveMode(options.flags, options.prot, options.access);
    state.flags = mode.flags;
    state.prot = mode.prot;
    state.access = mode.access;
    state.offset = options.offset;
    state.trackfd = options.trackfd;
    state.anonymous = fileno == -1;

    int mapFd = fileno;
    int flags = state.flags;
    std::int64_t mapOffset = options.offset;
    if (state.anonymous) {
        // Linux checks an anonymous map's offset for alignment, then ignores it (repr
        // still shows it). The memfd below must be mapped from its start.
        if (options.offset % allocationGranularity() != 0)
            throw OSError(EINVAL);
        mapOffset = 0;
        if (flags & MAP_SHARED) {
            state.fd = anonymousSharedFile(length);
            mapFd = state.fd;
            flags &= ~MAP_ANONYMOUS;
        } else {
            flags |= MAP_ANONYMOUS;
        }
    } else {
        length = fileMapLength(fileno, length, options.offset);
        if (options.trackfd) {
            state.fd = fcntl(fileno, F_DUPFD_CLOEXEC, 0);
            if (state.fd < 0)
                throw errnoError();
        }
    }
    void *data
        = mmap(nullptr, static_cast<std::size_t>(length), state.prot, flags, mapFd, mapOffset);
    if (data == MAP_FAILED)
        throw errnoError(); // state's destructor closes the descriptor
    state.data = static_cast<std::uint8_t *>(data);
    state.length = length;
}

MemoryMap::~MemoryMap() = default;

void MemoryMap::close()
{
    WriteLock lock(m_state->mapLock);
    if (m_state->exports > 0)
        throw BufferError("cannot close exported pointers exist");
    m_state->release();
    m_state->closed = true;
}

bool MemoryMap::closed() const
{
    ReadLock lock(m_state->mapLock);
    return m_state->closed;
}

std::int64_t MemoryMap::find(
    ByteView sub, std::optional<std::int64_t> start, std::optional<std::int64_t> end) const
{
    const ReadLock lock = lockOpen(*m_state);
    return findIn(*m_state, sub, start, end, false);
}

std::int64_t MemoryMap::rfind(
    ByteView sub, std::optional<std::int64_t> start, std::optional<std::int64_t> end) const
{
    const ReadLock lock = lockOpen(*m_state);
    return findIn(*m_state, sub, start, end, true);
}

void MemoryMap::flush(std::int64_t offset, std::optional<std::int64_t> size)
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    const std::int64_t count = offset < 0 ? -1 : size.value_or(state.length - offset);
    if (count < 0 || state.length - offset < count)
        throw ValueError("flush values out of range");
    if (state.access == Access::Read || state.access == Access::Copy)
        return;
    if (msync(state.data + offset, static_cast<std::size_t>(count), MS_SYNC) != 0)
        throw errnoError();
}

void MemoryMap::madvise(int option, std::int64_t start, std::optional<std::int64_t> length)
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    if (start < 0 || start >= state.length)
        throw ValueError("madvise start out of bounds");
    std::int64_t count = length.value_or(state.length);
    if (count < 0)
        throw ValueError("madvise length invalid");
    if (kMaxSize - start < count)
        throw OverflowError("madvise length too large");
    count = std::min(count, state.length - start);
    if (::madvise(state.data + start, static_cast<std::size_t>(count), option) != 0)
        throw errnoError();
}

void MemoryMap::move(std::int64_t dest, std::int64_t src, std::int64_t count)
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    checkWritable(state);
    if (dest < 0 || src < 0 || count < 0 || state.length - dest < count
        || state.length - src < count)
        throw ValueError("source, destination, or count out of range");
    std::uint8_t *to = state.data + dest;
    const std::uint8_t *from = state.data + src;
    guarded(state, [&] {
        // Writable first: a page already mapped for reading is made writable one fault at
        // a time, many times slower than populating it writable from the start.
        touchPages(state, dest, 1, count, true);
        touchPages(state, src, 1, count, false);
        std::memmove(to, from, static_cast<std::size_t>(count));
    });
}

Bytes MemoryMap::read(std::optional<std::int64_t> n)
{
    const ReadLock lock = lockOpen(*m_state);
    MapState &state = *m_state;
    std::lock_guard position(state.positionLock);
    const std::int64_t remaining
        = state.position < state.length ? state.length - state.position : 0;
    const std::int64_t count = (!n || *n < 0 || *n > remaining) ? remaining : *n;
    Bytes result(static_cast<std::size_t>(count));
    copyOut(state, state.position, result.data(), count);
    state.position += count;
    return result;
}

std::uint8_t MemoryMap::readByte()
{
    const ReadLock lock = lockOpen(*m_state);
    MapState &state = *m_state;
    std::lock_guard position(state.positionLock);
    if (state.position >= state.length)
        throw ValueError("read byte out of range");
    std::uint8_t byte = 0;
    copyOut(state, state.position, &byte, 1);
    ++state.position;
    return byte;
}

Bytes MemoryMap::readLine()
{
    const ReadLock lock = lockOpen(*m_state);
    MapState &state = *m_state;
    std::lock_guard position(state.positionLock);
    const std::int64_t remaining
        = state.position < state.length ? state.length - state.position : 0;
    if (remaining == 0)
        return {};
    const std::uint8_t *start = state.data + state.position;
    const void *newline = nullptr;
    guarded(
        state, [&] { newline = std::memchr(start, '\n', static_cast<std::size_t>(remaining)); });
    const std::int64_t count
        = newline ? static_cast<const std::uint8_t *>(newline) - start + 1 : remaining;
    Bytes line(static_cast<std::size_t>(count));
    copyOut(state, state.position, line.data(), count);
    state.position += count;
    return line;
}

void MemoryMap::resize(std::int64_t newsize)
{
    WriteLock lock(m_state->mapLock);
    MapState &state = *m_state;
    checkOpen(state);
    if (state.exports > 0)
        throw BufferError("mmap can't resize with extant buffers exported.");
    if (const std::exception_ptr refusal
        = resizeRefusal(state.access, state.trackfd, state.offset, newsize))
        std::rethrow_exception(refusal);
    if (newsize == 0)
        throw OSError(EINVAL); // CPython's words; but the file is left as it was

    // The step that can lose data runs last: a file that must grow grows before the
    // remap (and shrinks back if the remap fails); a file that shrinks shrinks only
    // after the remap succeeded.
    const std::int64_t oldLength = state.length;
    // An anonymous map's memfd is mapped from its start, whatever the offset.
    const std::int64_t target = (state.anonymous ? 0 : state.offset) + newsize;
    const std::int64_t oldFileSize = state.fd >= 0 ? fileSize(state.fd) : 0;
    const bool fileGrows = state.fd >= 0 && target > oldFileSize;
    if (fileGrows && ftruncate(state.fd, target) != 0)
        throw errnoError();
    void *data = mremap(state.data, static_cast<std::size_t>(oldLength),
        static_cast<std::size_t>(newsize), MREMAP_MAYMOVE);
    if (data == MAP_FAILED) {
        const int error = errno;
        if (fileGrows)
            (void)ftruncate(state.fd, oldFileSize);
        throw OSError(error);
    }
    if (state.fd >= 0 && !fileGrows && ftruncate(state.fd, target) != 0) {
        const int error = errno;
        void *back = mremap(data, static_cast<std::size_t>(newsize),
            static_cast<std::size_t>(oldLength), MREMAP_MAYMOVE);
        if (back == MAP_FAILED) {
            // The smaller map is still valid: keep it rather than lose it.
            state.data = static_cast<std::uint8_t *>(data);
            state.length = newsize;
        } else {
            state.data = static_cast<std::uint8_t *>(back);
        }
        throw OSError(error);
    }
    state.data = static_cast<std::uint8_t *>(data);
    state.length = newsize;
}

std::int64_t MemoryMap::seek(std::int64_t pos, int whence)
{
    const ReadLock lock = lockOpen(*m_state);
    MapState &state = *m_state;
    std::lock_guard position(state.positionLock);
    std::int64_t where;
    switch (whence) {
    case 0:
        where = pos;
        break;
    case 1:
        if (kMaxSize - state.position < pos)
            throw ValueError("seek out of range");
        where = state.position + pos;
        break;
    case 2:
        if (kMaxSize - state.length < pos)
            throw ValueError("seek out of range");
        where = state.length + pos;
        break;
    default:
        throw ValueError("unknown seek type");
    }
    if (where > state.length || where < 0)
        throw ValueError("seek out of range");
    state.position = where;
    return where;
}

std::int64_t MemoryMap::size() const
{
    const ReadLock lock = lockOpen(*m_state);
    if (m_state->anonymous)
        return m_state->length;
    if (m_state->fd < 0)
        throw OSError(EBADF);
    return fileSize(m_state->fd);
}

std::int64_t MemoryMap::tell() const
{
    const ReadLock lock = lockOpen(*m_state);
    std::lock_guard position(m_state->positionLock);
    return m_state->position;
}

std::int64_t MemoryMap::write(ByteView data)
{
    const ReadLock lock = lockOpen(*m_state);
    MapState &state = *m_state;
    checkWritable(state);
    std::lock_guard position(state.positionLock);
    const auto count = static_cast<std::int64_t>(data.size());
    if (state.position > state.length || state.length - state.position < count)
        throw ValueError("data out of range");
    copyIn(state, state.position, data.data(), count);
    state.position += count;
    return count;
}

void MemoryMap::writeByte(std::uint8_t byte)
{
    const ReadLock lock = lockOpen(*m_state);
    MapState &state = *m_state;
    checkWritable(state);
    std::lock_guard position(state.positionLock);
    if (state.position >= state.length)
        throw ValueError("write byte out of range");
    copyIn(state, state.position, &byte, 1);
    ++state.position;
}

std::int64_t MemoryMap::length() const
{
    const ReadLock lock = lockOpen(*m_state);
    return m_state->length;
}

namespace {
std::int64_t checkedIndex(const MapState &state, std::int64_t index)
{
    if (index < 0)
        index += state.length;
    if (index < 0 || index >= state.length)
        throw IndexError("mmap index out of range");
    return index;
}
} // namespace

std::uint8_t MemoryMap::at(std::int64_t index) const
{
    const ReadLock lock = lockOpen(*m_state);
    std::uint8_t byte = 0;
    copyOut(*m_state, checkedIndex(*m_state, index), &byte, 1);
    return byte;
}

Bytes MemoryMap::slice(const Slice &slice) const
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    const SliceRange range = resolveSlice(slice, state.length);
    Bytes result(static_cast<std::size_t>(range.count));
    if (range.step == 1) {
        copyOut(state, range.start, result.data(), range.count);
        return result;
    }
    std::uint8_t *to = result.data();
    guarded(state, [&] {
        for (std::int64_t i = 0; i < range.count; ++i)
            to[i] = state.data[range.start + i * range.step];
    });
    return result;
}

void MemoryMap::setAt(std::int64_t index, std::uint8_t byte)
{
    const ReadLock lock = lockOpen(*m_state);
    checkWritable(*m_state);
    copyIn(*m_state, checkedIndex(*m_state, index), &byte, 1);
}

void MemoryMap::setSlice(const Slice &slice, ByteView data)
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    checkWritable(state);
    const SliceRange range = resolveSlice(slice, state.length);
    if (static_cast<std::int64_t>(data.size()) != range.count)
        throw IndexError("mmap slice assignment is wrong size");
    if (range.step == 1) {
        copyIn(state, range.start, data.data(), range.count);
        return;
    }
    const std::uint8_t *from = data.data();
    guarded(state, [&] {
        touchPages(state, range.start, range.step, range.count, true);
        for (std::int64_t i = 0; i < range.count; ++i)
            state.data[range.start + i * range.step] = from[i];
    });
}

std::int64_t MemoryMap::findPattern(
    const search::MaskedPattern &pattern, std::int64_t start, std::int64_t end, bool backward) const
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    const std::int64_t from = std::clamp<std::int64_t>(start, 0, state.length);
    const std::int64_t to = std::clamp<std::int64_t>(end, from, state.length);
    if (pattern.bytes.empty()) // an empty mask would make a literal of it
        return backward ? to : from;
    return searchBytes(state, {pattern.bytes, pattern.mask}, from, to, backward);
}

search::SparseStep MemoryMap::searchStep(const search::Pattern &pattern, std::int64_t low,
    std::int64_t high, bool backward, std::int64_t budget) const
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    // No candidate past the clamped ones can match: once those are done, all are.
    const search::SparseStep done {-1, backward ? low - 1 : high + 1};
    const std::int64_t first = std::max<std::int64_t>(low, 0);
    const std::int64_t last = std::min(high, state.length - pattern.size());
    if (first > last)
        return done;
    if (pattern.size() == 0)
        return {backward ? last : first, 0};
    const search::SparseStep step
        = search::sparseSearch(MapSource(state, backward), pattern, first, last, backward, budget);
    return step.found < 0 && (backward ? step.next < first : step.next > last) ? done : step;
}

std::int64_t MemoryMap::knownZeros(
    std::int64_t start, std::int64_t end, std::vector<search::ByteRange> &runs) const
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    start = std::clamp<std::int64_t>(start, 0, state.length);
    end = std::clamp<std::int64_t>(end, start, state.length);
    return start < end ? holesOf(state, start, end, runs) : end;
}

void MemoryMap::copyTo(
    std::int64_t start, std::int64_t count, std::uint8_t *to, Paging paging) const
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    if (start < 0 || count < 0 || start > state.length || state.length - start < count)
        throw IndexError("copy range out of range");
    if (paging == Paging::FaultIn || state.anonymous) {
        copyOut(state, start, to, count);
        return;
    }
    state.quiet.read({state.data, state.fd, state.offset, !(state.flags & MAP_SHARED)}, start,
        count, to, [&](std::int64_t from, std::int64_t length, std::uint8_t *into) {
            copyOut(state, from, into, length);
        });
}

void MemoryMap::visitPair(const MemoryMap &first, std::int64_t firstStart, const MemoryMap &second,
    std::int64_t secondStart, std::int64_t count, PairVisitor visit, void *context)
{
    const MapState &a = *first.m_state;
    const MapState &b = *second.m_state;
    const ReadLock lockA = lockOpen(a);
    std::optional<ReadLock> lockB; // a map compared with itself is locked once
    if (&a != &b)
        lockB.emplace(lockOpen(b));
    const auto inside = [count](const MapState &state, std::int64_t start) {
        return start >= 0 && count >= 0 && start <= state.length && state.length - start >= count;
    };
    if (!inside(a, firstStart) || !inside(b, secondStart))
        throw IndexError("compare range out of range");
    if (count == 0)
        return;
    const std::uint8_t *pa = a.data + firstStart;
    const std::uint8_t *pb = b.data + secondStart;
    auto run = [&] { visit(context, pa, pb, static_cast<std::size_t>(count)); };
    if (const void *fault = detail::runGuarded(run)) {
        const auto *at = static_cast<const std::uint8_t *>(fault);
        throw faultError(at >= a.data && at < a.data + a.length ? a : b, fault);
    }
}

Bytes MemoryMap::residency(std::int64_t start, std::int64_t length) const
{
    const ReadLock lock = lockOpen(*m_state);
    const MapState &state = *m_state;
    if (start < 0 || length < 0 || start > state.length || state.length - start < length)
        throw ValueError("residency range out of range");
    const std::int64_t page = pageSize();
    const std::int64_t first = start / page * page;
    const std::int64_t end = start + length;
    Bytes pages(static_cast<std::size_t>((end - first + page - 1) / page));
    if (!pages.empty()
        && mincore(state.data + first, static_cast<std::size_t>(end - first), pages.data()) != 0)
        throw errnoError();
    return pages;
}

MappedBuffer MemoryMap::buffer()
{
    const ReadLock lock = lockOpen(*m_state);
    m_state->exports.fetch_add(1);
    return MappedBuffer(m_state, {m_state->data, static_cast<std::size_t>(m_state->length)},
        m_state->access == Access::Read);
}

std::string MemoryMap::repr() const
{
    ReadLock lock(m_state->mapLock);
    const MapState &state = *m_state;
    if (state.closed)
        return "<mmap.mmap closed=True>";
    std::lock_guard position(state.positionLock);
    return std::string("<mmap.mmap closed=False, access=") + accessName(state.access)
        + ", length=" + std::to_string(state.length) + ", pos=" + std::to_string(state.position)
        + ", offset=" + std::to_string(state.offset) + ">";
}

Access MemoryMap::access() const
{
    return m_state->access;
}

std::int64_t MemoryMap::offset() const
{
    return m_state->offset;
}

bool MemoryMap::trackfd() const
{
    return m_state->trackfd;
}

bool MemoryMap::isAnonymous() const
{
    return m_state->anonymous;
}

} // namespace hexmap
