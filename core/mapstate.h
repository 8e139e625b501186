#pragma once
// The state behind a MemoryMap, shared with the MappedBuffers it exports so that a
// mapping outlives its MemoryMap while a buffer still points into it.

#include "constants.h"
#include "mapholes.h"
#include "quietreader.h"

#include <atomic>
#include <cstdint>
#include <mutex>
#include <shared_mutex>

namespace hexmap::detail {

struct MapState
{
    MapState() = default;
    MapState(const MapState &) = delete;
    MapState &operator=(const MapState &) = delete;
    // Unmaps and closes whatever close() did not.
    ~MapState() { release(); }

    // Unmaps and closes the descriptor; called with mapLock held exclusively (or by
    // the destructor).
    void release() noexcept;

    // mapLock: shared while a method touches data/length, exclusive while close and
    // resize change them. positionLock (taken after mapLock) guards position.
    mutable std::shared_mutex mapLock;
    mutable std::mutex positionLock;

    std::uint8_t *data = nullptr;
    std::int64_t length = 0;
    std::int64_t position = 0;
    bool closed = false;
    std::atomic<int> exports = 0;

    // Fixed at construction.
    int fd = -1; // the duplicated user descriptor, or a shared anonymous map's memfd
    std::int64_t offset = 0;
    Access access = Access::Default;
    int flags = 0;
    int prot = 0;
    bool trackfd = true;
    bool anonymous = false;

    // Where the file's holes are, for searches (opened on first use, closed by release).
    MapHoles holes;
    // Reads the pages no one mapped from the file, for samplers (opened on first use).
    QuietReader quiet;
};

} // namespace hexmap::detail
