#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

namespace hexmap {

// Help ▸ Keyboard Shortcuts: every menu item that has a shortcut (its menu path, its
// text, its keys as the platform writes them), then the hex view's own keys
// (HexView::keyTable). Made from the actions as they are when it opens.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Row
    {
        QString where; // "Edit ▸ Copy As", or "Hex view"
        QString what; // without the mnemonic's &
        QString keys; // native text, ", " between sequences
    };
    [[nodiscard]] static QList<Row> rows(const QMenuBar *menus);

    explicit ShortcutsDialog(const QMenuBar *menus, QWidget *parent = nullptr);

    [[nodiscard]] const QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};

} // namespace hexmap
