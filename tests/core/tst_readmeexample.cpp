// The future-style example of the README ("The core as a library"), compiled and run against
// real servers. The block between the BEGIN and END marks is the README's code as it stands
// there, but for the two addresses, which come from the servers started here: keep them the same.

#include "futures.h"
#include "poetryfetcher.h"
#include "testservers.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

class TestReadmeExample : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void example_data();
    void example();
};

void TestReadmeExample::example_data()
{
    QTest::addColumn<bool>("secondRefuses");
    QTest::newRow("two poems") << false;
    QTest::newRow("the second refuses") << true;
}

void TestReadmeExample::example()
{
    QFETCH(bool, secondRefuses);
    auto firstServer = TestServers::start("First line\nsecond line\n");
    auto secondServer = TestServers::start("Another poem\n",
                                           secondRefuses ? PoetryServer::Fault::Refuse
                                                         : PoetryServer::Fault::None);
    const QString first = firstServer->address().toString();
    const QString second = secondServer->address().toString();
    if (secondRefuses)
        QTest::ignoreMessage(
                QtWarningMsg,
                QRegularExpression(u"^ConnectionRefusedError: Connection was refused"_s));
    else
        QTest::ignoreMessage(QtInfoMsg, "2 poems");

    // BEGIN README
    // clang-format off
    PoetryFetcher fetcher;

    // One poem, transformed, or the failure's kind instead (the tutorial's client 5).
    QFuture<QString> title = fetcher.fetch(first)->future()
            .then(&fetcher, [](const Poem &poem) { return poem.text().section(u'\n', 0, 0); })
            .onFailed(&fetcher, [](const FailureException &e) { return e.failure().typeName(); });

    // Several at once: every poem in the order given, or the first failure (gatherResults).
    QList<QFuture<Poem>> poems;
    for (const QString &address : {first, second})
        poems.append(fetcher.fetch(address)->future());
    QFuture<void> all = Futures::gather(poems)
            .then(&fetcher, [](const QList<Poem> &each) { qInfo() << each.size() << "poems"; })
            .onFailed(&fetcher, [](const FailureException &e) { qWarning() << e.what(); });
    // clang-format on
    // END README

    QTRY_VERIFY_WITH_TIMEOUT(title.isFinished() && all.isFinished(), 10'000);
    QCOMPARE(title.result(), u"First line"_s);
}

QTEST_GUILESS_MAIN(TestReadmeExample)
#include "tst_readmeexample.moc"
