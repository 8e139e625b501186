#include "hashjob.h"

#include "mapwindows.h"

#include <memory>
#include <vector>

namespace hexmap {

void hashMap(const MemoryMap *map, qint64 start, qint64 end,
    const QList<DigestAlgorithm> &algorithms, JobControl &job, HashResult &result)
{
    std::vector<std::unique_ptr<Digest>> digests;
    for (const DigestAlgorithm algorithm : algorithms)
        digests.push_back(std::make_unique<Digest>(algorithm));
    const bool done = forEachWindow(map, start, end, job, [&](ByteView window) {
        for (const auto &digest : digests)
            digest->update(window);
    });
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
