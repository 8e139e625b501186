#pragma once

#include <cstdint>
#include <memory>
#include <span>

namespace hexmap {

namespace detail {
struct MapState;
}

// An exported view of a MemoryMap's bytes (Python's buffer protocol). While it lives
// the map cannot be closed or resized, and it keeps the mapping alive even past the
// MemoryMap's destruction. Its bytes are raw memory: unlike MemoryMap's methods, an
// access to a page the file no longer backs raises SIGBUS, as it does in Python.
class MappedBuffer
{
public:
    MappedBuffer(MappedBuffer &&other) noexcept;
    MappedBuffer &operator=(MappedBuffer &&other) noexcept;
    MappedBuffer(const MappedBuffer &) = delete;
    MappedBuffer &operator=(const MappedBuffer &) = delete;
    ~MappedBuffer();

    // Ends the export early (Python's memoryview.release()); idempotent.
    void release() noexcept;

    [[nodiscard]] std::span<std::uint8_t> bytes() const noexcept { return m_bytes; }
    // True exactly when the map's access is READ.
    [[nodiscard]] bool readOnly() const noexcept { return m_readOnly; }

private:
    friend class MemoryMap;
    MappedBuffer(
        std::shared_ptr<detail::MapState> state, std::span<std::uint8_t> bytes, bool readOnly);

    std::shared_ptr<detail::MapState> m_state;
    std::span<std::uint8_t> m_bytes;
    bool m_readOnly;
};

} // namespace hexmap
