#include "resizedialog.h"

#include "document.h"
#include "inputparsing.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>

namespace hexmap {

ResizeDialog::ResizeDialog(Document *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_input(new QLineEdit(QString::number(document->size()), this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Resize Map"));
    m_input->setObjectName(QStringLiteral("size"));
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setWordWrap(true);
    const QLocale locale;
    const qint64 fileSize = document->fileSizeOnDisk();
    auto *layout = new QFormLayout(this);
    layout->addRow(
        tr("Map length:"), new QLabel(tr("%1 bytes").arg(locale.toString(document->size())), this));
    layout->addRow(tr("File size:"),
        new QLabel(fileSize >= 0 ? tr("%1 bytes").arg(locale.toString(fileSize))
                                 : tr("no file (anonymous map)"),
            this));
    layout->addRow(tr("&New size:"), m_input);
    layout->addRow(m_note); // the whole width: fewer lines
    layout->addRow(m_buttons);
    connect(m_input, &QLineEdit::textChanged, this, &ResizeDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ResizeDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    const QString refused = document->whyNot(Document::Operation::Resize);
    m_input->setEnabled(refused.isEmpty());
    validate();
    if (!refused.isEmpty()) {
        setNote(refused);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    }
}

void ResizeDialog::setNote(const QString &note)
{
    m_note->setText(note);
    // A longer note wraps onto more lines: the dialog grows to show them whole (before
    // it is shown, its first size takes them in).
    if (!isVisible())
        return;
    layout()->activate();
    const int needed = heightForWidth(width());
    if (needed > height())
        resize(width(), needed);
}

void ResizeDialog::validate()
{
    QString error;
    const auto size = input::parseSize(m_input->text(), &error);
    m_size = size.value_or(-1);
    QString note;
    if (!size) {
        note = error;
    } else if (*size < m_document->size()) {
        note = tr("Cuts the last %1 bytes.").arg(QLocale().toString(m_document->size() - *size));
    } else if (*size > m_document->size()) {
        note = tr("Adds %1 zero bytes.").arg(QLocale().toString(*size - m_document->size()));
    }
    setNote(note);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(size.has_value());
}

void ResizeDialog::accept()
{
    if (m_size < 0)
        return;
    if (m_size < m_document->size()) {
        QMessageBox confirm(QMessageBox::Warning, windowTitle(),
            tr("Cut the last %1 bytes of the map and the file?")
                .arg(QLocale().toString(m_document->size() - m_size)),
            QMessageBox::Cancel, this);
        confirm.setObjectName(QStringLiteral("confirmShrink"));
        confirm.setInformativeText(m_document->canUndoResize(m_size)
                ? tr("Undo can bring them back.")
                : tr("They are more than %1 MiB: undo cannot bring them back.")
                      .arg(Document::kMaxUndoableCut >> 20));
        confirm.addButton(tr("&Cut"), QMessageBox::DestructiveRole);
        if (confirm.exec() == QMessageBox::Cancel)
            return;
    }
    if (!m_document->resize(m_size)) {
        setNote(m_document->lastError()); // the core's words, verbatim
        return;
    }
    QDialog::accept();
}

} // namespace hexmap
