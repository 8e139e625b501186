// One contract, every kind of document: what the README's "Using hexmap" promises per
// open mode (in place, in place with trackfd=False, copy-on-write, read-only, scratch),
// checked through Document on real files. The file's bytes are read back
// with pread on a descriptor of the test's own, never through the map under test.
// contract(): one row per kind × operation. session(): per kind, seeded random
// sequences of every operation, compared after each step with a tiny reference of what
// the mode promises (the bytes shown, the bytes on disk, the modified mark).
#include "document.h"
#include "opendocument.h"
#include "scratchfile.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <sys/mman.h>

#include <functional>

using namespace hexmap;

namespace {

const qint64 kPage = 4096;
const qint64 kSize = 2 * kPage + 100; // the last page is partial

enum class Kind { InPlace, InPlaceNoTrackfd, CopyOnWrite, ReadOnly, Scratch };

const std::pair<Kind, const char *> kKinds[] = {
    {Kind::InPlace, "in place"},
    {Kind::InPlaceNoTrackfd, "in place trackfd=False"},
    {Kind::CopyOnWrite, "copy-on-write"},
    {Kind::ReadOnly, "read-only"},
    {Kind::Scratch, "scratch"},
};

// What the README promises for a kind: the reference every check compares with.
struct Promises
{
    bool edits = false; // overwrite, undo, redo
    bool reachesFile = false; // an edit is in the file at once (a shared map of it)
    bool resizes = false;
    bool flushes = false;
    bool saves = false; // copy-on-write Save: exactly the modified ranges
    bool reverts = false; // back to the last flush
    bool remaps = false; // copy-on-write: only without unsaved edits
    bool privateMap = false; // DONTNEED drops its edits; REMOVE is a hint
    bool hasFile = true;
};

Promises promisesOf(Kind kind)
{
    switch (kind) {
    case Kind::InPlace:
        return {.edits = true,
            .reachesFile = true,
            .resizes = true,
            .flushes = true,
            .reverts = true,
            .remaps = true};
    case Kind::InPlaceNoTrackfd: // Resize and remap need the descriptor it does not keep
        return {.edits = true, .reachesFile = true, .flushes = true, .reverts = true};
    case Kind::CopyOnWrite:
        return {.edits = true, .saves = true, .remaps = true, .privateMap = true};
    case Kind::ReadOnly:
        return {.remaps = true};
    case Kind::Scratch: // an anonymous private map: it grows, and only Save As writes it out
        return {.edits = true, .resizes = true, .privateMap = true, .hasFile = false};
    }
    return {};
}

QByteArray patched(QByteArray bytes, qint64 offset, const QByteArray &patch)
{
    return bytes.replace(offset, patch.size(), patch);
}

// A document of one kind over a real file of kSize seeded bytes (scratch: kSize zeros).
struct Subject
{
    Kind kind = Kind::InPlace;
    Promises promises;
    std::unique_ptr<ScratchFile> file; // null for scratch
    std::unique_ptr<Document> document;
    QByteArray initial;

