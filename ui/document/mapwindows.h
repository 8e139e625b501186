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
// The most zero bytes handed over at once (see forEachWindow), so that cancel stays quick
// while a hash digests a long hole.
constexpr qint64 kZeroRunBytes = qint64(16) << 20;

// Hands map[start, end) to use (map may be null when the range is empty), one window at a time,
// through the map's guarded copy (so bytes truncated away raise hexmap::Error, never SIGBUS),
// reporting progress and stopping between windows when the job is canceled. Returns whether it got
// to end. When zeros is given, the holes of the map's file (MemoryMap::knownZeros) are not read:
// zeros gets how many zero bytes come there instead (at most kZeroRunBytes at a time), in order
// with the windows.
bool forEachWindow(const MemoryMap *map, qint64 start, qint64 end, JobControl &job,
    const std::function<void(ByteView window)> &use,
    const std::function<void(qint64 count)> &zeros = {});

} // namespace hexmap
