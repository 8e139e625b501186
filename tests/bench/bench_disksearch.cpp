// Searches where users wait (issue 11), each against baselines timed in the same run:
//
//  - holes: a 10-byte marker at the end of a 16 GiB sparse file (HEXMAP_BENCH_SPARSE_BYTES)
//    found by find, rfind and the window's way (ChunkedSearch, 16 MiB steps), with the RSS
//    before and after and the file's pages in the page cache; and the same search on a
//    1 GiB sparse file against `cat`, CPython's mmap.find and a plain scan of the same
//    map (trackfd=False: hexmap cannot ask about holes then, and reads them), each with
//    the file evicted from the page cache first.
//  - cold files: 1 and 4 GiB of random bytes (HEXMAP_BENCH_COLD_GIB="1,4"), evicted from the
//    page cache (posix_fadvise DONTNEED) before each timing: hexmap's find against `cat`
//    and CPython's mmap.find, and against find with MADV_WILLNEED on the next 16 MiB ahead
//    of the scan (read-ahead advice, which hexmap does not give: this measures why); the
//    RSS after hexmap's search.
//  - both cores: one thread against two on halves of a warm 1 GiB map (HEXMAP_BENCH_BYTES),
//    the kernels alone (hexmap uses one: this measures why).
//
// The machine is shared (other builds load it), so each figure is the median over
// HEXMAP_BENCH_RUNS runs (default 5) with [min-max]; a ratio is taken within a run, from
// timings made back to back. CPython is a Python >= 3.13 (as for tst_oracle); without
// one its columns say so.
#include "benchsupport.h"
#include "bytesearch.h"
#include "chunkedsearch.h"
#include "findpython.h"
#include "memorymap.h"

#include <QProcess>
#include <QtTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <thread>

using namespace hexmap;

namespace {

const QByteArray kMarker = QByteArrayLiteral("HEXMAP-END");
const Bytes kMarkerBytes(kMarker.begin(), kMarker.end());

qint64 rssBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

// Drops the file's pages from the page cache (none of them is mapped or dirty then).
void evict(const QString &path)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDONLY | O_CLOEXEC);
    fdatasync(fd);
    posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
    ::close(fd);
}

// How many of the file's pages are in the page cache.
qint64 cachedPages(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    MemoryMap map(file.handle(), 0, {.access = Access::Read});
    const Bytes pages = map.residency(0, map.length());
    return std::count_if(pages.begin(), pages.end(), [](std::uint8_t p) { return p & 1; });
}

// A sparse file of size bytes with the marker near its end.
bool makeSparse(const QString &path, qint64 size)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.resize(size) && file.seek(size - 4000)
        && file.write(kMarker) == kMarker.size() && file.flush();
}

double catSeconds(const QString &path)
{
    QProcess cat;
    cat.setStandardOutputFile(QProcess::nullDevice());
    return secondsOnce([&] {
        cat.start(QStringLiteral("cat"), {path});
        cat.waitForFinished(-1);
    });
}

// Seconds CPython's mmap.find takes for needle over the file (timed in Python, without
// its start), or -1.
double pythonSeconds(const QString &python, const QString &path, const QByteArray &needle)
{
    if (python.isEmpty())
        return -1;
    QProcess process;
    process.start(python,
        {QStringLiteral("-c"),
            QStringLiteral("import mmap, sys, time\n"
                           "f = open(sys.argv[1], 'rb')\n"
                           "m = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)\n"
                           "t = time.perf_counter(); r = m.find(bytes.fromhex(sys.argv[2]))\n"
                           "print(time.perf_counter() - t, r)\n"),
            path, QString::fromLatin1(needle.toHex())});
    if (!process.waitForFinished(-1) || process.exitCode() != 0)
        return -1;
    return process.readAllStandardOutput().split(' ').value(0).toDouble();
}

