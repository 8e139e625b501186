// HexView costs that must not grow with the file: a full repaint of a 1600x1000 view
// on a 4 KiB file and on a 64 GiB sparse file (same run), map + first paint of the
// 64 GiB file, and anonymous memory after paging through a 1 GiB file end to end; a
// repaint at the end of a 64 GiB file holding 100,000 bookmarks against none (same run);
// a repaint of random bytes in each text encoding against ASCII (same run).
#include "bookmarks.h"
#include "document.h"
#include "hexview.h"

#include <QElapsedTimer>
#include <QScrollBar>
#include <QtTest>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <random>

using namespace hexmap;

namespace {

int createSparse(const QString &path, qint64 size)
{
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0 || ftruncate(fd, size) != 0)
        qFatal("cannot create %s", qPrintable(path));
    return fd;
}

// Fills a file with varied bytes so that every glyph class shows.
int createFilled(const QString &path, qint64 size)
{
    const int fd = createSparse(path, 0);
    QByteArray block(1 << 20, '\0');
    for (qsizetype i = 0; i < block.size(); ++i)
        block[i] = char((i * 131 + i / 7) & 0xff);
    for (qint64 at = 0; at < size; at += block.size()) {
        const qint64 n = std::min<qint64>(block.size(), size - at);
        if (pwrite(fd, block.constData(), size_t(n), at) != n)
            qFatal("cannot write %s", qPrintable(path));
    }
    return fd;
}

// Counts the paint events a widget receives, to be sure a timing measured painting.
class PaintCounter : public QObject
{
public:
    int paints = 0;
    bool eventFilter(QObject *, QEvent *event) override
    {
        paints += event->type() == QEvent::Paint;
        return false;
    }
};

double medianRepaintMs(HexView &view, int runs)
{
    PaintCounter counter;
    view.viewport()->installEventFilter(&counter);
    std::vector<double> times;
    QElapsedTimer timer;
    for (int i = 0; i < runs; ++i) {
        timer.start();
        view.viewport()->repaint();
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    view.viewport()->removeEventFilter(&counter);
    if (counter.paints != runs)
        qFatal("painted %d times out of %d: the view is not exposed", counter.paints, runs);
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

qint64 anonymousKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("RssAnon:"))
            return line.mid(8).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

// The view every benchmark measures: 1600x1000, as many bytes per line as fit, shown.
bool showFullSizeView(HexView &view)
{
    view.setBytesPerLine(HexView::kFitToWidth);
    view.resize(1600, 1000);
    view.show();
    return QTest::qWaitForWindowExposed(&view);
}

std::unique_ptr<Document> modelOf(int fd)
{
    return std::make_unique<Document>(MappedFile(std::make_shared<MemoryMap>(fd, 0)));
}

} // namespace

class BenchHexView : public QObject
{
    Q_OBJECT

private slots:
    void repaintDoesNotDependOnFileSize();
    void mapAndFirstPaintOf64GiB();
    void anonymousMemoryAfterPagingThrough1GiB();
    void repaintWithManyBookmarks();
    void repaintInEachTextEncoding();
};

void BenchHexView::repaintDoesNotDependOnFileSize()
{
    QTemporaryDir dir;
    const int smallFd = createFilled(dir.filePath("small.bin"), 4096);
    const int hugeFd = createSparse(dir.filePath("huge.img"), qint64(64) << 30);
    auto small = modelOf(smallFd);
    auto huge = modelOf(hugeFd);
    HexView view;
    QVERIFY(showFullSizeView(view));

    view.setDocument(small.get());
    view.setSelection(100, 1000);
    const double smallMs = medianRepaintMs(view, 300);
    view.setDocument(huge.get());
    view.setCursorOffset(huge->size() / 2);
    view.setSelection(huge->size() / 2, 1000);
    const double hugeMs = medianRepaintMs(view, 300);
    qInfo("full repaint 1600x1000 (%d bytes/line): 4 KiB file %.3f ms, 64 GiB file %.3f ms, ratio "
          "%.2f",
        view.layout().bytesPerLine(), smallMs, hugeMs, hugeMs / smallMs);
    ::close(smallFd);
    ::close(hugeFd);
}

