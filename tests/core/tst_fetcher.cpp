#include "fetchrecorder.h"
#include "fullbackloglistener.h"
#include "poemdecoder.h"
#include "poetryfetcher.h"
#include "poetryprotocol.h"
#include "poetryserver.h"
#include "serverthread.h"
#include "testpoems.h"
#include "testservers.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

#include <cerrno>
#include <memory>

using namespace Qt::StringLiterals;
using namespace std::chrono;
using Kind = Failure::Kind;

namespace {

using TestServers::start;

using TestServers::quickOptions;

// Fetches from `address` and waits for the outcome; an empty record if none came in time.
FetchRecorder::Record fetchOnce(const Address &address,
                                const FetchOptions &options = quickOptions())
{
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    const RequestId id = fetcher.fetch(address, options)->id();
    if (!recorder.waitForOutcomes(1, 15000))
        return {};
    return recorder.record(id);
}

} // namespace

class TestFetcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void receivesThePoem_data();
    void receivesThePoem();
    void emptyPoem();
    void refusedPortFailsAfterFetchReturns();
    void invalidAddressFailsAfterFetchReturns();
    void unresolvableName();
    void connectTimeout();
    void idleTimeout();
    void deadlineCoversTheWholeRequest();
    void sizeCapKeepsThePartialPoem();
    void resetMidPoemIsConnectionLost();
    void neverClosingServerTimesOutWithTheWholePoem();
    void noByteLostAtTheClose();
    void cancelQueuedAndActive();
    void concurrencyLimitHolds();
    void fiveHundredConcurrentFetches();
    void exactlyOneOutcomeUnderMixedFaults();
    void tracebackNamesTheCaller();
    void destroyingTheFetcherIsSilent();
    void runningOutOfDescriptorsQueuesInsteadOfFailing();
    void runningOutOfDescriptorsWithHostNames();
    void idleTimeoutNeverFiresWhileBytesWait();
    void hugeLimitsAreLimitsNotOverflows();
};

void TestFetcher::receivesThePoem_data()
{
    QTest::addColumn<qint64>("chunkSize");
    QTest::addColumn<int>("poemSize");
    QTest::newRow("1 byte") << qint64(1) << 200;
    QTest::newRow("3 bytes") << qint64(3) << 600;
    QTest::newRow("1 KiB") << qint64(1024) << 20'000;
    QTest::newRow("64 KiB") << qint64(65536) << 400'000;
    QTest::newRow("whole, 1 MiB") << qint64(0) << 1'000'000;
}

void TestFetcher::receivesThePoem()
{
    QFETCH(qint64, chunkSize);
    QFETCH(int, poemSize);
    PoetryServer::Options serverOptions;
    serverOptions.poem = TestPoems::utf8Poem(poemSize);
    serverOptions.bytesPerChunk = chunkSize;
    serverOptions.delay = chunkSize > 0 ? 1ms : 0ms;
    const auto server = start(serverOptions);

    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    PoemDecoder liveDecoder;
    QString liveText;
    const QString expectedText = QString::fromUtf8(serverOptions.poem);
    bool livePrefix = true;
    PoemJob *job = fetcher.fetch(server->address(), quickOptions());
    connect(job, &PoemJob::bytesArrived, this, [&](PoemJob *sender, qint64 count) {
        liveText += liveDecoder.decode(sender->bytes().right(qsizetype(count)));
        livePrefix = livePrefix && expectedText.startsWith(liveText);
    });
    const RequestId id = job->id();
    QVERIFY(recorder.waitForOutcomes(1));

    const auto &record = recorder.record(id);
    QVERIFY2(record.poem, qPrintable(record.failure ? record.failure->traceback() : QString()));
    QCOMPARE(record.poem->bytes(), serverOptions.poem);
    QCOMPARE(record.poem->text(), expectedText);
    QVERIFY(!record.poem->hasInvalidUtf8());
    QCOMPARE(record.poem->source(), server->address());
    QCOMPARE(record.streamed, serverOptions.poem);
    QVERIFY(livePrefix);
    QCOMPARE(liveText + liveDecoder.finish(), expectedText);
    QCOMPARE(record.progress.last(), serverOptions.poem.size());
    if (chunkSize == 1)
        QVERIFY(record.progress.size() > 10); // it really streamed
    QCOMPARE(record.states.first(), RequestState::Connecting);
    QCOMPARE(record.states.last(), RequestState::Done);
    QVERIFY(record.states.contains(RequestState::Receiving));
    QVERIFY(recorder.violations().isEmpty());
}