    [[nodiscard]] QByteArray shown() const { return document->read(0, document->size()).bytes; }
    // The file's bytes by pread (empty for scratch).
    [[nodiscard]] QByteArray disk() const { return file ? file->contents() : QByteArray(); }
    // What disk() should give when the file holds bytes.
    [[nodiscard]] QByteArray ifFile(const QByteArray &bytes) const
    {
        return file ? bytes : QByteArray();
    }
    // What the file should hold when the shown bytes are shown: they reach it at once in
    // place, never otherwise (before a Save).
    [[nodiscard]] QByteArray diskFor(const QByteArray &shownBytes) const
    {
        return ifFile(promises.reachesFile ? shownBytes : initial);
    }
};

std::unique_ptr<Subject> makeSubject(Kind kind, quint32 seed = 1)
{
    auto subject = std::make_unique<Subject>();
    subject->kind = kind;
    subject->promises = promisesOf(kind);
    if (kind == Kind::Scratch) {
        subject->initial = QByteArray(kSize, '\0');
        subject->document = std::move(Document::scratch(kSize).document);
    } else {
        subject->initial.resize(kSize);
        QRandomGenerator(seed).fillRange(
            reinterpret_cast<quint32 *>(subject->initial.data()), kSize / 4);
        subject->file = std::make_unique<ScratchFile>(subject->initial);
        subject->file->closeFd();
        const Document::Mode mode = kind == Kind::CopyOnWrite ? Document::Mode::CopyOnWrite
            : kind == Kind::ReadOnly                          ? Document::Mode::ReadOnly
                                                              : Document::Mode::InPlace;
        subject->document
            = openDocument(subject->file->path(), mode, kind != Kind::InPlaceNoTrackfd);
    }
    return subject;
}

// Makes the subject's edits durable the way its kind can (Flush, Save); false if none.
bool makeDurable(Subject &s)
{
    if (s.promises.flushes)
        return s.document->flush();
    if (s.promises.saves)
        return s.document->save();
    return false;
}

// Each contract row runs one of these on a fresh subject.

void checkOverwrite(Subject &s)
{
    QSignalSpy failed(s.document.get(), &Document::failed);
    const QByteArray patch("XYZ");
    QCOMPARE(s.document->overwrite(kPage - 1, patch), s.promises.edits); // across a page boundary
    const QByteArray expected = s.promises.edits ? patched(s.initial, kPage - 1, patch) : s.initial;
    QCOMPARE(s.shown(), expected);
    QCOMPARE(s.disk(), s.diskFor(expected));
    QCOMPARE(failed.count(), s.promises.edits ? 0 : 1);
    QCOMPARE(s.document->lastError().isEmpty(), s.promises.edits);
    QCOMPARE(s.document->hasUnsavedChanges(), s.promises.edits);

    // Past the end: refused for every kind, and nothing changes.
    QVERIFY(!s.document->overwrite(kSize - 1, "ab"));
    QVERIFY(!s.document->lastError().isEmpty());
    QCOMPARE(s.shown(), expected);
    QCOMPARE(s.disk(), s.diskFor(expected));
}

void checkUndoRedo(Subject &s)
{
    if (!s.promises.edits) {
        QVERIFY(!s.document->overwrite(5, "first"));
        QVERIFY(!s.document->undo());
        QVERIFY(!s.document->redo());
        QCOMPARE(s.shown(), s.initial);
        QCOMPARE(s.disk(), s.ifFile(s.initial));
        return;
    }
    const QByteArray first = patched(s.initial, 5, "first");
    const QByteArray second = patched(first, kSize - 3, "end");
    QVERIFY(s.document->overwrite(5, "first"));
    QVERIFY(s.document->overwrite(kSize - 3, "end"));
    const struct
    {
        bool forward;
        bool goes;
        QByteArray bytes;
    } steps[] = {{false, true, first}, {false, true, s.initial}, {false, false, s.initial},
        {true, true, first}, {true, true, second}, {true, false, second}};
    for (const auto &step : steps) {
        QCOMPARE(step.forward ? s.document->redo() : s.document->undo(), step.goes);
        QCOMPARE(s.shown(), step.bytes);
        QCOMPARE(s.disk(), s.diskFor(step.bytes));
    }
}

void checkResize(Subject &s)
{
    QSignalSpy failed(s.document.get(), &Document::failed);
    QCOMPARE(s.document->whyNot(Document::Operation::Resize).isEmpty(), s.promises.resizes);
    const qint64 grown = kSize + kPage + 7;
    QCOMPARE(s.document->resize(grown), s.promises.resizes);
    if (!s.promises.resizes) {
        QCOMPARE(failed.count(), 1);
        QVERIFY(!s.document->lastError().isEmpty());
        QVERIFY(!s.document->resize(100));
        QCOMPARE(s.document->size(), kSize);
        QCOMPARE(s.shown(), s.initial);
        if (s.file)
            QCOMPARE(s.file->size(), kSize);
        QCOMPARE(s.disk(), s.ifFile(s.initial));
        return;
    }
    const QByteArray grownBytes = s.initial + QByteArray(grown - kSize, '\0');
    QCOMPARE(s.shown(), grownBytes);
    QCOMPARE(s.disk(), s.ifFile(grownBytes)); // stat's size and pread's bytes
    QVERIFY(s.document->resize(100));
    QCOMPARE(s.shown(), s.initial.left(100));
    QCOMPARE(s.disk(), s.ifFile(s.initial.left(100)));
    QVERIFY(s.document->undo());
    QCOMPARE(s.shown(), grownBytes);
    QCOMPARE(s.disk(), s.ifFile(grownBytes));
    QVERIFY(s.document->undo());
    QCOMPARE(s.shown(), s.initial);
    if (s.file)
        QCOMPARE(s.file->size(), kSize);
    QCOMPARE(failed.count(), 0);
}

void checkFlush(Subject &s)
{
    if (s.promises.edits)
        QVERIFY(s.document->overwrite(kPage + 1, "flushed"));
    const QByteArray shown = s.shown();
    QCOMPARE(s.document->flush(), s.promises.flushes);
    QCOMPARE(s.document->lastError().isEmpty(), s.promises.flushes);
    QCOMPARE(s.shown(), shown);
    if (s.promises.flushes) {
        QVERIFY(!s.document->hasUnsavedChanges());
        QCOMPARE(s.disk(), shown);
        return;
    }
    QCOMPARE(s.document->hasUnsavedChanges(), s.promises.edits);
    QCOMPARE(s.disk(), s.ifFile(s.initial));
}

void checkSave(Subject &s)
{
    if (!s.promises.saves) {
        if (s.promises.edits)
            QVERIFY(s.document->overwrite(3, "abc"));
        const QByteArray shown = s.shown();
        QVERIFY(!s.document->save());
        QVERIFY(!s.document->lastError().isEmpty());
        QCOMPARE(s.shown(), shown);
        QCOMPARE(s.disk(), s.diskFor(shown));
        QCOMPARE(s.document->hasUnsavedChanges(), s.promises.edits);
        return;
    }
    QVERIFY(s.document->overwrite(10, "one"));
    QVERIFY(s.document->overwrite(2 * kPage + 50, "two"));
    QCOMPARE(s.disk(), s.initial); // untouched before Save
    // Another program writes bytes nobody edited: a Save that wrote more than the
    // modified ranges would put the map's old bytes back over them.
    s.file->writeFromOutside(100, "OUTSIDE");
    QVERIFY2(s.document->save(), qPrintable(s.document->lastError()));
    QVERIFY(!s.document->hasUnsavedChanges());
    QCOMPARE(s.disk(),
        patched(patched(patched(s.initial, 100, "OUTSIDE"), 10, "one"), 2 * kPage + 50, "two"));
}

void checkSaveAs(Subject &s)
{
    if (s.promises.edits)
        QVERIFY(s.document->overwrite(kPage - 2, "saved as"));
    const QByteArray shown = s.shown();
    const bool unsaved = s.document->hasUnsavedChanges();
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("copy.bin"));
    QString error;
    QVERIFY2(s.document->saveAs(path, &error), qPrintable(error));
    QCOMPARE(fileContents(path.toStdString()), shown);
    QCOMPARE(s.shown(), shown);
    QCOMPARE(s.disk(), s.diskFor(shown));
    QCOMPARE(s.document->hasUnsavedChanges(), unsaved); // the document's own file is not saved
}

