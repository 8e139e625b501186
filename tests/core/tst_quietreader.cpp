// MemoryMap::copyTo: the same bytes as slice whichever way it pages, and Quietly reads
// only what it was asked for from a file that is not in memory.

#include "errors.h"
#include "memorymap.h"
#include "residentpages.h"
#include "scratchfile.h"
#include "seeds.h"

#include <QRandomGenerator>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>

using namespace hexmap;

namespace {

constexpr qint64 kPage = 4096;

QByteArray randomBytes(QRandomGenerator &random, qint64 size)
{
    QByteArray bytes(size, '\0');
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

Bytes copied(const MemoryMap &map, qint64 start, qint64 count, MemoryMap::Paging paging)
{
    Bytes bytes(static_cast<std::size_t>(count));
    map.copyTo(start, count, bytes.data(), paging);
    return bytes;
}

} // namespace

class TestQuietReader : public QObject
{
    Q_OBJECT

private slots:
    void copiesWhatSliceReads_data();
    void copiesWhatSliceReads();
    void quietlyReadsOnlyThePagesAskedFor();
    void bytesPastATruncatedEndRaiseAsSliceDoes();
    void aRangeOutsideTheMapIsRefused();
};

void TestQuietReader::copiesWhatSliceReads_data()
{
    QTest::addColumn<int>("flags");
    QTest::addColumn<int>("access");
    QTest::newRow("shared") << int(MAP_SHARED) << int(Access::Default);
    QTest::newRow("copy-on-write") << int(MAP_SHARED) << int(Access::Copy);
    QTest::newRow("read-only") << int(MAP_SHARED) << int(Access::Read);
}

// Random ranges of a map some of whose pages were written through it (its own copies,
// on a copy-on-write map, which the file does not have), the rest out of memory or
// mapped: both pagings give the bytes a reference copy holds.
void TestQuietReader::copiesWhatSliceReads()
{
    QFETCH(int, flags);
    QFETCH(int, access);
    const bool shared = Access(access) != Access::Copy;
    for (const quint64 seed : generatedSeeds("HEXMAP_QUIET_SEED", 1, 20)) {
        QRandomGenerator random(seed);
        const qint64 size = kPage * random.bounded(1, 40) + random.bounded(int(kPage));
        QByteArray reference = randomBytes(random, size);
        ScratchFile file(reference);
        MemoryMap map(file.fd(), 0, {.flags = flags, .access = Access(access)});
        if (Access(access) != Access::Read) {
            for (int k = random.bounded(6); k > 0; --k) {
                const qint64 at = random.bounded(size);
                const auto byte = std::uint8_t(random.bounded(256));
                map.setAt(at, byte);
                reference[at] = char(byte);
            }
        }
        QCOMPARE(fdatasync(file.fd()), 0);
        for (int round = 0; round < 30; ++round) {
            // A shared map loses nothing when its pages are dropped: out of memory again.
            if (shared && random.bounded(2)) {
                map.madvise(MADV_DONTNEED);
                QCOMPARE(posix_fadvise(file.fd(), 0, 0, POSIX_FADV_DONTNEED), 0);
            }
            const qint64 start = random.bounded(size + 1);
            const qint64 count = random.bounded(size - start + 1);
            const auto expected = QByteArrayView(reference).sliced(start, count);
            for (const auto paging : {MemoryMap::Paging::Quietly, MemoryMap::Paging::FaultIn}) {
                const Bytes bytes = copied(map, start, count, paging);
                QVERIFY2(QByteArrayView(bytes.data(), qsizetype(bytes.size())) == expected,
                    qPrintable(
                        QStringLiteral("seed %1: [%2, +%3)").arg(seed).arg(start).arg(count)));
            }
        }
    }
}

// A sample of one page at each of 64 places of a 64 MiB file out of the page cache:
// Quietly brings in those pages, not the read-ahead around each that a fault brings.
void TestQuietReader::quietlyReadsOnlyThePagesAskedFor()
{
    const qint64 pages = 16384;
    QRandomGenerator random(7);
    ScratchFile file(randomBytes(random, pages * kPage));
    const MemoryMap map(file.fd(), 0);
    const QByteArray contents = file.contents();
    QCOMPARE(fdatasync(file.fd()), 0);
    QCOMPARE(posix_fadvise(file.fd(), 0, 0, POSIX_FADV_DONTNEED), 0);
    const qint64 before = residentPages(map);
    if (before > 64)
        QSKIP("this file system keeps the file in memory (tmpfs): nothing to evict");
    const int samples = 64;
    for (int k = 0; k < samples; ++k) {
        const qint64 start = pages / samples * k * kPage + 100; // two pages each
        const Bytes sample = copied(map, start, kPage, MemoryMap::Paging::Quietly);
        QVERIFY(std::equal(sample.begin(), sample.end(),
            reinterpret_cast<const std::uint8_t *>(contents.constData()) + start));
    }
    const qint64 after = residentPages(map);
    QVERIFY2(after <= before + 2 * samples, qPrintable(QStringLiteral("%1 pages in").arg(after)));
}

void TestQuietReader::bytesPastATruncatedEndRaiseAsSliceDoes()
{
    ScratchFile file(QByteArray(8 * kPage, 'q'));
    const MemoryMap map(file.fd(), 0);
    file.truncateFromOutside(3 * kPage);
    Bytes into(kPage);
    for (const auto paging : {MemoryMap::Paging::Quietly, MemoryMap::Paging::FaultIn}) {
        map.copyTo(2 * kPage, kPage, into.data(), paging);
        QCOMPARE(into.front(), std::uint8_t('q'));
        QVERIFY_THROWS_EXCEPTION(OSError, map.copyTo(5 * kPage, 10, into.data(), paging));
        QVERIFY_THROWS_EXCEPTION(OSError, map.copyTo(3 * kPage - 5, 10, into.data(), paging));
    }
}

void TestQuietReader::aRangeOutsideTheMapIsRefused()
{
    ScratchFile file(QByteArray(100, 'r'));
    const MemoryMap map(file.fd(), 0);
    Bytes into(200);
    QVERIFY_THROWS_EXCEPTION(IndexError, map.copyTo(-1, 2, into.data()));
    QVERIFY_THROWS_EXCEPTION(IndexError, map.copyTo(50, 51, into.data()));
    QVERIFY_THROWS_EXCEPTION(IndexError, map.copyTo(101, 0, into.data()));
    map.copyTo(100, 0, nullptr);
}

QTEST_GUILESS_MAIN(TestQuietReader)
#include "tst_quietreader.moc"
