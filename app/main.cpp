#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("hexmap"));
    QApplication::setApplicationVersion(QStringLiteral(HEXMAP_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hex viewer and editor built on memory mapping."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    hexmap::MainWindow window;
    window.show();
    return QApplication::exec();
}
