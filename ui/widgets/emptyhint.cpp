#include "emptyhint.h"

#include <QAction>

namespace hexmap {

namespace {
// "Ctrl+O" of an action, as the platform writes it.
QString keysOf(const QAction *action)
{
    return action->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped();
}
} // namespace

EmptyHint::EmptyHint(QAction *open, QAction *scratch, QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("emptyHint"));
    setAlignment(Qt::AlignCenter);
    setWordWrap(true);
    setTextFormat(Qt::RichText);
    setForegroundRole(QPalette::PlaceholderText);
    setText(tr("<p style='font-size:large'>No file is open.</p>"
               "<p><a href='open'>Open a file</a> (%1), or drop one here.</p>"
               "<p><a href='scratch'>Make a scratch buffer</a> (%2): memory to write in, "
               "saved to a file when you choose.</p>")
                .arg(keysOf(open), keysOf(scratch)));
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(this, &QLabel::linkActivated, this, [open, scratch](const QString &link) {
        (link == QStringLiteral("open") ? open : scratch)->trigger();
    });
}

} // namespace hexmap
