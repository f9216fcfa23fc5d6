// The Twisted tutorial's later clients (jdavisp3/twisted-intro: twisted-client-4, -5, -8, the
// timeout exercise of part 8, deferred-cancel/) as QFuture chains on PoemJob::future(), and the
// combinators of app/poetry/futures.h, against real servers on loopback.

#include "futures.h"
#include "poemjob.h"
#include "poetryfetcher.h"
#include "poetryserver.h"
#include "testpoems.h"
#include "testservers.h"

#include <QElapsedTimer>
#include <QTest>

#include <stdexcept>

using namespace Qt::StringLiterals;
using namespace std::chrono;
using Fault = PoetryServer::Fault;
using Kind = Failure::Kind;

namespace {

using TestServers::quickOptions;

// Client 5's transformation: lower case, as e. e. cummings wrote. A poem it cannot take is
// "gibberish", which the chain must not hide; anything else that goes wrong falls back to the
// untransformed poem.
struct GibberishError : std::runtime_error
{
    GibberishError() : std::runtime_error("gibberish") { }
};

QString cummingsify(const QString &poem)
{
    if (poem.contains(u"GIBBERISH"_s))
        throw GibberishError();
    if (poem.contains(u"BREAKS"_s))
        throw std::logic_error("the transformation broke");
    return poem.toLower();
}

template<typename T>
bool waitFor(const QFuture<T> &future, int timeoutMs = 10000)
{
    return QTest::qWaitFor([&] { return future.isFinished(); }, timeoutMs);
}

} // namespace

class TestFutures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void client4CallbackAndErrback();
    void client5TransformsAndRecovers();
    void client8GathersInOrder();
    void gatherFailsWithTheFirstFailure();
    void gatherCancelCancelsEveryMember();
    void part8TimeoutCancelsTheDownload();
    void deferredCancelReachesTheInnerRequest();
    void raceFirstPoemWinsOthersCancelled();
    void raceAllFailedCarriesEveryFailure();

private:
    std::unique_ptr<PoetryServer> good(const QByteArray &poem = TestPoems::utf8Poem(2000))
    {
        return TestServers::start(poem);
    }
    std::unique_ptr<PoetryServer> stalled()
    {
        return TestServers::start(QByteArray("unused"), Fault::Stall);
    }
    std::unique_ptr<PoetryServer> refusing()
    {
        return TestServers::start(QByteArray("unused"), Fault::Refuse);
    }
};

void TestFutures::client4CallbackAndErrback()
{
    // d = get_poetry(host, port); d.addCallbacks(got_poem, poem_failed)
    const auto server = good();
    const auto refused = refusing();
    PoetryFetcher fetcher;
    QStringList poems;
    QStringList errors;
    for (const Address &address : {server->address(), refused->address()}) {
        fetcher.fetch(address, quickOptions())
                ->future()
                .then(this, [&](const Poem &poem) { poems.append(poem.text()); })
                .onFailed(this, [&](const FailureException &failure) {
                    errors.append(failure.failure().typeName());
                });
    }
    QTRY_COMPARE(poems.size() + errors.size(), 2);
    QCOMPARE(poems, QStringList{QString::fromUtf8(server->servedBytes())});
    QCOMPARE(errors, QStringList{u"ConnectionRefusedError"_s});
}

void TestFutures::client5TransformsAndRecovers()
{
    // d.addCallback(try_to_cummingsify); d.addErrback(poem_failed)
    const auto plain = good("A Poem In Capitals\n");
    const auto breaks = good("This One BREAKS The Transformation\n");
    const auto gibberish = good("GIBBERISH\n");
    const auto refused = refusing();
    PoetryFetcher fetcher;
    auto fetchTransformed = [&](const Address &address) {
        return fetcher.fetch(address, quickOptions())
                ->future()
                .then(this,
                      [](const Poem &poem) {
                          try {
                              return cummingsify(poem.text());
                          } catch (const GibberishError &) {
                              throw;
                          } catch (const std::exception &) {
                              return poem.text(); // cummingsify failed: the poem as it was
                          }
                      })
                .onFailed(this,
                          // -> QString: a QStringBuilder would outlive the temporaries it reads.
                          [](const FailureException &failure) -> QString {
                              return u"download failed: "_s + failure.failure().typeName();
                          })
                .onFailed(this, [](const GibberishError &) { return u"gibberish"_s; });
    };
    const QFuture<QString> lowered = fetchTransformed(plain->address());
    const QFuture<QString> kept = fetchTransformed(breaks->address());
    const QFuture<QString> caught = fetchTransformed(gibberish->address());
    const QFuture<QString> failed = fetchTransformed(refused->address());
    QVERIFY(waitFor(lowered) && waitFor(kept) && waitFor(caught) && waitFor(failed));
    QCOMPARE(lowered.result(), u"a poem in capitals\n"_s);
    QCOMPARE(kept.result(), u"This One BREAKS The Transformation\n"_s);
    QCOMPARE(caught.result(), u"gibberish"_s);
    QCOMPARE(failed.result(), u"download failed: ConnectionRefusedError"_s);
}

