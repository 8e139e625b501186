#include "residencystrip.h"

#include "document.h"

#include <QPainter>
#include <QResizeEvent>
#include <QScopeGuard>
#include <QWindow>

#include <cmath>

#include <time.h>

namespace hexmap {

namespace {
constexpr int kSettleFirstMs = 250; // after madvise or flush: then 500, 1000, 2000, 4000
constexpr int kAfterActivityMs = 300; // after an edit or a scroll, which fault pages in
constexpr int kAfterResizeMs = 100; // the rows changed

qint64 threadCpuNs()
{
    timespec now = {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return qint64(now.tv_sec) * 1000000000 + now.tv_nsec;
}
} // namespace

PageSpan residency::rowSpan(qint64 pages, int rows, int row)
{
    const qint64 first = qint64(row) * pages / rows;
    return {first, std::max(first + 1, qint64(row + 1) * pages / rows)};
}

QVector<PageSpan> residency::samplesOf(PageSpan span)
{
    if (span.pages() <= kWholeRowPages)
        return {span};
    QVector<PageSpan> samples;
    samples.reserve(kSamplesPerRow);
    // The middle page of each of kSamplesPerRow equal parts of the span.
    for (int i = 0; i < kSamplesPerRow; ++i) {
        const qint64 page = span.first + (2 * qint64(i) + 1) * span.pages() / (2 * kSamplesPerRow);
        samples.append({page, page + 1});
    }
    return samples;
}

void residency::scan(const MemoryMap *map, int rows, const ResidencyProbe &probe,
    const JobControl &job, ResidencyScan &result)
{
    result.rows.fill(0.0f, std::max(0, rows));
    if (!map || rows <= 0)
        return;
    const qint64 length = map->length();
    const qint64 page = Document::pageSize();
    result.pages = (length + page - 1) / page;
    PageSpan previous;
    for (int row = 0; row < rows && result.pages > 0 && !job.isCanceled(); ++row) {
        const PageSpan span = rowSpan(result.pages, rows, row);
        if (span == previous) { // fewer pages than rows: this row repeats the last one
            result.rows[row] = result.rows[row - 1];
            continue;
        }
        qint64 looked = 0;
        qint64 in = 0;
        for (const PageSpan &sample : samplesOf(span)) {
            const qint64 offset = sample.first * page;
            const Bytes states = probe(*map, offset, std::min(sample.end * page, length) - offset);
            for (const std::uint8_t state : states)
                in += state & 1;
            looked += qint64(states.size());
        }
        result.sampledPages += looked;
        result.rows[row] = looked > 0 ? float(in) / float(looked) : 0.0f;
        if (looked == span.pages()) {
            result.residentPages += in;
        } else {
            result.exact = false;
            result.residentPages
                += std::llround(double(in) * double(span.pages()) / double(looked));
        }
        previous = span;
    }
}

ResidencyStrip::ResidencyStrip(QWidget *parent)
    : QWidget(parent)
    , m_probe([](const MemoryMap &map, qint64 offset, qint64 length) {
        return map.residency(offset, length);
    })
{
    setFixedWidth(sizeHint().width());
    m_idleTimer.setInterval(kIdleRefreshMs);
    connect(&m_idleTimer, &QTimer::timeout, this, &ResidencyStrip::idleRefresh);
    m_soonTimer.setSingleShot(true);
    connect(&m_soonTimer, &QTimer::timeout, this, [this] {
        refresh();
        if (m_settleMs > 0) {
            m_settleMs *= 2;
            if (m_settleMs < kIdleRefreshMs)
                m_soonTimer.start(m_settleMs);
            else
                m_settleMs = 0;
        }
    });
    // The scan owns a share of the map: destroying the strip tells it to stop at its next
    // row and does not wait; its result goes nowhere.
    m_job.setOnDestruction(JobRunner::OnDestruction::CancelOnly);
    connect(&m_job, &JobRunner::finished, this, &ResidencyStrip::finishScan);
}

ResidencyStrip::~ResidencyStrip() = default;

void ResidencyStrip::setDocument(Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    cancelScan();
    m_document = document;
    m_scan = {};
    if (document) {
        connect(document, &Document::changed, this, [this](const DocumentChange &change) {
            if (change.marksChanged)
                update();
            if (change.residencyMayHaveChanged)
                refreshWhileSettling();
            else if (change.marksChanged)
                refreshSoon(kAfterActivityMs);
        });
    }
    update();
    refresh();
}

void ResidencyStrip::setVisibleRange(qint64 start, qint64 end)
{
    if (start == m_visibleStart && end == m_visibleEnd)
        return;
    m_visibleStart = start;
    m_visibleEnd = end;
    update();
    refreshSoon(kAfterActivityMs);
}

void ResidencyStrip::setProbe(ResidencyProbe probe)
{
    m_probe = std::move(probe);
}

void ResidencyStrip::refresh()
{
    if (m_job.isRunning()) {
        m_again = true;
        return;
    }
    if (!m_document || !isVisible())
        return;
    m_job.start([map = m_document->sharedMap(), rows = std::max(1, height()), probe = m_probe](
                    JobControl &job, ResidencyScan &result) {
        const qint64 start = threadCpuNs();
        const auto timed = qScopeGuard([&] { result.cpuNs = threadCpuNs() - start; });
        residency::scan(map.get(), rows, probe, job, result);
    });
}

void ResidencyStrip::cancelScan()
{
    m_job.cancel();
}

void ResidencyStrip::refreshSoon(int ms)
{
    if (!m_soonTimer.isActive() || m_soonTimer.remainingTime() > ms)
        m_soonTimer.start(ms);
}

void ResidencyStrip::refreshWhileSettling()
{
    refresh();
    m_settleMs = kSettleFirstMs;
    m_soonTimer.start(m_settleMs);
}

void ResidencyStrip::idleRefresh()
{
    // Nobody sees a window that is not exposed (minimized, on another desktop).
    const QWindow *handle = window()->windowHandle();
    if (handle && !handle->isExposed())
        return;
    refresh();
}

void ResidencyStrip::finishScan()
{
    ResidencyScan result = m_job.result();
    result.error = m_job.error();
    // A canceled scan was for a document this strip no longer shows.
    if (!m_job.isCanceled()) {
        const bool changed = result.rows != m_scan.rows || result.error != m_scan.error;
        m_scan = std::move(result);
        if (!m_scan.error.isEmpty()) {
            setToolTip(m_scan.error);
        } else {
            const QString pages = m_scan.exact
                ? tr("%1 of %2 pages in RAM (mincore).").arg(m_scan.residentPages).arg(m_scan.pages)
                : tr("About %1 of %2 pages in RAM (mincore on a sample of %3 pages, spread "
                     "evenly over each pixel row).")
                      .arg(m_scan.residentPages)
                      .arg(m_scan.pages)
                      .arg(m_scan.sampledPages);
            setToolTip(pages + tr("\nOrange: modified since the last flush."));
        }
        if (changed)
            update();
        // Also restarts the idle wait: it counts from the last scan, whatever started it.
        const double scanMs = double(m_scan.cpuNs) / 1e6;
        m_idleTimer.setInterval(
            std::clamp(int(std::min(scanMs / kIdleCpuShare, double(kMaxIdleRefreshMs))),
                kIdleRefreshMs, kMaxIdleRefreshMs));
        emit scanned();
    }
    if (std::exchange(m_again, false))
        refresh();
}

void ResidencyStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int h = height();
    const int w = width();
    painter.fillRect(rect(), QColor(0x90, 0x90, 0x90, 60));
    if (!m_document || m_document->size() == 0 || h <= 0)
        return;
    // Residency, right of the marks' lane; the last scan may be for another height.
    const qsizetype rows = m_scan.rows.size();
    for (int y = 0; y < h && rows > 0; ++y) {
        const float fraction = m_scan.rows[qsizetype(y) * rows / h];
        if (fraction > 0) {
            QColor color = residentColor();
            color.setAlphaF(0.25 + 0.75 * fraction);
            painter.fillRect(kMarkLaneWidth + 1, y, w - kMarkLaneWidth - 1, 1, color);
        }
    }
    const double size = double(m_document->size());
    const auto yOf = [&](qint64 offset) { return int(double(offset) / size * h); };
    if (m_visibleEnd > m_visibleStart) {
        painter.setPen(palette().color(QPalette::Highlight));
        painter.drawRect(
            0, yOf(m_visibleStart), w - 1, std::max(2, yOf(m_visibleEnd) - yOf(m_visibleStart)));
    }
    // Modified ranges last, over the frame, each at least kMinMarkHeight high around
    // where it is, so that one byte of a huge map still shows. Marks that would cover
    // rows already painted are skipped.
    int paintedEnd = 0;
    for (const RangeSet::Range &range : m_document->modifiedRanges().ranges()) {
        int top = yOf(range.start);
        int bottom = std::max(top + 1, yOf(range.end));
        if (bottom - top < kMinMarkHeight) {
            top = std::clamp(
                (top + bottom) / 2 - kMinMarkHeight / 2, 0, std::max(0, h - kMinMarkHeight));
            bottom = top + kMinMarkHeight;
        }
        top = std::max(top, paintedEnd);
        if (bottom <= top)
            continue;
        painter.fillRect(0, top, kMarkLaneWidth, bottom - top, markColor());
        paintedEnd = bottom;
    }
}

void ResidencyStrip::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_idleTimer.start();
    refresh();
}

void ResidencyStrip::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_idleTimer.stop();
    m_soonTimer.stop();
    m_settleMs = 0;
    m_again = false;
    cancelScan(); // nobody will see its result
}

void ResidencyStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (event->size().height() != event->oldSize().height())
        refreshSoon(kAfterResizeMs);
}

} // namespace hexmap
