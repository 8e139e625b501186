#pragma once

#include "memorymap.h"

#include <sys/types.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>

namespace hexmap {

// A file (or anonymous memory) and its optional map: what MemoryMap cannot be. It maps
// empty files and windows at the file's end (no map, size 0), resizes to and from 0,
// maps again after the file grew, says how many mapped bytes the file still backs,
// whether the path still names the mapped file, and *why* an operation is refused:
// whyNot(op) gives the very words the operation raises, so that callers state no rule
// of their own. Errors are the classes of errors.h. Not thread-safe: one owner calls it;
// a sharedMap() handed to another thread stays valid whatever the owner does.
class MappedFile
{
public:
    // What the path names now, compared with the file that was mapped.
    enum class PathState {
        Same, // the mapped file is still at the path (or there is no path to compare)
        Replaced, // the path names another file (renamed over, or written anew)
        Deleted, // nothing is at the path
    };
    // The operations whyNot() answers for.
    enum class Operation {
        Write, // change mapped bytes
        Resize, // resize(newSize)
        Flush, // flush(): msync into the file
        Remap, // remap(): map the file again
        Advise, // advise(): madvise
    };

    // Opens path (read-write for Write and Default access, read-only otherwise) and maps
    // it as MappedFile(fd, length, {access, offset, trackfd}, path) does.
    [[nodiscard]] static MappedFile open(const std::string &path, Access access,
        std::int64_t offset = 0, std::int64_t length = 0, bool trackfd = true);
    // Maps fd as MemoryMap(fd, length, options) does, except that length 0 with nothing
    // past offset (an empty file, a window at the end) gives no map instead of
    // ValueError. With trackfd, keeps its own duplicate of fd (F_DUPFD_CLOEXEC); path,
    // when given, is where pathState() and (without trackfd) fileSize() look.
    MappedFile(int fd, std::int64_t length, const MapOptions &options, std::string path = {});
    // Anonymous zero-filled memory of size bytes (no map for 0); flags as MemoryMap's.
    [[nodiscard]] static MappedFile anonymous(std::int64_t size, int flags = MAP_PRIVATE);
    // Adopts a map made elsewhere. It keeps no descriptor of its own: the map answers for
    // the file's size and for resizes, so it cannot become empty.
    explicit MappedFile(std::shared_ptr<MemoryMap> map);

    MappedFile(MappedFile &&other) noexcept = default;
    MappedFile &operator=(MappedFile &&other) noexcept = default;
    MappedFile(const MappedFile &) = delete;
    MappedFile &operator=(const MappedFile &) = delete;
    // Closes the descriptor and drops the map (a sharedMap() elsewhere keeps it).
    ~MappedFile();

    // The map; null while the mapped length is 0 (MemoryMap cannot be empty).
    [[nodiscard]] MemoryMap *map() const { return m_map.get(); }
    // The same map, shared: it outlives a resize to 0, a remap or this object.
    [[nodiscard]] std::shared_ptr<MemoryMap> sharedMap() const { return m_map; }
    // The mapped length (0 without a map).
    [[nodiscard]] std::int64_t size() const;
    // Where the map starts in the file, and where it ends (offset + size).
    [[nodiscard]] std::int64_t offset() const { return m_options.offset; }
    [[nodiscard]] std::int64_t mapEnd() const { return offset() + size(); }
    // The access after Python's defaulting (see MemoryMap::access()).
    [[nodiscard]] Access access() const { return m_access; }
    [[nodiscard]] bool isAnonymous() const { return m_anonymous; }
    [[nodiscard]] bool trackfd() const { return m_options.trackfd; }
    // The path given at opening; empty for anonymous memory or when none was given.
    [[nodiscard]] const std::string &path() const { return m_path; }
    // Our duplicate of the file's descriptor (trackfd), or -1: for watching the file.
    [[nodiscard]] int descriptor() const { return m_fd.get(); }

    // The file's size on disk now: fstat of the descriptor, or without one (trackfd
    // off) stat of the path while it still names the mapped file; -1 when unknown.
    [[nodiscard]] std::int64_t fileSize() const;
    // How many bytes from the map's start the file still backs: less than size() after
    // another program truncated it. size() when unknown (anonymous, no way to ask).
    [[nodiscard]] std::int64_t backedBytes() const;

