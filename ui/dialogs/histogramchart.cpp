#include "histogramchart.h"

#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace hexmap {

namespace {

QColor colorOf(int value)
{
    if (value == 0)
        return QColor(0x88, 0x88, 0x88);
    if (value >= 0x20 && value < 0x7F)
        return QColor(0x2a, 0x7a, 0xd5);
    if (value < 0x80)
        return QColor(0x3c, 0xa3, 0x5d);
    return QColor(0xd5, 0x7a, 0x2a);
}

} // namespace

HistogramChart::HistogramChart(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void HistogramChart::setHistogram(const ByteHistogram &histogram)
{
    m_histogram = histogram;
    update();
}

void HistogramChart::setLogarithmic(bool logarithmic)
{
    m_logarithmic = logarithmic;
    update();
}

QRect HistogramChart::plotArea() const
{
    const int axis = fontMetrics().height() + 4;
    return rect().adjusted(4, 4, -4, -axis);
}

int HistogramChart::valueAt(int x) const
{
    const QRect area = plotArea();
    if (x < area.left() || x > area.right() || area.width() <= 0)
        return -1;
    return std::min(255, int(qint64(x - area.left()) * 256 / area.width()));
}

double HistogramChart::barHeight(std::uint64_t count, int height) const
{
    const std::uint64_t most = m_histogram.maxCount();
    if (count == 0 || most == 0)
        return 0.0;
    // Log scale: log(1 + count) keeps a single occurrence visible beside millions.
    const double share = m_logarithmic ? std::log1p(double(count)) / std::log1p(double(most))
                                       : double(count) / double(most);
    return std::max(1.0, share * height);
}

void HistogramChart::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    const QRect area = plotArea();
    painter.setPen(palette().mid().color());
    painter.drawLine(area.bottomLeft(), area.bottomRight());
    for (int value = 0; value < 256; ++value) {
        const double left = area.left() + double(area.width()) * value / 256.0;
        const double right = area.left() + double(area.width()) * (value + 1) / 256.0;
        const double height = barHeight(m_histogram.count(std::uint8_t(value)), area.height());
        painter.fillRect(QRectF(left, area.bottom() - height, std::max(1.0, right - left), height),
            colorOf(value));
    }
    painter.setPen(palette().text().color());
    for (int value = 0; value <= 256; value += 64) {
        const int x = area.left() + int(qint64(area.width()) * value / 256);
        const QString label
            = QStringLiteral("%1").arg(std::min(value, 255), 2, 16, QLatin1Char('0')).toUpper();
        const int width = fontMetrics().horizontalAdvance(label);
        painter.drawText(std::clamp(x - width / 2, 0, this->width() - width),
            height() - fontMetrics().descent() - 1, label);
    }
}

void HistogramChart::mouseMoveEvent(QMouseEvent *event)
{
    const int value = valueAt(int(event->position().x()));
    if (value < 0) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(),
        tr("0x%1 (%2): %3 times")
            .arg(value, 2, 16, QLatin1Char('0'))
            .arg(value)
            .arg(m_histogram.count(std::uint8_t(value))),
        this);
}

} // namespace hexmap
