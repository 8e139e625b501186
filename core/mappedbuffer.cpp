#include "mappedbuffer.h"

#include "mapstate.h"

#include <utility>

namespace hexmap {

MappedBuffer::MappedBuffer(
    std::shared_ptr<detail::MapState> state, std::span<std::uint8_t> bytes, bool readOnly)
    : m_state(std::move(state))
    , m_bytes(bytes)
    , m_readOnly(readOnly)
{
}

MappedBuffer::MappedBuffer(MappedBuffer &&other) noexcept
    : m_state(std::move(other.m_state))
    , m_bytes(std::exchange(other.m_bytes, {}))
    , m_readOnly(other.m_readOnly)
{
}

MappedBuffer &MappedBuffer::operator=(MappedBuffer &&other) noexcept
{
    if (this != &other) {
        release();
        m_state = std::move(other.m_state);
        m_bytes = std::exchange(other.m_bytes, {});
        m_readOnly = other.m_readOnly;
    }
    return *this;
}

MappedBuffer::~MappedBuffer()
{
    release();
}

void MappedBuffer::release() noexcept
{
    if (m_state) {
        m_state->exports.fetch_sub(1);
        m_state.reset();
        m_bytes = {};
    }
}

} // namespace hexmap