// hexmap's find over a fresh in-place map of the file (as the window opens it).
double hexmapSeconds(const QString &path, const Bytes &needle, std::int64_t *found = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite))
        return -1;
    MemoryMap map(file.handle(), 0, {.access = Access::Write});
    std::int64_t result = 0;
    const double seconds = secondsOnce([&] { result = map.find(needle, 0); });
    if (found)
        *found = result;
    return seconds;
}

// The window's way: ChunkedSearch a step at a time, 16 MiB per step.
double chunkedSeconds(const MemoryMap &map, const Bytes &needle, std::int64_t *found)
{
    return secondsOnce([&] {
        ChunkedSearch search(map, {needle, {}}, 0, map.length(), ChunkedSearch::Direction::Forward);
        while (!search.step()) { }
        *found = search.result();
    });
}

QString spread(const std::vector<double> &values, const char *format = "%.2f")
{
    if (values.empty() || values.front() < 0)
        return QStringLiteral("n/a");
    const Spread s = spreadOf(values);
    return QString::asprintf(format, s.median) + " [" + QString::asprintf(format, s.min) + "–"
        + QString::asprintf(format, s.max) + "]";
}

} // namespace

class BenchDiskSearch : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sparseMarker();
    void coldFiles();
    void twoThreadsOnAWarmMap();

private:
    QString m_python;
};

void BenchDiskSearch::initTestCase()
{
    QStringList tried;
    m_python = findPython(tried);
    qInfo("CPython: %s; %d runs",
        qPrintable(m_python.isEmpty() ? "none, tried " + tried.join(", ") : m_python), benchRuns());
}

void BenchDiskSearch::sparseMarker()
{
    const qint64 size = qEnvironmentVariableIsSet("HEXMAP_BENCH_SPARSE_BYTES")
        ? qEnvironmentVariable("HEXMAP_BENCH_SPARSE_BYTES").toLongLong()
        : (qint64(16) << 30);
    const qint64 small = qint64(1) << 30;
    QTemporaryDir dir;
    const QString huge = dir.filePath(QStringLiteral("huge.img"));
    const QString gib = dir.filePath(QStringLiteral("small.img"));
    if (!makeSparse(huge, size) || !makeSparse(gib, small))
        QSKIP("this file system cannot hold the sparse files");
    const std::int64_t marker = size - 4000;

    std::vector<double> find, rfind, chunked, rss, smallHexmap, cat, python, plain;
    std::vector<double> overCat, overPython, overPlain;
    for (int run = 0; run < benchRuns(); ++run) {
        {
            QFile file(huge);
            QVERIFY(file.open(QIODevice::ReadWrite));
            MemoryMap map(file.handle(), 0, {.access = Access::Write});
            const qint64 before = rssBytes();
            std::int64_t found = 0;
            find.push_back(secondsOnce([&] { found = map.find(kMarkerBytes, 0); }) * 1e3);
            QCOMPARE(found, marker);
            rfind.push_back(secondsOnce([&] { found = map.rfind(kMarkerBytes, 0); }) * 1e3);
            QCOMPARE(found, marker);
            chunked.push_back(chunkedSeconds(map, kMarkerBytes, &found) * 1e3);
            QCOMPARE(found, marker);
            rss.push_back(double(rssBytes() - before) / (1 << 20));
        }
        // The 1 GiB file: hexmap against cat, CPython and a plain scan of the same map.
        // Each starts with nothing of the file in the page cache (reading a hole fills it
        // with zero pages, which would make the next reader's holes warm).
        std::int64_t found = 0;
        evict(gib);
        const double ours = hexmapSeconds(gib, kMarkerBytes, &found);
        QCOMPARE(found, small - 4000);
        smallHexmap.push_back(ours * 1e3);
        evict(gib);
        cat.push_back(catSeconds(gib));
        evict(gib);
        python.push_back(pythonSeconds(m_python, gib, kMarker));
        evict(gib);
        {
            QFile file(gib);
            QVERIFY(file.open(QIODevice::ReadOnly));
            MemoryMap map(file.handle(), 0, {.access = Access::Read, .trackfd = false});
            plain.push_back(secondsOnce([&] { found = map.find(kMarkerBytes, 0); }));
            QCOMPARE(found, small - 4000);
        }
        overCat.push_back(cat.back() / ours);
        overPython.push_back(python.back() < 0 ? -1 : python.back() / ours);
        overPlain.push_back(plain.back() / ours);
        qInfo("run %d: %lld GiB find %.2f ms, rfind %.2f ms, ChunkedSearch %.2f ms, RSS %+.1f "
              "MiB; 1 GiB: hexmap %.2f ms, cat %.2f s, CPython %.2f s, plain scan %.3f s",
            run + 1, size >> 30, find.back(), rfind.back(), chunked.back(), rss.back(),
            smallHexmap.back(), cat.back(), python.back(), plain.back());
    }
    qInfo("Marker at the end of a %lld GiB sparse file, median [min–max] over %d runs:", size >> 30,
        benchRuns());
    qInfo("  find %s ms, rfind %s ms, ChunkedSearch (the window's steps) %s ms",
        qPrintable(spread(find)), qPrintable(spread(rfind)), qPrintable(spread(chunked)));
    qInfo("  RSS after - before: %s MiB; the file's pages in the page cache after: %lld",
        qPrintable(spread(rss, "%.1f")), cachedPages(huge));
    qInfo("Same search on 1 GiB sparse: hexmap %s ms; cat %s s, CPython mmap.find %s s, a plain "
          "scan (trackfd=False) %s s",
        qPrintable(spread(smallHexmap)), qPrintable(spread(cat)), qPrintable(spread(python)),
        qPrintable(spread(plain, "%.3f")));
    qInfo("  hexmap is faster than cat by %s x, than CPython by %s x, than a plain scan by %s x",
        qPrintable(spread(overCat, "%.0f")), qPrintable(spread(overPython, "%.0f")),
        qPrintable(spread(overPlain, "%.0f")));
}

