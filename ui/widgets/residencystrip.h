#pragma once

#include "document.h" // QPointer needs the whole class
#include "jobrunner.h"
#include "memorymap.h"

#include <QPointer>
#include <QTimer>
#include <QVector>
#include <QWidget>

#include <functional>

namespace hexmap {

// Pages [first, end) of a map.
struct PageSpan
{
    qint64 first = 0;
    qint64 end = 0;
    [[nodiscard]] qint64 pages() const { return end - first; }
    friend bool operator==(const PageSpan &, const PageSpan &) = default;
};

// What one scan of the strip found.
struct ResidencyScan
{
    QVector<float> rows; // per pixel row: the resident fraction of the pages it sampled
    qint64 pages = 0; // pages in the map
    qint64 sampledPages = 0; // pages mincore was asked about
    qint64 residentPages = 0; // each row's fraction times its pages: exact when exact
    bool exact = true; // every page of the map was looked at
    qint64 cpuNs = 0; // CPU time the scan took
    QString error; // why the scan stopped (the job's error)
};

// Which pages of [offset, offset + length) are in RAM, one byte per page (bit 0), as
// MemoryMap::residency (mincore) says. Called off the UI thread.
using ResidencyProbe = std::function<Bytes(const MemoryMap &map, qint64 offset, qint64 length)>;

// The strip's sampling, as pure functions: a scan costs O(rows) pages and mincore
// calls, whatever the size of the map.
namespace residency {
// A row standing for at most this many pages is looked at whole, in one mincore call.
constexpr qint64 kWholeRowPages = 64;
// A bigger row is sampled: this many single pages, evenly spread over its share.
constexpr int kSamplesPerRow = 16;

// The pages row `row` of `rows` stands for, in a map of `pages` pages: its share, and
// at least one page (so that rows repeat pages when the map has fewer pages than rows).
[[nodiscard]] PageSpan rowSpan(qint64 pages, int rows, int row);
// The runs of pages a scan asks mincore about for a row's span.
[[nodiscard]] QVector<PageSpan> samplesOf(PageSpan span);
// Scans map for `rows` pixel rows through probe into result, as a job. Checks cancel
// before each row and then stops, so that it never runs for long once told to stop; what
// the probe throws stops it too, with the rows scanned so far in result.
void scan(const MemoryMap *map, int rows, const ResidencyProbe &probe, const JobControl &job,
    ResidencyScan &result);
} // namespace residency

// A strip beside the scroll bar that shows which pages of the map are in RAM (mincore:
// green, a sample of each pixel row's pages on big maps) and, in a lane of their own, the
// ranges modified since the last flush (orange marks at least kMinMarkHeight pixels
// high, over the frame of the visible part). Scans run off the UI thread: promptly after
// something that changes residency (madvise, flush, an edit, scrolling, a resize), and
// otherwise, while the strip is visible, after kIdleRefreshMs or kIdleCpuShare⁻¹ times
// what the last scan cost, whichever is longer. Destroying the strip never
// waits for a scan: the scan owns a reference to the map, is told to stop, and its
// result goes nowhere.
class ResidencyStrip : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kIdleRefreshMs = 5000;
    static constexpr int kMaxIdleRefreshMs = 60000;
    // At most this share of a core goes to rescans while nothing happens.
    static constexpr double kIdleCpuShare = 0.0025;
    static constexpr int kMarkLaneWidth = 5;
    static constexpr int kMinMarkHeight = 3;

    explicit ResidencyStrip(QWidget *parent = nullptr);
    ~ResidencyStrip() override;

    void setDocument(Document *document);
    // The part of the map on screen, framed in the strip.
    void setVisibleRange(qint64 start, qint64 end);
    // Scans now, or as soon as the running scan ends.
    void refresh();
    // Replaces mincore for the scans that start from now on (tests: a probe that blocks).
    void setProbe(ResidencyProbe probe);

    // The last scan (for tests and the tooltip). residentPages is an estimate when the
    // scan sampled (exact() is false).
    [[nodiscard]] qint64 residentPages() const { return m_scan.residentPages; }
    [[nodiscard]] qint64 totalPages() const { return m_scan.pages; }
    [[nodiscard]] qint64 sampledPages() const { return m_scan.sampledPages; }
    [[nodiscard]] bool isExact() const { return m_scan.exact; }
    [[nodiscard]] bool isScanning() const { return m_job.isRunning(); }
    // How long the strip waits, with nothing happening, before it rescans.
    [[nodiscard]] int idleRefreshMs() const { return m_idleTimer.interval(); }

    [[nodiscard]] static QColor residentColor() { return {0x2e, 0xa0, 0x43}; }
    [[nodiscard]] static QColor markColor() { return {0xff, 0x70, 0x43}; }

    [[nodiscard]] QSize sizeHint() const override { return {14, 100}; }

signals:
    void scanned();

protected:
    void paintEvent(QPaintEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void finishScan();
    void cancelScan();
    // Refreshes after ms, or sooner if a refresh is already due.
    void refreshSoon(int ms);
    // Residency may change over the next seconds (read-ahead): refresh now and a few
    // times more, further and further apart.
    void refreshWhileSettling();
    void idleRefresh();

    QPointer<Document> m_document;
    ResidencyProbe m_probe;
    QTimer m_idleTimer;
    QTimer m_soonTimer;
    int m_settleMs = 0;
    Job<ResidencyScan> m_job;
    ResidencyScan m_scan;
    bool m_again = false;
    qint64 m_visibleStart = 0;
    qint64 m_visibleEnd = 0;
};

} // namespace hexmap
