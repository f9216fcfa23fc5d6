// PoemJob: the timeline of a success, pause and resume by TCP backpressure, the future, and
// happy eyeballs (RFC 8305) against real servers on loopback.

#include "connector.h"
#include "fetchrecorder.h"
#include "fullbackloglistener.h"
#include "hostresolver.h"
#include "poemjob.h"
#include "poetryfetcher.h"
#include "poetryserver.h"
#include "testpoems.h"
#include "testservers.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QPointer>
#include <QTest>

#include <net/if.h>

using namespace Qt::StringLiterals;
using namespace std::chrono;
using Event = RequestTrace::Event;
using Fault = PoetryServer::Fault;

namespace {

using TestServers::quickOptions;

int countEvents(const RequestTrace &trace, Event event)
{
    return int(
            std::count_if(trace.steps().cbegin(), trace.steps().cend(),
                          [event](const RequestTrace::Step &step) { return step.event == event; }));
}

// Waits until `value()` stops changing for `quiet`, at most `limit`; returns the last value.
qint64 settle(const std::function<qint64()> &value, milliseconds quiet, milliseconds limit)
{
    QElapsedTimer timer;
    timer.start();
    qint64 last = value();
    QElapsedTimer still;
    still.start();
    while (timer.elapsed() < limit.count()) {
        QTest::qWait(20);
        const qint64 now = value();
        if (now != last) {
            last = now;
            still.restart();
        } else if (still.elapsed() >= quiet.count()) {
            break;
        }
    }
    return last;
}

} // namespace

class TestPoemJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void successCarriesTheTimeline();
    void chunksAreBounded();
    void pauseStopsTheServersWrites();
    void pausedJobKeepsItsIdleTimeoutButNotItsDeadline();
    void closeWhilePausedEndsOnResume();
    void futureCarriesPoemAndFailure();
    void cancellingTheFutureCancelsTheJob();
    void happyEyeballs_data();
    void happyEyeballs();
    void happyEyeballsFirstRefusedTriesNextAtOnce();
    void linkLocalScopeByInterfaceName();
};

void TestPoemJob::successCarriesTheTimeline()
{
    PoetryServer::Options options = TestServers::options(TestPoems::utf8Poem(3000));
    options.bytesPerChunk = 500;
    options.delay = 10ms;
    const auto server = TestServers::start(options);
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    PoemJob *job = fetcher.fetch(server->address(), quickOptions());
    job->setAutoDelete(false);
    const std::unique_ptr<PoemJob> owner(job);
    int chunks = 0;
    connect(job, &PoemJob::bytesArrived, this, [&] { ++chunks; });
    QVERIFY(recorder.waitForOutcomes(1));
    QCOMPARE(job->state(), RequestState::Done);
    QVERIFY(!job->failure());
    QCOMPARE(job->bytes(), server->servedBytes());

    const RequestTrace &trace = job->trace();
    QCOMPARE(trace.steps().first().event, Event::Queued);
    QCOMPARE(countEvents(trace, Event::AttemptStarted), 1);
    QCOMPARE(countEvents(trace, Event::Connected), 1);
    QCOMPARE(countEvents(trace, Event::FirstByte), 1);
    QCOMPARE(countEvents(trace, Event::LastByte), 1);
    QCOMPARE(trace.chunkCount(), qint64(chunks));
    QVERIFY(chunks >= 2);
    QCOMPARE(trace.chunkBytes(), job->bytesReceived());
    // Every time in order, and the phases add up to the whole.
    for (qsizetype i = 1; i < trace.steps().size(); ++i)
        QVERIFY(trace.steps().at(i).elapsed >= trace.steps().at(i - 1).elapsed);
    const RequestTrace::Phases phases = trace.phases();
    QVERIFY(phases.queued && phases.connecting && phases.waiting && phases.receiving
            && phases.total);
    QVERIFY(!phases.resolving);         // an IP address: nothing to look up
    QVERIFY(*phases.receiving >= 20ms); // six chunks 10 ms apart
    QVERIFY(*phases.queued + *phases.connecting + *phases.waiting + *phases.receiving
            <= *phases.total);
    QCOMPARE(recorder.record(job).poem->trace().chunkCount(), trace.chunkCount());
}

