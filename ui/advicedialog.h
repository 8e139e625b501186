#pragma once

#include <QDialog>

class QButtonGroup;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace hexmap {

class HexModel;

// Memory advice (madvise): the MADV_* values this system has, each with its meaning,
// over the whole map, the selection, or a start and length. madvise wants a
// page-aligned start: the dialog shows the aligned range and aligns on request.
class AdviceDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Scope { WholeMap, Selection, Custom };

    AdviceDialog(
        HexModel *model, qint64 selectionStart, qint64 selectionLength, QWidget *parent = nullptr);

    // Chooses the advice by its name ("MADV_WILLNEED"); false if this system lacks it.
    bool selectAdvice(const QString &name);
    void setScope(Scope scope);
    void setCustomRange(const QString &start, const QString &length);
    // Applies the advice; on failure the core's error shows in the dialog.
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

    HexModel *m_model;
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
