#include "statisticsjob.h"

#include "mapwindows.h"

namespace hexmap {

void countBytes(
    const MemoryMap *map, qint64 start, qint64 end, JobControl &job, ByteHistogram &result)
{
    forEachWindow(
        map, start, end, job, [&](ByteView window) { result.add(window); },
        [&](qint64 count) { result.addZeros(std::uint64_t(count)); });
}

} // namespace hexmap
