// Search throughput on a page-cached file (1 GiB, or HEXMAP_BENCH_BYTES): hexmap's
// find and rfind against glibc's memmem (memchr/memrchr for one byte), timed in the
// same run on the same mapped bytes, needle absent. Prints GB/s and ratios.
#include "bytesearch.h"
#include "memorymap.h"

#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <random>

using namespace hexmap;

namespace {

constexpr std::uint8_t kAbsent = 0xff; // never in the haystack

double secondsOf(const std::function<void()> &run)
{
    run(); // warm: pages mapped, caches primed
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

class BenchSearch : public QObject
{
    Q_OBJECT

private slots:
    void findAndRfindAgainstGlibc();
};

void BenchSearch::findAndRfindAgainstGlibc()
{
    const qint64 size = qEnvironmentVariableIsSet("HEXMAP_BENCH_BYTES")
        ? qEnvironmentVariable("HEXMAP_BENCH_BYTES").toLongLong()
        : (qint64(1) << 30);
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("haystack.bin")));
    QVERIFY(file.open(QIODevice::ReadWrite));
    std::mt19937_64 random(1);
    QByteArray block(1 << 20, '\0');
    for (qint64 written = 0; written < size; written += block.size()) {
        for (char &c : block)
            c = char(random() % 255); // 0x00..0xfe
        QCOMPARE(file.write(block), block.size());
    }
    file.flush();

    MemoryMap map(file.handle(), 0, {.access = Access::Read});
    const MappedBuffer view = map.buffer();
    const auto *bytes = view.bytes().data();
    const double gigabytes = double(size) / 1e9;

    std::uint64_t checksum = 0;
    const double sequential = secondsOf([&] {
        std::uint64_t x = 0;
        for (qint64 i = 0; i + 8 <= size; i += 8) {
            std::uint64_t word;
            std::memcpy(&word, bytes + i, 8);
            x ^= word;
        }
        checksum = x;
    });
    qInfo("%lld MiB, kernel %s; memory speed (XOR of every 64-bit word): %.1f GB/s [%llx]",
        size >> 20, search::kernelName(search::bestKernel()), gigabytes / sequential,
        (unsigned long long)checksum);
    qInfo("needle | find GB/s | rfind GB/s | glibc GB/s       | find/glibc | rfind/glibc | "
          "rfind/find");
    for (int length : {1, 2, 4, 8, 16, 64}) {
        // A needle whose first and last bytes occur often, but never in this order.
        Bytes needle(bytes + 4096, bytes + 4096 + length);
        needle[length / 2] = kAbsent;

        std::int64_t found = 0;
        const double find = secondsOf([&] { found = map.find(needle, 0); });
        QCOMPARE(found, -1);
        const double rfind = secondsOf([&] { found = map.rfind(needle, 0); });
        QCOMPARE(found, -1);
        const void *baselineFound = nullptr;
        const char *baselineName = length == 1 ? "memchr/memrchr" : "memmem";
        const double baseline = secondsOf([&] {
            baselineFound = length == 1 ? std::memchr(bytes, kAbsent, size_t(size))
                                        : memmem(bytes, size_t(size), needle.data(), needle.size());
        });
        QVERIFY(!baselineFound);
        // rfind's baseline for one byte is memrchr; memmem has no reverse twin.
        const double baselineReverse = length == 1
            ? secondsOf([&] { baselineFound = memrchr(bytes, kAbsent, size_t(size)); })
            : baseline;
        qInfo("%6d | %9.1f | %10.1f | %5.1f %-10s | %10.2f | %11.2f | %10.2f", length,
            gigabytes / find, gigabytes / rfind, gigabytes / baseline, baselineName,
            baseline / find, baselineReverse / rfind, find / rfind);
    }
}

QTEST_GUILESS_MAIN(BenchSearch)
#include "bench_search.moc"
