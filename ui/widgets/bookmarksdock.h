#pragma once

#include <QDockWidget>
#include <QPointer>

class QLabel;
class QTableView;
class QToolButton;

namespace hexmap {

class Bookmarks;
class DocumentTab;

// The bookmarks of the current tab as a table (offset, length, name, a preview of the
// bytes): Return or a double click goes to one (selects its bytes), F2 or a click on a
// selected name renames it, Delete removes the selected ones, the colour button recolours
// them. Also what the window's Bookmarks menu does: toggle at the cursor or selection,
// next and previous.
class BookmarksDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit BookmarksDock(QWidget *parent = nullptr);
    // Follows tab's bookmarks (nullptr: an empty table).
    void track(DocumentTab *tab);
    [[nodiscard]] QTableView *table() const { return m_table; }
    // Shown under the table until the next action or tab.
    void showMessage(const QString &message);
    [[nodiscard]] QString message() const;

    // Removes the bookmarks under the selection (the cursor's byte without one), or adds
    // one over it.
    void toggleAtCursor();
    // Moves the cursor to the next (previous) bookmark in range, wrapping; says so when
    // there is none.
    void goToNext();
    void goToPrevious();
    // Selects the bookmark's bytes, the cursor on its first byte.
    void goTo(int row);
    void removeSelected();

private:
    [[nodiscard]] Bookmarks *bookmarks() const;
    [[nodiscard]] QList<int> selectedRows() const;
    void recolorSelected(const QColor &color);
    void updateButtons();
    void fitColumns();

    QPointer<DocumentTab> m_tab;
    QTableView *m_table;
    QToolButton *m_goTo;
    QToolButton *m_rename;
    QToolButton *m_color;
    QToolButton *m_remove;
    QLabel *m_message;
};

} // namespace hexmap
