#pragma once

#include "comparison.h"

#include <QWidget>

class QAbstractItemModel;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;

namespace hexmap {

class HexView;

// Two documents side by side (Comparison): a HexView each, scrolling together by offset,
// the bytes that differ marked in both and the bytes only in one side marked apart; the
// cursor of one side puts the other's on the byte facing it, and the status line shows
// the offset and both values. Next/previous difference (F7 / Shift+F7) and the list of
// difference ranges (a job with progress and Cancel) below. Either side is edited as in
// its tab; the marks and the list follow every change.
class CompareView : public QWidget
{
    Q_OBJECT

public:
    // The documents are not owned: the view closes when either goes.
    CompareView(
        Document *a, Document *b, qint64 startA = 0, qint64 startB = 0, QWidget *parent = nullptr);
    ~CompareView() override;

    [[nodiscard]] Comparison *comparison() const { return m_comparison; }
    [[nodiscard]] HexView *view(Comparison::Side side) const;
    [[nodiscard]] QTableView *differenceList() const { return m_list; }
    [[nodiscard]] QString statusText() const;
    // The list's summary ("3 ranges differ (17 bytes).", progress, errors).
    [[nodiscard]] QString summaryText() const;

public slots:
    void nextDifference();
    void previousDifference();

private:
    // Next (forward) or previous difference from the active side's cursor.
    void step(bool forward);
    void follow(Comparison::Side side);
    void scrollWith(Comparison::Side side);
    void goTo(Comparison::Side side, qint64 offset);
    void showList();
    void updateStatus();
    [[nodiscard]] Comparison::Side activeSide() const;

    Comparison *m_comparison;
    HexView *m_views[2];
    QTableView *m_list;
    QAbstractItemModel *m_model;
    QLabel *m_summary;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_status;
    Comparison::Side m_active = Comparison::Side::A;
    bool m_syncing = false; // one side is being moved to follow the other
};

} // namespace hexmap
