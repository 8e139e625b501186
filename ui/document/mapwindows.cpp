#include "mapwindows.h"

#include <algorithm>
#include <vector>

namespace hexmap {

namespace {

// How far ahead one question about holes looks.
constexpr qint64 kHoleLookAhead = qint64(64) << 20;

} // namespace

bool forEachWindow(const MemoryMap *map, qint64 start, qint64 end, JobControl &job,
    const std::function<void(ByteView window)> &use, const std::function<void(qint64 count)> &zeros)
{
    Bytes window(static_cast<std::size_t>(std::min(end - start, kMapWindowBytes)));
    std::vector<search::ByteRange> holes;
    std::size_t hole = 0;
    qint64 lookedTo = zeros ? start : end; // the holes below are in holes
    for (qint64 at = start; at < end;) {
        if (job.isCanceled())
            return false;
        if (at >= lookedTo) {
            holes.clear();
            hole = 0;
            lookedTo = map->knownZeros(at, std::min(end, at + kHoleLookAhead), holes);
            if (lookedTo <= at)
                lookedTo = end; // no answer: read the rest
        }
        while (hole < holes.size() && holes[hole].end <= at)
            ++hole;
        qint64 next = 0;
        if (hole < holes.size() && holes[hole].begin <= at) {
            next = std::min<qint64>(holes[hole].end, at + kZeroRunBytes);
            zeros(next - at);
        } else {
            next = std::min({end, lookedTo, at + kMapWindowBytes});
            if (hole < holes.size())
                next = std::min<qint64>(next, holes[hole].begin);
            map->copyTo(at, next - at, window.data());
            use(ByteView(window.data(), static_cast<std::size_t>(next - at)));
        }
        at = next;
        job.setProgress(at - start, end - start);
    }
    job.setProgress(1, 1);
    return true;
}

} // namespace hexmap
