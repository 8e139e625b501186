// The residency strip: a scan costs the strip's rows, not the map's pages (its sampling
// plan, and a real scan of a 4 TiB sparse file); destroying it never waits for a scan;
// resident and missing pages show as they are; a one-byte edit of a 16 GiB map shows.
#include "document.h"
#include "residencystrip.h"
#include "scratchfile.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtTest>

#include <sys/mman.h>

#include <condition_variable>
#include <mutex>
#include <thread>

using namespace hexmap;

namespace {

const qint64 kPage = Document::pageSize();

// A sparse file of the given size in a temporary folder, mapped by a model; null (and
// why) when the file system refuses the size.
struct SparseModel
{
    QTemporaryDir dir;
    std::unique_ptr<Document> model;
    QString error;

    explicit SparseModel(qint64 size)
    {
        QFile file(dir.filePath(QStringLiteral("sparse.img")));
        if (!file.open(QIODevice::ReadWrite) || !file.resize(size)) {
            error = file.errorString();
            return;
        }
        model = std::make_unique<Document>(MappedFile(file.handle(), 0, MapOptions {}));
    }
};

// A probe that stops every scan at its first page until opened, and counts its calls.
struct Gate
{
    std::mutex mutex;
    std::condition_variable changed;
    bool entered = false;
    bool open = false;
    bool openedBySafetyValve = false;
    int calls = 0;

    void wait()
    {
        std::unique_lock lock(mutex);
        ++calls;
        entered = true;
        changed.notify_all();
        changed.wait(lock, [this] { return open; });
    }
    void release(bool safetyValve = false)
    {
        std::lock_guard lock(mutex);
        if (!open)
            openedBySafetyValve = safetyValve;
        open = true;
        changed.notify_all();
    }
    bool hasEntered()
    {
        std::lock_guard lock(mutex);
        return entered;
    }
};

void showWithHeight(ResidencyStrip &strip, int height)
{
    strip.resize(strip.sizeHint().width(), height);
    strip.show();
}

// Which rows of the strip's residency lane are painted fully resident.
QVector<bool> greenRows(ResidencyStrip &strip)
{
    const QImage image = strip.grab().toImage();
    QVector<bool> rows;
    for (int y = 0; y < image.height(); ++y)
        rows.append(image.pixelColor(image.width() - 2, y) == ResidencyStrip::residentColor());
    return rows;
}

} // namespace

class TestResidencyStrip : public QObject
{
    Q_OBJECT

private slots:
    void rowsCoverTheMapInOrder_data();
    void rowsCoverTheMapInOrder();
    void samplePlanDoesNotGrowWithTheMap_data();
    void samplePlanDoesNotGrowWithTheMap();
    void scanOf4TiBSparseFileTouchesBoundedPages();
    void destroyingTheStripDoesNotWaitForItsScan();
    void aScanOfTheModelBeforeIsDropped();
    void residentAndMissingPagesOfAScratchBuffer();
    void willNeedPagesOfAFileShowAsTheyAre();
    void oneByteEditShowsOn16GiBMap_data();
    void oneByteEditShowsOn16GiBMap();
};

void TestResidencyStrip::rowsCoverTheMapInOrder_data()
{
    QTest::addColumn<qint64>("pages");
    QTest::addColumn<int>("rows");
    QTest::newRow("fewer pages than rows") << qint64(3) << 400;
    QTest::newRow("one page per row") << qint64(400) << 400;
    QTest::newRow("uneven") << qint64(1001) << 400;
    QTest::newRow("4 TiB") << (qint64(4) << 40) / kPage << 400;
}

void TestResidencyStrip::rowsCoverTheMapInOrder()
{
    QFETCH(qint64, pages);
    QFETCH(int, rows);
    qint64 covered = 0;
    for (int row = 0; row < rows; ++row) {
        const PageSpan span = residency::rowSpan(pages, rows, row);
        QVERIFY(span.pages() >= 1);
        // Each row starts where the last ended, or repeats its page on a tiny map.
        QVERIFY2(span.first == covered || (pages < rows && span.end == covered),
            qPrintable(QStringLiteral("row %1").arg(row)));
        covered = span.end;
    }
    QCOMPARE(covered, pages);
}

void TestResidencyStrip::samplePlanDoesNotGrowWithTheMap_data()
{
    QTest::addColumn<qint64>("mapBytes");
    QTest::addColumn<bool>("exact");
    QTest::newRow("1 MiB") << (qint64(1) << 20) << true;
    QTest::newRow("64 MiB") << (qint64(64) << 20) << true;
    QTest::newRow("1 GiB") << (qint64(1) << 30) << false;
    QTest::newRow("16 GiB") << (qint64(16) << 30) << false;
    QTest::newRow("4 TiB") << (qint64(4) << 40) << false;
    QTest::newRow("64 TiB") << (qint64(64) << 40) << false;
}

