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

} // namespace hexmap
