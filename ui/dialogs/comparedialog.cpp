#include "comparedialog.h"

#include "inputparsing.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace hexmap {

CompareDialog::CompareDialog(const QStringList &titles, QWidget *parent)
    : QDialog(parent)
    , m_a(new QComboBox(this))
    , m_b(new QComboBox(this))
    , m_offsetA(new QLineEdit(QStringLiteral("0"), this))
    , m_offsetB(new QLineEdit(QStringLiteral("0"), this))
    , m_note(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Compare"));
    m_a->addItems(titles);
    m_b->addItems(titles);
    m_b->setCurrentIndex(titles.size() > 1 ? 1 : 0);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&A:"), m_a);
    form->addRow(tr("&B:"), m_b);
    form->addRow(tr("A from &offset:"), m_offsetA);
    form->addRow(tr("B from o&ffset:"), m_offsetB);
    form->addRow(m_note);
    form->addRow(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Compare"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_offsetA, m_offsetB})
        connect(edit, &QLineEdit::textChanged, this, &CompareDialog::validate);
    for (QComboBox *box : {m_a, m_b})
        connect(box, &QComboBox::currentIndexChanged, this, &CompareDialog::validate);
    validate();
}

int CompareDialog::first() const
{
    return m_a->currentIndex();
}

int CompareDialog::second() const
{
    return m_b->currentIndex();
}

void CompareDialog::validate()
{
    QString error;
    const auto a = input::parseSize(m_offsetA->text(), &error);
    const auto b = a ? input::parseSize(m_offsetB->text(), &error) : std::nullopt;
    if (a && b && first() == second())
        error = tr("Choose two different files.");
    const bool ok = a && b && error.isEmpty();
    m_startA = a.value_or(0);
    m_startB = b.value_or(0);
    m_note->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

} // namespace hexmap
