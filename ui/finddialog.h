#pragma once

#include "chunkedsearch.h"
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
    // after the last match when it is still selected.
    void findNext();
    void findPrevious();
    void findAll();
    // Replaces the selected match (same length as the pattern), then finds the next.
    void replaceCurrent();
    // Replaces every match in the range, as one undo step.
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
    void find(bool forward);
    void startJob(Pending pending, qint64 start, qint64 end, ChunkedSearch::Direction direction,
        SearchJob::Scope scope);
    void onFinished(const SearchJob::Result &result);
    void showResults();
    void setMessage(const QString &message, bool error);
    void setSearching(bool searching);

    QPointer<DocumentTab> m_tab;
    SearchJob m_job;
    BytePattern m_pattern;
    Pending m_pending = Pending::None;
    bool m_forward = true;
    bool m_wrapped = false;
    qint64 m_wrapStart = 0;
    qint64 m_wrapEnd = 0;
    qint64 m_lastMatch = -1;
    QList<qint64> m_results;

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