void checkRevert(Subject &s)
{
    if (!s.promises.reverts) {
        if (s.promises.edits)
            QVERIFY(s.document->overwrite(0, "r"));
        const QByteArray shown = s.shown();
        QVERIFY(!s.document->canRevert());
        QVERIFY(!s.document->revert());
        QCOMPARE(s.shown(), shown);
        return;
    }
    QVERIFY(s.document->overwrite(0, "flushed"));
    QVERIFY2(s.document->flush(), qPrintable(s.document->lastError()));
    const QByteArray flushed = s.shown();
    QVERIFY(s.document->overwrite(kPage, "later"));
    QVERIFY(s.document->overwrite(5, "more"));
    QVERIFY(s.document->canRevert());
    QVERIFY(s.document->revert());
    QCOMPARE(s.shown(), flushed);
    QCOMPARE(s.disk(), flushed);
    QVERIFY(!s.document->hasUnsavedChanges());
    // From before the flush, revert goes forward to it.
    QVERIFY(s.document->undo());
    QCOMPARE(s.shown(), s.initial);
    QVERIFY(s.document->revert());
    QCOMPARE(s.shown(), flushed);
    QCOMPARE(s.disk(), flushed);
    QVERIFY(!s.document->hasUnsavedChanges());
}

void checkAdviseHint(Subject &s)
{
    if (s.promises.edits)
        QVERIFY(s.document->overwrite(kPage + 3, "hint"));
    const QByteArray shown = s.shown();
    const bool unsaved = s.document->hasUnsavedChanges();
    const int steps = s.document->undoStack()->count();
    QList<int> hints = {MADV_WILLNEED, MADV_SEQUENTIAL, MADV_RANDOM, MADV_NORMAL};
    if (!s.promises.privateMap)
        hints.append(MADV_DONTNEED); // a shared map's pages read back from the file
    for (const int option : hints) {
        QCOMPARE(s.document->adviceImpact(option, kPage, 10).effect, AdviceEffect::Hint);
        QVERIFY2(s.document->advise(option, kPage, 10), qPrintable(s.document->lastError()));
        QCOMPARE(s.shown(), shown);
        QCOMPARE(s.disk(), s.diskFor(shown));
        QCOMPARE(s.document->hasUnsavedChanges(), unsaved);
        QCOMPARE(s.document->undoStack()->count(), steps);
    }
    if (s.promises.edits) { // the history is whole
        QVERIFY(s.document->undo());
        QCOMPARE(s.shown(), s.initial);
    }
}