void TestFutures::client8GathersInOrder()
{
    // DeferredList(ds, consumeErrors=True): every outcome, in the order asked.
    const auto slow = [] {
        PoetryServer::Options options = TestServers::options(TestPoems::utf8Poem(800));
        options.bytesPerChunk = 100;
        options.delay = 20ms;
        return TestServers::start(options);
    }();
    const auto fast = good(TestPoems::utf8Poem(300));
    const auto refused = refusing();
    PoetryFetcher fetcher;
    QList<QFuture<Poem>> futures;
    for (const Address &address : {slow->address(), refused->address(), fast->address()})
        futures.append(fetcher.fetch(address, quickOptions())->future());
    const QFuture<QList<Futures::Outcome<Poem>>> all = Futures::gatherOutcomes(futures);
    QVERIFY(waitFor(all));
    const QList<Futures::Outcome<Poem>> outcomes = all.result();
    QCOMPARE(outcomes.size(), 3);
    QVERIFY(outcomes.at(0).succeeded());
    QCOMPARE(outcomes.at(0).value->bytes(), slow->servedBytes());
    QVERIFY(!outcomes.at(1).succeeded());
    QCOMPARE(outcomes.at(1).failure->kind(), Kind::ConnectionRefused);
    QCOMPARE(outcomes.at(2).value->bytes(), fast->servedBytes());

    // gatherResults: the poems themselves, in order, when all arrive.
    QList<QFuture<Poem>> good;
    for (const Address &address : {slow->address(), fast->address()})
        good.append(fetcher.fetch(address, quickOptions())->future());
    const QFuture<QList<Poem>> poems = Futures::gather(good);
    QVERIFY(waitFor(poems));
    QCOMPARE(poems.result().size(), 2);
    QCOMPARE(poems.result().at(0).bytes(), slow->servedBytes());
    QCOMPARE(poems.result().at(1).bytes(), fast->servedBytes());
}

void TestFutures::gatherFailsWithTheFirstFailure()
{
    const auto stall = stalled();
    const auto refused = refusing();
    PoetryFetcher fetcher;
    PoemJob *running = fetcher.fetch(stall->address(), quickOptions());
    const QFuture<QList<Poem>> all = Futures::gather(
            QList{running->future(), fetcher.fetch(refused->address(), quickOptions())->future()});
    QVERIFY(waitFor(all));
    QCOMPARE(Futures::failureOf(all).kind(), Kind::ConnectionRefused);
    // fireOnOneErrback does not cancel the others: the stalled download runs on.
    QCOMPARE(running->state(), RequestState::Receiving);
    running->cancel();
}

void TestFutures::gatherCancelCancelsEveryMember()
{
    const auto stall = stalled();
    PoetryFetcher fetcher;
    QList<QFuture<Poem>> members;
    for (int i = 0; i < 3; ++i)
        members.append(fetcher.fetch(stall->address(), quickOptions())->future());
    QFuture<QList<Poem>> all = Futures::gather(members);
    QTRY_COMPARE(stall->openConnections(), 3);
    all.cancel();
    QTRY_COMPARE(stall->openConnections(), 0);
    QTRY_COMPARE(fetcher.pendingCount(), 0);
}

