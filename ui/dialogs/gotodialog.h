#pragma once

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hexmap {

// Go to offset: an expression as input::parseOffset reads it (0x hex, K/M/G, + - *,
// "end"; a leading + or - moves from the cursor). Errors show inline while typing.
class GoToDialog : public QDialog
{
    Q_OBJECT

public:
    GoToDialog(qint64 size, qint64 cursor, QWidget *parent = nullptr);
    // The offset typed, once it is valid.
    [[nodiscard]] std::optional<qint64> offset() const { return m_offset; }

private:
    void validate();

    qint64 m_size;
    qint64 m_cursor;
    QLineEdit *m_input;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
    std::optional<qint64> m_offset;
};

} // namespace hexmap