void checkAdviceImpact(Subject &s)
{
    if (s.promises.edits)
        QVERIFY(s.document->overwrite(kPage + 3, "lost"));
    const qint64 unsaved = s.promises.edits ? 4 : 0;
    const Document::AdviceImpact dontNeed = s.document->adviceImpact(MADV_DONTNEED, 0, kSize);
    const Document::AdviceImpact remove = s.document->adviceImpact(MADV_REMOVE, 0, kSize);
    QCOMPARE(dontNeed.effect,
        s.promises.privateMap ? AdviceEffect::DropsPrivateChanges : AdviceEffect::Hint);
    QCOMPARE(
        remove.effect, s.promises.privateMap ? AdviceEffect::Hint : AdviceEffect::DestroysFileData);
    QCOMPARE(dontNeed.unsavedBytes, s.promises.privateMap ? unsaved : 0);
    QCOMPARE(remove.unsavedBytes, s.promises.privateMap ? 0 : unsaved);
    QCOMPARE(dontNeed.end - dontNeed.start, kSize);
    if (!s.promises.privateMap)
        return;
    // What it drops is dropped: the file's bytes (copy-on-write) or zeros (scratch) show
    // again, nothing is unsaved, and the history that led to the edits is gone.
    QVERIFY2(s.document->advise(MADV_DONTNEED, 0, kSize), qPrintable(s.document->lastError()));
    QCOMPARE(s.shown(), s.initial);
    QCOMPARE(s.disk(), s.ifFile(s.initial));
    QVERIFY(!s.document->hasUnsavedChanges());
    QVERIFY(!s.document->undo());
}

void checkRemap(Subject &s)
{
    QSignalSpy failed(s.document.get(), &Document::failed);
    if (s.promises.edits)
        QVERIFY(s.document->overwrite(7, "remap"));
    const QByteArray shown = s.shown();
    // Copy-on-write edits live only in the map: remapping is refused while there are any.
    const bool allowed = s.promises.remaps && !(s.promises.saves && s.promises.edits);
    QCOMPARE(s.document->remap(), allowed);
    QCOMPARE(failed.count(), allowed ? 0 : 1);
    QCOMPARE(s.document->lastError().isEmpty(), allowed);
    QCOMPARE(s.shown(), shown);
    QCOMPARE(s.disk(), s.diskFor(shown));
    if (s.promises.saves) {
        QVERIFY2(s.document->save(), qPrintable(s.document->lastError()));
        QVERIFY(s.document->remap());
        QCOMPARE(s.shown(), shown);
        QCOMPARE(s.disk(), shown);
    }
}

void checkMarks(Subject &s)
{
    QVERIFY(!s.document->hasUnsavedChanges());
    if (!s.promises.edits) {
        QVERIFY(!s.document->overwrite(0, "m"));
        QVERIFY(!s.document->hasUnsavedChanges());
        return;
    }
    QVERIFY(s.document->overwrite(0, "m"));
    QVERIFY(s.document->hasUnsavedChanges());
    QVERIFY(s.document->undo()); // back to clean
    QVERIFY(!s.document->hasUnsavedChanges());
    QVERIFY(s.document->redo());
    QVERIFY(s.document->hasUnsavedChanges());
    if (!makeDurable(s)) { // scratch: only Save As writes it out, to another file
        QVERIFY(s.document->hasUnsavedChanges());
        return;
    }
    QVERIFY(!s.document->hasUnsavedChanges());
    QVERIFY(s.document->undo()); // away from what is durable
    QVERIFY(s.document->hasUnsavedChanges());
    QVERIFY(s.document->redo()); // back to it
    QVERIFY(!s.document->hasUnsavedChanges());
}

