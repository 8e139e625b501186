// HexLayout and ScrollMapping: the view's arithmetic, without painting, including
// offsets near 2^36 (64 GiB files).
#include "hexlayout.h"

#include <QtTest>

using namespace hexmap;

namespace {
const CharMetrics kMetrics {10, 20};
const qint64 k64GiB = qint64(64) << 30;
} // namespace

class TestHexLayout : public QObject
{
    Q_OBJECT

private slots:
    void geometry();
    void lines_data();
    void lines();
    void hitTestRoundTrip_data();
    void hitTestRoundTrip();
    void hitTestClampsToTheData();
    void fittingBytesPerLine();
    void scrollMapping_data();
    void scrollMapping();
};

void TestHexLayout::geometry()
{
    const HexLayout layout(100, 16, kMetrics);
    QCOMPARE(layout.addressDigits(), 8);
    QCOMPARE(layout.addressX(), 5);
    QCOMPARE(layout.hexPaneX(), 5 + 10 * 10);
    QCOMPARE(layout.hexX(1), layout.hexPaneX() + 30);
    QCOMPARE(layout.hexX(8), layout.hexPaneX() + 25 * 10); // the group gap
    QCOMPARE(layout.textPaneX(), layout.hexX(15) + 20 + 20);
    QCOMPARE(layout.textX(3), layout.textPaneX() + 30);
    QCOMPARE(layout.totalWidth(), layout.textX(16) + 5);
    QCOMPARE(layout.lineY(7, 5), 20 + 2 * 20);
    QCOMPARE(layout.visibleLines(20 + 200), 10);
    QCOMPARE(layout.visibleLines(20 + 201), 11);
    QCOMPARE(HexLayout(k64GiB, 16, kMetrics).addressDigits(), 9);
    QCOMPARE(HexLayout(0, 16, kMetrics).lineCount(), 1);
}

void TestHexLayout::lines_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("bytesPerLine");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("line");
    QTest::addColumn<int>("column");
    QTest::addColumn<qint64>("lineCount");
    QTest::newRow("start") << 100LL << 16 << 0LL << 0LL << 0 << 7LL;
    QTest::newRow("last byte") << 100LL << 16 << 99LL << 6LL << 3 << 7LL;
    QTest::newRow("2^36 - 1, 16") << k64GiB << 16 << k64GiB - 1 << (k64GiB / 16 - 1) << 15
                                  << k64GiB / 16;
    QTest::newRow("2^36 - 1, 24") << k64GiB << 24 << k64GiB - 1 << (k64GiB - 1) / 24
                                  << int((k64GiB - 1) % 24) << (k64GiB + 23) / 24;
    QTest::newRow("past 2^32 lines") << (qint64(1) << 40) << 8 << (qint64(1) << 39) + 5
                                     << (qint64(1) << 36) << 5 << (qint64(1) << 37);
}

void TestHexLayout::lines()
{
    QFETCH(qint64, size);
    QFETCH(int, bytesPerLine);
    QFETCH(qint64, offset);
    QFETCH(qint64, line);
    QFETCH(int, column);
    QFETCH(qint64, lineCount);
    const HexLayout layout(size, bytesPerLine, kMetrics);
    QCOMPARE(layout.lineOf(offset), line);
    QCOMPARE(layout.columnOf(offset), column);
    QCOMPARE(layout.lineStart(line) + column, offset);
    QCOMPARE(layout.lineCount(), lineCount);
}

void TestHexLayout::hitTestRoundTrip_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("bytesPerLine");
    QTest::newRow("small, 16") << 1000LL << 16;
    QTest::newRow("64 GiB, 32") << k64GiB << 32;
    QTest::newRow("64 GiB, 12") << k64GiB << 12;
}

void TestHexLayout::hitTestRoundTrip()
{
    QFETCH(qint64, size);
    QFETCH(int, bytesPerLine);
    const HexLayout layout(size, bytesPerLine, kMetrics);
    const qint64 firstLine = layout.lineCount() - 10;
    for (int row = 0; row < 10; ++row) {
        const qint64 line = firstLine + row;
        const int y = layout.lineY(line, firstLine) + 5;
        for (int column = 0; column < bytesPerLine; ++column) {
            const qint64 offset = layout.lineStart(line) + column;
            if (offset >= size)
                break;
            QCOMPARE(layout.hitTest(layout.hexX(column) + 1, y, firstLine),
                (HexLayout::Position {Pane::Hex, offset, 0}));
            QCOMPARE(layout.hitTest(layout.hexX(column) + 12, y, firstLine),
                (HexLayout::Position {Pane::Hex, offset, 1}));
            QCOMPARE(layout.hitTest(layout.textX(column) + 9, y, firstLine),
                (HexLayout::Position {Pane::Text, offset, 0}));
        }
    }
}

void TestHexLayout::hitTestClampsToTheData()
{
    const HexLayout layout(20, 16, kMetrics);
    QVERIFY(!layout.hitTest(200, 5, 0)); // the header
    // Below the last line, right of the last byte: the last byte.
    QCOMPARE(layout.hitTest(layout.hexX(15), 500, 0), (HexLayout::Position {Pane::Hex, 19, 1}));
    QCOMPARE(layout.hitTest(0, 25, 0), (HexLayout::Position {Pane::Hex, 0, 0}));
    QCOMPARE(layout.hitTest(10000, 25, 0), (HexLayout::Position {Pane::Text, 15, 0}));
}

void TestHexLayout::fittingBytesPerLine()
{
    const int width32 = HexLayout(1000, 32, kMetrics).totalWidth();
    QCOMPARE(HexLayout::fittingBytesPerLine(width32, 1000, kMetrics), 32);
    QCOMPARE(HexLayout::fittingBytesPerLine(width32 - 1, 1000, kMetrics), 28);
    QCOMPARE(HexLayout::fittingBytesPerLine(10, 1000, kMetrics), 4);
}

void TestHexLayout::scrollMapping_data()
{
    QTest::addColumn<qint64>("maxFirstLine");
    QTest::addColumn<bool>("direct");
    QTest::newRow("none") << 0LL << true;
    QTest::newRow("small") << 1000LL << true;
    QTest::newRow("2^30") << qint64(ScrollMapping::kMaxValue) << true;
    QTest::newRow("64 GiB / 16") << k64GiB / 16 - 40 << false;
    QTest::newRow("2^40") << (qint64(1) << 40) << false;
}

void TestHexLayout::scrollMapping()
{
    QFETCH(qint64, maxFirstLine);
    QFETCH(bool, direct);
    const ScrollMapping mapping(maxFirstLine);
    QCOMPARE(mapping.lineForValue(0), 0);
    QCOMPARE(
        mapping.lineForValue(mapping.maximum()), maxFirstLine); // the end is reachable by dragging
    QCOMPARE(mapping.valueForLine(maxFirstLine), mapping.maximum());
    QCOMPARE(mapping.lineForValue(mapping.maximum() + 5), maxFirstLine);
    QCOMPARE(mapping.maximum() == maxFirstLine, direct);
    // Monotonic, and a value maps back onto itself.
    qint64 previous = -1;
    for (int i = 0; i <= 100; ++i) {
        const int value = int(qint64(mapping.maximum()) * i / 100);
        const qint64 line = mapping.lineForValue(value);
        QVERIFY(line >= previous);
        previous = line;
        QCOMPARE(mapping.valueForLine(line), value);
    }
}

QTEST_GUILESS_MAIN(TestHexLayout)
#include "tst_hexlayout.moc"
