#pragma once

#include "jobrunner.h"
#include "rangeset.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace hexmap {

class Document;

// Flush to disk (msync): shows what was modified since the last flush, and flushes
// everything, only the modified ranges, or the selection widened to whole pages.
// The msync calls run off the UI thread with progress; a range is marked clean only
// once its msync succeeded. Read-only, copy-on-write and scratch maps say why a flush
// does nothing for them.
class FlushDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Scope { Everything, ModifiedRanges, Selection };

    FlushDialog(Document *document, qint64 selectionStart, qint64 selectionLength,
        QWidget *parent = nullptr);

    // The ranges a scope flushes: page-aligned starts, clipped to the map.
    [[nodiscard]] std::vector<RangeSet::Range> ranges(Scope scope) const;

    void setScope(Scope scope);
    // Starts flushing; flushed() is emitted when it ends.
    void flush();
    [[nodiscard]] bool isFlushing() const { return m_job.isRunning(); }
    [[nodiscard]] QString message() const;

signals:
    void flushed(bool ok);

private:
    void describe();
    void finish();

    Document *m_document;
    RangeSet::Range m_selection;
    QButtonGroup *m_scopes;
    QRadioButton *m_selectionChoice;
    QLabel *m_summary;
    QLabel *m_message;
    QProgressBar *m_progress;
    QPushButton *m_flush;
    Job<std::vector<RangeSet::Range>> m_job; // the ranges flushed
};

} // namespace hexmap
