#pragma once
// Test support: the dialogs a window opens, whatever opens them. A DialogWatcher hands
// every dialog that comes up while it lives (modal or not, nested ones too, Qt's own
// file dialogs as well) to a handler, which looks at it and closes it:
//
//     DialogWatcher watcher([](QDialog *dialog) { dialog->reject(); });
//     action->trigger();
//     QTRY_VERIFY(watcher.seen() > 0);
//
// The handler runs from the event loop, outside the dialog's own exec().

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QList>
#include <QMenu>
#include <QMenuBar>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <memory>

class DialogWatcher
{
public:
    explicit DialogWatcher(std::function<void(QDialog *)> handler)
        : m_state(std::make_shared<State>())
    {
        m_state->handler = std::move(handler);
        m_state->timer.setInterval(10);
        std::weak_ptr<State> weak = m_state;
        QObject::connect(&m_state->timer, &QTimer::timeout, [weak] {
            if (const auto state = weak.lock())
                state->poll();
        });
        m_state->timer.start();
    }

    // How many dialogs came up so far.
    [[nodiscard]] int seen() const { return m_state->seen; }

private:
    struct State
    {
        std::function<void(QDialog *)> handler;
        QTimer timer;
        QList<QPointer<QDialog>> up; // handed over and still visible
        int seen = 0;

        void poll()
        {
            up.removeIf(
                [](const QPointer<QDialog> &dialog) { return !dialog || !dialog->isVisible(); });
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                auto *dialog = qobject_cast<QDialog *>(widget);
                if (!dialog || !dialog->isVisible() || up.contains(dialog))
                    continue;
                up.append(dialog);
                ++seen;
                // Not from this timer's slot: a handler that opens a nested dialog (accept()
                // asking first) would stop the timer from finding it.
                QTimer::singleShot(0, dialog, [this, dialog] { handler(dialog); });
            }
        }
    };

    std::shared_ptr<State> m_state;
};

// Whether a dialog of the application is visible.
inline bool anyDialogVisible()
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(widget) && widget->isVisible())
            return true;
    }
    return false;
}

// The menu items that open a dialog: by the convention, the ones whose text ends with an
// ellipsis, and every item of the Help menu; through the submenus.
inline QList<QAction *> dialogActions(const QMenuBar *menus)
{
    QList<QAction *> found;
    const std::function<void(const QMenu *, bool)> walk = [&](const QMenu *menu, bool help) {
        for (QAction *action : menu->actions()) {
            if (action->menu())
                walk(action->menu(), help);
            else if (!action->isSeparator()
                && (help || action->text().endsWith(QStringLiteral("…"))))
                found << action;
        }
    };
    for (const QAction *action : menus->actions()) {
        if (action->menu())
            walk(action->menu(),
                action->menu()->title()
                    == QCoreApplication::translate("hexmap::MainWindow", "&Help"));
    }
    return found;
}
