#include "hashjob.h"

#include "mapwindows.h"

#include <algorithm>
#include <memory>
#include <vector>

namespace hexmap {

void hashMap(const MemoryMap *map, qint64 start, qint64 end,
    const QList<DigestAlgorithm> &algorithms, JobControl &job, HashResult &result)
{
    std::vector<std::unique_ptr<Digest>> digests;
    for (const DigestAlgorithm algorithm : algorithms)
        digests.push_back(std::make_unique<Digest>(algorithm));
    const auto digestAll = [&](ByteView bytes) {
        for (const auto &digest : digests)
            digest->update(bytes);
    };
    // A hole is digested from zeros in memory: no page of the file is read for it.
    static const Bytes zeroWindow(static_cast<std::size_t>(kMapWindowBytes));
    const auto digestZeros = [&](qint64 count) {
        for (; count > 0; count -= kMapWindowBytes)
            digestAll(ByteView(zeroWindow)
                          .first(static_cast<std::size_t>(std::min(count, kMapWindowBytes))));
    };
    const bool done = forEachWindow(map, start, end, job, digestAll, digestZeros);
    if (!done)
        return;
    result.algorithms = algorithms;
    for (const auto &digest : digests) {
        const std::vector<std::uint8_t> bytes = digest->finish();
        result.digests.append(
            QByteArray(reinterpret_cast<const char *>(bytes.data()), qsizetype(bytes.size())));
    }
}

} // namespace hexmap
