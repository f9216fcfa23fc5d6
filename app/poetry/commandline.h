#pragma once

#include <QCommandLineParser>
#include <QString>

// What the command-line programs share: usage errors exit with status 2, as scripts expect
// (QCommandLineParser::process() would exit with 1).
namespace CommandLine {

[[noreturn]] void usageError(const QString &message);
// Parses the application's arguments; handles --help and --version; exits 2 on errors.
void process(QCommandLineParser &parser);
// The value of a whole-number option, at least `minimum`, or a usage error.
qint64 countOption(const QCommandLineParser &parser, const QString &option, qint64 minimum);
// The value of an option in seconds between 0 and `maximum`, or a usage error.
double secondsOption(const QCommandLineParser &parser, const QString &option, double maximum);

// Makes SIGINT and SIGTERM end the event loop, so that the program exits normally (objects
// destroyed, exit status 0) instead of being killed by the signal.
void quitOnTerminationSignals();

} // namespace CommandLine
