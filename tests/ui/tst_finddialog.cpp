// The Find dialog on real files: its answers are those of a plain loop over the bytes
// with Python's range rules, also for matches touching either end, after wrapping, and
// for generated cases; a match is selected with the cursor on its first byte; Find All
// counts and highlights, and drops the matches that edits undo; wildcards and ignored
// case; cancel stops a long search; Replace and Replace All write only over bytes that
// match the pattern at the moment of the write, as one undo step; regular expressions
// (errors while typing, matches of varying length selected and highlighted).
#include "document.h"
#include "documenttab.h"
#include "finddialog.h"
#include "findreference.h"
#include "hexview.h"
#include "scratchfile.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QThreadPool>
#include <QUndoStack>
#include <QtTest>

#include <optional>

using namespace hexmap;

namespace {
const QByteArray kData = QByteArray("abcXabcYab\0cZab", 15) + QByteArray(200, 'q') + "abc";

struct Fixture
{
    explicit Fixture(const QByteArray &content, Document::Mode mode = Document::Mode::InPlace)
        : file(content)
    {
        Document::OpenResult opened
            = Document::open(QString::fromStdString(file.path()), {.mode = mode});
        tab = std::make_unique<DocumentTab>(std::move(opened.document));
        tab->resize(900, 500);
        tab->show();
        dialog.setEditor(tab->view()->editor());
    }
    void type(const char *field, const QString &text)
    {
        dialog.findChild<QLineEdit *>(field)->setText(text);
    }
    void check(const char *name, bool on = true)
    {
        auto *button = dialog.findChild<QAbstractButton *>(name);
        button->setChecked(on);
        button->click(); // the dialog reacts to clicks
        button->setChecked(on);
    }
    // Runs a dialog action and waits for its search to end.
    bool run(void (FindDialog::*action)())
    {
        QSignalSpy finished(&dialog, &FindDialog::searchFinished);
        (dialog.*action)();
        return finished.wait(20000);
    }
    [[nodiscard]] HexView *view() const { return tab->view(); }
    [[nodiscard]] Document *model() const { return tab->document(); }
    // The selection as [start, start + length), or nothing.
    [[nodiscard]] std::optional<std::pair<qint64, qint64>> selection() const
    {
        if (!view()->hasSelection())
            return std::nullopt;
        return std::pair {view()->selectionStart(), view()->selectionLength()};
    }

    ScratchFile file;
    std::unique_ptr<DocumentTab> tab;
    FindDialog dialog;
};

// Sets up the dialog and the view as ref says, presses Find Next (forward) or Find
// Previous (backward) once per entry of presses, and compares every answer.
void checkAgainstReference(Fixture &f, FindReference ref, const QList<bool> &presses,
    bool forwardIsNext, const QString &context)
{
    f.type("find", ref.hexPattern());
    f.type("from", ref.from ? QString::number(*ref.from) : QString());
    f.type("to", ref.to ? QString::number(*ref.to) : QString());
    f.check("wrap", ref.wrap);
    f.check(forwardIsNext ? "forward" : "backward");
    if (ref.selection) {
        // The anchor at one end, the cursor at the other.
        const qint64 first = ref.selection->first;
        const qint64 last = first + ref.selection->second - 1;
        f.view()->setCursorOffset(ref.cursor == first ? last : first);
        f.view()->setCursorOffset(ref.cursor, true);
    } else {
        f.view()->setCursorOffset(ref.cursor);
    }
    for (int i = 0; i < presses.size(); ++i) {
        const bool forward = presses[i];
        const QString what = QStringLiteral("%1; %2; press %3 of %4 (%5)")
                                 .arg(context, ref.describe())
                                 .arg(i + 1)
                                 .arg(presses.size())
                                 .arg(forward ? "find" : "rfind");
        const FindReference::Answer expected = ref.find(forward);
        QVERIFY2(
            f.run(forward == forwardIsNext ? &FindDialog::findNext : &FindDialog::findPrevious),
            qPrintable(what));
        const QString message = f.dialog.message();
        if (expected.match < 0) {
            QVERIFY2(message == "Not found.", qPrintable(what + ": found, " + message));
            continue;
        }
        QVERIFY2(message.startsWith("Found at"),
            qPrintable(what + QStringLiteral(": expected %1, ").arg(expected.match) + message));
        QVERIFY2(f.selection() == std::pair(expected.match, qint64(ref.bytes.size())),
            qPrintable(what + QStringLiteral(": expected %1, ").arg(expected.match) + message));
        QVERIFY2(f.view()->cursorOffset() == expected.match, qPrintable(what));
        QVERIFY2(message.contains("after wrapping around") == expected.wrapped,
            qPrintable(what + ": " + message));
    }
}
} // namespace

