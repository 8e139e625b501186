#include "residencystrip.h"

#include "errors.h"
#include "hexmodel.h"

#include <QPainter>
#include <QtConcurrent>

namespace hexmap {

namespace {
constexpr int kRefreshMs = 500; // at most twice a second
constexpr qint64 kScanChunk = qint64(1) << 30; // bytes per mincore call
} // namespace

ResidencyStrip::ResidencyStrip(QWidget *parent)
    : QWidget(parent)
{
    setFixedWidth(sizeHint().width());
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &ResidencyStrip::refresh);
    connect(&m_watcher, &QFutureWatcher<Scan>::finished, this, &ResidencyStrip::finishScan);
}

ResidencyStrip::~ResidencyStrip()
{
    m_watcher.waitForFinished();
}

void ResidencyStrip::setModel(HexModel *model)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_scan = {};
    if (model) {
        connect(model, &HexModel::residencyMayHaveChanged, this, &ResidencyStrip::refresh);
        connect(model, &HexModel::modifiedRangesChanged, this, qOverload<>(&QWidget::update));
    }
    refresh();
}

void ResidencyStrip::setVisibleRange(qint64 start, qint64 end)
{
    m_visibleStart = start;
    m_visibleEnd = end;
    update();
}

void ResidencyStrip::refresh()
{
    if (m_watcher.isRunning()) {
        m_again = true;
        return;
    }
    if (!m_model || !isVisible())
        return;
    const std::shared_ptr<MemoryMap> map = m_model->sharedMap();
    const int bins = std::max(1, height());
    const auto scan = [](const std::shared_ptr<MemoryMap> &map, int bins) {
        Scan result;
        result.bins.fill(0.0f, bins);
        if (!map)
            return result;
        try {
            const qint64 length = map->length();
            const qint64 page = HexModel::pageSize();
            result.pages = (length + page - 1) / page;
            std::vector<std::uint8_t> resident; // one entry per page
            resident.reserve(std::size_t(result.pages));
            for (qint64 start = 0; start < length; start += kScanChunk) {
                const Bytes pages = map->residency(start, std::min(kScanChunk, length - start));
                for (const std::uint8_t page : pages)
                    resident.push_back(page & 1);
            }
            // Each row covers its share of the pages (at least one, for small maps).
            for (int bin = 0; bin < bins; ++bin) {
                const qint64 first = qint64(bin) * result.pages / bins;
                const qint64 last = std::max(first + 1, qint64(bin + 1) * result.pages / bins);
                qint64 in = 0;
                for (qint64 page = first; page < last && page < result.pages; ++page)
                    in += resident[std::size_t(page)];
                result.bins[bin] = float(in) / float(last - first);
            }
            for (const std::uint8_t page : resident)
                result.residentPages += page;
        } catch (const Error &error) {
            result.error = QString::fromUtf8(error.what());
        }
        return result;
    };
    m_watcher.setFuture(QtConcurrent::run(scan, map, bins));
}

void ResidencyStrip::finishScan()
{
    m_scan = m_watcher.future().result();
    setToolTip(m_scan.error.isEmpty()
            ? tr("%1 of %2 pages in RAM (mincore); orange: modified since the last flush")
                  .arg(m_scan.residentPages)
                  .arg(m_scan.pages)
            : m_scan.error);
    update();
    emit scanned();
    if (std::exchange(m_again, false))
        refresh();
}

void ResidencyStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const int h = height();
    painter.fillRect(rect(), QColor(0x90, 0x90, 0x90, 60));
    if (!m_model || m_model->size() == 0)
        return;
    const QColor resident(0x2e, 0xa0, 0x43);
    for (int y = 0; y < m_scan.bins.size() && y < h; ++y) {
        if (m_scan.bins[y] > 0) {
            QColor color = resident;
            color.setAlphaF(0.25 + 0.75 * m_scan.bins[y]);
            painter.fillRect(4, y, width() - 4, 1, color);
        }
    }
    const double size = double(m_model->size());
    const auto yOf = [&](qint64 offset) { return int(double(offset) / size * h); };
    for (const RangeSet::Range &range : m_model->modifiedRanges().ranges())
        painter.fillRect(0, yOf(range.start), 4, std::max(1, yOf(range.end) - yOf(range.start)),
            QColor(0xff, 0x70, 0x43));
    if (m_visibleEnd > m_visibleStart) {
        painter.setPen(palette().color(QPalette::Highlight));
        painter.drawRect(0, yOf(m_visibleStart), width() - 1,
            std::max(2, yOf(m_visibleEnd) - yOf(m_visibleStart)));
    }
}

void ResidencyStrip::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer.start();
    refresh();
}

void ResidencyStrip::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
}

} // namespace hexmap
