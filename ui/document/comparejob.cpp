#include "comparejob.h"

#include "inputparsing.h"
#include "mappair.h"

#include <algorithm>

namespace hexmap {

namespace {
// Progress and cancel between windows of this many bytes, at its multiples (holes on both
// sides cost nothing).
constexpr qint64 kCompareWindow = qint64(16) << 20;

qint64 remaining(const MemoryMap *map, qint64 start)
{
    return map ? std::max<qint64>(0, map->length() - start) : 0;
}
} // namespace

QString CompareResult::summary() const
{
    QString text = rangeCount == 0
        ? tr("No differences.")
        : tr("%1 differ (%2).")
              .arg(input::formatCount(rangeCount, tr("range"), tr("ranges")),
                  input::formatCount(differingBytes, tr("byte"), tr("bytes")));
    if (onlyInFirst > 0)
        text += QLatin1Char(' ')
            + tr("%1 only in A.").arg(input::formatCount(onlyInFirst, tr("byte"), tr("bytes")));
    if (onlyInSecond > 0)
        text += QLatin1Char(' ')
            + tr("%1 only in B.").arg(input::formatCount(onlyInSecond, tr("byte"), tr("bytes")));
    if (listTruncated())
        text += QLatin1Char(' ') + tr("Listed the first %1.").arg(ranges.size());
    return text;
}

void listDifferences(const MemoryMap *first, qint64 firstStart, const MemoryMap *second,
    qint64 secondStart, qsizetype limit, JobControl &job, CompareResult &result)
{
    const qint64 a = remaining(first, firstStart);
    const qint64 b = remaining(second, secondStart);
    result.commonLength = std::min(a, b);
    result.onlyInFirst = a - result.commonLength;
    result.onlyInSecond = b - result.commonLength;
    if (result.commonLength == 0)
        return;
    const MapPair pair(*first, firstStart, *second, secondStart);
    const qint64 end = result.commonLength;
    const auto differsAt = [&](qint64 i) { return pair.seek(i, i + 1, false, 1).found == i; };
    bool open = false; // the byte before result.compared differs (the last listed range goes on)
    bool counting = false; // past the list's limit
    while (result.compared < end && !job.isCanceled()) {
        const qint64 at = result.compared;
        const qint64 windowEnd = std::min(end, (at / kCompareWindow + 1) * kCompareWindow);
        counting = counting || (!open && result.ranges.size() >= limit);
        if (counting) {
            const compare::Tally tally = pair.count(at, windowEnd, open);
            result.differingBytes += tally.bytes;
            result.rangeCount += tally.ranges;
            open = differsAt(windowEnd - 1);
            result.compared = windowEnd;
        } else if (open) {
            const PairStep step
                = pair.seek(at, windowEnd, false, MapPair::kUnbounded, compare::Seek::Equal);
            const qint64 stop = step.found < 0 ? windowEnd : step.found;
            result.ranges.last().length += stop - at;
            result.differingBytes += stop - at;
            open = step.found < 0;
            result.compared = stop;
        } else {
            const PairStep step = pair.seek(at, windowEnd, false, MapPair::kUnbounded);
            if (step.found < 0) {
                result.compared = windowEnd;
            } else {
                result.ranges.append({step.found, 0});
                ++result.rangeCount;
                open = true;
                result.compared = step.found;
            }
        }
        job.setProgress(result.compared, end);
    }
}

} // namespace hexmap
