#include "insertbytesdialog.h"

#include "inputparsing.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

namespace hexmap {

InsertBytesDialog::InsertBytesDialog(QWidget *parent)
    : QDialog(parent)
    , m_repeat(new QRadioButton(tr("&Repeat a pattern"), this))
    , m_clipboard(new QRadioButton(tr("Insert the c&lipboard's bytes"), this))
    , m_count(new QLineEdit(QStringLiteral("16"), this))
    , m_pattern(new QLineEdit(QStringLiteral("00"), this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Insert Bytes"));
    m_repeat->setChecked(true);
    m_note->setWordWrap(true);
    auto *layout = new QFormLayout(this);
    layout->addRow(m_repeat);
    auto *count = new QLabel(tr("&Count:"), this);
    count->setBuddy(m_count);
    layout->addRow(count, m_count);
    auto *pattern = new QLabel(tr("&Hex bytes:"), this);
    pattern->setBuddy(m_pattern);
    layout->addRow(pattern, m_pattern);
    layout->addRow(m_clipboard);
    layout->addRow(m_note);
    layout->addRow(m_buttons);
    for (QLineEdit *field : {m_count, m_pattern})
        connect(field, &QLineEdit::textChanged, this, &InsertBytesDialog::validate);
    connect(m_repeat, &QRadioButton::toggled, this, &InsertBytesDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    m_count->setFocus(); // typing starts with the count
    m_count->selectAll();
}

std::optional<QByteArray> InsertBytesDialog::bytes() const
{
    if (m_clipboard->isChecked())
        return std::nullopt;
    QByteArray bytes(m_size, Qt::Uninitialized);
    for (qint64 i = 0; i < m_size; ++i)
        bytes[i] = m_unit[i % m_unit.size()];
    return bytes;
}

void InsertBytesDialog::validate()
{
    const bool repeat = m_repeat->isChecked();
    m_count->setEnabled(repeat);
    m_pattern->setEnabled(repeat);
    QString error;
    bool ok = !repeat;
    if (!repeat) {
        m_note->setText(tr("The clipboard's bytes go in before the cursor, as a paste would "
                           "write them."));
    } else if (const auto size = input::parseSize(m_count->text(), &error); !size) {
        m_note->setText(tr("Count: %1").arg(error));
    } else if (*size <= 0 || *size > kMaxBytes) {
        m_note->setText(tr("Count: from 1 byte to %1 MiB (Map ▸ Resize grows the end by any "
                           "size).")
                            .arg(kMaxBytes >> 20));
    } else if (const auto unit = input::parseHexBytes(m_pattern->text(), &error); !unit) {
        m_note->setText(tr("Hex bytes: %1").arg(error));
    } else if (unit->isEmpty()) {
        m_note->setText(tr("Hex bytes: give at least one byte, e.g. 00."));
    } else {
        m_size = *size;
        m_unit = *unit;
        ok = true;
        m_note->setText(tr("%1 go in before the cursor; the bytes after it move up.")
                            .arg(input::formatCount(*size, tr("byte"), tr("bytes"))));
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace hexmap
