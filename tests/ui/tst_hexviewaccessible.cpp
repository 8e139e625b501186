// The hex view as a screen reader sees it, through Qt's accessibility API on the real
// widget: a table of lines and bytes, each cell named by its offset and valued by its
// byte and character, the cursor as the focus, and the text pane as text. Random files,
// offsets and ranges, checked against the file's bytes (pread) and simple reference
// models of what the pane shows (ASCII; UTF-8 of random strings).
#include "document.h"
#include "hexview.h"
#include "hexviewaccessible.h"
#include "mainwindow.h"
#include "scratchfile.h"
#include "seeds.h"

#include <QAccessible>
#include <QRandomGenerator>
#include <QtTest>

#include <climits>

using namespace hexmap;

namespace {

// The events the view sent, as the accessibility update handler saw them.
struct Heard
{
    QAccessible::Event type;
    QString name; // of the event's interface
    int position = -1; // caret
    int selectionStart = -1;
    int selectionEnd = -1;
};
QList<Heard> g_heard;

void listen(QAccessibleEvent *event)
{
    Heard heard {event->type(), {}};
    if (QAccessibleInterface *iface = event->accessibleInterface())
        heard.name = iface->text(QAccessible::Name);
    if (event->type() == QAccessible::TextCaretMoved)
        heard.position = static_cast<QAccessibleTextCursorEvent *>(event)->cursorPosition();
    if (event->type() == QAccessible::TextSelectionChanged) {
        const auto *selection = static_cast<QAccessibleTextSelectionEvent *>(event);
        heard.selectionStart = selection->selectionStart();
        heard.selectionEnd = selection->selectionEnd();
    }
    g_heard.append(heard);
}

// The first event of that type the view sent since g_heard was cleared, or null.
const Heard *heardOf(QAccessible::Event type)
{
    const auto found = std::find_if(g_heard.cbegin(), g_heard.cend(),
        [type](const Heard &heard) { return heard.type == type; });
    return found == g_heard.cend() ? nullptr : &*found;
}

std::unique_ptr<Document> documentOn(int fd)
{
    return std::make_unique<Document>(MappedFile(std::make_shared<MemoryMap>(fd, 0)));
}

QByteArray randomBytes(QRandomGenerator &random, qsizetype size)
{
    QByteArray bytes(size, '\0');
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

// A view over a file of random bytes.
struct RandomFileView
{
    RandomFileView(QRandomGenerator &random, qsizetype size)
        : file(randomBytes(random, size))
        , bytes(file.contents())
        , document(documentOn(file.fd()))
    {
        view.setDocument(document.get());
    }
    ScratchFile file;
    QByteArray bytes;
    std::unique_ptr<Document> document;
    HexView view;
};

// The offset column's text: at least 8 upper-case hex digits, more for a larger map.
QString offsetName(qint64 offset, qint64 size)
{
    int digits = 8;
    while (digits < 16 && (size - 1) >> (4 * digits) != 0)
        ++digits;
    return QStringLiteral("%1").arg(offset, digits, 16, QLatin1Char('0')).toUpper();
}

// What an ASCII pane shows on a byte.
QChar asciiShown(char byte)
{
    return byte >= 0x20 && byte < 0x7f ? QLatin1Char(byte) : QLatin1Char('.');
}

QString hexOf(char byte)
{
    return QStringLiteral("%1").arg(quint8(byte), 2, 16, QLatin1Char('0')).toUpper();
}

// The first interface of role under iface, depth first, as a screen reader walks the tree
// (a table's cells are not walked).
QAccessibleInterface *findRole(QAccessibleInterface *iface, QAccessible::Role role)
{
    if (iface->role() == role)
        return iface;
    if (iface->role() == QAccessible::Table)
        return nullptr;
    for (int i = 0; i < iface->childCount(); ++i) {
        if (QAccessibleInterface *child = iface->child(i)) {
            if (QAccessibleInterface *found = findRole(child, role))
                return found;
        }
    }
    return nullptr;
}

QAccessibleInterface *accessibleOf(HexView &view)
{
    return QAccessible::queryAccessibleInterface(&view);
}
} // namespace

class TestHexViewAccessible : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tableCountsFollowTheFile();
    void cellsNameTheOffsetAndValueTheByte();
    void utf8CellsAndTextShowTheCharacters();
    void focusFollowsTheCursor();
    void selectionIsTold();
    void textRangesAreTheBytes();
    void truncatedFileReadsUnreadable();
    void hugeFileMakesFewCells();
    void readInTheMainWindow();
};

