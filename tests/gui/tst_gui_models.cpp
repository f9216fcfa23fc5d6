// The window's models: every change they make passes QAbstractItemModelTester, the downloads
// model follows real fetches from real servers, and its updates are coalesced.

#include "downloadmodel.h"
#include "guitestsupport.h"
#include "poetryfetcher.h"
#include "poetryserver.h"
#include "serverlistio.h"
#include "serverlistmodel.h"
#include "testpoems.h"
#include "waterfallrow.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono;

namespace {

constexpr int timeoutMs = 20'000;

std::unique_ptr<PoetryServer> startServer(const PoetryServer::Options &options)
{
    auto server = std::make_unique<PoetryServer>(options);
    if (!server->listen(QHostAddress::LocalHost))
        return nullptr;
    return server;
}

PoetryServer::Options slowPoem(const QByteArray &poem, qint64 chunk = 64, milliseconds delay = 5ms)
{
    PoetryServer::Options options;
    options.poem = poem;
    options.bytesPerChunk = chunk;
    options.delay = delay;
    return options;
}

RequestState stateOf(const QAbstractItemModel &model, int row)
{
    return model.index(row, DownloadModel::StateColumn)
            .data(DownloadModel::StateRole)
            .value<RequestState>();
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();

    void serverListPassesTester();
    void serverListRejectsBadAddresses();
    void serverListImportsClassicForm();
    void serverListSavesAndLoads();
    void serverListSurvivesADamagedFile();

    void downloadModelFollowsFetches();
    void downloadModelCancelRetryRemove();
    void downloadModelKnowsSizeFromLastPoem();
    void downloadModelCoalescesUpdates();
    void downloadModelTimingColumns();
    void sortedProxyPassesTester();

private:
    std::unique_ptr<QTemporaryDir> m_settingsDir;
};

void TestModels::initTestCase()
{
    m_settingsDir = GuiTest::isolateSettings();
}

void TestModels::init()
{
    QSettings().clear();
}

void TestModels::serverListPassesTester()
{
    ServerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.addServer(u"one"_s, u"10001"_s), 0);
    QCOMPARE(model.addServer({}, u"localhost:10002"_s), 1);
    QCOMPARE(model.addServer(u"three"_s, u"[::1]:10003"_s, true), 2);
    QCOMPARE(model.rowCount(), 3);
    // The same address in another form is the same server.
    QCOMPARE(model.addServer(u"again"_s, u"127.0.0.1:10001"_s), 0);
    QCOMPARE(model.rowCount(), 3);

    QCOMPARE(model.index(0, ServerListModel::AddressColumn).data().toString(),
             u"127.0.0.1:10001"_s);
    QCOMPARE(model.index(1, ServerListModel::NameColumn).data().toString(), u"localhost:10002"_s);

    QVERIFY(model.setData(model.index(0, ServerListModel::NameColumn), u"renamed"_s));
    QCOMPARE(model.index(0, ServerListModel::NameColumn).data().toString(), u"renamed"_s);
    QVERIFY(model.setData(model.index(0, ServerListModel::AddressColumn), u"10005"_s));
    QCOMPARE(model.index(0, ServerListModel::AddressColumn).data().toString(),
             u"127.0.0.1:10005"_s);
    // Demo servers keep their address: it is where the server really is.
    QVERIFY(!(model.flags(model.index(2, ServerListModel::AddressColumn)) & Qt::ItemIsEditable));

    model.setLastResult(u"localhost:10002"_s, RequestState::Failed, u"ConnectionRefusedError"_s);
    QCOMPARE(model.index(1, ServerListModel::ResultColumn).data().toString(),
             u"ConnectionRefusedError"_s);

    QVERIFY(model.removeRows(0, 2));
    QCOMPARE(model.rowCount(), 1);
    QVERIFY(!model.removeRows(1, 1));
}

