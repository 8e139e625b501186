#pragma once

#include "bytehistogram.h"
#include "jobrunner.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QProgressBar;
class QPushButton;

namespace hexmap {

class Document;
class HistogramChart;
class RangeChoice;

// Statistics of the selection or the whole map (Tools ▸ Statistics): the byte histogram
// as a chart and the Shannon entropy, counted off the UI thread with progress and Cancel.
// Starts counting when shown.
class StatisticsDialog : public QDialog
{
    Q_OBJECT

public:
    StatisticsDialog(Document *document, qint64 selectionStart, qint64 selectionLength,
        QWidget *parent = nullptr);

    [[nodiscard]] RangeChoice *range() const { return m_range; }
    [[nodiscard]] HistogramChart *chart() const { return m_chart; }
    // Starts counting the chosen range (canceling a running count); computed() follows.
    void compute();
    void cancel() { m_job.cancel(); }
    [[nodiscard]] bool isComputing() const { return m_job.isRunning(); }
    // The last complete count (empty while none).
    [[nodiscard]] ByteHistogram histogram() const;
    [[nodiscard]] QString summary() const;

signals:
    void computed(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void finish();

    Document *m_document;
    RangeChoice *m_range;
    HistogramChart *m_chart;
    QCheckBox *m_logarithmic;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_compute;
    QPushButton *m_cancel;
    bool m_started = false;
    bool m_complete = false;
    Job<ByteHistogram> m_job;
};

} // namespace hexmap
