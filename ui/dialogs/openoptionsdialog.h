#pragma once

#include "document.h"

#include <QDialog>

class QButtonGroup;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hexmap {

// "Open with options…": a file, an access mode, and the window of it to map (offset
// aligned to the allocation granularity, length, trackfd). Errors show inline while
// typing; OK is enabled only when everything parses.
class OpenOptionsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OpenOptionsDialog(QWidget *parent = nullptr);

    void setPath(const QString &path);
    [[nodiscard]] QString path() const;
    [[nodiscard]] Document::OpenOptions options() const;

private:
    void validate();
    void alignOffset();

    QLineEdit *m_path;
    QButtonGroup *m_modes;
    QLineEdit *m_offset;
    QLabel *m_offsetNote;
    QLineEdit *m_length;
    QCheckBox *m_trackfd;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
    Document::OpenOptions m_options;
};

} // namespace hexmap