void TestModels::serverListRejectsBadAddresses()
{
    ServerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QCOMPARE(model.addServer({}, u"localhost:abc"_s, false, &error), -1);
    QVERIFY2(error.contains(u"not a number"_s), qPrintable(error));
    QCOMPARE(model.rowCount(), 0);

    QCOMPARE(model.addServer({}, u"10001"_s), 0);
    QVERIFY(!model.setData(model.index(0, ServerListModel::AddressColumn), u"host:"_s));
    QCOMPARE(model.index(0, ServerListModel::AddressColumn).data().toString(),
             u"127.0.0.1:10001"_s);
}

void TestModels::serverListImportsClassicForm()
{
    ServerListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const ServerListIo::Parsed parsed
            = ServerListIo::parse(u"# my servers\n10001 localhost:10002 [::1]:10003\n"
                                  "\n  example.org:7  \nnot-an-address\n10001\n"_s);
    const int added = model.addServers(parsed.entries);
    QCOMPARE(added, 4);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(parsed.errors.size(), 1);
    QCOMPARE(parsed.errors.at(0).line, 5);
    QCOMPARE(model.index(3, ServerListModel::AddressColumn).data().toString(), u"example.org:7"_s);
}

void TestModels::serverListSavesAndLoads()
{
    {
        ServerListModel model;
        model.addServer(u"kept"_s, u"10001"_s);
        model.addServer(u"demo"_s, u"10002"_s, true);
        model.addServer({}, u"[::1]:10003"_s);
        QSettings settings;
        model.save(settings);
    }
    ServerListModel loaded;
    QAbstractItemModelTester tester(&loaded,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    loaded.load(QSettings());
    QCOMPARE(loaded.rowCount(), 2); // demo servers are not saved
    QCOMPARE(loaded.server(0).name, u"kept"_s);
    QCOMPARE(loaded.server(0).address, u"127.0.0.1:10001"_s);
    QCOMPARE(loaded.server(1).address, u"[::1]:10003"_s);
}

void TestModels::serverListSurvivesADamagedFile()
{
    {
        QSettings settings;
        settings.setValue(u"servers/size"_s, 2'000'000'000); // a damaged count
        settings.setValue(u"servers/1/name"_s, u"first"_s);
        settings.setValue(u"servers/1/address"_s, u"10001"_s);
        settings.setValue(u"servers/2/address"_s, u"not an address"_s);
        settings.setValue(u"servers/7/name"_s, u"<b>seventh</b>"_s);
        settings.setValue(u"servers/7/address"_s, u"localhost:7"_s);
        settings.setValue(u"servers/x/address"_s, u"10009"_s);
    }
    ServerListModel loaded;
    QElapsedTimer timer;
    timer.start();
    loaded.load(QSettings());
    QVERIFY2(timer.elapsed() < 1000, "loading must not walk the claimed two billion entries");
    QCOMPARE(loaded.rowCount(), 2); // the bad address and the key that is no index are skipped
    QCOMPARE(loaded.server(0).name, u"first"_s);
    QCOMPARE(loaded.server(1).name, u"<b>seventh</b>"_s); // a name is text, kept as typed
    QCOMPARE(loaded.server(1).address, u"localhost:7"_s);
}

void TestModels::downloadModelFollowsFetches()
{
    const QByteArray poem = TestPoems::utf8Poem(3000);
    auto good = startServer(slowPoem(poem));
    PoetryServer::Options refuseOptions;
    refuseOptions.fault = PoetryServer::Fault::Refuse;
    auto refused = startServer(refuseOptions);
    QVERIFY(good && refused);

    PoetryFetcher fetcher;
    DownloadModel model(&fetcher);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy finished(&model, &DownloadModel::downloadFinished);
    QSignalSpy results(&model, &DownloadModel::serverResult);

    const DownloadId goodId = model.fetch(u"good"_s, good->address(), {});
    const DownloadId refusedId = model.fetch(u"refused"_s, refused->address(), {});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.activeCount(), 2);
    QCOMPARE(stateOf(model, 0), RequestState::Queued);

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, timeoutMs);
    const Download &done = model.download(model.rowOf(goodId));
    QCOMPARE(done.state(), RequestState::Done);
    QCOMPARE(done.bytes(), poem);
    QCOMPARE(done.bytesReceived(), poem.size());
    const Download &failed = model.download(model.rowOf(refusedId));
    QCOMPARE(failed.state(), RequestState::Failed);
    QVERIFY(failed.failure());
    QCOMPARE(failed.failure()->typeName(), u"ConnectionRefusedError"_s);
    QTRY_COMPARE(model.activeCount(), 0);
    QCOMPARE(model.doneCount(), 1);
    QCOMPARE(model.failedCount(), 1);
    QCOMPARE(results.size(), 2);
    QCOMPARE(model.index(0, DownloadModel::StateColumn).data().toString(), u"Done"_s);
    QCOMPARE(model.index(1, DownloadModel::StateColumn).data().toString(), u"Failed"_s);
}

