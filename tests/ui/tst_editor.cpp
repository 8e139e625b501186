// The Editor without any widget: cursor, anchor, pane and nibble checked against a
// small reference model over generated operation sequences and every navigation from
// every offset of small maps (empty, one byte, lines partly filled); typing in both
// panes, paste and copy round trips, refusals, clamping when the map's size changes,
// and one changed() per operation that changed something.
#include "document.h"
#include "editor.h"
#include "inputparsing.h"
#include "scratchfile.h"

#include <QMimeData>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <random>

using namespace hexmap;

namespace {
using Move = Editor::Move;
constexpr Move kMoves[]
    = {Move::NextByte, Move::PreviousByte, Move::NextLine, Move::PreviousLine, Move::NextPage,
        Move::PreviousPage, Move::LineStart, Move::LineEnd, Move::DocumentStart, Move::DocumentEnd};

// A file-backed model: it may be empty, and it can be resized.
std::unique_ptr<Document> fileModel(const ScratchFile &file, Access access = Access::Write)
{
    return std::make_unique<Document>(MappedFile(file.fd(), 0, MapOptions {.access = access}));
}

QByteArray randomBytes(QRandomGenerator &random, qsizetype size)
{
    QByteArray bytes(size, '\0');
    for (char &byte : bytes)
        byte = char(random.bounded(256));
    return bytes;
}

// What the Editor's state should be, stated from the user's side.
struct Reference
{
    qint64 size = 0;
    qint64 cursor = 0;
    qint64 anchor = -1;
    // Selected by keyboard: anchor and cursor are positions between bytes, the selection
    // [min, max) of them, as in a text editor; otherwise both ends' bytes are selected.
    bool between = false;
    int nibble = 0;
    Pane pane = Pane::Hex;

