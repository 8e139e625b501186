// The comparison kernels (bytecompare.h), every kernel this CPU runs, against a byte-by-byte
// reference over generated pairs: random lengths (around the vector widths and longer),
// differences sparse to dense, every start and end offset, both seeks, and the tally of
// differing bytes and ranges with either carry; each also on copies that end at, and
// start right after, a page no one may read (a kernel reading a byte too far faults).
//
// A failing generated case names its seed; HEXMAP_COMPARE_SEED=N replays that one alone.
#include "bytecompare.h"
#include "guardedarena.h"
#include "seeds.h"

#include <QtTest>

#include <cstring>
#include <random>
#include <vector>

using namespace hexmap;

namespace {

using Random = std::mt19937_64;
using Buffer = std::vector<std::uint8_t>;

std::int64_t referenceNext(
    const Buffer &a, const Buffer &b, std::size_t from, std::size_t to, compare::Seek seek)
{
    for (std::size_t i = from; i < to; ++i)
        if ((a[i] == b[i]) == (seek == compare::Seek::Equal))
            return std::int64_t(i - from);
    return -1;
}

std::int64_t referencePrevious(
    const Buffer &a, const Buffer &b, std::size_t from, std::size_t to, compare::Seek seek)
{
    for (std::size_t i = to; i > from; --i)
        if ((a[i - 1] == b[i - 1]) == (seek == compare::Seek::Equal))
            return std::int64_t(i - 1 - from);
    return -1;
}

compare::Tally referenceCount(
    const Buffer &a, const Buffer &b, std::size_t from, std::size_t to, bool carry)
{
    compare::Tally tally;
    for (std::size_t i = from; i < to; ++i) {
        const bool differs = a[i] != b[i];
        tally.bytes += differs;
        tally.ranges += differs && !carry;
        carry = differs;
    }
    return tally;
}

} // namespace

class TestByteCompare : public QObject
{
    Q_OBJECT

private slots:
    void generated_data()
    {
        QTest::addColumn<quint64>("seed");
        for (const quint64 seed : generatedSeeds("HEXMAP_COMPARE_SEED", 1, 300))
            QTest::addRow("seed %llu", seed) << seed;
    }

    void generated()
    {
        QFETCH(quint64, seed);
        Random random(seed);
        const std::size_t n = random() % 4 ? random() % 300 : random() % 5000;
        Buffer a(n);
        for (auto &byte : a)
            byte = std::uint8_t(random());
        Buffer b = a;
        // One in `spacing` bytes differs: none, a few, or most.
        const std::uint64_t spacings[] = {0, 1, 2, 7, 64, 1000};
        const std::uint64_t spacing = spacings[random() % std::size(spacings)];
        for (std::size_t i = 0; spacing && i < n; ++i)
            if (random() % spacing == 0)
                b[i] = std::uint8_t(a[i] + 1 + random() % 255);
        const std::size_t pages = n / 4096 + 1;
        const GuardedArena arenaA(pages);
        const GuardedArena arenaB(pages);
        for (const compare::Kernel kernel : search::availableKernels()) {
            for (int trial = 0; trial < 40; ++trial) {
                const std::size_t from = n ? random() % (n + 1) : 0;
                const std::size_t to = from + (n > from ? random() % (n - from + 1) : 0);
                const std::size_t length = to - from;
                const bool carry = random() % 2;
                // In place, then copies against each guard page.
                const std::pair<std::uint8_t *, std::uint8_t *> placements[] = {
                    {a.data() + from, b.data() + from},
                    {arenaA.endingAtGuard(length), arenaB.endingAtGuard(length)},
                    {arenaA.startingAtGuard(), arenaB.startingAtGuard()},
                };
                for (const auto &[x, y] : placements) {
                    if (length > 0) { // an empty vector's data() may be null
                        std::memmove(x, a.data() + from, length);
                        std::memmove(y, b.data() + from, length);
                    }
                    for (const compare::Seek seek :
                        {compare::Seek::Difference, compare::Seek::Equal}) {
                        QCOMPARE(compare::next(x, y, length, seek, kernel),
                            referenceNext(a, b, from, to, seek));
                        QCOMPARE(compare::previous(x, y, length, seek, kernel),
                            referencePrevious(a, b, from, to, seek));
                    }
                    const compare::Tally tally = compare::count(x, y, length, carry, kernel);
                    const compare::Tally expected = referenceCount(a, b, from, to, carry);
                    QCOMPARE(tally.bytes, expected.bytes);
                    QCOMPARE(tally.ranges, expected.ranges);
                }
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestByteCompare)
#include "tst_bytecompare.moc"