void BenchHexView::mapAndFirstPaintOf64GiB()
{
    QTemporaryDir dir;
    const int fd = createSparse(dir.filePath("huge.img"), qint64(64) << 30);
    HexView view;
    QVERIFY(showFullSizeView(view));
    QElapsedTimer timer;
    timer.start();
    auto model = modelOf(fd);
    view.setDocument(model.get());
    view.viewport()->repaint();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    qInfo("map + first paint of a 64 GiB sparse file: %.2f ms", ms);
    ::close(fd);
}

void BenchHexView::anonymousMemoryAfterPagingThrough1GiB()
{
    QTemporaryDir dir;
    const qint64 size = qint64(1) << 30;
    const int fd = createFilled(dir.filePath("gib.bin"), size);
    auto model = modelOf(fd);
    HexView view;
    QVERIFY(showFullSizeView(view));
    view.setDocument(model.get());
    view.viewport()->repaint();
    const qint64 before = anonymousKiB();
    // Page Down to the end: each screen's bytes are read through the model as a paint
    // reads them; every 64th screen is really painted.
    const qint64 screen = qint64(view.layout().bytesPerLine())
        * ((view.viewport()->height() - view.layout().headerHeight())
            / view.layout().metrics().lineHeight);
    int screens = 0;
    QElapsedTimer timer;
    timer.start();
    while (view.cursorOffset() < size - 1) {
        QTest::keyClick(&view, Qt::Key_PageDown);
        (void)model->read(view.layout().lineStart(view.firstVisibleLine()), screen);
        if (++screens % 64 == 0)
            view.viewport()->repaint();
    }
    const qint64 after = anonymousKiB();
    qInfo(
        "paged through 1 GiB in %d screens (%.1f s): anonymous memory %lld -> %lld KiB (+%.1f MiB)",
        screens, double(timer.elapsed()) / 1000, before, after, double(after - before) / 1024);
    ::close(fd);
}

void BenchHexView::repaintWithManyBookmarks()
{
    QTemporaryDir dir;
    const int fd = createSparse(dir.filePath("huge.img"), qint64(64) << 30);
    auto model = modelOf(fd);
    HexView view;
    QVERIFY(showFullSizeView(view));
    view.setDocument(model.get());
    // At the end: every bookmark starts before the lines shown, the most a paint looks at.
    view.setCursorOffset(model->size() - 1);
    const double noneMs = medianRepaintMs(view, 300);
    constexpr int kBookmarks = 100000;
    QList<Bookmark> bookmarks;
    for (int i = 0; i < kBookmarks; ++i)
        bookmarks.append({.start = model->size() / kBookmarks * i, .length = 64});
    bookmarks.append({.start = model->size() - 1000, .length = 900}); // on screen
    QCOMPARE(model->bookmarks()->addAll(bookmarks), kBookmarks + 1);
    const double manyMs = medianRepaintMs(view, 300);
    qInfo("full repaint 1600x1000 at the end of a 64 GiB file: no bookmarks %.3f ms, %d "
          "bookmarks %.3f ms, ratio %.2f",
        noneMs, kBookmarks + 1, manyMs, manyMs / noneMs);
    ::close(fd);
}

// Random bytes: the most work for the multi-byte encodings (a lead byte every few bytes,
// many sequences ICU must turn down).
void BenchHexView::repaintInEachTextEncoding()
{
    QTemporaryDir dir;
    const int fd = createSparse(dir.filePath("random.bin"), 0);
    QByteArray bytes(64 << 10, '\0');
    std::mt19937_64 random(1);
    for (char &c : bytes)
        c = char(random());
    QVERIFY(pwrite(fd, bytes.constData(), size_t(bytes.size()), 0) == bytes.size());
    auto model = modelOf(fd);
    HexView view;
    QVERIFY(showFullSizeView(view));
    view.setDocument(model.get());
    view.setCursorOffset(30000);
    const double asciiMs = medianRepaintMs(view, 300);
    for (const TextEncoding encoding : textEncodings()) {
        view.setTextEncoding(encoding);
        const double ms = medianRepaintMs(view, 300);
        qInfo("full repaint 1600x1000 of random bytes in %-16s %.3f ms, %.2f x ASCII (%.3f ms)",
            qPrintable(textEncodingName(encoding)), ms, ms / asciiMs, asciiMs);
    }
    ::close(fd);
}

QTEST_MAIN(BenchHexView)
#include "bench_hexview.moc"
