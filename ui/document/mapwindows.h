#pragma once

#include "jobrunner.h"
#include "memorymap.h"

#include <QtGlobal>

#include <functional>

namespace hexmap {

// How far a job reads the map in one go: small enough that every pass over a window
// (one per hash) finds it in the CPU's cache, large enough that the per-window costs
// (a guarded copy, a progress report) vanish.
constexpr qint64 kMapWindowBytes = qint64(256) << 10;

// Hands map[start, end) to use (map may be null when the range is empty), one window at a time,
// through the map's guarded copy (so bytes truncated away raise hexmap::Error, never SIGBUS),
// reporting progress and stopping between windows when the job is canceled. Returns whether it got
// to end.
bool forEachWindow(const MemoryMap *map, qint64 start, qint64 end, JobControl &job,
    const std::function<void(ByteView window)> &use);

} // namespace hexmap
