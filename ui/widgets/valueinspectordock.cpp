#include "valueinspectordock.h"

#include "documenttab.h"
#include "hexview.h"
#include "valueinspector.h"

#include <QAction>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRadioButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace hexmap {

ValueInspectorDock::ValueInspectorDock(QWidget *parent)
    : QDockWidget(tr("Value Inspector"), parent)
    , m_inspector(new ValueInspector(this))
    , m_bigEndian(new QRadioButton(tr("&Big endian")))
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("valueInspector"));
    auto *little = new QRadioButton(tr("&Little endian"));
    little->setChecked(true);
    auto *order = new QHBoxLayout;
    order->addWidget(little);
    order->addWidget(m_bigEndian);
    order->addStretch();
    connect(m_bigEndian, &QRadioButton::toggled, m_inspector, &ValueInspector::setBigEndian);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    for (const values::Type type : values::allTypes()) {
        auto *field = new QLineEdit;
        field->setObjectName(values::name(type));
        // Wide enough for the longest value, a GUID, and the reasons shown instead.
        field->setMinimumWidth(field->fontMetrics().horizontalAdvance(
            QStringLiteral("{00112233-4455-6677-8899-AABBCCDDEEFF}_")));
        connect(field, &QLineEdit::returnPressed, this, [this, type] { commit(type); });
        // Escape puts back what the bytes hold.
        auto *revert = new QAction(field);
        revert->setShortcut(Qt::Key_Escape);
        revert->setShortcutContext(Qt::WidgetShortcut);
        connect(revert, &QAction::triggered, this, [this, field] {
            field->setModified(false);
            refresh();
        });
        field->addAction(revert);
        form->addRow(values::name(type), field);
        m_fields.insert(type, field);
    }
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(order);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addStretch();
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    setWidget(scroll);

    connect(m_inspector, &ValueInspector::changed, this, &ValueInspectorDock::refresh);
    refresh();
}

void ValueInspectorDock::track(DocumentTab *tab)
{
    m_message->clear();
    m_inspector->setEditor(tab ? tab->view()->editor() : nullptr);
}

QString ValueInspectorDock::message() const
{
    return m_message->text();
}

void ValueInspectorDock::refresh()
{
    const QString whyNot = m_inspector->whyNotWrite();
    const bool writable = m_inspector->editor() && whyNot.isEmpty();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        QLineEdit *field = it.value();
        // Keep what the user is typing.
        if (field->hasFocus() && field->isModified())
            continue;
        const values::Decoded value = m_inspector->value(it.key());
        field->setText(value.text);
        field->setCursorPosition(0); // a long value shows its start
        field->setPlaceholderText(value.whyNot);
        field->setToolTip(value.whyNot);
        field->setReadOnly(!writable);
        field->setModified(false);
    }
    m_message->setText(m_inspector->editor() && !writable ? whyNot : QString());
}

void ValueInspectorDock::commit(values::Type type)
{
    QLineEdit *field = m_fields.value(type);
    if (!field->isModified() && m_inspector->value(type).text == field->text())
        return;
    m_message->clear();
    if (!m_inspector->write(type, field->text())) {
        m_message->setText(
            tr("%1 not written: %2").arg(values::name(type), m_inspector->lastError()));
        return;
    }
    field->setModified(false);
    refresh();
}

} // namespace hexmap
