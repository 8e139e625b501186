// listDifferences, the compare job's body, against a byte-by-byte reference over generated
// pairs of real sparse files (identical holes and data, then random runs of differences,
// some across the job's 16 MiB windows, a random length for B and random starts), with a
// small random limit on the list: the listed ranges are the reference's first ones, the
// counts of bytes and ranges are exact past the limit, and the tails are "only in" one
// side. A file truncated underneath ends the job with an error.
//
// A failing generated case names its seed; HEXMAP_COMPAREJOB_SEED=N replays that one alone.
#include "comparejob.h"
#include "seeds.h"
#include "sparsefile.h"

#include <QSignalSpy>
#include <QtTest>

using namespace hexmap;

namespace {

struct Run
{
    CompareResult result;
    QString error;
};

Run compareMaps(
    const MemoryMap *a, qint64 aStart, const MemoryMap *b, qint64 bStart, qsizetype limit)
{
    Job<CompareResult> job;
    QSignalSpy finished(&job, &JobRunner::finished);
    job.start([&](JobControl &control, CompareResult &result) {
        listDifferences(a, aStart, b, bStart, limit, control, result);
    });
    if (!finished.wait(120000))
        qFatal("the compare job did not finish");
    return {job.result(), job.error()};
}

} // namespace

class TestCompareJob : public QObject
{
    Q_OBJECT

private slots:
    void listsAsTheReference_data()
    {
        QTest::addColumn<quint64>("seed");
        for (const quint64 seed : generatedSeeds("HEXMAP_COMPAREJOB_SEED", 1, 16))
            QTest::addRow("seed %llu", seed) << seed;
    }

    void listsAsTheReference()
    {
        QFETCH(quint64, seed);
        QRandomGenerator random(seed);
        const qint64 size = random.bounded(128 << 10, 40 << 20);
        const int extents = random.bounded(0, 6);
        QRandomGenerator same = random;
        SparseFile a(random, size, extents);
        SparseFile b(same, size, extents);
        QCOMPARE(b.contents, a.contents);
        const qint64 bSize = std::max<qint64>(1, size + random.bounded(-8192, 8192));
        b.file.truncate(bSize);
        b.contents.resize(bSize, '\0');
        const qint64 windowEdge = qint64(16) << 20;
        for (int k = random.bounded(0, 40); k > 0; --k) {
            const qint64 at = random.bounded(3) == 0 && bSize > windowEdge + 64
                ? windowEdge - random.bounded(0, 64)
                : random.bounded(bSize);
            QByteArray bytes(std::min<qint64>(random.bounded(1, 300), bSize - at), '\0');
            for (qsizetype i = 0; i < bytes.size(); ++i)
                bytes[i] = char(b.contents[at + i] ^ char(random.bounded(1, 256)));
            b.file.writeFromOutside(at, bytes);
            b.contents.replace(at, bytes.size(), bytes);
        }
        const qint64 aStart = random.bounded(2) ? 0 : random.bounded(size);
        const qint64 bStart = random.bounded(2) ? aStart : random.bounded(bSize);
        const qsizetype limit = random.bounded(0, 6);
        const MemoryMap mapA(a.file.fd(), 0, {.access = Access::Read});
        const MemoryMap mapB(b.file.fd(), 0, {.access = Access::Read});
        const Run run = compareMaps(&mapA, aStart, &mapB, bStart, limit);
        QCOMPARE(run.error, QString());

        // The reference.
        const qint64 common = std::min(size - aStart, bSize - bStart);
        QList<DifferenceRange> ranges;
        qint64 bytes = 0;
        for (qint64 i = 0; i < common; ++i) {
            if (a.contents[aStart + i] == b.contents[bStart + i])
                continue;
            ++bytes;
            if (!ranges.isEmpty() && ranges.last().offset + ranges.last().length == i)
                ++ranges.last().length;
            else
                ranges.append({i, 1});
        }
        const CompareResult &result = run.result;
        QCOMPARE(result.commonLength, common);
        QCOMPARE(result.compared, common);
        QCOMPARE(result.onlyInFirst, size - aStart - common);
        QCOMPARE(result.onlyInSecond, bSize - bStart - common);
        QCOMPARE(result.differingBytes, bytes);
        QCOMPARE(result.rangeCount, ranges.size());
        QCOMPARE(result.ranges, ranges.mid(0, limit));
        QCOMPARE(result.listTruncated(), ranges.size() > limit);
        QCOMPARE(
            result.summary().contains(QStringLiteral("Listed the first")), ranges.size() > limit);
    }

    void aTruncatedFileIsAnError()
    {
        ScratchFile a(QByteArray(8 << 20, 'x'));
        ScratchFile b(QByteArray(8 << 20, 'x'));
        const MemoryMap mapA(a.fd(), 0, {.access = Access::Read});
        const MemoryMap mapB(b.fd(), 0, {.access = Access::Read});
        b.truncateFromOutside(1 << 20);
        const Run run = compareMaps(&mapA, 0, &mapB, 0, 10);
        QVERIFY2(run.error.contains(QStringLiteral("truncated")), qPrintable(run.error));
        QVERIFY(run.result.compared < run.result.commonLength);
    }
};

QTEST_GUILESS_MAIN(TestCompareJob)
#include "tst_comparejob.moc"
