// The replacer without a dialog: a match is re-checked against the pattern (literal,
// wildcards, either-case letters, unreadable bytes) right before its write; stale and
// overlapping matches are skipped and counted; everything is one undo step, and a
// refused write leaves no empty step behind.
#include "document.h"
#include "replacer.h"
#include "scratchfile.h"

#include <QUndoStack>
#include <QtTest>

using namespace hexmap;

namespace {
std::unique_ptr<Document> modelFor(const ScratchFile &file, Access access = Access::Write)
{
    return std::make_unique<Document>(
        MappedFile(std::make_shared<MemoryMap>(file.fd(), 0, MapOptions {.access = access})));
}

// bytes, with mask bytes where given ("" for a literal pattern).
BytePattern patternOf(const QByteArray &bytes, const QByteArray &mask = {})
{
    return {Bytes(bytes.begin(), bytes.end()), Bytes(mask.begin(), mask.end())};
}
} // namespace

class TestReplacer : public QObject
{
    Q_OBJECT

private slots:
    void matchesAt_data();
    void matchesAt();
    void unreadableBytesNeverMatch();
    void staleMatchesAreLeftAndCounted();
    void overlappingMatchesAreLeftAndCounted();
    void refusedWriteLeavesNoStep();
    void summary_data();
    void summary();
};

void TestReplacer::matchesAt_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("mask");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<bool>("matches");
    // The data is "GNU.gnu.ELF".
    const QByteArray any("\xff\x00\xff", 3);
    const QByteArray anyCase("\xdf\xdf\xdf", 3);
    QTest::newRow("literal") << QByteArray("GNU") << QByteArray() << qint64(0) << true;
    QTest::newRow("literal, other bytes")
        << QByteArray("ELF") << QByteArray() << qint64(0) << false;
    QTest::newRow("literal, last bytes") << QByteArray("ELF") << QByteArray() << qint64(8) << true;
    QTest::newRow("past the end") << QByteArray("LF?") << QByteArray() << qint64(9) << false;
    QTest::newRow("negative") << QByteArray("GNU") << QByteArray() << qint64(-1) << false;
    QTest::newRow("wildcard") << QByteArray("G?U") << any << qint64(0) << true;
    QTest::newRow("wildcard, other bytes") << QByteArray("G?U") << any << qint64(4) << false;
    QTest::newRow("either case") << QByteArray("GNU") << anyCase << qint64(4) << true;
    QTest::newRow("case counts") << QByteArray("GNU") << QByteArray() << qint64(4) << false;
    QTest::newRow("empty") << QByteArray() << QByteArray() << qint64(0) << false;
}

void TestReplacer::matchesAt()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, mask);
    QFETCH(qint64, offset);
    QFETCH(bool, matches);
    ScratchFile file("GNU.gnu.ELF");
    auto model = modelFor(file);
    QCOMPARE(patternMatchesAt(*model, patternOf(bytes, mask), offset), matches);
}

void TestReplacer::unreadableBytesNeverMatch()
{
    const qint64 page = Document::pageSize();
    ScratchFile file(QByteArray(2 * page, '\0'));
    auto model = modelFor(file);
    file.truncate(page); // the second page is gone; it would read as zeros if it could
    QVERIFY(patternMatchesAt(*model, patternOf(QByteArray(2, '\0')), page - 2));
    QVERIFY(!patternMatchesAt(*model, patternOf(QByteArray(2, '\0')), page - 1));
    QVERIFY(!patternMatchesAt(*model, patternOf(QByteArray("\0?", 2), "\xff\x00"), page));
    const ReplaceOutcome outcome = replaceMatches(
        *model, patternOf(QByteArray(2, '\0')), {page - 1}, model->size(), "ab", "Replace");
    QCOMPARE(outcome.stale, 1);
    QCOMPARE(outcome.replaced, 0);
    QCOMPARE(model->undoStack()->count(), 0);
}

