// RangeSet against a plain set of offsets, under random adds and truncations.
#include "rangeset.h"

#include <QtTest>

#include <random>
#include <set>

using namespace hexmap;

class TestRangeSet : public QObject
{
    Q_OBJECT

private slots:
    void mergesTouchingRanges();
    void randomAgainstAPlainSet();
};

void TestRangeSet::mergesTouchingRanges()
{
    RangeSet set;
    set.add(10, 20);
    set.add(30, 40);
    set.add(20, 25); // touches the first
    set.add(5, 5); // empty
    QCOMPARE(set.ranges(), (std::vector<RangeSet::Range> {{10, 25}, {30, 40}}));
    set.add(0, 100);
    QCOMPARE(set.ranges(), (std::vector<RangeSet::Range> {{0, 100}}));
    QCOMPARE(set.bytes(), 100);
    set.truncate(50);
    QCOMPARE(set.ranges(), (std::vector<RangeSet::Range> {{0, 50}}));
    QCOMPARE(set.intersecting(40, 60), (std::vector<RangeSet::Range> {{40, 50}}));
    QVERIFY(!set.intersects(50, 60));
    set.remove(10, 20);
    QCOMPARE(set.ranges(), (std::vector<RangeSet::Range> {{0, 10}, {20, 50}}));
}

void TestRangeSet::randomAgainstAPlainSet()
{
    std::mt19937 random(3);
    RangeSet set;
    std::set<std::int64_t> plain;
    for (int round = 0; round < 3000; ++round) {
        const std::int64_t a = random() % 500;
        const std::int64_t b = a + random() % 30;
        if (round % 97 == 0) {
            set.truncate(a);
            plain.erase(plain.lower_bound(a), plain.end());
        } else if (round % 3 == 0) {
            set.remove(a, b);
            plain.erase(plain.lower_bound(a), plain.lower_bound(b));
        } else {
            set.add(a, b);
            for (std::int64_t i = a; i < b; ++i)
                plain.insert(i);
        }
        // Same offsets, and ranges disjoint and not touching.
        std::set<std::int64_t> fromSet;
        std::int64_t previousEnd = -1;
        for (const auto &range : set.ranges()) {
            QVERIFY(range.start > previousEnd);
            previousEnd = range.end;
            for (std::int64_t i = range.start; i < range.end; ++i)
                fromSet.insert(i);
        }
        QCOMPARE(fromSet, plain);
        QCOMPARE(set.bytes(), std::int64_t(plain.size()));
        const std::int64_t lo = random() % 500;
        const std::int64_t hi = lo + random() % 50;
        std::int64_t inside = 0;
        for (const auto &range : set.intersecting(lo, hi))
            inside += range.end - range.start;
        QCOMPARE(inside, std::int64_t(std::distance(plain.lower_bound(lo), plain.lower_bound(hi))));
    }
}

QTEST_GUILESS_MAIN(TestRangeSet)
#include "tst_rangeset.moc"