    [[nodiscard]] qint64 last() const { return std::max<qint64>(size - 1, 0); }
    // Between bytes the cursor may stand after the last one.
    [[nodiscard]] qint64 lastPosition() const { return between ? size : last(); }
    [[nodiscard]] qint64 clamped(qint64 offset) const
    {
        return std::clamp<qint64>(offset, 0, last());
    }
    [[nodiscard]] qint64 start() const { return anchor < 0 ? cursor : std::min(anchor, cursor); }
    [[nodiscard]] qint64 length() const
    {
        return anchor < 0 || size == 0 ? 0 : std::abs(anchor - cursor) + (between ? 0 : 1);
    }
    // A click or moveCursor: extending keeps the byte where the selection started.
    void moveTo(qint64 offset, bool extend)
    {
        if (!extend)
            anchor = -1;
        else if (anchor < 0)
            anchor = cursor;
        else if (between)
            anchor = std::clamp<qint64>(cursor < anchor ? anchor - 1 : anchor, 0, last());
        between = false;
        cursor = clamped(offset);
        nibble = 0;
    }
    // A key: with Shift the selection goes from the position before to the one after;
    // bytes already selected [a, c] are the positions [a, c + 1).
    void navigate(Move move, bool extend, int bytesPerLine, int lines)
    {
        if (!extend) {
            moveTo(target(move, bytesPerLine, lines), false);
            return;
        }
        if (anchor < 0)
            anchor = cursor;
        else if (!between && cursor >= anchor)
            ++cursor;
        else if (!between)
            ++anchor;
        between = true;
        cursor = std::clamp<qint64>(target(move, bytesPerLine, lines), 0, size);
        nibble = 0;
    }
    // Where each key leads, each written as the user would say it.
    [[nodiscard]] qint64 target(Move move, int bytesPerLine, int lines) const
    {
        // Selecting forward to the end of a line leaves the cursor there, not on the next.
        const bool atLineEnd
            = between && cursor > anchor && cursor > 0 && cursor % bytesPerLine == 0;
        const qint64 column = atLineEnd ? bytesPerLine : cursor % bytesPerLine;
        switch (move) {
        case Move::NextByte:
            return cursor + 1;
        case Move::PreviousByte:
            return cursor - 1;
        case Move::NextLine:
            return cursor + bytesPerLine;
        case Move::PreviousLine:
            return cursor >= bytesPerLine ? cursor - bytesPerLine : cursor; // top line: stay
        case Move::NextPage:
            return cursor + qint64(lines) * bytesPerLine;
        case Move::PreviousPage:
            return cursor - qint64(lines) * bytesPerLine;
        case Move::LineStart:
            return cursor - column;
        case Move::LineEnd: // past the line's last byte when selecting
            return cursor - column + bytesPerLine - (between ? 0 : 1);
        case Move::DocumentStart:
            return 0;
        case Move::DocumentEnd:
            return lastPosition();
        }
        return cursor;
    }
    void resized(qint64 newSize)
    {
        size = newSize;
        if (cursor > lastPosition()) {
            cursor = last();
            anchor = -1;
            between = false;
            nibble = 0;
        } else if (anchor > lastPosition()) {
            anchor = -1;
            between = false;
            cursor = clamped(cursor);
        }
    }
};

// What differs between editor and reference, or empty.
QString mismatch(const Editor &editor, const Reference &reference)
{
    QStringList wrong;
    const auto check = [&](const char *what, qint64 actual, qint64 expected) {
        if (actual != expected)
            wrong << QStringLiteral("%1 %2 (expected %3)").arg(what).arg(actual).arg(expected);
    };
    check("cursor", editor.cursorOffset(), reference.cursor);
    check("anchor", editor.anchor(), reference.anchor);
    check("hasSelection", editor.hasSelection(), reference.length() > 0);
    check("between", editor.selectsBetween(), reference.between);
    check("selection start", editor.selectionStart(), reference.start());
    check("selection length", editor.selectionLength(), reference.length());
    check("nibble", editor.cursorNibble(), reference.nibble);
    check("pane", int(editor.activePane()), int(reference.pane));
    return wrong.join(QStringLiteral(", "));
}

// Fails the test unless the editor holds what the reference says; history (evaluated
// only then) says what led there.
#define COMPARE_STATE(editor, reference, history)                                                  \
    do {                                                                                           \
        const QString wrong = mismatch(editor, reference);                                         \
        if (!wrong.isEmpty())                                                                      \
            QFAIL(qPrintable(wrong + QStringLiteral(" after: ") + (history)));                     \
    } while (false)

QMimeData *textMime(const QString &text)
{
    auto *mime = new QMimeData;
    mime->setText(text);
    return mime;
}
} // namespace

class TestEditor : public QObject
{
    Q_OBJECT

private slots:
    void everyNavigationFromEveryOffset_data();
    void everyNavigationFromEveryOffset();
    void randomOperationSequences_data();
    void randomOperationSequences();
    void clampsWhenTheSizeChanges();
    void typing_data();
    void typing();
    void typingIsOneUndoStep();
    void typingRefusesWhatIsNotForThePane();
    void typingWritesTheTextEncoding();
    void readOnlyAndEmptyMapsRefuseTyping();
    void copyPasteRoundTrip_data();
    void copyPasteRoundTrip();
    void pasteRefusals();
    void copyRefusals();
    void copyAsGivesEachFormat();
    void oneOperationOneChange();
};

void TestEditor::everyNavigationFromEveryOffset_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<int>("bytesPerLine");
    QTest::addColumn<int>("lines");
    for (const qint64 size : {0, 1, 2, 7, 8, 9, 15, 16, 17, 33, 50}) {
        for (const int bytesPerLine : {1, 3, 8, 16}) {
            for (const int lines : {1, 2, 5})
                QTest::addRow("size %lld, %d per line, %d lines", size, bytesPerLine, lines)
                    << size << bytesPerLine << lines;
        }
    }
}

