// A Document seen through its table face (HexModel) under QAbstractItemModelTester
// (fatal): edits, undo/redo, typing merges, resize with rows and undo, modified-range
// bookkeeping, read-only refusal. File bytes are checked by reading the file independently.
#include "document.h"
#include "hexmodel.h"
#include "scratchfile.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QUndoStack>
#include <QtTest>

#include <sys/mman.h>

using namespace hexmap;

namespace {
std::unique_ptr<Document> modelFor(const ScratchFile &file, Access access = Access::Write)
{
    return std::make_unique<Document>(
        MappedFile(std::make_shared<MemoryMap>(file.fd(), 0, MapOptions {.access = access})));
}
const qint64 kPage = 4096;
} // namespace

class TestHexModel : public QObject
{
    Q_OBJECT

private slots:
    void changesPastTheTableAreSignalled();
    void rowsArePages();
    void dataRoles();
    void overwriteUndoRedo();
    void typingMergesIntoOneStep();
    void modifiedRangesClearOnlyOnFlush();
    void resizeGrowShrinkUndo();
    void hugeShrinkIsNotUndoable();
    void readOnlyRefusesEdits();
    void copyOnWriteLeavesTheFile();
    void truncatedPagesAreMissingNotFatal();
    void emptyFileGrowsAndEmptiesAgain();
    void remapTakesInAGrownFile();
    void removeKeepsTheFileBytesPastTheMapsEnd_data();
    void removeKeepsTheFileBytesPastTheMapsEnd();
    void resizeToTheMapsOwnSizeAddsNoStep();
    void scratchShrunkInsideAPageGrowsBackWithZeros_data();
    void scratchShrunkInsideAPageGrowsBackWithZeros();
};

