#include "adviceeffect.h"

#include "constants.h"

#include <sys/mman.h>

namespace hexmap {

AdviceEffect adviceEffect(int option, bool privateMap) noexcept
{
    switch (option) {
    case MADV_DONTNEED:
    case MADV_FREE:
        // Shared pages stay in the page cache (or the memfd) and read back unchanged.
        return privateMap ? AdviceEffect::DropsPrivateChanges : AdviceEffect::Hint;
    case MADV_REMOVE:
        // Punches a hole in a shared map's file; Linux refuses it on private maps.
        return privateMap ? AdviceEffect::Hint : AdviceEffect::DestroysFileData;
    case MADV_HWPOISON:
    case kMadvSoftOffline:
        return AdviceEffect::Refused;
    default:
        return AdviceEffect::Hint;
    }
}

bool splitsMapping(int option) noexcept
{
    switch (option) {
    case MADV_NORMAL:
    case MADV_RANDOM:
    case MADV_SEQUENTIAL:
    case MADV_DONTFORK:
    case MADV_DOFORK:
    case MADV_DONTDUMP:
    case MADV_DODUMP:
    case MADV_MERGEABLE:
    case MADV_UNMERGEABLE:
    case MADV_WIPEONFORK:
    case MADV_KEEPONFORK:
    case MADV_HUGEPAGE:
    case MADV_NOHUGEPAGE:
        return true;
    default:
        return false;
    }
}

} // namespace hexmap
