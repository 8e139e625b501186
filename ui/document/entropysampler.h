#pragma once

#include "jobrunner.h"
#include "memorymap.h"

#include <QList>

namespace hexmap {

// The entropy strip's data: one entropy (bits per byte, 0 to 8) per pixel row, NaN where
// the bytes could not be read (truncated away), and how many bytes it took.
struct EntropySamples
{
    QList<float> bits;
    qint64 bytesRead = 0;
};

// The first byte of row `row` of `rows` equal shares of length bytes: ⌊length·row/rows⌋,
// without overflow for any qint64 length.
[[nodiscard]] qint64 rowStart(qint64 length, int rows, int row);

// Splits map[0, length) into rows equal spans and measures the entropy of at most
// sampleBytes bytes at the start of each: the body of a Job<EntropySamples>. Reads at
// most rows × sampleBytes bytes, whatever the map's size, so a 1 TiB map costs what a
// 1 MiB one does.
void sampleEntropy(const MemoryMap &map, qint64 length, int rows, qint64 sampleBytes,
    JobControl &job, EntropySamples &result);

} // namespace hexmap