void TestHexViewAccessible::initTestCase()
{
    // The offscreen platform has no accessibility bridge (QAccessible::isActive() stays
    // false there): the view's events come to the test's listener instead.
    HexViewAccessible::setListener(listen);
    static QTemporaryDir config;
    qputenv("XDG_CONFIG_HOME", config.path().toLocal8Bit()); // keep the user's settings out
    static QTemporaryDir data;
    qputenv("XDG_DATA_HOME", data.path().toLocal8Bit()); // and the user's bookmarks
}

void TestHexViewAccessible::tableCountsFollowTheFile()
{
    for (const quint64 seed : generatedSeeds("HEXMAP_A11Y_SEED", 1, 20)) {
        QRandomGenerator random(seed);
        const qsizetype size = random.bounded(0, 5000);
        const int bytesPerLine = QList<int> {8, 16, 32}.at(random.bounded(3));
        ScratchFile file(randomBytes(random, size));
        auto document = documentOn(file.fd());
        HexView view;
        view.setBytesPerLine(bytesPerLine);
        view.setDocument(document.get());
        QAccessibleInterface *iface = accessibleOf(view);
        QVERIFY(iface);
        QCOMPARE(iface->role(), QAccessible::Table);
        QAccessibleTableInterface *table = iface->tableInterface();
        QVERIFY(table);
        QCOMPARE(table->rowCount(), int((size + bytesPerLine - 1) / bytesPerLine));
        QCOMPARE(table->columnCount(), int(std::min<qsizetype>(size, bytesPerLine)));
        QCOMPARE(iface->childCount(), int(size));
        QCOMPARE(iface->textInterface()->characterCount(), int(size));
        QCOMPARE(table->cellAt(table->rowCount(), 0), nullptr);
        if (size % bytesPerLine != 0) // the last line is short
            QCOMPARE(table->cellAt(table->rowCount() - 1, int(size % bytesPerLine)), nullptr);
    }
}

void TestHexViewAccessible::cellsNameTheOffsetAndValueTheByte()
{
    for (const quint64 seed : generatedSeeds("HEXMAP_A11Y_SEED", 100, 10)) {
        QRandomGenerator random(seed);
        const qsizetype size = random.bounded(1, 1 << 18);
        const int bytesPerLine = QList<int> {8, 16, 32}.at(random.bounded(3));
        ScratchFile file(randomBytes(random, size));
        const QByteArray bytes = file.contents();
        auto document = documentOn(file.fd());
        HexView view;
        view.setBytesPerLine(bytesPerLine);
        view.setDocument(document.get());
        QAccessibleInterface *iface = accessibleOf(view);
        QAccessibleTableInterface *table = iface->tableInterface();
        for (int k = 0; k < 200; ++k) {
            const qint64 offset = random.bounded(qint64(size));
            QAccessibleInterface *cell
                = table->cellAt(int(offset / bytesPerLine), int(offset % bytesPerLine));
            QVERIFY(cell);
            QCOMPARE(cell->role(), QAccessible::Cell);
            QCOMPARE(cell->text(QAccessible::Name), offsetName(offset, size));
            const char byte = bytes.at(offset);
            QCOMPARE(cell->text(QAccessible::Value), hexOf(byte) + u' ' + asciiShown(byte));
            QAccessibleTableCellInterface *tableCell = cell->tableCellInterface();
            QCOMPARE(tableCell->rowIndex(), int(offset / bytesPerLine));
            QCOMPARE(tableCell->columnIndex(), int(offset % bytesPerLine));
            QCOMPARE(cell->parent(), iface);
            QCOMPARE(iface->indexOfChild(cell), int(offset));
            QCOMPARE(iface->child(int(offset)), cell);
        }
    }
}

