#include "mapwindows.h"

#include <algorithm>

namespace hexmap {

bool forEachWindow(const MemoryMap *map, qint64 start, qint64 end, JobControl &job,
    const std::function<void(ByteView window)> &use)
{
    Bytes window(static_cast<std::size_t>(std::min(end - start, kMapWindowBytes)));
    for (qint64 at = start; at < end;) {
        if (job.isCanceled())
            return false;
        const qint64 next = std::min(end, at + kMapWindowBytes);
        map->copyTo(at, next - at, window.data());
        use(ByteView(window.data(), static_cast<std::size_t>(next - at)));
        at = next;
        job.setProgress(at - start, end - start);
    }
    job.setProgress(1, 1);
    return true;
}

} // namespace hexmap
