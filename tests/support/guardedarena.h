#pragma once
// Test support: memory between two PROT_NONE pages, so that a kernel that reads one byte
// before or after the bytes it was given faults instead of passing unnoticed.

#include <QtGlobal>

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>

class GuardedArena
{
public:
    explicit GuardedArena(std::size_t pages)
        : m_page(std::size_t(sysconf(_SC_PAGESIZE)))
        , m_size((pages + 2) * m_page)
    {
        void *memory
            = mmap(nullptr, m_size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (memory == MAP_FAILED)
            qFatal("mmap failed");
        m_base = static_cast<std::uint8_t *>(memory);
        mprotect(m_base, m_page, PROT_NONE);
        mprotect(m_base + m_size - m_page, m_page, PROT_NONE);
    }
    ~GuardedArena() { munmap(m_base, m_size); }
    GuardedArena(const GuardedArena &) = delete;
    GuardedArena &operator=(const GuardedArena &) = delete;

    // n bytes ending exactly at the guard page after.
    [[nodiscard]] std::uint8_t *endingAtGuard(std::size_t n) const
    {
        return m_base + m_size - m_page - n;
    }
    // Bytes starting exactly after the guard page before.
    [[nodiscard]] std::uint8_t *startingAtGuard() const { return m_base + m_page; }
    [[nodiscard]] std::size_t capacity() const { return m_size - 2 * m_page; }

private:
    std::size_t m_page;
    std::size_t m_size;
    std::uint8_t *m_base;
};