void TestHexViewAccessible::utf8CellsAndTextShowTheCharacters()
{
    // Random strings of one-, two-, three- and four-byte characters.
    const QList<char32_t> alphabet {U'a', U'Z', U'~', U'é', U'ß', U'Ж', U'✓', U'中', U'😀'};
    for (const quint64 seed : generatedSeeds("HEXMAP_A11Y_SEED", 200, 10)) {
        QRandomGenerator random(seed);
        QByteArray bytes;
        QList<std::pair<qsizetype, char32_t>> leads; // where each character starts
        for (int k = random.bounded(1, 400); k > 0; --k) {
            const char32_t character = alphabet.at(random.bounded(alphabet.size()));
            leads.append({bytes.size(), character});
            bytes += QString::fromUcs4(&character, 1).toUtf8();
        }
        ScratchFile file(bytes);
        auto document = documentOn(file.fd());
        HexView view;
        view.setTextEncoding(TextEncoding::Utf8);
        view.setDocument(document.get());
        QAccessibleInterface *iface = accessibleOf(view);
        // The model: the character on its lead byte, a space on the others.
        QString expected(bytes.size(), u' ');
        for (const auto &[at, character] : leads)
            expected[at]
                = QChar::requiresSurrogates(character) ? QChar(0xFFFD) : QChar(char16_t(character));
        for (int k = 0; k < 50; ++k) {
            const int start = random.bounded(int(bytes.size()));
            const int end = random.bounded(start, int(bytes.size()) + 1);
            QCOMPARE(iface->textInterface()->text(start, end), expected.mid(start, end - start));
        }
        for (const auto &[at, character] : leads) {
            QAccessibleInterface *cell = iface->child(int(at));
            QCOMPARE(cell->text(QAccessible::Value),
                hexOf(bytes.at(at)) + u' ' + QString::fromUcs4(&character, 1));
            const int length = int(QString::fromUcs4(&character, 1).toUtf8().size());
            for (int i = 1; i < length; ++i)
                QCOMPARE(
                    iface->child(int(at) + i)->text(QAccessible::Value), hexOf(bytes.at(at + i)));
        }
    }
}

void TestHexViewAccessible::focusFollowsTheCursor()
{
    QRandomGenerator random(300);
    const qsizetype size = 100000;
    RandomFileView shown(random, size);
    HexView &view = shown.view;
    view.resize(900, 400);
    view.show();
    view.activateWindow();
    view.setFocus();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    QVERIFY(view.hasFocus());
    QAccessibleInterface *iface = accessibleOf(view);
    for (int k = 0; k < 100; ++k) {
        g_heard.clear();
        // Half the moves are keys, as a user makes them; the others jumps.
        const qint64 before = view.cursorOffset();
        if (k % 2 == 0) {
            view.setCursorOffset(random.bounded(qint64(size)));
        } else {
            const auto key = QList<Qt::Key> {Qt::Key_Right, Qt::Key_Left, Qt::Key_Down, Qt::Key_Up,
                Qt::Key_PageDown}
                                 .at(random.bounded(5));
            QTest::keyClick(&view, key);
        }
        if (view.cursorOffset() == before)
            continue;
        const QString expected = offsetName(view.cursorOffset(), size);
        const Heard *focus = heardOf(QAccessible::Focus);
        QVERIFY2(focus, "no focus event");
        QCOMPARE(focus->name, expected);
        const Heard *caret = heardOf(QAccessible::TextCaretMoved);
        QVERIFY2(caret, "no caret event");
        QCOMPARE(caret->position, int(view.cursorOffset()));
        QCOMPARE(iface->focusChild()->text(QAccessible::Name), expected);
        QCOMPARE(iface->textInterface()->cursorPosition(), int(view.cursorOffset()));
        QVERIFY(iface->focusChild()->state().focused);
    }
}

