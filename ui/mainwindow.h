#pragma once

#include <QMainWindow>

namespace hexmap {

// The application window. It wires actions to documents and holds no byte logic.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
};

} // namespace hexmap