const std::pair<const char *, void (*)(Subject &)> kChecks[] = {
    {"overwrite", checkOverwrite},
    {"undo redo", checkUndoRedo},
    {"resize", checkResize},
    {"flush", checkFlush},
    {"save", checkSave},
    {"save as", checkSaveAs},
    {"revert", checkRevert},
    {"advise hint", checkAdviseHint},
    {"advice impact", checkAdviceImpact},
    {"remap", checkRemap},
    {"marks", checkMarks},
};

// The tiny reference of a random session: what the mode promises, step by step.
struct Reference
{
    Promises promises;
    QByteArray shown;
    QByteArray disk; // the file's bytes (unused for scratch)
    QList<QByteArray> history; // the bytes shown at each index of the undo history
    QList<bool> resizes; // whether the step to each index is a resize
    int index = 0;
    int clean = 0; // the durable index; -1 when none is
    // A resize (done, undone or redone) changes the file's size at once, outside the
    // marks: whether the mark follows the clean index again is known after a flush.
    bool marksKnown = true;

    [[nodiscard]] bool unsaved() const { return index != clean; }
    void push(const QByteArray &bytes, bool resize = false)
    {
        history.resize(index + 1);
        resizes.resize(index + 1);
        if (clean > index) // the durable state was in the redo steps it drops
            clean = -1;
        history.append(bytes);
        resizes.append(resize);
        moveTo(index + 1);
    }
    // Undo or redo to index, one step at a time.
    void moveTo(int to)
    {
        for (; index != to; index += to > index ? 1 : -1)
            marksKnown = marksKnown && !resizes[to > index ? index + 1 : index];
        show(history[index]);
    }
    void show(const QByteArray &bytes)
    {
        shown = bytes;
        if (promises.reachesFile)
            disk = bytes;
    }
    void forget()
    {
        history = {shown};
        resizes = {false};
        index = clean = 0;
        marksKnown = true;
    }
};

} // namespace

Q_DECLARE_METATYPE(Kind)

class TestDocumentContract : public QObject
{
    Q_OBJECT

private slots:
    void contract_data();
    void contract();
    void session_data();
    void session();
};

void TestDocumentContract::contract_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("check");
    for (const auto &[kind, kindName] : kKinds) {
        for (int check = 0; check < int(std::size(kChecks)); ++check)
            QTest::addRow("%s: %s", kindName, kChecks[check].first) << kind << check;
    }
}

void TestDocumentContract::contract()
{
    QFETCH(Kind, kind);
    QFETCH(int, check);
    const auto subject = makeSubject(kind);
    QVERIFY(subject->document);
    kChecks[check].second(*subject);
}

void TestDocumentContract::session_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<quint32>("seed");
    for (const auto &[kind, kindName] : kKinds) {
        for (quint32 seed = 1; seed <= 4; ++seed)
            QTest::addRow("%s: seed %u", kindName, seed) << kind << seed;
    }
}