void TestPoemJob::chunksAreBounded()
{
    // 4 MiB in 4 KiB chunks: a thousand of them, not a thousand records.
    PoetryServer::Options options = TestServers::options(QByteArray(4 * 1024 * 1024, 'a'));
    options.bytesPerChunk = 4096;
    options.delay = 1ms;
    const auto server = TestServers::start(options);
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher, false);
    const RequestId id = fetcher.fetch(server->address(), quickOptions())->id();
    QVERIFY(recorder.waitForOutcomes(1, 60000));
    const auto &poem = recorder.record(id).poem;
    QVERIFY(poem);
    QCOMPARE(poem->size(), 4 * 1024 * 1024);
    const RequestTrace &trace = poem->trace();
    QVERIFY2(trace.chunkCount() > RequestTrace::maxChunksKept,
             qPrintable(QString::number(trace.chunkCount())));
    QCOMPARE(trace.chunks().size(), RequestTrace::maxChunksKept);
    QCOMPARE(trace.chunkBytes(), poem->size());
    QVERIFY(trace.steps().size() < 20);
}

void TestPoemJob::pauseStopsTheServersWrites()
{
    // An endless server writes as fast as the client reads. Paused, the client reads nothing:
    // the kernel's buffers and the server's write window fill, and its writes stop.
    const auto server = TestServers::start(TestPoems::utf8Poem(64 * 1024), Fault::Endless);
    PoetryFetcher fetcher;
    FetchOptions options = quickOptions();
    options.maxPoemSize = 0;
    QPointer<PoemJob> job = fetcher.fetch(server->address(), options);
    QTRY_VERIFY(job->bytesReceived() > 1024 * 1024);
    QVERIFY(job->suspend());
    QVERIFY(!job->suspend()); // already paused
    QCOMPARE(job->state(), RequestState::Paused);

    const qint64 stopped = settle([&] { return server->sentBytes(); }, 500ms, 20s);
    const qint64 received = job->bytesReceived();
    QTest::qWait(500);
    QCOMPARE(server->sentBytes(), stopped);   // the server's writes have stopped...
    QCOMPARE(job->bytesReceived(), received); // ... and the job reads nothing
    // What is in flight is bounded by the buffers, not by the poem: kernel and Qt together.
    QVERIFY2(stopped - received < 32 * 1024 * 1024,
             qPrintable(u"%1 bytes in flight"_s.arg(stopped - received)));

    QVERIFY(job->resume());
    QCOMPARE(job->state(), RequestState::Receiving);
    QTRY_VERIFY(server->sentBytes() > stopped + 4 * 1024 * 1024);
    QTRY_VERIFY(job->bytesReceived() > received + 4 * 1024 * 1024);
    QCOMPARE(countEvents(job->trace(), Event::Paused), 1);
    QCOMPARE(countEvents(job->trace(), Event::Resumed), 1);
    QVERIFY(job->cancel());
    QTRY_COMPARE(server->openConnections(), 0);
}

void TestPoemJob::pausedJobKeepsItsIdleTimeoutButNotItsDeadline()
{
    const auto server = TestServers::start(QByteArray("unused"), Fault::Stall);
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    FetchOptions idle = quickOptions();
    idle.idleTimeout = 200ms;
    FetchOptions deadline = quickOptions();
    deadline.idleTimeout = 0ms;
    deadline.deadline = 600ms;
    PoemJob *pausedIdle = fetcher.fetch(server->address(), idle);
    PoemJob *pausedDeadline = fetcher.fetch(server->address(), deadline);
    const RequestId idleId = pausedIdle->id();
    const RequestId deadlineId = pausedDeadline->id();
    QTRY_COMPARE(server->openConnections(), 2);
    QVERIFY(pausedIdle->suspend());
    QVERIFY(pausedDeadline->suspend());
    // Paused, a stalled server is not idle: only the deadline ends a job.
    QVERIFY(recorder.waitForOutcomes(1, 5000));
    QTest::qWait(600); // three idle timeouts more
    QCOMPARE(recorder.outcomeCount(), 1);
    const auto &ended = recorder.record(deadlineId);
    QVERIFY(ended.failure);
    QCOMPARE(ended.failure->kind(), Failure::Kind::Timeout);
    QCOMPARE(ended.failure->timeoutPhase(), Failure::TimeoutPhase::Deadline);
    QCOMPARE(pausedIdle->state(), RequestState::Paused);
    // Resumed, the idle timeout runs again.
    QVERIFY(pausedIdle->resume());
    QVERIFY(recorder.waitForOutcomes(2, 5000));
    QCOMPARE(recorder.record(idleId).failure->timeoutPhase(), Failure::TimeoutPhase::Idle);
    QVERIFY(recorder.violations().isEmpty());
}

