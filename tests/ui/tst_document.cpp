// Document keeps the user's bytes: writes are all or nothing, a failed undo
// leaves the history where it was, advice that loses data asks first, a file replaced or
// deleted at its path is noticed and never written to by mistake. Files are real; their
// bytes are read back with pread, not through the map under test.
#include "advicedialog.h"
#include "document.h"
#include "documenttab.h"
#include "hexmodel.h"
#include "inputparsing.h"
#include "messageboxes.h"
#include "opendocument.h"
#include "replacer.h"
#include "resizedialog.h"
#include "scratchfile.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <sys/mman.h>
#include <sys/mount.h>

#include <cstdio>
#include <random>

using namespace hexmap;

namespace {
const qint64 kPage = 4096;

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(unreadable)");
}

// A small tmpfs, for writes that meet a full disk; unmounted when it goes.
class SmallDisk
{
public:
    explicit SmallDisk(const char *size)
    {
        const QByteArray options = QByteArray("size=") + size;
        m_mounted = mount("hexmap-test", where().constData(), "tmpfs", 0, options.constData()) == 0;
    }
    ~SmallDisk()
    {
        if (m_mounted)
            umount2(where().constData(), MNT_DETACH);
    }
    [[nodiscard]] bool mounted() const { return m_mounted; }
    [[nodiscard]] QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    [[nodiscard]] QByteArray where() const { return QFile::encodeName(m_dir.path()); }
    QTemporaryDir m_dir;
    bool m_mounted = false;
};

// The list row of an advice in the dialog.
QListWidgetItem *adviceItem(AdviceDialog &dialog, const QString &name)
{
    auto *list = dialog.findChild<QListWidget *>();
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->data(Qt::UserRole + 1).toString() == name)
            return list->item(row);
    }
    return nullptr;
}

// Destructive advice as each mode has it: REMOVE punches the file in place (on a tmpfs,
// which supports it), DONTNEED drops a copy-on-write map's private pages. Null (and the
// test skipped) when REMOVE has no tmpfs here.
struct AdviceSetup
{
    std::unique_ptr<ScratchFile> file;
    std::unique_ptr<Document> document;
};
AdviceSetup openForAdvice(int option, const QByteArray &content)
{
    AdviceSetup setup;
    const bool remove = option == MADV_REMOVE;
    const QString folder = remove ? tmpfsFolderTemplate() : QString();
    if (remove && folder.isEmpty())
        return setup;
    setup.file = std::make_unique<ScratchFile>(content, O_RDWR, folder);
    setup.document = openDocument(
        setup.file->path(), remove ? Document::Mode::InPlace : Document::Mode::CopyOnWrite);
    return setup;
}
} // namespace

class TestDocument : public QObject
{
    Q_OBJECT

private slots:
    void undoBackToTheFlushIsNotModified();
    void droppedHistoryWithEditsIsNotClean();
    void undoAfterAPartialFlushStaysModified();
    void failedUndoLeavesTheHistory();
    void failedUndoOfAMacroPutsBackItsParts();
    void fullDiskWriteChangesNothing();
    void fullDiskHoleIsNotBlamedOnTruncation();
    void removeAdviceAsksAndDeclineKeepsTheFile();
    void dontNeedOnCopyOnWriteAsksAndCanSaveFirst();
    void poisonIsListedButRefused();
    void renamedOverIsNoticedAndNeverWritten();
    void deletedIsNoticed();
    void trackfdOffFollowsTheFileThroughItsPath();
    void writingOntoAFullDiskSaysWhy();
    void writingAfterTruncationNamesTheFirstMissingByte();
    void exportWritesTheRangeInEachFormat();
    void exportCanceledLeavesNoFile();
    void diskBarShowsTheMapAndTheFileAsTheyAre();
    void procFilesAreNotMappedEmptyButCanBeRead();
    void resizeRefusedWhileTheFileGoesOnPastTheMap_data();
    void resizeRefusedWhileTheFileGoesOnPastTheMap();
    void copyOnWriteSaveWritesNothingWhenEditsLiePastATruncatedEnd_data();
    void copyOnWriteSaveWritesNothingWhenEditsLiePastATruncatedEnd();
    void undoBackToTheFlushStaysModifiedOnceTheFileChanged_data();
    void undoBackToTheFlushStaysModifiedOnceTheFileChanged();
    void failedStepOfAMacroPutsBackTheBytesThatWereThere_data();
    void failedStepOfAMacroPutsBackTheBytesThatWereThere();
    void destructiveAdviceCountsAndDropsWholePages_data();
    void destructiveAdviceCountsAndDropsWholePages();
    void destructiveAdviceOnAnEmptyHistoryLeavesTheDocumentClean_data();
    void destructiveAdviceOnAnEmptyHistoryLeavesTheDocumentClean();
    void adviceThatSplitsTheMappingCoversAResizableMap_data();
    void adviceThatSplitsTheMappingCoversAResizableMap();
};

