// Search throughput on a page-cached file (1 GiB, or HEXMAP_BENCH_BYTES): hexmap's
// find and rfind against glibc's memmem (memchr/memrchr for one byte), timed in the
// same run on the same mapped bytes, needle absent.
//
// The machine this runs on is shared (other builds load it), and glibc's memmem alone
// has been seen to vary by 2x between runs, so one run's ratio is no figure to quote.
// The test makes HEXMAP_BENCH_RUNS (default 5, at least 3) independent runs; each run
// measures every needle length once, in turn, each timing the median of its
// repetitions, and computes its ratios from hexmap and glibc timed back to back on the
// same bytes. It prints each run, then per needle the median and [min-max] over the
// runs of find/glibc and rfind/glibc, and the median GB/s.
#include "benchsupport.h"
#include "bytesearch.h"
#include "memorymap.h"

#include <QtTest>

#include <algorithm>
#include <array>
#include <cstring>

using namespace hexmap;

namespace {

constexpr std::uint8_t kAbsent = 0xff; // never in the haystack
constexpr std::array kLengths {1, 2, 4, 8, 16, 64};
// What one run measured for one needle length.
struct Sample
{
    double find, rfind, baseline, baselineReverse; // seconds, median of repetitions
};

} // namespace

class BenchSearch : public QObject
{
    Q_OBJECT

private slots:
    void findAndRfindAgainstGlibc();
};

void BenchSearch::findAndRfindAgainstGlibc()
{
    const int runs = benchRuns();
    const WarmHaystack haystack;
    QVERIFY(haystack.isValid());
    const MemoryMap &map = haystack.map();
    const auto *bytes = haystack.bytes().data();
    const auto size = qint64(haystack.bytes().size());
    const double gigabytes = double(size) / 1e9;

    qInfo("%lld MiB, kernel %s; %d runs, each timing the median of 5 repetitions", size >> 20,
        search::kernelName(search::bestKernel()), runs);

    std::vector<double> memorySpeeds;
    std::vector<std::array<Sample, kLengths.size()>> samples(static_cast<std::size_t>(runs));
    for (int run = 0; run < runs; ++run) {
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
        memorySpeeds.push_back(gigabytes / sequential);
        QString line = QStringLiteral("run %1: memory %2 GB/s [%3]; find/glibc, rfind/glibc:")
                           .arg(run + 1)
                           .arg(gigabytes / sequential, 0, 'f', 1)
                           .arg(checksum, 0, 16);
        for (std::size_t l = 0; l < kLengths.size(); ++l) {
            const int length = kLengths[l];
            // A needle whose first and last bytes occur often, but never in this order.
            Bytes needle(bytes + 4096, bytes + 4096 + length);
            needle[length / 2] = kAbsent;

            Sample &s = samples[std::size_t(run)][l];
            std::int64_t found = 0;
            s.find = secondsOf([&] { found = map.find(needle, 0); });
            QCOMPARE(found, -1);
            s.rfind = secondsOf([&] { found = map.rfind(needle, 0); });
            QCOMPARE(found, -1);
            const void *baselineFound = nullptr;
            s.baseline = secondsOf([&] {
                baselineFound = length == 1
                    ? std::memchr(bytes, kAbsent, size_t(size))
                    : memmem(bytes, size_t(size), needle.data(), needle.size());
            });
            QVERIFY(!baselineFound);
            // rfind's baseline for one byte is memrchr; memmem has no reverse twin.
            s.baselineReverse = length == 1
                ? secondsOf([&] { baselineFound = memrchr(bytes, kAbsent, size_t(size)); })
                : s.baseline;
            QVERIFY(!baselineFound);
            line += QStringLiteral(" %1:%2,%3")
                        .arg(length)
                        .arg(s.baseline / s.find, 0, 'f', 2)
                        .arg(s.baselineReverse / s.rfind, 0, 'f', 2);
        }
        qInfo("%s", qPrintable(line));
    }

    const Spread memory = spreadOf(memorySpeeds);
    qInfo("memory speed (XOR of every 64-bit word): median %.1f GB/s [%.1f-%.1f]", memory.median,
        memory.min, memory.max);
    qInfo("Median over %d runs, [min-max] for the ratios; each run's ratio is of hexmap and "
          "glibc timed in that run on the same bytes:",
        runs);
    qInfo("| needle | find GB/s | rfind GB/s | glibc GB/s | find/glibc | rfind/glibc | "
          "rfind/find |");
    qInfo("| --- | --- | --- | --- | --- | --- | --- |");
    for (std::size_t l = 0; l < kLengths.size(); ++l) {
        std::vector<double> find, rfind, baseline, findRatio, rfindRatio, rfindOverFind;
        for (const auto &run : samples) {
            const Sample &s = run[l];
            find.push_back(gigabytes / s.find);
            rfind.push_back(gigabytes / s.rfind);
            baseline.push_back(gigabytes / s.baseline);
            findRatio.push_back(s.baseline / s.find);
            rfindRatio.push_back(s.baselineReverse / s.rfind);
            rfindOverFind.push_back(s.find / s.rfind);
        }
        const Spread f = spreadOf(findRatio), r = spreadOf(rfindRatio);
        qInfo("| %d | %.1f | %.1f | %.1f (%s) | %.2f [%.2f–%.2f] | %.2f [%.2f–%.2f] | %.2f |",
            kLengths[l], spreadOf(find).median, spreadOf(rfind).median, spreadOf(baseline).median,
            kLengths[l] == 1 ? "memchr/memrchr" : "memmem", f.median, f.min, f.max, r.median, r.min,
            r.max, spreadOf(rfindOverFind).median);
    }
}

// Several runs of a 1 GiB search on a loaded machine outlast QtTest's default 300 s
// per-function watchdog; allow 20 minutes (ctest's own limit is 25) unless told otherwise.
int main(int argc, char **argv)
{
    return runBenchmark<BenchSearch>(argc, argv, "1200000");
}

#include "bench_search.moc"
