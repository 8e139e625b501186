// HexView driven like a user does, with QTest key and mouse events on real files:
// typing, undo, navigation, selection, clipboard, refusal on read-only maps, and a
// 64 GiB sparse file edited at its last byte. Files are checked independently (pread),
// and what the view paints by its pixels: byte classes, matches, missing bytes.
#include "byteclass.h"
#include "cellpixels.h"
#include "document.h"
#include "hexview.h"
#include "scratchfile.h"

#include <QClipboard>
#include <QMimeData>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

using namespace hexmap;

namespace {
std::unique_ptr<Document> modelFor(int fd, Access access = Access::Write)
{
    return std::make_unique<Document>(
        MappedFile(std::make_shared<MemoryMap>(fd, 0, MapOptions {.access = access})));
}

// A shown view of 16 bytes per line on the model.
std::unique_ptr<HexView> viewOn(Document *model)
{
    auto view = std::make_unique<HexView>();
    view->resize(900, 400);
    view->setDocument(model);
    view->show();
    view->setFocus();
    return view;
}

// Inside the cell, on its first nibble.
QPoint cellCenter(const HexView &view, qint64 offset, Pane pane)
{
    const QRect cell = cellpixels::cellRect(view, offset, pane);
    return {cell.left() + 2, cell.center().y()};
}

// The colour a byte's glyph is drawn in.
QColor colorOf(const HexView &view, quint8 byte)
{
    return byteColor(classify(byte), view.palette());
}
} // namespace

class TestHexView : public QObject
{
    Q_OBJECT

private slots:
    void typeHexThenUndoRedo();
    void typeInTheTextPane();
    void navigationKeys();
    void selectWithShiftAndMouse();
    void keyboardSelectionGoesBetweenPositions_data();
    void keyboardSelectionGoesBetweenPositions();
    void copyAndPaste();
    void pasteRefusesWhatDoesNotFit();
    void readOnlyRefusesWithAReason();
    void sparse64GiBLastByte();
    void scrollBarReachesTheLastLine();
    void truncatedFileShowsTheMissingBytes();
    void byteClassesAndMatchesArePainted();
    void oneKeystrokeOneNotification();
};