void BenchDiskSearch::coldFiles()
{
    QList<qint64> sizes;
    for (const QString &gib : qEnvironmentVariable("HEXMAP_BENCH_COLD_GIB", QStringLiteral("1,4"))
                                  .split(',', Qt::SkipEmptyParts))
        sizes << (gib.toLongLong() << 30);
    const Bytes absent(10, 0xff);
    const QByteArray absentHex(10, '\xff');
    for (const qint64 size : sizes) {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("cold.bin"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            QVERIFY(writeRandomHaystack(file, size));
        }
        const double gigabytes = double(size) / 1e9;
        std::vector<double> ours, cat, python, willneed, overCat, overPython, overWillneed, rss;
        // The tools take turns first, so that none always meets the disk after another.
        const QList<int> tools {0, 1, 2, 3};
        for (int run = 0; run < benchRuns(); ++run) {
            double seconds[4] = {};
            for (int k = 0; k < tools.size(); ++k) {
                const int tool = tools[(k + run) % tools.size()];
                evict(path);
                if (tool == 0) {
                    QFile file(path);
                    QVERIFY(file.open(QIODevice::ReadWrite));
                    MemoryMap map(file.handle(), 0, {.access = Access::Write});
                    const qint64 before = rssBytes();
                    std::int64_t found = 0;
                    seconds[0] = secondsOnce([&] { found = map.find(absent, 0); });
                    QCOMPARE(found, -1);
                    rss.push_back(double(rssBytes() - before) / (1 << 20));
                } else if (tool == 1) {
                    seconds[1] = catSeconds(path);
                } else if (tool == 2) {
                    seconds[2] = pythonSeconds(m_python, path, absentHex);
                } else {
                    QFile file(path);
                    QVERIFY(file.open(QIODevice::ReadWrite));
                    MemoryMap map(file.handle(), 0, {.access = Access::Write});
                    const std::int64_t window = std::int64_t(16) << 20;
                    std::int64_t found = -1;
                    seconds[3] = secondsOnce([&] {
                        for (std::int64_t at = 0; at < size && found < 0; at += window) {
                            if (at + window < size)
                                map.madvise(MADV_WILLNEED, at + window, window);
                            found = map.find(absent, at, at + window + 9);
                        }
                    });
                    QCOMPARE(found, -1);
                }
            }
            ours.push_back(gigabytes / seconds[0]);
            cat.push_back(gigabytes / seconds[1]);
            python.push_back(seconds[2] < 0 ? -1 : gigabytes / seconds[2]);
            willneed.push_back(gigabytes / seconds[3]);
            overCat.push_back(seconds[1] / seconds[0]);
            overPython.push_back(seconds[2] < 0 ? -1 : seconds[2] / seconds[0]);
            overWillneed.push_back(seconds[3] / seconds[0]);
            qInfo(
                "run %d, %lld GiB cold: hexmap %.2f GB/s, cat %.2f, CPython %.2f, find + WILLNEED "
                "ahead %.2f; RSS %+.1f MiB",
                run + 1, size >> 30, ours.back(), cat.back(), python.back(), willneed.back(),
                rss.back());
        }
        qInfo("%lld GiB cold, median [min–max] over %d runs: hexmap %s GB/s, cat %s, CPython "
              "mmap.find %s, find + WILLNEED ahead %s",
            size >> 30, benchRuns(), qPrintable(spread(ours)), qPrintable(spread(cat)),
            qPrintable(spread(python)), qPrintable(spread(willneed)));
        qInfo("  hexmap / cat %s x, hexmap / CPython %s x, hexmap / (find + WILLNEED) %s x; RSS "
              "after - before %s MiB",
            qPrintable(spread(overCat)), qPrintable(spread(overPython)),
            qPrintable(spread(overWillneed)), qPrintable(spread(rss, "%.1f")));
    }
}

