#include "compareview.h"

#include "hexview.h"
#include "inputparsing.h"

#include <QAbstractTableModel>
#include <QAction>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace hexmap {

namespace {

using Side = Comparison::Side;
constexpr Side kSides[] = {Side::A, Side::B};
// Bytes of each side a row of the list shows.
constexpr qint64 kPreviewBytes = 8;

// The difference list: a row per range (offsets in both files, length, the first bytes of
// each side, read when shown).
class DifferenceModel final : public QAbstractTableModel
{
public:
    DifferenceModel(const Comparison *comparison, QObject *parent)
        : QAbstractTableModel(parent)
        , m_comparison(comparison)
    {
    }

    void setRanges(QList<DifferenceRange> ranges)
    {
        beginResetModel();
        m_ranges = std::move(ranges);
        endResetModel();
    }
    [[nodiscard]] DifferenceRange range(int row) const { return m_ranges.value(row); }

    int rowCount(const QModelIndex &parent) const override
    {
        return parent.isValid() ? 0 : int(m_ranges.size());
    }
    int columnCount(const QModelIndex &parent) const override { return parent.isValid() ? 0 : 5; }

    QVariant data(const QModelIndex &index, int role) const override
    {
        if (role != Qt::DisplayRole || !m_comparison->isValid())
            return {};
        const DifferenceRange &range = m_ranges.at(index.row());
        const auto preview = [&](Side side) {
            const ByteBlock block = m_comparison->document(side)->read(
                m_comparison->start(side) + range.offset, std::min(range.length, kPreviewBytes));
            return input::formatHex(block.bytes)
                + (range.length > kPreviewBytes ? QStringLiteral(" …") : QString());
        };
        switch (index.column()) {
        case 0:
            return input::formatOffset(m_comparison->start(Side::A) + range.offset);
        case 1:
            return input::formatOffset(m_comparison->start(Side::B) + range.offset);
        case 2:
            return QString::number(range.length);
        case 3:
            return preview(Side::A);
        default:
            return preview(Side::B);
        }
    }

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
            return {};
        static const char *const names[] = {QT_TRANSLATE_NOOP("CompareView", "Offset in A"),
            QT_TRANSLATE_NOOP("CompareView", "Offset in B"),
            QT_TRANSLATE_NOOP("CompareView", "Length"), QT_TRANSLATE_NOOP("CompareView", "A"),
            QT_TRANSLATE_NOOP("CompareView", "B")};
        return QCoreApplication::translate("CompareView", names[section]);
    }

private:
    const Comparison *m_comparison;
    QList<DifferenceRange> m_ranges;
};

} // namespace

CompareView::CompareView(Document *a, Document *b, qint64 startA, qint64 startB, QWidget *parent)
    : QWidget(parent)
    , m_comparison(new Comparison(a, b, startA, startB, this))
    , m_list(new QTableView(this))
    , m_summary(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Compare %1 and %2").arg(a->title(), b->title()));
    auto *sides = new QSplitter(Qt::Horizontal);
    for (const Side side : kSides) {
        auto *column = new QWidget;
        auto *layout = new QVBoxLayout(column);
        layout->setContentsMargins(0, 0, 0, 0);
        Document *document = m_comparison->document(side);
        layout->addWidget(
            new QLabel(QStringLiteral("<b>%1</b>: %2")
                           .arg(side == Side::A ? QStringLiteral("A") : QStringLiteral("B"),
                               document->title().toHtmlEscaped())));
        auto *view = new HexView;
        view->setDocument(document);
        // Differing bytes red, bytes only in this side blue; under the selection.
        view->setMarkProvider([this, side](qint64 start, qint64 end) {
            const Comparison::Marks marks = m_comparison->marks(side, start, end);
            return QList<HexView::Marks> {{marks.differing.ranges(), QColor(0xe5, 0x39, 0x35, 110)},
                {marks.onlyHere.ranges(), QColor(0x1e, 0x88, 0xe5, 90)}};
        });
        m_views[int(side)] = view;
        layout->addWidget(view);
        sides->addWidget(column);
        connect(view, &HexView::cursorMoved, this, [this, side] { follow(side); });
        connect(view, &HexView::firstLineChanged, this, [this, side] { scrollWith(side); });
    }

    auto *listModel = new DifferenceModel(m_comparison, this);
    m_model = listModel;
    m_list->setModel(listModel);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    connect(
        m_list, &QAbstractItemView::activated, this, [this, listModel](const QModelIndex &index) {
            goTo(Side::A, m_comparison->start(Side::A) + listModel->range(index.row()).offset);
        });
    auto *listPane = new QWidget;
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summary, 1);
    summaryRow->addWidget(m_progress);
    summaryRow->addWidget(m_cancel);
    listLayout->addLayout(summaryRow);
    listLayout->addWidget(m_list);

    auto *split = new QSplitter(Qt::Vertical);
    split->addWidget(sides);
    split->addWidget(listPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    layout->addWidget(m_status);

    auto *next = new QAction(tr("Next Difference"), this);
    next->setShortcut(QKeySequence(Qt::Key_F7));
    auto *previous = new QAction(tr("Previous Difference"), this);
    previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    for (QAction *action : {next, previous}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
    }
    connect(next, &QAction::triggered, this, &CompareView::nextDifference);
    connect(previous, &QAction::triggered, this, &CompareView::previousDifference);

    connect(m_cancel, &QPushButton::clicked, m_comparison, &Comparison::cancelList);
    connect(m_comparison, &Comparison::listProgress, m_progress, &QProgressBar::setValue);
    connect(m_comparison, &Comparison::listFinished, this, &CompareView::showList);
    connect(m_comparison, &Comparison::changed, this, [this] {
        for (HexView *view : m_views)
            view->viewport()->update();
        m_summary->setText(tr("Comparing…"));
        m_cancel->setEnabled(true);
        updateStatus();
    });
    connect(m_comparison, &Comparison::failed, m_status, &QLabel::setText);
    connect(m_comparison, &Comparison::invalidated, this, &QWidget::close);
    m_progress->setRange(0, JobControl::kPermille);
    m_comparison->refreshList();
    m_summary->setText(tr("Comparing…"));
    updateStatus();
}