// Every key, moving and selecting, from every offset, with and without a selection
// already there: the edges (offset 0, the last byte, an empty map, a last line partly
// filled) are all among them.
void TestEditor::everyNavigationFromEveryOffset()
{
    QFETCH(qint64, size);
    QFETCH(int, bytesPerLine);
    QFETCH(int, lines);
    ScratchFile file(QByteArray(qsizetype(size), 'x'));
    auto model = fileModel(file);
    QCOMPARE(model->size(), size);
    Editor editor(model.get());
    for (qint64 from = 0; from <= std::max<qint64>(size - 1, 0); ++from) {
        for (const qint64 anchor : {qint64(-1), qint64(0), size / 2}) {
            for (const Move move : kMoves) {
                for (const bool extend : {false, true}) {
                    Reference reference {.size = size};
                    if (anchor >= 0)
                        reference.anchor = reference.clamped(anchor);
                    reference.cursor = from;
                    if (anchor >= 0)
                        editor.select(anchor, from);
                    else
                        editor.moveCursor(from);
                    COMPARE_STATE(editor, reference, QStringLiteral("setup"));
                    reference.navigate(move, extend, bytesPerLine, lines);
                    editor.navigate(move, extend, bytesPerLine, lines);
                    COMPARE_STATE(editor, reference,
                        QStringLiteral("move %1 from %2, anchor %3, extend %4")
                            .arg(int(move))
                            .arg(from)
                            .arg(anchor)
                            .arg(extend));
                }
            }
        }
    }
}

void TestEditor::randomOperationSequences_data()
{
    QTest::addColumn<quint32>("seed");
    for (quint32 seed = 1; seed <= 60; ++seed)
        QTest::addRow("seed %u", seed) << seed;
}

// Random sequences of every cursor and selection operation against the reference;
// each operation emits changed() once if it changed the state, else not at all.
void TestEditor::randomOperationSequences()
{
    QFETCH(quint32, seed);
    QRandomGenerator random(seed);
    const qint64 sizes[] = {0, 1, 5, 16, 17, 100, 4096 + 3};
    const qint64 size = sizes[random.bounded(int(std::size(sizes)))];
    const int bytesPerLine = 1 + random.bounded(20);
    const int lines = 1 + random.bounded(6);
    ScratchFile file(QByteArray(qsizetype(size), 'x'));
    auto model = fileModel(file);
    Editor editor(model.get());
    QSignalSpy changed(&editor, &Editor::changed);
    Reference reference {.size = size};
    QString history
        = QStringLiteral("size %1, %2 per line, %3 lines").arg(size).arg(bytesPerLine).arg(lines);
    const auto anyOffset = [&] { return qint64(random.bounded(int(size) + 8)) - 4; };
    for (int step = 0; step < 300; ++step) {
        const Reference before = reference;
        changed.clear();
        switch (random.bounded(8)) {
        case 0:
        case 1: {
            const Move move = kMoves[random.bounded(int(std::size(kMoves)))];
            const bool extend = random.bounded(2);
            history += QStringLiteral("; navigate %1%2").arg(int(move)).arg(extend ? "+" : "");
            editor.navigate(move, extend, bytesPerLine, lines);
            reference.navigate(move, extend, bytesPerLine, lines);
            break;
        }
        case 2: {
            const qint64 offset = anyOffset();
            const int nibble = random.bounded(2);
            const bool extend = random.bounded(2);
            history
                += QStringLiteral("; move %1.%2%3").arg(offset).arg(nibble).arg(extend ? "+" : "");
            editor.moveCursor(offset, nibble, extend);
            reference.moveTo(offset, extend);
            reference.nibble = nibble;
            break;
        }
        case 3: {
            const qint64 start = anyOffset();
            const qint64 length = qint64(random.bounded(int(size) + 3)) - 1;
            history += QStringLiteral("; setSelection %1 %2").arg(start).arg(length);
            editor.setSelection(start, length);
            if (length <= 0) {
                reference.moveTo(start, false);
            } else {
                reference.moveTo(start, false);
                reference.moveTo(start + length - 1, true);
            }
            break;
        }
        case 4: {
            const qint64 anchor = anyOffset();
            const qint64 cursor = anyOffset();
            history += QStringLiteral("; select %1 %2").arg(anchor).arg(cursor);
            editor.select(anchor, cursor);
            reference.between = false;
            reference.anchor = reference.clamped(anchor);
            reference.cursor = reference.clamped(cursor);
            reference.nibble = 0;
            break;
        }
        case 5:
            history += QStringLiteral("; selectAll");
            editor.selectAll();
            if (size > 0) {
                reference.between = false;
                reference.anchor = 0;
                reference.cursor = size - 1;
                reference.nibble = 0;
            }
            break;
        case 6:
            history += QStringLiteral("; clearSelection");
            editor.clearSelection();
            reference.moveTo(reference.cursor, false);
            reference.nibble = before.nibble;
            break;
        case 7: {
            const Pane pane = random.bounded(2) ? Pane::Hex : Pane::Text;
            history += QStringLiteral("; pane %1").arg(int(pane));
            editor.setActivePane(pane);
            reference.pane = pane;
            reference.nibble = 0;
            break;
        }
        }
        COMPARE_STATE(editor, reference, history);
        const bool differs = before.cursor != reference.cursor || before.anchor != reference.anchor
            || before.between != reference.between || before.nibble != reference.nibble
            || before.pane != reference.pane;
        if (changed.size() != (differs ? 1 : 0))
            QFAIL(qPrintable(
                QStringLiteral("%1 changed() after: %2").arg(changed.size()).arg(history)));
    }
}

