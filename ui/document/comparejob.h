#pragma once

#include "jobrunner.h"
#include "memorymap.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace hexmap {

// A run of bytes that differ between the two sides: [offset, offset + length) in the
// pair's offsets (side A's byte is at A's start + offset, see MapPair).
struct DifferenceRange
{
    qint64 offset = 0;
    qint64 length = 0;

    friend bool operator==(const DifferenceRange &, const DifferenceRange &) = default;
};

// What a compare job hands back: the first ranges, up to its limit, and exact counts of
// every differing byte and range over the part it compared.
struct CompareResult
{
    QList<DifferenceRange> ranges; // ascending, at most the job's limit
    qint64 differingBytes = 0;
    qint64 rangeCount = 0; // ranges.size() unless the list stopped at the limit
    qint64 compared = 0; // bytes of the common length compared (all of it unless stopped)
    qint64 commonLength = 0; // bytes both sides have from their starts
    qint64 onlyInFirst = 0; // A's bytes past the common length (its tail)
    qint64 onlyInSecond = 0;

    [[nodiscard]] bool listTruncated() const { return rangeCount > ranges.size(); }
    // "3 ranges differ (17 bytes); 100 bytes only in B." and, past the limit, "listed the
    // first N".
    [[nodiscard]] QString summary() const;

    Q_DECLARE_TR_FUNCTIONS(CompareResult)
};

// Lists the ranges where first[firstStart + i] and second[secondStart + i] differ (the body
// of a Job<CompareResult>), a 16 MiB window at a time with progress, stopping between
// windows when canceled; holes on both sides are not read (MapPair). Past limit ranges it
// only counts. A file truncated underneath throws hexmap::Error (the job's error). Maps
// may be null for an empty side.
void listDifferences(const MemoryMap *first, qint64 firstStart, const MemoryMap *second,
    qint64 secondStart, qsizetype limit, JobControl &job, CompareResult &result);

} // namespace hexmap
