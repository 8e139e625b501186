#include "bookmarksdock.h"

#include "bookmarks.h"
#include "document.h"
#include "documenttab.h"
#include "hexview.h"

#include <QAction>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QPixmap>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace hexmap {

namespace {
QIcon swatch(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(color);
    return QIcon(pixmap);
}
} // namespace

BookmarksDock::BookmarksDock(QWidget *parent)
    : QDockWidget(tr("Bookmarks"), parent)
    , m_table(new QTableView)
    , m_goTo(new QToolButton)
    , m_rename(new QToolButton)
    , m_color(new QToolButton)
    , m_remove(new QToolButton)
    , m_message(new QLabel)
{
    setObjectName(QStringLiteral("bookmarks"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(
        QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    connect(m_table, &QTableView::activated, this,
        [this](const QModelIndex &index) { goTo(index.row()); });
    auto *remove = new QAction(tr("&Delete"), m_table);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    connect(remove, &QAction::triggered, this, &BookmarksDock::removeSelected);
    m_table->addAction(remove);

    m_goTo->setText(tr("&Go To"));
    connect(m_goTo, &QToolButton::clicked, this, [this] {
        if (const QList<int> rows = selectedRows(); !rows.isEmpty())
            goTo(rows.first());
    });
    m_rename->setText(tr("Re&name"));
    connect(m_rename, &QToolButton::clicked, this, [this] {
        if (const QList<int> rows = selectedRows(); !rows.isEmpty())
            m_table->edit(m_table->model()->index(rows.first(), Bookmarks::NameColumn));
    });
    m_color->setText(tr("&Colour"));
    m_color->setPopupMode(QToolButton::InstantPopup);
    auto *colors = new QMenu(m_color);
    for (const QColor &color : Bookmarks::palette()) {
        colors->addAction(
            swatch(color), color.name(), this, [this, color] { recolorSelected(color); });
    }
    m_color->setMenu(colors);
    m_remove->setDefaultAction(remove);

    auto *buttons = new QHBoxLayout;
    for (QToolButton *button : {m_goTo, m_rename, m_color, m_remove})
        buttons->addWidget(button);
    buttons->addStretch();
    m_message->setWordWrap(true);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(buttons);
    layout->addWidget(m_table);
    layout->addWidget(m_message);
    setWidget(content);
    updateButtons();
}

void BookmarksDock::track(DocumentTab *tab)
{
    m_tab = tab;
    m_message->clear();
    m_table->setModel(bookmarks());
    if (m_table->selectionModel()) {
        connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BookmarksDock::updateButtons, Qt::UniqueConnection);
    }
    if (bookmarks()) {
        connect(bookmarks(), &Bookmarks::rowsInserted, this, &BookmarksDock::fitColumns,
            Qt::UniqueConnection);
    }
    fitColumns();
    updateButtons();
}

void BookmarksDock::showMessage(const QString &message)
{
    m_message->setText(message);
}

QString BookmarksDock::message() const
{
    return m_message->text();
}

Bookmarks *BookmarksDock::bookmarks() const
{
    return m_tab ? m_tab->document()->bookmarks() : nullptr;
}

QList<int> BookmarksDock::selectedRows() const
{
    QList<int> rows;
    if (m_table->selectionModel()) {
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            rows << index.row();
    }
    std::sort(rows.begin(), rows.end());
    return rows;
}

void BookmarksDock::fitColumns()
{
    // The preview takes what is left.
    for (int column = 0; column < Bookmarks::PreviewColumn; ++column)
        m_table->resizeColumnToContents(column);
}

void BookmarksDock::updateButtons()
{
    const bool selected = !selectedRows().isEmpty();
    for (QToolButton *button : {m_goTo, m_rename, m_color, m_remove})
        button->setEnabled(selected);
}

void BookmarksDock::toggleAtCursor()
{
    if (!m_tab || m_tab->document()->size() == 0)
        return;
    const HexView *view = m_tab->view();
    const bool added = bookmarks()->toggle(view->selectionStart(), view->selectionLength());
    m_message->setText(added ? tr("Bookmark added.") : tr("Bookmark removed."));
}

void BookmarksDock::goToNext()
{
    if (m_tab)
        goTo(bookmarks()->next(m_tab->view()->cursorOffset()));
}

void BookmarksDock::goToPrevious()
{
    if (m_tab)
        goTo(bookmarks()->previous(m_tab->view()->cursorOffset()));
}

void BookmarksDock::goTo(int row)
{
    if (!m_tab)
        return;
    if (row < 0 || row >= bookmarks()->count()) {
        m_message->setText(tr("No bookmark in range to go to."));
        return;
    }
    if (!bookmarks()->isInRange(row)) {
        m_message->setText(
            bookmarks()->data(bookmarks()->index(row, 0), Qt::ToolTipRole).toString());
        return;
    }
    m_message->clear();
    const Bookmark &bookmark = bookmarks()->at(row);
    Editor *editor = m_tab->view()->editor();
    if (bookmark.length == 1)
        editor->moveCursor(bookmark.start);
    else
        editor->select(bookmark.end() - 1, bookmark.start);
    m_table->selectRow(row);
}

void BookmarksDock::removeSelected()
{
    if (bookmarks())
        bookmarks()->remove(selectedRows());
}

void BookmarksDock::recolorSelected(const QColor &color)
{
    for (const int row : selectedRows())
        bookmarks()->setColor(row, color);
}

} // namespace hexmap