void TestPoemJob::closeWhilePausedEndsOnResume()
{
    // Paused before it connects: the short poem and the close arrive, but the job waits.
    const auto server = TestServers::start(TestPoems::utf8Poem(5000));
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    PoemJob *job = fetcher.fetch(server->address(), quickOptions());
    const RequestId id = job->id();
    QVERIFY(job->suspend());
    QCOMPARE(job->state(), RequestState::Paused);
    QTRY_COMPARE(server->acceptedConnections(), 1);
    QTRY_COMPARE(server->openConnections(), 0); // the server has sent it all and closed
    QTest::qWait(200);
    QCOMPARE(recorder.outcomeCount(), 0);
    QCOMPARE(job->state(), RequestState::Paused);
    QCOMPARE(job->bytesReceived(), 0);
    QVERIFY(job->resume());
    QVERIFY(recorder.waitForOutcomes(1, 5000));
    QVERIFY(recorder.record(id).poem);
    QCOMPARE(recorder.record(id).poem->bytes(), server->servedBytes());
    QCOMPARE(recorder.record(id).states.last(), RequestState::Done);
}

void TestPoemJob::futureCarriesPoemAndFailure()
{
    const auto good = TestServers::start(TestPoems::utf8Poem(2000));
    const auto refusing = TestServers::start(QByteArray("unused"), Fault::Refuse);
    PoetryFetcher fetcher;
    QFuture<Poem> poem = fetcher.fetch(good->address(), quickOptions())->future();
    QFuture<Poem> refused = fetcher.fetch(refusing->address(), quickOptions())->future();
    QTRY_VERIFY(poem.isFinished() && refused.isFinished());
    QCOMPARE(poem.resultCount(), 1);
    QCOMPARE(poem.result().bytes(), good->servedBytes());
    QCOMPARE(refused.resultCount(), 0);
    try {
        refused.waitForFinished();
        QFAIL("no exception");
    } catch (const FailureException &exception) {
        QCOMPARE(exception.failure().kind(), Failure::Kind::ConnectionRefused);
        QVERIFY(exception.failure().traceback().contains(u"connection refused"_s));
    }

    // A future asked for after the end is ready at once.
    PoemJob *late = fetcher.fetch(good->address(), quickOptions());
    late->setAutoDelete(false);
    const std::unique_ptr<PoemJob> owner(late);
    QTRY_VERIFY(late->isFinished());
    QTest::qWait(50);
    QVERIFY(late->future().isFinished());
    QCOMPARE(late->future().result().bytes(), good->servedBytes());
}

void TestPoemJob::cancellingTheFutureCancelsTheJob()
{
    const auto server = TestServers::start(QByteArray("unused"), Fault::Stall);
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    PoemJob *job = fetcher.fetch(server->address(), quickOptions());
    const RequestId id = job->id();
    QFuture<Poem> future = job->future();
    QTRY_COMPARE(server->openConnections(), 1);
    future.cancel();
    QVERIFY(recorder.waitForOutcomes(1, 2000));
    QCOMPARE(recorder.record(id).failure->kind(), Failure::Kind::Cancelled);
    QTRY_COMPARE(server->openConnections(), 0);
    QVERIFY(future.isCanceled());
}

void TestPoemJob::happyEyeballs_data()
{
    QTest::addColumn<bool>("silentFamilyIsIPv6");
    QTest::newRow("IPv6 drops, IPv4 serves") << true;
    QTest::newRow("IPv4 drops, IPv6 serves") << false;
}

