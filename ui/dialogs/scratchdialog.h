#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hexmap {

// "New scratch buffer": the size of an anonymous map, with sizes as parseSize reads them.
class ScratchDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ScratchDialog(QWidget *parent = nullptr);
    [[nodiscard]] qint64 size() const { return m_size; }

private:
    void validate();

    QLineEdit *m_input;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
    qint64 m_size = 0;
};

} // namespace hexmap
