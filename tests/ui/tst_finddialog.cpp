// The Find dialog on real files: for literal patterns its answers are exactly
// MemoryMap::find / rfind's; Find All counts and highlights; wildcards and ignored
// case; cancel stops a long search; Replace All is one undo step.
#include "document.h"
#include "documenttab.h"
#include "finddialog.h"
#include "hexmodel.h"
#include "hexview.h"
#include "scratchfile.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <random>

using namespace hexmap;

namespace {
const QByteArray kData = QByteArray("abcXabcYab\0cZab", 15) + QByteArray(200, 'q') + "abc";

struct Fixture
{
    explicit Fixture(const QByteArray &content)
        : file(content)
    {
        Document::OpenResult opened = Document::open(QString::fromStdString(file.path()), {});
        tab = std::make_unique<DocumentTab>(std::move(opened.document));
        tab->resize(900, 500);
        tab->show();
        dialog.setTab(tab.get());
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
    [[nodiscard]] MemoryMap &map() const { return *tab->document()->model()->map(); }

    ScratchFile file;
    std::unique_ptr<DocumentTab> tab;
    FindDialog dialog;
};
} // namespace

class TestFindDialog : public QObject
{
    Q_OBJECT

private slots:
    void answersEqualTheCore_data();
    void answersEqualTheCore();
    void findNextGoesOnAndWraps();
    void findAllCountsAndHighlights();
    void wildcardsAndIgnoredCase();
    void typedValues();
    void cancelStopsALongSearch();
    void replaceAndReplaceAll();
    void badInputSaysWhy();
};

void TestFindDialog::answersEqualTheCore_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<bool>("forward");
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
                << QString(pattern) << QString(from) << QString(to) << forward;
        }
    }
}

void TestFindDialog::answersEqualTheCore()
{
    QFETCH(QString, pattern);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(bool, forward);
    Fixture f(kData);
    f.check("wrap", false);
    // An empty To means the end going forward and the cursor going backward: with the
    // cursor on the last byte both are Python's default end.
    if (!forward) {
        f.check("backward");
        f.tab->view()->setCursorOffset(kData.size() - 1);
    }
    f.type("find", pattern);
    f.type("from", from);
    f.type("to", to);
    QVERIFY(f.run(&FindDialog::findNext));

    const QByteArray needle = QByteArray::fromHex(pattern.toLatin1());
    const Bytes bytes(needle.begin(), needle.end());
    const auto bound = [](const QString &text) -> std::optional<std::int64_t> {
        if (text.isEmpty())
            return std::nullopt;
        return text == "4K" ? 4096 : text.toLongLong(nullptr, 0);
    };
    const std::int64_t expected = forward ? f.map().find(bytes, bound(from), bound(to))
                                          : f.map().rfind(bytes, bound(from), bound(to));
    if (expected < 0) {
        QCOMPARE(f.dialog.message(), "Not found.");
    } else {
        QVERIFY2(f.tab->view()->hasSelection(), qPrintable(f.dialog.message()));
        QCOMPARE(f.tab->view()->selectionStart(), expected);
        QCOMPARE(f.tab->view()->selectionLength(), qint64(bytes.size()));
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
    const QByteArray path = dir.filePath("huge.img").toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (ftruncate(fd, qint64(16) << 30) != 0)
        QSKIP("this filesystem cannot hold a 16 GiB sparse file");
    ::close(fd);
    Document::OpenResult opened = Document::open(QString::fromLocal8Bit(path), {});
    DocumentTab tab(std::move(opened.document));
    FindDialog dialog;
    dialog.setTab(&tab);
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
    f.tab->document()->model()->undoStack()->undo(); // all of them, one step
    QCOMPARE(f.file.contents(), "aYbXcXdX");

    f.type("replace", "59 59");
    f.dialog.replaceAll();
    QVERIFY(f.dialog.message().contains("must be equal"));
    QCOMPARE(f.file.contents(), "aYbXcXdX");
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

QTEST_MAIN(TestFindDialog)
#include "tst_finddialog.moc"