class TestFindDialog : public QObject
{
    Q_OBJECT

private slots:
    void answersEqualANaiveSearch_data();
    void answersEqualANaiveSearch();
    void generatedCasesAnswerAsANaiveSearch();
    void searchWindowsOfABigFile();
    void findNextGoesOnAndWraps();
    void replaceIsNotOfferedOnAReadOnlyMap();
    void findPutsTheCursorOnTheFirstByte();
    void findAllCountsAndHighlights();
    void findAllDropsWhatEditsUndo();
    void findAllLeavesOutWhatWasTypedOverMeanwhile();
    void wildcardsAndIgnoredCase();
    void typedValues();
    void cancelStopsALongSearch();
    void replaceAndReplaceAll();
    void replaceChecksThePatternNowInTheField();
    void replaceAllRechecksWhatWasTypedOverMeanwhile();
    void replaceAllSkipsOverlappingMatches();
    void badInputSaysWhy();
    void regularExpressions();
};

namespace {
// Matches touching both ends: "ab" at 0, 3 and 13 (its last byte is the last byte).
const QByteArray kEdges = "abcabqqqqqqqqab";
} // namespace

void TestFindDialog::answersEqualANaiveSearch_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<qint64>("cursor");
    QTest::addColumn<bool>("wrap");
    QTest::addColumn<QString>("presses"); // f: Find Next (forward), b: Find Previous
    // Single searches over kData, without wrapping: find from the start, rfind up to
    // the last byte (there, an empty To is Python's default end).
    const QList<std::tuple<const char *, const char *, const char *>> cases = {
        {"61 62", "0", ""},
        {"61 62", "1", ""},
        {"61 62", "-3", ""},
        {"61 62 63", "0", "7"},
        {"61 62 63", "0", "-1"},
        {"00", "0", ""},
        {"5A 61", "-300", "-5"},
        {"71 71", "100", "50"},
        {"61", "5", "0x0c"},
        {"78", "0", ""},
        {"71", "4K", ""},
    };
    for (const auto &[pattern, from, to] : cases) {
        for (bool forward : {true, false}) {
            QTest::addRow("%s [%s:%s] %s", pattern, from, to, forward ? "find" : "rfind")
                << kData << QString(pattern) << QString(from) << QString(to)
                << (forward ? qint64(0) : qint64(kData.size() - 1)) << false
                << (forward ? "f" : "b");
        }
    }
    // Matches at offset 0 and ending on the last byte, both ways, with and without
    // wrapping, one search after another.
    const QList<std::tuple<const char *, const char *, const char *, qint64, bool, const char *>>
        edges = {
            {"forward from 0", "", "", 0, true, "fffff"},
            {"forward from 0, no wrap", "", "", 0, false, "ffff"},
            {"forward from the last byte", "", "", 14, true, "ff"},
            {"forward from the last byte, no wrap", "", "", 14, false, "f"},
            {"backward from 0", "", "", 0, true, "bbbbb"},
            {"backward from 0, no wrap", "", "", 0, false, "bb"},
            {"backward from the last byte", "", "", 14, true, "bbbb"},
            {"backward from the last byte, no wrap", "", "", 14, false, "bbbb"},
            {"backward from the middle", "", "", 6, true, "bbbb"},
            {"forward from the middle, then back", "", "", 6, true, "ffbbbf"},
            {"from -2 forward", "-2", "", 0, true, "fff"},
            {"from -2 backward", "-2", "", 0, true, "bb"},
            {"from -2 backward, no wrap", "-2", "", 0, false, "b"},
            {"from 3 backward", "3", "", 0, true, "bbb"},
            {"from 1 forward", "1", "", 14, true, "ff"},
            {"to the end forward", "", "15", 6, true, "fff"},
            {"to the end backward", "", "15", 6, true, "bbb"},
            {"to -1 backward", "", "-1", 0, true, "bbb"},
            {"to -1 forward", "", "-1", 6, true, "ff"},
            {"to 2 backward", "", "2", 14, true, "bb"},
            {"0 to 2 forward", "0", "2", 14, true, "ff"},
            {"-2 to 15 backward", "-2", "15", 0, true, "bb"},
        };
    for (const auto &[name, from, to, cursor, wrap, presses] : edges) {
        QTest::addRow("ab: %s", name) << kEdges << "61 62" << QString(from) << QString(to) << cursor
                                      << wrap << QString(presses);
        QTest::addRow("?? 62: %s", name) << kEdges << "?? 62" << QString(from) << QString(to)
                                         << cursor << wrap << QString(presses);
    }
    // One byte, at both ends.
    for (const char *presses : {"ffff", "bbbb"}) {
        for (qint64 cursor : {0, 6}) {
            QTest::addRow("one byte at both ends, %s from %lld", presses, cursor) << QByteArray(
                "b..b..b") << "62" << QString() << QString() << cursor << true << QString(presses);
        }
    }
}

