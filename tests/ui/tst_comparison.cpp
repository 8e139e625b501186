// Comparison, the compare view's logic, without a widget: next and previous difference
// from every offset of either side, over generated pairs of real files (random lengths,
// starts and runs of differences), against a reference that lists the runs of differing
// bytes and the tail only in the longer side as one more run. A file truncated
// underneath makes next difference fail with the reason, never say "none"; the status
// of a byte only in one side says so.
//
// A failing generated case names its seed; HEXMAP_COMPARISON_SEED=N replays that one alone.
#include "comparison.h"
#include "opendocument.h"
#include "scratchfile.h"
#include "seeds.h"

#include <QSignalSpy>
#include <QtTest>

#include <random>

using namespace hexmap;
using Side = Comparison::Side;

namespace {

struct Run
{
    qint64 start;
    qint64 end;
};

// The runs of i (from the starts) where the bytes differ, then the tail.
std::vector<Run> referenceRuns(
    const QByteArray &a, qint64 startA, const QByteArray &b, qint64 startB)
{
    const qint64 lengthA = std::max<qint64>(0, a.size() - startA);
    const qint64 lengthB = std::max<qint64>(0, b.size() - startB);
    const qint64 common = std::min(lengthA, lengthB);
    std::vector<Run> runs;
    for (qint64 i = 0; i < common; ++i) {
        if (a[startA + i] == b[startB + i])
            continue;
        if (!runs.empty() && runs.back().end == i)
            ++runs.back().end;
        else
            runs.push_back({i, i + 1});
    }
    if (std::max(lengthA, lengthB) > common)
        runs.push_back({common, std::max(lengthA, lengthB)});
    return runs;
}

const Run *runAt(const std::vector<Run> &runs, qint64 i)
{
    const auto found
        = std::ranges::find_if(runs, [i](const Run &run) { return run.start <= i && i < run.end; });
    return found == runs.end() ? nullptr : &*found;
}

// The start of the run after the one holding i (or of the first at or after i), or -1.
qint64 referenceNext(const std::vector<Run> &runs, qint64 i)
{
    const Run *current = runAt(runs, i);
    const qint64 from = current ? current->end : i;
    for (const Run &run : runs) {
        if (run.start >= from)
            return run.start;
    }
    return -1;
}

// The start of the run before the one holding i (or of the last before i), or -1.
qint64 referencePrevious(const std::vector<Run> &runs, qint64 i)
{
    const Run *current = runAt(runs, i);
    const qint64 before = current ? current->start : i;
    qint64 found = -1;
    for (const Run &run : runs) {
        if (run.end <= before)
            found = run.start;
    }
    return found;
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private slots:
    void nextAndPreviousAsTheReference()
    {
        for (const quint64 seed : generatedSeeds("HEXMAP_COMPARISON_SEED", 1, 60)) {
            std::mt19937_64 random(seed);
            QByteArray a(qsizetype(1 + random() % 300), '\0');
            for (char &c : a)
                c = char(random() % 4); // few values: equal bytes are common
            QByteArray b = a.mid(qsizetype(random() % 8));
            b += QByteArray(qsizetype(random() % 40), 'x');
            for (int k = int(random() % 12); k > 0 && !b.isEmpty(); --k)
                b[qsizetype(random() % quint64(b.size()))] = char(random() % 4);
            const qint64 startA = qint64(random() % 10);
            const qint64 startB = qint64(random() % 10);
            ScratchFile fileA(a);
            ScratchFile fileB(b);
            const auto documentA = openDocument(fileA.path());
            const auto documentB = openDocument(fileB.path());
            QVERIFY(documentA && documentB);
            Comparison comparison(documentA.get(), documentB.get(), startA, startB);
            const std::vector<Run> runs = referenceRuns(a, startA, b, startB);
            for (const Side side : {Side::A, Side::B}) {
                const qint64 size = side == Side::A ? a.size() : b.size();
                for (qint64 offset = 0; offset < size; ++offset) {
                    const qint64 i = offset - comparison.start(side);
                    const auto inSide = [&](qint64 found) {
                        return found < 0 ? -1 : found + comparison.start(side);
                    };
                    const QString where = QStringLiteral("seed %1, side %2, offset %3")
                                              .arg(seed)
                                              .arg(side == Side::A ? "A" : "B")
                                              .arg(offset);
                    QVERIFY2(comparison.nextDifference(side, offset)
                            == std::optional(inSide(referenceNext(runs, i))),
                        qPrintable(where));
                    QVERIFY2(comparison.previousDifference(side, offset)
                            == std::optional(inSide(referencePrevious(runs, i))),
                        qPrintable(where));
                }
            }
        }
    }

    void truncatedFileFailsWithTheReason()
    {
        // Equal up to the last byte: the search must read B's pages that the truncation
        // takes away.
        ScratchFile fileA(QByteArray(3 * 4096 - 1, 'a') + 'b');
        ScratchFile fileB(QByteArray(3 * 4096, 'a'));
        const auto documentA = openDocument(fileA.path());
        const auto documentB = openDocument(fileB.path());
        Comparison comparison(documentA.get(), documentB.get());
        QSignalSpy failed(&comparison, &Comparison::failed);
        fileB.truncateFromOutside(4096);
        QCOMPARE(comparison.nextDifference(Side::A, 0), std::nullopt);
        QCOMPARE(failed.size(), 1);
        QVERIFY2(failed[0][0].toString().startsWith("Cannot compare: "),
            qPrintable(failed[0][0].toString()));
    }

    void statusSaysWhatIsOnlyInOneSide()
    {
        ScratchFile fileA("abc");
        ScratchFile fileB("abcd");
        const auto documentA = openDocument(fileA.path());
        const auto documentB = openDocument(fileB.path());
        const Comparison comparison(documentA.get(), documentB.get(), 0, 1);
        QCOMPARE(comparison.describe(Side::A, 0), "A 0x0: 61 · B 0x1: 62 (differ)");
        QCOMPARE(comparison.describe(Side::B, 3), "B 0x3: 64 · A 0x2: 63 (differ)");
        QCOMPARE(comparison.describe(Side::B, 0), "B 0x0: 61 · A —: none (only in B)");
    }
};

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
