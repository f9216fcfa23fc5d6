#include "commandline.h"

#include "terminaltext.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace CommandLine {

void reserveStandardDescriptors()
{
    for (int descriptor = STDIN_FILENO; descriptor <= STDERR_FILENO; ++descriptor) {
        if (::fcntl(descriptor, F_GETFD) != -1 || errno != EBADF)
            continue;
        // open() returns the lowest free number: this one, as the lower ones are open by now.
        const int opened = ::open("/dev/null", O_RDWR);
        if (opened >= 0 && opened != descriptor) {
            ::dup2(opened, descriptor);
            ::close(opened);
        }
    }
}

void error(const QString &message)
{
    const QString text = QCoreApplication::applicationName() + u": " + message + u'\n';
    std::fputs(TerminalText::escaped(text).toUtf8().constData(), stderr);
}

void usageError(const QString &message)
{
    error(message + u'\n'
          + QCoreApplication::translate("CommandLine", "Try “%1 --help”.")
                    .arg(QCoreApplication::applicationName()));
    std::exit(2);
}

void process(QCommandLineParser &parser)
{
    if (!parser.parse(QCoreApplication::arguments()))
        usageError(parser.errorText());
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();
    // addHelpOption() also offers --help-all, which only process() would handle; our programs
    // have no Qt-specific options worth listing, so it shows the same help.
    if (parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all")))
        parser.showHelp(0);
}

qint64 countOption(const QCommandLineParser &parser, const QString &option, qint64 minimum,
                   qint64 maximum)
{
    bool ok = false;
    const qint64 value = parser.value(option).toLongLong(&ok);
    if (ok && value >= minimum && value <= maximum)
        return value;
    if (maximum == std::numeric_limits<qint64>::max())
        usageError(QCoreApplication::translate("CommandLine",
                                               "--%1 takes a whole number of at least %2, not "
                                               "“%3”.")
                           .arg(option)
                           .arg(minimum)
                           .arg(parser.value(option)));
    usageError(QCoreApplication::translate("CommandLine",
                                           "--%1 takes a whole number between %2 and %3, not "
                                           "“%4”.")
                       .arg(option)
                       .arg(minimum)
                       .arg(maximum)
                       .arg(parser.value(option)));
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

std::chrono::milliseconds durationOption(const QCommandLineParser &parser, const QString &option,
                                         double maximumSeconds)
{
    const double seconds = secondsOption(parser, option, maximumSeconds);
    if (seconds == 0)
        return std::chrono::milliseconds(0);
    return std::chrono::milliseconds(std::max<qint64>(1, qint64(std::round(seconds * 1000))));
}

namespace {
int signalSockets[2] = {-1, -1};

void onTerminationSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the socket pair.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalSockets[0], &byte, 1);
}
} // namespace

void quitOnTerminationSignals()
{
    if (signalSockets[0] >= 0
        || ::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, signalSockets) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalSockets[1], QSocketNotifier::Read,
                                         QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(),
                     [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onTerminationSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, nullptr);
    ::sigaction(SIGTERM, &action, nullptr);
}

} // namespace CommandLine