void TestReplacer::staleMatchesAreLeftAndCounted()
{
    ScratchFile file("GNU.GNU.gnu.GNU");
    auto model = modelFor(file);
    // The user typed over the second match after the search found it.
    QVERIFY(model->overwrite(5, "X"));
    const BytePattern gnu = patternOf("GNU");
    const ReplaceOutcome outcome
        = replaceMatches(*model, gnu, {0, 4, 8, 12}, model->size(), "ELF", "Replace all");
    QCOMPARE(outcome.replaced, 2);
    QCOMPARE(outcome.stale, 2); // typed over; and "gnu" is not "GNU"
    QCOMPARE(outcome.overlapping, 0);
    QVERIFY(outcome.error.isEmpty());
    QCOMPARE(file.contents(), "ELF.GXU.gnu.ELF");
    QCOMPARE(model->undoStack()->count(), 2); // the typing, then one step for all
    QCOMPARE(model->undoStack()->text(1), "Replace all");
    model->undoStack()->undo();
    QCOMPARE(file.contents(), "GNU.GXU.gnu.GNU");

    // Either case: the same offsets now match.
    const ReplaceOutcome anyCase = replaceMatches(
        *model, patternOf("GNU", "\xdf\xdf\xdf"), {0, 4, 8, 12}, model->size(), "ELF", "R");
    QCOMPARE(anyCase.replaced, 3);
    QCOMPARE(anyCase.stale, 1);
    QCOMPARE(file.contents(), "ELF.GXU.ELF.ELF");
}

void TestReplacer::overlappingMatchesAreLeftAndCounted()
{
    ScratchFile file("aaaaa");
    auto model = modelFor(file);
    const ReplaceOutcome outcome
        = replaceMatches(*model, patternOf("aa"), {0, 1, 2, 3}, model->size(), "ba", "Replace all");
    // 1 overlaps 0, 3 overlaps 2: both are left even though "aa" is still at 3.
    QCOMPARE(outcome.replaced, 2);
    QCOMPARE(outcome.overlapping, 2);
    QCOMPARE(outcome.stale, 0);
    QCOMPARE(file.contents(), "babaa");
}

void TestReplacer::refusedWriteLeavesNoStep()
{
    ScratchFile file("GNU.GNU");
    auto model = modelFor(file, Access::Read);
    const ReplaceOutcome outcome
        = replaceMatches(*model, patternOf("GNU"), {0, 4}, model->size(), "ELF", "R");
    QCOMPARE(outcome.replaced, 0);
    QVERIFY(outcome.error.contains("read-only"));
    QCOMPARE(model->undoStack()->count(), 0); // not an empty "R" step
    QVERIFY(!model->undoStack()->canRedo());
    QCOMPARE(file.contents(), "GNU.GNU");
    QVERIFY(outcome.summary().contains("refused"));

    const ReplaceOutcome wrongLength
        = replaceMatches(*model, patternOf("GNU"), {0}, model->size(), "EL", "R");
    QCOMPARE(wrongLength.replaced, 0);
    QVERIFY(!wrongLength.error.isEmpty());
}

void TestReplacer::summary_data()
{
    QTest::addColumn<qint64>("replaced");
    QTest::addColumn<qint64>("stale");
    QTest::addColumn<qint64>("overlapping");
    QTest::addColumn<qint64>("otherLength");
    QTest::addColumn<QString>("text");
    QTest::newRow("all") << qint64(3) << qint64(0) << qint64(0) << qint64(0)
                         << "Replaced 3 matches.";
    QTest::newRow("one stale") << qint64(1) << qint64(1) << qint64(0) << qint64(0)
                               << "Replaced 1 match; 1 no longer matched and was left as it was.";
    QTest::newRow("stale and overlapping")
        << qint64(0) << qint64(2) << qint64(3) << qint64(0)
        << "Replaced 0 matches; 2 no longer matched and were left as they were; 3 overlapped a "
           "match replaced before them and were left as they were.";
    QTest::newRow("other length")
        << qint64(1) << qint64(0) << qint64(0) << qint64(2)
        << "Replaced 1 match; left 2 matches not as long as the replacement (a replacement of "
           "another length needs insert and delete, which this map cannot do).";
}

void TestReplacer::summary()
{
    QFETCH(qint64, replaced);
    QFETCH(qint64, stale);
    QFETCH(qint64, overlapping);
    QFETCH(qint64, otherLength);
    QFETCH(QString, text);
    QCOMPARE((ReplaceOutcome {replaced, stale, overlapping, otherLength, {}}).summary(), text);
}

QTEST_GUILESS_MAIN(TestReplacer)
#include "tst_replacer.moc"