void TestFetcher::emptyPoem()
{
    const auto server = start("unused", PoetryServer::Fault::CloseAtOnce);
    const auto record = fetchOnce(server->address());
    QVERIFY(record.poem);
    QVERIFY(record.poem->isEmpty());
    QCOMPARE(record.poem->text(), QString());
}

void TestFetcher::refusedPortFailsAfterFetchReturns()
{
    const auto refusing = start("unused", PoetryServer::Fault::Refuse);
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    const RequestId id = fetcher.fetch(refusing->address().toString(), quickOptions())->id();
    // Nothing may come out of fetch() itself, not even for a port that refuses at once.
    QCOMPARE(recorder.outcomeCount(), 0);
    QVERIFY(recorder.record(id).states.isEmpty());
    QVERIFY(recorder.waitForOutcomes(1, 5000));

    const auto &failure = recorder.record(id).failure;
    QVERIFY(failure);
    QCOMPARE(failure->kind(), Kind::ConnectionRefused);
    QCOMPARE(failure->typeName(), u"ConnectionRefusedError"_s);
    QCOMPARE(failure->systemErrorCode(), ECONNREFUSED);
    QCOMPARE(failure->errorMessage(),
             u"Connection was refused by other side: 111: Connection refused."_s);
    QCOMPARE(failure->address(), refusing->address().toString());
    QVERIFY(failure->partialPoem().isEmpty());
    QCOMPARE(recorder.record(id).states.last(), RequestState::Failed);
}

void TestFetcher::invalidAddressFailsAfterFetchReturns()
{
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    const RequestId id = fetcher.fetch(u"localhost:0"_s)->id();
    QVERIFY(id != 0);
    QCOMPARE(recorder.outcomeCount(), 0);
    QVERIFY(recorder.waitForOutcomes(1, 1000));
    const auto &failure = recorder.record(id).failure;
    QVERIFY(failure);
    QCOMPARE(failure->kind(), Kind::InvalidAddress);
    QVERIFY2(failure->message().contains(u"between 1 and 65535"_s), qPrintable(failure->message()));
    QCOMPARE(failure->address(), u"localhost:0"_s);
}

void TestFetcher::unresolvableName()
{
    // RFC 2606 reserves .invalid: it never resolves.
    const auto record = fetchOnce(Address(u"no-such-poetry-server.invalid"_s, 10001));
    QVERIFY(record.failure);
    QCOMPARE(record.failure->kind(), Kind::DNSLookup);
    QCOMPARE(record.failure->typeName(), u"DNSLookupError"_s);
    QVERIFY(record.failure->errorMessage().contains(u"no-such-poetry-server.invalid"_s));
    QVERIFY(record.states.contains(RequestState::Resolving));
}

void TestFetcher::connectTimeout()
{
    FullBacklogListener blackHole;
    QVERIFY(blackHole.isValid());
    FetchOptions options = quickOptions();
    options.connectTimeout = 300ms;
    const auto start = steady_clock::now();
    const auto record = fetchOnce(blackHole.address(), options);
    const auto elapsed = steady_clock::now() - start;
    QVERIFY(record.failure);
    QCOMPARE(record.failure->kind(), Kind::Timeout);
    QCOMPARE(record.failure->timeoutPhase(), Failure::TimeoutPhase::Connect);
    QVERIFY(elapsed >= 300ms);
    QVERIFY(elapsed < 2s);
}

