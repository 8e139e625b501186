#include "entropysampler.h"

#include "bytehistogram.h"
#include "errors.h"

#include <algorithm>
#include <limits>

namespace hexmap {

qint64 rowStart(qint64 length, int rows, int row)
{
    // length = q·rows + m: q·row + ⌊m·row/rows⌋, where m·row < rows² fits.
    return (length / rows) * row + (length % rows) * row / rows;
}

void sampleEntropy(const MemoryMap &map, qint64 length, int rows, qint64 sampleBytes,
    JobControl &job, EntropySamples &result)
{
    if (rows <= 0 || length <= 0)
        return;
    result.bits.reserve(rows);
    Bytes sample(static_cast<std::size_t>(std::min(length, sampleBytes)));
    for (int row = 0; row < rows; ++row) {
        if (job.isCanceled())
            return;
        // Row r covers [length·r/rows, length·(r+1)/rows), computed without overflow.
        const qint64 start = rowStart(length, rows, row);
        const qint64 end = std::min(rowStart(length, rows, row + 1), start + sampleBytes);
        if (end <= start) {
            // More rows than bytes: the row shows the byte before it.
            result.bits.append(result.bits.isEmpty() ? 0.0f : result.bits.last());
            continue;
        }
        try {
            // Quietly: faults would read ahead, bringing in far more of the file than the
            // sample (and the residency strip beside would show it).
            map.copyTo(start, end - start, sample.data(), MemoryMap::Paging::Quietly);
            result.bytesRead += end - start;
            ByteHistogram histogram;
            histogram.add(ByteView(sample.data(), static_cast<std::size_t>(end - start)));
            result.bits.append(float(histogram.entropy()));
        } catch (const Error &) {
            result.bits.append(std::numeric_limits<float>::quiet_NaN());
        }
        job.setProgress(row + 1, rows);
    }
}

} // namespace hexmap
