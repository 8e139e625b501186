// ChunkedSearch gives exactly MemoryMap::find / rfind's answer, a window at a time,
// with progress that only grows.
#include "chunkedsearch.h"
#include "scratchfile.h"

#include <QtTest>

#include <random>

using namespace hexmap;

class TestChunkedSearch : public QObject
{
    Q_OBJECT

private slots:
    void equalsOneCall_data();
    void equalsOneCall();
    void progressGrowsToTotal();
    void clampsTheRange();
    void maskedWindowsEqualOneCall();
};

void TestChunkedSearch::equalsOneCall_data()
{
    QTest::addColumn<bool>("forward");
    QTest::newRow("find") << true;
    QTest::newRow("rfind") << false;
}

void TestChunkedSearch::equalsOneCall()
{
    QFETCH(bool, forward);
    std::mt19937_64 random(7);
    const qint64 length = 5000;
    MemoryMap map(-1, length);
    Bytes bytes(length);
    for (auto &b : bytes)
        b = "abc"[random() % 3];
    map.write(bytes);

    for (int round = 0; round < 3000; ++round) {
        Bytes needle(random() % 7);
        for (auto &b : needle)
            b = "abc"[random() % 3];
        const qint64 start = qint64(random() % (length + 1));
        const qint64 end = start + qint64(random() % (length + 1 - start));
        const qint64 window = 1 + qint64(random() % 300);
        const auto direction
            = forward ? ChunkedSearch::Direction::Forward : ChunkedSearch::Direction::Backward;
        const qint64 expected
            = forward ? map.find(needle, start, end) : map.rfind(needle, start, end);

        ChunkedSearch search(map, {needle, {}}, start, end, direction, window);
        int steps = 0;
        while (!search.step())
            ++steps;
        QVERIFY(steps <= (end - start) / window + 1);
        if (search.result() != expected)
            qWarning("round %d: start %lld end %lld window %lld", round, start, end, window);
        QCOMPARE(search.result(), expected);
    }
}

void TestChunkedSearch::progressGrowsToTotal()
{
    MemoryMap map(-1, 100000);
    map.write(Bytes(100000, 'a')); // data, not a hole of the memfd: every window is read
    ChunkedSearch search(
        map, {Bytes {'x'}, {}}, 0, 100000, ChunkedSearch::Direction::Backward, 1000);
    QCOMPARE(search.total(), 100000);
    qint64 last = search.scanned();
    QCOMPARE(last, 0);
    int steps = 0;
    while (!search.step()) {
        QVERIFY(search.scanned() > last);
        QVERIFY(search.scanned() < search.total());
        last = search.scanned();
        ++steps;
    }
    QCOMPARE(steps, 99);
    QCOMPARE(search.scanned(), search.total());
    QCOMPARE(search.result(), -1);
}

void TestChunkedSearch::clampsTheRange()
{
    MemoryMap map(-1, 10);
    map.write(bytesOf("0123456789"));
    ChunkedSearch search(map, {Bytes {'9'}, {}}, -5, 1000, ChunkedSearch::Direction::Forward, 3);
    QCOMPARE(search.total(), 10);
    while (!search.step()) { }
    QCOMPARE(search.result(), 9);
    ChunkedSearch empty(map, {Bytes {'1', '2'}, {}}, 8, 2, ChunkedSearch::Direction::Forward);
    QVERIFY(empty.finished());
    QCOMPARE(empty.result(), -1);
}

void TestChunkedSearch::maskedWindowsEqualOneCall()
{
    std::mt19937_64 random(11);
    MemoryMap map(-1, 3000);
    Bytes bytes(3000);
    for (auto &b : bytes)
        b = "aAbB"[random() % 4];
    map.write(bytes);
    for (int round = 0; round < 1000; ++round) {
        BytePattern pattern;
        for (std::size_t k = 0, m = 1 + random() % 5; k < m; ++k) {
            pattern.bytes.push_back("ab"[random() % 2]);
            pattern.mask.push_back(random() % 3 == 0 ? 0x00 : 0xdf); // wildcard or either case
        }
        const bool forward = random() % 2;
        const qint64 start = qint64(random() % 3000);
        const qint64 end = start + qint64(random() % (3001 - start));
        const qint64 expected
            = map.findPattern({pattern.bytes, pattern.mask}, start, end, !forward);
        ChunkedSearch search(map, pattern, start, end,
            forward ? ChunkedSearch::Direction::Forward : ChunkedSearch::Direction::Backward,
            1 + qint64(random() % 100));
        while (!search.step()) { }
        QCOMPARE(search.result(), expected);
    }
}

QTEST_GUILESS_MAIN(TestChunkedSearch)
#include "tst_chunkedsearch.moc"