// The model grows and shrinks (to 0 too) under random cursors and selections.
void TestEditor::clampsWhenTheSizeChanges()
{
    QRandomGenerator random(7);
    ScratchFile file(QByteArray(40, 'x'));
    auto model = fileModel(file);
    Editor editor(model.get());
    QSignalSpy changed(&editor, &Editor::changed);
    Reference reference {.size = 40};
    QString history;
    for (int step = 0; step < 200; ++step) {
        const qint64 anchor = random.bounded(int(reference.size) + 1);
        const qint64 cursor = random.bounded(int(reference.size) + 1);
        if (random.bounded(3) == 0) {
            editor.moveCursor(cursor, random.bounded(2));
            reference.moveTo(cursor, false);
            reference.nibble = editor.cursorNibble();
        } else {
            editor.select(anchor, cursor);
            reference.between = false;
            reference.anchor = reference.clamped(anchor);
            reference.cursor = reference.clamped(cursor);
            reference.nibble = 0;
        }
        const qint64 newSize = random.bounded(4) == 0 ? 0 : random.bounded(80);
        history += QStringLiteral("; at %1 anchor %2, resize to %3")
                       .arg(reference.cursor)
                       .arg(reference.anchor)
                       .arg(newSize);
        const Reference before = reference;
        changed.clear();
        QVERIFY2(model->resize(newSize), qPrintable(model->lastError()));
        reference.resized(newSize);
        COMPARE_STATE(editor, reference, history);
        const bool differs = before.cursor != reference.cursor || before.anchor != reference.anchor
            || before.nibble != reference.nibble;
        QCOMPARE(changed.size(), differs ? 1 : 0);
    }
}

void TestEditor::typing_data()
{
    QTest::addColumn<bool>("textPane");
    QTest::addRow("hex digits") << false;
    QTest::addRow("characters in the text pane") << true;
}