void TestHexViewAccessible::selectionIsTold()
{
    QRandomGenerator random(400);
    const qsizetype size = 20000;
    RandomFileView shown(random, size);
    HexView &view = shown.view;
    QAccessibleInterface *iface = accessibleOf(view);
    QAccessibleTextInterface *text = iface->textInterface();
    QAccessibleTableInterface *table = iface->tableInterface();
    for (int k = 0; k < 100; ++k) {
        g_heard.clear();
        const qint64 start = random.bounded(qint64(size));
        const qint64 length = random.bounded(1, int(size - start) + 1);
        view.setSelection(start, length);
        const Heard *told = heardOf(QAccessible::TextSelectionChanged);
        QVERIFY2(told, "no selection event");
        QCOMPARE(told->selectionStart, int(start));
        QCOMPARE(told->selectionEnd, int(start + length));
        QCOMPARE(text->selectionCount(), 1);
        int from = -1;
        int to = -1;
        text->selection(0, &from, &to);
        QCOMPARE(from, int(start));
        QCOMPARE(to, int(start + length));
        QCOMPARE(table->selectedCellCount(), int(length));
        const qint64 inside = start + random.bounded(length);
        QVERIFY(iface->child(int(inside))->tableCellInterface()->isSelected());
        if (start > 0)
            QVERIFY(!iface->child(int(start - 1))->tableCellInterface()->isSelected());
        // A row counts as selected when every byte of it is.
        const int row = random.bounded(table->rowCount());
        const qint64 rowStart = qint64(row) * 16;
        const qint64 rowEnd = std::min<qint64>(rowStart + 16, size);
        QCOMPARE(table->isRowSelected(row), start <= rowStart && rowEnd <= start + length);
    }
    // And the other way: the screen reader selects through the text interface.
    text->setSelection(0, 10, 30);
    QCOMPARE(view.selectionStart(), 10);
    QCOMPARE(view.selectionLength(), 20);
    text->removeSelection(0);
    QVERIFY(!view.hasSelection());
    text->setCursorPosition(1234);
    QCOMPARE(view.cursorOffset(), 1234);
}

void TestHexViewAccessible::textRangesAreTheBytes()
{
    for (const quint64 seed : generatedSeeds("HEXMAP_A11Y_SEED", 500, 10)) {
        QRandomGenerator random(seed);
        const qsizetype size = random.bounded(1, 1 << 16);
        RandomFileView shown(random, size);
        QAccessibleTextInterface *text = accessibleOf(shown.view)->textInterface();
        QString expected;
        for (const char byte : shown.bytes)
            expected += asciiShown(byte);
        for (int k = 0; k < 50; ++k) {
            const int start = random.bounded(int(size));
            const int end = random.bounded(start, int(size) + 1);
            QCOMPARE(text->text(start, end), expected.mid(start, end - start));
            // A line is the view's line of 16 bytes; a character is a byte.
            int from = -1;
            int to = -1;
            const QString line = text->textAtOffset(start, QAccessible::LineBoundary, &from, &to);
            QCOMPARE(from, start / 16 * 16);
            QCOMPARE(to, int(std::min<qsizetype>(from + 16, size)));
            QCOMPARE(line, expected.mid(from, to - from));
            QCOMPARE(text->textAtOffset(start, QAccessible::CharBoundary, &from, &to),
                QString(expected.at(start)));
            QCOMPARE(from, start);
            const QString after
                = text->textAfterOffset(start, QAccessible::CharBoundary, &from, &to);
            QCOMPARE(after, start + 1 < size ? QString(expected.at(start + 1)) : QString());
        }
    }
}