void TestFetcher::idleTimeout()
{
    const auto server = start("unused", PoetryServer::Fault::Stall);
    FetchOptions options = quickOptions();
    options.idleTimeout = 300ms;
    const auto record = fetchOnce(server->address(), options);
    QVERIFY(record.failure);
    QCOMPARE(record.failure->kind(), Kind::Timeout);
    QCOMPARE(record.failure->timeoutPhase(), Failure::TimeoutPhase::Idle);
    // The connection is closed: the server sees it go.
    QTRY_COMPARE(server->openConnections(), 0);
}

void TestFetcher::deadlineCoversTheWholeRequest()
{
    PoetryServer::Options slow;
    slow.poem = TestPoems::utf8Poem(5000);
    slow.bytesPerChunk = 10;
    slow.delay = 10ms; // about 5 s in all: far beyond the deadline, but never idle
    const auto server = start(slow);
    FetchOptions options = quickOptions();
    options.idleTimeout = 200ms;
    options.deadline = 500ms;
    const auto start = steady_clock::now();
    const auto record = fetchOnce(server->address(), options);
    QVERIFY(steady_clock::now() - start < 1500ms);
    QVERIFY(record.failure);
    QCOMPARE(record.failure->kind(), Kind::Timeout);
    QCOMPARE(record.failure->timeoutPhase(), Failure::TimeoutPhase::Deadline);
    const QByteArray partial = record.failure->partialPoem().bytes();
    QVERIFY(!partial.isEmpty());
    QVERIFY(slow.poem.startsWith(partial));
    QTRY_COMPARE(server->openConnections(), 0);
}

