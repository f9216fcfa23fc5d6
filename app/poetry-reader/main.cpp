// poetry-reader: the window. Servers given on the command line are added and fetched; the very
// first start (no saved settings) without servers and --demo start the built-in demo servers
// (MainWindow::startUp).

#include "address.h"
#include "bundledicons.h"
#include "commandline.h"
#include "mainwindow.h"
#include "messagefilter.h"
#include "screenshottour.h"
#include "terminaltext.h"
#include "translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>

using namespace Qt::StringLiterals;

namespace {

void setApplicationNames()
{
    // One reverse-DNS id for the settings, the desktop entry and the icon.
    QCoreApplication::setOrganizationName(u"org.poetryreader"_s);
    QCoreApplication::setOrganizationDomain(u"poetryreader.org"_s);
    QCoreApplication::setApplicationName(u"poetry-reader"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(POETRY_VERSION));
}

struct Arguments
{
    QStringList addresses;
    bool demo = false;
    QString screenshotDirectory;
};

// The value of the last --lang (or --lang=…) before "--", read before QCommandLineParser runs:
// the help text itself is translated. Empty if absent; "--lang" without a value gives "--lang"
// back, which no language is, so that the parser reports it.
QString requestedLanguage(int argc, char **argv)
{
    QString language;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--")
            break;
        if (argument == "--lang")
            language = i + 1 < argc ? QString::fromLocal8Bit(argv[++i]) : u"--lang"_s;
        else if (argument.startsWith("--lang="))
            language = QString::fromLocal8Bit(argument.sliced(7));
    }
    return language;
}

// --help and --version print and exit: they must work without a display (on a build server,
// over ssh), so they get a QCoreApplication, not a QApplication.
bool printsOnly(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView argument(argv[i]);
        if (argument == "--")
            break;
        if (argument == "-h" || argument == "--help" || argument == "--help-all" || argument == "-?"
            || argument == "-v" || argument == "--version")
            return true;
    }
    return false;
}

// Reads QCoreApplication::arguments(): QApplication has already taken its own (-platform, …).
Arguments parseArguments()
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
            "main",
            "Fetches poems from poetry servers and shows every download as it happens.\n"
            "ADDRESS is a port on this machine (10001), host:port or [IPv6]:port; each one is "
            "added to the server list and fetched.\n"
            "The first start shows the built-in demo servers."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption demoOption(
            u"demo"_s,
            QCoreApplication::translate("main",
                                        "Start the built-in demo servers and fetch from them."));
    parser.addOption(demoOption);
    const QCommandLineOption languageOption(
            u"lang"_s,
            QCoreApplication::translate(
                    "main", "Show the program in LANGUAGE (%1) instead of the system’s language.")
                    .arg(Translations::languages().join(u", ")),
            u"LANGUAGE"_s);
    parser.addOption(languageOption);
    // For the documentation's screenshots (scripts/screenshots.sh); not for users.
    QCommandLineOption screenshotsOption(u"screenshots"_s, u"Grab screenshots into DIR."_s,
                                         u"DIR"_s);
    screenshotsOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotsOption);
    parser.addPositionalArgument(u"ADDRESS"_s,
                                 QCoreApplication::translate("main", "Poetry servers to fetch."),
                                 u"[ADDRESS...]"_s);
    CommandLine::process(parser);

    Arguments arguments;
    for (const QString &argument : parser.positionalArguments()) {
        QString error;
        if (!Address::parse(argument, &error))
            CommandLine::usageError(TerminalText::escaped(error));
        arguments.addresses.append(argument);
    }
    if (const QString language = parser.value(languageOption);
        parser.isSet(languageOption) && !Translations::isSupported(language))
        CommandLine::usageError(
                QCoreApplication::translate("main", "Unknown language “%1”: choose one of %2.")
                        .arg(TerminalText::escaped(language),
                             Translations::languages().join(u", ")));
    arguments.demo = parser.isSet(demoOption);
    arguments.screenshotDirectory = parser.value(screenshotsOption);
    return arguments;
}

} // namespace

int main(int argc, char *argv[])
{
    CommandLine::reserveStandardDescriptors();
    const QString requested = requestedLanguage(argc, argv);
    const bool unknownLanguage = !requested.isEmpty() && !Translations::isSupported(requested);
    const QString language = requested.isEmpty() || unknownLanguage
            ? QString() // the system's, once the application can tell
            : requested;
    if (printsOnly(argc, argv) || unknownLanguage) {
        QCoreApplication app(argc, argv);
        setApplicationNames();
        Translations::install(language.isEmpty() ? Translations::systemLanguage() : language);
        parseArguments(); // prints, or reports the unknown language, and exits
        return 0;
    }

    MessageFilter::install();
    QApplication app(argc, argv);
    BundledIcons::install();
    setApplicationNames();
    Translations::install(language.isEmpty() ? Translations::systemLanguage() : language);
    const Arguments arguments = parseArguments();
    QApplication::setApplicationDisplayName(QApplication::translate("main", "Poetry Reader"));
    QGuiApplication::setDesktopFileName(u"org.poetryreader.PoetryReader"_s);
    // The installed icon, by the application id (found in the icon theme once installed).
    QApplication::setWindowIcon(QIcon::fromTheme(u"org.poetryreader.PoetryReader"_s));

    // Decided before the window exists: the window saves its settings as soon as it has any.
    const bool firstStart = !MainWindow::hasSavedSettings();
    MainWindow window;
    window.show();

    if (!arguments.screenshotDirectory.isEmpty()) {
        auto *tour = new ScreenshotTour(&window, arguments.screenshotDirectory, &window);
        QObject::connect(tour, &ScreenshotTour::finished, &app,
                         [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
        tour->start();
        return app.exec();
    }

    window.startUp(firstStart, arguments.demo, arguments.addresses);
    return app.exec();
}
