#include "commandline.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

namespace CommandLine {

void usageError(const QString &message)
{
    const QString name = QCoreApplication::applicationName();
    std::fprintf(
            stderr, "%s: %s\n%s\n", qPrintable(name), qPrintable(message),
            qPrintable(QCoreApplication::translate("CommandLine", "Try “%1 --help”.").arg(name)));
    std::exit(2);
}

void process(QCommandLineParser &parser)
{
    if (!parser.parse(QCoreApplication::arguments()))
        usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0);
}

qint64 countOption(const QCommandLineParser &parser, const QString &option, qint64 minimum)
{
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (!ok || value < minimum)
        usageError(QCoreApplication::translate("CommandLine",
                                               "--%1 takes a whole number of at least %2, not "
                                               "“%3”.")
                           .arg(option)
                           .arg(minimum)
                           .arg(parser.value(option)));
    return value;
}

double secondsOption(const QCommandLineParser &parser, const QString &option, double maximum)
{
    bool ok = false;
    const double value = parser.value(option).toDouble(&ok);
    if (!ok || !(value >= 0) || value > maximum)
        usageError(QCoreApplication::translate("CommandLine",
                                               "--%1 takes seconds between 0 and %2, not “%3”.")
                           .arg(option)
                           .arg(QString::number(maximum, 'g', 10))
                           .arg(parser.value(option)));
    return value;
}

} // namespace CommandLine