void TestFindDialog::answersEqualANaiveSearch()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, pattern);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(qint64, cursor);
    QFETCH(bool, wrap);
    QFETCH(QString, presses);
    FindReference ref;
    ref.data = data;
    for (const QString &part : pattern.split(QLatin1Char(' '))) {
        const bool any = part == "??";
        ref.bytes += any ? '\0' : char(part.toInt(nullptr, 16));
        ref.mask += any ? '\0' : '\xff';
    }
    if (!pattern.contains("??"))
        ref.mask.clear();
    const auto bound = [](const QString &text) -> std::optional<qint64> {
        if (text.isEmpty())
            return std::nullopt;
        return text == "4K" ? 4096 : text.toLongLong(nullptr, 0);
    };
    ref.from = bound(from);
    ref.to = bound(to);
    ref.wrap = wrap;
    ref.cursor = cursor;
    QList<bool> forward;
    for (const QChar press : presses)
        forward << (press == 'f');
    Fixture f(data);
    checkAgainstReference(f, ref, forward, true, QString());
}

void TestFindDialog::generatedCasesAnswerAsANaiveSearch()
{
    for (const quint64 seed : findCaseSeeds(20240, 300)) {
        const FindCase generated = generatedFindCase(seed);
        Fixture f(generated.ref.data);
        checkAgainstReference(f, generated.ref, generated.presses, generated.forwardIsNext,
            QStringLiteral("HEXMAP_FIND_SEED=%1").arg(seed));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestFindDialog::searchWindowsOfABigFile()
{
    // The job searches 16 MiB at a time: matches at both ends, across the windows'
    // boundaries and on either side of them.
    const qint64 window = qint64(16) << 20;
    QByteArray data(2 * window + 100, 'q');
    for (const qint64 at : {qint64(0), window - 1, window + 5, 2 * window - 2, 2 * window + 98})
        data.replace(at, 2, "ab");
    Fixture f(data);
    FindReference ref;
    ref.data = data;
    ref.bytes = "ab";
    for (const bool wrap : {true, false}) {
        for (const qint64 cursor : {qint64(0), window, data.size() - 1}) {
            for (const bool forward : {true, false}) {
                ref.wrap = wrap;
                ref.cursor = cursor;
                ref.selection.reset();
                ref.lastMatch = -1;
                f.dialog.setEditor(nullptr); // forgets the last match
                f.dialog.setEditor(f.tab->view()->editor());
                checkAgainstReference(f, ref, QList<bool>(6, forward), true,
                    QStringLiteral("big file, cursor %1").arg(cursor));
                if (QTest::currentTestFailed())
                    return;
            }
        }
    }
}

void TestFindDialog::findNextGoesOnAndWraps()
{
    Fixture f(kData);
    f.type("find", "61 62");
    QList<qint64> seen;
    for (int i = 0; i < 6; ++i) {
        QVERIFY(f.run(&FindDialog::findNext));
        seen << f.tab->view()->selectionStart();
    }
    QCOMPARE(seen, (QList<qint64> {0, 4, 8, 13, kData.size() - 3, 0})); // the last one wrapped
    QVERIFY(f.dialog.message().contains("after wrapping around"));
    QVERIFY(f.run(&FindDialog::findPrevious)); // from 0 backward: wraps to the last
    QCOMPARE(f.tab->view()->selectionStart(), kData.size() - 3);
}

void TestFindDialog::findPutsTheCursorOnTheFirstByte()
{
    Fixture f(kData);
    f.type("find", "61 62 63");
    QVERIFY(f.run(&FindDialog::findNext));
    QCOMPARE(f.selection(), std::pair(qint64(0), qint64(3)));
    QCOMPARE(f.view()->cursorOffset(), 0);
    QVERIFY(f.run(&FindDialog::findNext)); // still goes on past the selected match
    QCOMPARE(f.selection(), std::pair(qint64(4), qint64(3)));
    QCOMPARE(f.view()->cursorOffset(), 4);
    QVERIFY(f.run(&FindDialog::findPrevious));
    QCOMPARE(f.selection(), std::pair(qint64(0), qint64(3)));
    QVERIFY(f.run(&FindDialog::findNext));
    QCOMPARE(f.view()->cursorOffset(), 4);

    // Typing starts on the match's first byte, at its high nibble.
    QTest::keyClicks(f.view(), "f");
    QCOMPARE(f.file.contents().mid(3, 4),
        QByteArray("X\xf1"
                   "bc"));
    QTest::keyClicks(f.view(), "0");
    QCOMPARE(f.file.contents().mid(3, 4),
        QByteArray("X\xf0"
                   "bc"));

    // A match picked from Find All's list too.
    QVERIFY(f.run(&FindDialog::findAll));
    QCOMPARE(f.dialog.results(), (QList<qint64> {0, kData.size() - 3}));
    auto *table = f.dialog.findChild<QTableWidget *>();
    emit table->cellClicked(1, 0);
    QCOMPARE(f.selection(), std::pair(kData.size() - 3, qint64(3)));
    QCOMPARE(f.view()->cursorOffset(), kData.size() - 3);
}

void TestFindDialog::findAllCountsAndHighlights()
{
    Fixture f(kData);
    f.type("find", "61 62");
    QVERIFY(f.run(&FindDialog::findAll));
    QCOMPARE(f.dialog.results(), (QList<qint64> {0, 4, 8, 13, kData.size() - 3}));
    QCOMPARE(f.dialog.findChild<QLabel *>("count")->text(), "5 matches");
    const RangeSet &highlights = f.tab->view()->highlights();
    QCOMPARE(highlights.bytes(), 10);
    QVERIFY(highlights.intersects(13, 14));
    QVERIFY(!highlights.intersects(2, 4));
}

void TestFindDialog::findAllDropsWhatEditsUndo()
{
    Fixture f(kData);
    f.type("find", "61 62");
    QVERIFY(f.run(&FindDialog::findAll));
    QCOMPARE(f.dialog.results(), (QList<qint64> {0, 4, 8, 13, kData.size() - 3}));
    auto *table = f.dialog.findChild<QTableWidget *>();
    auto *count = f.dialog.findChild<QLabel *>("count");

    // Typing over the match at 4 drops it, from the list, the count and the view.
    f.view()->setCursorOffset(5);
    QTest::keyClicks(f.view(), "0");
    QCOMPARE(f.dialog.results(), (QList<qint64> {0, 8, 13, kData.size() - 3}));
    QCOMPARE(count->text(), "4 matches");
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->item(1, 0)->text(), "0x8");
    const RangeSet &highlights = f.view()->highlights();
    QCOMPARE(highlights.bytes(), 8);
    QVERIFY(!highlights.intersects(4, 6));
    QVERIFY(highlights.intersects(8, 10));
    // The rows around the edit show the bytes as they are now.
    QVERIFY(table->item(0, 1)->text().startsWith("61 62 63 58 61 02 63"));

    // Undo brings the bytes back, not the dropped match.
    f.model()->undoStack()->undo();
    QCOMPARE(f.file.contents(), kData);
    QCOMPARE(f.dialog.results().size(), 4);
    // An edit next to a match leaves it.
    QVERIFY(f.model()->overwrite(10, "a"));
    QCOMPARE(f.dialog.results().size(), 4);

    // Overlapping matches: dropping one keeps the other's highlight.
    Fixture g("aaaa");
    g.type("find", "61 61");
    QVERIFY(g.run(&FindDialog::findAll));
    QCOMPARE(g.dialog.results(), (QList<qint64> {0, 1, 2}));
    QVERIFY(g.model()->overwrite(3, "b"));
    QCOMPARE(g.dialog.results(), (QList<qint64> {0, 1}));
    QCOMPARE(g.view()->highlights().ranges(), (std::vector<RangeSet::Range> {{0, 3}}));
    QVERIFY(g.model()->overwrite(0, "b"));
    QCOMPARE(g.dialog.results(), (QList<qint64> {1}));
    QCOMPARE(g.view()->highlights().ranges(), (std::vector<RangeSet::Range> {{1, 3}}));

    // A shrink drops the matches it cuts, also from pages that go entirely.
    QVERIFY(f.model()->resize(kData.size() - 2));
    QCOMPARE(f.dialog.results(), (QList<qint64> {0, 8, 13}));
    QCOMPARE(count->text(), "3 matches");
    QCOMPARE(table->rowCount(), 3);
    QVERIFY(!f.view()->highlights().intersects(kData.size() - 3, kData.size()));
    const qint64 page = Document::pageSize();
    Fixture h("ab" + QByteArray(3 * page, '.') + "ab");
    h.type("find", "61 62");
    QVERIFY(h.run(&FindDialog::findAll));
    QCOMPARE(h.dialog.results(), (QList<qint64> {0, 3 * page + 2}));
    QVERIFY(h.model()->resize(page + 10));
    QCOMPARE(h.dialog.results(), (QList<qint64> {0}));
    QCOMPARE(h.view()->highlights().bytes(), 2);
}

void TestFindDialog::findAllLeavesOutWhatWasTypedOverMeanwhile()
{
    Fixture f(kData);
    f.type("find", "61 62");
    QSignalSpy finished(&f.dialog, &FindDialog::searchFinished);
    f.dialog.findAll();
    // The search has recorded every match; its answer has not reached the dialog yet.
    QThreadPool::globalInstance()->waitForDone();
    f.view()->setCursorOffset(8);
    QTest::keyClicks(f.view(), "00");
    QVERIFY(finished.wait(20000));
    QCOMPARE(f.dialog.results(), (QList<qint64> {0, 4, 13, kData.size() - 3}));
    QCOMPARE(f.dialog.findChild<QLabel *>("count")->text(), "4 matches");
    QVERIFY(!f.view()->highlights().intersects(8, 10));
}

void TestFindDialog::wildcardsAndIgnoredCase()
{
    Fixture f("abcXabcYABCZ" + QByteArray(50, '.') + "aBc");
    f.type("find", "61 62 63 ??");
    QVERIFY(f.run(&FindDialog::findAll));
    QCOMPARE(f.dialog.results(), (QList<qint64> {0, 4}));

    f.check("text");
    f.type("find", "abc");
    QVERIFY(f.run(&FindDialog::findAll));
    QCOMPARE(f.dialog.results(), (QList<qint64> {0, 4}));
    f.check("ignoreCase");
    QVERIFY(f.run(&FindDialog::findAll));
    QCOMPARE(f.dialog.results(), (QList<qint64> {0, 4, 8, 62}));
}

void TestFindDialog::typedValues()
{
    QByteArray data(64, '\0');
    data.replace(20, 4, QByteArray("\x78\x56\x34\x12", 4));
    Fixture f(data);
    f.check("value"); // 32-bit little-endian by default
    f.type("find", "0x12345678");
    QVERIFY(f.run(&FindDialog::findAll));
    QCOMPARE(f.dialog.results(), (QList<qint64> {20}));
}

void TestFindDialog::cancelStopsALongSearch()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.img");
    if (!createSparseFile(path, qint64(16) << 30))
        QSKIP("this filesystem cannot hold a 16 GiB sparse file");
    // Without trackfd the search cannot ask where the holes are: it reads all 16 GiB.
    Document::OpenResult opened = Document::open(path, {.trackfd = false});
    DocumentTab tab(std::move(opened.document));
    FindDialog dialog;
    dialog.setEditor(tab.view()->editor());
    dialog.findChild<QLineEdit *>("find")->setText("DE AD BE EF");
    QSignalSpy finished(&dialog, &FindDialog::searchFinished);
    dialog.findAll();
    QVERIFY(dialog.isSearching());
    QTest::qWait(50); // the UI thread is free meanwhile
    dialog.cancel();
    QVERIFY(!dialog.isSearching());
    QTRY_COMPARE(finished.size(), 1);
    QCOMPARE(dialog.message(), "Search canceled.");
    QVERIFY(dialog.results().isEmpty());
}