// Generated keys over random maps, each byte checked against the reference bytes. Hex
// pane: the digit goes into the nibble, the cursor to the low nibble, then to the next
// byte, and it stays on the last. Text pane, in Latin-1: a character is the byte.
void TestEditor::typing()
{
    QFETCH(bool, textPane);
    const Pane pane = textPane ? Pane::Text : Pane::Hex;
    QRandomGenerator random(textPane ? 12 : 11);
    for (int round = 0; round < 40; ++round) {
        const qsizetype size = 1 + random.bounded(20);
        QByteArray expected = randomBytes(random, size);
        ScratchFile file(expected);
        auto model = fileModel(file);
        Editor editor(model.get());
        editor.setActivePane(pane);
        editor.setTextEncoding(TextEncoding::Latin1);
        Reference reference {.size = size, .pane = pane};
        const qint64 start = random.bounded(int(size));
        editor.moveCursor(start);
        reference.moveTo(start, false);
        QString history = QStringLiteral("size %1, from %2:").arg(size).arg(start);
        for (int key = 0; key < 2 * size + 3; ++key) {
            auto &byte = reinterpret_cast<quint8 &>(expected[reference.cursor]);
            QString typed;
            if (textPane) {
                const QChar c(char16_t(0x20 + random.bounded(0x100 - 0x20)));
                if (!c.isPrint())
                    continue;
                typed = c;
                byte = quint8(c.unicode());
                reference.moveTo(reference.cursor + 1, false);
            } else {
                const int value = random.bounded(16);
                typed = QString::number(value, 16);
                if (random.bounded(2))
                    typed = typed.toUpper();
                byte = reference.nibble == 0 ? quint8((value << 4) | (byte & 0x0f))
                                             : quint8((byte & 0xf0) | value);
                if (reference.nibble == 0)
                    reference.nibble = 1;
                else if (reference.cursor < reference.last())
                    reference.moveTo(reference.cursor + 1, false);
            }
            history += QStringLiteral(" %1").arg(typed);
            QVERIFY(editor.typeText(typed));
            COMPARE_STATE(editor, reference, history);
            QVERIFY2(model->read(0, size).bytes == expected, qPrintable(history));
        }
        QCOMPARE(file.contents(), expected);
    }
}

// Typing that goes on from byte to byte is one step, in either pane, and undoes whole.
void TestEditor::typingIsOneUndoStep()
{
    const QByteArray original("0123456789abcdef");
    ScratchFile file(original);
    auto model = fileModel(file);
    Editor editor(model.get());
    editor.moveCursor(2);
    QVERIFY(editor.typeText("4"));
    QVERIFY(editor.typeText("1"));
    QVERIFY(editor.typeText("42"));
    editor.setActivePane(Pane::Text);
    QVERIFY(editor.typeText("C"));
    QCOMPARE(model->read(0, 16).bytes, QByteArray("01ABC56789abcdef"));
    QCOMPARE(editor.cursorOffset(), 5);
    QCOMPARE(model->undoStack()->count(), 1);
    QVERIFY(model->undo());
    QCOMPARE(file.contents(), original);
}

void TestEditor::typingRefusesWhatIsNotForThePane()
{
    ScratchFile file("abcd");
    auto model = fileModel(file);
    Editor editor(model.get());
    QSignalSpy changed(&editor, &Editor::changed);
    for (const QString &text : {QStringLiteral("g"), QStringLiteral(" "), QStringLiteral("1x"),
             QString(), QStringLiteral("\u00e9")}) {
        QVERIFY2(!editor.typeText(text), qPrintable(text));
    }
    editor.setActivePane(Pane::Text);
    changed.clear();
    for (const QString &text : {QStringLiteral("\n"), QStringLiteral("a\tb"), QString()})
        QVERIFY2(!editor.typeText(text), qPrintable(text));
    QCOMPARE(file.contents(), "abcd");
    QCOMPARE(changed.size(), 0);
    // Printable, but not in the pane's encoding (ASCII): refused with the reason.
    QSignalSpy failed(model.get(), &Document::failed);
    QVERIFY(editor.typeText("a\u20ac"));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0][0].toString(), "Cannot type that: '\u20ac' is not in ASCII.");
    QCOMPARE(file.contents(), "abcd");
    QCOMPARE(changed.size(), 0);
}

