#pragma once

#include "bytehistogram.h"
#include "jobrunner.h"
#include "memorymap.h"

namespace hexmap {

// Counts the byte values of map[start, end), a window at a time (see forEachWindow): the
// body of a Job<ByteHistogram>. Canceled, the result holds what was counted so far.
void countBytes(
    const MemoryMap *map, qint64 start, qint64 end, JobControl &job, ByteHistogram &result);

} // namespace hexmap
