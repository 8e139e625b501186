#include "constants.h"

#include <sys/mman.h>
#include <unistd.h>

#include <iterator>

namespace hexmap {

const char *accessName(Access access) noexcept
{
    switch (access) {
    case Access::Default:
        return "ACCESS_DEFAULT";
    case Access::Read:
        return "ACCESS_READ";
    case Access::Write:
        return "ACCESS_WRITE";
    case Access::Copy:
        return "ACCESS_COPY";
    }
    return "ACCESS_UNKNOWN";
}

std::int64_t pageSize() noexcept
{
    static const std::int64_t size = sysconf(_SC_PAGESIZE);
    return size;
}

std::int64_t allocationGranularity() noexcept
{
    return pageSize();
}

namespace {

constexpr SystemConstant kProt[] = {
    {PROT_READ, "PROT_READ", "Pages may be read.", false},
    {PROT_WRITE, "PROT_WRITE", "Pages may be written.", false},
    {PROT_EXEC, "PROT_EXEC", "Pages may be executed.", false},
};

constexpr SystemConstant kMap[] = {
    {MAP_SHARED, "MAP_SHARED", "Writes reach the file and every other mapping of it.", false},
    {MAP_PRIVATE, "MAP_PRIVATE",
        "Copy-on-write: writes stay in this process, the file is untouched.", false},
    {MAP_ANON, "MAP_ANON", "Same as MAP_ANONYMOUS.", false},
    {MAP_ANONYMOUS, "MAP_ANONYMOUS", "Memory backed by no file, filled with zeros.", false},
    {MAP_DENYWRITE, "MAP_DENYWRITE", "Ignored by Linux (once: refuse writes to the file).", false},
    {MAP_EXECUTABLE, "MAP_EXECUTABLE", "Ignored by Linux.", false},
    {MAP_POPULATE, "MAP_POPULATE", "Fault every page in at map time (read ahead the whole file).",
        false},
    {MAP_STACK, "MAP_STACK", "Memory suitable for a thread stack.", false},
    {MAP_NORESERVE, "MAP_NORESERVE", "Reserve no swap space for the mapping.", false},
#ifdef MAP_32BIT
    {MAP_32BIT, "MAP_32BIT", "Place the mapping in the first 2 GiB of the address space.", false},
#endif
};

constexpr SystemConstant kMadvise[] = {
    {MADV_NORMAL, "MADV_NORMAL", "No special treatment (the default read-ahead).", false},
    {MADV_RANDOM, "MADV_RANDOM", "Pages will be used in random order: read ahead less.", false},
    {MADV_SEQUENTIAL, "MADV_SEQUENTIAL",
        "Pages will be used in order: read ahead aggressively, drop behind.", false},
    {MADV_WILLNEED, "MADV_WILLNEED", "Pages will be needed soon: start reading them in now.",
        false},
    {MADV_DONTNEED, "MADV_DONTNEED",
        "Pages are not needed now: unmap them (anonymous memory is freed and reads back as zeros).",
        false},
    {MADV_FREE, "MADV_FREE", "Anonymous pages may be freed lazily when memory is short.", false},
    {MADV_REMOVE, "MADV_REMOVE",
        "Free the pages and their backing store: punches a hole in the file.", false},
    {MADV_DONTFORK, "MADV_DONTFORK", "Do not make these pages available to a child after fork.",
        false},
    {MADV_DOFORK, "MADV_DOFORK", "Undo MADV_DONTFORK.", false},
    {MADV_MERGEABLE, "MADV_MERGEABLE", "Let the kernel merge identical pages (KSM).", false},
    {MADV_UNMERGEABLE, "MADV_UNMERGEABLE", "Undo MADV_MERGEABLE.", false},
    {MADV_HUGEPAGE, "MADV_HUGEPAGE", "Back the range with transparent huge pages where possible.",
        false},
    {MADV_NOHUGEPAGE, "MADV_NOHUGEPAGE", "Do not use transparent huge pages for the range.", false},
    {MADV_DONTDUMP, "MADV_DONTDUMP", "Leave the range out of core dumps.", false},
    {MADV_DODUMP, "MADV_DODUMP", "Undo MADV_DONTDUMP.", false},
    {MADV_HWPOISON, "MADV_HWPOISON",
        "Simulate a memory failure: poisons the pages (root only; for testing).", false},
    {kMadvSoftOffline, "MADV_SOFT_OFFLINE",
        "Move the pages' contents elsewhere and take their RAM offline (root only; for testing).",
        true},
#ifdef MADV_COLD
    {MADV_COLD, "MADV_COLD", "Pages are cold: reclaim them first under memory pressure.", true},
#endif
#ifdef MADV_PAGEOUT
    {MADV_PAGEOUT, "MADV_PAGEOUT", "Reclaim the pages now (write back or swap out).", true},
#endif
#ifdef MADV_POPULATE_READ
    {MADV_POPULATE_READ, "MADV_POPULATE_READ", "Fault the pages in for reading now, synchronously.",
        true},
#endif
#ifdef MADV_POPULATE_WRITE
    {MADV_POPULATE_WRITE, "MADV_POPULATE_WRITE",
        "Fault the pages in for writing now (allocates file blocks).", true},
#endif
};

} // namespace

std::span<const SystemConstant> protConstants() noexcept
{
    return kProt;
}

std::span<const SystemConstant> mapConstants() noexcept
{
    return kMap;
}

std::span<const SystemConstant> madviseConstants() noexcept
{
    return kMadvise;
}

} // namespace hexmap