CompareView::~CompareView() = default;

HexView *CompareView::view(Side side) const
{
    return m_views[int(side)];
}

QString CompareView::statusText() const
{
    return m_status->text();
}

QString CompareView::summaryText() const
{
    return m_summary->text();
}

Side CompareView::activeSide() const
{
    return view(Side::B)->hasFocus() ? Side::B : view(Side::A)->hasFocus() ? Side::A : m_active;
}

void CompareView::nextDifference()
{
    step(true);
}

void CompareView::previousDifference()
{
    step(false);
}

void CompareView::step(bool forward)
{
    const Side side = activeSide();
    const qint64 at = view(side)->cursorOffset();
    const std::optional<qint64> found = forward ? m_comparison->nextDifference(side, at)
                                                : m_comparison->previousDifference(side, at);
    if (!found) // failed: the status shows why
        return;
    if (*found >= 0)
        goTo(side, *found);
    else if (m_comparison->isValid())
        m_status->setText(forward ? tr("No difference after the cursor.")
                                  : tr("No difference before the cursor."));
}

void CompareView::goTo(Side side, qint64 offset)
{
    m_active = side;
    view(side)->setCursorOffset(offset);
    follow(side);
}

// The other side's cursor goes to the byte facing this side's, and its lines with it.
void CompareView::follow(Side side)
{
    if (m_syncing)
        return;
    m_active = side;
    m_syncing = true;
    const qint64 facing
        = m_comparison->facing(side, view(side)->cursorOffset(), Comparison::other(side));
    view(Comparison::other(side))->setCursorOffset(std::max<qint64>(facing, 0));
    m_syncing = false;
    scrollWith(side);
    updateStatus();
}

void CompareView::scrollWith(Side side)
{
    if (m_syncing)
        return;
    m_syncing = true;
    const HexView *leader = view(side);
    HexView *follower = view(Comparison::other(side));
    const qint64 facing = m_comparison->facing(
        side, leader->layout().lineStart(leader->firstVisibleLine()), Comparison::other(side));
    follower->scrollToLine(follower->layout().lineOf(std::max<qint64>(facing, 0)));
    m_syncing = false;
}

void CompareView::showList()
{
    const CompareResult result = m_comparison->result();
    static_cast<DifferenceModel *>(m_model)->setRanges(result.ranges);
    const QString error = m_comparison->listError();
    m_summary->setText(!error.isEmpty() ? tr("The comparison stopped: %1").arg(error)
            : result.compared < result.commonLength
            ? tr("Canceled after %1.").arg(input::formatOffset(result.compared)) + QLatin1Char(' ')
                + result.summary()
            : result.summary());
    m_cancel->setEnabled(false);
    m_progress->setValue(JobControl::kPermille);
}

void CompareView::updateStatus()
{
    const Side side = m_active;
    m_status->setText(m_comparison->describe(side, view(side)->cursorOffset()));
}

} // namespace hexmap