// Flush Ranges made the first page's edit durable and not the second's: undoing both
// comes back to the bytes as opened, which are no longer what the file holds on disk.
void TestDocument::undoAfterAPartialFlushStaysModified()
{
    ScratchFile file(QByteArray(3 * kPage, '.'));
    auto document = openDocument(file.path());
    QVERIFY(document->overwrite(0, "ab"));
    QVERIFY(document->overwrite(kPage + 10, "cd"));
    document->sharedMap()->flush(0, kPage); // what Flush Ranges does for the first page
    document->markFlushed(0, kPage);
    QVERIFY(document->hasUnsavedChanges());
    QVERIFY(document->undo());
    QVERIFY(document->undo());
    QCOMPARE(file.contents(), QByteArray(3 * kPage, '.'));
    QVERIFY(document->hasUnsavedChanges()); // "ab" was made durable, its undo is not
    QVERIFY(!document->canRevert()); // no step of the history is what is on disk
    QVERIFY(document->flush());
    QVERIFY(!document->hasUnsavedChanges());
}

void TestDocument::undoBackToTheFlushIsNotModified()
{
    ScratchFile file(QByteArray(64, '.'));
    auto document = openDocument(file.path());
    Document *model = &*document;
    QVERIFY(model->overwrite(0, "a"));
    QVERIFY(document->flush());
    QVERIFY(model->overwrite(1, "b"));
    QVERIFY(document->hasUnsavedChanges());
    QVERIFY(model->undo()); // back to what was flushed
    QVERIFY(!document->hasUnsavedChanges());
    QVERIFY(model->undo()); // before the flush: not durable
    QVERIFY(document->hasUnsavedChanges());
    QVERIFY(model->redo());
    QVERIFY(!document->hasUnsavedChanges());

    ScratchFile copy(QByteArray(64, '.'));
    auto cow = openDocument(copy.path(), Document::Mode::CopyOnWrite);
    QVERIFY(cow->overwrite(0, "c"));
    QVERIFY(cow->save());
    QVERIFY(cow->overwrite(0, "d"));
    QVERIFY(cow->undo());
    QVERIFY(!cow->hasUnsavedChanges());
    QCOMPARE(copy.contents().left(1), QByteArray("c"));
}

void TestDocument::droppedHistoryWithEditsIsNotClean()
{
    // A shrink past the undo limit drops the history; the edit before it is still not
    // durable, so no state is "clean" and Revert is not offered.
    ScratchFile file("");
    file.truncate(Document::kMaxUndoableCut + 2 * kPage);
    auto document = openDocument(file.path());
    Document *model = &*document;
    QVERIFY(model->overwrite(0, "x"));
    QVERIFY(model->resize(kPage));
    QCOMPARE(model->undoStack()->count(), 0);
    QVERIFY(document->hasUnsavedChanges());
    QVERIFY(!document->canRevert());
}

void TestDocument::failedUndoLeavesTheHistory()
{
    ScratchFile file(QByteArray(3 * kPage, 'o'));
    auto document = openDocument(file.path());
    Document *model = &*document;
    QVERIFY(model->overwrite(2 * kPage + 10, "new"));
    file.truncate(kPage); // another program takes the edited bytes away
    QVERIFY(!model->undo());
    QCOMPARE(model->undoStack()->index(), 1);
    QVERIFY(model->undoStack()->canUndo());
    QVERIFY2(model->lastError().startsWith("Undo failed; nothing was changed"),
        qPrintable(model->lastError()));
    file.truncate(3 * kPage); // back (as zeros): now the undo goes through
    QVERIFY(model->undo());
    QCOMPARE(model->undoStack()->index(), 0);
    QCOMPARE(file.contents().mid(2 * kPage + 10, 3), QByteArray("ooo"));
}

void TestDocument::failedUndoOfAMacroPutsBackItsParts()
{
    ScratchFile file(QByteArray(3 * kPage, 'o'));
    auto document = openDocument(file.path());
    Document *model = &*document;
    model->undoStack()->beginMacro("two places");
    QVERIFY(model->overwrite(10, "A"));
    QVERIFY(model->overwrite(2 * kPage + 10, "B"));
    model->undoStack()->endMacro();
    file.truncate(kPage);
    QVERIFY(!model->undo()); // B cannot be undone, so A is put back too
    QCOMPARE(model->undoStack()->index(), 1);
    QCOMPARE(file.contents().at(10), 'A');
    QVERIFY(model->redo() == false); // nothing to redo: the step is still done
}

