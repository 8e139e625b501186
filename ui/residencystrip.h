#pragma once

#include <QFutureWatcher>
#include <QPointer>
#include <QTimer>
#include <QVector>
#include <QWidget>

namespace hexmap {

class HexModel;

// A strip beside the scroll bar that shows which pages of the map are in RAM
// (mincore: green) and which were modified since the last flush (orange marks), pages
// binned per pixel for big maps. Scans run off the UI thread, at most twice a second
// while the strip is visible, and right after a madvise or flush.
class ResidencyStrip : public QWidget
{
    Q_OBJECT

public:
    explicit ResidencyStrip(QWidget *parent = nullptr);
    ~ResidencyStrip() override;

    void setModel(HexModel *model);
    // The part of the map on screen, framed in the strip.
    void setVisibleRange(qint64 start, qint64 end);
    // Scans now, or as soon as the running scan ends.
    void refresh();

    // The last scan (for tests and the tooltip).
    [[nodiscard]] qint64 residentPages() const { return m_scan.residentPages; }
    [[nodiscard]] qint64 totalPages() const { return m_scan.pages; }

    [[nodiscard]] QSize sizeHint() const override { return {14, 100}; }

signals:
    void scanned();

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    struct Scan
    {
        QVector<float> bins; // resident fraction per pixel row
        qint64 residentPages = 0;
        qint64 pages = 0;
        QString error;
    };
    void finishScan();

    QPointer<HexModel> m_model;
    QTimer m_timer;
    QFutureWatcher<Scan> m_watcher;
    Scan m_scan;
    bool m_again = false;
    qint64 m_visibleStart = 0;
    qint64 m_visibleEnd = 0;
};

} // namespace hexmap
