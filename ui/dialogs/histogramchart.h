#pragma once

#include "bytehistogram.h"

#include <QWidget>

namespace hexmap {

// A bar chart of a byte histogram, painted with QPainter: one bar per byte value 0x00 to
// 0xFF, on a linear or logarithmic count scale, coloured by class (zero, printable,
// whitespace/control, high); hovering a bar shows its value and count.
class HistogramChart : public QWidget
{
    Q_OBJECT

public:
    explicit HistogramChart(QWidget *parent = nullptr);

    void setHistogram(const ByteHistogram &histogram);
    [[nodiscard]] const ByteHistogram &histogram() const { return m_histogram; }
    void setLogarithmic(bool logarithmic);
    [[nodiscard]] bool isLogarithmic() const { return m_logarithmic; }
    // The byte value whose bar is at x, or -1.
    [[nodiscard]] int valueAt(int x) const;

    [[nodiscard]] QSize sizeHint() const override { return {560, 240}; }
    [[nodiscard]] QSize minimumSizeHint() const override { return {280, 120}; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    [[nodiscard]] QRect plotArea() const;
    [[nodiscard]] double barHeight(std::uint64_t count, int height) const;

    ByteHistogram m_histogram;
    bool m_logarithmic = false;
};

} // namespace hexmap
