#include "hashdialog.h"

#include "document.h"
#include "rangechoice.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hexmap {

namespace {

constexpr int kNameColumn = 0;
constexpr int kDigestColumn = 1;

} // namespace

HashDialog::HashDialog(
    Document *document, qint64 selectionStart, qint64 selectionLength, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_range(new RangeChoice(document, selectionStart, selectionLength, this))
    , m_list(new QTreeWidget(this))
    , m_message(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_job(this)
{
    setWindowTitle(tr("Hashes and Checksums"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Algorithm"), tr("Value")});
    m_list->setRootIsDecorated(false);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_list->header()->setSectionResizeMode(kNameColumn, QHeaderView::ResizeToContents);
    for (const DigestAlgorithm algorithm : Digest::all()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(kNameColumn, QString::fromLatin1(Digest::name(algorithm)));
        item->setCheckState(kNameColumn, Qt::Checked);
        item->setData(kNameColumn, Qt::UserRole, int(algorithm));
    }
    m_message->setWordWrap(true);
    m_progress->setRange(0, JobControl::kPermille);
    m_progress->setValue(0);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_compute = buttons->addButton(tr("C&ompute"), QDialogButtonBox::ActionRole);
    m_cancel = buttons->addButton(tr("C&ancel"), QDialogButtonBox::ActionRole);
    m_copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    m_cancel->setEnabled(false);
    m_copy->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_compute, &QPushButton::clicked, this, &HashDialog::compute);
    connect(m_cancel, &QPushButton::clicked, this, &HashDialog::cancel);
    connect(m_copy, &QPushButton::clicked, this,
        [this] { QApplication::clipboard()->setText(resultText()); });
    connect(m_range, &RangeChoice::rangeChanged, this, &HashDialog::clearDigests);
    connect(&m_job, &JobRunner::progress, m_progress, &QProgressBar::setValue);
    connect(&m_job, &JobRunner::finished, this, &HashDialog::finish);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_range);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(760, 420);
}

QList<DigestAlgorithm> HashDialog::algorithms() const
{
    QList<DigestAlgorithm> checked;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->checkState(kNameColumn) == Qt::Checked)
            checked.append(DigestAlgorithm(item->data(kNameColumn, Qt::UserRole).toInt()));
    }
    return checked;
}

void HashDialog::setAlgorithms(const QList<DigestAlgorithm> &algorithms)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        const auto algorithm = DigestAlgorithm(item->data(kNameColumn, Qt::UserRole).toInt());
        item->setCheckState(
            kNameColumn, algorithms.contains(algorithm) ? Qt::Checked : Qt::Unchecked);
    }
}

void HashDialog::compute()
{
    clearDigests();
    const qint64 start = m_range->start();
    const qint64 end = start + m_range->length();
    if (const QString why = m_range->whyUnreadable(); !why.isEmpty()) {
        m_message->setText(why);
        emit computed(false);
        return;
    }
    m_message->setText(tr("Computing…"));
    m_compute->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    std::shared_ptr<const MemoryMap> map = m_document->sharedMap();
    const QList<DigestAlgorithm> chosen = algorithms();
    m_job.start([map, start, end, chosen](JobControl &job, HashResult &result) {
        hashMap(map.get(), start, end, chosen, job, result);
    });
}

QString HashDialog::digest(DigestAlgorithm algorithm) const
{
    const HashResult result = m_job.result();
    const qsizetype index = result.algorithms.indexOf(algorithm);
    return index < 0 ? QString() : QString::fromLatin1(result.digests.at(index).toHex());
}

QString HashDialog::message() const
{
    return m_message->text();
}

QString HashDialog::resultText() const
{
    QStringList lines;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (!item->text(kDigestColumn).isEmpty())
            lines.append(
                item->text(kNameColumn) + QStringLiteral("  ") + item->text(kDigestColumn));
    }
    return lines.join(QLatin1Char('\n'));
}

void HashDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_started) {
        m_started = true;
        compute();
    }
}

void HashDialog::finish()
{
    m_compute->setEnabled(true);
    m_cancel->setEnabled(false);
    const bool ok = !m_job.isCanceled() && m_job.error().isEmpty();
    if (m_job.isCanceled())
        m_message->setText(tr("Canceled."));
    else if (!m_job.error().isEmpty())
        m_message->setText(tr("Cannot read the bytes: %1").arg(m_job.error()));
    else
        m_message->setText(tr("%1 bytes hashed.").arg(QLocale().toString(m_range->length())));
    if (ok) {
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem *item = m_list->topLevelItem(i);
            item->setText(kDigestColumn,
                digest(DigestAlgorithm(item->data(kNameColumn, Qt::UserRole).toInt())));
        }
    }
    m_copy->setEnabled(ok && !resultText().isEmpty());
    emit computed(ok);
}

void HashDialog::clearDigests()
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        m_list->topLevelItem(i)->setText(kDigestColumn, QString());
    m_copy->setEnabled(false);
}

} // namespace hexmap
