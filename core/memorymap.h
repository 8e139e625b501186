#pragma once

#include "bytesearch.h"
#include "constants.h"
#include "mappedbuffer.h"
#include "slice.h"
#include "sparsesearch.h"

#include <sys/mman.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hexmap {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

namespace detail {
struct MapState;
}

// Python's mmap.mmap constructor keywords, with Python's defaults.
struct MapOptions
{
    int flags = MAP_SHARED;
    int prot = PROT_READ | PROT_WRITE;
    Access access = Access::Default;
    std::int64_t offset = 0;
    bool trackfd = true;
};

// The access a MemoryMap made with options has, after Python's defaulting (see
// MemoryMap::access()). Raises ValueError as the constructor does for a bad combination.
[[nodiscard]] Access effectiveAccess(const MapOptions &options);

// The refusals MemoryMap raises before touching anything, stated once here so that
// MappedFile reuses them: the error, or null when the operation may go ahead.
// Modifying the bytes (write, writeByte, move, setAt, setSlice):
[[nodiscard]] std::exception_ptr writeRefusal(Access access);
// resize(newsize), in CPython's order; without newsize the range is not checked.
[[nodiscard]] std::exception_ptr resizeRefusal(
    Access access, bool trackfd, std::int64_t offset, std::optional<std::int64_t> newsize = {});

// Python's mmap.mmap on Linux (3.13), in C++: same methods, defaults, errors (classes,
// messages and the order in which they are checked). Python's None is an empty
// std::optional. Errors are the classes of errors.h.
//
// Where hexmap is better than CPython (each covered by its own test):
//  1. No SIGBUS crash: when the file shrinks underneath the map, or the disk is full
//     when a write must allocate a page, the access raises OSError (EFAULT for a
//     truncated file, EIO otherwise) and the process lives on. Every access to the
//     mapped bytes goes through one guarded path (faultguard.h). A write that raises
//     so has changed nothing: its pages are touched before the first byte is written.
//  2. resize is atomic: every check happens before the file is touched, resize(0)
//     raises OSError EINVAL without truncating, and a failed remap puts the file's
//     size back.
//  3. Thread-safe: every method may be called from several threads at once; close and
//     resize wait until no other thread is inside the mapped bytes.
//  4. CPython 3.15's fixes: flush(offset) alone flushes to the end; size() of an
//     anonymous map is its length; an empty needle with start past the end is -1.
//  5. Shared anonymous maps are backed by a memfd, so resize can grow them (CPython
//     grows the mapping but the new pages crash on first touch). As Linux does for
//     any anonymous map, an offset must be page-aligned and is otherwise ignored
//     (offset() and repr show it).
//  6. Searches of 1 MiB or more (find, rfind, findPattern, searchStep) skip the holes of
//     a sparse file without touching their pages, on ext4 and tmpfs (trackfd maps and
//     shared anonymous maps; a private map's written pages are read), and answer
//     inside a hole by arithmetic when zero bytes match; the answers are the same. On
//     a shared map they unmap again the pages that only they mapped, so the process's
//     RSS ends as it began.
class MemoryMap
{
public:
    // mmap.mmap(fileno, length, flags, prot, access, offset, trackfd). fileno -1 maps
    // anonymous zero-filled memory; length 0 maps a regular file from offset to its end.
    MemoryMap(int fileno, std::int64_t length, const MapOptions &options = {});
    // Unmaps like close(), without flushing. A MappedBuffer still alive keeps the
    // mapping until it goes.
    ~MemoryMap();
    MemoryMap(const MemoryMap &) = delete;
    MemoryMap &operator=(const MemoryMap &) = delete;

    // Unmaps and closes the duplicated descriptor; idempotent. BufferError while
    // buffers are exported.
    void close();
    [[nodiscard]] bool closed() const;

    // Lowest index of sub in [start, end); start defaults to the position, end to the
    // length; negative values count from the end. -1 when absent.
    [[nodiscard]] std::int64_t find(ByteView sub, std::optional<std::int64_t> start = {},
        std::optional<std::int64_t> end = {}) const;
    // Highest such index; rfind of an empty needle is end.
    [[nodiscard]] std::int64_t rfind(ByteView sub, std::optional<std::int64_t> start = {},
        std::optional<std::int64_t> end = {}) const;

    // msync(MS_SYNC) of [offset, offset + size); size defaults to the rest of the map.
    // Checks the range but does nothing on READ and COPY maps.
    void flush(std::int64_t offset = 0, std::optional<std::int64_t> size = {});
    // madvise(option) on [start, start + length), length clamped to the map.
    void madvise(int option, std::int64_t start = 0, std::optional<std::int64_t> length = {});
    // memmove within the map; the position is unchanged.
    void move(std::int64_t dest, std::int64_t src, std::int64_t count);