void TestHexViewAccessible::truncatedFileReadsUnreadable()
{
    QRandomGenerator random(600);
    const qsizetype size = 4 * 4096;
    RandomFileView shown(random, size);
    const QByteArray &bytes = shown.bytes;
    QAccessibleInterface *iface = accessibleOf(shown.view);
    const qint64 kept = 4096 * random.bounded(1, 4);
    shown.file.truncateFromOutside(kept);
    for (int k = 0; k < 100; ++k) {
        const qint64 offset = random.bounded(qint64(size));
        QAccessibleInterface *cell = iface->child(int(offset));
        QVERIFY(cell);
        const QString value = cell->text(QAccessible::Value);
        if (offset < kept)
            QCOMPARE(value, hexOf(bytes.at(offset)) + u' ' + asciiShown(bytes.at(offset)));
        else
            QCOMPARE(value, QStringLiteral("unreadable"));
        const int end = int(std::min<qint64>(offset + 100, size));
        const QString text = iface->textInterface()->text(int(offset), end);
        QCOMPARE(text.size(), end - offset);
        for (int i = 0; i < text.size(); ++i)
            QCOMPARE(text.at(i) == QChar(0xFFFD), offset + i >= kept);
    }
}

void TestHexViewAccessible::hugeFileMakesFewCells()
{
    // 64 GiB of holes: 2^32 lines, more than an int counts; the counts stop at INT_MAX
    // and a cell far down is still named right.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.bin"));
    const qint64 size = qint64(64) << 30;
    if (!createSparseFile(path, size))
        QSKIP("this file system cannot hold a 64 GiB sparse file");
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDWR | O_CLOEXEC);
    auto document = documentOn(fd);
    ::close(fd);
    HexView view;
    view.setDocument(document.get());
    QAccessibleInterface *iface = accessibleOf(view);
    QCOMPARE(iface->tableInterface()->rowCount(), INT_MAX);
    QCOMPARE(iface->childCount(), INT_MAX);
    // Cells are made on demand and forgotten past a bound: the first one made goes.
    const QAccessible::Id first = QAccessible::uniqueId(iface->tableInterface()->cellAt(0, 0));
    QRandomGenerator random(700);
    for (int k = 0; k < HexViewAccessible::kMaxCells + 1; ++k) {
        const int row = random.bounded(INT_MAX);
        const int column = random.bounded(16);
        QAccessibleInterface *cell = iface->tableInterface()->cellAt(row, column);
        QCOMPARE(cell->text(QAccessible::Name), offsetName(qint64(row) * 16 + column, size));
        if (k % 256 == 0) // each read faults a page of the holes in
            QCOMPARE(cell->text(QAccessible::Value), QStringLiteral("00 ."));
    }
    QCOMPARE(QAccessible::accessibleInterface(first), nullptr);
}

void TestHexViewAccessible::readInTheMainWindow()
{
    // A file opened in the window: its table is found from the window's interface, as a
    // screen reader finds it, and the arrow keys announce the bytes they reach.
    QRandomGenerator random(800);
    const qsizetype size = random.bounded(100, 5000);
    ScratchFile file(randomBytes(random, size));
    const QByteArray bytes = file.contents();
    MainWindow window;
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QVERIFY(window.openFile(QString::fromStdString(file.path())));
    auto *view = window.findChild<HexView *>();
    QVERIFY(view);
    view->setFocus();
    QAccessibleInterface *table
        = findRole(QAccessible::queryAccessibleInterface(&window), QAccessible::Table);
    QVERIFY(table);
    QCOMPARE(table->object(), view);
    QCOMPARE(table->childCount(), int(size));
    for (int k = 0; k < 20; ++k) {
        g_heard.clear();
        QTest::keyClick(view, Qt::Key_Right);
        const qint64 offset = view->cursorOffset();
        const Heard *focus = heardOf(QAccessible::Focus);
        QVERIFY2(focus, "no focus event");
        QCOMPARE(focus->name, offsetName(offset, size));
        QCOMPARE(table->focusChild()->text(QAccessible::Value),
            hexOf(bytes.at(offset)) + u' ' + asciiShown(bytes.at(offset)));
    }
}

QTEST_MAIN(TestHexViewAccessible)
#include "tst_hexviewaccessible.moc"