void TestModels::downloadModelCancelRetryRemove()
{
    PoetryServer::Options stallOptions;
    stallOptions.poem = "never sent";
    stallOptions.fault = PoetryServer::Fault::Stall;
    auto stalled = startServer(stallOptions);
    auto good = startServer(slowPoem("a short poem\n", 0, 0ms));
    auto trickle = startServer(slowPoem(QByteArray(400, 'x'), 10, 50ms)); // 2 s
    QVERIFY(stalled && good && trickle);

    PoetryFetcher fetcher;
    DownloadModel model(&fetcher);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy restarted(&model, &DownloadModel::downloadRestarted);

    model.fetch(u"stalled"_s, stalled->address(), {});
    model.fetch(u"good"_s, good->address(), {});
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 0), RequestState::Receiving, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 1), RequestState::Done, timeoutMs);
    // Connected, not a byte yet: shown as waiting, not as receiving.
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, DownloadModel::StateColumn).data().toString(),
                              u"Waiting"_s, timeoutMs);
    // Bytes arriving, however slowly: receiving.
    model.fetch(u"trickle"_s, trickle->address(), {});
    QTRY_VERIFY_WITH_TIMEOUT(model.download(2).bytesReceived() > 0, timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(model.index(2, DownloadModel::StateColumn).data().toString(),
                              u"Receiving"_s, timeoutMs);
    QVERIFY(model.removeRows(2, 1));
    QVERIFY(!model.retry(0, {})); // still running
    QVERIFY(model.cancel(0));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 0), RequestState::Cancelled, timeoutMs);
    QCOMPARE(model.download(0).failure()->typeName(), u"CancelledError"_s);
    QCOMPARE(model.cancelledCount(), 1);

    // A retry runs in the same row, from the start.
    const DownloadId id = model.download(1).id;
    QVERIFY(model.retry(1, {}));
    QCOMPARE(restarted.size(), 1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.download(1).id, id);
    QCOMPARE(stateOf(model, 1), RequestState::Queued);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 1), RequestState::Done, timeoutMs);
    QCOMPARE(model.download(1).bytes(), QByteArray("a short poem\n"));

    // Removing a running download cancels it; its CancelledError finds no row.
    model.fetch(u"stalled again"_s, stalled->address(), {});
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 2), RequestState::Receiving, timeoutMs);
    QVERIFY(model.removeRows(2, 1));
    QCOMPARE(model.rowCount(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(fetcher.pendingCount(), 0, timeoutMs);
    QCOMPARE(model.activeCount(), 0);

    model.fetch(u"stalled third"_s, stalled->address(), {});
    model.clearFinished();
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.download(0).serverName, u"stalled third"_s);
    model.cancelAll();
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 0), RequestState::Cancelled, timeoutMs);
}

