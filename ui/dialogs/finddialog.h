#pragma once

#include "searchsession.h"
#include "textdecoder.h"

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

class Editor;

// Find and replace, for the current tab: a form over a SearchSession. The pattern is
// hex bytes (?? for any byte), text (in any TextEncoding, optionally ignoring ASCII
// case), a typed value or a regular expression over bytes (RegexPattern), whose
// errors show while it is typed. Forward is find, backward rfind, over From/To with
// Python's meaning (negative counts from the end). The session searches off the UI
// thread; the dialog shows its progress, messages and results, and selects and
// highlights matches in the tab's view.
class FindDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FindDialog(QWidget *parent = nullptr);

    // The editor whose file is searched (its cursor is where a search starts, its
    // selection shows a match, its highlights Find All's matches); null disables the
    // dialog. A new editor forgets the last match.
    void setEditor(Editor *editor);

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

    // The text pane's encoding: the results list shows their characters in it, and text
    // is searched in it from now on (UTF-8 for ASCII, which it extends).
    void setPaneEncoding(TextEncoding encoding);

    [[nodiscard]] bool isSearching() const;
    [[nodiscard]] QString message() const;
    [[nodiscard]] QList<qint64> results() const;

signals:
    // A search (of any kind) ended.
    void searchFinished();

private:
    void buildUi();
    void updateInputs();
    // While a regular expression is typed: why it is refused, or nothing.
    void checkRegex();
    [[nodiscard]] TextEncoding textEncoding() const;
    [[nodiscard]] std::optional<BytePattern> pattern(QString *error) const;
    [[nodiscard]] std::optional<QByteArray> replacement(qsizetype length, QString *error) const;
    [[nodiscard]] bool rangeFields(
        std::optional<qint64> *from, std::optional<qint64> *to, QString *error) const;
    // Hands the fields to the session as its query; on a mistake, shows why and
    // returns false.
    [[nodiscard]] bool readQuery();
    // The replacement, as long as the pattern typed; on a mistake, shows why and
    // returns nothing.
    [[nodiscard]] std::optional<QByteArray> readReplacement();
    void watchSession();
    void showResults(const SearchSession::ResultsChange &change);
    void fillRow(int row);
    void showCount();
    void setMessage(const QString &message, bool error);
    void setSearching(bool searching);

    // What the dialog still asks of or tells the tab's view: where its cursor and
    // selection are, the selection of a match, and the highlights of Find All.
    [[nodiscard]] SearchSession::Place place() const;
    void showMatch(qint64 offset, qint64 size);
    void showHighlights(qint64 low, qint64 high);

    QPointer<Editor> m_editor;
    SearchSession *m_session = nullptr; // the tab's document's, owned by the dialog

    QLineEdit *m_find = nullptr;
    QButtonGroup *m_kind = nullptr;
    QComboBox *m_encoding = nullptr;
    TextDecoder m_paneDecoder; // the results list's characters
    QCheckBox *m_ignoreCase = nullptr;
    QLabel *m_regexHelp = nullptr;
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
    QList<QPushButton *>
        m_actionButtons; // Find Next, Find Previous, Find All, Replace, Replace All
    static constexpr qsizetype kFirstReplaceButton = 3;
    QLabel *m_count = nullptr;
    QTableWidget *m_table = nullptr;
};

} // namespace hexmap
