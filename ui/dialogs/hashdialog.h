#pragma once

#include "digest.h"
#include "hashjob.h"
#include "jobrunner.h"

#include <QDialog>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

namespace hexmap {

class Document;
class RangeChoice;

// Hashes and checksums of the selection or the whole map (Tools ▸ Hashes and Checksums):
// the algorithms checked in the list are computed in one pass off the UI thread, straight
// from the map, with progress and Cancel; Copy puts the results on the clipboard as
// "NAME  hex" lines. Starts computing when shown.
class HashDialog : public QDialog
{
    Q_OBJECT

public:
    HashDialog(Document *document, qint64 selectionStart, qint64 selectionLength,
        QWidget *parent = nullptr);

    [[nodiscard]] RangeChoice *range() const { return m_range; }
    [[nodiscard]] QList<DigestAlgorithm> algorithms() const;
    void setAlgorithms(const QList<DigestAlgorithm> &algorithms);

    // Starts hashing the chosen range with the checked algorithms (canceling a running
    // job); computed() comes when it ends.
    void compute();
    void cancel() { m_job.cancel(); }
    [[nodiscard]] bool isComputing() const { return m_job.isRunning(); }
    // The last result of algorithm in lowercase hex, or "" when there is none.
    [[nodiscard]] QString digest(DigestAlgorithm algorithm) const;
    // Why the last run gave no result ("" when it gave one).
    [[nodiscard]] QString message() const;
    // What Copy puts on the clipboard.
    [[nodiscard]] QString resultText() const;

signals:
    void computed(bool ok);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void finish();
    void clearDigests();

    Document *m_document;
    RangeChoice *m_range;
    QTreeWidget *m_list;
    QLabel *m_message;
    QProgressBar *m_progress;
    QPushButton *m_compute;
    QPushButton *m_cancel;
    QPushButton *m_copy;
    bool m_started = false;
    Job<HashResult> m_job;
};

} // namespace hexmap