void TestDocument::fullDiskWriteChangesNothing()
{
    SmallDisk disk("1m");
    if (!disk.mounted())
        QSKIP("cannot mount a tmpfs here: needs root and mount rights");
    const QString path = disk.filePath("sparse.bin");
    QVERIFY(createSparseFile(path, 4 << 20)); // a hole larger than the disk
    auto document = openDocument(path.toStdString());
    Document *model = &*document;
    // A paste of 2 MiB: the disk fills after about 1 MiB of it.
    QVERIFY(!model->overwrite(0, QByteArray(2 << 20, 'p')));
    QVERIFY2(model->lastError().contains("Nothing was changed"), qPrintable(model->lastError()));
    QVERIFY(!document->hasUnsavedChanges());
    QCOMPARE(model->undoStack()->count(), 0);
    QCOMPARE(fileBytes(path).count('p'), 0);
    QCOMPARE(model->read(0, 1 << 20).bytes.count('p'), 0);
}

void TestDocument::fullDiskHoleIsNotBlamedOnTruncation()
{
    SmallDisk disk("64k");
    if (!disk.mounted())
        QSKIP("cannot mount a tmpfs here: needs root and mount rights");
    const QString path = disk.filePath("sparse.bin");
    QVERIFY(createSparseFile(path, 1 << 20));
    QFile filler(disk.filePath("filler.bin"));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    filler.write(QByteArray(64 << 10, 'f')); // the disk is full now
    filler.close();
    auto document = openDocument(path.toStdString());
    Document *model = &*document;
    // tmpfs allocates a page even to read a hole: on a full disk that fails.
    const ByteBlock block = model->read(512 << 10, 16);
    QVERIFY(!block.missing.isEmpty());
    QVERIFY2(block.whyMissing.contains("disk full"), qPrintable(block.whyMissing));
    QVERIFY(!model->overwrite(512 << 10, "x"));
    QVERIFY2(model->lastError().contains("disk full") && !model->lastError().contains("truncated"),
        qPrintable(model->lastError()));
}

void TestDocument::removeAdviceAsksAndDeclineKeepsTheFile()
{
    // MADV_REMOVE punches a hole in the file: on tmpfs, which supports it.
    QTemporaryDir dir(QStringLiteral("/dev/shm/hexmap-XXXXXX"));
    const QString path = dir.filePath("data.bin");
    QFile data(path);
    QVERIFY(data.open(QIODevice::WriteOnly));
    data.write(QByteArray(4 * kPage, 'r'));
    data.close();
    auto document = openDocument(path.toStdString());
    QVERIFY(document->overwrite(5, "E")); // an edit not yet flushed
    AdviceDialog dialog(document.get(), 0, 0);
    QVERIFY(dialog.selectAdvice("MADV_REMOVE"));
    {
        PromptAnswer no = answerNextPrompt("cannot be undone", "Cancel");
        QVERIFY(!dialog.apply());
        QVERIFY2(no.answered(), no.failure());
    }
    QVERIFY2(dialog.message().contains("not applied"), qPrintable(dialog.message()));
    QCOMPARE(fileBytes(path).count('r'), 4 * kPage - 1);
    QVERIFY(document->hasUnsavedChanges());

    const Document::AdviceImpact impact = document->adviceImpact(MADV_REMOVE, 0, 4 * kPage);
    const QString warning = document->adviceWarning("MADV_REMOVE", impact);
    QVERIFY2(warning.contains("from offset 0x0 to 0x3FFF (16384 bytes)"), qPrintable(warning));
    QVERIFY2(warning.contains("1 modified byte"), qPrintable(warning));

    QSignalSpy changed(document->table(), &HexModel::dataChanged);
    {
        PromptAnswer yes = answerNextPrompt("cannot be undone", "&Destroy the Bytes");
        QVERIFY2(dialog.apply(), qPrintable(dialog.message()));
        QVERIFY2(yes.answered(), yes.failure());
    }
    QCOMPARE(fileBytes(path), QByteArray(4 * kPage, '\0'));
    QCOMPARE(document->read(0, 4 * kPage).bytes, QByteArray(4 * kPage, '\0'));
    QVERIFY(changed.size() > 0); // the view re-reads the range
    QVERIFY(!document->hasUnsavedChanges());
    QCOMPARE(document->undoStack()->count(), 0);
}

