#include "commandline.h"
#include "mainwindow.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>

namespace {
void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("hexmap"));
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEXMAP_VERSION));
}
} // namespace

int main(int argc, char *argv[])
{
    // The command line is read before any display is needed, so that --help,
    // --version and bad arguments work anywhere.
    hexmap::CommandLine commandLine;
    {
        QCoreApplication reader(argc, argv);
        describeApplication();
        commandLine = hexmap::parseCommandLine(QCoreApplication::arguments());
    }
    if (commandLine.exitCode && !commandLine.onlyUnknownOptions) {
        std::fputs(qPrintable(commandLine.output), *commandLine.exitCode == 0 ? stdout : stderr);
        return *commandLine.exitCode;
    }

    QApplication app(argc, argv);
    describeApplication();
    if (commandLine.onlyUnknownOptions) {
        commandLine = hexmap::parseCommandLine(QApplication::arguments()); // without Qt's options
        if (commandLine.exitCode) {
            std::fputs(qPrintable(commandLine.output), stderr);
            return *commandLine.exitCode;
        }
    }
    QApplication::setDesktopFileName(QStringLiteral("hexmap"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("hexmap"), QIcon(QStringLiteral(":/hexmap.svg"))));

    hexmap::MainWindow window;
    window.show();
    for (const QString &file : commandLine.files) {
        if (window.openFile(file, commandLine.options) && commandLine.goTo)
            window.goTo(*commandLine.goTo);
    }
    return QApplication::exec();
}
