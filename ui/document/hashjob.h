#pragma once

#include "digest.h"
#include "jobrunner.h"
#include "memorymap.h"

#include <QByteArray>
#include <QList>

namespace hexmap {

// What a hash job hands back: one digest per algorithm asked for, in the same order, or
// none when it was canceled or failed.
struct HashResult
{
    QList<DigestAlgorithm> algorithms;
    QList<QByteArray> digests;
};

// Hashes map[start, end) with every algorithm in one pass over the map, a window at a
// time (see forEachWindow): the body of a Job<HashResult>. A file truncated underneath
// throws hexmap::Error, which the job reports as its error.
void hashMap(const MemoryMap *map, qint64 start, qint64 end,
    const QList<DigestAlgorithm> &algorithms, JobControl &job, HashResult &result);

} // namespace hexmap