void TestDocument::dontNeedOnCopyOnWriteAsksAndCanSaveFirst()
{
    ScratchFile file(QByteArray(2 * kPage, 'f'));
    auto document = openDocument(file.path(), Document::Mode::CopyOnWrite);
    Document *model = &*document;
    QVERIFY(model->overwrite(3, "SAVE"));
    AdviceDialog dialog(document.get(), 0, 0);
    QVERIFY(dialog.selectAdvice("MADV_DONTNEED"));
    {
        PromptAnswer save = answerNextPrompt("4 modified bytes", "&Save First");
        QVERIFY2(dialog.apply(), qPrintable(dialog.message()));
        QVERIFY2(save.answered(), save.failure());
    }
    QCOMPARE(file.contents().mid(3, 4), QByteArray("SAVE"));
    QCOMPARE(model->read(3, 4).bytes, QByteArray("SAVE"));

    QVERIFY(model->overwrite(9, "DROP"));
    {
        PromptAnswer drop = answerNextPrompt("Save first", "&Drop the Edits");
        QVERIFY2(dialog.apply(), qPrintable(dialog.message()));
        QVERIFY2(drop.answered(), drop.failure());
    }
    QCOMPARE(model->read(9, 4).bytes, QByteArray("ffff")); // the file's bytes again
    QVERIFY(!document->hasUnsavedChanges());
    QCOMPARE(model->undoStack()->count(), 0);
    QCOMPARE(file.contents().mid(9, 4), QByteArray("ffff"));

    // Without unsaved edits in the range nothing is lost: no question.
    QVERIFY(
        document->adviceWarning(
                    "MADV_DONTNEED", document->adviceImpact(MADV_DONTNEED, 0, 2 * kPage))
            .isEmpty());
}

void TestDocument::poisonIsListedButRefused()
{
    ScratchFile file(QByteArray(kPage, 'p'));
    auto document = openDocument(file.path());
    AdviceDialog dialog(document.get(), 0, 0);
    for (const char *name : {"MADV_HWPOISON", "MADV_SOFT_OFFLINE"}) {
        QListWidgetItem *item = adviceItem(dialog, name);
        QVERIFY2(item, name);
        QVERIFY(!(item->flags() & Qt::ItemIsEnabled));
        QVERIFY2(item->toolTip().contains("needs root"), qPrintable(item->toolTip()));
    }
    QVERIFY(!document->advise(MADV_HWPOISON, 0, kPage));
    QVERIFY2(document->lastError().contains("damages the RAM"), qPrintable(document->lastError()));
    QCOMPARE(file.contents(), QByteArray(kPage, 'p'));
}

void TestDocument::renamedOverIsNoticedAndNeverWritten()
{
    ScratchFile file(QByteArray(32, 'o'));
    const QString path = QString::fromStdString(file.path());
    auto inPlace = openDocument(file.path());
    auto cow = openDocument(file.path(), Document::Mode::CopyOnWrite);
    QSignalSpy noticed(inPlace.get(), &Document::changedOnDisk);
    QVERIFY(inPlace->overwrite(0, "I"));
    QVERIFY(cow->overwrite(1, "C"));
    // Another program saves the way most do: a new file renamed over the path.
    const QString incoming = path + ".new";
    QFile other(incoming);
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.write(QByteArray(32, 'n'));
    other.close();
    QCOMPARE(
        ::rename(QFile::encodeName(incoming).constData(), QFile::encodeName(path).constData()), 0);

    QTRY_VERIFY(noticed.size() > 0);
    QCOMPARE(inPlace->pathState(), Document::PathState::Replaced);
    QVERIFY(!inPlace->flush());
    QVERIFY2(inPlace->lastError().contains("replaced it")
            && inPlace->lastError().contains("nothing was flushed"),
        qPrintable(inPlace->lastError()));
    QVERIFY(!cow->save());
    QVERIFY2(cow->lastError().contains("Nothing was saved"), qPrintable(cow->lastError()));
    QCOMPARE(fileBytes(path), QByteArray(32, 'n')); // the other program's file, untouched
}

void TestDocument::deletedIsNoticed()
{
    ScratchFile file(QByteArray(32, 'd'));
    DocumentTab tab(openDocument(file.path()));
    tab.show();
    QVERIFY(QFile::remove(QString::fromStdString(file.path())));
    QTRY_VERIFY(tab.diskNotice().contains("deleted"));
    QCOMPARE(tab.document()->pathState(), Document::PathState::Deleted);
    QVERIFY(!tab.document()->flush());
    const QString error = tab.document()->lastError();
    QVERIFY2(error.contains("was deleted"), qPrintable(error));
}

