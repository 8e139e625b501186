// Insert, delete and replacements of another length (Document::splice), against a plain
// byte array: random splices, undo and redo on real files (ext4, where aligned shifts go
// through fallocate, and tmpfs, where they cannot) and scratch buffers; where offsets
// held elsewhere go (the editor's cursor, bookmarks); the maps that cannot change length;
// a file truncated underneath; the question before a removal undo cannot keep.
#include "bookmarks.h"
#include "document.h"
#include "editor.h"
#include "opendocument.h"
#include "scratchfile.h"
#include "seeds.h"

#include <QUndoStack>
#include <QtTest>

#include <random>

using namespace hexmap;

namespace {

constexpr qint64 kBlock = 4096;

QByteArray randomBytes(std::mt19937_64 &random, qint64 size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = char(random());
    return bytes;
}

// A random splice list over a map of size bytes: mostly one splice, sometimes several;
// with aligned offsets and whole blocks now and then, so that fallocate can take them.
Splices randomSplices(std::mt19937_64 &random, qint64 size)
{
    const auto below = [&](qint64 n) { return n <= 0 ? qint64(0) : qint64(random() % quint64(n)); };
    const auto bytes = [&](qint64 n) { return randomBytes(random, n); };
    Splices splices;
    if (random() % 4 == 0) {
        // Whole blocks at a block boundary.
        const qint64 at = below(size / kBlock + 1) * kBlock;
        const qint64 blocks = 1 + below(3);
        if (random() % 2 == 0 || at + blocks * kBlock > size)
            splices.append({at, 0, bytes(blocks * kBlock)});
        else
            splices.append({at, blocks * kBlock, {}});
        return splices;
    }
    const int count = random() % 3 == 0 ? 1 + int(below(5)) : 1;
    qint64 from = 0;
    for (int i = 0; i < count && from <= size; ++i) {
        const qint64 offset = from + below(std::min<qint64>(size - from, 4000) + 1);
        const qint64 removed = below(std::min<qint64>(size - offset, 300) + 1);
        splices.append({offset, removed, bytes(below(300))});
        from = offset + removed;
    }
    return splices;
}

QByteArray applied(QByteArray bytes, const Splices &splices)
{
    for (auto splice = splices.rbegin(); splice != splices.rend(); ++splice)
        bytes.replace(splice->offset, splice->removed, splice->inserted);
    return bytes;
}

} // namespace

class TestSplice : public QObject
{
    Q_OBJECT

private slots:
    void randomSplicesMatchTheReference_data();
    void randomSplicesMatchTheReference();
    void offsetsFollowTheShift();
    void typedInsertsMergeIntoOneStep();
    void mapsThatCannotChangeLengthRefuse();
    void truncatedUnderneathRefuses();
    void truncatedDuringAMoveIsNotUndone();
    void removalPastTheUndoLimitAsksFirst();
    void largeShiftIsSaidOnceWithProgress();
};

void TestSplice::randomSplicesMatchTheReference_data()
{
    QTest::addColumn<QString>("where");
    QTest::newRow("in place, system temp (ext4 here: fallocate)") << QString();
    if (QFileInfo(QStringLiteral("/dev/shm")).isWritable())
        QTest::newRow("in place, tmpfs (memmove)") << QStringLiteral("/dev/shm/hexmap-XXXXXX");
    QTest::newRow("scratch buffer") << QStringLiteral("scratch");
}