// Typing in the text pane writes each character in the pane's encoding, over as many
// bytes as it takes, and the cursor goes past them: random text in every encoding,
// typed in random pieces, reads back as the text's encoding, as one undo step.
void TestEditor::typingWritesTheTextEncoding()
{
    std::mt19937_64 random(5);
    const QString pool = QStringLiteral("aZ09 ~\u00e9\u00df\u20ac\u0416\u3042\u4e2d\U0001f600");
    for (const TextEncoding encoding : textEncodings()) {
        QString typed;
        QByteArray expected;
        while (expected.size() < 24) {
            const qsizetype at = qsizetype(random() % quint64(pool.size()));
            const qsizetype length = pool[at].isLowSurrogate() ? 0
                : pool[at].isHighSurrogate()                   ? 2
                                                               : 1;
            const QString character = pool.mid(at, length);
            const auto bytes = length > 0 ? encodeCharacters(character, encoding) : std::nullopt;
            if (bytes && TextDecoder(encoding).text(*bytes) == character) { // round trips
                typed += character;
                expected += *bytes;
            }
        }
        ScratchFile file(QByteArray(expected.size() + 4, 'x'));
        auto model = fileModel(file);
        Editor editor(model.get());
        editor.setTextEncoding(encoding);
        editor.setActivePane(Pane::Text);
        for (qsizetype at = 0; at < typed.size();) {
            qsizetype length = qsizetype(1 + random() % 3);
            length = std::min(length, typed.size() - at);
            if (typed[at + length - 1].isHighSurrogate())
                ++length; // never split a character
            QVERIFY(editor.typeText(typed.mid(at, length)));
            at += length;
        }
        QCOMPARE(file.contents(), expected + "xxxx");
        QCOMPARE(editor.cursorOffset(), expected.size());
        QCOMPARE(model->undoStack()->count(), 1);
        QCOMPARE(editor.textDecoder().text(expected), typed);
    }
}

void TestEditor::readOnlyAndEmptyMapsRefuseTyping()
{
    ScratchFile file("read only", O_RDONLY);
    auto model = fileModel(file, Access::Read);
    Editor editor(model.get());
    QSignalSpy failed(model.get(), &Document::failed);
    QSignalSpy changed(&editor, &Editor::changed);
    QVERIFY(editor.typeText("4")); // it was typing, refused with a reason
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed[0][0].toString(), "The file is open read-only: edits are refused.");
    QVERIFY(!editor.typeHexDigit(4));
    editor.setActivePane(Pane::Text);
    changed.clear();
    QVERIFY(editor.typeText("x"));
    QVERIFY(!editor.paste(*std::unique_ptr<QMimeData>(textMime("xy"))));
    QCOMPARE(file.contents(), "read only");
    QCOMPARE(editor.cursorOffset(), 0);
    QCOMPARE(editor.cursorNibble(), 0);
    QCOMPARE(changed.size(), 0);

    ScratchFile empty("");
    auto emptyModel = fileModel(empty);
    Editor onEmpty(emptyModel.get());
    QVERIFY(onEmpty.typeText("4"));
    QVERIFY(!onEmpty.typeHexDigit(4));
    onEmpty.setActivePane(Pane::Text);
    QVERIFY(onEmpty.typeText("x"));
    QCOMPARE(emptyModel->size(), 0);
    QCOMPARE(onEmpty.cursorOffset(), 0);
    QCOMPARE(emptyModel->undoStack()->count(), 0);
}

void TestEditor::copyPasteRoundTrip_data()
{
    QTest::addColumn<Pane>("pane");
    QTest::addColumn<bool>("raw");
    QTest::addRow("hex text") << Pane::Hex << false;
    QTest::addRow("text pane characters") << Pane::Text << false;
    QTest::addRow("raw bytes from the hex pane") << Pane::Hex << true;
    QTest::addRow("raw bytes from the text pane") << Pane::Text << true;
}