void TestDocument::trackfdOffFollowsTheFileThroughItsPath()
{
    ScratchFile file(QByteArray(2 * kPage, 't'));
    auto document = openDocument(file.path(), Document::Mode::InPlace, false);
    Document *model = &*document;
    QVERIFY(!model->file().trackfd());
    file.truncate(100);
    QVERIFY(!model->overwrite(200, "lost")); // same page, past the file's new end
    QVERIFY2(model->lastError().contains("the file now ends at offset 100"),
        qPrintable(model->lastError()));
    QVERIFY(model->overwrite(50, "kept"));
    QCOMPARE(file.contents().mid(50, 4), QByteArray("kept"));
}

void TestDocument::writingOntoAFullDiskSaysWhy()
{
    SmallDisk disk("64k");
    if (!disk.mounted())
        QSKIP("cannot mount a tmpfs here: needs root and mount rights");
    Document::OpenResult scratch = Document::scratch(1 << 20);
    QString error;
    QVERIFY(!scratch.document->saveAs(disk.filePath("out.bin"), &error));
    QVERIFY2(error.contains("No space left on device"), qPrintable(error));
    QVERIFY2(!error.contains("canceled", Qt::CaseInsensitive), qPrintable(error));
    QVERIFY(!QFile::exists(disk.filePath("out.bin")));
    // Export writes the same way: a C array of the MiB is 6 MiB.
    error.clear();
    QVERIFY(!scratch.document->exportRange(
        disk.filePath("out.c"), {0, 1 << 20, ByteFormat::C}, &error));
    QVERIFY2(error.contains("No space left on device"), qPrintable(error));
    QVERIFY(!QFile::exists(disk.filePath("out.c")));
}

void TestDocument::writingAfterTruncationNamesTheFirstMissingByte()
{
    ScratchFile file(QByteArray(3 * kPage, 's'));
    auto document = openDocument(file.path());
    file.truncate(5000);
    QTemporaryDir dir;
    QString error;
    QVERIFY(!document->saveAs(dir.filePath("copy.bin"), &error));
    QVERIFY2(error.contains("offset 5000"), qPrintable(error));
    // Export too, and neither leaves a file.
    QVERIFY(!document->exportRange(
        dir.filePath("out.txt"), {100, 3 * kPage - 200, ByteFormat::Xxd}, &error));
    QVERIFY2(error.contains("offset 5000"), qPrintable(error));
    // A range past the map's end (the map shrank since it was chosen) is refused.
    QVERIFY(!document->exportRange(
        dir.filePath("out.txt"), {kPage, 3 * kPage, ByteFormat::Raw}, &error));
    QVERIFY2(error.contains("The map now ends at offset"), qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

// Ranges of a 3 MiB file, each across a chunk of the stream (1 MiB), in every
// format: the file holds the formatter's text of those bytes in one piece.
void TestDocument::exportWritesTheRangeInEachFormat()
{
    std::mt19937_64 random(5);
    QByteArray contents(3 << 20, '\0');
    for (char &c : contents)
        c = char(random());
    ScratchFile file(contents);
    auto document = openDocument(file.path(), Document::Mode::ReadOnly);
    QTemporaryDir dir;
    for (const ByteFormat format : byteFormats()) {
        const qint64 start = qint64(random() % (1 << 20));
        const qint64 length = (1 << 20) + qint64(random() % (1 << 20));
        const QString path = dir.filePath(QStringLiteral("out.") + byteFormatSuffix(format));
        QString error;
        QList<qint64> seen;
        QVERIFY2(document->exportRange(path, {start, length, format}, &error,
                     [&](qint64 done, qint64 total) {
                         seen << done;
                         return total == length;
                     }),
            qPrintable(error));
        QCOMPARE(seen, (QList<qint64> {0, 1 << 20}));
        QVERIFY2(
            fileBytes(path) == ByteFormatter::format(format, contents.mid(start, length), start),
            qPrintable(byteFormatName(format)));
    }
}

void TestDocument::exportCanceledLeavesNoFile()
{
    ScratchFile file(QByteArray(3 << 20, 'c'));
    auto document = openDocument(file.path());
    QTemporaryDir dir;
    const QString path = dir.filePath("out.txt");
    QString error;
    QVERIFY(!document->exportRange(path, {0, 3 << 20, ByteFormat::HexText}, &error,
        [](qint64 done, qint64) { return done < (2 << 20); }));
    QCOMPARE(error, QStringLiteral("Export was canceled: %1 was not written.").arg(path));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries), QStringList());
}

