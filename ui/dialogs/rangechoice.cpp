#include "rangechoice.h"

#include "document.h"

#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hexmap {

RangeChoice::RangeChoice(
    const Document *document, qint64 selectionStart, qint64 selectionLength, QWidget *parent)
    : QGroupBox(tr("Bytes"), parent)
    , m_document(document)
    , m_selectionStart(selectionStart)
    , m_selectionLength(selectionLength)
    , m_selection(new QRadioButton(this))
    , m_whole(new QRadioButton(this))
{
    const QLocale locale;
    m_selection->setText(selectionLength > 0 ? tr("&Selection: %1 bytes from 0x%2")
                                                   .arg(locale.toString(selectionLength))
                                                   .arg(selectionStart, 0, 16)
                                             : tr("&Selection (nothing is selected)"));
    m_selection->setEnabled(selectionLength > 0);
    m_whole->setText(tr("&Whole map: %1 bytes").arg(locale.toString(document->size())));
    (selectionLength > 0 ? m_selection : m_whole)->setChecked(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_selection);
    layout->addWidget(m_whole);
    connect(m_selection, &QRadioButton::toggled, this, &RangeChoice::rangeChanged);
}

bool RangeChoice::isSelection() const
{
    return m_selection->isChecked();
}

void RangeChoice::setSelection(bool selection)
{
    if (selection && !m_selection->isEnabled())
        return;
    (selection ? m_selection : m_whole)->setChecked(true);
}

qint64 RangeChoice::start() const
{
    return isSelection() ? m_selectionStart : 0;
}

qint64 RangeChoice::length() const
{
    return isSelection() ? m_selectionLength : m_document->size();
}

QString RangeChoice::whyUnreadable() const
{
    if (start() + length() <= m_document->backedBytes())
        return {};
    return tr("Cannot read the bytes: the file now ends at offset %1 of the map (another "
              "program truncated it).")
        .arg(m_document->backedBytes());
}

} // namespace hexmap