// Random selections copied and pasted elsewhere: raw bytes come back exactly in either
// pane; hex text exactly in the hex pane; the text pane's characters as the glyphs.
void TestEditor::copyPasteRoundTrip()
{
    QFETCH(Pane, pane);
    QFETCH(bool, raw);
    QRandomGenerator random(13);
    for (int round = 0; round < 50; ++round) {
        QByteArray expected = randomBytes(random, 64);
        ScratchFile file(expected);
        auto model = fileModel(file);
        Editor editor(model.get());
        editor.setActivePane(pane);
        const qint64 start = random.bounded(32);
        const qint64 length = 1 + random.bounded(16);
        editor.setSelection(start, length);
        const std::unique_ptr<QMimeData> copied = editor.copyData();
        QVERIFY(copied);
        const QByteArray bytes = expected.mid(start, length);
        QCOMPARE(copied->data(Editor::kRawMime), bytes);
        if (pane == Pane::Hex) {
            QCOMPARE(copied->text(), input::formatHex(bytes));
        } else {
            QString glyphs;
            for (const char byte : bytes)
                glyphs += quint8(byte) >= 0x20 && quint8(byte) < 0x7f ? QChar(byte) : QChar('.');
            QCOMPARE(copied->text(), glyphs);
        }
        const std::unique_ptr<QMimeData> asText(textMime(copied->text()));
        const QMimeData &source = raw ? *copied : *asText;
        const qint64 at = 32 + random.bounded(17);
        editor.moveCursor(at);
        QVERIFY(editor.paste(source));
        const QByteArray written = raw || pane == Pane::Hex ? bytes : copied->text().toLatin1();
        expected.replace(at, length, written);
        QCOMPARE(file.contents(), expected);
        QCOMPARE(editor.cursorOffset(), std::min<qint64>(at + length, 63));
        QCOMPARE(editor.hasSelection(), false);
        QCOMPARE(model->undoStack()->count(), 1);
    }
}

// Copy As: the raw bytes always, and as text the selection in the format asked, with
// xxd's offsets those of the map; none for Raw. Random selections of a random file.
void TestEditor::copyAsGivesEachFormat()
{
    QRandomGenerator random(17);
    for (int round = 0; round < 20; ++round) {
        const QByteArray contents = randomBytes(random, 300);
        ScratchFile file(contents);
        auto model = fileModel(file);
        Editor editor(model.get());
        const qint64 start = random.bounded(300);
        const qint64 length = 1 + random.bounded(300 - start);
        editor.setSelection(start, length);
        const QByteArray bytes = contents.mid(start, length);
        for (const ByteFormat format : byteFormats()) {
            const std::unique_ptr<QMimeData> copied = editor.copyData(format);
            QVERIFY(copied);
            QCOMPARE(copied->data(Editor::kRawMime), bytes);
            QCOMPARE(copied->hasText(), format != ByteFormat::Raw);
            if (format != ByteFormat::Raw)
                QCOMPARE(copied->text(),
                    QString::fromLatin1(ByteFormatter::format(format, bytes, start)));
        }
    }
}

void TestEditor::pasteRefusals()
{
    ScratchFile file(QByteArray(8, '.'));
    auto model = fileModel(file);
    Editor editor(model.get());
    QSignalSpy failed(model.get(), &Document::failed);
    QSignalSpy changed(&editor, &Editor::changed);
    const auto paste = [&](const QString &text) {
        return editor.paste(*std::unique_ptr<QMimeData>(textMime(text)));
    };
    QVERIFY(!paste("hello"));
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed[0][0].toString().startsWith("The clipboard does not hold hex bytes: ")
            && failed[0][0].toString().contains("not a hex digit"),
        qPrintable(failed[0][0].toString()));
    QCOMPARE(model->lastError(), failed[0][0].toString());
    editor.setActivePane(Pane::Text);
    changed.clear();
    QVERIFY(!paste("\u20ac"));
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed[1][0].toString(),
        "The clipboard text cannot be pasted in the text pane: '\u20ac' is not in ASCII. Paste "
        "it in the hex pane as hex.");
    QVERIFY(!paste("")); // nothing to paste: nothing said
    QCOMPARE(failed.size(), 2);
    editor.moveCursor(6);
    changed.clear();
    QVERIFY(!paste("abc")); // does not fit: the model says so
    QCOMPARE(failed.size(), 3);
    QCOMPARE(file.contents(), QByteArray(8, '.'));
    QCOMPARE(editor.cursorOffset(), 6);
    QCOMPARE(changed.size(), 0);
    QCOMPARE(model->undoStack()->count(), 0);
}

