#pragma once

#include <QByteArray>
#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;

namespace hexmap {

// Edit ▸ Insert Bytes…: how many bytes of a repeated hex pattern, or the clipboard's
// bytes, go in before the cursor.
class InsertBytesDialog : public QDialog
{
    Q_OBJECT

public:
    // More than this is not made in memory (Map ▸ Resize grows the end by any size).
    static constexpr qint64 kMaxBytes = qint64(64) << 20;

    explicit InsertBytesDialog(QWidget *parent = nullptr);
    // The bytes to insert, or nothing for the clipboard's.
    [[nodiscard]] std::optional<QByteArray> bytes() const;

private:
    void validate();

    QRadioButton *m_repeat;
    QRadioButton *m_clipboard;
    QLineEdit *m_count;
    QLineEdit *m_pattern;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
    qint64 m_size = 0;
    QByteArray m_unit; // the pattern repeated
};

} // namespace hexmap
