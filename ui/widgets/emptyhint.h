#pragma once

#include <QLabel>

class QAction;

namespace hexmap {

// What the window shows with no file open: how to open one (with the action's keys),
// that files can be dropped on it, and how to make a scratch buffer. The links trigger
// the actions.
class EmptyHint : public QLabel
{
    Q_OBJECT

public:
    EmptyHint(QAction *open, QAction *scratch, QWidget *parent = nullptr);
};

} // namespace hexmap
