// MapPair (two maps compared with a shift) against a byte-by-byte reference over generated
// real sparse files, on the temporary folder's file system and on tmpfs: random lengths,
// random data extents in holes, random differences (in data and in holes), random shifts,
// next/previous of both seeks from random offsets, bounded seeks resumed to the end, and
// counts of differing bytes and ranges. Directed tests check that holes on both sides are
// not read and that a file truncated underneath raises OSError instead of crashing.
//
// A failing generated case names its seed; HEXMAP_MAPPAIR_SEED=N replays that one alone.
#include "errors.h"
#include "mappair.h"
#include "residentpages.h"
#include "scratchfile.h"
#include "seeds.h"

#include <QtTest>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <random>

using namespace hexmap;

namespace {

using Random = std::mt19937_64;

std::int64_t pick(Random &random, std::int64_t low, std::int64_t high)
{
    return std::uniform_int_distribution<std::int64_t>(low, high)(random);
}

QList<QString> testFolders()
{
    QList<QString> folders {QDir::tempPath()};
    if (QFileInfo(QStringLiteral("/dev/shm")).isWritable())
        folders << QStringLiteral("/dev/shm");
    return folders;
}

// A sparse file at path with contents' bytes: holes where contents is zero in whole
// 64 KiB blocks, written elsewhere.
int writeSparse(const QString &path, const Bytes &contents)
{
    const int fd
        = ::open(path.toLocal8Bit().constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || ftruncate(fd, off_t(contents.size())) != 0)
        qFatal("cannot make %s", qPrintable(path));
    const std::size_t block = 64 << 10;
    for (std::size_t at = 0; at < contents.size(); at += block) {
        const std::size_t n = std::min(block, contents.size() - at);
        if (std::any_of(contents.begin() + at, contents.begin() + at + n,
                [](std::uint8_t byte) { return byte != 0; })
            && pwrite(fd, contents.data() + at, n, off_t(at)) != ssize_t(n))
            qFatal("pwrite failed");
    }
    return fd;
}

struct Reference
{
    const Bytes &a;
    std::int64_t aStart;
    const Bytes &b;
    std::int64_t bStart;

    [[nodiscard]] std::int64_t length() const
    {
        return std::max<std::int64_t>(
            0, std::min(std::int64_t(a.size()) - aStart, std::int64_t(b.size()) - bStart));
    }
    [[nodiscard]] bool sought(std::int64_t i, compare::Seek seek) const
    {
        return (a[aStart + i] == b[bStart + i]) == (seek == compare::Seek::Equal);
    }
    [[nodiscard]] std::int64_t next(std::int64_t from, compare::Seek seek) const
    {
        for (std::int64_t i = std::max<std::int64_t>(from, 0); i < length(); ++i)
            if (sought(i, seek))
                return i;
        return -1;
    }
    [[nodiscard]] std::int64_t previous(std::int64_t before, compare::Seek seek) const
    {
        for (std::int64_t i = std::min(before, length()) - 1; i >= 0; --i)
            if (sought(i, seek))
                return i;
        return -1;
    }
};

} // namespace