void TestFutures::part8TimeoutCancelsTheDownload()
{
    // The exercise: give get_poetry a timeout that cancels the download and fails with its
    // own error.
    const auto stall = stalled();
    PoetryFetcher fetcher;
    QElapsedTimer timer;
    timer.start();
    const QFuture<Poem> limited
            = Futures::timeout(fetcher.fetch(stall->address(), quickOptions())->future(), 300ms);
    QVERIFY(waitFor(limited));
    const Failure failure = Futures::failureOf(limited);
    QVERIFY2(timer.elapsed() >= 290, qPrintable(failure.traceback()));
    QCOMPARE(failure.kind(), Kind::Timeout);
    QCOMPARE(failure.typeName(), u"TimeoutError"_s);
    QTRY_COMPARE(stall->openConnections(), 0); // the download was cancelled, not abandoned
    QTRY_COMPARE(fetcher.pendingCount(), 0);

    // In time, the poem passes through untouched.
    const auto server = good();
    const QFuture<Poem> quick
            = Futures::timeout(fetcher.fetch(server->address(), quickOptions())->future(), 5s);
    QVERIFY(waitFor(quick));
    QCOMPARE(quick.result().bytes(), server->servedBytes());
}

void TestFutures::deferredCancelReachesTheInnerRequest()
{
    const auto stall = stalled();
    PoetryFetcher fetcher;

    // Qt 6.4 on its own: cancelling the outer future leaves the download running.
    PoemJob *unlinked = fetcher.fetch(stall->address(), quickOptions());
    QFuture<QString> outer
            = unlinked->future().then(this, [](const Poem &poem) { return poem.text(); });
    QTRY_COMPARE(stall->openConnections(), 1);
    outer.cancel();
    QTest::qWait(200);
    QCOMPARE(unlinked->state(), RequestState::Receiving);
    unlinked->cancel();
    QTRY_COMPARE(stall->openConnections(), 0);

    // Linked, as a Twisted chain is: cancelling the outer one cancels the request.
    PoemJob *linked = fetcher.fetch(stall->address(), quickOptions());
    const RequestId id = linked->id();
    int cancelled = 0;
    connect(&fetcher, &PoetryFetcher::poemFailed, this, [&](PoemJob *job, const Failure &failure) {
        if (job->id() == id && failure.kind() == Kind::Cancelled)
            ++cancelled;
    });
    QFuture<QString> chain = Futures::linkCancel(
            linked,
            linked->future()
                    .then(this, [](const Poem &poem) { return poem.text().toUpper(); })
                    .onFailed(this, [](const FailureException &) { return QString(); }));
    QTRY_COMPARE(stall->openConnections(), 1);
    chain.cancel();
    QTRY_COMPARE(cancelled, 1);
    QTRY_COMPARE(stall->openConnections(), 0);
}

void TestFutures::raceFirstPoemWinsOthersCancelled()
{
    const auto stall = stalled();
    const auto server = good();
    PoetryFetcher fetcher;
    QList<QFuture<Poem>> members;
    for (const Address &address : {stall->address(), stall->address(), server->address()})
        members.append(fetcher.fetch(address, quickOptions())->future());
    const QFuture<Futures::Raced<Poem>> winner = Futures::race(members);
    QVERIFY(waitFor(winner));
    QCOMPARE(winner.result().index, 2);
    QCOMPARE(winner.result().value.bytes(), server->servedBytes());
    QTRY_COMPARE(stall->openConnections(), 0); // the losers were cancelled and closed
    QTRY_COMPARE(fetcher.pendingCount(), 0);
}

void TestFutures::raceAllFailedCarriesEveryFailure()
{
    const auto refused = refusing();
    PoetryFetcher fetcher;
    const QFuture<Futures::Raced<Poem>> winner
            = Futures::race(QList{fetcher.fetch(refused->address(), quickOptions())->future(),
                                  fetcher.fetch(u"not an address"_s, quickOptions())->future()});
    QVERIFY(waitFor(winner));
    const Failure group = Futures::failureOf(winner);
    QCOMPARE(group.kind(), Kind::FailureGroup);
    QCOMPARE(group.typeName(), u"FailureGroup"_s);
    QCOMPARE(group.members().size(), size_t(2));
    QCOMPARE(group.members().at(0).kind(), Kind::ConnectionRefused);
    QCOMPARE(group.members().at(1).kind(), Kind::InvalidAddress);
    const QString traceback = group.traceback();
    QVERIFY2(traceback.contains(u"ConnectionRefusedError"_s), qPrintable(traceback));
    QVERIFY2(traceback.contains(u"InvalidAddress"_s), qPrintable(traceback));
}

QTEST_GUILESS_MAIN(TestFutures)
#include "tst_futures.moc"
