#pragma once

#include <QDialog>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hexmap {

// File ▸ Compare…: which two open files to compare (A and B, by their tab titles), and an
// optional shift: compare A from offset N with B from offset M (sizes as input::parseSize
// reads them; what is wrong shows while typing).
class CompareDialog : public QDialog
{
    Q_OBJECT

public:
    CompareDialog(const QStringList &titles, QWidget *parent = nullptr);

    [[nodiscard]] int first() const;
    [[nodiscard]] int second() const;
    [[nodiscard]] qint64 startA() const { return m_startA; }
    [[nodiscard]] qint64 startB() const { return m_startB; }

private:
    void validate();

    QComboBox *m_a;
    QComboBox *m_b;
    QLineEdit *m_offsetA;
    QLineEdit *m_offsetB;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
    qint64 m_startA = 0;
    qint64 m_startB = 0;
};

} // namespace hexmap
