#include "gotodialog.h"

#include "inputparsing.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace hexmap {

GoToDialog::GoToDialog(qint64 size, qint64 cursor, QWidget *parent)
    : QDialog(parent)
    , m_size(size)
    , m_cursor(cursor)
    , m_input(new QLineEdit(this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Go to Offset"));
    m_input->setObjectName(QStringLiteral("offset"));
    m_input->setPlaceholderText(tr("0x1F00, 4K + 16, end - 0x10, +32, -8"));
    m_note->setObjectName(QStringLiteral("note"));
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Offset:"), m_input);
    layout->addRow(QString(), m_note);
    layout->addRow(m_buttons);
    connect(m_input, &QLineEdit::textChanged, this, &GoToDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void GoToDialog::validate()
{
    QString error;
    m_offset = input::parseOffset(m_input->text(), {m_size, m_cursor}, &error);
    m_note->setText(
        m_offset ? tr("→ %1 (%2)").arg(input::formatOffset(*m_offset)).arg(*m_offset) : error);
    m_note->setStyleSheet(
        m_offset || m_input->text().isEmpty() ? QString() : QStringLiteral("color: #c62828"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_offset.has_value());
}

} // namespace hexmap
