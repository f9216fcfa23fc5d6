// poetry-server: serves poems over TCP, fast or slowly, with faults on demand.

#include "commandline.h"
#include "poetryserver.h"
#include "terminaltext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>

#include <cstdio>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

using CommandLine::usageError;

namespace {

// A poem file: a regular file of at most PoetryServer::maxFaultBytes. A device, a FIFO or a
// directory could be endless or block, so anything else is a usage error, as is a file that
// is (or grows while it is read) too large: the server never tries to hold it.
QByteArray readPoem(const QString &path)
{
    auto fail = [&path](const QString &reason) {
        usageError(QCoreApplication::translate("main", "Cannot read %1: %2").arg(path, reason));
    };
    const QString notRegular = QCoreApplication::translate("main", "not a regular file.");
    const QString tooLarge = QCoreApplication::translate("main", "larger than %1 bytes (1 GiB).")
                                     .arg(PoetryServer::maxFaultBytes);
    const QFileInfo info(path);
    if (info.exists() && !info.isFile())
        fail(notRegular); // before opening: opening a FIFO would wait for a writer
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(file.errorString());
    struct stat status = {};
    if (::fstat(file.handle(), &status) != 0 || !S_ISREG(status.st_mode))
        fail(notRegular);
    if (status.st_size > PoetryServer::maxFaultBytes)
        fail(tooLarge);
    QByteArray poem;
    poem.reserve(qsizetype(status.st_size));
    for (;;) {
        const QByteArray chunk = file.read(1024 * 1024);
        if (chunk.isEmpty())
            break;
        poem += chunk;
        if (poem.size() > PoetryServer::maxFaultBytes)
            fail(tooLarge);
    }
    if (file.error() != QFileDevice::NoError)
        fail(file.errorString());
    return poem;
}

} // namespace

int main(int argc, char *argv[])
{
    CommandLine::reserveStandardDescriptors();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"poetry-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(POETRY_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
            QCoreApplication::translate(
                    "main",
                    "Serves each FILE on a port of its own: every client that connects receives "
                    "the "
                    "poem, and the connection is closed.\nWith --delay the poem is sent slowly, "
                    "--num-bytes at a time. --fault makes the server misbehave: %1.")
                    .arg(PoetryServer::faultNames().join(u", "_s)));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions({
            {u"port"_s,
             QCoreApplication::translate("main",
                                         "Port of the first file; the next files take the "
                                         "following ports. 0 picks free ports."),
             u"N"_s, u"0"_s},
            {u"iface"_s, QCoreApplication::translate("main", "Interface to listen on."), u"ADDR"_s,
             u"127.0.0.1"_s},
            {u"delay"_s,
             QCoreApplication::translate("main", "Seconds between chunks; 0 sends at full speed."),
             u"S"_s, u"0"_s},
            {u"num-bytes"_s,
             QCoreApplication::translate("main", "Bytes per chunk when sending slowly."), u"N"_s,
             u"10"_s},
            {u"fault"_s,
             QCoreApplication::translate("main", "Misbehave: %1.")
                     .arg(PoetryServer::faultNames().join(u", "_s)),
             u"NAME"_s, u"none"_s},
            {u"fault-bytes"_s,
             QCoreApplication::translate("main",
                                         "Bytes sent before a reset, or random bytes "
                                         "to send (default: the poem's size); at most %1 "
                                         "(1 GiB).")
                     .arg(PoetryServer::maxFaultBytes),
             u"N"_s, u"0"_s},
    });
    parser.addPositionalArgument(
            u"FILE"_s,
            QCoreApplication::translate("main",
                                        "Poem files to serve: regular files of at most "
                                        "1 GiB."),
            u"FILE..."_s);
    CommandLine::process(parser);

    const QStringList files = parser.positionalArguments();
    if (files.isEmpty())
        usageError(QCoreApplication::translate("main", "No poem file given."));

    const QHostAddress iface(parser.value(u"iface"_s));
    if (iface.isNull())
        usageError(QCoreApplication::translate("main", "“%1” is not an IP address.")
                           .arg(parser.value(u"iface"_s)));
    const qint64 firstPort = CommandLine::countOption(parser, u"port"_s, 0);
    if (firstPort + files.size() - 1 > 65535)
        usageError(QCoreApplication::translate("main", "Port %1 is out of range.")
                           .arg(firstPort + files.size() - 1));
    const auto delay = CommandLine::durationOption(parser, u"delay"_s, 3600);
    const auto fault = PoetryServer::faultFromName(parser.value(u"fault"_s));
    if (!fault)
        usageError(
                QCoreApplication::translate("main", "Unknown fault “%1”; known faults: %2.")
                        .arg(parser.value(u"fault"_s), PoetryServer::faultNames().join(u", "_s)));

    PoetryServer::Options options;
    options.delay = delay;
    options.bytesPerChunk = CommandLine::countOption(parser, u"num-bytes"_s, 1);
    options.fault = *fault;
    options.faultBytes
            = CommandLine::countOption(parser, u"fault-bytes"_s, 0, PoetryServer::maxFaultBytes);

    // Read every poem before serving any: a bad file name is a mistake on the command line.
    QList<QByteArray> poems;
    for (const QString &path : files)
        poems.append(readPoem(path));

    std::vector<std::unique_ptr<PoetryServer>> servers;
    for (qsizetype i = 0; i < files.size(); ++i) {
        options.poem = poems.at(i);
        auto server = std::make_unique<PoetryServer>(options);
        const quint16 port = firstPort == 0 ? 0 : quint16(firstPort + i);
        if (!server->listen(iface, port)) {
            CommandLine::error(QCoreApplication::translate("main", "Cannot listen on %1: %2")
                                       .arg(Address(iface.toString(), port).toString(),
                                            server->errorString()));
            return 1;
        }
        std::printf(
                "%s\n",
                qPrintable(QCoreApplication::translate("main", "Serving %1 on %2.")
                                   .arg(TerminalText::escaped(QFileInfo(files.at(i)).fileName()),
                                        server->address().toString())));
        servers.push_back(std::move(server));
    }
    std::fflush(stdout);
    CommandLine::quitOnTerminationSignals();
    return app.exec();
}
