#include "flushdialog.h"

#include "document.h"
#include "inputparsing.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace hexmap {

namespace {
constexpr int kListedRanges = 8;
} // namespace

FlushDialog::FlushDialog(
    Document *document, qint64 selectionStart, qint64 selectionLength, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
    , m_selection {selectionStart, selectionStart + selectionLength}
    , m_scopes(new QButtonGroup(this))
    , m_selectionChoice(new QRadioButton(this))
    , m_summary(new QLabel(this))
    , m_message(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_flush(new QPushButton(tr("&Flush"), this))
{
    setWindowTitle(tr("Flush to Disk"));
    m_summary->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("message"));
    auto *everything = new QRadioButton(tr("&Everything (the whole map)"), this);
    auto *modified = new QRadioButton(tr("Only the &modified ranges"), this);
    m_scopes->addButton(everything, int(Scope::Everything));
    m_scopes->addButton(modified, int(Scope::ModifiedRanges));
    m_scopes->addButton(m_selectionChoice, int(Scope::Selection));
    modified->setChecked(true);
    m_progress->setRange(0, JobControl::kPermille);
    m_progress->setVisible(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_flush, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(everything);
    layout->addWidget(modified);
    layout->addWidget(m_selectionChoice);
    layout->addWidget(m_message);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_flush, &QPushButton::clicked, this, &FlushDialog::flush);
    connect(&m_job, &JobRunner::progress, m_progress, &QProgressBar::setValue);
    connect(&m_job, &JobRunner::finished, this, &FlushDialog::finish);
    describe();
}

std::vector<RangeSet::Range> FlushDialog::ranges(Scope scope) const
{
    const qint64 page = Document::pageSize();
    const qint64 size = m_document->size();
    const auto widen = [&](RangeSet::Range range) {
        return RangeSet::Range {
            range.start / page * page, std::min(size, (range.end + page - 1) / page * page)};
    };
    switch (scope) {
    case Scope::Everything:
        return size > 0 ? std::vector<RangeSet::Range> {{0, size}}
                        : std::vector<RangeSet::Range> {};
    case Scope::Selection:
        return m_selection.end > m_selection.start
            ? std::vector<RangeSet::Range> {widen(m_selection)}
            : std::vector<RangeSet::Range> {};
    case Scope::ModifiedRanges: {
        RangeSet pages; // widened ranges that touch merge
        for (const RangeSet::Range &range : m_document->modifiedRanges().ranges()) {
            const RangeSet::Range wide = widen(range);
            pages.add(wide.start, wide.end);
        }
        return pages.ranges();
    }
    }
    return {};
}

void FlushDialog::describe()
{
    const RangeSet &modified = m_document->modifiedRanges();
    const qint64 page = Document::pageSize();
    qint64 pages = 0;
    for (const RangeSet::Range &range : ranges(Scope::ModifiedRanges))
        pages += (range.end - range.start + page - 1) / page;
    const std::vector<RangeSet::Range> list = modified.ranges();
    QStringList shown;
    for (std::size_t i = 0; i < list.size() && i < kListedRanges; ++i)
        shown << tr("%1–%2").arg(
            input::formatOffset(list[i].start), input::formatOffset(list[i].end - 1));
    if (list.size() > kListedRanges)
        shown << tr("and %1 more").arg(list.size() - kListedRanges);
    m_summary->setText(modified.empty()
            ? tr("Nothing was modified since the last flush.")
            : tr("Modified since the last flush: %1, %2 bytes in %3 pages.\n%4")
                  .arg(input::formatCount(qint64(list.size()), tr("range"), tr("ranges")))
                  .arg(QLocale().toString(modified.bytes()))
                  .arg(pages)
                  .arg(shown.join(QStringLiteral(", "))));
    const auto selection = ranges(Scope::Selection);
    m_selectionChoice->setEnabled(!selection.empty());
    m_selectionChoice->setText(selection.empty()
            ? tr("The &selection (nothing is selected)")
            : tr("The &selection, widened to whole pages: %1–%2")
                  .arg(input::formatOffset(selection.front().start),
                      input::formatOffset(selection.front().end - 1)));
    const QString why = m_document->whyNot(Document::Operation::Flush);
    m_flush->setEnabled(why.isEmpty());
    if (!why.isEmpty())
        m_message->setText(why);
}

void FlushDialog::setScope(Scope scope)
{
    m_scopes->button(int(scope))->setChecked(true);
}

void FlushDialog::flush()
{
    if (!m_document->whyNot(Document::Operation::Flush).isEmpty() || isFlushing())
        return;
    const std::vector<RangeSet::Range> planned = ranges(Scope(m_scopes->checkedId()));
    m_flush->setEnabled(false);
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_message->setText(tr("Flushing…"));
    // A range counts as flushed once its msync returned; one that throws stops the job.
    m_job.start([map = m_document->sharedMap(), planned](
                    JobControl &job, std::vector<RangeSet::Range> &done) {
        for (std::size_t i = 0; i < planned.size() && !job.isCanceled(); ++i) {
            map->flush(planned[i].start, planned[i].end - planned[i].start);
            done.push_back(planned[i]);
            job.setProgress(qint64(i + 1), qint64(planned.size()));
        }
    });
}

void FlushDialog::finish()
{
    const std::vector<RangeSet::Range> done = m_job.result();
    const QString error = m_job.error();
    for (const RangeSet::Range &range : done)
        m_document->markFlushed(range.start, range.end);
    m_progress->setVisible(false);
    describe();
    qint64 bytes = 0;
    for (const RangeSet::Range &range : done)
        bytes += range.end - range.start;
    m_message->setText(error.isEmpty()
            ? tr("Flushed %1 bytes to disk.").arg(QLocale().toString(bytes))
            : tr("Flush failed; what it did not reach stays marked as modified: %1").arg(error));
    emit flushed(error.isEmpty());
}

QString FlushDialog::message() const
{
    return m_message->text();
}

} // namespace hexmap
