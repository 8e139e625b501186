#include "shortcutsdialog.h"

#include "hexview.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hexmap {

namespace {

QString withoutMnemonic(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove('&');
    return text.replace('\x01', '&');
}

QString nativeText(const QList<QKeySequence> &keys)
{
    QStringList texts;
    for (const QKeySequence &key : keys)
        texts << key.toString(QKeySequence::NativeText);
    return texts.join(QStringLiteral(", "));
}

void addMenuRows(const QMenu *menu, const QString &path, QList<ShortcutsDialog::Row> &rows)
{
    for (const QAction *action : menu->actions()) {
        const QString text = withoutMnemonic(action->text());
        if (action->menu())
            addMenuRows(action->menu(), path + QStringLiteral(" ▸ ") + text, rows);
        else if (!action->shortcuts().isEmpty())
            rows.append({path, text, nativeText(action->shortcuts())});
    }
}

} // namespace

QList<ShortcutsDialog::Row> ShortcutsDialog::rows(const QMenuBar *menus)
{
    QList<Row> rows;
    for (const QAction *action : menus->actions()) {
        if (action->menu())
            addMenuRows(action->menu(), withoutMnemonic(action->text()), rows);
    }
    for (const HexView::KeyHelp &help : HexView::keyTable())
        rows.append({tr("Hex view"), help.what, nativeText(help.keys)});
    return rows;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menus, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<Row> rows = ShortcutsDialog::rows(menus);
    m_table->setObjectName(QStringLiteral("shortcuts"));
    m_table->setColumnCount(3);
    m_table->setHorizontalHeaderLabels({tr("Where"), tr("Command"), tr("Keys")});
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows[i].where));
        m_table->setItem(i, 1, new QTableWidgetItem(rows[i].what));
        m_table->setItem(i, 2, new QTableWidgetItem(rows[i].keys));
    }
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->resizeColumnsToContents();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(640, 520);
}

} // namespace hexmap