class TestMapPair : public QObject
{
    Q_OBJECT

private slots:
    void generated_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<quint64>("seed");
        for (const QString &folder : testFolders())
            for (const quint64 seed : generatedSeeds("HEXMAP_MAPPAIR_SEED", 1, 40))
                QTest::addRow("%s seed %llu", qPrintable(folder), seed) << folder << seed;
    }

    void generated()
    {
        QFETCH(QString, folder);
        QFETCH(quint64, seed);
        Random random(seed);
        // A: zeros with a few data extents; B: A with differences, longer or shorter.
        Bytes a(std::size_t(pick(random, 1, 3 << 20)), 0);
        for (int extents = int(pick(random, 0, 4)); extents > 0; --extents) {
            const std::int64_t length = pick(random, 1, 200 << 10);
            const std::int64_t at = pick(random, 0, std::int64_t(a.size()) - 1);
            for (std::int64_t i = at; i < std::min<std::int64_t>(at + length, a.size()); ++i)
                a[i] = std::uint8_t(random());
        }
        const std::int64_t aStart = random() % 2 ? 0 : pick(random, 0, std::int64_t(a.size()));
        const std::int64_t bStart = random() % 2 ? aStart : pick(random, 0, 64 << 10);
        Bytes b(std::size_t(std::max<std::int64_t>(
                    0, bStart + std::int64_t(a.size()) - aStart + pick(random, -4096, 4096))),
            0);
        for (std::int64_t i = 0; i + bStart < std::int64_t(b.size()); ++i)
            if (aStart + i < std::int64_t(a.size()))
                b[bStart + i] = a[aStart + i];
        for (int differences = int(pick(random, 0, 20)); differences > 0 && !b.empty();
             --differences) {
            const std::int64_t at = pick(random, 0, std::int64_t(b.size()) - 1);
            for (std::int64_t i = at;
                 i < std::min<std::int64_t>(at + pick(random, 1, 100), b.size()); ++i)
                b[i] = std::uint8_t(b[i] + 1 + random() % 255);
        }
        if (b.empty())
            b.push_back(1); // a map cannot be empty
        QTemporaryDir dir(folder + "/hexmap-XXXXXX");
        const int fdA = writeSparse(dir.filePath("a"), a);
        const int fdB = writeSparse(dir.filePath("b"), b);
        {
            const MemoryMap mapA(fdA, 0, {.access = Access::Read});
            const MemoryMap mapB(fdB, 0, {.access = random() % 2 ? Access::Read : Access::Copy});
            const MapPair pair(mapA, aStart, mapB, bStart);
            const Reference reference {a, aStart, b, bStart};
            QCOMPARE(pair.length(), reference.length());
            const std::int64_t length = reference.length();
            for (int trial = 0; trial < 20; ++trial) {
                const std::int64_t at = pick(random, 0, length);
                for (const compare::Seek seek : {compare::Seek::Difference, compare::Seek::Equal}) {
                    QCOMPARE(pair.next(at, seek), reference.next(at, seek));
                    QCOMPARE(pair.previous(at, seek), reference.previous(at, seek));
                }
                // Bounded seeks, resumed, find what one unbounded seek finds.
                const std::int64_t low = pick(random, 0, at);
                const bool backward = random() % 2;
                const std::int64_t budget = pick(random, 1, 1 << 20);
                std::int64_t from = backward ? at : low;
                std::int64_t found = -1;
                while (found < 0 && (backward ? from > low : from < at)) {
                    const PairStep step = backward ? pair.seek(low, from, true, budget)
                                                   : pair.seek(from, at, false, budget);
                    found = step.found;
                    from = step.next;
                }
                const std::int64_t expected = backward
                    ? reference.previous(at, compare::Seek::Difference)
                    : reference.next(low, compare::Seek::Difference);
                QCOMPARE(found, expected >= low && expected < at ? expected : -1);
                // Counts.
                const bool carry = random() % 2;
                const compare::Tally tally = pair.count(low, at, carry);
                compare::Tally counted;
                bool before = carry;
                for (std::int64_t i = low; i < at; ++i) {
                    const bool differs = reference.sought(i, compare::Seek::Difference);
                    counted.bytes += differs;
                    counted.ranges += differs && !before;
                    before = differs;
                }
                QCOMPARE(tally.bytes, counted.bytes);
                QCOMPARE(tally.ranges, counted.ranges);
            }
        }
        ::close(fdA);
        ::close(fdB);
    }

    // Two 256 MiB holes that differ in their last byte: found without reading the holes
    // (their pages stay out of the page cache).
    void holesOnBothSidesAreNotRead()
    {
        for (const QString &folder : testFolders()) {
            QTemporaryDir dir(folder + "/hexmap-XXXXXX");
            const std::int64_t size = std::int64_t(256) << 20;
            Bytes none;
            const int fdA = writeSparse(dir.filePath("a"), none);
            const int fdB = writeSparse(dir.filePath("b"), none);
            QCOMPARE(ftruncate(fdA, size), 0);
            QCOMPARE(ftruncate(fdB, size), 0);
            const std::uint8_t one = 1;
            QCOMPARE(pwrite(fdB, &one, 1, size - 1), 1);
            MemoryMap mapA(fdA, 0, {.access = Access::Read});
            const MemoryMap mapB(fdB, 0, {.access = Access::Read});
            std::vector<search::ByteRange> runs;
            (void)mapA.knownZeros(0, size, runs);
            ::close(fdA);
            ::close(fdB);
            if (runs.empty()) {
                qInfo("%s does not report holes: not checked there", qPrintable(folder));
                continue;
            }
            // Without read-around: reading A's last page (B has data there) would bring up to
            // read_ahead_kb of A's hole into the page cache around it.
            mapA.madvise(MADV_RANDOM);
            const MapPair pair(mapA, 0, mapB, 0);
            QCOMPARE(pair.next(0), size - 1);
            QCOMPARE(pair.previous(size), size - 1);
            QCOMPARE(pair.count(0, size, false).bytes, 1);
            QVERIFY2(residentPages(mapA) < 64, qPrintable(QString::number(residentPages(mapA))));
        }
    }

    // Bytes gone from either file raise OSError, before and after the shift.
    void aTruncatedFileRaises()
    {
        for (const bool truncateFirst : {true, false}) {
            const QByteArray content(4 << 20, 'x');
            ScratchFile first(content);
            ScratchFile second(content);
            const MemoryMap mapA(first.fd(), 0, {.access = Access::Read});
            const MemoryMap mapB(second.fd(), 0, {.access = Access::Read});
            const MapPair pair(mapA, 0, mapB, 4096);
            (truncateFirst ? first : second).truncateFromOutside(1 << 20);
            QCOMPARE(errorOf([&] { (void)pair.next(0); }).left(9), "OSError: ");
            QCOMPARE(errorOf([&] { (void)pair.previous(pair.length()); }).left(9), "OSError: ");
            QCOMPARE(
                errorOf([&] { (void)pair.count(0, pair.length(), false); }).left(9), "OSError: ");
        }
    }
};

QTEST_GUILESS_MAIN(TestMapPair)
#include "tst_mappair.moc"
