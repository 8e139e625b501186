#include "scratchdialog.h"

#include "inputparsing.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace hexmap {

ScratchDialog::ScratchDialog(QWidget *parent)
    : QDialog(parent)
    , m_input(new QLineEdit(QStringLiteral("64K"), this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New Scratch Buffer"));
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Size:"), m_input);
    layout->addRow(QString(), m_note);
    layout->addRow(m_buttons);
    connect(m_input, &QLineEdit::textChanged, this, &ScratchDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void ScratchDialog::validate()
{
    QString error;
    const auto size = input::parseSize(m_input->text(), &error);
    const bool ok = size && *size > 0;
    if (ok) {
        m_size = *size;
        m_note->setText(
            tr("%1 bytes of zeros in memory; Save As writes them to a file.").arg(*size));
    } else {
        m_note->setText(size ? tr("A buffer needs at least one byte.") : error);
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace hexmap
