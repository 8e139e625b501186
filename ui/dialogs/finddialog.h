#pragma once

#include "chunkedsearch.h"
#include "hexmodel.h" // QPointer needs the whole class
#include "searchjob.h"

#include <QDialog>
#include <QPointer>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace hexmap {

class DocumentTab;

// Find and replace, for the current tab. The pattern is hex bytes (?? for any byte),
// text (UTF-8, Latin-1 or UTF-16LE, optionally ignoring ASCII case) or a typed value.
// Forward is find, backward rfind, over From/To with Python's meaning (negative counts
// from the end). Searches run as a SearchJob, with progress and Cancel.
class FindDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FindDialog(QWidget *parent = nullptr);

    // The tab searched; null disables the dialog.
    void setTab(DocumentTab *tab);

    // Searches in the chosen direction (next) or against it (previous), continuing
    // after the last match when it is still selected. A match is selected with the
    // cursor on its first byte.
    void findNext();
    void findPrevious();
    // Lists and highlights every match in the range; an edit drops the listed matches
    // it makes stale.
    void findAll();
    // Replaces the selection if the pattern in the Find field matches it now, then
    // finds the next match.
    void replaceCurrent();
    // Replaces every match in the range, as one undo step; each is re-checked right
    // before its write, and those that no longer match (an edit meanwhile) or overlap
    // one replaced are left as they are and counted.
    void replaceAll();
    void cancel();

    [[nodiscard]] bool isSearching() const;
    [[nodiscard]] QString message() const;
    [[nodiscard]] QList<qint64> results() const { return m_results; }

signals:
    // A search (of any kind) ended.
    void searchFinished();

private:
    enum class Pending { None, Next, All, ReplaceAll };

    void buildUi();
    void updateInputs();
    [[nodiscard]] std::optional<BytePattern> pattern(QString *error) const;
    [[nodiscard]] std::optional<QByteArray> replacement(qsizetype length, QString *error) const;
    [[nodiscard]] bool rangeFields(
        std::optional<qint64> *from, std::optional<qint64> *to, QString *error) const;
    struct Query
    {
        BytePattern pattern;
        std::optional<qint64> from;
        std::optional<qint64> to;
    };
    // The pattern and range typed; on a mistake, shows why and returns nothing.
    [[nodiscard]] std::optional<Query> readQuery();
    // note goes before the message the search ends with.
    void find(bool forward, const QString &note = {});
    void startFindAll(const Query &query, Pending pending);
    void selectMatch(qint64 offset, qint64 size);
    // Follows the tab's model: edits drop the listed matches they make stale.
    void watchModel();
    // Re-checks the listed matches that overlap [start, end) against their pattern and
    // drops those that no longer match, from the list, the count and the highlights.
    void recheckResults(qint64 start, qint64 end);
    void fillRow(int row);
    void startJob(Pending pending, const BytePattern &pattern, qint64 start, qint64 end,
        ChunkedSearch::Direction direction, SearchJob::Scope scope);
    void onFinished(const SearchJob::Result &result);
    // Lists and highlights those of matches that still match.
    void showResults(const QList<qint64> &matches);
    void showCount();
    void setMessage(const QString &message, bool error);
    void setSearching(bool searching);

    QPointer<DocumentTab> m_tab;
    QPointer<HexModel> m_model; // the tab's, watched for edits
    SearchJob m_job;
    BytePattern m_pattern; // of the last Find Next / Previous
    QString m_note; // shown before the message of the search running
    Pending m_pending = Pending::None;
    bool m_forward = true;
    bool m_wrapped = false;
    qint64 m_wrapStart = 0;
    qint64 m_wrapEnd = 0;
    qint64 m_lastMatch = -1;
    QList<qint64> m_results; // ascending
    BytePattern m_resultsPattern; // what m_results matched
    QByteArray m_replacement; // of the Replace All running

    QLineEdit *m_find = nullptr;
    QButtonGroup *m_kind = nullptr;
    QComboBox *m_encoding = nullptr;
    QCheckBox *m_ignoreCase = nullptr;
    QComboBox *m_width = nullptr;
    QComboBox *m_endian = nullptr;
    QLineEdit *m_replace = nullptr;
    QButtonGroup *m_direction = nullptr;
    QLineEdit *m_from = nullptr;
    QLineEdit *m_to = nullptr;
    QCheckBox *m_wrap = nullptr;
    QLabel *m_message = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_cancel = nullptr;
    QList<QPushButton *> m_actionButtons;
    QLabel *m_count = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace hexmap
