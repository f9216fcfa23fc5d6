#pragma once

#include <QCommandLineParser>
#include <QString>

#include <chrono>
#include <limits>

// What the command-line programs share: usage errors exit with status 2, as scripts expect
// (QCommandLineParser::process() would exit with 1).
namespace CommandLine {

// Call first in main(), before QCoreApplication exists: opens /dev/null on any of descriptors
// 0, 1 and 2 that is closed, so that no socket or file the program opens later takes one of
// their numbers (a poem or a traceback written to "standard output" would go to a server).
void reserveStandardDescriptors();

// Prints "NAME: MESSAGE" on standard error. Control characters in the message (option values
// and file names are echoed in it) are shown visibly, as TerminalText shows them: nothing on
// a command line can put an escape sequence on the terminal.
void error(const QString &message);
// error(message), then "Try “NAME --help”.", and exits with status 2.
[[noreturn]] void usageError(const QString &message);
// Parses the application's arguments; handles --help and --version; exits 2 on errors.
void process(QCommandLineParser &parser);
// The value of a whole-number option between `minimum` and `maximum`, or a usage error.
qint64 countOption(const QCommandLineParser &parser, const QString &option, qint64 minimum,
                   qint64 maximum = std::numeric_limits<qint64>::max());
// The value of an option in seconds between 0 and `maximum`, or a usage error.
double secondsOption(const QCommandLineParser &parser, const QString &option, double maximum);
// The same as a duration in whole milliseconds, where 0 means 0 and any positive value is at
// least 1 ms: a limit given as 0.0004 s is never rounded down to 0 ("no limit" for timeouts).
std::chrono::milliseconds durationOption(const QCommandLineParser &parser, const QString &option,
                                         double maximumSeconds);

// Makes SIGINT and SIGTERM end the event loop, so that the program exits normally (objects
// destroyed, exit status 0) instead of being killed by the signal.
void quitOnTerminationSignals();

} // namespace CommandLine