void TestSplice::randomSplicesMatchTheReference()
{
    QFETCH(QString, where);
    for (const quint64 seed : generatedSeeds("HEXMAP_SPLICE_SEED", 1, 12)) {
        std::mt19937_64 random(seed);
        const qint64 initial
            = random() % 2 ? qint64(random() % 5) * kBlock : qint64(random() % 20000);
        QByteArray expected = randomBytes(random, initial);
        std::unique_ptr<ScratchFile> file;
        std::unique_ptr<Document> document;
        if (where == QLatin1String("scratch")) {
            expected = randomBytes(random, std::max<qint64>(initial, 1));
            document = std::move(Document::scratch(expected.size()).document);
            QVERIFY(document->overwrite(0, expected));
            document->undoStack()->clear(); // the starting bytes, not a step
        } else {
            file = std::make_unique<ScratchFile>(expected, O_RDWR, where);
            document = openDocument(file->path());
        }
        QVERIFY(document);
        // The states the undo history holds, and where it stands.
        QList<QByteArray> states {expected};
        int index = 0;
        for (int step = 0; step < 40; ++step) {
            const QString context = QStringLiteral("seed %1 step %2").arg(seed).arg(step);
            const int action = int(random() % 6);
            if (action == 0 && index > 0) {
                QVERIFY2(document->undo(), qPrintable(context + document->lastError()));
                --index;
            } else if (action == 1 && index + 1 < states.size()) {
                QVERIFY2(document->redo(), qPrintable(context + document->lastError()));
                ++index;
            } else {
                const Splices splices = randomSplices(random, document->size());
                std::vector<DocumentChange> changes;
                const auto connection = connect(document.get(), &Document::changed,
                    [&](const DocumentChange &change) { changes.push_back(change); });
                QVERIFY2(document->splice(splices), qPrintable(context + document->lastError()));
                disconnect(connection);
                QCOMPARE(changes.size(), size_t(1));
                const QByteArray before = states.at(index);
                const QByteArray after = applied(before, splices);
                // Every byte outside the removed ones is where the change says it went.
                const DocumentChange &change = changes.front();
                qint64 next = 0;
                for (const Splice &splice : splices) {
                    for (qint64 p = next; p < splice.offset; p += 97)
                        QCOMPARE(after.at(change.shifted(p)), before.at(p));
                    next = splice.offset + splice.removed;
                }
                for (qint64 p = next; p < before.size(); p += 97)
                    QCOMPARE(after.at(change.shifted(p)), before.at(p));
                states.resize(++index);
                states.append(after);
            }
            expected = states.at(index);
            QCOMPARE(document->size(), qint64(expected.size()));
            QVERIFY2(document->read(0, document->size()).bytes == expected, qPrintable(context));
            if (file)
                QVERIFY2(file->contents() == expected, qPrintable(context));
        }
    }
}

void TestSplice::offsetsFollowTheShift()
{
    ScratchFile file(QByteArray(1000, 'a'));
    auto document = openDocument(file.path());
    Editor editor(document.get());
    editor.select(300, 399);
    document->bookmarks()->add({500, 10, QStringLiteral("after"), {}});
    document->bookmarks()->add({100, 50, QStringLiteral("spanning"), {}});
    document->bookmarks()->add({205, 5, QStringLiteral("inside"), {}});
    QVERIFY(document->remove(120, 100)); // [120, 220) goes
    QCOMPARE(editor.anchor(), 200);
    QCOMPARE(editor.cursorOffset(), 299);
    const QList<Bookmark> &marks = document->bookmarks()->entries();
    QCOMPARE(marks.size(), 3);
    QCOMPARE(std::pair(marks[0].start, marks[0].length), std::pair(qint64(100), qint64(20)));
    QCOMPARE(std::pair(marks[1].start, marks[1].length), std::pair(qint64(120), qint64(1)));
    QCOMPARE(std::pair(marks[2].start, marks[2].length), std::pair(qint64(400), qint64(10)));
    QVERIFY(document->undo()); // an insert at 120: what is at 120 and after moves up
    QCOMPARE(editor.anchor(), 300);
    QCOMPARE(marks[2].start, 500);
    QCOMPARE(marks[0].start, 100); // before the insert: it stays
    QVERIFY(document->insert(510, "zz")); // at a bookmark's end: it does not grow
    QCOMPARE(std::pair(marks[2].start, marks[2].length), std::pair(qint64(500), qint64(10)));
    QVERIFY(document->insert(500, "zz")); // at its start: it moves
    QCOMPARE(std::pair(marks[2].start, marks[2].length), std::pair(qint64(502), qint64(10)));
}

void TestSplice::truncatedDuringAMoveIsNotUndone()
{
    // A tail of three steps (memmove on tmpfs); another program truncates the file after
    // the first step has moved.
    const qint64 size = 40 << 20;
    QByteArray bytes(size, '\0');
    for (qint64 i = 0; i < size; i += 4096)
        bytes[i] = char(i / 4096);
    ScratchFile file(bytes, O_RDWR, QStringLiteral("/dev/shm/hexmap-XXXXXX"));
    auto document = openDocument(file.path());
    const qint64 truncatedTo = 20 << 20;
    document->setSpliceHooks({}, [&](qint64 moved, qint64) {
        if (moved > 0 && file.size() > truncatedTo)
            file.truncateFromOutside(truncatedTo);
        return true;
    });
    QVERIFY(!document->insert(1, "x"));
    QVERIFY2(
        document->lastError().contains(QLatin1String("mix")), qPrintable(document->lastError()));
    QCOMPARE(file.size(), truncatedTo); // not brought back as zeros
    QCOMPARE(document->undoStack()->count(), 0);
    QVERIFY(document->hasUnsavedChanges()); // what the map holds now is not durable
    QVERIFY(document->modifiedRanges().intersects(1, 2));
}