void TestResidencyStrip::samplePlanDoesNotGrowWithTheMap()
{
    QFETCH(qint64, mapBytes);
    QFETCH(bool, exact);
    const int rows = 400;
    const qint64 pages = mapBytes / kPage;
    qint64 sampled = 0;
    qint64 calls = 0;
    PageSpan previous;
    for (int row = 0; row < rows; ++row) {
        const PageSpan span = residency::rowSpan(pages, rows, row);
        if (std::exchange(previous, span) == span)
            continue; // a scan looks at a page once, however many rows show it
        for (const PageSpan &sample : residency::samplesOf(span)) {
            QVERIFY(sample.first >= span.first && sample.end <= span.end);
            sampled += sample.pages();
            ++calls;
        }
    }
    QVERIFY2(sampled <= rows * residency::kWholeRowPages, qPrintable(QString::number(sampled)));
    QVERIFY2(calls <= rows * residency::kSamplesPerRow, qPrintable(QString::number(calls)));
    QCOMPARE(sampled == pages, exact);
}

void TestResidencyStrip::scanOf4TiBSparseFileTouchesBoundedPages()
{
    SparseModel sparse(qint64(4) << 40);
    if (!sparse.model)
        QSKIP(qPrintable("no 4 TiB sparse file here: " + sparse.error));
    ResidencyStrip strip;
    auto asked = std::make_shared<std::atomic<qint64>>(0);
    strip.setProbe([asked](const MemoryMap &map, qint64 offset, qint64 length) {
        *asked += (length + kPage - 1) / kPage;
        return map.residency(offset, length);
    });
    QSignalSpy scanned(&strip, &ResidencyStrip::scanned);
    strip.setDocument(sparse.model.get());
    showWithHeight(strip, 500);
    QTRY_VERIFY(scanned.size() > 0);
    // Count one scan alone: hidden, the strip starts none; shown again, exactly one.
    strip.hide();
    QTRY_VERIFY(!strip.isScanning());
    *asked = 0;
    scanned.clear();
    strip.show();
    QTRY_VERIFY(scanned.size() > 0);
    QCOMPARE(strip.totalPages(), (qint64(4) << 40) / kPage);
    QVERIFY(!strip.isExact());
    QCOMPARE(strip.sampledPages(), asked->load());
    QVERIFY2(strip.sampledPages() <= strip.height() * residency::kSamplesPerRow,
        qPrintable(QString::number(strip.sampledPages())));
    QCOMPARE(strip.residentPages(), 0); // nothing of the file was read
}

void TestResidencyStrip::destroyingTheStripDoesNotWaitForItsScan()
{
    SparseModel sparse(qint64(16) << 30);
    QVERIFY2(sparse.model, qPrintable(sparse.error));
    auto gate = std::make_shared<Gate>();
    auto *strip = new ResidencyStrip;
    strip->setProbe([gate](const MemoryMap &map, qint64 offset, qint64 length) {
        gate->wait();
        return map.residency(offset, length);
    });
    strip->setDocument(sparse.model.get());
    showWithHeight(*strip, 500);
    QTRY_VERIFY(gate->hasEntered()); // the scan is stopped in its first mincore
    QVERIFY(strip->isScanning());
    // Without this, a destructor that waits would hang the test: it fails instead.
    std::thread safetyValve([gate] {
        std::unique_lock lock(gate->mutex);
        if (!gate->changed.wait_for(lock, std::chrono::seconds(30), [&] { return gate->open; })) {
            lock.unlock();
            gate->release(true);
        }
    });

    delete strip;
    sparse.model.reset(); // the scan keeps the map alive, not the model

    gate->release();
    safetyValve.join();
    QVERIFY2(!gate->openedBySafetyValve, "destroying the strip waited for its scan");
    QThreadPool::globalInstance()->waitForDone();
    // Told to stop, the scan finished the row it was in and went no further.
    QVERIFY2(gate->calls <= residency::kSamplesPerRow, qPrintable(QString::number(gate->calls)));
}