void BenchDiskSearch::twoThreadsOnAWarmMap()
{
    const WarmHaystack haystack;
    QVERIFY(haystack.isValid());
    const std::span<const std::uint8_t> bytes = haystack.bytes();
    const auto size = qint64(bytes.size());
    for (const std::size_t length : {std::size_t(1), std::size_t(8), std::size_t(16)}) {
        Bytes needle(bytes.begin() + 4096, bytes.begin() + 4096 + std::ptrdiff_t(length));
        needle[length / 2] = 0xff; // absent
        std::vector<double> ratio, one, two;
        for (int run = 0; run < benchRuns(); ++run) {
            std::int64_t low = 0, high = 0;
            const double single = secondsOf([&] { low = search::find(bytes, needle); });
            const std::size_t half = bytes.size() / 2;
            const double pair = secondsOf([&] {
                std::thread upper([&] { high = search::find(bytes.subspan(half), needle); });
                low = search::find(bytes.first(half + length - 1), needle);
                upper.join();
            });
            QCOMPARE(low, -1);
            QCOMPARE(high, -1);
            one.push_back(double(size) / 1e9 / single);
            two.push_back(double(size) / 1e9 / pair);
            ratio.push_back(single / pair);
        }
        qInfo("needle %zu, warm %lld MiB: one thread %s GB/s, two on halves %s GB/s, two/one %s x "
              "(worth it from 1.3)",
            length, size >> 20, qPrintable(spread(one, "%.1f")), qPrintable(spread(two, "%.1f")),
            qPrintable(spread(ratio)));
    }
}

// A run of 1 + 4 GiB cold files, several times over, outlasts QtTest's default 300 s
// per-function watchdog; allow 40 minutes unless told otherwise.
int main(int argc, char **argv)
{
    return runBenchmark<BenchDiskSearch>(argc, argv, "2400000");
}

#include "bench_disksearch.moc"
