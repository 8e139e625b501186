#include "commandline.h"
#include "mainwindow.h"
#include "qtoptions.h"
#include "translations.h"

#include <QApplication>
#include <QIcon>

#include <cstdio>
#include <cstdlib>
#include <vector>

namespace {
void describeApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("hexmap"));
    QCoreApplication::setOrganizationName(QStringLiteral("hexmap"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HEXMAP_VERSION));
}

QtMessageHandler g_previousHandler = nullptr;

// While QApplication starts: Qt aborts (qFatal) when no platform plugin starts, e.g. a
// display that is named but cannot be reached. Say so and exit 2 instead; other
// messages (why the plugin failed) go where they always go.
void startupMessageHandler(QtMsgType type, const QMessageLogContext &context, const QString &text)
{
    if (type != QtFatalMsg) {
        g_previousHandler(type, context, text);
        return;
    }
    // Qt's first sentence says what failed; the rest ("Reinstalling…") does not apply.
    QString reason = text.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (const qsizetype end = reason.indexOf(QLatin1String(". ")); end >= 0)
        reason.truncate(end + 1);
    std::fprintf(stderr, "hexmap: cannot open a display (%s); %s\n", qPrintable(reason),
        qPrintable(hexmap::qtoptions::noDisplayAdvice()));
    std::fflush(stderr);
    std::_Exit(2);
}
} // namespace

int main(int argc, char *argv[])
{
    // Every argument is read and checked before any display is needed, so that --help,
    // --version and bad arguments work anywhere, and a bad one exits 2 with the reason.
    hexmap::CommandLine commandLine;
    {
        QCoreApplication reader(argc, argv);
        describeApplication();
        hexmap::installTranslations(QLocale::system(), hexmap::translationsDir());
        QByteArrayList arguments;
        for (int i = 0; i < argc; ++i)
            arguments << QByteArray(argv[i]);
        commandLine = hexmap::parseCommandLine(arguments);
    }
    if (commandLine.exitCode) {
        std::fputs(qPrintable(commandLine.output), *commandLine.exitCode == 0 ? stdout : stderr);
        return *commandLine.exitCode;
    }

    // QApplication sees the program and Qt's own options only, never a file name.
    std::vector<QByteArray> qtArguments {QByteArray(argv[0])};
    for (const QString &argument : std::as_const(commandLine.qtArguments))
        qtArguments.push_back(argument.toUtf8());
    std::vector<char *> qtArgv;
    for (QByteArray &argument : qtArguments)
        qtArgv.push_back(argument.data());
    qtArgv.push_back(nullptr);
    int qtArgc = int(qtArguments.size());

    g_previousHandler = qInstallMessageHandler(startupMessageHandler);
    QApplication app(qtArgc, qtArgv.data());
    qInstallMessageHandler(g_previousHandler);
    describeApplication();
    hexmap::installTranslations(QLocale::system(), hexmap::translationsDir());
    QApplication::setDesktopFileName(QStringLiteral("hexmap"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("hexmap"), QIcon(QStringLiteral(":/hexmap.svg"))));

    hexmap::MainWindow window;
    window.show();
    for (const QString &file : commandLine.files) {
        if (window.openFile(file, commandLine.options) && commandLine.goTo)
            window.goTo(*commandLine.goTo);
    }
    // --diff: both files opened (else the user was told why) and compared.
    if (commandLine.diff && window.tabCount() == 2)
        window.compare(0, 1);
    return QApplication::exec();
}
