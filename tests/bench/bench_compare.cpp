// Compare (issue 13), one run, each figure against a baseline timed in the same run:
//
//  - the next difference when the only one is the last byte of two page-cached files of
//    HEXMAP_BENCH_BYTES (default 1 GiB): MapPair::next over fresh read-only maps (as a
//    compare view opens them) against GNU `cmp A B`;
//  - every differing byte of two such files of random bytes (different seeds) counted:
//    MapPair::count against `cmp -l A B | wc -l`;
//  - two 64 GiB sparse files (HEXMAP_BENCH_SPARSE_BYTES) that differ in one byte 4000 bytes
//    before their end: MapPair::next, in seconds (the bar: 1 s).
//
// Each side runs once after a warm-up run (the files in the page cache).
#include "benchsupport.h"
#include "mappair.h"
#include "scratchfile.h"

#include <QProcess>
#include <QtTest>

#include <unistd.h>

using namespace hexmap;

namespace {

// Seconds a shell command line takes, and its standard output.
double shellSeconds(const QString &command, QByteArray *output = nullptr)
{
    QProcess shell;
    const double seconds = secondsOnce([&] {
        shell.start(QStringLiteral("sh"), {QStringLiteral("-c"), command});
        shell.waitForFinished(-1);
    });
    if (output)
        *output = shell.readAllStandardOutput();
    return seconds;
}

// Seconds run takes over a pair of fresh read-only maps of the files at offsets 0.
double pairSeconds(
    const QString &a, const QString &b, const std::function<void(const MapPair &)> &run)
{
    QFile fileA(a);
    QFile fileB(b);
    if (!fileA.open(QIODevice::ReadOnly) || !fileB.open(QIODevice::ReadOnly))
        return -1;
    const MemoryMap mapA(fileA.handle(), 0, {.access = Access::Read});
    const MemoryMap mapB(fileB.handle(), 0, {.access = Access::Read});
    const MapPair pair(mapA, 0, mapB, 0);
    return secondsOnce([&] { run(pair); });
}

bool writeFile(const QString &path, qint64 size, std::uint64_t seed)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && writeRandomHaystack(file, size, seed);
}

// Sets the byte at offset of the file to value (pwrite).
bool setByte(const QString &path, qint64 offset, char value)
{
    QFile file(path);
    return file.open(QIODevice::ReadWrite) && file.seek(offset) && file.write(&value, 1) == 1;
}

double gbPerSecond(qint64 bytes, double seconds)
{
    return double(bytes) / seconds / 1e9;
}

} // namespace

class BenchCompare : public QObject
{
    Q_OBJECT

private slots:
    void lastByteDiffers()
    {
        const qint64 size = benchBytes();
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.bin"));
        const QString b = dir.filePath(QStringLiteral("b.bin"));
        QVERIFY(writeFile(a, size, 1) && writeFile(b, size, 1) && setByte(b, size - 1, '\xff'));
        const QString cmp = QStringLiteral("cmp %1 %2").arg(a, b);
        QByteArray said;
        shellSeconds(cmp); // warm-up: both files in the page cache
        const double cmpSeconds = shellSeconds(cmp, &said);
        QVERIFY2(said.contains(QByteArray::number(size)), said.constData()); // cmp counts from 1
        std::int64_t found = -1;
        const auto next = [&](const MapPair &pair) { found = pair.next(0); };
        pairSeconds(a, b, next);
        const double hexmapSeconds = pairSeconds(a, b, next);
        QCOMPARE(found, size - 1);
        qInfo("next difference, last byte of %lld MiB: hexmap %.3f s (%.2f GB/s, each file), "
              "cmp %.3f s (%.2f GB/s); hexmap/cmp throughput %.2f",
            size >> 20, hexmapSeconds, gbPerSecond(size, hexmapSeconds), cmpSeconds,
            gbPerSecond(size, cmpSeconds), cmpSeconds / hexmapSeconds);
    }

    void countEveryDifference()
    {
        const qint64 size = benchBytes();
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.bin"));
        const QString b = dir.filePath(QStringLiteral("b.bin"));
        QVERIFY(writeFile(a, size, 1) && writeFile(b, size, 2));
        const QString cmp = QStringLiteral("cmp -l %1 %2 | wc -l").arg(a, b);
        shellSeconds(QStringLiteral("cat %1 %2 > /dev/null").arg(a, b)); // warm-up
        QByteArray said;
        const double cmpSeconds = shellSeconds(cmp, &said);
        compare::Tally tally;
        const auto count
            = [&](const MapPair &pair) { tally = pair.count(0, pair.length(), false); };
        pairSeconds(a, b, count);
        const double hexmapSeconds = pairSeconds(a, b, count);
        QCOMPARE(tally.bytes, said.trimmed().toLongLong());
        qInfo("every difference of two %lld MiB random files: %lld bytes in %lld ranges; hexmap "
              "%.3f s, cmp -l | wc -l %.3f s; hexmap/cmp throughput %.2f",
            size >> 20, qint64(tally.bytes), qint64(tally.ranges), hexmapSeconds, cmpSeconds,
            cmpSeconds / hexmapSeconds);
    }

    void sparseFiles()
    {
        const qint64 size = qEnvironmentVariableIsSet("HEXMAP_BENCH_SPARSE_BYTES")
            ? qEnvironmentVariable("HEXMAP_BENCH_SPARSE_BYTES").toLongLong()
            : (qint64(64) << 30);
        QTemporaryDir dir;
        const QString a = dir.filePath(QStringLiteral("a.img"));
        const QString b = dir.filePath(QStringLiteral("b.img"));
        if (!createSparseFile(a, size) || !createSparseFile(b, size))
            QSKIP("this file system cannot hold the sparse files");
        QVERIFY(setByte(b, size - 4000, 'x'));
        std::int64_t found = -1;
        const double seconds
            = pairSeconds(a, b, [&](const MapPair &pair) { found = pair.next(0); });
        QCOMPARE(found, size - 4000);
        qInfo("two %lld GiB sparse files, one byte differs 4000 bytes before the end: found in "
              "%.3f s",
            size >> 30, seconds);
    }
};

int main(int argc, char **argv)
{
    return runBenchmark<BenchCompare>(argc, argv, "3600000");
}

#include "bench_compare.moc"
