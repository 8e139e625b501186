#pragma once

#include "document.h"

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hexmap {

// Memory advice (madvise): the MADV_* values this system has, each with its meaning,
// over the whole map, the selection, or a start and length. madvise wants a
// page-aligned start: the dialog shows the aligned range and aligns on request.
// Advice that loses data asks first, saying what; advice that damages RAM is listed
// but disabled.
class AdviceDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Scope { WholeMap, Selection, Custom };

    AdviceDialog(Document *document, qint64 selectionStart, qint64 selectionLength,
        QWidget *parent = nullptr);

    // Chooses the advice by its name ("MADV_WILLNEED"); false if this system lacks it.
    bool selectAdvice(const QString &name);
    void setScope(Scope scope);
    void setCustomRange(const QString &start, const QString &length);
    // Applies the advice, asking first when it would lose data; on failure or when
    // the user declines, the dialog says why.
    bool apply();
    [[nodiscard]] QString message() const;

private:
    struct Range
    {
        qint64 start;
        qint64 length;
    };
    [[nodiscard]] std::optional<Range> range(QString *error) const;
    void validate();
    void align();
    // Asks before advice that loses data (impact says what); may save first. True to go on.
    bool confirm(const QString &name, const Document::AdviceImpact &impact);

    Document *m_document;
    qint64 m_selectionStart;
    qint64 m_selectionLength;
    QListWidget *m_options;
    QButtonGroup *m_scopes;
    QLineEdit *m_start;
    QLineEdit *m_length;
    QLabel *m_rangeNote;
    QLabel *m_message;
    QPushButton *m_apply;
};

} // namespace hexmap