void TestResidencyStrip::aScanOfTheModelBeforeIsDropped()
{
    SparseModel before(qint64(16) << 30);
    QVERIFY2(before.model, qPrintable(before.error));
    Document after(MappedFile(std::make_shared<MemoryMap>(-1, 64 * kPage)));
    auto gate = std::make_shared<Gate>();
    ResidencyStrip strip;
    strip.setProbe([gate](const MemoryMap &map, qint64 offset, qint64 length) {
        gate->wait();
        return map.residency(offset, length);
    });
    QList<qint64> shown; // the map size of every scan the strip took in
    connect(&strip, &ResidencyStrip::scanned, this, [&] { shown.append(strip.totalPages()); });
    strip.setDocument(before.model.get());
    showWithHeight(strip, 500);
    QTRY_VERIFY(gate->hasEntered());
    strip.setDocument(&after); // while the scan of the first model is stopped in mincore
    gate->release();
    QTRY_VERIFY(!shown.isEmpty());
    QTRY_VERIFY(!strip.isScanning());
    QVERIFY(std::all_of(shown.begin(), shown.end(), [](qint64 pages) { return pages == 64; }));
    QCOMPARE(strip.totalPages(), 64);
}

void TestResidencyStrip::residentAndMissingPagesOfAScratchBuffer()
{
    const int pages = 64;
    Document model(MappedFile(std::make_shared<MemoryMap>(-1, pages * kPage)));
    for (qint64 page = 0; page < pages / 2; ++page)
        model.file().map()->setAt(page * kPage, 1); // bring in the first half
    ResidencyStrip strip;
    QSignalSpy scanned(&strip, &ResidencyStrip::scanned);
    strip.setDocument(&model);
    showWithHeight(strip, pages); // a row per page
    QTRY_VERIFY(scanned.size() > 0);
    QCOMPARE(strip.residentPages(), pages / 2);
    QVERIFY(strip.isExact());
    QVector<bool> expected(pages, false);
    std::fill(expected.begin(), expected.begin() + pages / 2, true);
    QCOMPARE(greenRows(strip), expected);
}

void TestResidencyStrip::willNeedPagesOfAFileShowAsTheyAre()
{
    const int pages = 256;
    ScratchFile file(QByteArray(pages * kPage, 'w'));
    Document model(MappedFile(file.fd(), 0, {}));
    QCOMPARE(fdatasync(file.fd()), 0);
    QCOMPARE(posix_fadvise(file.fd(), 0, 0, POSIX_FADV_DONTNEED), 0);
    ResidencyStrip strip;
    strip.setDocument(&model);
    showWithHeight(strip, pages); // a row per page
    QVERIFY(model.advise(MADV_WILLNEED, 0, pages / 2 * kPage));
    // The first half comes in (read-ahead works in the background); each row shows its
    // page as mincore says it is, read here without the strip.
    const auto expected = [&] {
        const Bytes states = model.file().map()->residency(0, pages * kPage);
        QVector<bool> rows;
        for (const std::uint8_t state : states)
            rows.append(state & 1);
        return rows;
    };
    QTRY_VERIFY_WITH_TIMEOUT(expected().mid(0, pages / 2) == QVector<bool>(pages / 2, true), 10000);
    QTRY_COMPARE(greenRows(strip), expected());
}

void TestResidencyStrip::oneByteEditShowsOn16GiBMap_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::newRow("first byte") << qint64(0);
    QTest::newRow("middle") << (qint64(10) << 30) + 12345;
    QTest::newRow("last byte") << (qint64(16) << 30) - 1;
}

void TestResidencyStrip::oneByteEditShowsOn16GiBMap()
{
    QFETCH(qint64, offset);
    SparseModel sparse(qint64(16) << 30);
    QVERIFY2(sparse.model, qPrintable(sparse.error));
    ResidencyStrip strip;
    strip.setDocument(sparse.model.get());
    showWithHeight(strip, 400);
    // The edit is where the user looks: inside the visible range, which the strip frames.
    strip.setVisibleRange(std::max<qint64>(0, offset - 512), offset + 1024);
    QVERIFY(sparse.model->overwrite(offset, "x"));
    QCOMPARE(sparse.model->modifiedRanges().bytes(), 1);

    const QImage image = strip.grab().toImage();
    const int row = int(double(offset) / double(sparse.model->size()) * image.height());
    int markRows = 0;
    for (int y = 0; y < image.height(); ++y)
        markRows += image.pixelColor(1, y) == ResidencyStrip::markColor();
    QCOMPARE(image.pixelColor(1, row), ResidencyStrip::markColor());
    QCOMPARE(markRows, ResidencyStrip::kMinMarkHeight);
}

QTEST_MAIN(TestResidencyStrip)
#include "tst_residencystrip.moc"
