#include "statisticsdialog.h"

#include "document.h"
#include "histogramchart.h"
#include "rangechoice.h"
#include "statisticsjob.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace hexmap {

StatisticsDialog::StatisticsDialog(
    Document *document, qint64 selectionStart, qint64 selectionLength, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_range(new RangeChoice(document, selectionStart, selectionLength, this))
    , m_chart(new HistogramChart(this))
    , m_logarithmic(new QCheckBox(tr("&Logarithmic scale"), this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_job(this)
{
    setWindowTitle(tr("Statistics"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress->setRange(0, JobControl::kPermille);
    m_progress->setValue(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_compute = buttons->addButton(tr("C&ompute"), QDialogButtonBox::ActionRole);
    m_cancel = buttons->addButton(tr("C&ancel"), QDialogButtonBox::ActionRole);
    m_cancel->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_compute, &QPushButton::clicked, this, &StatisticsDialog::compute);
    connect(m_cancel, &QPushButton::clicked, this, &StatisticsDialog::cancel);
    connect(m_range, &RangeChoice::rangeChanged, this, &StatisticsDialog::compute);
    connect(m_logarithmic, &QCheckBox::toggled, m_chart, &HistogramChart::setLogarithmic);
    connect(&m_job, &JobRunner::progress, m_progress, &QProgressBar::setValue);
    connect(&m_job, &JobRunner::finished, this, &StatisticsDialog::finish);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_range);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_logarithmic);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    resize(640, 460);
}

void StatisticsDialog::compute()
{
    m_complete = false;
    const qint64 start = m_range->start();
    const qint64 end = start + m_range->length();
    if (const QString why = m_range->whyUnreadable(); !why.isEmpty()) {
        m_summary->setText(why);
        emit computed(false);
        return;
    }
    m_summary->setText(tr("Counting…"));
    m_compute->setEnabled(false);
    m_cancel->setEnabled(true);
    m_progress->setValue(0);
    std::shared_ptr<const MemoryMap> map = m_document->sharedMap();
    m_job.start([map, start, end](JobControl &job, ByteHistogram &result) {
        countBytes(map.get(), start, end, job, result);
    });
}

ByteHistogram StatisticsDialog::histogram() const
{
    return m_complete ? m_job.result() : ByteHistogram();
}

QString StatisticsDialog::summary() const
{
    return m_summary->text();
}

void StatisticsDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    if (!m_started) {
        m_started = true;
        compute();
    }
}

void StatisticsDialog::finish()
{
    m_compute->setEnabled(true);
    m_cancel->setEnabled(false);
    m_complete = !m_job.isCanceled() && m_job.error().isEmpty();
    if (m_job.isCanceled()) {
        m_summary->setText(tr("Canceled."));
    } else if (!m_job.error().isEmpty()) {
        m_summary->setText(tr("Cannot read the bytes: %1").arg(m_job.error()));
    } else {
        const ByteHistogram counts = m_job.result();
        const QLocale locale;
        int distinct = 0;
        int most = 0;
        for (int value = 0; value < 256; ++value) {
            distinct += counts.count(std::uint8_t(value)) > 0;
            if (counts.count(std::uint8_t(value)) > counts.count(std::uint8_t(most)))
                most = value;
        }
        m_summary->setText(
            tr("%1 bytes · entropy %2 bits per byte · %3 distinct values · most common 0x%4 "
               "(%5 times) · zeros %6")
                .arg(locale.toString(qint64(counts.total())))
                .arg(counts.entropy(), 0, 'f', 4)
                .arg(distinct)
                .arg(most, 2, 16, QLatin1Char('0'))
                .arg(locale.toString(qint64(counts.count(std::uint8_t(most)))))
                .arg(locale.toString(qint64(counts.count(0)))));
    }
    m_chart->setHistogram(histogram());
    emit computed(m_complete);
}

} // namespace hexmap