void TestHexView::typeHexThenUndoRedo()
{
    ScratchFile file(QByteArray(64, '.'));
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    QTest::keyClicks(view.get(), "4");
    QCOMPARE(view->cursorNibble(), 1);
    QCOMPARE(file.contents().at(0), '\x4e'); // high nibble typed over '.' (0x2e)
    QTest::keyClicks(view.get(), "14243");
    QCOMPARE(file.contents().left(4), "ABC.");
    QCOMPARE(view->cursorOffset(), 3);
    QTest::keyClick(view.get(), Qt::Key_Z, Qt::ControlModifier); // the whole run is one step
    QCOMPARE(file.contents(), QByteArray(64, '.'));
    QTest::keyClick(view.get(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(file.contents().left(4), "ABC.");
    QTest::keyClicks(view.get(), "g"); // not a hex digit: nothing happens
    QCOMPARE(file.contents().left(4), "ABC.");
}

void TestHexView::typeInTheTextPane()
{
    ScratchFile file(QByteArray(64, '.'));
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    QTest::keyClick(view.get(), Qt::Key_Tab);
    QCOMPARE(view->activePane(), Pane::Text);
    view->setCursorOffset(10);
    QTest::keyClicks(view.get(), "hi!");
    QCOMPARE(file.contents().mid(9, 5), ".hi!.");
    QTest::keyClick(view.get(), Qt::Key_Tab);
    QCOMPARE(view->activePane(), Pane::Hex);
}

void TestHexView::navigationKeys()
{
    ScratchFile file(QByteArray(1000, 'n'));
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    QSignalSpy moved(view.get(), &HexView::cursorMoved);
    QTest::keyClick(view.get(), Qt::Key_Right);
    QCOMPARE(view->cursorOffset(), 1);
    QTest::keyClick(view.get(), Qt::Key_Down);
    QCOMPARE(view->cursorOffset(), 17);
    QTest::keyClick(view.get(), Qt::Key_End);
    QCOMPARE(view->cursorOffset(), 31);
    QTest::keyClick(view.get(), Qt::Key_Home);
    QCOMPARE(view->cursorOffset(), 16);
    QTest::keyClick(view.get(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view->cursorOffset(), 999);
    QTest::keyClick(view.get(), Qt::Key_Down); // clamped at the end
    QCOMPARE(view->cursorOffset(), 999);
    QTest::keyClick(view.get(), Qt::Key_Home, Qt::ControlModifier);
    QCOMPARE(view->cursorOffset(), 0);
    QTest::keyClick(view.get(), Qt::Key_Up);
    QCOMPARE(view->cursorOffset(), 0);
    QTest::keyClick(view.get(), Qt::Key_PageDown);
    QVERIFY(view->cursorOffset() > 16 * 10);
    QCOMPARE(view->cursorOffset() % 16, 0);
    QCOMPARE(moved.last().at(0).toLongLong(), view->cursorOffset());
}

void TestHexView::selectWithShiftAndMouse()
{
    ScratchFile file(QByteArray(256, 's'));
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    QSignalSpy selection(view.get(), &HexView::selectionChanged);
    for (int i = 0; i < 4; ++i)
        QTest::keyClick(view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QVERIFY(view->hasSelection());
    QCOMPARE(view->selectionStart(), 0);
    QCOMPARE(view->selectionLength(), 4); // as in a text editor: 4 keys, 4 bytes
    QCOMPARE(view->cursorOffset(), 4);
    QCOMPARE(selection.last().at(1).toLongLong(), 4);
    QTest::keyClick(view.get(), Qt::Key_Right);
    QVERIFY(!view->hasSelection());

    // Drag in the text pane from offset 18 to offset 35.
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, cellCenter(*view, 18, Pane::Text));
    QCOMPARE(view->activePane(), Pane::Text);
    QTest::mouseMove(view->viewport(), cellCenter(*view, 35, Pane::Text));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, cellCenter(*view, 35, Pane::Text));
    QCOMPARE(view->selectionStart(), 18);
    QCOMPARE(view->selectionLength(), 18);
    // A click in the hex pane lands on that byte and its nibble.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cellCenter(*view, 50, Pane::Hex));
    QCOMPARE(view->cursorOffset(), 50);
    QCOMPARE(view->activePane(), Pane::Hex);
    QVERIFY(!view->hasSelection());
}

void TestHexView::keyboardSelectionGoesBetweenPositions_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 40; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

// Random Shift+arrows, Home, End, Page Up/Down (Ctrl too) from a random start, as real
// key events: the selection is always [min, max) of where the cursor was before the
// first of them and where it is now, and Shift+Right n times selects n bytes (up to
// the end). Copy takes exactly those bytes.
void TestHexView::keyboardSelectionGoesBetweenPositions()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const qsizetype size = 1 + random.bounded(3000);
    QByteArray bytes(size, '\0');
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    ScratchFile file(bytes);
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    const qint64 anchor = random.bounded(int(size));
    view->setCursorOffset(anchor);
    const int rights = 1 + random.bounded(20);
    for (int i = 0; i < rights; ++i)
        QTest::keyClick(view.get(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(view->selectionStart(), anchor);
    QCOMPARE(view->selectionLength(), std::min<qint64>(rights, size - anchor));

    const Qt::Key keys[] = {Qt::Key_Right, Qt::Key_Left, Qt::Key_Up, Qt::Key_Down, Qt::Key_Home,
        Qt::Key_End, Qt::Key_PageUp, Qt::Key_PageDown};
    QString history
        = QStringLiteral("size %1, from %2, %3 × Shift+Right").arg(size).arg(anchor).arg(rights);
    for (int step = 0; step < 40; ++step) {
        const Qt::Key key = keys[random.bounded(int(std::size(keys)))];
        const bool control = (key == Qt::Key_Home || key == Qt::Key_End) && random.bounded(3) == 0;
        QTest::keyClick(
            view.get(), key, Qt::ShiftModifier | (control ? Qt::ControlModifier : Qt::NoModifier));
        history += QStringLiteral("; %1%2").arg(control ? "Ctrl+" : "").arg(key, 0, 16);
        const qint64 cursor = view->cursorOffset();
        QVERIFY2(cursor >= 0 && cursor <= size, qPrintable(history));
        QVERIFY2(view->selectionStart() == std::min(anchor, cursor), qPrintable(history));
        QVERIFY2(view->selectionLength() == std::abs(cursor - anchor), qPrintable(history));
    }
    if (view->hasSelection()) {
        view->copy();
        QCOMPARE(QGuiApplication::clipboard()->mimeData()->data("application/octet-stream"),
            bytes.mid(view->selectionStart(), view->selectionLength()));
    }
    QTest::keyClick(view.get(), Qt::Key_Right); // no Shift: the selection goes
    QVERIFY(!view->hasSelection());
    QVERIFY(view->cursorOffset() < size);
}

void TestHexView::copyAndPaste()
{
    ScratchFile file(QByteArray("ABCD") + QByteArray(60, '.'));
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    view->setSelection(0, 4);
    QTest::keyClick(view.get(), Qt::Key_C, Qt::ControlModifier);
    const QMimeData *copied = QGuiApplication::clipboard()->mimeData();
    QCOMPARE(copied->text(), "41 42 43 44");
    QCOMPARE(copied->data("application/octet-stream"), "ABCD");

    view->setCursorOffset(32);
    QTest::keyClick(view.get(), Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(file.contents().mid(32, 4), "ABCD");
    QCOMPARE(view->cursorOffset(), 36);
    QCOMPARE(model->undoStack()->count(), 1); // one step

    QGuiApplication::clipboard()->setText("de ad 0xBE ef");
    view->setCursorOffset(40);
    view->paste();
    QCOMPARE(file.contents().mid(40, 4), "\xde\xad\xbe\xef");

    QSignalSpy refused(view->document(), &Document::failed);
    QGuiApplication::clipboard()->setText("hello");
    view->paste(); // not hex, in the hex pane
    QCOMPARE(refused.size(), 1);
    QVERIFY(refused[0][0].toString().contains("not a hex digit"));
    view->setActivePane(Pane::Text);
    view->paste(); // as characters in the text pane
    QCOMPARE(file.contents().mid(44, 5), "hello");

    view->setActivePane(Pane::Text);
    view->setSelection(44, 5);
    view->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), "hello");
}

void TestHexView::pasteRefusesWhatDoesNotFit()
{
    ScratchFile file(QByteArray(8, '.'));
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    QSignalSpy refused(view->document(), &Document::failed);
    view->setCursorOffset(6);
    QGuiApplication::clipboard()->setText("01 02 03");
    view->paste();
    QCOMPARE(refused.size(), 1);
    QCOMPARE(file.contents(), QByteArray(8, '.'));
}

void TestHexView::readOnlyRefusesWithAReason()
{
    ScratchFile file("read only", O_RDONLY);
    auto model = modelFor(file.fd(), Access::Read);
    auto view = viewOn(model.get());
    QSignalSpy refused(view->document(), &Document::failed);
    QTest::keyClicks(view.get(), "41");
    QVERIFY(refused.size() >= 1);
    QCOMPARE(refused[0][0].toString(), "The file is open read-only: edits are refused.");
    QCOMPARE(file.contents(), "read only");
    QCOMPARE(view->cursorOffset(), 0);
}

void TestHexView::sparse64GiBLastByte()
{
    const qint64 size = qint64(64) << 30;
    QTemporaryDir dir;
    const QByteArray path = dir.filePath("sparse.img").toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    QVERIFY(fd >= 0);
    if (ftruncate(fd, size) != 0)
        QSKIP("this filesystem cannot hold a 64 GiB sparse file");
    auto model = modelFor(fd);
    auto view = viewOn(model.get());
    QTest::keyClick(view.get(), Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(view->cursorOffset(), size - 1);
    QCOMPARE(view->verticalScrollBar()->value(), view->verticalScrollBar()->maximum());
    QTest::keyClicks(view.get(), "7f");
    char last = 0;
    QCOMPARE(pread(fd, &last, 1, size - 1), 1);
    QCOMPARE(last, '\x7f');
    // The end of the file is painted: its last byte 7F (other ASCII), zeros before it
    // (flushed and with the cursor away, so that no overlay tints them).
    QVERIFY(model->flush());
    view->setCursorOffset(size - 48);
    const QImage picture = cellpixels::picture(*view);
    for (const qint64 offset : {size - 1, size - 2, size - 17}) {
        const QString why
            = cellpixels::byteMismatch(*view, picture, offset, offset == size - 1 ? 0x7f : 0x00);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    ::close(fd);
}

void TestHexView::scrollBarReachesTheLastLine()
{
    const qint64 size = qint64(64) << 30;
    QTemporaryDir dir;
    const QByteArray path = dir.filePath("sparse.img").toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (ftruncate(fd, size) != 0)
        QSKIP("this filesystem cannot hold a 64 GiB sparse file");
    auto model = modelFor(fd);
    ::close(fd);
    auto view = viewOn(model.get());
    QScrollBar *bar = view->verticalScrollBar();
    bar->setValue(bar->maximum()); // the user drags the handle to the bottom
    const int visible = (view->viewport()->height() - view->layout().headerHeight())
        / view->layout().metrics().lineHeight;
    QCOMPARE(view->firstVisibleLine(), view->layout().lineCount() - visible);
    bar->setValue(bar->maximum() / 2);
    QVERIFY(qAbs(view->firstVisibleLine() - view->layout().lineCount() / 2)
        < view->layout().lineCount() / 1000);
}

void TestHexView::truncatedFileShowsTheMissingBytes()
{
    ScratchFile file(QByteArray(4 * 4096, 't'));
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    view->setCursorOffset(4096 + 47); // lines 237 to 258 on screen
    file.truncate(4096);
    // What is still in the file shows as before, what is gone as "··" ("·" as text).
    const QImage picture = cellpixels::picture(*view);
    for (const qint64 offset : {4096 - 1, 4096 - 2}) {
        const QString why = cellpixels::byteMismatch(*view, picture, offset, 't');
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }
    for (const qint64 offset : {4096, 4096 + 1, 4096 + 17}) {
        for (const Pane pane : {Pane::Hex, Pane::Text}) {
            const QString why = cellpixels::missingMismatch(*view, picture, offset, pane);
            QVERIFY2(why.isEmpty(), qPrintable(why));
        }
    }
    QSignalSpy refused(view->document(), &Document::failed);
    view->setCursorOffset(2 * 4096);
    QTest::keyClicks(view.get(), "1");
    QCOMPARE(refused.size(), 1);
}

void TestHexView::byteClassesAndMatchesArePainted()
{
    // One byte of each class, then plain text; the cursor out of the way.
    const QByteArray bytes = QByteArray::fromHex("0041090180") + QByteArray(59, 'm');
    ScratchFile file(bytes);
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    view->setCursorOffset(63);
    const QColor base = view->palette().color(QPalette::Base);
    QImage picture = cellpixels::picture(*view);
    for (int offset = 0; offset < 5; ++offset) {
        // The text pane shows a control byte as '.', in its class's colour.
        const QString why = cellpixels::byteMismatch(*view, picture, offset, bytes[offset]);
        QVERIFY2(why.isEmpty(), qPrintable(why));
    }

    // A match is overlaid in translucent amber, over the background and the glyph.
    const QColor amber(0xff, 0xc1, 0x07, 110);
    RangeSet matches;
    matches.add(17, 19);
    view->setHighlights(matches);
    picture = cellpixels::picture(*view);
    for (const qint64 offset : {16, 17, 18, 19}) {
        const bool found = offset == 17 || offset == 18;
        const QColor ink
            = found ? cellpixels::over(amber, colorOf(*view, 'm')) : colorOf(*view, 'm');
        const QColor background = found ? cellpixels::over(amber, base) : base;
        const QString why
            = cellpixels::mismatch(*view, picture, offset, Pane::Hex, ink, background);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QColor textBackground
            = cellpixels::paintOf(picture, cellpixels::cellRect(*view, offset, Pane::Text))
                  .background;
        QVERIFY2(cellpixels::near(textBackground, background),
            qPrintable(
                QStringLiteral("text cell of byte %1 is on %2, expected %3")
                    .arg(offset)
                    .arg(cellpixels::describe(textBackground), cellpixels::describe(background))));
    }
}

// Each key that moves the cursor, selects, types or switches panes reaches the Editor
// as one operation: one changed(), so listeners (the status bar) refresh once.
// One keystroke, one notification from each layer: the document tells its change once
// (a typed byte) or not at all (navigation), and the editor once in both cases, so that
// whoever listens to both (the status bar) hears the keystroke once through the editor.
void TestHexView::oneKeystrokeOneNotification()
{
    ScratchFile file(QByteArray(256, '.'));
    auto model = modelFor(file.fd());
    auto view = viewOn(model.get());
    QSignalSpy edited(view->editor(), &Editor::changed);
    QSignalSpy documentChanged(model.get(), &Document::changed);
    const struct
    {
        Qt::Key key;
        Qt::KeyboardModifiers modifiers;
        int documentChanges;
    } keys[] = {
        {Qt::Key_4, Qt::NoModifier, 1},
        {Qt::Key_1, Qt::NoModifier, 1},
        {Qt::Key_Right, Qt::ShiftModifier, 0},
        {Qt::Key_Down, Qt::ShiftModifier, 0},
        {Qt::Key_End, Qt::ControlModifier | Qt::ShiftModifier, 0},
        {Qt::Key_Home, Qt::ControlModifier, 0},
        {Qt::Key_Tab, Qt::NoModifier, 0},
        {Qt::Key_X, Qt::NoModifier, 1},
        {Qt::Key_PageDown, Qt::NoModifier, 0},
        {Qt::Key_A, Qt::ControlModifier, 0},
    };
    for (const auto &[key, modifiers, documentChanges] : keys) {
        edited.clear();
        documentChanged.clear();
        QTest::keyClick(view.get(), key, modifiers);
        const QString what = QStringLiteral("key %1 (modifiers %2): %3 Editor::changed, %4 "
                                            "Document::changed")
                                 .arg(QKeySequence(key).toString())
                                 .arg(int(modifiers))
                                 .arg(edited.size())
                                 .arg(documentChanged.size());
        QVERIFY2(edited.size() == 1 && documentChanged.size() == documentChanges, qPrintable(what));
    }
    QCOMPARE(view->selectionLength(), 256);
    QCOMPARE(file.contents().left(1), "x"); // typed over the "A" of 4 1, in the text pane
}

QTEST_MAIN(TestHexView)
#include "tst_hexview.moc"