void TestFindDialog::replaceAndReplaceAll()
{
    Fixture f("aXbXcXdX");
    f.type("find", "58");
    f.type("replace", "59");
    QVERIFY(f.run(&FindDialog::findNext));
    QCOMPARE(f.tab->view()->selectionStart(), 1);
    QVERIFY(f.run(&FindDialog::replaceCurrent)); // replaces, then finds the next
    QCOMPARE(f.file.contents(), "aYbXcXdX");
    QCOMPARE(f.tab->view()->selectionStart(), 3);

    QVERIFY(f.run(&FindDialog::replaceAll));
    QCOMPARE(f.file.contents(), "aYbYcYdY");
    QVERIFY(f.dialog.message().contains("Replaced 3 matches"));
    f.tab->document()->undoStack()->undo(); // all of them, one step
    QCOMPARE(f.file.contents(), "aYbXcXdX");

    // Another length: each match is replaced, the bytes after it moving up.
    f.type("replace", "59 59");
    QVERIFY(f.run(&FindDialog::replaceAll));
    QCOMPARE(f.file.contents(), "aYbYYcYYdYY");
    f.tab->document()->undoStack()->undo();
    QCOMPARE(f.file.contents(), "aYbXcXdX");
    // Where the map cannot change length, the dialog asks for the pattern's length.
    Fixture cow("aXbX", Document::Mode::CopyOnWrite);
    cow.type("find", "58");
    cow.type("replace", "59 59");
    cow.dialog.replaceAll();
    QVERIFY(cow.dialog.message().contains("must be equal"));
}

