#include "advicedialog.h"

#include "constants.h"
#include "document.h"
#include "inputparsing.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hexmap {

AdviceDialog::AdviceDialog(
    Document *document, qint64 selectionStart, qint64 selectionLength, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_selectionStart(selectionStart)
    , m_selectionLength(selectionLength)
    , m_options(new QListWidget(this))
    , m_scopes(new QButtonGroup(this))
    , m_start(new QLineEdit(QStringLiteral("0"), this))
    , m_length(new QLineEdit(QString::number(document->size()), this))
    , m_rangeNote(new QLabel(this))
    , m_message(new QLabel(this))
    , m_apply(new QPushButton(tr("&Apply"), this))
{
    setWindowTitle(tr("Memory Advice"));
    for (const SystemConstant &advice : madviseConstants()) {
        auto *item = new QListWidgetItem(QStringLiteral("%1%2 — %3")
                                             .arg(QString::fromLatin1(advice.name),
                                                 advice.linuxExtra ? tr(" (Linux)") : QString(),
                                                 QString::fromUtf8(advice.meaning)),
            m_options);
        item->setData(Qt::UserRole, advice.value);
        item->setData(Qt::UserRole + 1, QString::fromLatin1(advice.name));
        const Document::AdviceImpact impact = document->adviceImpact(advice.value, 0, 0);
        if (impact.effect == AdviceEffect::Refused) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setToolTip(document->adviceWarning(QString::fromLatin1(advice.name), impact));
        }
    }
    selectAdvice(QStringLiteral("MADV_WILLNEED"));

    auto *whole = new QRadioButton(tr("The &whole map"), this);
    auto *selection = new QRadioButton(tr("The &selection"), this);
    auto *custom = new QRadioButton(tr("&From"), this);
    m_scopes->addButton(whole, int(Scope::WholeMap));
    m_scopes->addButton(selection, int(Scope::Selection));
    m_scopes->addButton(custom, int(Scope::Custom));
    selection->setEnabled(selectionLength > 0);
    whole->setChecked(true);
    auto *alignButton = new QPushButton(tr("Align"), this);
    auto *scopes = new QGridLayout;
    scopes->addWidget(whole, 0, 0, 1, 5);
    scopes->addWidget(selection, 1, 0, 1, 5);
    scopes->addWidget(custom, 2, 0);
    scopes->addWidget(m_start, 2, 1);
    scopes->addWidget(new QLabel(tr("length"), this), 2, 2);
    scopes->addWidget(m_length, 2, 3);
    scopes->addWidget(alignButton, 2, 4);

    auto *note = new QLabel(
        tr("On a file-backed map the residency map shows the page cache: DONTNEED unmaps the "
           "pages from hexmap but leaves them cached, so nothing leaves the map. WILLNEED "
           "starts reading pages in (in the background, up to the read-ahead size per call); on an "
           "anonymous map "
           "DONTNEED frees them."),
        this);
    note->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("message"));
    m_rangeNote->setObjectName(QStringLiteral("range"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_apply, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_options, 1);
    layout->addLayout(scopes);
    layout->addWidget(m_rangeNote);
    layout->addWidget(note);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(640, 520);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_apply, &QPushButton::clicked, this, &AdviceDialog::apply);
    connect(alignButton, &QPushButton::clicked, this, &AdviceDialog::align);
    connect(m_scopes, &QButtonGroup::idClicked, this, &AdviceDialog::validate);
    connect(m_start, &QLineEdit::textChanged, this, &AdviceDialog::validate);
    connect(m_length, &QLineEdit::textChanged, this, &AdviceDialog::validate);
    validate();
}

