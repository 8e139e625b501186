#pragma once

#include <cstdint>
#include <span>

namespace hexmap {

// Python's mmap.ACCESS_* values. Any other value given to MemoryMap raises
// ValueError "mmap invalid access parameter.", as in CPython.
enum class Access : int { Default = 0, Read = 1, Write = 2, Copy = 3 };

// The name Python prints for an access mode, e.g. "ACCESS_WRITE".
[[nodiscard]] const char *accessName(Access access) noexcept;

// mmap.PAGESIZE and mmap.ALLOCATIONGRANULARITY (equal on Linux).
[[nodiscard]] std::int64_t pageSize() noexcept;
[[nodiscard]] std::int64_t allocationGranularity() noexcept;

// Linux's MADV_SOFT_OFFLINE, which glibc's <sys/mman.h> does not define.
inline constexpr int kMadvSoftOffline = 101;

// One of the system's PROT_*, MAP_* or MADV_* constants, for the UI and for users who
// know them by name. `linuxExtra` marks values CPython's mmap module does not export.
struct SystemConstant
{
    int value;
    const char *name;
    const char *meaning;
    bool linuxExtra;
};

// The tables list only the constants this system's headers define.
[[nodiscard]] std::span<const SystemConstant> protConstants() noexcept;
[[nodiscard]] std::span<const SystemConstant> mapConstants() noexcept;
[[nodiscard]] std::span<const SystemConstant> madviseConstants() noexcept;

} // namespace hexmap