void TestDocumentContract::session()
{
    QFETCH(Kind, kind);
    QFETCH(quint32, seed);
    const auto subject = makeSubject(kind, seed);
    QVERIFY(subject->document);
    Subject &s = *subject;
    Reference ref;
    ref.promises = s.promises;
    ref.shown = ref.disk = s.initial;
    ref.forget();
    QRandomGenerator random(seed);
    QTemporaryDir dir;
    const QString copyPath = dir.filePath(QStringLiteral("copy.bin"));
    const int kSteps = 150;
    for (int step = 0; step < kSteps; ++step) {
        QString what; // the operation, for the failure message
        QString error;
        QSignalSpy failed(s.document.get(), &Document::failed);
        bool done = false;
        bool expected = false;
        bool silent = false; // a refusal that says nothing (nothing to undo, to revert)
        const qint64 size = ref.shown.size();
        const int pick = int(random.bounded(100));
        if (pick < 35) {
            const qint64 length = 1 + random.bounded(8);
            // Now and then past the end: refused by every kind.
            const qint64 offset = random.bounded(size + 4);
            QByteArray bytes(length, '\0');
            for (char &byte : bytes)
                byte = char(random.bounded(256));
            what = QStringLiteral("overwrite %1 bytes at %2").arg(length).arg(offset);
            expected = s.promises.edits && offset + length <= size;
            done = s.document->overwrite(offset, bytes);
            if (expected)
                ref.push(patched(ref.shown, offset, bytes));
        } else if (pick < 50) {
            what = QStringLiteral("undo");
            expected = ref.index > 0;
            silent = !expected;
            done = s.document->undo();
            if (expected)
                ref.moveTo(ref.index - 1);
        } else if (pick < 60) {
            what = QStringLiteral("redo");
            expected = ref.index + 1 < ref.history.size();
            silent = !expected;
            done = s.document->redo();
            if (expected)
                ref.moveTo(ref.index + 1);
        } else if (pick < 65) {
            const qint64 newSize = 1 + random.bounded(3 * kPage);
            what = QStringLiteral("resize to %1").arg(newSize);
            QCOMPARE(s.document->whyNot(Document::Operation::Resize).isEmpty(), s.promises.resizes);
            expected = s.promises.resizes;
            done = s.document->resize(newSize);
            if (expected && newSize != size) {
                QByteArray bytes = ref.shown;
                bytes.resize(newSize, '\0');
                ref.push(bytes, true);
            }
        } else if (pick < 73) {
            what = QStringLiteral("flush");
            expected = s.promises.flushes;
            done = s.document->flush();
            if (expected) {
                ref.clean = ref.index;
                ref.marksKnown = true;
            }
        } else if (pick < 81) {
            what = QStringLiteral("save");
            expected = s.promises.saves;
            done = s.document->save();
            if (expected) {
                ref.disk = ref.shown;
                ref.clean = ref.index;
            }
        } else if (pick < 84) {
            what = QStringLiteral("save as");
            expected = true;
            done = s.document->saveAs(copyPath, &error);
            QCOMPARE(fileContents(copyPath.toStdString()), ref.shown);
        } else if (pick < 89) {
            what = QStringLiteral("revert");
            expected = s.promises.reverts && ref.clean >= 0;
            silent = !expected;
            QCOMPARE(s.document->canRevert(), expected);
            done = s.document->revert();
            if (expected)
                ref.moveTo(ref.clean);
        } else if (pick < 93) {
            const int hints[] = {MADV_WILLNEED, MADV_SEQUENTIAL, MADV_RANDOM, MADV_NORMAL};
            const int option = hints[random.bounded(4)];
            const qint64 start = random.bounded((size + kPage - 1) / kPage) * kPage;
            const qint64 length = random.bounded(2 * kPage);
            what = QStringLiteral("advice %1 at %2 for %3").arg(option).arg(start).arg(length);
            expected = true;
            done = s.document->advise(option, start, length);
        } else if (pick < 97) {
            what = QStringLiteral("DONTNEED over the whole map");
            expected = true;
            done = s.document->advise(MADV_DONTNEED, 0, size);
            if (s.promises.privateMap) { // the file's bytes, or zeros, show again
                ref.shown = s.file ? ref.disk : QByteArray(size, '\0');
                ref.forget();
            }
        } else {
            what = QStringLiteral("remap");
            expected = s.promises.remaps && !(s.promises.saves && ref.unsaved());
            done = s.document->remap();
        }
        if (error.isEmpty() && !failed.isEmpty())
            error = failed.first().first().toString();
        const QByteArray trace = QStringLiteral("seed %1, step %2: %3 (%4)")
                                     .arg(seed)
                                     .arg(step)
                                     .arg(what, error)
                                     .toUtf8();
        QVERIFY2(done == expected, trace.constData());
        // A refusal says why, through the error convention; a success says nothing.
        if (done)
            QVERIFY2(error.isEmpty() && failed.isEmpty(), trace.constData());
        else if (!silent)
            QVERIFY2(!error.isEmpty() || !failed.isEmpty(), trace.constData());
        QVERIFY2(s.shown() == ref.shown, trace.constData());
        if (s.file)
            QVERIFY2(s.disk() == ref.disk, trace.constData());
        if (ref.marksKnown)
            QVERIFY2(s.document->hasUnsavedChanges() == ref.unsaved(), trace.constData());
    }
}

QTEST_GUILESS_MAIN(TestDocumentContract)
#include "tst_documentcontract.moc"