void TestEditor::copyRefusals()
{
    // Over the limit: refused before anything is read (the pages are never touched).
    auto big = std::make_unique<Document>(
        MappedFile(std::make_shared<MemoryMap>(-1, Editor::kMaxCopyBytes + 1)));
    Editor onBig(big.get());
    QSignalSpy bigFailed(big.get(), &Document::failed);
    onBig.selectAll();
    QVERIFY(!onBig.copyData());
    QCOMPARE(bigFailed.size(), 1);
    QCOMPARE(bigFailed[0][0].toString(),
        QStringLiteral("The selection (%1 bytes) is too large to copy; the limit is 64 MiB. "
                       "Export Selection writes any size to a file.")
            .arg(Editor::kMaxCopyBytes + 1));
    QVERIFY(!onBig.copyData(ByteFormat::C)); // Copy As has the same limit
    QCOMPARE(bigFailed.size(), 2);

    // Nothing selected: nothing to copy, nothing said.
    onBig.clearSelection();
    QVERIFY(!onBig.copyData());
    QCOMPARE(bigFailed.size(), 2);

    // Bytes the file no longer backs.
    const qint64 page = Document::pageSize();
    ScratchFile file(QByteArray(qsizetype(2 * page), 'x'));
    auto model = fileModel(file);
    Editor editor(model.get());
    QSignalSpy failed(model.get(), &Document::failed);
    file.truncate(page);
    editor.setSelection(page - 2, 4);
    QVERIFY(!editor.copyData());
    QCOMPARE(failed.size(), 1);
    QVERIFY2(failed[0][0].toString().startsWith(
                 QStringLiteral("The byte at offset %1 of the selection can no longer be read: ")
                     .arg(page)),
        qPrintable(failed[0][0].toString()));
    editor.moveCursor(page + 1);
    QVERIFY(!editor.typeHexDigit(1));
    QCOMPARE(failed.size(), 2);
    QVERIFY2(failed[1][0].toString().startsWith(
                 QStringLiteral("The byte at offset %1 can no longer be read: ").arg(page + 1)),
        qPrintable(failed[1][0].toString()));
}

// One user operation that moves several things (a digit that finishes a byte, a
// selecting move, a paste, select all, a click in the other pane) says so once.
void TestEditor::oneOperationOneChange()
{
    ScratchFile file(QByteArray(64, '.'));
    auto model = fileModel(file);
    Editor editor(model.get());
    QSignalSpy changed(&editor, &Editor::changed);
    const auto once = [&](const char *what, const std::function<void()> &operation) {
        changed.clear();
        operation();
        QVERIFY2(changed.size() == 1,
            qPrintable(QStringLiteral("%1: %2 changed()").arg(what).arg(changed.size())));
    };
    once("first digit", [&] { editor.typeText("4"); });
    once("second digit", [&] { editor.typeText("1"); });
    once("two digits at once", [&] { editor.typeText("42"); });
    once("selecting move", [&] { editor.navigate(Move::LineEnd, true, 16, 4); });
    once("selection", [&] { editor.setSelection(3, 9); });
    once("select all", [&] { editor.selectAll(); });
    once("click in the text pane", [&] { editor.place(Pane::Text, 20, 0, false); });
    once("paste", [&] { editor.paste(*std::unique_ptr<QMimeData>(textMime("xyz"))); });
    once("typing three characters", [&] { editor.typeText("abc"); });
    once("pane", [&] { editor.togglePane(); });
    once("model", [&] { editor.setDocument(nullptr); });
}

QTEST_MAIN(TestEditor)
#include "tst_editor.moc"