void TestDocument::diskBarShowsTheMapAndTheFileAsTheyAre()
{
    ScratchFile file(QByteArray(151344, 'b'));
    DocumentTab tab(openDocument(file.path()));
    tab.show();
    QFile grow(QString::fromStdString(file.path()));
    QVERIFY(grow.open(QIODevice::Append));
    grow.write(QByteArray(4000, 'g'));
    grow.flush();
    QTRY_VERIFY(tab.diskNotice().contains("(151344 → 155344 bytes)"));
    grow.write(QByteArray(1000, 'g'));
    grow.close();
    QTRY_VERIFY2(
        tab.diskNotice().contains("(151344 → 156344 bytes)"), qPrintable(tab.diskNotice()));
}

void TestDocument::procFilesAreNotMappedEmptyButCanBeRead()
{
    Document::OpenResult opened = Document::open("/proc/self/maps", {});
    QVERIFY(!opened.document);
    QVERIFY2(opened.error.contains("size 0") && opened.error.contains("cannot be mapped"),
        qPrintable(opened.error));
    QVERIFY(opened.readableAsScratch);
    Document::OpenResult copy = Document::readCopy("/proc/self/maps");
    QVERIFY2(copy.document, qPrintable(copy.error));
    QVERIFY(copy.document->isScratch());
    const QByteArray bytes = copy.document->read(0, copy.document->size()).bytes;
    QVERIFY(bytes.contains("[stack]"));
    QVERIFY(!copy.document->undoStack()->canUndo());

    ScratchFile empty(""); // a really empty file still opens, empty
    QVERIFY(Document::open(QString::fromStdString(empty.path()), {}).document);
}

void TestDocument::resizeRefusedWhileTheFileGoesOnPastTheMap_data()
{
    QTest::addColumn<bool>("window");
    QTest::addColumn<QString>("step");
    QTest::newRow("appended, resize") << false << "resize";
    QTest::newRow("appended, undo of a grow") << false << "undo";
    QTest::newRow("appended, redo of a shrink") << false << "redo";
    QTest::newRow("window, resize") << true << "resize";
}

void TestDocument::resizeRefusedWhileTheFileGoesOnPastTheMap()
{
    QFETCH(bool, window);
    QFETCH(QString, step);
    ScratchFile file(QByteArray(3 * kPage, 'f'));
    Document::OpenResult opened
        = Document::open(QString::fromStdString(file.path()), {.length = window ? kPage : 0});
    QVERIFY2(opened.document, qPrintable(opened.error));
    Document *model = &*opened.document;
    if (step == "undo") {
        QVERIFY(model->resize(4 * kPage));
    } else if (step == "redo") {
        QVERIFY(model->resize(2 * kPage));
        QVERIFY(model->undo());
    }
    QVERIFY(model->whyNot(Document::Operation::Resize).isEmpty() || window);
    if (!window)
        file.appendFromOutside(QByteArray(100, 'a')); // another program, with write(2)
    const QByteArray before = file.contents();
    const int index = model->undoStack()->index();

    const QString why = model->whyNot(Document::Operation::Resize);
    QVERIFY2(why.contains("the file goes on for") && why.contains("past the map's end"),
        qPrintable(why));
    if (step == "resize") // even a grow: ftruncate to the map's new end would cut the file
        QVERIFY(!model->resize(model->size() + 50));
    else
        QVERIFY(!(step == "undo" ? model->undo() : model->redo()));
    // The same reason, for the step tried.
    QVERIFY2(model->lastError().contains(why.section(QStringLiteral(": "), 1)),
        qPrintable(model->lastError()));
    QCOMPARE(model->undoStack()->index(), index);
    QCOMPARE(file.contents(), before);

    ResizeDialog dialog(model);
    QCOMPARE(dialog.findChild<QLabel *>("note")->text(), why);
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
}

void TestDocument::copyOnWriteSaveWritesNothingWhenEditsLiePastATruncatedEnd_data()
{
    QTest::addColumn<qint64>("newEnd");
    QTest::newRow("truncated before the edit's page") << kPage;
    QTest::newRow("truncated inside the edit's page") << 2 * kPage + 5;
}

void TestDocument::copyOnWriteSaveWritesNothingWhenEditsLiePastATruncatedEnd()
{
    QFETCH(qint64, newEnd);
    ScratchFile file(QByteArray(3 * kPage, 'o'));
    auto document = openDocument(file.path(), Document::Mode::CopyOnWrite);
    Document *model = &*document;
    QVERIFY(model->overwrite(10, "A")); // an earlier range, inside the file still
    QVERIFY(model->overwrite(2 * kPage + 10, "B"));
    file.truncateFromOutside(newEnd);
    QVERIFY(!document->save());
    QCOMPARE(file.contents(), QByteArray(newEnd, 'o')); // not even the earlier range
    QVERIFY2(document->lastError().contains("Nothing was saved")
            && document->lastError().contains(QString::number(newEnd)),
        qPrintable(document->lastError()));
    QVERIFY(document->hasUnsavedChanges());
}

