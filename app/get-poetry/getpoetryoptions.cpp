#include "getpoetryoptions.h"

#include "commandline.h"
#include "getpoetrycommand.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace GetPoetryOptions {

void setUp(QCommandLineParser &parser)
{
    parser.setApplicationDescription(QCoreApplication::translate(
            "main",
            "Fetches a poem from each poetry server, all at once, and prints the poems in the "
            "order given.\nADDRESS is a port on this machine (10001), host:port or [IPv6]:port.\n"
            "Exit status: 0 if every poem arrived (with --race: one), 1 if any failed, 2 for "
            "usage errors, 130 or 143 when interrupted by SIGINT or SIGTERM."));
    parser.addHelpOption();
    parser.addVersionOption();
    const FetchOptions defaults;
    auto seconds = [](milliseconds span) {
        return QString::number(duration<double>(span).count());
    };
    parser.addOptions({
            {u"stream"_s,
             QCoreApplication::translate("main", "Print each poem as soon as it is complete.")},
            {u"verbose"_s,
             QCoreApplication::translate("main", "Report each download on standard error.")},
            {GetPoetryCommand::connectTimeoutOption,
             QCoreApplication::translate("main", "Seconds to connect; 0 waits forever."), u"S"_s,
             seconds(defaults.connectTimeout)},
            {GetPoetryCommand::idleTimeoutOption,
             QCoreApplication::translate("main",
                                         "Seconds without a byte before giving up; 0 waits "
                                         "forever."),
             u"S"_s, seconds(defaults.idleTimeout)},
            {GetPoetryCommand::deadlineOption,
             QCoreApplication::translate("main", "Seconds for the whole download; 0 means none."),
             u"S"_s, seconds(defaults.deadline)},
            {GetPoetryCommand::maxSizeOption,
             QCoreApplication::translate("main", "Largest poem in bytes; 0 means no limit."),
             u"BYTES"_s, QString::number(defaults.maxPoemSize)},
            {u"max-connections"_s,
             QCoreApplication::translate("main",
                                         "Connections open at once; more addresses "
                                         "wait their turn."),
             u"N"_s, u"100"_s},
            {u"escape"_s,
             QCoreApplication::translate("main",
                                         "Show control characters visibly even when "
                                         "standard output is not a terminal.")},
            {u"raw"_s,
             QCoreApplication::translate("main", "Write poems byte for byte even to a terminal.")},
            {u"race"_s,
             QCoreApplication::translate("main",
                                         "Print only the first poem to arrive and cancel the "
                                         "other requests.")},
            {u"report"_s,
             QCoreApplication::translate("main",
                                         "Write a JSON report of every request to FILE "
                                         "(- for standard output, instead of the poems)."),
             u"FILE"_s},
    });
    parser.addPositionalArgument(
            u"ADDRESS"_s, QCoreApplication::translate("main", "Poetry servers."), u"ADDRESS..."_s);
}

FetchOptions fetchOptions(const QCommandLineParser &parser)
{
    constexpr double maxSeconds = GetPoetryCommand::maxSeconds;
    FetchOptions options;
    options.connectTimeout = CommandLine::durationOption(
            parser, GetPoetryCommand::connectTimeoutOption, maxSeconds);
    options.idleTimeout
            = CommandLine::durationOption(parser, GetPoetryCommand::idleTimeoutOption, maxSeconds);
    options.deadline
            = CommandLine::durationOption(parser, GetPoetryCommand::deadlineOption, maxSeconds);
    options.maxPoemSize = CommandLine::countOption(parser, GetPoetryCommand::maxSizeOption, 0);
    return options;
}

int maxConnections(const QCommandLineParser &parser)
{
    return int(
            std::min<qint64>(CommandLine::countOption(parser, u"max-connections"_s, 1), 1'000'000));
}

} // namespace GetPoetryOptions