bool AdviceDialog::selectAdvice(const QString &name)
{
    for (int row = 0; row < m_options->count(); ++row) {
        if (m_options->item(row)->data(Qt::UserRole + 1).toString() == name) {
            m_options->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void AdviceDialog::setScope(Scope scope)
{
    m_scopes->button(int(scope))->setChecked(true);
    validate();
}

void AdviceDialog::setCustomRange(const QString &start, const QString &length)
{
    m_start->setText(start);
    m_length->setText(length);
    setScope(Scope::Custom);
}

std::optional<AdviceDialog::Range> AdviceDialog::range(QString *error) const
{
    switch (Scope(m_scopes->checkedId())) {
    case Scope::WholeMap:
        return Range {0, m_document->size()};
    case Scope::Selection:
        return Range {m_selectionStart, m_selectionLength};
    case Scope::Custom:
        break;
    }
    const auto start = input::parseSize(m_start->text(), error);
    if (!start)
        return std::nullopt;
    const auto length = input::parseSize(m_length->text(), error);
    if (!length)
        return std::nullopt;
    return Range {*start, *length};
}

void AdviceDialog::validate()
{
    QString error;
    const auto chosen = range(&error);
    const qint64 page = Document::pageSize();
    QString note;
    bool ok = chosen.has_value();
    if (!chosen) {
        note = error;
    } else if (chosen->start % page != 0) {
        const qint64 aligned = chosen->start / page * page;
        note = tr("madvise needs a start on a page boundary (%1 bytes). Aligned, the range is "
                  "%2–%3: Align "
                  "uses it.")
                   .arg(page)
                   .arg(input::formatOffset(aligned),
                       input::formatOffset(chosen->start + chosen->length - 1));
        ok = false;
    } else {
        note = tr("Range: %1, %2 bytes.")
                   .arg(input::formatOffset(chosen->start))
                   .arg(chosen->length);
    }
    m_rangeNote->setText(note);
    m_apply->setEnabled(ok && m_document->size() > 0);
}

void AdviceDialog::align()
{
    QString error;
    const auto chosen = range(&error);
    if (!chosen)
        return;
    const qint64 page = Document::pageSize();
    const qint64 aligned = chosen->start / page * page;
    m_start->setText(QString::number(aligned));
    m_length->setText(QString::number(chosen->length + chosen->start - aligned));
    setScope(Scope::Custom);
}

bool AdviceDialog::apply()
{
    QString error;
    const auto chosen = range(&error);
    const QListWidgetItem *item = m_options->currentItem();
    if (!chosen || !item)
        return false;
    const int option = item->data(Qt::UserRole).toInt();
    const QString name = item->data(Qt::UserRole + 1).toString();
    const Document::AdviceImpact impact
        = m_document->adviceImpact(option, chosen->start, chosen->length);
    if (!confirm(name, impact)) {
        if (m_message->text().isEmpty())
            m_message->setText(tr("%1 was not applied: nothing changed.").arg(name));
        return false;
    }
    const bool applied = m_document->advise(option, chosen->start, chosen->length);
    if (!applied)
        m_message->setText(m_document->lastError());
    else if (impact.widened)
        m_message->setText(tr("%1 applied to the whole map (%2 bytes): over part of it, the "
                              "kernel would split the mapping and Resize could no longer grow it.")
                               .arg(name)
                               .arg(impact.end));
    else
        m_message->setText(tr("%1 applied to %2 bytes.").arg(name).arg(chosen->length));
    return applied;
}

bool AdviceDialog::confirm(const QString &name, const Document::AdviceImpact &impact)
{
    m_message->clear();
    const QString warning = m_document->adviceWarning(name, impact);
    if (warning.isEmpty())
        return true;
    if (impact.effect == AdviceEffect::Refused) {
        m_message->setText(warning);
        return false;
    }
    QMessageBox box(QMessageBox::Warning, tr("Memory Advice"), warning, QMessageBox::Cancel, this);
    QPushButton *saveFirst = nullptr;
    if (impact.effect == AdviceEffect::DropsPrivateChanges && !m_document->isScratch())
        saveFirst = box.addButton(tr("&Save First"), QMessageBox::AcceptRole);
    QPushButton *go
        = box.addButton(impact.effect == AdviceEffect::DestroysFileData ? tr("&Destroy the Bytes")
                                                                        : tr("&Drop the Edits"),
            QMessageBox::DestructiveRole);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() == saveFirst) {
        if (!m_document->save()) {
            m_message->setText(
                tr("%1 was not applied: saving failed: %2").arg(name, m_document->lastError()));
            return false;
        }
        return true;
    }
    return box.clickedButton() == go;
}

QString AdviceDialog::message() const
{
    return m_message->text();
}

} // namespace hexmap