void TestDocument::undoBackToTheFlushStaysModifiedOnceTheFileChanged_data()
{
    QTest::addColumn<QString>("between");
    QTest::addColumn<bool>("modified");
    QTest::newRow("nothing else wrote the file") << "typing" << false;
    QTest::newRow("another program wrote the file") << "outside write" << true;
    QTest::newRow("a resize cut the file") << "shrink" << true;
}

void TestDocument::undoBackToTheFlushStaysModifiedOnceTheFileChanged()
{
    QFETCH(QString, between);
    QFETCH(bool, modified);
    ScratchFile file(QByteArray(2 * kPage, '.'));
    auto document = openDocument(file.path());
    Document *model = &*document;
    QVERIFY(model->overwrite(0, "a"));
    QVERIFY2(document->flush(), qPrintable(document->lastError()));
    if (between == "shrink") {
        QVERIFY(model->resize(kPage));
    } else {
        QVERIFY(model->overwrite(1, "b", Document::EditKind::Typing));
        if (between == "outside write")
            file.writeFromOutside(kPage + 7, "X");
    }
    QVERIFY(model->undoStack()->canUndo());
    QVERIFY2(model->undo(), qPrintable(model->lastError())); // back to the flushed state
    QVERIFY(model->undoStack()->isClean());
    QCOMPARE(document->hasUnsavedChanges(), modified);
}

void TestDocument::failedStepOfAMacroPutsBackTheBytesThatWereThere_data()
{
    QTest::addColumn<bool>("redo");
    QTest::newRow("undo of a macro") << false;
    QTest::newRow("redo of Replace All") << true;
}

void TestDocument::failedStepOfAMacroPutsBackTheBytesThatWereThere()
{
    QFETCH(bool, redo);
    ScratchFile file(QByteArray(3 * kPage, 'o'));
    auto document = openDocument(file.path());
    Document *model = &*document;
    const qint64 near = 10;
    const qint64 far = 2 * kPage + 10;
    if (redo) {
        // Redo goes first part first: the part at `near` goes, the one at `far` fails.
        const ReplaceOutcome outcome = replaceMatches(
            *model, *input::parseHexPattern(u"6F"), {near, far}, model->size(), "A", "Replace all");
        QCOMPARE(outcome.replaced, 2);
        QVERIFY(model->undo());
    } else {
        // Undo goes last part first: the part at `near` goes, the one at `far` fails.
        model->undoStack()->beginMacro("two places");
        QVERIFY(model->overwrite(far, "A"));
        QVERIFY(model->overwrite(near, "A"));
        model->undoStack()->endMacro();
    }
    const int index = model->undoStack()->index();
    file.writeFromOutside(near, "X"); // neither the step's before ('o') nor its after ('A')
    file.truncateFromOutside(kPage); // the part at `far` can no longer be written
    QVERIFY(!(redo ? model->redo() : model->undo()));
    QCOMPARE(model->undoStack()->index(), index);
    QCOMPARE(file.contents().at(near), 'X');
    QCOMPARE(model->read(near, 1).bytes, QByteArray("X"));
}

void TestDocument::destructiveAdviceCountsAndDropsWholePages_data()
{
    QTest::addColumn<int>("option");
    QTest::addColumn<qint64>("mapSize");
    QTest::addColumn<qint64>("start");
    QTest::addColumn<qint64>("rest"); // an edit past the length asked, in its last page
    QTest::addColumn<qint64>("end"); // where the advice's pages end
    for (const int option : {MADV_DONTNEED, MADV_REMOVE}) {
        const QByteArray name = option == MADV_REMOVE ? "REMOVE in place" : "DONTNEED on copy";
        QTest::newRow(name + ", a middle page")
            << option << 3 * kPage << kPage << 2 * kPage - 5 << 2 * kPage;
        QTest::newRow(name + ", the map's last, partial page")
            << option << 2 * kPage + 300 << 2 * kPage << 2 * kPage + 200 << 2 * kPage + 300;
    }
}

void TestDocument::destructiveAdviceCountsAndDropsWholePages()
{
    QFETCH(int, option);
    QFETCH(qint64, mapSize);
    QFETCH(qint64, start);
    QFETCH(qint64, rest);
    QFETCH(qint64, end);
    AdviceSetup setup = openForAdvice(option, QByteArray(mapSize, 'f'));
    if (!setup.document)
        QSKIP("MADV_REMOVE needs a writable tmpfs at /dev/shm");
    Document *model = &*setup.document;
    QVERIFY(model->overwrite(start, "S")); // inside the length asked
    QVERIFY(model->overwrite(rest, "R")); // in the rest of the same page
    const qint64 length = 100; // ends inside the page
    const Document::AdviceImpact impact = setup.document->adviceImpact(option, start, length);
    QCOMPARE(impact.end, end);
    QCOMPARE(impact.unsavedBytes, 2);
    QVERIFY2(
        setup.document->advise(option, start, length), qPrintable(setup.document->lastError()));
    QVERIFY(!setup.document->hasUnsavedChanges());
    const char dropped = option == MADV_REMOVE ? '\0' : 'f'; // a hole, or the file's byte
    QCOMPARE(model->read(rest, 1).bytes, QByteArray(1, dropped));
}

