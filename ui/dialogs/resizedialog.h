#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hexmap {

class Document;

// Resize the map and its file (mmap.resize). Sizes as input::parseSize reads them.
// Shrinking asks first, naming the bytes cut and whether undo brings them back.
// Maps the contract forbids to resize show why instead.
class ResizeDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ResizeDialog(Document *document, QWidget *parent = nullptr);

    void accept() override;

private:
    void validate();
    // Shows note under the size, the dialog as tall as its lines need.
    void setNote(const QString &note);

    Document *m_document;
    QLineEdit *m_input;
    QLabel *m_note;
    QDialogButtonBox *m_buttons;
    qint64 m_size = -1;
};

} // namespace hexmap