void TestPoemJob::happyEyeballs()
{
    // One name, two addresses on one port: the first drops every SYN (its accept queue is
    // full), the second serves. The second attempt starts 250 ms after the first, not after
    // the connect timeout, and wins; the first is closed.
    QFETCH(bool, silentFamilyIsIPv6);
    const QHostAddress silentHost = silentFamilyIsIPv6 ? QHostAddress(QHostAddress::LocalHostIPv6)
                                                       : QHostAddress(QHostAddress::LocalHost);
    const QHostAddress servingHost = silentFamilyIsIPv6 ? QHostAddress(QHostAddress::LocalHost)
                                                        : QHostAddress(QHostAddress::LocalHostIPv6);
    std::unique_ptr<PoetryServer> server;
    std::unique_ptr<FullBacklogListener> silent;
    for (int attempt = 0; attempt < 20 && !(silent && silent->isValid()); ++attempt) {
        server = std::make_unique<PoetryServer>(TestServers::options(TestPoems::utf8Poem(1000)));
        QVERIFY2(server->listen(servingHost), qPrintable(server->errorString()));
        silent = std::make_unique<FullBacklogListener>(silentHost, server->serverPort());
    }
    QVERIFY2(silent && silent->isValid(), "no port free on both families");

    const QString name = u"dual-stack.poetry.test"_s;
    HostResolver::instance().pin(name, {silentHost, servingHost});
    const auto unpin = qScopeGuard([&] { HostResolver::instance().unpin(name); });
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    FetchOptions options = quickOptions();
    options.connectTimeout = 20s;
    QElapsedTimer timer;
    timer.start();
    const RequestId id = fetcher.fetch(Address(name, server->serverPort()), options)->id();
    QVERIFY(recorder.waitForOutcomes(1, 15000));
    const qint64 elapsed = timer.elapsed();
    const auto &record = recorder.record(id);
    QVERIFY2(record.poem, qPrintable(record.failure ? record.failure->traceback() : QString()));
    QCOMPARE(record.poem->bytes(), server->servedBytes());
    // About 250 ms; far from the 20 s connect timeout whatever the machine's load.
    QVERIFY2(elapsed >= 240 && elapsed < 5000, qPrintable(QString::number(elapsed)));

    const RequestTrace &trace = record.poem->trace();
    QCOMPARE(countEvents(trace, Event::Resolving), 1);
    QCOMPARE(countEvents(trace, Event::AttemptStarted), 2);
    const auto attempts = [&] {
        QStringList texts;
        for (const auto &step : trace.steps()) {
            if (step.event == Event::AttemptStarted || step.event == Event::Connected)
                texts.append(step.text);
        }
        return texts;
    }();
    const QString silentTarget = Address(silentHost.toString(), server->serverPort()).toString();
    const QString servingTarget = Address(servingHost.toString(), server->serverPort()).toString();
    QVERIFY2(attempts.at(0).endsWith(silentTarget), qPrintable(attempts.join(u'\n')));
    QVERIFY2(attempts.at(1).endsWith(servingTarget), qPrintable(attempts.join(u'\n')));
    QVERIFY2(attempts.at(2).endsWith(servingTarget), qPrintable(attempts.join(u'\n')));
}

void TestPoemJob::happyEyeballsFirstRefusedTriesNextAtOnce()
{
    // A refused first address does not wait the 250 ms: the next attempt starts at once.
    const auto refusing = TestServers::start(QByteArray("unused"), Fault::Refuse);
    auto server = std::make_unique<PoetryServer>(TestServers::options(TestPoems::utf8Poem(500)));
    QVERIFY(server->listen(QHostAddress::LocalHostIPv6, refusing->serverPort()));
    const QString name = u"refused-first.poetry.test"_s;
    HostResolver::instance().pin(
            name,
            {QHostAddress(QHostAddress::LocalHost), QHostAddress(QHostAddress::LocalHostIPv6)});
    const auto unpin = qScopeGuard([&] { HostResolver::instance().unpin(name); });
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher);
    const RequestId id = fetcher.fetch(Address(name, refusing->serverPort()), quickOptions())->id();
    QVERIFY(recorder.waitForOutcomes(1, 5000));
    const auto &record = recorder.record(id);
    QVERIFY2(record.poem, qPrintable(record.failure ? record.failure->traceback() : QString()));
    const RequestTrace &trace = record.poem->trace();
    QCOMPARE(countEvents(trace, Event::AttemptFailed), 1);
    const auto failed = trace.firstTime(Event::AttemptFailed);
    const auto second = trace.lastTime(Event::AttemptStarted);
    QVERIFY(failed && second);
    QVERIFY2(*second - *failed < 200ms, "the second attempt waited for the timer");
}

void TestPoemJob::linkLocalScopeByInterfaceName()
{
    // "[fe80::1%lo]:PORT": the interface name must reach the kernel as its index (it was
    // dropped: scope 0, EINVAL). The loopback interface is "lo" on Linux, index 1 here.
    const uint32_t lo = ::if_nametoindex("lo");
    QVERIFY(lo != 0);
    QCOMPARE(Connector::scopeIndex(u"lo"_s), lo);
    QCOMPARE(Connector::scopeIndex(QString::number(lo)), lo);
    QCOMPARE(Connector::scopeIndex(u"7"_s), 7u);
    QCOMPARE(Connector::scopeIndex(QString()), 0u);
    QCOMPARE(Connector::scopeIndex(u"no-such-interface0"_s), 0u);
    // And QHostAddress keeps the name for the connector to read.
    QCOMPARE(QHostAddress(u"fe80::1%lo"_s).scopeId(), u"lo"_s);
}

QTEST_GUILESS_MAIN(TestPoemJob)
#include "tst_poemjob.moc"
