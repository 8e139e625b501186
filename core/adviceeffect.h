#pragma once

#include <optional>

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

// Advice that sets a flag on the pages it covers (MADV_RANDOM, DONTFORK, HUGEPAGE…)
// splits the kernel's mapping in two where it covers part of a map, and mremap cannot
// grow a map made of several. This is the advice that, applied over the whole map,
// makes its flags one again (MADV_NORMAL after RANDOM, DOFORK after DONTFORK; the
// same advice where there is no neutral one); none for advice that sets no flag.
[[nodiscard]] std::optional<int> mergingAdvice(int option) noexcept;

} // namespace hexmap