void TestFetcher::sizeCapKeepsThePartialPoem()
{
    const QByteArray verse = TestPoems::utf8Poem(3000);
    const auto server = start(verse, PoetryServer::Fault::Endless);
    FetchOptions options = quickOptions();
    options.maxPoemSize = 100'000;
    const auto record = fetchOnce(server->address(), options);
    QVERIFY(record.failure);
    QCOMPARE(record.failure->kind(), Kind::PoemTooLarge);
    const QByteArray partial = record.failure->partialPoem().bytes();
    QCOMPARE(partial.size(), 100'000);
    QCOMPARE(partial.left(verse.size()), verse);
    QCOMPARE(record.progress.last(), 100'000);
    QTRY_COMPARE(server->openConnections(), 0);
}

void TestFetcher::resetMidPoemIsConnectionLost()
{
    // Qt reports a reset like a clean close; without the kernel's view this would "succeed".
    const QByteArray poem = TestPoems::utf8Poem(50'000);
    for (qint64 resetAfter : {qint64(0), qint64(1), qint64(4096), qint64(20'000)}) {
        const auto server = start(poem, PoetryServer::Fault::ResetAfter, resetAfter);
        const auto record = fetchOnce(server->address());
        QVERIFY2(record.failure,
                 qPrintable(u"reset after %1 bytes was taken for a poem"_s.arg(resetAfter)));
        QCOMPARE(record.failure->kind(), Kind::ConnectionLost);
        QCOMPARE(record.failure->systemErrorCode(), ECONNRESET);
        QCOMPARE(record.failure->partialPoem().bytes(), poem.left(resetAfter));
        QCOMPARE(server->acceptedConnections(), 1); // one attempt: never a silent reconnect
    }
}

void TestFetcher::neverClosingServerTimesOutWithTheWholePoem()
{
    const QByteArray poem = TestPoems::utf8Poem(2000);
    const auto server = start(poem, PoetryServer::Fault::NeverClose);
    FetchOptions options = quickOptions();
    options.idleTimeout = 300ms;
    const auto record = fetchOnce(server->address(), options);
    QVERIFY(record.failure);
    QCOMPARE(record.failure->timeoutPhase(), Failure::TimeoutPhase::Idle);
    QCOMPARE(record.failure->partialPoem().bytes(), poem);
}

void TestFetcher::noByteLostAtTheClose()
{
    // The server writes and closes at once, so the last bytes and the FIN often arrive together.
    PoetryFetcher fetcher;
    fetcher.setMaxConcurrentConnections(20);
    FetchRecorder recorder(&fetcher, false);
    std::vector<std::unique_ptr<PoetryServer>> servers;
    std::vector<std::pair<RequestId, QByteArray>> expected;
    QRandomGenerator generator(7);
    for (int i = 0; i < 10; ++i)
        servers.push_back(start(TestPoems::utf8Poem(generator.bounded(1, 300'000))));
    for (int i = 0; i < 200; ++i) {
        const auto &server = servers.at(size_t(i % 10));
        expected.emplace_back(fetcher.fetch(server->address(), quickOptions())->id(),
                              server->options().poem);
    }
    QVERIFY(recorder.waitForOutcomes(200, 30000));
    for (const auto &[id, poem] : expected) {
        QVERIFY(recorder.record(id).poem);
        QCOMPARE(recorder.record(id).poem->bytes(), poem);
    }
}

void TestFetcher::cancelQueuedAndActive()
{
    const auto server = start("unused", PoetryServer::Fault::Stall);
    PoetryFetcher fetcher;
    fetcher.setMaxConcurrentConnections(1);
    FetchRecorder recorder(&fetcher);
    QPointer<PoemJob> activeJob = fetcher.fetch(server->address(), quickOptions());
    QPointer<PoemJob> queuedJob = fetcher.fetch(server->address(), quickOptions());
    activeJob->setAutoDelete(false);
    const RequestId active = activeJob->id();
    const RequestId queued = queuedJob->id();
    QTRY_COMPARE(server->openConnections(), 1);
    QCOMPARE(queuedJob->state(), RequestState::Queued);

    QVERIFY(queuedJob->cancel());
    QVERIFY(!queuedJob->cancel());        // already ended
    QCOMPARE(recorder.outcomeCount(), 0); // delivered from the event loop, not from cancel()
    QVERIFY(activeJob->cancel());
    QVERIFY(recorder.waitForOutcomes(2, 2000));
    for (RequestId id : {active, queued}) {
        const auto &record = recorder.record(id);
        QVERIFY(record.failure);
        QCOMPARE(record.failure->kind(), Kind::Cancelled);
        QCOMPARE(record.failure->typeName(), u"CancelledError"_s);
        QCOMPARE(record.states.last(), RequestState::Cancelled);
    }
    QCOMPARE(server->acceptedConnections(), 1); // the queued one never connected
    QTRY_COMPARE(server->openConnections(), 0); // the active one was closed
    QVERIFY(!activeJob->cancel());
    QCOMPARE(activeJob->state(), RequestState::Cancelled);
    QTRY_VERIFY(!queuedJob); // deleted itself once finished (autoDelete)
    delete activeJob;
    QCOMPARE(fetcher.activeCount(), 0);
    QTest::qWait(100);
    QVERIFY(recorder.violations().isEmpty());
}

void TestFetcher::concurrencyLimitHolds()
{
    PoetryServer::Options slow;
    slow.poem = TestPoems::utf8Poem(200);
    slow.bytesPerChunk = 50;
    slow.delay = 20ms;
    const auto server = start(slow);
    PoetryFetcher fetcher;
    fetcher.setMaxConcurrentConnections(5);
    FetchRecorder recorder(&fetcher, false);
    int maxActive = 0;
    connect(&fetcher, &PoetryFetcher::jobAdded, this, [&](PoemJob *job) {
        connect(job, &PoemJob::stateChanged, this,
                [&] { maxActive = std::max(maxActive, fetcher.activeCount()); });
    });
    std::vector<RequestId> ids;
    for (int i = 0; i < 30; ++i)
        ids.push_back(fetcher.fetch(server->address(), quickOptions())->id());
    QVERIFY(recorder.waitForOutcomes(30, 20000));
    for (RequestId id : ids)
        QVERIFY(recorder.record(id).poem);
    QCOMPARE(server->acceptedConnections(), 30);
    QCOMPARE(server->peakConnections(), 5); // the limit was reached, never passed
    QCOMPARE(maxActive, 5);
}

void TestFetcher::fiveHundredConcurrentFetches()
{
    std::vector<std::unique_ptr<PoetryServer>> servers;
    for (int i = 0; i < 5; ++i)
        servers.push_back(start(TestPoems::utf8Poem(3000 + i)));
    PoetryFetcher fetcher;
    fetcher.setMaxConcurrentConnections(500);
    FetchRecorder recorder(&fetcher, false);
    std::vector<std::pair<RequestId, int>> ids;
    for (int i = 0; i < 500; ++i)
        ids.emplace_back(fetcher.fetch(servers.at(size_t(i % 5))->address(), quickOptions())->id(),
                         i % 5);
    QVERIFY(recorder.waitForOutcomes(500, 30000));
    int received = 0;
    for (const auto &[id, server] : ids) {
        const auto &record = recorder.record(id);
        if (record.poem && record.poem->bytes() == servers.at(size_t(server))->options().poem)
            ++received;
        else if (record.failure)
            qWarning("%s", qPrintable(record.failure->traceback()));
    }
    QCOMPARE(received, 500);
    QVERIFY(recorder.violations().isEmpty());
}

void TestFetcher::exactlyOneOutcomeUnderMixedFaults()
{
    using Fault = PoetryServer::Fault;
    const QByteArray poem = TestPoems::utf8Poem(20'000);
    std::vector<std::unique_ptr<PoetryServer>> servers;
    for (Fault fault : {Fault::None, Fault::Refuse, Fault::CloseAtOnce, Fault::Stall,
                        Fault::ResetAfter, Fault::NeverClose, Fault::RandomBytes, Fault::Endless})
        servers.push_back(start(poem, fault, 5000));
    FullBacklogListener blackHole;

    PoetryFetcher fetcher;
    fetcher.setMaxConcurrentConnections(25);
    FetchRecorder recorder(&fetcher, false);
    FetchOptions options;
    options.connectTimeout = 400ms;
    options.idleTimeout = 400ms;
    options.deadline = 3s;
    options.maxPoemSize = 200'000;
    QRandomGenerator generator(2024);
    std::vector<RequestId> ids;
    std::vector<QPointer<PoemJob>> jobs;
    for (int i = 0; i < 240; ++i) {
        const int pick = generator.bounded(int(servers.size()) + 2);
        PoemJob *job = nullptr;
        if (pick < int(servers.size()))
            job = fetcher.fetch(servers.at(size_t(pick))->address(), options);
        else if (pick == int(servers.size()))
            job = fetcher.fetch(blackHole.address(), options);
        else
            job = fetcher.fetch(u"not an address"_s, options);
        ids.push_back(job->id());
        jobs.emplace_back(job);
        if (generator.bounded(10) == 0) {
            if (PoemJob *victim = jobs.at(size_t(generator.bounded(qsizetype(jobs.size())))))
                victim->cancel();
        }
    }
    QVERIFY(recorder.waitForOutcomes(int(ids.size()), 60000));
    QTest::qWait(600); // anything late would show up now
    for (RequestId id : ids)
        QCOMPARE(recorder.record(id).outcomes, 1);
    QCOMPARE(recorder.outcomeCount(), int(ids.size()));
    QVERIFY2(recorder.violations().isEmpty(), qPrintable(recorder.violations().join(u'\n')));
    QCOMPARE(fetcher.pendingCount(), 0);
    QCOMPARE(fetcher.activeCount(), 0);
    for (const auto &server : servers)
        QTRY_COMPARE(server->openConnections(), 0);
}

void TestFetcher::tracebackNamesTheCaller()
{
    const auto refusing = start("unused", PoetryServer::Fault::Refuse);
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    const RequestId id = fetcher.fetch(refusing->address(), quickOptions())->id();
    const int line = __LINE__ - 1;
    QVERIFY(recorder.waitForOutcomes(1, 5000));
    const QStringList lines = recorder.record(id).failure->traceback().trimmed().split(u'\n');
    QCOMPARE(lines.first(), u"Traceback (most recent call last):"_s);
    QCOMPARE(lines.at(1),
             u"  request #%1 made at tests/core/tst_fetcher.cpp:%2 in "
             "TestFetcher::tracebackNamesTheCaller"_s.arg(id)
                     .arg(line));
    QVERIFY(lines.at(2).endsWith(u"queued"_s));
    QVERIFY(lines.at(3).endsWith(u"connecting to "_s + refusing->address().toString()));
    QVERIFY(lines.at(4).endsWith(u"connection refused"_s));
    QCOMPARE(lines.last(),
             u"ConnectionRefusedError: Connection was refused by other side: 111: "
             "Connection refused."_s);
    const QRegularExpression step(u"^  \\+\\d+\\.\\d{3} s  \\S"_s);
    for (qsizetype i = 2; i < lines.size() - 1; ++i)
        QVERIFY2(step.match(lines.at(i)).hasMatch(), qPrintable(lines.at(i)));
}

void TestFetcher::destroyingTheFetcherIsSilent()
{
    const auto server = start("unused", PoetryServer::Fault::Stall);
    auto fetcher = std::make_unique<PoetryFetcher>();
    int outcomes = 0;
    connect(fetcher.get(), &PoetryFetcher::poemFailed, this, [&] { ++outcomes; });
    connect(fetcher.get(), &PoetryFetcher::poemReceived, this, [&] { ++outcomes; });
    for (int i = 0; i < 10; ++i)
        fetcher->fetch(server->address(), quickOptions())->id();
    QTRY_COMPARE(server->openConnections(), 10);
    fetcher.reset();
    QTRY_COMPARE(server->openConnections(), 0);
    QCOMPARE(outcomes, 0);
}

namespace {

// A slow poetry-server in a process of its own, so that only the client is short of
// descriptors; returns its address ("127.0.0.1:PORT"), or nothing.
std::optional<Address> serveInProcess(QProcess &server, const QTemporaryDir &directory,
                                      const QByteArray &poem)
{
    QFile file(directory.filePath(u"poem.txt"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write(poem) != poem.size())
        return std::nullopt;
    file.close();
    server.start(QStringLiteral(POETRY_SERVER_PATH),
                 {u"--delay"_s, u"0.01"_s, u"--num-bytes"_s, u"500"_s, file.fileName()});
    if (!server.waitForReadyRead(10000))
        return std::nullopt;
    const QString line = QString::fromUtf8(server.readLine()).trimmed();
    return Address::parse(line.section(u' ', -1).chopped(1)); // "Serving poem.txt on ADDR."
}

// Lowers RLIMIT_NOFILE for as long as it lives.
class DescriptorLimit
{
public:
    explicit DescriptorLimit(rlim_t limit)
    {
        m_ok = ::getrlimit(RLIMIT_NOFILE, &m_original) == 0;
        rlimit lowered = m_original;
        lowered.rlim_cur = limit;
        m_ok = m_ok && ::setrlimit(RLIMIT_NOFILE, &lowered) == 0;
    }
    ~DescriptorLimit() { ::setrlimit(RLIMIT_NOFILE, &m_original); }
    bool isSet() const { return m_ok; }

private:
    rlimit m_original{};
    bool m_ok = false;
};

} // namespace

void TestFetcher::runningOutOfDescriptorsQueuesInsteadOfFailing()
{
    const QByteArray poem = TestPoems::utf8Poem(3000);
    QTemporaryDir directory;
    QProcess server;
    const auto address = serveInProcess(server, directory, poem);
    QVERIFY(address);

    const DescriptorLimit limit(128);
    QVERIFY(limit.isSet());
    PoetryFetcher fetcher;
    fetcher.setMaxConcurrentConnections(1000); // far more than the descriptors allow
    FetchRecorder recorder(&fetcher, false);
    std::vector<RequestId> ids;
    for (int i = 0; i < 600; ++i)
        ids.push_back(fetcher.fetch(*address, quickOptions())->id());
    QVERIFY(recorder.waitForOutcomes(600, 60000));
    int received = 0;
    for (RequestId id : ids) {
        const auto &record = recorder.record(id);
        if (record.poem && record.poem->bytes() == poem)
            ++received;
        else if (record.failure)
            qWarning("%s", qPrintable(record.failure->traceback()));
    }
    QCOMPARE(received, 600);
    QVERIFY(recorder.violations().isEmpty());
    server.kill();
    server.waitForFinished();
}

void TestFetcher::runningOutOfDescriptorsWithHostNames()
{
    // Issue 11, item 5: with names in the mix, a lookup that finds no free descriptor was a
    // DNSLookupError ("Host not found"), and Qt's lookup thread could abort the whole process
    // ("Cannot continue without a thread pipe"). Every request must get its poem.
    const QByteArray poem = TestPoems::utf8Poem(3000);
    QTemporaryDir directory;
    QProcess server;
    const auto address = serveInProcess(server, directory, poem);
    QVERIFY(address);
    const Address byName(u"localhost"_s, address->port());

    for (int round = 0; round < 3; ++round) {
        const DescriptorLimit limit(40);
        QVERIFY(limit.isSet());
        PoetryFetcher fetcher;
        fetcher.setMaxConcurrentConnections(1000);
        FetchRecorder recorder(&fetcher, false);
        std::vector<RequestId> ids;
        for (int i = 0; i < 45; ++i)
            ids.push_back(fetcher.fetch(i % 4 == 3 ? byName : *address, quickOptions())->id());
        QVERIFY(recorder.waitForOutcomes(int(ids.size()), 60000));
        int received = 0;
        for (RequestId id : ids) {
            const auto &record = recorder.record(id);
            if (record.poem && record.poem->bytes() == poem)
                ++received;
            else if (record.failure)
                qWarning("%s", qPrintable(record.failure->traceback()));
        }
        QCOMPARE(received, int(ids.size()));
        QVERIFY(recorder.violations().isEmpty());
    }
    server.kill();
    server.waitForFinished();
}

void TestFetcher::idleTimeoutNeverFiresWhileBytesWait()
{
    // Issue 11's flake: an idle timeout must not strike while the server's bytes (and its
    // close) already wait unread because the event loop was busy elsewhere. The server, on a
    // thread of its own, sends the whole poem 100 ms after the connection; the client is held
    // for 600 ms meanwhile, then its limits are checked before it reads anything.
    PoetryServer::Options options = TestServers::options(TestPoems::utf8Poem(2000));
    options.delay = 100ms;
    ServerThread serverThread(options, 1);
    serverThread.start();
    const QList<Address> addresses = serverThread.waitForAddresses();
    QCOMPARE(addresses.size(), 1);

    FetchOptions idle = quickOptions();
    idle.idleTimeout = 200ms;
    PoetryProtocol protocol(addresses.first(), idle);
    protocol.start();
    QTRY_COMPARE(protocol.state(), RequestState::Receiving);
    QThread::msleep(600); // busy: the poem and the close arrive, unread
    protocol.checkTimeouts(PoetryProtocol::Clock::now());
    QVERIFY2(!protocol.isFinished(),
             qPrintable(protocol.failure() ? protocol.failure()->errorMessage() : QString()));
    QTRY_VERIFY(protocol.isFinished());
    QVERIFY(!protocol.failure());
    QCOMPARE(protocol.bytes().size(), 2000);
}

void TestFetcher::hugeLimitsAreLimitsNotOverflows()
{
    // Issue 11, item 12: a deadline above about 9.22e12 ms overflowed the clock's nanoseconds
    // when compared, and every fetch failed at once "by the deadline". Limits of any size are
    // compared in milliseconds now: the largest there is means "a very long time".
    // Slow enough for the watchdog (every 50 ms) to look at the limits several times.
    PoetryServer::Options slow = TestServers::options(TestPoems::utf8Poem(1000));
    slow.bytesPerChunk = 200;
    slow.delay = 50ms;
    const auto server = start(slow);
    FetchOptions huge;
    huge.connectTimeout = std::chrono::milliseconds::max();
    huge.idleTimeout = std::chrono::milliseconds::max();
    huge.deadline = std::chrono::milliseconds(10'000'000'000'000); // 317 years: 1e19 ns
    const auto record = fetchOnce(server->address(), huge);
    QVERIFY2(record.poem, qPrintable(record.failure ? record.failure->traceback() : QString()));
    QCOMPARE(record.poem->bytes(), server->servedBytes());
}

QTEST_GUILESS_MAIN(TestFetcher)
#include "tst_fetcher.moc"
