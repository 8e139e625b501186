#pragma once

namespace hexmap {

// What an madvise option does to the bytes of a map, so that the UI can ask before
// one that loses data. Stated here once for every caller.
enum class AdviceEffect {
    Hint, // changes how pages are kept, read or shared, never what the bytes are
    DropsPrivateChanges, // the map's private pages are discarded: they read back as
                         // the file's bytes (copy-on-write) or as zeros (anonymous)
    DestroysFileData, // the bytes are freed in the file itself: zeros, also on disk
    Refused, // needs privileges and damages RAM (poisons or offlines pages)
};

// The effect of madvise(option) on a map that is private (MAP_PRIVATE: copy-on-write
// or a private anonymous map) or shared.
[[nodiscard]] AdviceEffect adviceEffect(int option, bool privateMap) noexcept;

// Whether the advice sets a flag on the kernel's mapping (MADV_RANDOM, DONTFORK,
// HUGEPAGE…): over part of a map it splits the mapping in two or three, and mremap
// cannot grow a map made of several (EFAULT); merging them back is not always possible.
[[nodiscard]] bool splitsMapping(int option) noexcept;

} // namespace hexmap