void TestFindDialog::replaceChecksThePatternNowInTheField()
{
    Fixture f("..GNU..ELF..GNU..");
    f.check("text");
    f.type("find", "GNU");
    f.type("replace", "abc");
    QVERIFY(f.run(&FindDialog::findNext));
    QCOMPARE(f.selection(), std::pair(qint64(2), qint64(3)));
    // The field now says ELF: the selected GNU is not an ELF, so it stays; Replace
    // goes on to the next ELF instead.
    f.type("find", "ELF");
    QVERIFY(f.run(&FindDialog::replaceCurrent));
    QCOMPARE(f.file.contents(), "..GNU..ELF..GNU..");
    QVERIFY(f.dialog.message().startsWith("The selection does not match the pattern"));
    QVERIFY(f.dialog.message().contains("Found at 0x7"));
    QCOMPARE(f.selection(), std::pair(qint64(7), qint64(3)));
    QVERIFY(f.run(&FindDialog::replaceCurrent)); // this one matches
    QCOMPARE(f.file.contents(), "..GNU..abc..GNU..");
    QCOMPARE(f.dialog.message(), "Not found.");
    QCOMPARE(f.model()->undoStack()->count(), 1);

    // Bytes typed over a selected match after it was found.
    f.type("find", "GNU");
    QVERIFY(f.run(&FindDialog::findNext));
    QCOMPARE(f.selection(), std::pair(qint64(12), qint64(3)));
    QVERIFY(f.model()->overwrite(13, "X"));
    QVERIFY(f.run(&FindDialog::replaceCurrent));
    QCOMPARE(f.file.contents(), "..GNU..abc..GXU..");
    QVERIFY(f.dialog.message().startsWith("The selection does not match the pattern"));
    QCOMPARE(f.selection(), std::pair(qint64(2), qint64(3))); // wrapped to the next
    // A selection made by hand that matches is replaced.
    f.check("ignoreCase");
    f.view()->setCursorOffset(4);
    f.view()->setCursorOffset(2, true);
    QVERIFY(f.run(&FindDialog::replaceCurrent));
    QCOMPARE(f.file.contents(), "..abc..abc..GXU..");
}