void TestSplice::typedInsertsMergeIntoOneStep()
{
    QByteArray original;
    for (int i = 0; i < 100; ++i)
        original += char('0' + i % 10);
    ScratchFile file(original);
    auto document = openDocument(file.path());
    Editor editor(document.get());
    editor.setInsertMode(true);
    editor.moveCursor(10);
    QVERIFY(editor.typeText(QStringLiteral("a1b2")));
    editor.setActivePane(Pane::Text);
    QVERIFY(editor.typeText(QStringLiteral("hi")));
    QCOMPARE(file.contents(), original.left(10) + "\xa1\xb2hi" + original.mid(10));
    QCOMPARE(editor.cursorOffset(), 14);
    QCOMPARE(document->undoStack()->count(), 1);
    QVERIFY(document->undo());
    QCOMPARE(file.contents(), original);
    QVERIFY(editor.deleteBytes(false)); // nothing selected: Backspace takes the byte before
    QCOMPARE(document->size(), 99);
}

void TestSplice::mapsThatCannotChangeLengthRefuse()
{
    const QByteArray bytes(8192, 'q');
    ScratchFile file(bytes);
    for (const auto &[mode, trackfd] :
        {std::pair(Document::Mode::CopyOnWrite, true), std::pair(Document::Mode::ReadOnly, true),
            std::pair(Document::Mode::InPlace, false)}) {
        auto document = openDocument(file.path(), mode, trackfd);
        QVERIFY(document);
        const QString why = document->whyNot(Document::Operation::Splice);
        QVERIFY(!why.isEmpty());
        QVERIFY(!document->insert(0, "ab"));
        QCOMPARE(document->lastError(), why);
        QVERIFY(!document->remove(0, 4096));
        QCOMPARE(document->size(), bytes.size());
        QCOMPARE(file.contents(), bytes);
        if (mode == Document::Mode::CopyOnWrite)
            QVERIFY2(why.contains(QLatin1String("Save As")), qPrintable(why));
    }
}

void TestSplice::truncatedUnderneathRefuses()
{
    ScratchFile file(QByteArray(3 * kBlock, 'z'));
    auto document = openDocument(file.path());
    file.truncateFromOutside(kBlock + 10);
    QVERIFY(!document->insert(5, "new"));
    QVERIFY2(document->lastError().contains(QLatin1String("truncated")),
        qPrintable(document->lastError()));
    QCOMPARE(file.size(), kBlock + 10);
    QCOMPARE(document->undoStack()->count(), 0);
}

void TestSplice::removalPastTheUndoLimitAsksFirst()
{
    ScratchFile file({});
    file.truncate(Document::kMaxUndoableRemove + 2 * kBlock); // sparse
    file.writeFromOutside(Document::kMaxUndoableRemove + kBlock, "tail");
    auto document = openDocument(file.path());
    QVERIFY(document->insert(0, "undoable"));
    QList<Document::SpliceCost> asked;
    bool answer = false;
    document->setSpliceHooks(
        [&](const Document::SpliceCost &cost) {
            asked << cost;
            return answer;
        },
        {});
    const qint64 removed = Document::kMaxUndoableRemove + 1;
    QVERIFY(!document->remove(0, removed));
    QCOMPARE(asked.size(), 1);
    QVERIFY(!asked[0].undoable);
    QCOMPARE(asked[0].removed, removed);
    QCOMPARE(document->undoStack()->count(), 1);
    answer = true;
    const qint64 size = document->size();
    QVERIFY(document->remove(0, removed));
    QCOMPARE(document->size(), size - removed);
    QCOMPARE(document->undoStack()->count(), 0); // it cannot be undone
    QCOMPARE(document->read(kBlock + 8 - 1, 4).bytes, QByteArray("tail"));
}

void TestSplice::largeShiftIsSaidOnceWithProgress()
{
    ScratchFile file(
        {}, O_RDWR, QStringLiteral("/dev/shm/hexmap-XXXXXX")); // memmove, not fallocate
    file.truncate(Document::kLargeShift + kBlock);
    auto document = openDocument(file.path());
    int asked = 0;
    QList<qint64> done;
    document->setSpliceHooks(
        [&](const Document::SpliceCost &cost) {
            ++asked;
            return cost.firstLargeShift;
        },
        [&](qint64 moved, qint64 total) {
            done << moved;
            return total == Document::kLargeShift + kBlock;
        });
    QVERIFY(document->insert(1, "x"));
    QVERIFY(document->insert(1, "y"));
    QCOMPARE(asked, 1);
    QVERIFY(done.size() > 2);
    QVERIFY(std::is_sorted(done.begin(), done.begin() + done.size() / 2));
    QCOMPARE(done[done.size() / 2 - 1], Document::kLargeShift + kBlock - 1);
    QCOMPARE(document->read(0, 3).bytes, QByteArray("\0yx", 3));
}

QTEST_MAIN(TestSplice)
#include "tst_splice.moc"
