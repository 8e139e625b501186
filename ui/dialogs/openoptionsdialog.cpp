#include "openoptionsdialog.h"

#include "inputparsing.h"
#include "memorymap.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hexmap {

OpenOptionsDialog::OpenOptionsDialog(QWidget *parent)
    : QDialog(parent)
    , m_path(new QLineEdit(this))
    , m_modes(new QButtonGroup(this))
    , m_offset(new QLineEdit(QStringLiteral("0"), this))
    , m_offsetNote(new QLabel(this))
    , m_length(new QLineEdit(QStringLiteral("0"), this))
    , m_trackfd(new QCheckBox(
          tr("Keep a descriptor (trackfd): needed for resize and for following the file"), this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Open | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open with Options"));
    auto *form = new QFormLayout;

    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    auto *browse = new QPushButton(tr("Browse…"), this);
    pathRow->addWidget(browse);
    auto *pathLabel = new QLabel(tr("&File:"), this);
    pathLabel->setBuddy(m_path);
    form->addRow(pathLabel, pathRow);

    auto *modes = new QVBoxLayout;
    const std::pair<Document::Mode, QString> choices[] = {
        {Document::Mode::InPlace,
            tr("Edit in place — edits reach the file at once; Flush makes them durable")},
        {Document::Mode::CopyOnWrite, tr("Copy-on-write — the file is untouched until Save")},
        {Document::Mode::ReadOnly, tr("Read-only")},
    };
    for (const auto &[mode, text] : choices) {
        auto *button = new QRadioButton(text, this);
        m_modes->addButton(button, int(mode));
        modes->addWidget(button);
    }
    m_modes->button(int(Document::Mode::InPlace))->setChecked(true);
    form->addRow(tr("Mode:"), modes);

    auto *offsetRow = new QHBoxLayout;
    offsetRow->addWidget(m_offset, 1);
    auto *align = new QPushButton(tr("Align"), this);
    offsetRow->addWidget(align);
    auto *offsetLabel = new QLabel(tr("&Offset:"), this);
    offsetLabel->setBuddy(m_offset);
    form->addRow(offsetLabel, offsetRow);
    form->addRow(QString(), m_offsetNote);
    m_length->setPlaceholderText(tr("0: to the end of the file"));
    form->addRow(tr("&Length:"), m_length);
    m_trackfd->setChecked(true);
    form->addRow(QString(), m_trackfd);

    m_error->setStyleSheet(QStringLiteral("color: #c62828"));
    m_error->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getOpenFileName(this, tr("Open File"), m_path->text());
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    connect(align, &QPushButton::clicked, this, &OpenOptionsDialog::alignOffset);
    for (QLineEdit *edit : {m_path, m_offset, m_length})
        connect(edit, &QLineEdit::textChanged, this, &OpenOptionsDialog::validate);
    connect(m_modes, &QButtonGroup::idClicked, this, &OpenOptionsDialog::validate);
    connect(m_trackfd, &QCheckBox::toggled, this, &OpenOptionsDialog::validate);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
}

void OpenOptionsDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

QString OpenOptionsDialog::path() const
{
    return m_path->text().trimmed();
}

Document::OpenOptions OpenOptionsDialog::options() const
{
    return m_options;
}

void OpenOptionsDialog::alignOffset()
{
    if (const auto offset = input::parseSize(m_offset->text()))
        m_offset->setText(
            QString::number(*offset / allocationGranularity() * allocationGranularity()));
}

void OpenOptionsDialog::validate()
{
    QString error;
    m_offsetNote->clear();
    const auto offset = input::parseSize(m_offset->text(), &error);
    if (!offset) {
        error = tr("Offset: %1.").arg(error);
    } else if (*offset % allocationGranularity() != 0) {
        const qint64 aligned = *offset / allocationGranularity() * allocationGranularity();
        error = tr("Offset: must be a multiple of %1 bytes.").arg(allocationGranularity());
        m_offsetNote->setText(tr("Aligned down: %1 (%2). Align uses it.")
                                  .arg(aligned)
                                  .arg(input::formatOffset(aligned)));
    } else {
        m_offsetNote->setText(tr("= %1 bytes (%2)").arg(*offset).arg(input::formatOffset(*offset)));
    }
    QString lengthError;
    const auto length = input::parseSize(m_length->text(), &lengthError);
    if (error.isEmpty() && !length)
        error = tr("Length: %1.").arg(lengthError);
    if (error.isEmpty() && path().isEmpty())
        error = tr("Choose a file.");
    m_error->setText(error);
    m_buttons->button(QDialogButtonBox::Open)->setEnabled(error.isEmpty());
    if (error.isEmpty()) {
        m_options.mode = Document::Mode(m_modes->checkedId());
        m_options.offset = *offset;
        m_options.length = *length;
        m_options.trackfd = m_trackfd->isChecked();
    }
}

} // namespace hexmap
