// forEachWindow, the reading loop of the hash and statistics jobs: the bytes it hands
// over are the map's, in order, and the holes of a sparse file come as counts of zeros
// without their pages being read.
#include "jobrunner.h"
#include "mapwindows.h"
#include "residentpages.h"
#include "seeds.h"
#include "sparsefile.h"

#include <QSignalSpy>
#include <QtTest>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/vfs.h>

#include <algorithm>

using namespace hexmap;

namespace {

constexpr qint64 kPage = 4096;

struct Stream
{
    QByteArray bytes; // what the windows and the zeros added up to
    qint64 zeros = 0; // how many bytes came as zeros, unread
    qint64 largestZeros = 0; // the most handed over at once
};

// Runs forEachWindow over map[start, end) as a Job, with or without the zeros callback.
Stream stream(const MemoryMap &map, qint64 start, qint64 end, bool skipHoles)
{
    Job<Stream> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    job.start([&](JobControl &control, Stream &result) {
        const auto read = [&](ByteView window) {
            result.bytes.append(
                reinterpret_cast<const char *>(window.data()), qsizetype(window.size()));
        };
        const auto zeros = [&](qint64 count) {
            result.largestZeros = std::max(result.largestZeros, count);
            result.bytes.append(qsizetype(count), '\0');
            result.zeros += count;
        };
        forEachWindow(&map, start, end, control, read,
            skipHoles ? std::function<void(qint64)>(zeros) : std::function<void(qint64)>());
    });
    if (!finished.wait(120000))
        qFatal("forEachWindow did not finish");
    return job.result();
}

} // namespace

class TestMapWindows : public QObject
{
    Q_OBJECT

private slots:
    void holesComeAsZerosInOrder();
    void holesAreNotPagedIn();
};

// Random sparse files and random ranges: the stream is the file's bytes whether the holes
// are read or handed over as zeros; on ext4 and tmpfs, most of a hole comes unread.
void TestMapWindows::holesComeAsZerosInOrder()
{
    for (const quint64 seed : generatedSeeds("HEXMAP_WINDOWS_SEED", 1, 12)) {
        QRandomGenerator random(seed);
        const qint64 size = random.bounded(1, 48 << 20);
        SparseFile sparse(random, size, random.bounded(0, 6));
        const MemoryMap map(sparse.file.fd(), 0, {.access = Access::Read});
        for (int round = 0; round < 4; ++round) {
            const qint64 start = random.bounded(size);
            const qint64 end = random.bounded(start, size + 1);
            const QByteArrayView expected
                = QByteArrayView(sparse.contents).sliced(start, end - start);
            const QString where = QStringLiteral("seed %1, [%2, %3)").arg(seed).arg(start).arg(end);
            const Stream skipping = stream(map, start, end, true);
            QVERIFY2(skipping.bytes == expected, qPrintable(where));
            QVERIFY(skipping.largestZeros <= kZeroRunBytes);
            const Stream reading = stream(map, start, end, false);
            QVERIFY2(reading.bytes == expected, qPrintable(where));
            QCOMPARE(reading.zeros, 0);
        }
    }
}

// A 256 MiB file with three small extents, out of the page cache: a pass over it brings
// in the extents and what the kernel reads around them (up to the device's
// read_ahead_kb each, 8 MiB here), not the 256 MiB of holes.
void TestMapWindows::holesAreNotPagedIn()
{
    QRandomGenerator random(11);
    const qint64 size = qint64(256) << 20;
    SparseFile sparse(random, size, 3);
    const MemoryMap map(sparse.file.fd(), 0, {.access = Access::Read});
    struct statfs system = {};
    QCOMPARE(fstatfs(sparse.file.fd(), &system), 0);
    if (system.f_type != EXT4_SUPER_MAGIC && system.f_type != TMPFS_MAGIC)
        QSKIP("hexmap trusts the holes of ext4 and tmpfs only");
    QCOMPARE(posix_fadvise(sparse.file.fd(), 0, 0, POSIX_FADV_DONTNEED), 0);
    const qint64 before = residentPages(map);
    const Stream result = stream(map, 0, size, true);
    QVERIFY(result.bytes == sparse.contents);
    QVERIFY(result.zeros >= size - 3 * (qint64(8) << 20));
    const qint64 after = residentPages(map);
    QVERIFY2(after - before < size / kPage / 4,
        qPrintable(QStringLiteral("%1 pages in").arg(after - before)));
}

QTEST_GUILESS_MAIN(TestMapWindows)
#include "tst_mapwindows.moc"