void TestModels::downloadModelKnowsSizeFromLastPoem()
{
    const QByteArray poem = TestPoems::utf8Poem(2000);
    auto server = startServer(slowPoem(poem, 100, 20ms));
    QVERIFY(server);
    PoetryFetcher fetcher;
    DownloadModel model(&fetcher);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.fetch({}, server->address(), {});
    QCOMPARE(model.index(0, 0).data(DownloadModel::ExpectedSizeRole).toLongLong(), -1);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 0), RequestState::Done, timeoutMs);
    QCOMPARE(model.knownSize(server->address().toString()), poem.size());

    model.fetch({}, server->address(), {});
    QCOMPARE(model.index(1, 0).data(DownloadModel::ExpectedSizeRole).toLongLong(), poem.size());
    // Part-way, the progress column shows a percentage of the estimate.
    QTRY_VERIFY_WITH_TIMEOUT(model.download(1).bytesReceived() > 0, timeoutMs);
    QTRY_VERIFY(model.index(1, DownloadModel::ProgressColumn).data().toString().endsWith(u'%'));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 1), RequestState::Done, timeoutMs);
    QCOMPARE(model.index(1, DownloadModel::ProgressColumn).data().toString(), u"100%"_s);
}

void TestModels::downloadModelTimingColumns()
{
    // Waiting, ETA (from the server's last poem) and the waterfall's rows on one shared axis.
    const QByteArray poem = TestPoems::utf8Poem(2000);
    auto server = startServer(slowPoem(poem, 100, 30ms));
    QVERIFY(server);
    PoetryFetcher fetcher;
    DownloadModel model(&fetcher);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.headerData(DownloadModel::WaitingColumn, Qt::Horizontal), u"Waiting"_s);
    QCOMPARE(model.headerData(DownloadModel::EtaColumn, Qt::Horizontal), u"ETA"_s);
    QCOMPARE(model.headerData(DownloadModel::WaterfallColumn, Qt::Horizontal), u"Waterfall"_s);
    QVERIFY(model.waterfallAxis()->isEmpty());

    model.fetch({}, server->address(), {});
    QVERIFY(!model.waterfallAxis()->isEmpty());
    QCOMPARE(model.waterfallAxis()->origin(), model.download(0).trace().startTime());
    // No earlier poem: no ETA, ever.
    QTRY_VERIFY_WITH_TIMEOUT(model.download(0).bytesReceived() > 0, timeoutMs);
    QTRY_VERIFY(!model.index(0, DownloadModel::WaitingColumn).data().toString().isEmpty());
    QCOMPARE(model.index(0, DownloadModel::EtaColumn).data().toString(), QString());
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 0), RequestState::Done, timeoutMs);
    const auto first = model.index(0, DownloadModel::WaterfallColumn)
                               .data(DownloadModel::WaterfallRole)
                               .value<WaterfallRow>();
    QCOMPARE(first.offset, nanoseconds(0));
    QCOMPARE(first.spans.size(), 4); // queued, connecting, waiting, receiving (no lookup)
    QCOMPARE(first.spans.last().phase, PhaseTimeline::Phase::Receiving);
    const auto waited = model.index(0, DownloadModel::WaitingColumn).data(DownloadModel::SortRole);
    QCOMPARE(waited.toLongLong(), first.spans.at(2).length.count());

    // The second fetch of the server knows the size: an ETA while it runs, none once done.
    QSignalSpy axisChanged(model.waterfallAxis(), &WaterfallAxis::changed);
    model.fetch({}, server->address(), {});
    QTRY_VERIFY_WITH_TIMEOUT(!model.index(1, DownloadModel::EtaColumn).data().toString().isEmpty()
                                     || stateOf(model, 1) == RequestState::Done,
                             timeoutMs);
    QVERIFY2(stateOf(model, 1) != RequestState::Done, "no ETA while the second fetch ran");
    QVERIFY(model.index(1, DownloadModel::EtaColumn).data(DownloadModel::SortRole).toLongLong()
            >= 0);
    QVERIFY(!axisChanged.isEmpty()); // the axis follows the running row
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, 1), RequestState::Done, timeoutMs);
    QCOMPARE(model.index(1, DownloadModel::EtaColumn).data().toString(), QString());
    const auto second = model.index(1, DownloadModel::WaterfallColumn)
                                .data(DownloadModel::WaterfallRole)
                                .value<WaterfallRow>();
    QCOMPARE(second.offset,
             model.download(1).trace().startTime() - model.waterfallAxis()->origin());
    QVERIFY(second.offset > nanoseconds(0));
    QVERIFY(model.waterfallAxis()->end()
            >= model.download(1).trace().startTime() + *model.download(1).trace().endTime());
    QVERIFY(!model.index(1, DownloadModel::WaterfallColumn)
                     .data(Qt::AccessibleTextRole)
                     .toString()
                     .isEmpty());

    // The rows go, the axis goes with them.
    model.clearFinished();
    QVERIFY(model.waterfallAxis()->isEmpty());
}

