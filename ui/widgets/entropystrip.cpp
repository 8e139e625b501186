#include "entropystrip.h"

#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace hexmap {

EntropyStrip::EntropyStrip(QWidget *parent)
    : QWidget(parent)
    , m_job(this)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Expanding);
    // The job holds its own share of the map; its result may go nowhere.
    m_job.setOnDestruction(JobRunner::OnDestruction::CancelOnly);
    m_soonTimer.setSingleShot(true);
    m_soonTimer.setInterval(kAfterChangeMs);
    connect(&m_soonTimer, &QTimer::timeout, this, &EntropyStrip::refresh);
    connect(&m_job, &JobRunner::finished, this, &EntropyStrip::finishSampling);
}

EntropyStrip::~EntropyStrip() = default;

void EntropyStrip::setDocument(Document *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_job.cancel();
    m_document = document;
    m_samples = {};
    if (document) {
        connect(document, &Document::changed, this, [this](const DocumentChange &change) {
            if (!change.hasBytes() && !change.sizeChanged && !change.remapped)
                return;
            m_soonTimer.start();
        });
    }
    update();
    refresh();
}

void EntropyStrip::refresh()
{
    m_soonTimer.stop();
    if (!m_document || !isVisible())
        return;
    if (m_job.isRunning()) {
        m_again = true;
        m_job.cancel();
        return;
    }
    std::shared_ptr<const MemoryMap> map = m_document->sharedMap();
    const qint64 length = map ? std::min(m_document->size(), m_document->backedBytes()) : 0;
    const int rows = height();
    m_job.start([map, length, rows](JobControl &job, EntropySamples &result) {
        if (map)
            sampleEntropy(*map, length, rows, kSampleBytes, job, result);
    });
}

void EntropyStrip::finishSampling()
{
    if (m_again) {
        m_again = false;
        refresh();
        return;
    }
    if (m_job.isCanceled())
        return;
    m_samples = m_job.result();
    update();
    emit sampled();
}

QColor EntropyStrip::colorOf(float bits)
{
    if (std::isnan(bits))
        return {0xb0, 0xb0, 0xb0};
    // 0 → near black, 4 → blue (text is about 4–5), 8 → red.
    const double t = std::clamp(double(bits) / 8.0, 0.0, 1.0);
    if (t < 0.5) {
        const double u = t / 0.5;
        return QColor::fromRgbF(
            float(0.08 + 0.10 * u), float(0.08 + 0.35 * u), float(0.12 + 0.78 * u));
    }
    const double u = (t - 0.5) / 0.5;
    return QColor::fromRgbF(float(0.18 + 0.80 * u), float(0.43 - 0.25 * u), float(0.90 - 0.75 * u));
}

void EntropyStrip::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().window());
    const qsizetype rows = m_samples.bits.size();
    if (rows == 0)
        return;
    for (int y = 0; y < height(); ++y) {
        const qsizetype row = std::min<qsizetype>(rows - 1, qsizetype(y) * rows / height());
        painter.fillRect(QRect(1, y, width() - 2, 1), colorOf(m_samples.bits.at(row)));
    }
}

void EntropyStrip::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // One sample per pixel row: only a change of height needs a new sampling.
    if (m_samples.bits.size() != height() || m_job.isRunning())
        m_soonTimer.start();
}

void EntropyStrip::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
}

bool EntropyStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip && m_document && !m_samples.bits.isEmpty()) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const qsizetype rows = m_samples.bits.size();
        const qsizetype row = std::clamp<qsizetype>(
            qsizetype(help->pos().y()) * rows / std::max(1, height()), 0, rows - 1);
        const qint64 offset = rowStart(m_document->size(), int(rows), int(row));
        const float bits = m_samples.bits.at(row);
        QToolTip::showText(help->globalPos(),
            std::isnan(bits)
                ? tr("0x%1: bytes gone").arg(offset, 0, 16)
                : tr("0x%1: entropy %2 bits per byte").arg(offset, 0, 16).arg(bits, 0, 'f', 2),
            this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace hexmap