void TestHexModel::rowsArePages()
{
    ScratchFile file(QByteArray(2 * kPage + 10, 'a'));
    auto model = modelFor(file);
    QAbstractItemModelTester tester(
        model->table(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model->table()->rowCount(), 3);
    QCOMPARE(model->table()->columnCount(), int(kPage));
    QCOMPARE(model->size(), 2 * kPage + 10);
    QCOMPARE(model->table()->offsetOf(model->table()->index(2, 9)), 2 * kPage + 9);
    QCOMPARE(model->table()->indexOf(kPage + 1), model->table()->index(1, 1));
    QVERIFY(!model->table()->indexOf(2 * kPage + 10).isValid());
    // The last row's cells past the end have no data and no flags.
    QCOMPARE(model->table()->flags(model->table()->index(2, 10)), Qt::NoItemFlags);
    QVERIFY(!model->table()->data(model->table()->index(2, 10)).isValid());
    QVERIFY(model->table()->flags(model->table()->index(2, 9)) & Qt::ItemIsEditable);
}

void TestHexModel::dataRoles()
{
    ScratchFile file(QByteArray("\x00\x7f\xff", 3));
    auto model = modelFor(file);
    QCOMPARE(model->table()->data(model->table()->index(0, 1)).toString(), "7F");
    QCOMPARE(model->table()->data(model->table()->index(0, 2), Qt::EditRole).toInt(), 255);
    QCOMPARE(model->table()->data(model->table()->index(0, 0), HexModel::ByteRole).toInt(), 0);
    QCOMPARE(
        model->table()->data(model->table()->index(0, 0), HexModel::PageBytesRole).toByteArray(),
        QByteArray("\x00\x7f\xff", 3));
    QCOMPARE(model->read(1, 100).bytes, QByteArray("\x7f\xff"));
    QCOMPARE(model->table()->headerData(1, Qt::Vertical).toString(), "1000");
}

void TestHexModel::overwriteUndoRedo()
{
    ScratchFile file(QByteArray(2 * kPage, '.'));
    auto model = modelFor(file);
    QAbstractItemModelTester tester(
        model->table(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy changed(model->table(), &QAbstractItemModel::dataChanged);

    QVERIFY(model->overwrite(kPage - 2, "ABCD")); // across the page boundary
    QCOMPARE(file.contents().mid(kPage - 3, 6), ".ABCD.");
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed[0][0].toModelIndex(), model->table()->index(0, 0));
    QCOMPARE(changed[0][1].toModelIndex(), model->table()->index(1, int(kPage) - 1));

    QVERIFY(model->table()->setData(model->table()->index(0, 5), 0x41));
    QCOMPARE(changed.size(), 2);
    QCOMPARE(changed[1][0].toModelIndex(), model->table()->index(0, 5)); // exactly that byte
    QCOMPARE(changed[1][1].toModelIndex(), model->table()->index(0, 5));
    QCOMPARE(model->undoStack()->count(), 2);

    model->undoStack()->undo();
    model->undoStack()->undo();
    QCOMPARE(file.contents(), QByteArray(2 * kPage, '.'));
    model->undoStack()->redo();
    QCOMPARE(file.contents().mid(kPage - 2, 4), "ABCD");
    QVERIFY(!model->overwrite(2 * kPage - 1, "xy"));
    QVERIFY(!model->table()->setData(model->table()->index(0, 0), 256));
}

void TestHexModel::typingMergesIntoOneStep()
{
    ScratchFile file(QByteArray(64, '.'));
    auto model = modelFor(file);
    for (int i = 0; i < 5; ++i)
        QVERIFY(model->overwrite(10 + i, QByteArray(1, char('a' + i)), Document::EditKind::Typing));
    QVERIFY(model->overwrite(14, "E", Document::EditKind::Typing)); // retyping the last byte
    QVERIFY(model->overwrite(40, "z", Document::EditKind::Typing)); // elsewhere: a new step
    QVERIFY(model->overwrite(0, "paste")); // a paste is its own step
    QCOMPARE(model->undoStack()->count(), 3);
    QCOMPARE(file.contents().mid(10, 5), "abcdE");
    model->undoStack()->undo();
    model->undoStack()->undo();
    QCOMPARE(file.contents().mid(10, 5), "abcdE");
    model->undoStack()->undo();
    QCOMPARE(file.contents(), QByteArray(64, '.'));
    model->undoStack()->redo();
    QCOMPARE(file.contents().mid(10, 5), "abcdE");
}

void TestHexModel::modifiedRangesClearOnlyOnFlush()
{
    ScratchFile file(QByteArray(3 * kPage, '.'));
    auto model = modelFor(file);
    QSignalSpy spy(model.get(), &Document::changed);
    model->overwrite(10, "ab");
    model->overwrite(12, "cd");
    model->overwrite(kPage * 2, "x");
    QCOMPARE(model->modifiedRanges().ranges(),
        (std::vector<RangeSet::Range> {{10, 14}, {2 * kPage, 2 * kPage + 1}}));
    QCOMPARE(spy.size(), 3);
    QVERIFY(!model->undoStack()->isClean());
    QVERIFY(model->flush());
    QVERIFY(model->modifiedRanges().empty());
    QVERIFY(model->undoStack()->isClean());
    model->undoStack()->undo(); // undoing is a change too
    QCOMPARE(model->modifiedRanges().ranges(),
        (std::vector<RangeSet::Range> {{2 * kPage, 2 * kPage + 1}}));
}

void TestHexModel::resizeGrowShrinkUndo()
{
    QByteArray content(kPage + 100, 'a');
    content[kPage + 99] = 'Z';
    ScratchFile file(content);
    auto model = modelFor(file);
    QAbstractItemModelTester tester(
        model->table(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QSignalSpy inserted(model->table(), &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(model->table(), &QAbstractItemModel::rowsRemoved);

    QVERIFY(model->resize(3 * kPage + 1));
    QCOMPARE(model->table()->rowCount(), 4);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(file.size(), 3 * kPage + 1);

    QVERIFY(model->resize(10));
    QCOMPARE(model->table()->rowCount(), 1);
    QCOMPARE(removed.size(), 1);
    QCOMPARE(file.contents(), content.left(10));

    model->undoStack()->undo(); // the cut bytes come back
    QCOMPARE(model->table()->rowCount(), 4);
    QCOMPARE(file.contents().left(content.size()), content);
    model->undoStack()->undo();
    QCOMPARE(file.contents(), content);
    QCOMPARE(model->table()->rowCount(), 2);
    model->undoStack()->redo();
    model->undoStack()->redo();
    QCOMPARE(file.size(), 10);

    QSignalSpy failed(model.get(), &Document::failed);
    QVERIFY(!model->resize(0)); // the core refuses an empty map
    QCOMPARE(failed.size(), 1);
    QCOMPARE(file.size(), 10);
}

void TestHexModel::hugeShrinkIsNotUndoable()
{
    QTemporaryDir dir;
    const QByteArray path = dir.filePath("big.bin").toLocal8Bit();
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    QCOMPARE(ftruncate(fd, Document::kMaxUndoableCut + 2 * kPage), 0); // sparse
    Document model(MappedFile(std::make_shared<MemoryMap>(fd, 0)));
    ::close(fd);
    model.overwrite(0, "x");
    QVERIFY(model.canUndoResize(2 * kPage));
    QVERIFY(!model.canUndoResize(2 * kPage - 1));
    QVERIFY(model.resize(kPage - 1));
    QCOMPARE(model.undoStack()->count(), 0);
    QCOMPARE(QFileInfo(dir.filePath("big.bin")).size(), kPage - 1);
}

void TestHexModel::readOnlyRefusesEdits()
{
    ScratchFile file("abc", O_RDONLY);
    auto model = modelFor(file, Access::Read);
    QVERIFY(model->mode() == Document::Mode::ReadOnly);
    QSignalSpy failed(model.get(), &Document::failed);
    QVERIFY(!model->overwrite(0, "x"));
    QVERIFY(!model->table()->setData(model->table()->index(0, 0), 1));
    QVERIFY(!(model->table()->flags(model->table()->index(0, 0)) & Qt::ItemIsEditable));
    QCOMPARE(failed.size(), 2);
    QCOMPARE(failed[1][0].toString(), "The file is open read-only: edits are refused.");
    QCOMPARE(file.contents(), "abc");
}

void TestHexModel::copyOnWriteLeavesTheFile()
{
    ScratchFile file("abc");
    auto model = modelFor(file, Access::Copy);
    QVERIFY(model->mode() == Document::Mode::CopyOnWrite);
    QVERIFY(model->overwrite(0, "X"));
    QCOMPARE(model->read(0, 3).bytes, "Xbc");
    QCOMPARE(file.contents(), "abc");
    QVERIFY(!model->flush()); // copy-on-write saves, never flushes
    QVERIFY(!model->modifiedRanges().empty());
}

void TestHexModel::truncatedPagesAreMissingNotFatal()
{
    ScratchFile file(QByteArray(3 * kPage, 'a'));
    auto model = modelFor(file);
    file.truncate(kPage);
    const ByteBlock block = model->read(kPage - 2, 4);
    QCOMPARE(block.bytes.left(2), "aa");
    QVERIFY(!block.isMissing(1));
    QVERIFY(block.isMissing(2));
    QVERIFY(block.isMissing(3));
    QVERIFY(!model->table()->data(model->table()->index(1, 0)).isValid());
    QCOMPARE(model->backedBytes(), kPage);
    file.truncate(10); // the rest of page 0 still reads (as zeros), but is gone
    QVERIFY(!model->read(0, 20).isMissing(9));
    QVERIFY(model->read(0, 20).isMissing(10));
    QVERIFY(!model->table()->data(model->table()->index(2, 0), HexModel::PageBytesRole).isValid());
    QSignalSpy failed(model.get(), &Document::failed);
    QVERIFY(!model->overwrite(2 * kPage, "x"));
    QCOMPARE(failed.size(), 1);
}

void TestHexModel::emptyFileGrowsAndEmptiesAgain()
{
    ScratchFile file("");
    Document model(MappedFile(file.fd(), 0, {}));
    QAbstractItemModelTester tester(
        model.table(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QCOMPARE(model.size(), 0);
    QCOMPARE(model.table()->rowCount(), 0);
    QVERIFY(!model.file().map());
    QVERIFY(!model.overwrite(0, "x"));
    QVERIFY(model.resize(5000));
    QCOMPARE(model.table()->rowCount(), 2);
    QCOMPARE(file.size(), 5000);
    QVERIFY(model.overwrite(4999, "z"));
    QVERIFY(model.resize(0)); // undoable: the cut bytes are kept
    QCOMPARE(file.size(), 0);
    QCOMPARE(model.table()->rowCount(), 0);
    model.undoStack()->undo();
    QCOMPARE(file.contents().size(), 5000);
    QCOMPARE(file.contents().at(4999), 'z');
    model.undoStack()->undo();
    model.undoStack()->undo();
    QCOMPARE(file.size(), 0);

    ScratchFile readOnly("", O_RDONLY);
    Document copy(MappedFile(readOnly.fd(), 0, {.access = Access::Copy}));
    QSignalSpy failed(&copy, &Document::failed);
    QVERIFY(!copy.resize(10));
    QCOMPARE(failed[0][0].toString(),
        "Cannot resize to 10 bytes: mmap can't resize a readonly or copy-on-write memory map.");
}

void TestHexModel::remapTakesInAGrownFile()
{
    ScratchFile file(QByteArray(100, 'a'));
    Document model(MappedFile(file.fd(), 0, {}));
    QAbstractItemModelTester tester(
        model.table(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(model.overwrite(0, "b"));
    QFile grow(QString::fromStdString(file.path()));
    QVERIFY(grow.open(QIODevice::Append));
    grow.write(QByteArray(5000, 'c'));
    grow.close();
    QCOMPARE(model.fileSizeOnDisk(), 5100);
    QCOMPARE(model.size(), 100);
    QVERIFY(model.remap());
    QCOMPARE(model.size(), 5100);
    QCOMPARE(model.table()->rowCount(), 2);
    QCOMPARE(model.read(0, 1).bytes, "b");
    QCOMPARE(model.read(5099, 1).bytes, "c");

    Document copy(MappedFile(file.fd(), 0, {.access = Access::Copy}));
    QVERIFY(copy.overwrite(0, "x"));
    QVERIFY(!copy.remap()); // would drop the unsaved private edit
}

void TestHexModel::removeKeepsTheFileBytesPastTheMapsEnd_data()
{
    QTest::addColumn<qint64>("start");
    QTest::newRow("the whole map") << qint64(0);
    QTest::newRow("only the last, partial page") << kPage;
}

void TestHexModel::removeKeepsTheFileBytesPastTheMapsEnd()
{
    QFETCH(qint64, start);
    const QString tmpfs = tmpfsFolderTemplate();
    if (tmpfs.isEmpty())
        QSKIP("MADV_REMOVE needs a writable tmpfs at /dev/shm");
    const qint64 mapSize = kPage + 100; // the last page is partial
    ScratchFile file(QByteArray(mapSize, 'm'), O_RDWR, tmpfs);
    Document model(MappedFile(file.fd(), 0, {}));
    file.appendFromOutside(QByteArray(kPage, 't')); // the file now goes on past the map
    QVERIFY2(model.advise(MADV_REMOVE, start, mapSize - start), qPrintable(model.lastError()));
    const QByteArray zeros(mapSize - start, '\0');
    QCOMPARE(model.read(start, mapSize - start).bytes, zeros);
    const QByteArray disk = file.contents();
    QCOMPARE(disk.size(), mapSize + kPage);
    QCOMPARE(disk.left(start), QByteArray(start, 'm'));
    QCOMPARE(disk.mid(start, mapSize - start), zeros);
    QCOMPARE(disk.mid(mapSize), QByteArray(kPage, 't')); // not punched with the last page
}

void TestHexModel::resizeToTheMapsOwnSizeAddsNoStep()
{
    ScratchFile file(QByteArray(kPage + 10, 's'));
    Document model(MappedFile(file.fd(), 0, {}));
    QVERIFY(model.overwrite(0, "x"));
    QVERIFY(model.resize(kPage + 10));
    QCOMPARE(model.undoStack()->count(), 1); // the edit's step only
    QCOMPARE(file.size(), kPage + 10);
}

void TestHexModel::scratchShrunkInsideAPageGrowsBackWithZeros_data()
{
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("cut");
    QTest::newRow("inside the only page") << kPage << qint64(100);
    QTest::newRow("inside a middle page") << 3 * kPage << kPage + 10;
    QTest::newRow("inside the last, partial page") << 2 * kPage + 500 << 2 * kPage + 20;
}

void TestHexModel::scratchShrunkInsideAPageGrowsBackWithZeros()
{
    QFETCH(qint64, size);
    QFETCH(qint64, cut);
    Document model(
        MappedFile(std::make_shared<MemoryMap>(-1, size, MapOptions {.flags = MAP_PRIVATE})));
    QVERIFY(model.isScratch());
    QVERIFY(model.overwrite(0, QByteArray(size, 'x')));
    QVERIFY2(model.resize(cut), qPrintable(model.lastError()));
    QVERIFY2(model.resize(size), qPrintable(model.lastError()));
    QCOMPARE(model.read(0, size).bytes, QByteArray(cut, 'x') + QByteArray(size - cut, '\0'));
}

// Rows are pages, so the table ends at kMaxTableBytes (8 TiB); past it, an edit and its
// undo still say which bytes changed, for the view, the status bar and Find All.
void TestHexModel::changesPastTheTableAreSignalled()
{
    QTemporaryDir dir;
    const QString path = dir.filePath("huge.img");
    const qint64 size = HexModel::kMaxTableBytes + 16 * kPage;
    if (!createSparseFile(path, size))
        QSKIP("this filesystem cannot hold a sparse file past 8 TiB");
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CLOEXEC);
    QVERIFY(fd >= 0);
    Document model(MappedFile(fd, 0, {}));
    ::close(fd);
    QSignalSpy bytes(&model, &Document::changed);
    QSignalSpy cells(model.table(), &QAbstractItemModel::dataChanged);
    for (const qint64 offset : {qint64(5), HexModel::kMaxTableBytes + 3 * kPage + 7}) {
        bytes.clear();
        QVERIFY(model.overwrite(offset, "ab"));
        QVERIFY(model.undo());
        QCOMPARE(bytes.count(), 2);
        for (const QList<QVariant> &signal : std::as_const(bytes)) {
            const auto change = signal.at(0).value<DocumentChange>();
            QCOMPARE(change.start, offset);
            QCOMPARE(change.end, offset + 2);
        }
    }
    QCOMPARE(cells.count(), 2); // the table's own signal: only for the bytes it has rows for
}

QTEST_MAIN(TestHexModel)
#include "tst_hexmodel.moc"