void TestFindDialog::replaceAllRechecksWhatWasTypedOverMeanwhile()
{
    Fixture f("GNU.GNU.GNU.");
    f.check("text");
    f.type("find", "GNU");
    f.type("replace", "ELF");
    f.view()->setActivePane(Pane::Text);
    QSignalSpy finished(&f.dialog, &FindDialog::searchFinished);
    f.dialog.replaceAll();
    // The search has recorded all three offsets; before they are written, the user
    // types over the second match.
    QThreadPool::globalInstance()->waitForDone();
    f.view()->setCursorOffset(5);
    QTest::keyClicks(f.view(), "o");
    QVERIFY(finished.wait(20000));
    QCOMPARE(f.file.contents(), "ELF.GoU.ELF.");
    QCOMPARE(f.dialog.message(), "Replaced 2 matches; 1 no longer matched and was left as it was.");
    QCOMPARE(f.dialog.results(), QList<qint64>()); // nothing matches any more
    QCOMPARE(f.view()->highlights().bytes(), 0);
    // One step for the replacements, apart from the typing.
    f.model()->undoStack()->undo();
    QCOMPARE(f.file.contents(), "GNU.GoU.GNU.");
}

void TestFindDialog::replaceAllSkipsOverlappingMatches()
{
    Fixture f("aaaaa");
    f.type("find", "61 61");
    f.type("replace", "62 61");
    QVERIFY(f.run(&FindDialog::replaceAll));
    QCOMPARE(f.file.contents(), "babaa");
    QCOMPARE(f.dialog.message(),
        "Replaced 2 matches; 2 overlapped a match replaced before them and were left as they "
        "were.");
    QCOMPARE(f.dialog.results(), (QList<qint64> {3})); // what still matches
}