void TestModels::downloadModelCoalescesUpdates()
{
    // 20 downloads of 200 chunks each: 4,000 chunks. One dataChanged per chunk would be 4,000
    // signals; coalesced at 10 Hz it is a few per tick for the whole run.
    const QByteArray poem = TestPoems::utf8Poem(4000);
    auto server = startServer(slowPoem(poem, 20, 5ms));
    QVERIFY(server);
    PoetryFetcher fetcher;
    DownloadModel model(&fetcher);
    QSignalSpy changes(&model, &DownloadModel::dataChanged);
    qint64 chunkCount = 0;
    connect(&fetcher, &PoetryFetcher::jobAdded, this, [&](PoemJob *job) {
        connect(job, &PoemJob::bytesArrived, this, [&] { ++chunkCount; });
    });
    constexpr int downloads = 20;
    for (int i = 0; i < downloads; ++i)
        model.fetch({}, server->address(), {});
    QElapsedTimer timer;
    timer.start();
    QTRY_COMPARE_WITH_TIMEOUT(model.doneCount(), downloads, 60'000);
    QTest::qWait(2 * DownloadModel::updateIntervalMs); // the last coalesced update
    const qint64 ticks = timer.elapsed() / DownloadModel::updateIntervalMs + 2;

    qInfo("%lld chunks, %lld dataChanged signals in %lld ms", chunkCount, qint64(changes.size()),
          timer.elapsed());
    QVERIFY2(chunkCount > 5 * changes.size(),
             qPrintable(u"%1 chunks, %2 dataChanged"_s.arg(chunkCount).arg(changes.size())));
    // Contiguous changed rows go out as one range: about one signal per tick here (two where a
    // finished row splits the running ones).
    QVERIFY2(changes.size() <= 2 * ticks,
             qPrintable(u"%1 dataChanged in %2 ticks"_s.arg(changes.size()).arg(ticks)));
    bool sawRange = false;
    for (const QList<QVariant> &change : std::as_const(changes)) {
        const auto topLeft = change.at(0).toModelIndex();
        const auto bottomRight = change.at(1).toModelIndex();
        sawRange = sawRange || bottomRight.row() > topLeft.row();
    }
    QVERIFY(sawRange);
}

void TestModels::sortedProxyPassesTester()
{
    auto fast = startServer(slowPoem("quick\n", 0, 0ms));
    auto slow = startServer(slowPoem(TestPoems::utf8Poem(1500), 100, 10ms));
    QVERIFY(fast && slow);
    PoetryFetcher fetcher;
    DownloadModel model(&fetcher);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(DownloadModel::SortRole);
    proxy.sort(DownloadModel::BytesColumn, Qt::DescendingOrder);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    for (int i = 0; i < 3; ++i) {
        model.fetch(u"fast"_s, fast->address(), {});
        model.fetch(u"slow"_s, slow->address(), {});
    }
    QTRY_COMPARE_WITH_TIMEOUT(model.doneCount(), 6, timeoutMs);
    QTest::qWait(2 * DownloadModel::updateIntervalMs);
    // Sorted by size, largest first: the slow server's longer poem heads the list.
    QCOMPARE(proxy.index(0, DownloadModel::ServerColumn).data().toString(), u"slow"_s);
    QCOMPARE(proxy.index(5, DownloadModel::ServerColumn).data().toString(), u"fast"_s);
    model.clearFinished();
    QCOMPARE(proxy.rowCount(), 0);
}

QTEST_MAIN(TestModels)
#include "tst_gui_models.moc"
