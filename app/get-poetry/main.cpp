// get-poetry: fetches poems from poetry servers, all at once, like the classic Twisted client.
//
// Output rule: poems go to standard output byte for byte when it is a pipe or a file, so that
// `get-poetry 10001 > poem.txt` keeps the poem exactly; on a terminal, control characters and
// escape sequences are shown visibly instead (see TerminalText). --escape and --raw override.
// Failures go to standard error, escaped when it is a terminal.
//
// --race prints only the first poem to arrive (the others are cancelled); --report FILE writes
// the JSON report of every request (FetchReport, docs/report-format.md); SIGINT and SIGTERM
// cancel what is still open, print what arrived, and exit with 128 + the signal's number.

#include "backgroundwriter.h"
#include "commandline.h"
#include "fetchreport.h"
#include "futures.h"
#include "getpoetryoptions.h"
#include "poetryfetcher.h"
#include "terminaltext.h"
#include "terminationsignals.h"

#include <QCoreApplication>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <sys/uio.h>
#include <unistd.h>

#include <memory>
#include <vector>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

// Writes all of `pieces` in as few system calls as it can (writev, IOV_MAX pieces at a time).
bool writeAll(int descriptor, std::vector<QByteArrayView> pieces)
{
    std::vector<iovec> vectors;
    vectors.reserve(pieces.size());
    for (QByteArrayView piece : pieces) {
        if (!piece.isEmpty())
            vectors.push_back({const_cast<char *>(piece.data()), size_t(piece.size())});
    }
    size_t first = 0;
    while (first < vectors.size()) {
        const int count = int(std::min<size_t>(vectors.size() - first, IOV_MAX));
        ssize_t written = ::writev(descriptor, vectors.data() + first, count);
        if (written < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        // Skip what went out; a partial write leaves the rest of a piece for the next call.
        while (first < vectors.size() && size_t(written) >= vectors[first].iov_len) {
            written -= ssize_t(vectors[first].iov_len);
            ++first;
        }
        if (written > 0) {
            vectors[first].iov_base = static_cast<char *>(vectors[first].iov_base) + written;
            vectors[first].iov_len -= size_t(written);
        }
    }
    return true;
}

class Output
{
public:
    // Until settle(), poems and messages go out through writers of their own (see
    // BackgroundWriter): a reader that stops reading holds up nothing on the event loop.
    Output(bool escapePoems, bool escapeErrors)
        : m_escapePoems(escapePoems),
          m_escapeErrors(escapeErrors),
          m_out(std::make_unique<BackgroundWriter>(STDOUT_FILENO)),
          m_err(std::make_unique<BackgroundWriter>(STDERR_FILENO))
    { }

    // Each poem followed by a newline, like the classic client's `print poem`. False if the
    // write failed (known at once only after settle()).
    bool poems(const std::vector<const Poem *> &poems)
    {
        std::vector<QByteArray> pieces;
        pieces.reserve(2 * poems.size());
        for (const Poem *poem : poems) {
            pieces.push_back(m_escapePoems ? TerminalText::escaped(poem->bytes()) : poem->bytes());
            pieces.push_back(QByteArrayLiteral("\n"));
        }
        if (m_out) {
            for (const QByteArray &piece : pieces)
                m_out->write(piece);
            return true;
        }
        return writeAll(STDOUT_FILENO, {pieces.cbegin(), pieces.cend()});
    }

    void error(const QString &text)
    {
        const QByteArray bytes
                = m_escapeErrors ? TerminalText::escaped(text).toUtf8() : text.toUtf8();
        if (m_err)
            m_err->write(bytes);
        else
            writeAll(STDERR_FILENO, {bytes});
    }

    // The event loop is over: waits for what is queued, then writes directly. False if a
    // queued poem could not be written (errno says why).
    bool settle()
    {
        const bool written = m_out->finish();
        const int error = errno;
        m_err->finish();
        m_out.reset();
        m_err.reset();
        errno = error;
        return written;
    }

private:
    bool m_escapePoems;
    bool m_escapeErrors;
    std::unique_ptr<BackgroundWriter> m_out;
    std::unique_ptr<BackgroundWriter> m_err;
};

// `--report FILE`: one record per address, in the order given ("-": standard output).
bool writeReport(const QString &path, const std::vector<FetchReport::Record> &records,
                 Output &output)
{
    FetchReport report;
    for (const FetchReport::Record &record : records)
        report.add(record);
    QString error;
    if (path == u"-"_s) {
        if (writeAll(STDOUT_FILENO, {report.toBytes()}))
            return true;
        error = QString::fromLocal8Bit(std::strerror(errno));
    } else if (report.save(path, &error)) {
        return true;
    }
    output.error(
            QCoreApplication::translate("main", "get-poetry: cannot write the report to %1: %2\n")
                    .arg(path, error));
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher instead of GLib's: with thousands of sockets GLib wakes its
    // loop with extra writes and walks lists (measured: 10,000 fetches in 0.93 s instead of
    // 1.09 s). Nothing here needs GLib; an empty QT_NO_GLIB= brings it back.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    CommandLine::reserveStandardDescriptors();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"get-poetry"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(POETRY_VERSION));

    QCommandLineParser parser;
    GetPoetryOptions::setUp(parser);
    CommandLine::process(parser);

    const QStringList arguments = parser.positionalArguments();
    if (arguments.isEmpty())
        CommandLine::usageError(QCoreApplication::translate("main", "No address given."));
    if (parser.isSet(u"escape"_s) && parser.isSet(u"raw"_s))
        CommandLine::usageError(
                QCoreApplication::translate("main", "--escape and --raw exclude each other."));

    // A typo in an address is a usage error: nothing is fetched.
    QList<Address> addresses;
    for (const QString &argument : arguments) {
        QString error;
        const auto address = Address::parse(argument, &error);
        if (!address)
            CommandLine::usageError(error);
        addresses.append(*address);
    }

    const FetchOptions options = GetPoetryOptions::fetchOptions(parser);

    const bool escapePoems
            = parser.isSet(u"escape"_s) || (!parser.isSet(u"raw"_s) && ::isatty(STDOUT_FILENO));
    Output output(escapePoems, ::isatty(STDERR_FILENO));
    const bool stream = parser.isSet(u"stream"_s);
    const bool verbose = parser.isSet(u"verbose"_s);
    const bool race = parser.isSet(u"race"_s);
    const QString reportPath = parser.value(u"report"_s);
    if (parser.isSet(u"report"_s) && reportPath.isEmpty())
        CommandLine::usageError(QCoreApplication::translate("main", "--report needs a file name."));
    // `--report -`: the report is what standard output is for, so the poems are not printed.
    const bool printPoems = reportPath != u"-"_s;

    PoetryFetcher fetcher;
    fetcher.setMaxConcurrentConnections(GetPoetryOptions::maxConnections(parser));

    // Ctrl-C or a service manager's stop: the requests still open end as CancelledError and
    // are reported as usual; the exit status is 128 + the signal's number.
    int interruptedBy = 0;
    if (TerminationSignals *terminationSignals = TerminationSignals::install()) {
        QObject::connect(terminationSignals, &TerminationSignals::received, &fetcher,
                         [&](int signalNumber) {
                             if (interruptedBy == 0)
                                 interruptedBy = signalNumber;
                             fetcher.cancelAll();
                         });
    }

    QHash<RequestId, qsizetype> indexOf;
    std::vector<std::optional<Poem>> poems(size_t(addresses.size()));
    std::vector<FetchReport::Record> records(size_t(addresses.size()));
    qsizetype remaining = addresses.size();
    bool raceSettled = !race;
    bool anyFailed = false;
    bool outputFailed = false;

    auto printPoem = [&](const Poem &poem) {
        if (printPoems)
            outputFailed = !output.poems({&poem}) || outputFailed;
    };
    auto quitWhenDone = [&] {
        if (remaining == 0 && raceSettled)
            QCoreApplication::exit(0);
    };
    auto requestDone = [&](PoemJob *job) {
        records[size_t(indexOf.value(job->id()))] = FetchReport::record(*job);
        --remaining;
        quitWhenDone();
    };
    QObject::connect(&fetcher, &PoetryFetcher::poemReceived, [&](PoemJob *job, const Poem &poem) {
        if (verbose)
            output.error(QCoreApplication::translate("main",
                                                     "Task %1: got %2 bytes of poetry from "
                                                     "%3 in %4 s\n")
                                 .arg(indexOf.value(job->id()) + 1)
                                 .arg(poem.size())
                                 .arg(poem.source().toString())
                                 .arg(duration<double>(poem.trace().elapsed()).count(), 0, 'f', 3));
        // In a race, the race below prints its winner.
        if (stream && !race)
            printPoem(poem);
        else if (!race)
            poems[size_t(indexOf.value(job->id()))] = poem;
        requestDone(job);
    });
    QObject::connect(&fetcher, &PoetryFetcher::poemFailed,
                     [&](PoemJob *job, const Failure &failure) {
                         // In a race, only a failure of every member counts (see below).
                         if (!race) {
                             anyFailed = true;
                             output.error(QCoreApplication::translate("main", "Poem failed: %1")
                                                  .arg(failure.traceback()));
                         }
                         requestDone(job);
                     });

    QList<QFuture<Poem>> futures;
    for (qsizetype i = 0; i < addresses.size(); ++i) {
        // As given, for the report and the failures (parsed again: the same address).
        PoemJob *job = fetcher.fetch(arguments.at(i), options);
        indexOf.insert(job->id(), i);
        if (race)
            futures.append(job->future());
    }
    if (race) {
        // The first poem wins and the other requests are cancelled at once (their connections
        // closed); if every request fails, one FailureGroup tells each member's story.
        Futures::race(futures)
                .then(&fetcher, [&](const Futures::Raced<Poem> &won) { printPoem(won.value); })
                .onFailed(&fetcher,
                          [&](const FailureException &exception) {
                              anyFailed = true;
                              output.error(QCoreApplication::translate("main", "Poem failed: %1")
                                                   .arg(exception.failure().traceback()));
                          })
                .then(&fetcher, [&] {
                    raceSettled = true;
                    quitWhenDone();
                });
    }
    app.exec();

    int writeError = 0;
    if (!output.settle()) {
        outputFailed = true;
        writeError = errno;
    }
    std::vector<const Poem *> received;
    for (const auto &poem : poems) {
        if (poem)
            received.push_back(&*poem);
    }
    if (!received.empty() && printPoems && !output.poems(received)) {
        outputFailed = true;
        writeError = errno;
    }
    int status = anyFailed ? 1 : 0;
    if (outputFailed) {
        output.error(QCoreApplication::translate("main", "get-poetry: cannot write the poems: %1\n")
                             .arg(QString::fromLocal8Bit(std::strerror(writeError))));
        status = 1;
    }
    if (!reportPath.isEmpty() && !writeReport(reportPath, records, output))
        status = 1;
    return interruptedBy != 0 ? 128 + interruptedBy : status;
}