void TestFindDialog::badInputSaysWhy()
{
    Fixture f(kData);
    f.type("find", "6g");
    f.dialog.findNext();
    QCOMPARE(f.dialog.message(), "'g' at position 2 is not a hex digit");
    f.type("find", "61");
    f.type("from", "lots");
    f.dialog.findNext();
    QCOMPARE(f.dialog.message(), "From: expected a number at position 1, found 'l'");
    QVERIFY(!f.dialog.isSearching());
}

void TestFindDialog::regularExpressions()
{
    QByteArray data(300, '\0');
    data.replace(10, 6,
        "PK\x03\x04"
        "ab");
    data.replace(200, 6,
        "PK\x03\x04"
        "c!");
    Fixture f(data);
    f.check("regex");
    // Said while typing, and nothing searched.
    f.type("find", "PK(");
    QVERIFY(f.dialog.message().startsWith("regular expression: missing )"));
    f.type("find", "PK\\x03\\x04[a-z]*");
    QVERIFY(f.dialog.message().contains("bound its repetitions"));
    f.dialog.findNext();
    QVERIFY(!f.dialog.isSearching());
    f.type("find", "PK\\x03\\x04[a-z]{1,4}");
    QCOMPARE(f.dialog.message(), QString());
    QVERIFY(f.run(&FindDialog::findNext));
    QCOMPARE(f.selection(), std::pair(qint64(10), qint64(6)));
    QVERIFY(f.run(&FindDialog::findAll));
    QCOMPARE(f.dialog.results(), (QList<qint64> {10, 200}));
    QCOMPARE(f.view()->highlights().bytes(), 6 + 5);
    // Replaced where the match is as long as the replacement (hex bytes).
    f.type("replace", "51 51 51 51 51");
    QVERIFY(f.run(&FindDialog::replaceAll));
    // Every match, the one of another length too (the bytes after it move down by one).
    QCOMPARE(f.file.contents().mid(10, 6), QByteArray("QQQQQ\0", 6));
    QCOMPARE(f.file.contents().mid(199, 6), "QQQQQ!");
    QVERIFY2(f.dialog.message().contains("Replaced 2 matches"), qPrintable(f.dialog.message()));
}

void TestFindDialog::replaceIsNotOfferedOnAReadOnlyMap()
{
    for (const auto mode : {Document::Mode::ReadOnly, Document::Mode::InPlace}) {
        Fixture f("abcabc", mode);
        const bool editable = mode != Document::Mode::ReadOnly;
        for (QPushButton *button : f.dialog.findChildren<QPushButton *>()) {
            const bool replaces = button->text().startsWith("R&eplace")
                || button->text().startsWith("Replace A&ll");
            if (button->text().startsWith("Find")) {
                QVERIFY(button->isEnabled());
            } else if (replaces) {
                QCOMPARE(button->isEnabled(), editable);
                QCOMPARE(button->toolTip().contains("read-only"), !editable);
            }
        }
    }
}

QTEST_MAIN(TestFindDialog)
#include "tst_finddialog.moc"