    // The mapped file's identity (st_dev, st_ino at opening); 0 for anonymous memory.
    [[nodiscard]] dev_t device() const { return m_device; }
    [[nodiscard]] ino_t inode() const { return m_inode; }
    // Whether the path still names the file mapped at opening (device and inode).
    [[nodiscard]] PathState pathState() const;
    // Whether fd is the mapped file: a write through it reaches the mapped bytes.
    [[nodiscard]] bool isSameFile(int fd) const;

    // Why op would be refused whatever its arguments (for Resize, also newSize when
    // given): exactly the message the operation raises, or empty when it may go ahead.
    [[nodiscard]] std::optional<std::string> whyNot(
        Operation op, std::optional<std::int64_t> newSize = {}) const;

    // Writes all of data at map offset `at`, or nothing. Refused for READ maps;
    // ValueError "data out of range" when it does not fit.
    void write(std::int64_t at, ByteView data);
    // Resizes file (ftruncate to offset + newSize) and map, MemoryMap::resize's checks
    // and messages, but also to and from 0 (dropping or making the map). All or nothing.
    void resize(std::int64_t newSize);
    // Moves the mapped bytes from `at` to the map's end by delta with fallocate, which
    // shifts the file's blocks instead of copying its bytes (ext4, XFS):
    // FALLOC_FL_INSERT_RANGE for delta > 0 leaves zeros in [at, at + delta);
    // FALLOC_FL_COLLAPSE_RANGE for delta < 0 drops [at + delta, at). The map follows the
    // file's new size. False, changing nothing, where the file system cannot: a
    // position or length not a multiple of its block size, nothing after `at`, a file
    // that goes on past the map, anonymous memory. Resize's refusals and other failures
    // raise, and leave the file as it was.
    bool shiftByFileSystem(std::int64_t at, std::int64_t delta);
    // msync of the whole map (nothing to do without one). Unlike mmap.flush, which does
    // nothing for them, refused for READ, COPY and anonymous maps.
    void flush();
    // Maps the file again with a new length (0: to its end), for a file that grew or
    // shrank. The old map's private (COPY) changes are not carried over: callers that
    // keep such changes refuse first. Needs the descriptor (trackfd).
    void remap(std::int64_t length = 0);
    // madvise(option) on [start, start + length), as MemoryMap::madvise.
    void advise(int option, std::int64_t start = 0, std::optional<std::int64_t> length = {});

private:
    // Owns a descriptor: closes it when destroyed, hands it over when moved.
    class Descriptor
    {
    public:
        Descriptor() = default;
        explicit Descriptor(int fd)
            : m_fd(fd)
        {
        }
        Descriptor(Descriptor &&other) noexcept;
        Descriptor &operator=(Descriptor &&other) noexcept;
        ~Descriptor();
        [[nodiscard]] int get() const { return m_fd; }

    private:
        int m_fd = -1;
    };

    MappedFile() = default;
    // The rule behind whyNot() and every operation: the error, or null.
    [[nodiscard]] std::exception_ptr refusal(
        Operation op, std::optional<std::int64_t> newSize = {}) const;
    // Raises refusal(op, newSize), if any.
    void checkAllowed(Operation op, std::optional<std::int64_t> newSize = {}) const;
    // Maps length bytes of fd (0: to its end; fd -1: anonymous memory), or null when
    // there is nothing to map.
    [[nodiscard]] std::shared_ptr<MemoryMap> makeMap(int fd, std::int64_t length) const;
    // Resize to or from 0, where there is no map to ask.
    void resizeThroughZero(std::int64_t newSize);

    std::shared_ptr<MemoryMap> m_map;
    Descriptor m_fd; // our duplicate of the file (trackfd), or none
    MapOptions m_options;
    Access m_access = Access::Default;
    bool m_anonymous = false;
    std::string m_path;
    dev_t m_device = 0; // the mapped file's identity
    ino_t m_inode = 0;
};

} // namespace hexmap
