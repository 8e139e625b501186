#include "bytehistogram.h"

#include <QtTest>

#include <cmath>
#include <vector>

using namespace hexmap;

class TestByteHistogram : public QObject
{
    Q_OBJECT

private slots:
    void empty();
    void counts();
    void entropyOfKnownDistributions();
    void addingHistograms();
};

void TestByteHistogram::empty()
{
    const ByteHistogram histogram;
    QCOMPARE(histogram.total(), 0u);
    QCOMPARE(histogram.entropy(), 0.0);
    QCOMPARE(histogram.maxCount(), 0u);
}

void TestByteHistogram::counts()
{
    std::vector<std::uint8_t> bytes;
    for (int i = 0; i < 1001; ++i)
        bytes.push_back(std::uint8_t(i % 3 == 0 ? 0xAB : i));
    ByteHistogram histogram;
    histogram.add(bytes);
    std::array<std::uint64_t, 256> expected {};
    for (const std::uint8_t byte : bytes)
        ++expected[byte];
    for (int v = 0; v < 256; ++v)
        QCOMPARE(histogram.count(std::uint8_t(v)), expected[v]);
    QCOMPARE(histogram.total(), 1001u);
}

void TestByteHistogram::entropyOfKnownDistributions()
{
    ByteHistogram one;
    one.add(std::vector<std::uint8_t>(4096, 7));
    QCOMPARE(one.entropy(), 0.0);

    std::vector<std::uint8_t> all;
    for (int round = 0; round < 16; ++round) {
        for (int v = 0; v < 256; ++v)
            all.push_back(std::uint8_t(v));
    }
    ByteHistogram uniform;
    uniform.add(all);
    QVERIFY(std::abs(uniform.entropy() - 8.0) < 1e-9);

    ByteHistogram two;
    two.add(std::vector<std::uint8_t> {0, 1, 0, 1, 0, 1, 0, 1});
    QVERIFY(std::abs(two.entropy() - 1.0) < 1e-9);
}

void TestByteHistogram::addingHistograms()
{
    ByteHistogram a;
    a.add(std::vector<std::uint8_t> {1, 2, 3});
    ByteHistogram b;
    b.add(std::vector<std::uint8_t> {3, 3});
    a.add(b);
    QCOMPARE(a.count(3), 3u);
    QCOMPARE(a.total(), 5u);
    QCOMPARE(a.maxCount(), 3u);
}

QTEST_GUILESS_MAIN(TestByteHistogram)
#include "tst_bytehistogram.moc"
