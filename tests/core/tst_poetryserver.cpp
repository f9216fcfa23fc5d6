#include "fetchrecorder.h"
#include "poetryfetcher.h"
#include "poetryserver.h"
#include "testpoems.h"
#include "testservers.h"

#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace std::chrono;
using Fault = PoetryServer::Fault;

using TestServers::options;

class TestPoetryServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void faultNamesRoundTrip();
    void servesSlowlyInChunks();
    void clientsAreServedIndependently();
    void refuseReservesThePort();
    void stallKeepsTheConnectionOpen();
    void neverCloseSendsThePoemAndStaysOpen();
    void randomBytesAreNotThePoem();
    void endlessNeverStops();
    void servesIPv6();
};

void TestPoetryServer::faultNamesRoundTrip()
{
    const QStringList names = PoetryServer::faultNames();
    QCOMPARE(names.size(), 8);
    for (const QString &name : names)
        QCOMPARE(PoetryServer::faultName(*PoetryServer::faultFromName(name)), name);
    QCOMPARE(PoetryServer::faultFromName(u"reset"_s), Fault::ResetAfter);
    QCOMPARE(PoetryServer::faultFromName(u"explode"_s), std::nullopt);
}

void TestPoetryServer::servesSlowlyInChunks()
{
    PoetryServer::Options slow = options(TestPoems::utf8Poem(200));
    slow.bytesPerChunk = 10;
    slow.delay = 20ms;
    PoetryServer server(slow);
    QVERIFY(server.listen());

    QTcpSocket client;
    QByteArray received;
    int reads = 0;
    connect(&client, &QIODevice::readyRead, this, [&] {
        received += client.readAll();
        ++reads;
    });
    const auto start = steady_clock::now();
    client.connectToHost(server.serverAddress(), server.serverPort());
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, 10000);
    const auto elapsed = steady_clock::now() - start;
    QCOMPARE(received, slow.poem);
    // 20 chunks, 20 ms apart: the poem trickles in over about 0.4 s.
    QVERIFY2(reads >= 10, qPrintable(QString::number(reads)));
    QVERIFY(elapsed >= 300ms);
}

void TestPoetryServer::clientsAreServedIndependently()
{
    PoetryServer::Options slow = options(TestPoems::utf8Poem(300));
    slow.bytesPerChunk = 30;
    slow.delay = 10ms;
    PoetryServer server(slow);
    QVERIFY(server.listen());
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher, false);
    std::vector<RequestId> ids;
    for (int i = 0; i < 20; ++i)
        ids.push_back(fetcher.fetch(server.address())->id());
    QTest::qWait(50); // late joiners start from the beginning of the poem too
    for (int i = 0; i < 20; ++i)
        ids.push_back(fetcher.fetch(server.address())->id());
    QVERIFY(recorder.waitForOutcomes(40));
    for (RequestId id : ids) {
        QVERIFY(recorder.record(id).poem);
        QCOMPARE(recorder.record(id).poem->bytes(), slow.poem);
    }
    QCOMPARE(server.acceptedConnections(), 40);
    QTRY_COMPARE(server.openConnections(), 0);
}

void TestPoetryServer::refuseReservesThePort()
{
    PoetryServer refusing(options("unused", Fault::Refuse));
    QVERIFY(refusing.listen());
    QVERIFY(refusing.serverPort() != 0);
    QVERIFY(refusing.isListening());
    // Nobody else can listen there meanwhile.
    PoetryServer other(options("poem"));
    QVERIFY(!other.listen(QHostAddress::LocalHost, refusing.serverPort()));
    QVERIFY(!other.errorString().isEmpty());

    QTcpSocket client;
    client.connectToHost(refusing.serverAddress(), refusing.serverPort());
    QTRY_COMPARE(client.error(), QAbstractSocket::ConnectionRefusedError);
    refusing.close();
    QVERIFY(!refusing.isListening());
}

void TestPoetryServer::stallKeepsTheConnectionOpen()
{
    PoetryServer server(options("never sent", Fault::Stall));
    QVERIFY(server.listen());
    QTcpSocket client;
    client.connectToHost(server.serverAddress(), server.serverPort());
    QTRY_COMPARE(server.openConnections(), 1);
    QTest::qWait(200);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(client.bytesAvailable(), 0);
    client.abort();
    QTRY_COMPARE(server.openConnections(), 0); // the server notices the client leave
}

void TestPoetryServer::neverCloseSendsThePoemAndStaysOpen()
{
    const QByteArray poem = TestPoems::utf8Poem(5000);
    PoetryServer server(options(poem, Fault::NeverClose));
    QVERIFY(server.listen());
    QTcpSocket client;
    QByteArray received;
    connect(&client, &QIODevice::readyRead, this, [&] { received += client.readAll(); });
    client.connectToHost(server.serverAddress(), server.serverPort());
    QTRY_COMPARE(received, poem);
    QTest::qWait(200);
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
    QCOMPARE(server.openConnections(), 1);
}

void TestPoetryServer::randomBytesAreNotThePoem()
{
    const QByteArray poem = TestPoems::utf8Poem(4000);
    PoetryServer server(options(poem, Fault::RandomBytes, 10'000));
    QVERIFY(server.listen());
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher, false);
    const RequestId id = fetcher.fetch(server.address())->id();
    QVERIFY(recorder.waitForOutcomes(1));
    const auto &received = recorder.record(id).poem;
    QVERIFY(received);
    QCOMPARE(received->size(), 10'000);
    QCOMPARE(received->bytes(), server.servedBytes());
    QVERIFY(!received->bytes().contains(poem.left(100)));
    QVERIFY(received->hasInvalidUtf8()); // 10,000 random bytes are never all valid UTF-8
}

void TestPoetryServer::endlessNeverStops()
{
    const QByteArray poem = TestPoems::utf8Poem(1000);
    PoetryServer server(options(poem, Fault::Endless));
    QVERIFY(server.listen());
    QTcpSocket client;
    qint64 received = 0;
    QByteArray head;
    connect(&client, &QIODevice::readyRead, this, [&] {
        const QByteArray bytes = client.readAll();
        if (head.size() < 3 * poem.size())
            head += bytes;
        received += bytes.size();
    });
    client.connectToHost(server.serverAddress(), server.serverPort());
    QTRY_VERIFY(received > 10 * 1024 * 1024);
    QVERIFY(head.startsWith(poem.repeated(3))); // the poem, again and again
    QCOMPARE(client.state(), QAbstractSocket::ConnectedState);
}

void TestPoetryServer::servesIPv6()
{
    PoetryServer server(options("over six"));
    if (!server.listen(QHostAddress::LocalHostIPv6))
        QSKIP("IPv6 loopback is not available here");
    QCOMPARE(server.address().toString(), u"[::1]:%1"_s.arg(server.serverPort()));
    PoetryFetcher fetcher;
    FetchRecorder recorder(&fetcher, false);
    const RequestId id = fetcher.fetch(server.address().toString())->id();
    QVERIFY(recorder.waitForOutcomes(1));
    QVERIFY(recorder.record(id).poem);
    QCOMPARE(recorder.record(id).poem->bytes(), QByteArray("over six"));
}

QTEST_GUILESS_MAIN(TestPoetryServer)
#include "tst_poetryserver.moc"
