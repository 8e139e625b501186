#include "mappedfile.h"

#include "errors.h"

#include <fcntl.h>
#include <linux/falloc.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <utility>

namespace hexmap {

namespace {

// stat(path), or empty when nothing can be found there.
std::optional<struct stat> statPath(const std::string &path)
{
    struct stat status = {};
    if (stat(path.c_str(), &status) != 0)
        return std::nullopt;
    return status;
}

struct stat statFd(int fd)
{
    struct stat status = {};
    if (fstat(fd, &status) != 0)
        throw OSError(errno);
    return status;
}

} // namespace

MappedFile::Descriptor::Descriptor(Descriptor &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
{
}

MappedFile::Descriptor &MappedFile::Descriptor::operator=(Descriptor &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

MappedFile::Descriptor::~Descriptor()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

MappedFile MappedFile::open(
    const std::string &path, Access access, std::int64_t offset, std::int64_t length, bool trackfd)
{
    const bool writes = access == Access::Write || access == Access::Default;
    const Descriptor fd(::open(path.c_str(), (writes ? O_RDWR : O_RDONLY) | O_CLOEXEC));
    if (fd.get() < 0)
        throw OSError(errno, "'" + path + "'"); // Python's "[Errno 2] ...: 'path'"
    return MappedFile(fd.get(), length,
        MapOptions {.access = access, .offset = offset, .trackfd = trackfd}, path);
}

MappedFile::MappedFile(int fd, std::int64_t length, const MapOptions &options, std::string path)
    : m_options(options)
    , m_path(std::move(path))
{
    const struct stat status = statFd(fd);
    m_device = status.st_dev;
    m_inode = status.st_ino;
    m_map = makeMap(fd, length);
    // MemoryMap checks its arguments in CPython's order; without a map, only the access.
    m_access = m_map ? m_map->access() : effectiveAccess(options);
    if (options.trackfd) {
        m_fd = Descriptor(fcntl(fd, F_DUPFD_CLOEXEC, 0));
        if (m_fd.get() < 0)
            throw OSError(errno);
    }
}

MappedFile MappedFile::anonymous(std::int64_t size, int flags)
{
    MappedFile file;
    file.m_anonymous = true;
    file.m_options.flags = flags;
    file.m_map = file.makeMap(-1, size);
    file.m_access = file.m_map ? file.m_map->access() : effectiveAccess(file.m_options);
    return file;
}

MappedFile::MappedFile(std::shared_ptr<MemoryMap> map)
    : m_map(std::move(map))
    , m_options {.access = m_map->access(), .offset = m_map->offset(), .trackfd = m_map->trackfd()}
    , m_access(m_map->access())
    , m_anonymous(m_map->isAnonymous())
{
}

MappedFile::~MappedFile() = default;

std::shared_ptr<MemoryMap> MappedFile::makeMap(int fd, std::int64_t length) const
{
    if (fd < 0)
        return length == 0 ? nullptr : std::make_shared<MemoryMap>(-1, length, m_options);
    const struct stat status = statFd(fd);
    if (length == 0 && S_ISREG(status.st_mode) && status.st_size == m_options.offset)
        return nullptr; // nothing past offset: MemoryMap would refuse an empty map
    return std::make_shared<MemoryMap>(fd, length, m_options);
}

std::int64_t MappedFile::size() const
{
    return m_map ? m_map->length() : 0;
}

std::int64_t MappedFile::fileSize() const
{
    if (m_anonymous)
        return -1;
    struct stat status = {};
    if (m_fd.get() >= 0)
        return fstat(m_fd.get(), &status) == 0 ? status.st_size : -1;
    if (m_map && m_map->trackfd() && m_path.empty()) { // an adopted map keeps its own
        try {
            return m_map->size();
        } catch (const Error &) {
            return -1;
        }
    }
    // No descriptor (trackfd off): the path tells, while it names the mapped file.
    const auto atPath = m_path.empty() ? std::nullopt : statPath(m_path);
    if (atPath && atPath->st_dev == m_device && atPath->st_ino == m_inode)
        return atPath->st_size;
    return -1;
}

std::int64_t MappedFile::backedBytes() const
{
    const std::int64_t file = fileSize();
    if (file < 0)
        return size();
    return std::clamp<std::int64_t>(file - offset(), 0, size());
}

MappedFile::PathState MappedFile::pathState() const
{
    if (m_anonymous || m_path.empty())
        return PathState::Same;
    const auto status = statPath(m_path);
    if (!status)
        return PathState::Deleted;
    if (status->st_dev != m_device || status->st_ino != m_inode)
        return PathState::Replaced;
    return PathState::Same;
}

bool MappedFile::isSameFile(int fd) const
{
    struct stat status = {};
    return !m_anonymous && fstat(fd, &status) == 0 && status.st_dev == m_device
        && status.st_ino == m_inode;
}

std::exception_ptr MappedFile::refusal(Operation op, std::optional<std::int64_t> newSize) const
{
    switch (op) {
    case Operation::Write:
        return writeRefusal(m_access);
    case Operation::Resize:
        return resizeRefusal(m_access, trackfd(), offset(), newSize);
    case Operation::Flush:
        if (m_anonymous)
            return std::make_exception_ptr(TypeError("an anonymous map has no file to flush to."));
        if (m_access == Access::Read)
            return std::make_exception_ptr(
                TypeError("a readonly memory map has nothing to flush."));
        if (m_access == Access::Copy)
            return std::make_exception_ptr(TypeError(
                "a copy-on-write memory map never writes to its file: flush would do nothing."));
        return {};
    case Operation::Remap:
        if (m_anonymous)
            return std::make_exception_ptr(TypeError("an anonymous map has no file to map again."));
        if (m_fd.get() < 0)
            return std::make_exception_ptr(
                ValueError("can't map the file again with trackfd=False: no descriptor was kept."));
        return {};
    case Operation::Advise:
        if (!m_map) // every start is past the end of an empty map
            return std::make_exception_ptr(ValueError("madvise start out of bounds"));
        return {};
    }
    return {};
}

void MappedFile::checkAllowed(Operation op, std::optional<std::int64_t> newSize) const
{
    if (const std::exception_ptr error = refusal(op, newSize))
        std::rethrow_exception(error);
}

std::optional<std::string> MappedFile::whyNot(
    Operation op, std::optional<std::int64_t> newSize) const
{
    try {
        checkAllowed(op, newSize);
    } catch (const Error &error) {
        return error.what();
    }
    return std::nullopt;
}

void MappedFile::write(std::int64_t at, ByteView data)
{
    checkAllowed(Operation::Write);
    const auto count = static_cast<std::int64_t>(data.size());
    if (at < 0 || at > size() || size() - at < count)
        throw ValueError("data out of range");
    if (count > 0)
        m_map->setSlice({at, at + count, {}}, data);
}

void MappedFile::resize(std::int64_t newSize)
{
    if (m_map && newSize > 0) {
        m_map->resize(newSize); // the same rules, and the map's own (closed, exports)
        return;
    }
    checkAllowed(Operation::Resize, newSize);
    resizeThroughZero(newSize);
}

void MappedFile::resizeThroughZero(std::int64_t newSize)
{
    if (m_anonymous) {
        m_map = makeMap(-1, newSize);
        return;
    }
    if (m_fd.get() < 0 && m_map) {
        m_map->resize(newSize); // an adopted map: its own rules (it cannot be empty)
        return;
    }
    // resizeRefusal passed, so trackfd is on and the descriptor is ours.
    const int fd = m_fd.get();
    const std::int64_t oldFileSize = statFd(fd).st_size;
    if (ftruncate(fd, offset() + newSize) != 0)
        throw OSError(errno);
    if (newSize == 0) {
        m_map.reset(); // a sharedMap() elsewhere keeps it, over bytes that are now gone
        return;
    }
    try {
        m_map = makeMap(fd, newSize);
    } catch (...) {
        (void)ftruncate(fd, oldFileSize); // all or nothing: the file gets its size back
        throw;
    }
}

bool MappedFile::shiftByFileSystem(std::int64_t at, std::int64_t delta)
{
    const std::int64_t oldSize = size();
    const std::int64_t length = delta < 0 ? -delta : delta;
    const std::int64_t start = delta < 0 ? at + delta : at; // of the range inserted or dropped
    if (delta == 0 || !m_map || m_anonymous || m_fd.get() < 0 || start < 0 || at >= oldSize)
        return false;
    checkAllowed(Operation::Resize, oldSize + delta);
    const int fd = m_fd.get();
    const struct stat status = statFd(fd);
    const std::int64_t block = status.st_blksize;
    const std::int64_t fileStart = offset() + start;
    if (block <= 0 || fileStart % block != 0 || length % block != 0 || status.st_size != mapEnd())
        return false;
    const int mode = delta > 0 ? FALLOC_FL_INSERT_RANGE : FALLOC_FL_COLLAPSE_RANGE;
    if (fallocate(fd, mode, fileStart, length) != 0) {
        if (errno == EOPNOTSUPP || errno == EINVAL)
            return false;
        throw OSError(errno);
    }
    try {
        m_map->resize(oldSize + delta); // the file has its new size: only the map follows
    } catch (...) {
        // A grown map that cannot follow: the inserted blocks go again. (Shrinking a map
        // does not fail.)
        if (delta > 0)
            (void)fallocate(fd, FALLOC_FL_COLLAPSE_RANGE, fileStart, length);
        throw;
    }
    return true;
}

void MappedFile::flush()
{
    checkAllowed(Operation::Flush);
    if (m_map)
        m_map->flush();
}

void MappedFile::remap(std::int64_t length)
{
    checkAllowed(Operation::Remap);
    m_map = makeMap(m_fd.get(), length);
}

void MappedFile::advise(int option, std::int64_t start, std::optional<std::int64_t> length)
{
    checkAllowed(Operation::Advise);
    m_map->madvise(option, start, length);
}

} // namespace hexmap