    // Up to n bytes from the position (all the rest when n is empty or negative).
    [[nodiscard]] Bytes read(std::optional<std::int64_t> n = {});
    [[nodiscard]] std::uint8_t readByte();
    // Up to and including the next '\n', or to the end.
    [[nodiscard]] Bytes readLine();
    // Resizes the file to offset + newsize and the map to newsize. The position is
    // not clamped.
    void resize(std::int64_t newsize);
    // whence 0 (from the start), 1 (from the position), 2 (from the end). Returns the
    // new position.
    std::int64_t seek(std::int64_t pos, int whence = 0);
    [[nodiscard]] bool seekable() const { return true; }
    // The size of the underlying file (fstat), including bytes before offset.
    [[nodiscard]] std::int64_t size() const;
    [[nodiscard]] std::int64_t tell() const;
    // Writes all of data at the position or nothing (ValueError). Returns its length.
    std::int64_t write(ByteView data);
    void writeByte(std::uint8_t byte);
    // len(m): the map's length.
    [[nodiscard]] std::int64_t length() const;

    // m[i], negative i counting from the end.
    [[nodiscard]] std::uint8_t at(std::int64_t index) const;
    // m[start:stop:step].
    [[nodiscard]] Bytes slice(const Slice &slice) const;
    // m[i] = byte.
    void setAt(std::int64_t index, std::uint8_t byte);
    // m[start:stop:step] = data; data must have the slice's length.
    void setSlice(const Slice &slice, ByteView data);

    // The buffer protocol: a pinned view of the mapped bytes. While one is alive,
    // close() and resize() raise BufferError.
    [[nodiscard]] MappedBuffer buffer();

    // Python's repr(m).
    [[nodiscard]] std::string repr() const;

    // hexmap extensions, beyond Python's mmap (for the UI):
    // The lowest (or, backward, highest) offset in [start, end) where a masked pattern
    // matches (wildcards, either-case letters; see search::MaskedPattern), or -1. The
    // bounds are absolute and clamped to the map; nothing defaults to the position.
    [[nodiscard]] std::int64_t findPattern(const search::MaskedPattern &pattern, std::int64_t start,
        std::int64_t end, bool backward = false) const;
    // One bounded step of a search, for ChunkedSearch: examines the candidate offsets
    // [low, high] (a match at i covers [i, i + size); past the map's end none matches)
    // from low up, or backward from high down, until a match or until about budget
    // candidates have been read. The holes of a sparse file cost nothing (see find).
    [[nodiscard]] search::SparseStep searchStep(const search::Pattern &pattern, std::int64_t low,
        std::int64_t high, bool backward, std::int64_t budget) const;
    // Appends to runs the parts of [start, end) (absolute, clamped to the map) that are
    // provably zero without reading them: the file's holes, as find skips them (6.
    // above), ascending and disjoint; a byte not listed may still be zero. It asks the
    // file system a bounded number of times and returns how far it looked: ask again
    // from there.
    std::int64_t knownZeros(
        std::int64_t start, std::int64_t end, std::vector<search::ByteRange> &runs) const;
    // How copyTo reads a page that this process has not mapped: FaultIn maps it, as
    // every other access does (the kernel reads ahead around it); Quietly reads it from
    // the file instead (a file's map; without read-ahead), so that a sampler leaves the
    // RSS as it was and adds to the page cache only the pages it asked for.
    enum class Paging { FaultIn, Quietly };
    // Copies the count bytes at start into to: m[start:start + count] without the
    // allocation. IndexError when the range is not inside the map; OSError for bytes past
    // a truncated file's end, as slice.
    void copyTo(std::int64_t start, std::int64_t count, std::uint8_t *to,
        Paging paging = Paging::FaultIn) const;
    // Runs visit(context, a, b, count) over the count bytes at firstStart of first and at
    // secondStart of second, in place (no copy), with both maps locked for reading (close
    // and resize wait) and the call guarded: a page gone from either file raises OSError,
    // as any access does. visit is abandoned on a fault, so it must own no object with a
    // destructor. IndexError when a range is not inside its map.
    using PairVisitor
        = void (*)(void *context, const std::uint8_t *a, const std::uint8_t *b, std::size_t count);
    static void visitPair(const MemoryMap &first, std::int64_t firstStart, const MemoryMap &second,
        std::int64_t secondStart, std::int64_t count, PairVisitor visit, void *context);
    // Which pages of [start, start + length) are resident in RAM (mincore): one byte
    // per page, from the page holding start; bit 0 set when resident.
    [[nodiscard]] Bytes residency(std::int64_t start, std::int64_t length) const;

    // What the constructor was given, after Python's defaulting (DEFAULT access with a
    // read-only prot becomes READ, a write-only prot WRITE).
    [[nodiscard]] Access access() const;
    [[nodiscard]] std::int64_t offset() const;
    [[nodiscard]] bool trackfd() const;
    [[nodiscard]] bool isAnonymous() const;

private:
    std::shared_ptr<detail::MapState> m_state;
};

} // namespace hexmap