void TestDocument::destructiveAdviceOnAnEmptyHistoryLeavesTheDocumentClean_data()
{
    QTest::addColumn<int>("option");
    QTest::newRow("DONTNEED on copy") << int(MADV_DONTNEED);
    QTest::newRow("REMOVE in place") << int(MADV_REMOVE);
}

void TestDocument::destructiveAdviceOnAnEmptyHistoryLeavesTheDocumentClean()
{
    QFETCH(int, option);
    AdviceSetup setup = openForAdvice(option, QByteArray(2 * kPage, 'c'));
    if (!setup.document)
        QSKIP("MADV_REMOVE needs a writable tmpfs at /dev/shm");
    Document *model = &*setup.document;
    QVERIFY(model->overwrite(10, "a"));
    QVERIFY(model->overwrite(kPage + 10, "b"));
    // Page 0 goes with the history; page 1's edit is not durable: no state is clean.
    QVERIFY2(setup.document->advise(option, 0, kPage), qPrintable(setup.document->lastError()));
    QCOMPARE(model->undoStack()->count(), 0);
    QCOMPARE(model->undoStack()->cleanIndex(), -1);
    QVERIFY(setup.document->hasUnsavedChanges());
    // Page 1 goes too, on the empty history: nothing is modified, so it is clean.
    QVERIFY2(setup.document->advise(option, kPage, kPage), qPrintable(setup.document->lastError()));
    QVERIFY(!setup.document->hasUnsavedChanges());
    QVERIFY(model->undoStack()->isClean());
}

void TestDocument::adviceThatSplitsTheMappingCoversAResizableMap_data()
{
    QTest::addColumn<int>("option");
    QTest::addColumn<bool>("scratch");
    for (const bool scratch : {false, true}) {
        const char *kind = scratch ? "scratch" : "in place";
        QTest::addRow("MADV_RANDOM, %s", kind) << int(MADV_RANDOM) << scratch;
        QTest::addRow("MADV_SEQUENTIAL, %s", kind) << int(MADV_SEQUENTIAL) << scratch;
        QTest::addRow("MADV_DONTFORK, %s", kind) << int(MADV_DONTFORK) << scratch;
        QTest::addRow("MADV_DONTDUMP, %s", kind) << int(MADV_DONTDUMP) << scratch;
    }
}

// Advice that sets a flag on the kernel's mapping, given to one page, would split the
// mapping in three; once both sides are written, the kernel cannot merge them back and
// mremap fails (EFAULT). On a map that Resize must grow, it covers the whole map.
void TestDocument::adviceThatSplitsTheMappingCoversAResizableMap()
{
    QFETCH(int, option);
    QFETCH(bool, scratch);
    ScratchFile file(QByteArray(4 * kPage, 'g'));
    std::unique_ptr<Document> document
        = scratch ? std::move(Document::scratch(4 * kPage).document) : openDocument(file.path());
    QVERIFY(document);
    Document *model = &*document;
    const Document::AdviceImpact impact = document->adviceImpact(option, kPage, kPage);
    QVERIFY(impact.widened);
    QCOMPARE(impact.start, 0);
    QCOMPARE(impact.end, 4 * kPage);
    QVERIFY2(document->advise(option, kPage, kPage), qPrintable(document->lastError()));
    QVERIFY(model->overwrite(0, "a"));
    QVERIFY(model->overwrite(3 * kPage, "b"));
    QVERIFY2(model->resize(16 * kPage), qPrintable(model->lastError()));
    QCOMPARE(model->size(), 16 * kPage);
    QCOMPARE(model->read(3 * kPage, 1).bytes, QByteArray("b"));
    QCOMPARE(model->read(4 * kPage, 12 * kPage).bytes, QByteArray(12 * kPage, '\0'));

    // A map that cannot be resized takes the advice over the range asked.
    auto cow = openDocument(file.path(), Document::Mode::CopyOnWrite);
    QVERIFY(!cow->adviceImpact(option, kPage, kPage).widened);
}

QTEST_MAIN(TestDocument)
#include "tst_document.moc"
